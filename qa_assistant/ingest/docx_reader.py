"""Read a .docx into the document model, in body order (paragraphs, lists and tables).

The package is read with lxml directly, not python-docx: python-docx parses every XML part on
opening (headers, footers, comments, glossary), which took gigabytes on large header parts, and
looks styles up by a search per paragraph (minutes with thousands of missing styles; an XPath
error with a quote in a style id). Here only ``word/document.xml`` and ``word/styles.xml`` are
parsed, each after a size check, with a parser that resolves no entities and fetches nothing;
styles are one dictionary. Headers and footers are not body text and are not read.

What is read, as Word shows it once changes are accepted:

- text with tracked insertions (``w:ins``) kept and deletions (``w:del``, ``w:moveFrom``)
  dropped;
- text boxes once, as paragraphs after the paragraph that anchors them (Word stores each box
  twice, as DrawingML and as a VML fallback; the fallback is skipped);
- content controls (``w:sdt``) at every level: blocks, table rows (repeating sections), cells
  and runs; check boxes (``w14:checkbox``, legacy form check boxes, Wingdings ticks) as ☒ / ☐;
- tables inside tables: the inner table becomes its own table, placed after the outer row
  that holds it.

A macro-enabled document (.docm) renamed .docx is read the same way: only its text is read and
its macros are never run.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from qa_assistant.document.headings import looks_like_heading, standalone_title
from qa_assistant.document.model import Document, DocumentBuilder, Location
from qa_assistant.errors import TooLarge, UnsupportedFormat
from qa_assistant.ingest.guards import open_safe_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def qn(tag: str) -> str:
    prefix, local = tag.split(":")
    return "{%s}%s" % ({"w": W, "w14": W14, "mc": MC}[prefix], local)  # noqa: UP031


W_P, W_TBL, W_SDT, W_SDTCONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_T, W_TAB, W_BR, W_CR, W_SYM = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:sym")
W_DEL, W_MOVEFROM, W_R, W_RPR, W_B = (
    qn("w:del"), qn("w:moveFrom"), qn("w:r"), qn("w:rPr"), qn("w:b"),
)  # fmt: skip
W_VAL, W_TR, W_TC = qn("w:val"), qn("w:tr"), qn("w:tc")
W_GRIDSPAN, W_VMERGE, W_TCPR = qn("w:gridSpan"), qn("w:vMerge"), qn("w:tcPr")
W_TXBX, MC_FALLBACK = qn("w:txbxContent"), qn("mc:Fallback")
W_CUSTOMXML, W_SMARTTAG = qn("w:customXml"), qn("w:smartTag")
W_PPR, W_PSTYLE, W_NUMPR, W_OUTLINE = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:outlineLvl")
W_CHAR, W_FFDATA, W_CHECKBOX = qn("w:char"), qn("w:ffData"), qn("w:checkBox")
W_CHECKED, W_DEFAULT = qn("w:checked"), qn("w:default")
W14_CHECKBOX, W14_CHECKED, W14_VAL = qn("w14:checkbox"), qn("w14:checked"), qn("w14:val")
W_SDTPR, W_NUMID = qn("w:sdtPr"), qn("w:numId")

CHECKED, UNCHECKED = "☒", "☐"
# Symbol-font characters Word uses for ticked and empty boxes (Wingdings, Wingdings 2, MS Gothic)
_SYM = {
    "F0FE": CHECKED, "F078": CHECKED, "F0FD": CHECKED, "F053": CHECKED, "F054": CHECKED,
    "F0A8": UNCHECKED, "F06F": UNCHECKED, "F0A3": UNCHECKED, "F0A1": UNCHECKED,
    "F0FC": "✓", "F050": "✓", "2612": CHECKED, "2610": UNCHECKED, "2611": CHECKED,
}  # fmt: skip
_SKIP = {W_DEL, W_MOVEFROM, W_TXBX, MC_FALLBACK}  # text under these is not the paragraph's
_TRANSPARENT = {W_SDT, W_SDTCONTENT, W_CUSTOMXML, W_SMARTTAG}  # wrappers read through

MAX_STYLES_PART = 16 * 1024 * 1024  # a styles part larger than this is not read (no styles)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
_FALSE = ("0", "false", "off", "none")


def _text_of(el) -> str:
    if el.tag == W_T:
        return el.text or ""
    if el.tag == W_SYM:
        return _SYM.get((el.get(W_CHAR) or "").upper()[-4:], "")
    return " "


def paragraph_text(p) -> str:
    """Visible text of a ``w:p`` element, with insertions kept and deletions dropped; text
    boxes anchored in it are not part of it."""
    out: list[str] = []
    for el in p.iter(W_T, W_TAB, W_BR, W_CR, W_SYM):
        if _inside(el, p):
            continue
        out.append(_text_of(el))
    return "".join(out)


def _inside(el, stop) -> bool:
    """True when ``el`` is under a deletion, a text box or a compatibility fallback."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIP:
            return True
        parent = parent.getparent()
    return False


