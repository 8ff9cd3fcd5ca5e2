"""The plain keyword-search baseline the rules and models must beat.

A concern counts as met when any of its pack's heading words appear anywhere in the draft, and
missing otherwise; for a pack whose default is met (blame_free) the keywords mark the gap.
"""

from __future__ import annotations

import re

from qa_assistant.checks.packs import ConcernPack

_INVERTED_KEYWORDS = ("blame", "negligent", "negligence", "disciplinary", "failed")


def keyword_status(pack: ConcernPack, text: str) -> str:
    low = text.lower()
    if pack.default == "met":
        hit = any(re.search(rf"\b{re.escape(k)}", low) for k in _INVERTED_KEYWORDS)
        return "missing" if hit else "met"
    keys = pack.headings or (pack.title.lower(),)
    hit = any(re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", low) for k in keys)
    return "met" if hit else "missing"
