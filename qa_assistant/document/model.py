"""The one document model every reader produces and every check reads.

Blocks keep their character offsets into the flat text so that evidence found by any check
can be highlighted in the app and commented back into the source file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


@dataclass(frozen=True)
class Location:
    """Where a block sits in the source file (what is known for that format)."""

    page: int | None = None
    paragraph: int | None = None  # index of the body paragraph (docx) or line (text)
    table: int | None = None
    row: int | None = None

    def describe(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.table is not None:
            parts.append(f"table {self.table + 1}, row {(self.row or 0) + 1}")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph + 1}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    start: int
    end: int
    heading_path: tuple[str, ...] = ()
    level: int = 0  # heading level (1 = top); 0 for non-headings
    location: Location = field(default_factory=Location)
    cells: tuple[str, ...] = ()  # table rows only
    table_header: tuple[str, ...] = ()  # the header row of the table this row belongs to
    # Table rows only: the cells aligned with ``table_header`` (a merged cell repeated over the
    # columns it spans), for reading a column by its header; ``cells`` keeps one copy of each
    # merged cell and matches ``text``.
    grid: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        """The nearest heading above the block, or '' at the top of the draft."""
        return self.heading_path[-1] if self.heading_path else ""


@dataclass
class Document:
    source: str
    fmt: str
    text: str
    blocks: list[Block]
    pages: int | None = None

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def word_count(self) -> int:
        return len(self.text.split())

    def fields(self) -> list[tuple[str, str, Block]]:
        """Form fields as (label, value, block): "Looked after: No" lines, a form's prompt heading
        with its short answer under it, neighbouring table cells ("Looked after? | No") and a
        header grid's columns ("Order | Looked After" over "Referral Order | N")."""
        out: list[tuple[str, str, Block]] = []
        blocks = self.blocks
        for i, b in enumerate(blocks):
            if b.kind == "table_row":
                cells = [c for c in b.cells if c]
                out.extend((a, v, b) for a, v in zip(cells, cells[1:]))
                if b.table_header and b.grid and tuple(b.cells) != b.table_header:
                    out.extend((h, v, b) for h, v in zip(b.table_header, b.grid) if h and v)
            elif b.kind == "heading":
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if (
                    nxt is not None
                    and nxt.kind == "paragraph"
                    and nxt.heading_path[-1:] == (b.text,)
                    and len(nxt.text.split()) <= 25
                ):
                    out.append((b.text, nxt.text, nxt))
            if b.kind in ("paragraph", "heading", "list_item"):
                for m in _FIELD.finditer(b.text):
                    out.append((m.group(1).strip(), m.group(2).strip(), b))
        return out


