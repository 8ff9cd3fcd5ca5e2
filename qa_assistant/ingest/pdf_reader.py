"""Read a text-layer PDF: lines in reading order, tables, headings, lists, page numbers.

Text comes from PDFium (``pypdfium2``, a C++ library, about 20 times faster than pdfminer):
each text object on a page gives its text, box, font size and weight. Pages that draw ruling
lines (a bordered table) are also given to pdfplumber, which finds the tables and their cells;
text inside a table is read from the table's rows only. Then, for every page alike:

- lines are grouped by baseline, and bold or larger lines become headings (a heading that wraps
  onto a second line stays one heading; its level follows its font size);
- running headers and footers (a line in the top or bottom band that recurs on most pages, the
  digits aside) and page numbers ("Page 3 of 12", "- 3 -") are dropped;
- paragraphs end at a wider gap between lines or at a short line that closes a sentence, and
  carry on over a page break when the sentence does; a word broken at a line end with a hyphen
  is joined.

Safety: before either library sees the bytes, every stream is measured through all its filters
under a byte budget (``pdf_budget.prescan``), and pdfminer decodes under the same budget.
"""

from __future__ import annotations

import ctypes
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from qa_assistant.document.headings import looks_like_heading, standalone_title
from qa_assistant.document.model import Document, DocumentBuilder, Location
from qa_assistant.document.text import normalise
from qa_assistant.errors import DraftError, Encrypted, NoText, TooLarge, UnsupportedFormat
from qa_assistant.ingest import pdf_budget
from qa_assistant.ingest.guards import MAX_PAGES, PDF_MAGIC, check_pdf_streams

# pdfminer logs the operands of what it parses (draft text, in a malformed page) at DEBUG and
# at WARNING level, and with no logging configured Python prints warnings to stderr. Its records
# are kept from every handler so that draft text never reaches a log or the terminal.
for _name in ("pdfminer", "pdfplumber", "pypdfium2"):
    _logger = logging.getLogger(_name)
    _logger.setLevel(logging.CRITICAL)
    _logger.addHandler(logging.NullHandler())
    _logger.propagate = False

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–*\uf0a7\uf0b7]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_GLYPH = re.compile(r"^(?:[•●▪◦‣∙·\uf0a7\uf0b7\uf076\uf0d8]|\(cid:\d+\))$")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*#+(?:\s*(?:of|/)\s*#+)?|#+\s*(?:of|/)\s*#+|[-–—]?\s*#+\s*[-–—]?|#+\s*\|\s*page"
    r"|page\s*\|\s*#+)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;…][\"'’”)\]]*$")
_BAND = 0.1  # top and bottom tenth of the page: where running headers and footers sit


@dataclass
class _Seg:
    """One text object: a run of text in one font on one baseline."""

    text: str
    x0: float
    x1: float
    base: float  # baseline, from the top of the page
    size: float
    bold: bool


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool


@dataclass
class _Page:
    number: int
    height: float
    width: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)


