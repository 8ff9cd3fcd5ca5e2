"""Read a .docx into the document model, in body order (paragraphs, lists and tables).

Text is taken from the XML directly rather than python-docx's ``Paragraph.text`` so that
tracked-change insertions (``w:ins``) are kept and deletions (``w:delText``) are dropped, which
is what the author will submit once changes are accepted.
"""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from qa_assistant.document.headings import looks_like_heading
from qa_assistant.document.model import Document, DocumentBuilder, Location
from qa_assistant.errors import DraftError, UnsupportedFormat
from qa_assistant.ingest.guards import open_safe_zip

W_P, W_TBL, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_DEL, W_R, W_RPR, W_B = qn("w:del"), qn("w:r"), qn("w:rPr"), qn("w:b")
W_VAL = qn("w:val")
W_TR, W_TC = qn("w:tr"), qn("w:tc")
W_GRIDSPAN, W_VMERGE = qn("w:gridSpan"), qn("w:vMerge")


def paragraph_text(p) -> str:
    """Visible text of a ``w:p`` element, with insertions kept and deletions dropped."""
    out: list[str] = []
    for el in p.iter(W_T, W_TAB, W_BR, W_CR):
        if _inside(el, W_DEL, p):
            continue
        if el.tag == W_T:
            out.append(el.text or "")
        else:
            out.append(" ")
    return "".join(out)


def _inside(el, tag: str, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _all_bold(p, style_bold: bool) -> bool:
    """True when every run carrying text is bold (directly or through the style)."""
    saw_text = False
    for r in p.iter(W_R):
        if _inside(r, W_DEL, p):
            continue
        text = "".join(t.text or "" for t in r.iter(W_T))
        if not text.strip():
            continue
        saw_text = True
        rpr = r.find(W_RPR)
        b = rpr.find(W_B) if rpr is not None else None
        if b is None:
            if not style_bold:
                return False
        elif b.get(W_VAL) in ("0", "false", "off"):
            return False
    return saw_text


def _style_info(paragraph, cache: dict) -> tuple[str, bool, bool]:
    """(style name, style is bold, paragraph is in a numbered/bulleted list).

    The style is looked up once per style id (``cache``): python-docx scans every style to
    find the default one, which was a third of reading a long draft.
    """
    try:
        style_id = paragraph._p.style
        if style_id not in cache:
            style = paragraph.style
            cache[style_id] = (style.name or "", bool(style.font.bold))
        name, bold = cache[style_id]
    except (KeyError, AttributeError, ValueError):
        name, bold = "", False
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    return name, bold, numbered or name.lower().startswith("list")


def _heading_level(style_name: str) -> int:
    low = style_name.lower()
    if low == "title":
        return 1
    if low.startswith("heading"):
        digits = "".join(c for c in low if c.isdigit())
        return int(digits) if digits else 1
    return 0


def _table_rows(tbl) -> list[list[str]]:
    """Cell texts per row; a horizontally merged cell is repeated so columns stay aligned,
    and a vertically merged continuation takes the text of the cell above."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iter(W_TR):
        if tr.getparent() is not tbl:
            continue
        row: list[str] = []
        col = 0
        for tc in tr.iter(W_TC):
            if tc.getparent() is not tr:
                continue
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            vmerge_continue = False
            if tcpr is not None:
                gs = tcpr.find(W_GRIDSPAN)
                if gs is not None and (gs.get(W_VAL) or "1").isdigit():
                    span = max(1, int(gs.get(W_VAL)))
                vm = tcpr.find(W_VMERGE)
                vmerge_continue = vm is not None and vm.get(W_VAL) in (None, "continue")
            text = " ".join(paragraph_text(p) for p in tc.iter(W_P)).strip()
            if vmerge_continue:
                text = above.get(col, "")
            for k in range(span):
                row.append(text)
                above[col + k] = text
            col += span
        rows.append(row)
    return rows


def read_docx(data: bytes, source: str) -> Document:
    open_safe_zip(data, ".docx")
    try:
        d = docx.Document(io.BytesIO(data))
    except DraftError:
        raise
    except Exception as exc:  # python-docx raises many types on damaged packages
        raise UnsupportedFormat(
            "this .docx is damaged or is not a Word document: save it again from Word"
        ) from exc
    builder = DocumentBuilder(source, "docx")
    para_index = 0
    table_index = 0
    styles: dict = {}  # style id -> (name, bold)

    def walk(container) -> None:
        nonlocal para_index, table_index
        for el in container.iterchildren():
            if el.tag == W_P:
                paragraph = Paragraph(el, d)
                text = paragraph_text(el).strip()
                loc = Location(paragraph=para_index)
                para_index += 1
                if not text:
                    continue
                style, style_bold, listed = _style_info(paragraph, styles)
                level = _heading_level(style)
                if not level:
                    level = looks_like_heading(text, bold=_all_bold(el, style_bold))
                    if listed and level and not _all_bold(el, style_bold):
                        level = 0  # a plain numbered list item, not a heading
                if level:
                    builder.add("heading", text, level=level, location=loc)
                elif listed:
                    builder.add("list_item", text, location=loc)
                else:
                    builder.add("paragraph", text, location=loc)
            elif el.tag == W_TBL:
                builder.add_table(_table_rows(el), table_index=table_index)
                table_index += 1
            elif el.tag == W_SDT:
                content = el.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(d.element.body)
    return builder.build()
