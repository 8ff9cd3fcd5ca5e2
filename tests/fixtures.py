"""Build small real drafts (.docx, .pdf, .txt, .md) from a markdown-ish description.

One line of the description is one block of the draft::

    # Title                      heading style Heading 1 (## -> Heading 2, ### -> Heading 3);
                                 in a PDF a bold, larger line
    **Voice of the child**       bold pseudo-heading: a Normal paragraph whose runs are all bold
    = 3. Management oversight    a plain Normal paragraph written exactly as given (use it for
                                 numbered or capitalised pseudo-headings, or any line that would
                                 otherwise be read as a list item)
    - a bullet                   "List Bullet" item (a "•" line in a PDF)
    1. a numbered item           "List Number" item (a "1." line in a PDF)
    | Action | Owner | Target date |   table rows (a |---| separator line is optional; the first
                                 row is the header); a cell that is exactly "<<" merges with the
                                 cell on its left (w:gridSpan in .docx, SPAN in a PDF), and
                                 "^^" with the cell above (w:vMerge in .docx, SPAN in a PDF)
    \\newpage                     page break (PDF and .docx)
    any other line               a paragraph

Inline tracked changes (CriticMarkup): ``{++inserted++}`` becomes a ``w:ins`` run and
``{--deleted--}`` a ``w:del`` run with ``w:delText`` in a .docx; other formats keep the
insertion and drop the deletion (what the author submits once changes are accepted).

All drafts written with these helpers are fictional.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CRITIC = re.compile(r"\{\+\+(.*?)\+\+\}|\{--(.*?)--\}")
MERGE_LEFT = "<<"
MERGE_UP = "^^"


@dataclass
class Part:
    kind: str  # heading, bold, plain, bullet, number, table, paragraph, pagebreak
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


def parse(spec: str) -> list[Part]:
    """The description as a list of parts (see the module docstring)."""
    parts: list[Part] = []
    table: list[list[str]] = []

    def flush_table() -> None:
        nonlocal table
        if table:
            parts.append(Part("table", rows=table))
            table = []

    for raw in textwrap.dedent(spec).splitlines():
        line = raw.strip()
        if line.startswith("|") and line.count("|") >= 2:
            if not _TABLE_SEP.match(line):
                table.append([c.strip() for c in line.strip("|").split("|")])
            continue
        flush_table()
        if not line:
            continue
        if line == "\\newpage":
            parts.append(Part("pagebreak"))
            continue
        m = re.match(r"^(#{1,3})\s+(.*)$", line)
        if m:
            parts.append(Part("heading", m.group(2).strip(), level=len(m.group(1))))
            continue
        m = re.match(r"^\*\*(.+?)\*\*$", line)
        if m:
            parts.append(Part("bold", m.group(1).strip()))
            continue
        if line.startswith("= "):
            parts.append(Part("plain", line[2:].strip()))
            continue
        m = re.match(r"^[-*]\s+(.*)$", line)
        if m:
            parts.append(Part("bullet", m.group(1).strip()))
            continue
        m = re.match(r"^(\d{1,2})[.)]\s+(.*)$", line)
        if m:
            parts.append(Part("number", m.group(2).strip(), level=int(m.group(1))))
            continue
        parts.append(Part("paragraph", line))
    flush_table()
    return parts


def accepted(text: str) -> str:
    """Text with tracked changes accepted: insertions kept, deletions dropped."""
    return _CRITIC.sub(lambda m: m.group(1) if m.group(1) is not None else "", text)


def _segments(text: str) -> list[tuple[str, str]]:
    """('plain'|'ins'|'del', text) runs of a line with CriticMarkup."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _CRITIC.finditer(text):
        if m.start() > pos:
            out.append(("plain", text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(("ins", m.group(1)))
        else:
            out.append(("del", m.group(2)))
        pos = m.end()
    if pos < len(text):
        out.append(("plain", text[pos:]))
    return out


# -- .docx ---------------------------------------------------------------------------------
def _add_runs(paragraph, text: str, bold: bool = False) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change_id = 100
    for kind, seg in _segments(text):
        if kind == "plain":
            run = paragraph.add_run(seg)
            if bold:
                run.bold = True
            continue
        change_id += 1
        wrapper = OxmlElement("w:ins" if kind == "ins" else "w:del")
        wrapper.set(qn("w:id"), str(change_id))
        wrapper.set(qn("w:author"), "Reviewer")
        wrapper.set(qn("w:date"), "2025-01-10T10:00:00Z")
        r = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            r.append(rpr)
        t = OxmlElement("w:t" if kind == "ins" else "w:delText")
        t.set(qn("xml:space"), "preserve")
        t.text = seg
        r.append(t)
        wrapper.append(r)
        paragraph._p.append(wrapper)


def _docx_table(d, rows: list[list[str]]) -> None:
    ncols = max(len(r) for r in rows)
    table = d.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    grid = [row + [""] * (ncols - len(row)) for row in rows]
    for i, cells in enumerate(grid):
        j = 0
        while j < ncols:
            span = 1
            while j + span < ncols and cells[j + span] == MERGE_LEFT:
                span += 1
            cell = table.cell(i, j)
            if span > 1:
                cell = cell.merge(table.cell(i, j + span - 1))
            if cells[j] != MERGE_UP:
                _add_runs(cell.paragraphs[0], cells[j], bold=(i == 0))
            j += span
    for i, cells in enumerate(grid):  # vertical merges (w:vMerge), after the text is in place
        for j, text in enumerate(cells):
            if text == MERGE_UP and i > 0 and grid[i - 1][j] != MERGE_UP:
                end = i
                while end + 1 < len(grid) and grid[end + 1][j] == MERGE_UP:
                    end += 1
                table.cell(i - 1, j).merge(table.cell(end, j))


def to_docx(spec: str | list[Part]) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    parts = parse(spec) if isinstance(spec, str) else spec
    d = docx.Document()
    for p in parts:
        if p.kind == "heading":
            para = d.add_paragraph(style=f"Heading {p.level}")
            _add_runs(para, p.text)
        elif p.kind == "bold":
            _add_runs(d.add_paragraph(), p.text, bold=True)
        elif p.kind == "bullet":
            _add_runs(d.add_paragraph(style="List Bullet"), p.text)
        elif p.kind == "number":
            _add_runs(d.add_paragraph(style="List Number"), p.text)
        elif p.kind == "table":
            _docx_table(d, p.rows)
        elif p.kind == "pagebreak":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            _add_runs(d.add_paragraph(), p.text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- .pdf ----------------------------------------------------------------------------------
def to_pdf(spec: str | list[Part]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    def esc(t: str) -> str:
        return accepted(t).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=8)
    bold = ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold")
    heads = {
        1: ParagraphStyle("h1", parent=body, fontName="Helvetica-Bold", fontSize=16, leading=20),
        2: ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=13, leading=17),
        3: ParagraphStyle("h3", parent=body, fontName="Helvetica-Bold", fontSize=12, leading=15),
    }
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    story: list = []
    for p in parts_of(spec):
        if p.kind == "heading":
            story.append(Paragraph(esc(p.text), heads[p.level]))
        elif p.kind == "bold":
            story.append(Paragraph(esc(p.text), bold))
        elif p.kind == "bullet":
            story.append(Paragraph("• " + esc(p.text), body))
        elif p.kind == "number":
            story.append(Paragraph(f"{p.level}. " + esc(p.text), body))
        elif p.kind == "table":
            ncols = max(len(r) for r in p.rows)
            data, spans = [], []
            for i, row in enumerate(p.rows):
                cells = row + [""] * (ncols - len(row))
                out = []
                for j, c in enumerate(cells):
                    if c == MERGE_LEFT:
                        out.append("")
                        start = j
                        while start > 0 and cells[start] == MERGE_LEFT:
                            start -= 1
                        spans.append(("SPAN", (start, i), (j, i)))
                    elif c == MERGE_UP:
                        out.append("")
                        top = i
                        while top > 0 and p.rows[top][j] == MERGE_UP:
                            top -= 1
                        spans.append(("SPAN", (j, top), (j, i)))
                    else:
                        out.append(Paragraph(esc(c), cell))
                data.append(out)
            t = Table(data, colWidths=[460 / ncols] * ncols)
            t.setStyle(
                [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                + spans
            )
            story += [t, Spacer(1, 10)]
        elif p.kind == "pagebreak":
            story.append(PageBreak())
        else:
            story.append(Paragraph(esc(p.text), body))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title="Draft", author="tests", invariant=1).build(story)
    return buf.getvalue()


def parts_of(spec: str | list[Part]) -> list[Part]:
    return parse(spec) if isinstance(spec, str) else spec


# -- .txt / .md ----------------------------------------------------------------------------
def to_text(spec: str | list[Part], *, markdown: bool = True) -> str:
    """Plain-text rendering: markdown headings, bullets and pipe tables, a blank line between
    blocks; with ``markdown=False`` headings are written as bare lines (capitals stay capitals)."""
    lines: list[str] = []
    for p in parts_of(spec):
        text = accepted(p.text)
        if p.kind == "heading":
            lines.append(("#" * p.level + " " + text) if markdown else text)
        elif p.kind == "bold":
            lines.append(f"**{text}**" if markdown else text)
        elif p.kind == "bullet":
            lines.append(f"- {text}")
        elif p.kind == "number":
            lines.append(f"{p.level}. {text}")
        elif p.kind == "table":
            rows = [[accepted(c) if c not in (MERGE_LEFT, MERGE_UP) else "" for c in r]
                    for r in p.rows]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        elif p.kind == "pagebreak":
            continue
        else:
            lines.append(text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_txt(spec: str | list[Part], *, encoding: str = "utf-8", markdown: bool = True) -> bytes:
    return to_text(spec, markdown=markdown).encode(encoding)


BUILDERS = {
    "docx": to_docx,
    "pdf": to_pdf,
    "txt": to_txt,
    "md": to_txt,
}


def build(spec: str, fmt: str = "docx") -> bytes:
    """The draft described by ``spec`` as the bytes of a ``fmt`` file."""
    return BUILDERS[fmt](spec)


def write(tmp_path: Path, name: str, spec: str) -> Path:
    """Write the draft to ``tmp_path/name`` in the format its suffix names."""
    path = Path(tmp_path) / name
    path.write_bytes(build(spec, path.suffix.lstrip(".").lower()))
    return path


def read(spec: str, fmt: str = "docx"):
    """The draft described by ``spec``, built as ``fmt`` and read back by the engine."""
    from qa_assistant.ingest import read_bytes

    return read_bytes(build(spec, fmt), f"draft.{fmt}")


@lru_cache(maxsize=1)
def rules_checker():
    """One rules-only Checker shared by the tests (spaCy and the packs are built once)."""
    from qa_assistant.checker import Checker

    return Checker(use_models=False)


def check(spec: str, fmt: str = "md"):
    """Rules-only result for the draft described by ``spec`` (built as ``fmt``)."""
    return rules_checker().check_document(read(spec, fmt))