def _all_bold(p, style_bold: bool) -> bool:
    """True when every run carrying text is bold (directly or through the style)."""
    saw_text = False
    for r in p.iter(W_R):
        if _inside(r, p):
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
        elif (b.get(W_VAL) or "").lower() in _FALSE:
            return False
    return saw_text


# -- styles ------------------------------------------------------------------------------------
class _Styles:
    """Paragraph styles by id: name, bold, list and outline level (following ``basedOn``)."""

    def __init__(self, root) -> None:
        self.raw: dict[str, tuple[str, bool | None, bool, int | None, str | None]] = {}
        self.default = ""
        self._cache: dict[str, tuple[str, bool, bool, int]] = {}
        if root is None:
            return
        for st in root.iterchildren(qn("w:style")):
            if st.get(qn("w:type")) not in (None, "paragraph"):
                continue
            sid = st.get(qn("w:styleId")) or ""
            name_el = st.find(qn("w:name"))
            name = (name_el.get(W_VAL) if name_el is not None else None) or sid
            rpr = st.find(W_RPR)
            b = rpr.find(W_B) if rpr is not None else None
            bold = None if b is None else (b.get(W_VAL) or "").lower() not in _FALSE
            ppr = st.find(W_PPR)
            numbered = ppr is not None and ppr.find(W_NUMPR) is not None
            outline = _outline(ppr)
            based = st.find(qn("w:basedOn"))
            self.raw[sid] = (name, bold, numbered, outline,
                             based.get(W_VAL) if based is not None else None)  # fmt: skip
            if (st.get(qn("w:default")) or "").lower() in ("1", "true", "on"):
                self.default = sid

    def get(self, sid: str | None) -> tuple[str, bool, bool, int]:
        """(name, bold, numbered, outline level + 1 or 0) for a style id."""
        sid = sid if sid is not None else self.default
        if sid in self._cache:
            return self._cache[sid]
        name, bold, numbered, outline = "", None, False, None
        seen: set[str] = set()
        cur: str | None = sid
        first = True
        while cur is not None and cur in self.raw and cur not in seen and len(seen) < 20:
            seen.add(cur)
            n, b, num, out, based = self.raw[cur]
            if first:
                name, first = n, False
            bold = b if bold is None else bold
            numbered = numbered or num
            outline = out if outline is None else outline
            cur = based
        result = (name, bool(bold), numbered, (outline + 1) if outline is not None else 0)
        self._cache[sid] = result
        return result


def _outline(ppr) -> int | None:
    if ppr is None:
        return None
    el = ppr.find(W_OUTLINE)
    val = el.get(W_VAL) if el is not None else None
    return int(val) if val is not None and val.isdigit() and int(val) < 9 else None


def _heading_level(style_name: str, outline: int) -> int:
    low = style_name.lower()
    if low == "title":
        return 1
    if low.startswith("heading"):
        digits = "".join(c for c in low if c.isdigit())
        return int(digits) if digits else 1
    return outline


# -- check boxes -------------------------------------------------------------------------------
def _normalise_checkboxes(body) -> None:
    """Give every check box its symbol as text: a ``w14:checkbox`` content control shows ☒ or ☐
    from its checked state, and a legacy form check box gets a text run with its symbol."""
    for sdt in body.iter(W_SDT):
        pr = sdt.find(W_SDTPR)
        box = pr.find(W14_CHECKBOX) if pr is not None else None
        if box is None:
            continue
        checked_el = box.find(W14_CHECKED)
        checked = checked_el is not None and (checked_el.get(W14_VAL) or "0") not in _FALSE
        content = sdt.find(W_SDTCONTENT)
        if content is None:
            continue
        texts = [t for t in content.iter(W_T, W_SYM)]
        if texts:
            first = texts[0]
            if first.tag == W_SYM:
                first.set(W_CHAR, "2612" if checked else "2610")
            else:
                first.text = CHECKED if checked else UNCHECKED
            for t in texts[1:]:
                t.getparent().remove(t)
    for ff in body.iter(W_FFDATA):
        box = ff.find(W_CHECKBOX)
        if box is None:
            continue
        state = box.find(W_CHECKED)
        if state is None:
            state = box.find(W_DEFAULT)
        checked = state is not None and (state.get(W_VAL) or "1") not in _FALSE
        run = ff.getparent().getparent() if ff.getparent() is not None else None
        if run is None or run.tag != W_R:
            continue
        t = etree.SubElement(run, W_T)
        t.text = CHECKED if checked else UNCHECKED


