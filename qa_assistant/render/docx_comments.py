"""The draft back as a Word document with the QA findings as margin comments.

For a .docx upload the author's own document is returned unchanged except for comments: one on
each paragraph (or table-cell paragraph) that carries evidence for a concern, naming the
concern, its status and, for a gap, what to add; one on the heading of a section a gap concern
was read from when no passage was found; and a "QA summary" comment on the first paragraph
listing every gap with its advice. A .pdf/.txt/.md draft (or a .docx that cannot be reopened) is
rebuilt as a new .docx from the blocks the checker read (headings, paragraphs, lists, tables)
with the same comments and a "QA summary" section at the end.

Everything happens in memory: the bytes in, the bytes out; nothing is written to disk.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from qa_assistant.checks.owners import owner_label, reviewing_agency
from qa_assistant.document.text import normalise
from qa_assistant.errors import DraftError
from qa_assistant.ingest.docx_reader import paragraph_text, structure
from qa_assistant.ingest.guards import ZIP_MAGIC, open_safe_zip
from qa_assistant.result.model import ConcernResult, DraftResult, Evidence
from qa_assistant.result.status import status_rank, status_text

AUTHOR = "QA assistant"
INITIALS = "QA"
W_R, W_T = qn("w:r"), qn("w:t")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_COMMENT_CHARS = 4000


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub(" ", text or "")


@dataclass(eq=False)
class _Target:
    """A paragraph of the output document that findings may be attached to."""

    paragraph: Paragraph
    text: str  # normalised visible text
    findings: list[tuple[ConcernResult, Evidence | None]] = field(default_factory=list)


class _Layout:
    """Paragraph targets of the output document and how blocks of the result map onto them."""

    def __init__(self) -> None:
        self.all: list[_Target] = []
        self.by_block: dict[int, list[_Target]] = {}
        self.headings: list[_Target] = []

    def add(self, paragraph: Paragraph, text: str) -> _Target:
        t = _Target(paragraph, normalise(text))
        self.all.append(t)
        return t

    def search(self, needle: str, pool: list[_Target] | None = None) -> _Target | None:
        if not needle:
            return None
        for t in pool if pool is not None else self.all:
            if needle in t.text:
                return t
        return None


def _needles(text: str) -> list[str]:
    """Strings to look for: the whole passage, its table-cell pieces, then its opening words."""
    n = normalise(text)
    out = [n]
    pieces = sorted((p.strip() for p in n.split(" | ") if p.strip()), key=len, reverse=True)
    out.extend(p for p in pieces if p != n)
    if len(n) > 60:
        out.append(n[:60])
    return out


def _locate(layout: _Layout, result: DraftResult, starts: list[int], e: Evidence) -> _Target | None:
    i = bisect_right(starts, e.start) - 1
    pool = layout.by_block.get(i) if 0 <= i < len(result.blocks) else None
    needles = _needles(e.text)
    if pool:
        for needle in needles:
            hit = layout.search(needle, pool)
            if hit is not None:
                return hit
        if len(pool) == 1:
            return pool[0]
    for needle in needles:
        hit = layout.search(needle)
        if hit is not None:
            return hit
    return None


# -- the two ways to get a layout --------------------------------------------------------
def _walk_docx(document, result: DraftResult) -> _Layout:
    """Targets for the author's own .docx, numbered as the reader numbered them. A table row's
    block is mapped to the cells of that row only, so the work is linear in the number of
    cells, not rows times cells."""
    layout = _Layout()
    paragraphs, tables = structure(document.element.body)
    body_paras = [layout.add(Paragraph(el, document), paragraph_text(el)) for el in paragraphs]
    table_rows: list[list[list[_Target]]] = [
        [[layout.add(Paragraph(el, document), paragraph_text(el)) for el in row] for row in rows]
        for rows in tables
    ]
    for bi, block in enumerate(result.blocks):
        loc = block.location
        if block.kind == "table_row" and loc.table is not None and loc.table < len(table_rows):
            rows = table_rows[loc.table]
            row = rows[loc.row] if loc.row is not None and loc.row < len(rows) else []
            layout.by_block[bi] = [t for t in row if t.text]
        elif loc.paragraph is not None and loc.paragraph < len(body_paras):
            layout.by_block[bi] = [body_paras[loc.paragraph]]
        if block.kind == "heading" and bi in layout.by_block:
            layout.headings.extend(layout.by_block[bi])
    return layout


def _rebuild(result: DraftResult, name: str) -> tuple[docx.document.Document, _Layout, Paragraph]:
    """A new .docx of the draft's blocks; returns it, its targets and the title paragraph."""
    d = docx.Document()
    layout = _Layout()
    title = d.add_heading(_xml_safe(f"QA copy: {Path(name).name}"), level=0)
    layout.add(title, title.text)
    note = d.add_paragraph()
    run = note.add_run(
        f"Rebuilt from the {result.fmt.upper()} draft so that the QA findings can be shown as "
        "comments. The original layout and formatting are not kept; make changes in the "
        "original document."
    )
    run.italic = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    blocks = result.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "table_row":
            j = i
            while (
                j < len(blocks)
                and blocks[j].kind == "table_row"
                and blocks[j].location.table == b.location.table
            ):
                j += 1
            rows = blocks[i:j]
            width = max(max(len(r.cells), 1) for r in rows)
            table = d.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            # cells straight from the XML: python-docx's table.cell() lays out the whole grid on
            # every call, which is quadratic in the number of rows
            grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
            for ri, r in enumerate(rows):
                cells = list(r.cells) if r.cells else [r.text]
                targets = []
                for ci, text in enumerate(cells):
                    cell = grid[ri][ci]
                    cell.text = _xml_safe(text)
                    if ri == 0 and r.table_header and tuple(r.cells) == tuple(r.table_header):
                        for run_ in cell.paragraphs[0].runs:
                            run_.bold = True
                    if text:
                        targets.append(layout.add(cell.paragraphs[0], text))
                layout.by_block[i + ri] = targets
            i = j
            continue
        if b.kind == "heading":
            p = d.add_heading(_xml_safe(b.text), level=min(max(b.level, 1), 9))
        elif b.kind == "list_item":
            p = d.add_paragraph(_xml_safe(b.text), style="List Bullet")
        else:
            p = d.add_paragraph(_xml_safe(b.text))
        t = layout.add(p, b.text)
        layout.by_block[i] = [t]
        if b.kind == "heading":
            layout.headings.append(t)
        i += 1
    return d, layout, title