# -- PDFium: text objects ------------------------------------------------------------------------
def _object_texts(textpage, raw) -> dict[int, str]:
    """The page's text, character by character, grouped by the text object each character
    belongs to (one pass over the page: asking each object for its text rescans the page each
    time, which is quadratic on a page of many small objects)."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return {}
    buf = ctypes.create_string_buffer((n + 1) * 2)
    raw.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    full = buf.raw[: n * 2].decode("utf-16-le", "replace")
    if len(full) != n:  # a character outside the BMP took two units: ask one by one
        full = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(n))
    parts: dict[int, list[str]] = {}
    get = raw.FPDFText_GetTextObject
    as_int = ctypes.c_void_p
    last_addr, last_list = None, None
    for i, ch in enumerate(full):
        addr = ctypes.cast(get(textpage, i), as_int).value
        if not addr:
            continue  # a space or line break PDFium inserted; gaps are measured instead
        if addr != last_addr:
            last_list = parts.setdefault(addr, [])
            last_addr = addr
        last_list.append(ch)
    # PDFium marks a hyphen it takes for a line-end hyphenation as U+FFFE (or U+0002): it is
    # the "-" the PDF drew, and the line joiner decides whether the word carries on
    return {
        addr: "".join(chars).replace("\ufffe", "-").replace("\x02", "-")
        for addr, chars in parts.items()
    }


def _font_bold(obj, raw, cache: dict) -> bool:
    font = raw.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    key = ctypes.cast(font, ctypes.c_void_p).value
    if key not in cache:
        n = raw.FPDFFont_GetBaseFontName(font, None, 0)
        name = b""
        if n > 0:
            buf = ctypes.create_string_buffer(n)
            raw.FPDFFont_GetBaseFontName(font, buf, n)
            name = buf.value
        low = name.lower()
        cache[key] = (
            b"bold" in low or b"black" in low or b"heavy" in low or b"semibold" in low
            or raw.FPDFFont_GetWeight(font) >= 600
        )  # fmt: skip
    return cache[key]


def _mul(m1: tuple, m2: tuple) -> tuple:
    """m1 then m2 (PDF row-vector convention)."""
    a, b, c, d, e, f = m1
    A, B, C, D, E, F = m2  # noqa: N806
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)  # fmt: skip


def _pdfium_page(page, raw, fonts: dict) -> tuple[list[_Seg], list[dict], float, float]:
    """Text segments of one page, the horizontal and vertical edges it draws (as pdfplumber's
    table finder takes them), and the page's width and height."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPage_GetMediaBox(page.raw, left, bottom, right, top)
    height = raw.FPDF_GetPageHeightF(page.raw)
    width = raw.FPDF_GetPageWidthF(page.raw)
    y_top = top.value if top.value > bottom.value else height
    x_left = left.value
    textpage = page.get_textpage()
    texts = _object_texts(textpage, raw)
    segs: list[_Seg] = []
    edges: list[dict] = []
    budget_left = _MAX_PATH_SEGMENTS
    matrix = raw.FS_MATRIX()
    l_, b_, r_, t_ = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    try:
        stack = [(page.raw, raw.FPDFPage_CountObjects(page.raw), 0, None, (1, 0, 0, 1, 0, 0))]
        while stack:
            parent, count, index, form, ctm = stack.pop()
            if index >= count:
                continue
            stack.append((parent, count, index + 1, form, ctm))
            obj = (
                raw.FPDFPage_GetObject(parent, index)
                if form is None
                else raw.FPDFFormObj_GetObject(parent, index)
            )
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if len(stack) < 12 and raw.FPDFPageObj_GetMatrix(obj, matrix):
                    m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
                    stack.append((obj, raw.FPDFFormObj_CountObjects(obj), 0, True, _mul(m, ctm)))
                continue
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if budget_left > 0 and raw.FPDFPageObj_GetMatrix(obj, matrix):
                    m = _mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
                    budget_left -= _path_edges(obj, raw, m, x_left, y_top, edges)
                continue
            if kind != raw.FPDF_PAGEOBJ_TEXT:
                continue
            text = texts.get(ctypes.cast(obj, ctypes.c_void_p).value or 0, "")
            if not text.strip():
                continue
            if not raw.FPDFPageObj_GetMatrix(obj, matrix):
                continue
            a, b, c, d, e, f = _mul(
                (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm
            )
            if abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d) or a <= 0 or d <= 0:
                continue  # rotated or mirrored text (a watermark, a margin label)
            raw.FPDFTextObj_GetFontSize(obj, size)
            scale = abs(a * d - b * c) ** 0.5
            fsize = round(size.value * scale, 1) if size.value else round(scale, 1)
            if not raw.FPDFPageObj_GetBounds(obj, l_, b_, r_, t_):
                continue
            x0, x1 = l_.value, r_.value
            if form is not None:  # bounds of an object in a form are in the form's space
                x0, x1 = x0 * ctm[0] + ctm[4], x1 * ctm[0] + ctm[4]
            segs.append(
                _Seg(
                    text=text,
                    x0=x0 - x_left,
                    x1=x1 - x_left,
                    base=y_top - f,
                    size=fsize,
                    bold=_font_bold(obj, raw, fonts),
                )
            )
    finally:
        textpage.close()
    return segs, edges, width, height


_MAX_PATH_SEGMENTS = 20_000  # a page of vector drawing is not searched for tables past this


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    x0, x1 = sorted((x0, x1))
    top, bottom = sorted((top, bottom))
    orientation = "h" if bottom - top < x1 - x0 else "v"
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}  # fmt: skip