# -- tables ------------------------------------------------------------------------------------
def _children(el, tag: str):
    """Children with ``tag``, reading through content controls and custom XML wrappers (a
    repeating section puts its table rows inside ``w:sdt``)."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _cell_paragraphs(tc):
    """The cell's own paragraphs (not those of a table nested in it) and its nested tables,
    in order."""
    for child in tc.iterchildren():
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _cell_paragraphs(child)


def table_rows(tbl) -> list[tuple[list[str], list]]:
    """Per row: the cell texts (a horizontally merged cell repeated so columns stay aligned; a
    vertically merged continuation takes the text of the cell above) and the tables nested in
    the row's cells."""
    above: dict[int, str] = {}
    return [_row(tr, above)[:2] for tr in _children(tbl, W_TR)]


def _row(tr, above: dict[int, str]) -> tuple[list[str], list, list]:
    """One row: cell texts, nested tables, and the paragraph elements of its cells."""
    row: list[str] = []
    nested: list = []
    elements: list = []
    col = 0
    for tc in _children(tr, W_TC):
        tcpr = tc.find(W_TCPR)
        span = 1
        vmerge_continue = False
        if tcpr is not None:
            gs = tcpr.find(W_GRIDSPAN)
            if gs is not None and (gs.get(W_VAL) or "1").isdigit():
                span = min(64, max(1, int(gs.get(W_VAL))))
            vm = tcpr.find(W_VMERGE)
            vmerge_continue = vm is not None and vm.get(W_VAL) in (None, "continue")
        parts = []
        for el in _cell_paragraphs(tc):
            if el.tag == W_TBL:
                nested.append(el)
                continue
            boxes = list(_text_box_paragraphs(el))
            elements += [el, *boxes]
            parts.append(paragraph_text(el))
            parts += [paragraph_text(p) for p in boxes]
        text = " ".join(parts).strip()
        if vmerge_continue:
            text = above.get(col, "")
        for k in range(span):
            row.append(text)
            above[col + k] = text
        col += span
    return row, nested, elements


def _text_box_paragraphs(p):
    """Paragraphs of the text boxes anchored in ``p`` (the DrawingML copy, not the fallback)."""
    for box in p.iter(W_TXBX):
        if _inside(box, p):
            continue  # the VML fallback copy, or a box inside a box (reached from that box)
        for el in box.iter(W_P):
            if not _inside(el, box):
                yield el


# -- the package -------------------------------------------------------------------------------
def _parse(zf: zipfile.ZipFile, name: str):
    with zf.open(name) as fh:
        return etree.parse(io.BytesIO(fh.read()), _PARSER).getroot()


def load_body(data: bytes):
    """The ``w:body`` element and the styles of a .docx (after the package's safety checks)."""
    zf = open_safe_zip(data, ".docx")
    try:
        root = _parse(zf, "word/document.xml")
        styles_root = None
        try:
            info = zf.getinfo("word/styles.xml")
            if info.file_size <= MAX_STYLES_PART:
                styles_root = _parse(zf, "word/styles.xml")
        except KeyError:
            pass
        except etree.XMLSyntaxError:
            styles_root = None  # damaged styles: read the text without them
    except etree.XMLSyntaxError as exc:
        if "huge" in str(exc).lower():
            raise TooLarge("this .docx holds an XML structure too deep or large to read") from exc
        raise UnsupportedFormat(
            "this .docx is damaged or is not a Word document: save it again from Word"
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UnsupportedFormat(
            "this .docx is damaged or truncated and cannot be opened: save it again from Word"
        ) from exc
    body = root.find(qn("w:body"))
    if root.tag != qn("w:document") or body is None:
        raise UnsupportedFormat(
            "this .docx is damaged or is not a Word document: save it again from Word"
        )
    return body, _Styles(styles_root)


_TYPED_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–*\uf0a7\uf0b7]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


def _list_id(ppr) -> str | None:
    """The Word list a numbered paragraph belongs to (its numId)."""
    num = ppr.find(W_NUMPR) if ppr is not None else None
    nid = num.find(W_NUMID) if num is not None else None
    return nid.get(W_VAL) if nid is not None else None