# -- comments ----------------------------------------------------------------------------
def _anchor_runs(paragraph: Paragraph) -> list[Run]:
    p = paragraph._p
    direct = list(p.findall(W_R))
    with_text = [r for r in direct if r.find(W_T) is not None]
    chosen = with_text or direct
    if not chosen:
        return [paragraph.add_run("")]
    return [Run(chosen[0], paragraph), Run(chosen[-1], paragraph)]


def _comment(document, paragraph: Paragraph, lines: list[str]) -> None:
    text = "\n".join(_xml_safe(line) for line in lines if line)
    if len(text) > MAX_COMMENT_CHARS:
        text = text[: MAX_COMMENT_CHARS - 1] + "…"
    document.add_comment(_anchor_runs(paragraph), text=text, author=AUTHOR, initials=INITIALS)


def _action_at(result: DraftResult | None, e: Evidence | None):
    """The action of the plan that an evidence passage is (or lies in), if any."""
    if result is None or e is None:
        return None
    for a in result.actions:
        if a.end > a.start and a.start <= e.start < a.end:
            return a
    n = normalise(e.text)
    return next((a for a in result.actions if normalise(a.text) == n), None)


def _action_line(c: ConcernResult, a, head: str) -> str | None:
    """What is wrong with *this* action for the SMART and multi-agency concerns."""
    if c.id == "actions_smart":
        missing = [w for w, ok in (("a named owner", a.owned), ("a target date", a.dated),
                                   ("a specific outcome", a.specific)) if not ok]
        if not missing:
            return (f"{head}. This action has an owner, a date and a specific outcome; the gap "
                    "is in other actions of the plan.")
        return f"{head}. This action lacks {' and '.join(missing)}: add {' and '.join(missing)}."
    if c.id == "multi_agency_actions":
        owners = ", ".join(owner_label(o) for o in a.owners) or "no one"
        if a.liaise_with:
            others = ", ".join(owner_label(o) for o in a.liaise_with)
            return (f"{head}. This action only asks {owners} to liaise with {others}: give "
                    f"{others} an action of its own, with an owner and a date.")
        if not a.owners:
            return (f"{head}. This action has no owner: name the agency (and role) that will "
                    "carry it out.")
        if set(a.owners) <= {reviewing_agency()}:
            return (f"{head}. This action is owned by the YOT only; where the learning concerns "
                    "another agency, that agency should own an action too.")
        return (f"{head}. This action is owned by {owners}; the gap is agencies the learning "
                "concerns that have no action.")
    return None


def finding_line(c: ConcernResult, e: Evidence | None, result: DraftResult | None = None) -> str:
    """One line of a paragraph comment: the concern, its status and what is wrong with *this*
    passage (for an action: which of owner, date and specificity it lacks)."""
    head = f"{status_text(c.status)}: {c.title}"
    if c.needs_review:
        head = f"Please check — {head} (the rule pack and the classifier disagree)"
    if not c.is_gap:
        return f"{head}. Evidence for this concern."
    action = _action_at(result, e) if c.id in ("actions_smart", "multi_agency_actions") else None
    if action is not None:
        line = _action_line(c, action, head)
        if line:
            return line
    if e is None:
        why = "this section was read for it, and it is a gap"
    elif e.negated:
        why = "this passage says it was not done"
    elif c.status == "partial":
        why = "this passage addresses it only in part"
    else:
        why = "this passage was read for it but does not meet it"
    return f"{head}. {why[:1].upper()}{why[1:]}. What to add: {c.advice}"


