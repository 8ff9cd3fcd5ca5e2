"""Which framework a draft looks like (a note for the user, never a switch).

Each framework's ``framework.yaml`` lists ``suggest_when`` phrases; the longest one found in the
draft's title and opening names the suggestion. Only the small ``framework.yaml`` files are read.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from qa_assistant.document.text import normalise
from qa_assistant.paths import frameworks_dir

OPENING = 1500  # characters of the draft read: its title and first paragraphs


@lru_cache(maxsize=4)
def _phrases(root: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    for spec in sorted(frameworks_dir().glob("*/framework.yaml")):
        try:
            data = yaml.safe_load(spec.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue  # the framework's own loader reports it
        phrases = tuple(str(p).lower() for p in data.get("suggest_when") or [])
        out.append((str(data.get("name", spec.parent.name)), str(data.get("title", "")), phrases))
    return tuple(out)


def suggest_framework(text: str) -> tuple[str, str] | None:
    """(name, title) of the framework the draft's opening suggests, or None."""
    head = normalise(text[:OPENING])
    best, best_len = None, 0
    for name, title, phrases in _phrases(str(frameworks_dir())):
        for phrase in phrases:
            if len(phrase) > best_len and re.search(rf"\b{re.escape(phrase)}\b", head):
                best, best_len = (name, title), len(phrase)
    return best


def framework_note(current: str, text: str) -> dict:
    """The framework used, the one suggested, and a note when they differ."""
    found = suggest_framework(text)
    note = ""
    if found and found[0] != current:
        note = (
            f"this draft reads like a {found[1] or found[0]}: check it with "
            f"--framework {found[0]} (checked against '{current}' as asked)"
        )
    return {"suggested": found[0] if found else None, "note": note}
