"""What the sample report needs from one checked draft beyond the JSON contract: the service
that wrote it, the period (year) of the review, and its findings and recommendation passages.

Run in the batch worker (so only these small pieces travel) and in the app for each entry.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import PurePosixPath

from qa_assistant.paths import rules_dir

# "Wexcombe Youth Offending Team", "Ravensmoor YOS", "Cwm Teifion Youth Justice Service"
_SUFFIX = r"(?:Youth\s+(?:Justice|Offending)\s+(?:Service|Team)|YOT|YOS|YJS|YJT)"
_WORD = r"[A-Z][\w'’\-]+"
_SERVICE = re.compile(rf"((?:{_WORD}\s+){{1,3}}?){_SUFFIX}\b")
# words that start a sentence or a form field rather than a place
_NOT_PLACE = {
    "the", "a", "an", "this", "our", "local", "critical", "learning", "review", "serious",
    "incident", "report", "head", "manager", "operational", "team", "service", "for", "and",
    "of", "by", "to", "with", "from", "author", "date", "rapid", "full", "joint", "initial",
    "independent", "case", "child", "children", "name", "completed", "prepared", "in", "at",
    "senior", "practice", "lead", "worker", "officer", "on", "youth", "justice", "offending",
    "borough", "council", "county", "city", "host", "courtesy", "supervision", "home",
    "actions", "action", "owner", "owners", "recommendation", "recommendations", "notes",
    "first", "second", "new", "previous", "current", "another", "other", "each", "every",
}
_REVIEW_DATE = re.compile(
    r"(?i)\b(?:date\s+of\s+(?:the\s+)?(?:review|report|learning\s+(?:review|workshop)|panel|"
    r"meeting)|report\s+date|review\s+completed|date\s+completed|completed\s+on|meeting\s+held|"
    r"review\s+meeting|signed\s+off)\b[^\n]{0,40}?\b(20\d\d|\d{1,2}/\d{1,2}/(?:20)?\d\d)\b"
)
_YEAR = re.compile(r"\b(20[0-4]\d)\b")
_SHORT_YEAR = re.compile(r"/(\d\d)$")
HEADER_CHARS = 1500
MAX_PASSAGES = 30
MAX_PASSAGE_CHARS = 600


def _place(words: str) -> str:
    parts = words.split()
    while parts and parts[0].lower().strip("'’") in _NOT_PLACE:
        parts.pop(0)
    return " ".join(parts)


def services_named(text: str) -> list[str]:
    """The places of the youth justice services named in ``text``, in order of appearance."""
    out = []
    for m in _SERVICE.finditer(text):
        place = _place(m.group(1))
        if place and any(w.lower() not in _NOT_PLACE for w in place.split()):
            out.append(place.title() if place.isupper() else place)
    return out


def service_of(result, source: str) -> tuple[str, str]:
    """(service, how it was found): the service named in the title, else the one the draft
    names most often, else the folder the draft was in."""
    blocks = getattr(result, "blocks", []) or []
    title = " ".join(b.text for b in blocks[:3]) if blocks else result.text[:300]
    named = services_named(title)
    if named:
        return named[0], "title"
    counts = Counter(services_named(result.text[:20000]))
    if counts:
        return counts.most_common(1)[0][0], "text"
    folder = PurePosixPath(source.replace("\\", "/").rsplit("!", 1)[0]).parent.name
    if "!" in source:  # a member of a .zip: its folder inside the archive, else the archive
        inner = PurePosixPath(source.rsplit("!", 1)[1]).parent.name
        folder = inner or PurePosixPath(source.rsplit("!", 1)[0]).stem
    return (folder or "not named"), ("folder" if folder else "none")


def period_of(text: str) -> str:
    """The year of the review: a labelled review/report date in the header, else the latest
    year the header mentions, else "not stated"."""
    head = text[:HEADER_CHARS]
    m = _REVIEW_DATE.search(head) or _REVIEW_DATE.search(text)
    if m:
        value = m.group(1)
        if len(value) == 4:
            return value
        short = _SHORT_YEAR.search(value)
        year = value[-4:] if not short else "20" + short.group(1)
        if _YEAR.fullmatch(year):
            return year
    years = [int(y) for y in _YEAR.findall(head)]
    return str(max(years)) if years else "not stated"


def sample_info(result, source: str) -> dict:
    service, how = service_of(result, source)
    return {"service": service, "service_from": how, "period": period_of(result.text)}


@lru_cache(maxsize=1)
def passage_headings() -> re.Pattern:
    """Headings whose text is findings or recommendations (``passage_headings`` in themes.yaml)."""
    import yaml

    data = yaml.safe_load((rules_dir() / "themes.yaml").read_text(encoding="utf-8"))
    words = data.get("passage_headings", [])
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")")


def learning_passages(result) -> list[dict]:
    """The review's findings and recommendation passages: paragraphs, list items and table rows
    under a heading about learning, findings, recommendations or actions, plus the actions.
    Each is ``{"text", "section", "start"}`` (offsets into the draft's flat text)."""
    pattern = passage_headings()
    title = re.compile(r"(?i)\blearning\s+review\b|\breview\s*[-–:]|^critical\b")
    out: list[dict] = []
    seen: set[str] = set()
    for b in getattr(result, "blocks", []) or []:
        kind = getattr(b.kind, "value", b.kind)
        if kind == "heading" or not b.heading_path:
            continue
        path = b.heading_path[1:] if len(b.heading_path) > 1 else b.heading_path
        if not any(pattern.search(h) and not title.search(h) for h in path):
            continue
        text = " ".join(b.text.split())
        if len(text) < 40 or text in seen:
            continue
        seen.add(text)
        out.append(
            {"text": text[:MAX_PASSAGE_CHARS], "section": b.heading_path[-1], "start": b.start}
        )
        if len(out) >= MAX_PASSAGES:
            break
    for a in getattr(result, "actions", []) or []:
        if len(out) >= MAX_PASSAGES + 10:
            break
        text = " ".join(a.text.split())
        if len(text) >= 40 and text not in seen:
            seen.add(text)
            out.append({"text": text[:MAX_PASSAGE_CHARS], "section": a.section, "start": a.start})
    return out
