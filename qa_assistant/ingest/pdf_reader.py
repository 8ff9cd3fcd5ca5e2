"""Read a text-layer PDF with pdfplumber: lines in reading order, tables, page numbers.

Lines are rebuilt from words (with font name and size) so bold or larger lines become headings;
tables are located first and their words excluded from the running text, then inserted at their
position on the page. Table finding is only attempted on pages that draw lines or rectangles,
since it is pdfplumber's most expensive step.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTLine, LTRect
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.page import fix_fontname_bytes
from pdfplumber.utils import extract_words

from qa_assistant.document.headings import looks_like_heading
from qa_assistant.document.model import Document, DocumentBuilder, Location
from qa_assistant.errors import (
    DraftError,
    Encrypted,
    NoText,
    TooLarge,
    UnsupportedFormat,
)
from qa_assistant.ingest.guards import MAX_PAGES, PDF_MAGIC, check_pdf_streams

# pdfminer logs the operands of what it parses (draft text, in a malformed page) at DEBUG and
# at WARNING level, and with no logging configured Python prints warnings to stderr. Its records
# are kept from every handler so that draft text never reaches a log or the terminal.
for _name in ("pdfminer", "pdfplumber"):
    _logger = logging.getLogger(_name)
    _logger.setLevel(logging.CRITICAL)
    _logger.addHandler(logging.NullHandler())
    _logger.propagate = False

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
# A bullet drawn as its own glyph: a symbol, a private-use Symbol-font bullet (Word), or a glyph
# pdfminer cannot map to text ("(cid:127)", as reportlab's and many other bullets come out).
_GLYPH = re.compile(r"^(?:[•●▪◦‣∙·\uf0a7\uf0b7\uf076\uf0d8]|\(cid:\d+\))$")


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool


def _lines_from_words(words: list[dict]) -> list[_Line]:
    lines: list[_Line] = []
    current: list[dict] = []

    def flush() -> None:
        if not current:
            return
        current.sort(key=lambda w: w["x0"])
        glyph = len(current) > 1 and bool(_GLYPH.match(current[0]["text"]))
        body = current[1:] if glyph else current  # the bullet's font says nothing of the line
        sizes = [w.get("size", 0) for w in body]
        bold = all("bold" in (w.get("fontname") or "").lower() for w in body)
        lines.append(
            _Line(
                text=("• " if glyph else "") + " ".join(w["text"] for w in body),
                top=min(w["top"] for w in current),
                bottom=max(w["bottom"] for w in current),
                x0=current[0]["x0"],
                size=max(sizes) if sizes else 0.0,
                bold=bold,
            )
        )
        current.clear()

    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if current and abs(w["top"] - current[0]["top"]) > 2.5:
            flush()
        current.append(w)
    flush()
    return lines


def _page_chars(page) -> tuple[list[dict], bool]:
    """The page's characters as pdfplumber's ``page.chars`` gives them (the fields its word
    extraction reads), and whether the page draws rectangles or lines (so may hold a table).

    Built straight from pdfminer's layout objects: pdfplumber's generic conversion of every
    object and attribute was most of a PDF's reading time, and only these fields are used.
    """
    chars: list[dict] = []
    ruled = False
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    doctop = page.initial_doctop
    stack = [iter(page.layout._objs)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTContainer):  # a figure (form XObject): its objects, in order
            stack.append(iter(obj._objs))
        elif isinstance(obj, LTChar):
            top = (height - obj.y1) + mb_top
            fontname = obj.fontname
            if isinstance(fontname, bytes):  # rare; named as pdfplumber names it
                fontname = fix_fontname_bytes(fontname)
            chars.append(
                {
                    "text": obj.get_text(),
                    "x0": obj.x0 + mb_x0,
                    "x1": obj.x1 + mb_x0,
                    "top": top,
                    "bottom": (height - obj.y0) + mb_top,
                    "doctop": doctop + top,
                    "upright": obj.upright,
                    "height": obj.height,
                    "width": obj.width,
                    "size": obj.size,
                    "fontname": fontname,
                }
            )
        elif type(obj) in (LTRect, LTLine):
            ruled = True
    return chars, ruled


def _inside(word: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def read_pdf(data: bytes, source: str) -> Document:
    if not data.lstrip()[:1024].startswith(PDF_MAGIC) and PDF_MAGIC not in data[:1024]:
        raise UnsupportedFormat("this file is not a valid PDF (was it renamed?)")
    check_pdf_streams(data)
    builder = DocumentBuilder(source, "pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n = len(pdf.pages)
            if n > MAX_PAGES:
                raise TooLarge(f"the PDF has {n} pages, over the {MAX_PAGES}-page limit")
            builder.pages = n
            _read_pages(pdf, builder)
    except DraftError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise Encrypted(
            "this PDF is password-protected: remove the password and try again"
        ) from exc
    except PDFSyntaxError as exc:
        raise UnsupportedFormat("this PDF is damaged and cannot be read") from exc
    except Exception as exc:  # pdfminer raises a wide range on malformed input
        if _is_password_error(exc):
            raise Encrypted(
                "this PDF is password-protected: remove the password and try again"
            ) from exc
        raise UnsupportedFormat("this PDF is damaged and cannot be read") from exc
    document = builder.build()
    if not document.text.strip():
        raise NoText(
            "no text layer: this PDF looks scanned or image-only; export it from Word "
            "or run OCR first"
        )
    return document


def _is_password_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect in its own PdfminerException (with an
    empty message), so the cause is looked for in the arguments and the chain as well."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        name = type(err).__name__.lower()
        if isinstance(err, (PDFPasswordIncorrect, PDFEncryptionError)) or (
            "password" in name or "encrypt" in name or "password" in str(err).lower()
        ):
            return True
        todo += [*err.args, err.__cause__, err.__context__]
    return False


def _read_pages(pdf, builder: DocumentBuilder) -> None:
    table_index = 0
    all_sizes: list[float] = []
    pages_lines: list[tuple[int, list[_Line], list[tuple[float, list[list[str]]]], float]] = []
    for page_no, page in enumerate(pdf.pages, start=1):
        chars, ruled = _page_chars(page)
        words = extract_words(chars, extra_attrs=["fontname", "size"], keep_blank_chars=False)
        tables: list[tuple[float, list[list[str]]]] = []
        if ruled:
            for t in page.find_tables():
                rows = [[c or "" for c in row] for row in t.extract()]
                tables.append((t.bbox[1], rows))
                words = [w for w in words if not _inside(w, t.bbox)]
        lines = _lines_from_words(words)
        all_sizes.extend(line.size for line in lines)
        pages_lines.append((page_no, lines, tables, float(page.height or 0)))
        page.close()  # drop pdfplumber's per-page caches: memory stays flat over long PDFs
    body = statistics.median(all_sizes) if all_sizes else 0.0
    line_no = 0
    carry: tuple[int, int] | None = None  # (index, width) of a table that ended the last page
    for page_no, lines, tables, height in pages_lines:
        items: list[tuple[float, object]] = [(ln.top, ln) for ln in lines]
        items += [(top, rows) for top, rows in tables]
        items.sort(key=lambda it: it[0])
        para: list[str] = []
        para_kind = "paragraph"
        prev: _Line | None = None
        open_table = carry  # a table at the top of this page may carry on from the last page
        carry = None

        def flush() -> None:  # called within this page's loop: page_no and line_no are current
            nonlocal para, para_kind
            if para:
                where = Location(page=page_no, paragraph=line_no)  # noqa: B023
                builder.add(para_kind, " ".join(para), location=where)
            para, para_kind = [], "paragraph"

        for _, item in items:
            if isinstance(item, list):
                flush()
                width = max((len(r) for r in item), default=0)
                if open_table is not None and open_table[1] == width:
                    index = open_table[0]
                    builder.add_table(item, table_index=index, page=page_no, continues=True)
                else:
                    index = table_index
                    builder.add_table(item, table_index=index, page=page_no)
                    table_index += 1
                carry = open_table = (index, width)
                prev = None
                continue
            ln: _Line = item  # type: ignore[assignment]
            if not (height and (ln.top < height * 0.08 or ln.bottom > height * 0.92)):
                carry = open_table = None  # body text (not a running header or footer)
            line_no += 1
            level = looks_like_heading(ln.text, bold=ln.bold, larger=ln.size > body + 1.0)
            if level:
                flush()
                builder.add("heading", ln.text, level=level, location=Location(page=page_no))
                prev = None
                continue
            gap = (ln.top - prev.bottom) if prev else 0.0
            starts_item = bool(_BULLET.match(ln.text))
            if prev is None or gap > max(ln.size, 6) * 0.8 or starts_item:
                flush()
                if starts_item:
                    para_kind = "list_item"
            para.append(_BULLET.sub("", ln.text, count=1) if starts_item else ln.text)
            prev = ln
        flush()
