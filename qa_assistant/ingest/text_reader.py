"""Read .txt and .md drafts: UTF-8 (with or without BOM), then cp1252.

Markdown structure (#-headings, bullets, numbered items, pipe tables, **bold** lines) is kept;
plain text gets the same pseudo-heading heuristics as the other formats.
"""

from __future__ import annotations

import re

from qa_assistant.document.headings import looks_like_heading, standalone_title
from qa_assistant.document.model import Document, DocumentBuilder, Location
from qa_assistant.errors import UnsupportedFormat

_NUMBERED_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•●▪–]|\d{1,2}[.)]|\(?(?:[ivx]{1,4}|[a-z])[.)])\s+")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1:?\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE_MD = re.compile(r"(\*\*|__|`)")


def decode_text(data: bytes) -> str:
    """Decode bytes as text, refusing binary data rather than producing mojibake."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnsupportedFormat("this text file's encoding could not be read") from exc
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise UnsupportedFormat("this file holds binary data, not text (is it the right file?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


_SPACED = re.compile(r" {3,}|\t+")


def _plain_row(line: str) -> list[str] | None:
    """A row of a table typed without pipes: cells split by tabs or by runs of 3+ spaces."""
    body = line.strip()
    if not body or body.startswith("|"):
        return None
    if "\t" in body:
        cells = [c.strip() for c in re.split(r"\t+", body)]
    elif "   " in body:
        cells = [c.strip() for c in _SPACED.split(body)]
    else:
        return None
    cells = [c for c in cells if c]
    return cells if len(cells) >= 2 else None


def _plain_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """The rows of a tab- or space-aligned table starting at line i (at least two rows of the
    same width), and the index after it; ([], i) when there is none."""
    first = _plain_row(lines[i])
    if first is None:
        return [], i
    rows = [first]
    j = i + 1
    while j < len(lines):
        row = _plain_row(lines[j])
        if row is None or len(row) != len(first):
            break
        rows.append(row)
        j += 1
    return (rows, j) if len(rows) >= 2 else ([], i)


def read_text(data: bytes, source: str, fmt: str = "txt") -> Document:
    text = decode_text(data)
    builder = DocumentBuilder(source, fmt)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    para: list[str] = []
    para_line = 0
    table: list[list[str]] = []
    table_index = 0

    def flush_para() -> None:
        nonlocal para
        if para:
            builder.add("paragraph", " ".join(para), location=Location(paragraph=para_line))
            para = []

    def flush_table() -> None:
        nonlocal table, table_index
        if table:
            builder.add_table(table, table_index=table_index)
            table_index += 1
            table = []

    skip_to = 0
    for i, raw in enumerate(lines):
        if i < skip_to:
            continue
        line = raw.rstrip()
        stripped = line.strip()
        rows, after = _plain_table(lines, i)
        if rows:
            flush_para()
            flush_table()
            builder.add_table(rows, table_index=table_index)
            table_index += 1
            skip_to = after
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            flush_para()
            if not _TABLE_SEP.match(stripped):
                table.append(_cells(stripped))
            continue
        flush_table()
        if not stripped:
            flush_para()
            continue
        loc = Location(paragraph=i)
        m = _MD_HEADING.match(stripped)
        if m:
            flush_para()
            builder.add("heading", _clean(m.group(2)), level=len(m.group(1)), location=loc)
            continue
        b = _BOLD_LINE.match(stripped)
        if b and len(b.group(2).split()) <= 14:
            flush_para()
            builder.add("heading", b.group(2).strip(), level=2, location=loc)
            continue
        if _BULLET.match(stripped):
            level = (looks_like_heading(stripped) or _standalone_title(lines, i)) if not para else 0
            flush_para()
            if level:
                builder.add("heading", _clean(stripped), level=level, location=loc)
            else:
                builder.add("list_item", _clean(_BULLET.sub("", stripped, count=1)), location=loc)
            continue
        if not para:
            level = looks_like_heading(stripped) or _standalone_title(lines, i)
            if level:
                builder.add("heading", _clean(stripped), level=level, location=loc)
                continue
            para_line = i
        para.append(_clean(stripped))
    flush_table()
    flush_para()
    return builder.build()


def _standalone_title(lines: list[str], i: int) -> int:
    """A title line with a blank line before and after it; a numbered one is not followed by
    the next number (that is a list of items, each on its own line)."""
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if before or after:
        return 0
    if _NUMBERED_LINE.match(lines[i].strip()):
        following = next((ln.strip() for ln in lines[i + 1 :] if ln.strip()), "")
        if _NUMBERED_LINE.match(following):
            return 0
    return standalone_title(lines[i])


def _clean(text: str) -> str:
    return _INLINE_MD.sub("", text).strip()