def summary_lines(result: DraftResult, unplaced: int = 0) -> list[str]:
    gaps = sorted(result.gaps, key=lambda c: (status_rank(c.status), c.id))
    lines = [
        f"QA summary: score {result.score}/100; {len(gaps)} gap(s) of "
        f"{len(result.concerns)} concerns."
    ]
    lines += [f"Flag: {flag}." for flag in result.flags]
    if gaps:
        lines.append("Gaps to fix:")
        lines += [f"{status_text(c.status)}: {c.title}. {c.advice}" for c in gaps]
    met = [c.title for c in result.concerns.values() if not c.is_gap]
    if met:
        lines.append("Met: " + "; ".join(met) + ".")
    if unplaced:
        lines.append(f"{unplaced} evidence passage(s) could not be matched to a paragraph.")
    lines.append(
        "Comments on the paragraphs show where each concern was found. Produced offline by the "
        "QA assistant: a prompt for the reviewer, not a judgement."
    )
    return lines


def _attach(document, layout: _Layout, result: DraftResult, include_met: bool = True) -> int:
    """Attach findings to targets and add one comment per target; returns unplaced count.
    Without ``include_met`` only gaps get paragraph comments (the summary still lists met)."""
    starts = [b.start for b in result.blocks]
    unplaced = 0
    for c in result.concerns.values():
        if not include_met and not c.is_gap:
            continue
        placed = False
        for e in c.evidence:
            t = _locate(layout, result, starts, e)
            if t is None:
                unplaced += 1
                continue
            if not any(fc.id == c.id for fc, _ in t.findings):
                t.findings.append((c, e))
            placed = True
        if c.is_gap and not placed:
            names = {normalise(s) for s in c.explanation.sections}
            for t in layout.headings:
                if t.text in names and not any(fc.id == c.id for fc, _ in t.findings):
                    t.findings.append((c, None))
    for t in layout.all:
        if not t.findings:
            continue
        ordered = sorted(t.findings, key=lambda f: (status_rank(f[0].status), f[0].id))
        _comment(document, t.paragraph, [finding_line(c, e, result) for c, e in ordered])
    return unplaced


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _is_docx(data: bytes, name: str) -> bool:
    return Path(name).suffix.lower() == ".docx" and data[:4] == ZIP_MAGIC


# python-docx parses every XML part of the package when it opens it; a package whose parts
# other than the body are this large is not reopened (a rebuilt copy carries the comments).
MAX_OTHER_PARTS = 16 * 1024 * 1024


def _reopen(data: bytes):
    """The author's .docx opened with python-docx, or None when it cannot be reopened safely
    (damaged parts, or side parts so large that python-docx would take gigabytes)."""
    zf = open_safe_zip(data, ".docx")  # refuses hostile packages (DraftError)
    other = sum(
        i.file_size for i in zf.infolist()
        if i.filename.endswith((".xml", ".rels")) and i.filename != "word/document.xml"
    )  # fmt: skip
    if other > MAX_OTHER_PARTS:
        return None
    try:
        return docx.Document(io.BytesIO(data))
    except DraftError:
        raise
    except Exception:  # noqa: BLE001 - an unreadable package falls back to a rebuilt copy
        return None


def annotated_docx(
    result: DraftResult, data: bytes, name: str, include_met: bool = True
) -> bytes:
    """The draft as .docx bytes with the QA findings as Word comments (``include_met=False``
    leaves out the comments on passages of concerns that are met)."""
    if _is_docx(data, name):
        document = _reopen(data)
        if document is not None:
            try:
                layout = _walk_docx(document, result)
                unplaced = _attach(document, layout, result, include_met)
                first = next(
                    (t for t in layout.all if t.text), layout.all[0] if layout.all else None
                )
                first_p = first.paragraph if first is not None else document.add_paragraph("QA")
                _comment(document, first_p, summary_lines(result, unplaced))
                return _save(document)
            except DraftError:
                raise
            except Exception:  # noqa: BLE001 - a damaged comments part or the like: rebuild
                pass
    document, layout, title = _rebuild(result, name)
    unplaced = _attach(document, layout, result, include_met)
    _comment(document, title, summary_lines(result, unplaced))
    _append_summary(document, result)
    return _save(document)


def _append_summary(document, result: DraftResult) -> None:
    document.add_heading("QA summary", level=1)
    document.add_paragraph(
        f"Score {result.score}/100 · {len(result.gaps)} gap(s) of {len(result.concerns)} concerns"
    )
    for flag in result.flags:
        document.add_paragraph(_xml_safe(f"Flag: {flag}"), style="List Bullet")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Concern", "Status", "What to add"), strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    ordered = sorted(result.concerns.values(), key=lambda c: (status_rank(c.status), c.id))
    for c in ordered:
        row = table.add_row().cells
        row[0].text = _xml_safe(c.title)
        row[1].text = status_text(c.status)
        row[2].text = _xml_safe(c.advice if c.is_gap else "—")