def _numbered_title(el, text: str, styles) -> bool:
    """A short, title-like numbered paragraph followed by an ordinary paragraph: in a plain-text
    or PDF copy it reads "9. Learning and actions" over its section, so it is a heading here too."""
    if re.search(r"\b(to|will|should|must|shall)\b", text, re.I):
        return False  # "Case manager to complete the review": an action, not a title
    nxt = el.getnext()
    if nxt is not None and nxt.tag == W_TBL:
        return bool(looks_like_heading(f"1. {text}"))  # "6. Action plan" over its table
    if nxt is None or nxt.tag != W_P:
        return False
    ppr = nxt.find(W_PPR)
    if ppr is not None and ppr.find(W_NUMPR) is not None:
        # a list follows: "6. Strengths" over its bullets is a heading, the next entry of the
        # same numbered list is not
        return _list_id(ppr) != _list_id(el.find(W_PPR)) and bool(looks_like_heading(f"1. {text}"))
    pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
    name, _bold, numbered, outline = styles.get(pstyle.get(W_VAL) if pstyle is not None else None)
    if numbered or name.lower().startswith("list"):
        return False
    if len(paragraph_text(nxt).split()) < 3 or _heading_level(name, outline):
        return False  # a section's body follows a heading, not another heading
    return bool(looks_like_heading(f"1. {text}"))


def read_docx(data: bytes, source: str) -> Document:
    body, styles = load_body(data)
    _normalise_checkboxes(body)
    builder = DocumentBuilder(source, "docx")
    counter = {"para": 0, "table": 0}

    def paragraph(el) -> None:
        text = paragraph_text(el).strip()
        loc = Location(paragraph=counter["para"])
        counter["para"] += 1
        if text:
            ppr = el.find(W_PPR)
            pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
            name, style_bold, style_numbered, outline = styles.get(
                pstyle.get(W_VAL) if pstyle is not None else None
            )
            own_outline = _outline(ppr)
            if own_outline is not None:
                outline = own_outline + 1
            numbered = (ppr is not None and ppr.find(W_NUMPR) is not None) or style_numbered
            listed = numbered or name.lower().startswith("list")
            level = _heading_level(name, outline)
            if not level:
                bold = _all_bold(el, style_bold)
                level = looks_like_heading(text, bold=bold)
                if listed and level and not bold:
                    level = 0  # a plain numbered list item, not a heading
            if not level and numbered and _numbered_title(el, text, styles):
                level = 2  # Word-numbered "9. Learning and actions" over a paragraph: a heading
            if not level and not listed and not _TYPED_BULLET.match(text):
                level = standalone_title(text)  # "What Kai told us" typed as a plain line
            if level:
                builder.add("heading", text, level=level, location=loc)
            elif listed:
                builder.add("list_item", text, location=loc)
            elif _TYPED_BULLET.match(text):  # "1. ..." or "• ..." typed by hand
                builder.add("list_item", _TYPED_BULLET.sub("", text, count=1), location=loc)
            else:
                builder.add("paragraph", text, location=loc)
        for inner in _text_box_paragraphs(el):
            paragraph(inner)

    def table(el, depth: int = 0) -> None:
        index = counter["table"]
        counter["table"] += 1
        pending: list[list[str]] = []
        started = False
        for row, nested in table_rows(el):
            pending.append(row)
            if nested and depth < 8:
                builder.add_table(pending, table_index=index, continues=started)
                started, pending = True, []
                for inner in nested:
                    table(inner, depth + 1)
        if pending:
            builder.add_table(pending, table_index=index, continues=started)

    _walk(body, paragraph, table)
    return builder.build()


def _walk(container, paragraph, table) -> None:
    """Body order as Word shows it: paragraphs, tables, and the content of transparent wrappers
    (content controls, insertions); shared by the reader and the comment anchoring so both
    number paragraphs and tables alike."""
    for el in container.iterchildren():
        if el.tag == W_P:
            paragraph(el)
        elif el.tag == W_TBL:
            table(el)
        elif el.tag in _TRANSPARENT:
            _walk(el, paragraph, table)


def structure(body) -> tuple[list, list[list[list]]]:
    """The ``w:p`` elements in the order ``read_docx`` numbers paragraphs, and per table (in the
    order it numbers tables) per row it numbers (rows with text) the paragraph elements of the
    row's cells: what ``render.docx_comments`` anchors comments to."""
    paragraphs: list = []
    tables: list[list[list]] = []

    def paragraph(el) -> None:
        paragraphs.append(el)
        for inner in _text_box_paragraphs(el):
            paragraph(inner)

    def table(el, depth: int = 0) -> None:
        index = len(tables)
        tables.append([])
        above: dict[int, str] = {}
        for tr in _children(el, W_TR):
            texts, nested, elements = _row(tr, above)
            if any(" ".join(c.split()) for c in texts):  # the rows the reader numbers
                tables[index].append(elements)
            if depth < 8:
                for inner in nested:
                    table(inner, depth + 1)

    _walk(body, paragraph, table)
    return paragraphs, tables
