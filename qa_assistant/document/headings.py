"""Recognise pseudo-headings that authors type instead of using heading styles.

Busy authors bold a line, number it ("3. Management oversight", "4.2 The child's voice"), put it
in capitals, or end it with a colon. These heuristics are shared by every reader so that a .txt,
a .pdf and a .docx of the same draft get the same section structure.
"""

from __future__ import annotations

import re

CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…+|\t|\s{3,}|_{3,})\s*\d{1,3}\s*$")
_NUMBERED = re.compile(r"^(?:section\s+)?(\d+(?:\.\d+)*)[.)]?\s+(\S.*)$", re.IGNORECASE)
_MAX_WORDS = 12


def numbered_level(text: str) -> int:
    """'3.' -> 1, '3.2' -> 2, '3.2.1' -> 3; 0 when not numbered."""
    m = _NUMBERED.match(text.strip())
    if not m:
        return 0
    return m.group(1).count(".") + 1 if not m.group(1).endswith(".") else 1


def _short_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_WORDS and not text.rstrip().endswith((".", ";", ",", "?"))


def looks_like_heading(text: str, *, bold: bool = False, larger: bool = False) -> int:
    """Return a heading level (1-3) when the line reads as a heading, else 0."""
    t = text.strip()
    if not t or len(t) > 120 or CONTENTS_ENTRY.search(t):
        return 0  # "5. Findings and Recommendations ........ 23" is a contents-page entry
    if t.endswith("?") and len(t.split()) <= 14 and (bold or larger):
        return 2  # question-led templates: "What did the child tell us?"
    m = _NUMBERED.match(t)
    if m and t.endswith("?") and len(t.split()) <= 14 and m.group(2)[:1].isupper():
        return min(3, numbered_level(t))  # "9. What will we do differently?"
    if not _short_title(t.rstrip(":")):
        return 0
    m = _NUMBERED.match(t)
    if m:
        body = m.group(2)
        # "1. Contact CAMHS by May" is a list item, not a heading: headings are title-like.
        if (bold or larger) and not _DATE.search(body):
            return min(3, numbered_level(t))
        if _titleish(body) and not _has_date_or_verb_start(body):
            return min(3, numbered_level(t))
        return 0
    if bold or larger:
        return 2
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return 1
    if t.endswith(":") and len(t.split()) <= 8 and _titleish(t):
        return 3
    return 0


def _titleish(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", text)]
    if not words:
        return False
    small = {"of", "the", "and", "to", "in", "for", "on", "a", "an", "by", "with", "at", "or", "&"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return words[0][0].isupper() and caps / len(words) >= 0.5 and len(words) <= 10


_ACTION_START = re.compile(
    r"^(to |ensure|review|contact|complete|share|provide|arrange|refer|develop|deliver|audit)",
    re.IGNORECASE,
)
_DATE = re.compile(r"\b(19|20)\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}")


def _has_date_or_verb_start(text: str) -> bool:
    return bool(_ACTION_START.match(text) or _DATE.search(text))
