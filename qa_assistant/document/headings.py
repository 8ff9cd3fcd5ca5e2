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
_PART_TITLE = re.compile(r"^(?:part|section|stage)\s+\w{1,4}\s*[:.–—-]\s+(\S.*?)\s*$", re.I)
_PART_LABEL = re.compile(r"^(?:part|section|stage|appendix|annex|chapter)\s+\w{1,4}$", re.I)


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
    letters = [c for c in t if c.isalpha()]
    capitals = len(letters) >= 4 and all(c.isupper() for c in letters)
    if capitals and t.endswith("?") and len(t.split()) <= 14:
        return 1  # "WHAT DID ZAIN TELL US?"
    part = _PART_TITLE.match(t)
    if (
        part
        and _titleish(part.group(1))
        and len(part.group(1).split()) <= 8
        and not _has_date_or_verb_start(part.group(1))
    ):
        return 1  # "Section 4: Actions", "Part 2 - The child's voice"
    label, colon, value = t.partition(":")
    if capitals and colon and value.strip() and not _PART_LABEL.match(label.strip()):
        return 0  # "DATE OF INCIDENT: 25/01/2025": a form field with its answer, not a title
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
    if capitals:
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
    # "3. Review" alone is a title; "3. Review the plan" is an action, "3. Review of progress"
    # a title
    words = text.split()
    verb = (_ACTION_START.match(text) or _IMPERATIVE.match(text)) and len(words) > 1
    return bool((verb and words[1].lower() not in _TITLE_SECOND) or _DATE.search(text))


def standalone_title(text: str) -> int:
    """A short line standing on its own (a paragraph of one line, with no closing punctuation)
    reads as a heading: "Voice of the child", "What happened", "Actions". Level 2 (a numbered
    one, "8. Summary of agency involvement", at its number's level), else 0.

    Every reader asks this of a line that stands alone (between blank lines in plain text, a
    paragraph of its own in Word, a one-line paragraph in a PDF), so the three formats of one
    draft get the same sections."""
    t = text.strip()
    if _LEAD_IN.match(t) and not _SPEECH_END.search(t):
        return 3  # "What we will do:", "Actions agreed:": a line that introduces what follows
    number = _NUMBER_LEAD.match(t)
    level = 2
    if number and number.end() < len(t):
        level = min(3, numbered_level(t)) or 2  # at the level of the draft's other numbered titles
        # "8. Summary of agency involvement and emerging learning" on its own line: a numbered
        # title in sentence case, judged by its words ("1. Contact CAMHS by May" stays an item)
        t = t[number.end() :]
        if _DATE.search(t) or _ASSIGNS.search(t):
            return 0  # "2. CAMHS to see Kai by May": a numbered action, not a title
    words = t.split()
    if not 1 <= len(words) <= 10 or t[-1] in ".,;!?)\"'”’" or not t[0].isupper() or ":" in t:
        return 0
    if not any(len(w) >= 3 and w.isalpha() and not w.isupper() for w in words):
        return 0  # "N/A", "TBC", "J.T.": a placeholder or initials, not a title
    if CONTENTS_ENTRY.search(t):
        return 0
    m = _IMPERATIVE.match(t)
    if m and words[1:2] and words[1].lower() not in _TITLE_SECOND:
        return 0  # "Improve communication with schools": an action on a line of its own
    return level


# "8. ", "10. 8. ", "4.2 ": the number in front of a numbered title
_NUMBER_LEAD = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)+(?=[A-Za-z])")

_ASSIGNS = re.compile(r"\b(?:to|should|will|must|shall|would|could|can)\s+[a-z]")

# A short line of words ending in its only colon, standing alone, introduces a list or a section
# ("What we learned:"); one ending in a speech verb introduces a quotation ("Her mother said:").
_LEAD_IN = re.compile(r"^[A-Z][A-Za-z'’&/,() -]{2,60}:$")
_SPEECH_END = re.compile(
    r"\b(?:said|says|told (?:us|me|the \w+)|explained|added|wrote|asked|replied|stated|commented)"
    r"\s*:$",
    re.I,
)

# A line opening with one of these verbs is an action, not a title, unless the next word makes it
# a noun phrase ("Review of progress", "Update on actions").
_IMPERATIVE = re.compile(
    r"^(improve|update|ensure|review|contact|complete|share|provide|arrange|refer|develop|"
    r"deliver|audit|consider|hold|agree|create|establish|introduce|implement|train|monitor|"
    r"remind|liaise|check|make|send|write|raise|offer|seek|undertake|produce|convene)\b",
    re.I,
)
_TITLE_SECOND = {"of", "and", "&", "on", "from", "for", "to", "date", "dates", "progress"}