def _path_edges(obj, raw, m: tuple, x_left: float, y_top: float, out: list[dict]) -> int:
    """Append the straight horizontal and vertical pieces of a path; a thin filled rectangle
    (how Word draws a cell border) becomes one edge. Returns the segments read."""
    n = raw.FPDFPath_CountSegments(obj)
    if n <= 0:
        return 1
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(min(n, _MAX_PATH_SEGMENTS)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        px = x.value * m[0] + y.value * m[2] + m[4] - x_left
        py = y_top - (x.value * m[1] + y.value * m[3] + m[5])
        points.append(
            (px, py, raw.FPDFPathSegment_GetType(seg), bool(raw.FPDFPathSegment_GetClose(seg)))
        )
    pieces: list[tuple[float, float, float, float]] = []
    start = prev = None
    for px, py, kind, close in points:
        if kind == raw.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = (px, py)
            continue
        if kind == raw.FPDF_SEGMENT_LINETO:
            pieces.append((prev[0], prev[1], px, py))
        prev = (px, py)
        if close and start is not None:
            pieces.append((px, py, start[0], start[1]))
            prev = start
    xs = [c for piece in pieces for c in (piece[0], piece[2])]
    ys = [c for piece in pieces for c in (piece[1], piece[3])]
    if len(pieces) in (3, 4) and xs and (max(xs) - min(xs) < 2.5 or max(ys) - min(ys) < 2.5):
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        if w < 2.5 and h > 1:
            cx = (max(xs) + min(xs)) / 2
            out.append(_edge(cx, min(ys), cx, max(ys)))
        elif h < 2.5 and w > 1:
            cy = (max(ys) + min(ys)) / 2
            out.append(_edge(min(xs), cy, max(xs), cy))
        return n
    for x0, y0, x1, y1 in pieces:
        if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 1:
            out.append(_edge(x0, y0, x1, y0))
        elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 1:
            out.append(_edge(x0, y0, x0, y1))
    return n


_NUMBER_MARK = re.compile(r"\(?\d{1,2}[.)]?")


def _list_number(group: list[_Seg]) -> bool:
    """A line opening with a bare number in its own run, a tab's width before the text."""
    if len(group) < 2 or not _NUMBER_MARK.fullmatch(group[0].text.strip()):
        return False
    return group[1].x0 - group[0].x1 > 0.8 * max(group[1].size, 1)


def _dominant_size(segs: list[_Seg]) -> float:
    """The font size most of the line's characters are set in (a list number set larger than
    its text does not make the line a title)."""
    weight: dict[float, int] = {}
    for s in segs:
        weight[s.size] = weight.get(s.size, 0) + len(s.text.strip())
    return max(weight, key=lambda k: (weight[k], k)) if weight else 0.0


def _lines(segs: list[_Seg]) -> list[_Line]:
    """Segments grouped into lines by baseline, left to right, with spaces where there is a
    gap between them."""
    lines: list[_Line] = []
    segs = sorted(segs, key=lambda s: (round(s.base, 0), s.x0))
    groups: list[list[_Seg]] = []
    for s in segs:
        if groups and abs(s.base - groups[-1][0].base) <= max(1.5, 0.25 * s.size):
            groups[-1].append(s)
        else:
            groups.append([s])
    for group in groups:
        group.sort(key=lambda s: s.x0)
        text = ""
        prev: _Seg | None = None
        for s in group:
            piece = s.text
            if (
                prev is not None
                and text
                and not text[-1].isspace()
                and not piece[:1].isspace()
                and s.x0 - prev.x1 > 0.15 * max(s.size, prev.size)
            ):
                text += " "
            text += piece
            prev = s
        text = " ".join(text.split())
        if not text:
            continue
        glyph = len(group) > 1 and bool(_GLYPH.match(group[0].text.strip()))
        body = group[1:] if glyph else group
        if glyph:
            text = "• " + text[len(group[0].text.strip()) :].strip()
        elif _list_number(group):  # "1" set apart from its text by a tab: a numbered list item
            text = f"{group[0].text.strip().rstrip('.)')}. " + text[len(group[0].text.strip()) :]
            text = " ".join(text.split())
            body = group[1:]
        size = _dominant_size(body)
        base = statistics.median(s.base for s in group)
        lines.append(
            _Line(
                text=text,
                x0=group[0].x0,
                x1=group[-1].x1,
                top=base - 0.8 * size,
                bottom=base + 0.2 * size,
                base=base,
                size=size,
                bold=all(s.bold for s in body if s.text.strip()),
            )
        )
    return lines


# -- pdfplumber's table finder on the edges PDFium read ----------------------------------------
def _find_tables(page: _Page, edges: list[dict], segs: list[_Seg]) -> None:
    """Ruled tables, found by pdfplumber's "lines" strategy on the page's edges, with each cell's
    text from the segments inside it; lines inside a table are dropped from the running text."""
    from pdfplumber import table as ptable
    from pdfplumber.utils import filter_edges

    edges = filter_edges(edges, min_length=1)
    edges = ptable.merge_edges(edges, 3, 3, 3, 3)
    edges = filter_edges(edges, min_length=3)
    if sum(e["orientation"] == "v" for e in edges) < 2:
        return
    cells = ptable.intersections_to_cells(ptable.edges_to_intersections(edges, 3, 3))
    for group in ptable.cells_to_tables(cells):
        table = ptable.Table(None, group)
        rows: list[list[str]] = []
        for row in table.rows:
            texts = []
            for cell in row.cells:
                if cell is None:
                    texts.append("")
                    continue
                x0, top, x1, bottom = cell
                inside = [
                    sg for sg in segs
                    if x0 <= (sg.x0 + sg.x1) / 2 < x1
                    and top <= sg.base - 0.3 * sg.size < bottom
                ]  # fmt: skip
                texts.append(_cell_text(inside))
            rows.append(texts)
        if sum(1 for r in rows for c in r if c) < 2:
            continue  # a box drawn round a paragraph, not a table
        x0, top, x1, bottom = table.bbox
        page.tables.append((top, rows))
        page.lines = [
            ln for ln in page.lines
            if not (x0 - 1 <= (ln.x0 + ln.x1) / 2 <= x1 + 1
                    and top - 1 <= ln.base - 0.3 * ln.size <= bottom + 1)
        ]  # fmt: skip


def _cell_text(segs: list[_Seg]) -> str:
    lines = [ln.text for ln in _lines(segs)]
    return _join_all(lines) if lines else ""


# -- the reader --------------------------------------------------------------------------------
def read_pdf(data: bytes, source: str) -> Document:
    if not data.lstrip()[:1024].startswith(PDF_MAGIC) and PDF_MAGIC not in data[:1024]:
        raise UnsupportedFormat("this file is not a valid PDF (was it renamed?)")
    check_pdf_streams(data)  # every stream measured under the byte budget first
    builder = DocumentBuilder(source, "pdf")
    try:
        with pdf_budget.document_budget() as budget:
            try:
                pages = _extract(data)
            except DraftError:
                raise
            except Exception as exc:
                if budget.tripped is not None:
                    raise budget.tripped from exc
                raise
    except DraftError:
        raise
    except Exception as exc:  # the PDF libraries raise a wide range on malformed input
        if _is_password_error(exc):
            raise Encrypted(
                "this PDF is password-protected: remove the password and try again"
            ) from exc
        raise UnsupportedFormat("this PDF is damaged and cannot be read") from exc
    builder.pages = len(pages)
    _layout(pages, builder)
    document = builder.build()
    if not document.text.strip():
        raise NoText(
            "no text layer: this PDF looks scanned or image-only; export it from Word "
            "or run OCR first"
        )
    return document


def _extract(data: bytes) -> list[_Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(data)
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            raise TooLarge(f"the PDF has {n} pages, over the {MAX_PAGES}-page limit")
        pages: list[_Page] = []
        fonts: dict = {}
        for i in range(n):
            page = pdf[i]
            try:
                segs, edges, width, height = _pdfium_page(page, raw, fonts)
            finally:
                page.close()
            p = _Page(number=i + 1, height=height, width=width, lines=_lines(segs))
            pages.append(p)
            if len(edges) >= 4 and p.lines:
                _find_tables(p, edges, segs)
    finally:
        pdf.close()
    return pages


def _is_password_error(exc: BaseException) -> bool:
    """The password error may be wrapped (pdfplumber's PdfminerException, PdfiumError with a
    code), so the cause is looked for in the arguments and the chain as well."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        name = type(err).__name__.lower()
        if "password" in name or "encrypt" in name or "password" in str(err).lower():
            return True
        todo += [*err.args, err.__cause__, err.__context__]
    return False


# -- layout: running headers, headings, paragraphs ----------------------------------------------
def _key(text: str) -> str:
    return re.sub(r"\d+", "#", normalise(text))


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove running headers, footers and page numbers from the top and bottom bands: a line
    there whose text (digits aside) recurs at the same height on most pages, or that is a page
    number."""
    counts: Counter[tuple[str, int]] = Counter()
    for p in pages:
        counts.update({(_key(ln.text), round(ln.base / 4)) for ln in p.lines if _in_band(ln, p)})
    need = max(2, (len(pages) + 1) // 2)

    def running(ln: _Line) -> bool:
        key, y = _key(ln.text), round(ln.base / 4)
        seen = counts[(key, y)] + counts[(key, y - 1)] + counts[(key, y + 1)]
        return seen >= need or bool(_PAGE_NUMBER.match(key))

    for p in pages:
        p.lines = [ln for ln in p.lines if not (_in_band(ln, p) and running(ln))]


def _in_band(ln: _Line, p: _Page) -> bool:
    return bool(p.height) and (ln.top < p.height * _BAND or ln.bottom > p.height * (1 - _BAND))


def _join(left: str, right: str) -> str:
    """Join two lines of one paragraph; a word broken by a hyphen at the line end is mended
    (a soft hyphen is dropped, a real one such as "sixteen-year-old" is kept)."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if len(left) > 1 and left[-1] in "-\u2010" and left[-2].isalpha() and right[:1].isalpha():
        return left + right
    return f"{left} {right}"


def _merge_wrapped_titles(lines: list[_Line], body: float, right: float) -> list[_Line]:
    """A line in a larger font that ran to the margin and the line after it in the same font
    are one title that wrapped: merged before headings are looked for."""
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and ln.size > body + 1.0
            and prev.size == ln.size
            and prev.bold == ln.bold
            and 0 < ln.base - prev.base <= 1.6 * ln.size
            and prev.x1 > right - 6 * ln.size
            and not _BULLET.match(ln.text)
        ):
            out[-1] = _Line(_join(prev.text, ln.text), prev.x0, max(prev.x1, ln.x1), prev.top,
                            ln.bottom, ln.base, ln.size, ln.bold)  # fmt: skip
        else:
            out.append(ln)
    return out


def _join_all(lines: list[str]) -> str:
    """The lines of one paragraph joined (linear in their total length)."""
    parts = [lines[0]]
    for more in lines[1:]:
        joined = _join(parts[-1][-2:], more)  # decided by the end of the text so far
        parts[-1] = parts[-1][:-2] + joined[: len(joined) - len(more)]
        parts.append(more)
    return "".join(parts)


def _layout(pages: list[_Page], builder: DocumentBuilder) -> None:
    _drop_running_lines(pages)
    all_lines = [ln for p in pages for ln in p.lines]
    sizes = [round(ln.size, 1) for ln in all_lines]
    body = Counter(sizes).most_common(1)[0][0] if sizes else 0.0
    right = max((ln.x1 for ln in all_lines if ln.size == body), default=0.0)
    pitches = [
        round(b.base - a.base, 1)
        for p in pages
        for a, b in zip(p.lines, p.lines[1:], strict=False)
        if a.size == body == b.size and 0 < b.base - a.base < 3 * body
    ]
    pitch = Counter(pitches).most_common(1)[0][0] if pitches else body * 1.2
    larger = sorted({s for s in sizes if s > body + 1.0}, reverse=True)
    level_of = {s: min(3, i + 1) for i, s in enumerate(larger)}

    table_index = 0
    para: list[str] = []
    para_kind = "paragraph"
    para_where: Location | None = None
    prev: _Line | None = None
    prev_page = 0
    open_table: tuple[int, int] | None = None  # (index, width) of a table that may carry on
    heading: tuple[_Line, int, Location] | None = None
    line_no = 0

    def flush() -> None:
        nonlocal para, para_kind, para_where
        if para:
            text = _join_all(para)
            if para_kind == "paragraph" and len(para) == 1 and standalone_title(text):
                builder.add("heading", text, level=2, location=para_where)  # a title line
            else:
                builder.add(para_kind, text, location=para_where)
        para, para_kind, para_where = [], "paragraph", None

    def flush_heading() -> None:
        nonlocal heading
        if heading is not None:
            ln, level, where = heading
            builder.add("heading", ln.text, level=level, location=where)
            heading = None

    for p in pages:
        p.lines = _merge_wrapped_titles(p.lines, body, right)
        items: list[tuple[float, object]] = [(ln.top, ln) for ln in p.lines]
        items += [(top, rows) for top, rows in p.tables]
        items.sort(key=lambda it: it[0])
        carry, open_table = open_table, None
        first_on_page = True
        for _, item in items:
            if isinstance(item, list):
                flush_heading()
                flush()
                width = max((len(r) for r in item), default=0)
                if carry is not None and carry[1] == width and first_on_page:
                    index = carry[0]
                    builder.add_table(item, table_index=index, page=p.number, continues=True)
                else:
                    index = table_index
                    builder.add_table(item, table_index=index, page=p.number)
                    table_index += 1
                open_table = carry = (index, width)
                prev = None
                first_on_page = False
                continue
            ln: _Line = item  # type: ignore[assignment]
            first_on_page = False
            open_table = None
            line_no += 1
            big = ln.size > body + 1.0
            level = looks_like_heading(ln.text, bold=ln.bold, larger=big)
            if level and not (ln.bold or big) and ln.x1 > right - 4 * max(ln.size, 1):
                level = 0  # a plain line that runs to the margin wraps on: text, not a title
            if not level and big and len(ln.text.split()) <= 25 and not ln.text.endswith("."):
                level = 2  # a long title in a larger font (its level follows from its size)
            if level:
                if big:
                    level = level_of.get(round(ln.size, 1), level)
                flush()
                if (
                    heading is not None
                    and heading[0].size == ln.size
                    and heading[0].bold == ln.bold
                    and 0 < ln.base - heading[0].base <= 1.6 * ln.size
                    and heading[0].x1 > right - 6 * ln.size  # the first line ran to the margin
                    and not heading[0].text.endswith((":", "?", "."))
                ):
                    first, lvl, where = heading
                    merged = _Line(f"{first.text} {ln.text}", first.x0, ln.x1, first.top,
                                   ln.bottom, ln.base, ln.size, ln.bold)  # fmt: skip
                    heading = (merged, lvl, where)
                else:
                    flush_heading()
                    heading = (ln, level, Location(page=p.number))
                prev = None
                continue
            if (
                heading is not None
                and heading[0].size == ln.size
                and heading[0].bold == ln.bold
                and 0 < ln.base - heading[0].base <= 1.6 * ln.size
                and heading[0].x1 > right - 6 * ln.size
            ):
                # the second line of a wrapped heading, which alone does not read as one
                first, lvl, where = heading
                heading = (_Line(f"{first.text} {ln.text}", first.x0, ln.x1, first.top,
                                 ln.bottom, ln.base, ln.size, ln.bold), lvl, where)  # fmt: skip
                continue
            flush_heading()
            starts_item = bool(_BULLET.match(ln.text))
            new_para = prev is None or starts_item
            if prev is not None and not starts_item:
                if prev_page == p.number:  # the same page
                    gap = ln.base - prev.base
                    short = prev.x1 < right - 4 * max(prev.size, 1)  # ended before the margin
                    new_para = gap > pitch + max(1.5, 0.1 * pitch) or (
                        short
                        and (bool(_SENTENCE_END.search(prev.text)) or ln.text[:1].isupper()
                             or ln.text[:1] in "[(\"“'‘" or ln.text[:1].isdigit())
                    )
                else:  # the first line on a new page: carry on an unfinished sentence
                    new_para = bool(_SENTENCE_END.search(prev.text)) and (
                        prev.x1 < right - 4 * max(prev.size, 1) or not ln.text[:1].islower()
                    )
            if new_para:
                flush()
                para_where = Location(page=p.number, paragraph=line_no)
                if starts_item:
                    para_kind = "list_item"
            para.append(_BULLET.sub("", ln.text, count=1) if starts_item else ln.text)
            prev, prev_page = ln, p.number
        flush_heading()
    flush_heading()
    flush()
