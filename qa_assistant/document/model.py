"""The one document model every reader produces and every check reads.

Blocks keep their character offsets into the flat text so that evidence found by any check
can be highlighted in the app and commented back into the source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        rows = [[" ".join(c.split()) for c in r] for r in rows]
        rows = [r for r in rows if any(r)]
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

    def build(self) -> Document:
        return Document(
            source=self.source,
            fmt=self.fmt,
            text="".join(self._parts),
            blocks=self._blocks,
            pages=self.pages,
        )


def _dedupe_adjacent(cells: list[str]) -> list[str]:
    """Merged cells repeat their text across the grid; keep one copy of each run."""
    out: list[str] = []
    for c in cells:
        if out and c and c == out[-1]:
            continue
        out.append(c)
    return out