class DocumentBuilder:
    """Appends blocks in reading order, tracking the heading path and the flat-text offsets."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.fmt = fmt
        self._parts: list[str] = []
        self._offset = 0
        self._blocks: list[Block] = []
        self._path: list[tuple[int, str]] = []  # (level, heading text)
        self._tables: dict[int, tuple[tuple[str, ...], int]] = {}  # index -> (header, rows)
        self._forms: dict[int, tuple[int, tuple[str, ...]]] = {}  # index -> (answer col, header)
        self.pages: int | None = None

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        location: Location | None = None,
        cells: tuple[str, ...] = (),
        table_header: tuple[str, ...] = (),
        grid: tuple[str, ...] = (),
    ) -> Block | None:
        text = " ".join(text.split())
        if not text:
            return None
        if kind == "heading":
            level = max(1, level)
            while self._path and self._path[-1][0] >= level:
                self._path.pop()
            self._path.append((level, text))
            path = tuple(h for _, h in self._path[:-1])
        else:
            path = tuple(h for _, h in self._path)
        if self._parts:
            self._parts.append("\n")
            self._offset += 1
        start = self._offset
        self._parts.append(text)
        self._offset += len(text)
        block = Block(
            kind=kind,
            text=text,
            start=start,
            end=self._offset,
            heading_path=path,
            level=level if kind == "heading" else 0,
            location=location or Location(),
            cells=cells,
            table_header=table_header,
            grid=grid,
        )
        self._blocks.append(block)
        return block

    def add_table(
        self,
        rows: list[list[str]],
        *,
        table_index: int,
        page: int | None = None,
        continues: bool = False,
    ) -> None:
        """Add a table row by row; the first non-empty row is taken as its header.

        With ``continues`` the rows carry on table ``table_index`` already added (a table split
        across pages): they keep its header and row numbering, and a repeated header is dropped.
        """
        # a cell of only a dash is a blank cell as plain-text tables write it
        rows = [["" if _DASH_ONLY.match(c) else " ".join(c.split()) for c in r] for r in rows]
        rows = [r for r in rows if any(r)]
        if continues and table_index in self._forms:  # a form split across pages carries on
            answer, header = self._forms[table_index]
            if rows and header and tuple(rows[0]) == header:
                rows = rows[1:]  # the header repeated at the top of the page
            self.add_form_rows(rows, answer, table_index=table_index, page=page)
            return
        form = None if continues else form_layout(rows)
        if form is not None:
            answer, skip_header = form
            self.add_form_rows(
                rows[1:] if skip_header else rows, answer, table_index=table_index, page=page
            )
            self._tables[table_index] = ((), 0)
            self._forms[table_index] = (answer, tuple(rows[0]) if skip_header and rows else ())
            return
        if continues and table_index in self._tables:
            header, first = self._tables[table_index]
            if rows and tuple(rows[0]) == header:
                rows = rows[1:]
        elif rows:
            header, first = tuple(rows[0]), 0
        else:
            return
        for i, row in enumerate(rows, start=first):
            cells = tuple(_dedupe_adjacent(row))
            self.add(
                "table_row",
                " | ".join(c for c in cells if c),
                location=Location(page=page, table=table_index, row=i),
                cells=cells,
                table_header=header,
                grid=tuple(row),
            )
        self._tables[table_index] = (header, first + len(rows))

    def add_form_rows(
        self, rows: list[list[str]], answer: int, *, table_index: int, page: int | None = None
    ) -> None:
        """A form answered in a table: each row's prompt becomes a heading (one level below the
        current section) and its answer the content under it, as a person reads a form. A blank
        answer leaves the heading with nothing under it (an empty section, a gap)."""
        depth = len(self._path)
        level = min(6, (self._path[-1][0] if self._path else 0) + 1)
        for i, row in enumerate(rows):
            cells = [" ".join(c.split()) for c in row]
            if answer >= len(cells):
                continue
            prompt = " — ".join(dict.fromkeys(c for j, c in enumerate(cells) if j != answer and c))
            value = cells[answer]
            loc = Location(page=page, table=table_index, row=i)
            if prompt:
                self.add("heading", prompt, level=level, location=loc)
            if value:
                self.add("paragraph", value, location=loc)
        del self._path[depth:]  # the next block belongs to the section the form sits in

    def build(self) -> Document:
        return Document(
            source=self.source,
            fmt=self.fmt,
            text="".join(self._parts),
            blocks=_restructured(self._blocks),
            pages=self.pages,
        )


_DASH_ONLY = re.compile(r"^\s*[-–—]+\s*$")
_NUMBER_PREFIX = re.compile(r"^\s*(?:section\s+)?\d+(?:\.\d+)*[.)]?\s+", re.I)


def _title_key(text: str) -> str:
    return " ".join(_NUMBER_PREFIX.sub("", text).lower().split())


def _restructured(blocks: list[Block]) -> list[Block]:
    """What every reader's blocks need whatever the format: the draft's title and a list of
    contents are not sections."""
    changed = {k: "list_item" for k in _contents_entries(blocks)}
    title = _title(blocks)
    if not changed and not title:
        return blocks
    return _with_kinds(blocks, changed, title)


_DOCUMENT_KIND = re.compile(
    r"\b(review|report|clr|learning from|briefing|minutes|rapid review|notification)\b", re.I
)


def _title(blocks: list[Block]) -> set[int]:
    """The draft's title ("Critical Learning Review - Mason (12)", "Learning from a Serious
    Incident: Zain") and any masthead above it ("Kestermoor Youth Offending Service"): the
    headings at the top, before any body text, down to the first that names the kind of
    document. They name the whole draft, not a section: they stay headings but are in no
    block's heading path, so "Learning" in a title does not make the front matter a lesson,
    nor "Action plan" in it the whole draft a plan."""
    heads: list[int] = []
    for k, b in enumerate(blocks[:8]):
        if b.kind == "heading":
            heads.append(k)
            if _DOCUMENT_KIND.search(b.text):
                # and a subtitle right under it that names the kind again, unnumbered ("A
                # systems review using the SCIE Learning Together approach")
                for sub in range(k + 1, min(k + 3, len(blocks))):
                    nxt = blocks[sub]
                    if not (
                        nxt.kind == "heading"
                        and _DOCUMENT_KIND.search(nxt.text)
                        and not _NUMBER_PREFIX.match(nxt.text)
                    ):
                        break
                    heads.append(sub)
                return set(heads)
        elif len(b.text.split()) >= 25:
            break
    return set()


def _contents_entries(blocks: list[Block]) -> set[int]:
    """A run of short lines with nothing between them (headings or list items), three or more of
    which come back after the run as the draft's own headings, is a list of contents ("1. Summary
    2. Background ...") typed or numbered at the top. Its headings become list items, as Word's
    numbered list already reads, so that a .txt or .pdf copy does not open empty sections for
    them. A heading that does not come back ("Contents") stays a heading."""
    demote: set[int] = set()
    last = {_title_key(b.text): n for n, b in enumerate(blocks) if b.kind == "heading"}
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and (
            blocks[j].kind == "heading"
            or (blocks[j].kind == "list_item" and len(blocks[j].text.split()) <= 12)
        ):
            j += 1
        if j - i >= 3:
            back = [k for k in range(i, j) if last.get(_title_key(blocks[k].text), -1) > k]
            if len(back) >= 3:
                demote.update(k for k in back if blocks[k].kind == "heading")
        i = max(j, i + 1)
    return demote


def _with_kinds(blocks: list[Block], kinds: dict[int, str], title: set[int]) -> list[Block]:
    """The blocks with some headings turned into other kinds and the title out of every
    heading path, heading paths recomputed."""
    out: list[Block] = []
    path: list[tuple[int, str]] = []
    for k, b in enumerate(blocks):
        if b.kind == "heading" and k not in kinds:
            while path and path[-1][0] >= b.level:
                path.pop()
            out.append(replace(b, heading_path=tuple(h for _, h in path)))
            if k not in title:
                path.append((b.level, b.text))
            continue
        above = tuple(h for _, h in path)
        if k in kinds:
            out.append(replace(b, kind=kinds[k], level=0, heading_path=above))  # type: ignore[arg-type]
        else:
            out.append(replace(b, heading_path=above))
    return out


# "LABEL: value" (a label opens the line or follows the previous field's value on a form line)
_FIELD = re.compile(
    r"(?:^|(?<=\s))([A-Z][A-Za-z'’/() ]{1,50}?)\s*\??\s*:\s*"
    r"([^:.;|]{1,80}?)(?=\s+[A-Z][A-Z'’/() ]{1,50}\s*:|[.;|]|$)"
)
_ANSWER_HEADERS = {
    "response",
    "responses",
    "answer",
    "answers",
    "details",
    "detail",
    "comments",
    "comment",
    "information",
    "findings",
    "author's response",
    "reviewer's response",
    "summary",
    "response / evidence",
    "evidence",
    "notes",
    "narrative",
    "analysis",
    "commentary",
    "value",
}
_PROMPT_HEADERS = {
    "question",
    "questions",
    "prompt",
    "prompts",
    "section",
    "area",
    "field",
    "item",
    "heading",
    "guidance",
    "consideration",
    "considerations",
    "key line of enquiry",
    "topic",
    "criteria",
    "question / prompt",
    "area of practice",
    "theme",
    "standard",
    "part",
}
_ACTION_WORDS = re.compile(
    r"\b(action|owner|lead|by when|target|deadline|due|timescale|rag|date|signature|signed|role)\b",
    re.I,
)


def form_layout(rows: list[list[str]]) -> tuple[int, bool] | None:
    """Is this table a form (prompt | answer rows) rather than a data table (an action plan, a
    sign-off grid, a chronology)? Returns (answer column, first row is a header) or None."""
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    header = [c.strip().lower().rstrip(":") for c in rows[0]]
    if (
        2 <= width <= 3
        and any(h in _ANSWER_HEADERS for h in header)
        and not any(_ACTION_WORDS.search(h) for h in header)
        and (any(h in _PROMPT_HEADERS for h in header) or width == 2)
    ):
        return max(i for i, h in enumerate(header) if h in _ANSWER_HEADERS), True
    if width != 2 or _ACTION_WORDS.search(" ".join(header)):
        return None
    # a header-less two-column form: short label-like prompts on the left, answers on the right
    left = [r[0] for r in rows if len(r) == 2]
    right = [r[1] for r in rows if len(r) == 2]
    if len(left) < 3:
        return None
    short = sum(len(c.split()) <= 14 for c in left) / len(left)
    longer = sum(len(b.split()) >= len(a.split()) for a, b in zip(left, right)) / len(left)
    labelish = sum(c.rstrip().endswith(("?", ":")) or c[:1].isupper() for c in left) / len(left)
    if short >= 0.8 and longer >= 0.6 and labelish >= 0.8:
        return 1, False
    return None


def _dedupe_adjacent(cells: list[str]) -> list[str]:
    """Merged cells repeat their text across the grid; keep one copy of each run."""
    out: list[str] = []
    for c in cells:
        if out and c and c == out[-1]:
            continue
        out.append(c)
    return out
