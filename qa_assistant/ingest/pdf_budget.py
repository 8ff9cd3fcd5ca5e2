"""Every PDF stream is decoded under a byte budget, whatever its filters or dictionary says.

A PDF "bomb" is a small stream that decodes to gigabytes (Flate, several Flate layers, LZW or
RunLength), or a stream whose damaged checksum sends pdfminer to a fallback that re-inflates the
data once per byte (quadratic: minutes for 60 KB). Two defences, both by construction:

- ``budgeted_decode`` replaces pdfminer's ``PDFStream.decode``: every filter layer is decoded
  with an output cap (``STREAM_CAP``) and counted against the document's total
  (``DOCUMENT_CAP``); a damaged Flate checksum is read by raw inflation, in linear time.
- ``prescan`` runs before any other PDF library sees the bytes: it walks every object pdfminer's
  parser can find and measures each stream's decoded size through all of its filter layers
  (streaming, without keeping the output), and it also tries every ``stream`` keyword in the raw
  bytes (any line ending) as a Flate stream, layer after layer, so a stream the parser missed
  (a damaged cross-reference table that another library would rebuild) is measured too.

Both raise ``UnsafeDocument`` (a DraftError) with one line for the user.
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator

from qa_assistant.errors import UnsafeDocument

STREAM_CAP = 64 * 1024 * 1024  # any one stream, after any one filter layer
DOCUMENT_CAP = 512 * 1024 * 1024  # all streams of one document together
_CHUNK = 1024 * 1024


class _Budget:
    def __init__(self, total: int = DOCUMENT_CAP) -> None:
        self.left = total
        self.tripped: UnsafeDocument | None = None

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            self.trip(
                f"refused: this PDF inflates to over {DOCUMENT_CAP // 1048576} MB "
                "(a possible decompression bomb)"
            )

    def trip(self, message: str) -> None:
        self.tripped = UnsafeDocument(message)
        raise self.tripped


_current: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "pdf_budget", default=None
)


@contextlib.contextmanager
def document_budget() -> Iterator[_Budget]:
    """A fresh document-wide budget for the PDF read inside the block."""
    budget = _Budget()
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def _stream_too_big() -> None:
    message = (
        f"refused: a stream in this PDF inflates to over {STREAM_CAP // 1048576} MB "
        "(a possible decompression bomb)"
    )
    budget = _current.get()
    if budget is not None:
        budget.trip(message)
    raise UnsafeDocument(message)


# -- one filter layer each, as a generator of output chunks -----------------------------------
def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Inflate zlib data in bounded steps. A bad checksum or a truncated tail ends the output
    there (what was inflated is kept), never a retry per byte."""
    data = b"".join(chunks)
    produced = 0
    for wbits, start in ((15, 0), (-15, 2)):  # zlib; then raw deflate past the 2-byte header
        inflater = zlib.decompressobj(wbits)
        pending = data[start:]
        seen = 0
        try:
            while True:
                piece = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
                end = seen + len(piece)
                if end > produced:  # only what an earlier attempt did not already give
                    yield piece[max(0, produced - seen) :]
                    produced = end
                seen = end
                if inflater.eof or (not piece and not pending):
                    return
        except zlib.error:
            continue  # raw deflate next: a damaged Adler-32 checksum is then ignored


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    from pdfminer.lzw import LZWDecoder

    buf: list[bytes] = []
    size = 0
    try:
        for piece in LZWDecoder(io.BytesIO(b"".join(chunks))).run():
            buf.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                yield b"".join(buf)
                buf, size = [], 0
    except Exception:  # noqa: BLE001 - damaged data ends the output there
        pass
    if buf:
        yield b"".join(buf)


def _runlength(chunks: Iterable[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            if i + 1 >= n:
                break
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        if len(out) >= _CHUNK:
            yield bytes(out)
            out.clear()
    if out:
        yield bytes(out)


def _whole(fn: Callable[[bytes], bytes]) -> Callable[[Iterable[bytes]], Iterator[bytes]]:
    """A filter whose output is never larger than its input (ASCII hex, ASCII85)."""

    def run(chunks: Iterable[bytes]) -> Iterator[bytes]:
        try:
            yield fn(b"".join(chunks))
        except Exception:  # noqa: BLE001
            return

    return run


def _passthrough(chunks: Iterable[bytes]) -> Iterator[bytes]:
    yield from chunks


def _filter_layer(name: object) -> Callable[[Iterable[bytes]], Iterator[bytes]] | None:
    """The decoder for one filter name; ``_passthrough`` for image codecs (never needed to read
    text, so never decoded); None for a filter that cannot be read."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_CCITTFAX_DECODE,
        LITERALS_DCT_DECODE,
        LITERALS_FLATE_DECODE,
        LITERALS_JBIG2_DECODE,
        LITERALS_JPX_DECODE,
        LITERALS_LZW_DECODE,
        LITERALS_RUNLENGTH_DECODE,
    )

    if name in LITERALS_FLATE_DECODE:
        return _flate
    if name in LITERALS_LZW_DECODE:
        return _lzw
    if name in LITERALS_RUNLENGTH_DECODE:
        return _runlength
    if name in LITERALS_ASCII85_DECODE:
        return _whole(ascii85decode)
    if name in LITERALS_ASCIIHEX_DECODE:
        return _whole(asciihexdecode)
    if name in (
        *LITERALS_DCT_DECODE, *LITERALS_JBIG2_DECODE, *LITERALS_JPX_DECODE,
        *LITERALS_CCITTFAX_DECODE,
    ):  # fmt: skip
        return _passthrough
    return None


def _capped(chunks: Iterable[bytes], budget: _Budget | None) -> Iterator[bytes]:
    size = 0
    for piece in chunks:
        size += len(piece)
        if size > STREAM_CAP:
            _stream_too_big()
        if budget is not None:
            budget.spend(len(piece))
        yield piece


# -- pdfminer's decode, budgeted ---------------------------------------------------------------
def budgeted_decode(self) -> None:  # installed as pdfminer.pdftypes.PDFStream.decode
    from pdfminer.pdftypes import apply_png_predictor, apply_tiff_predictor, int_value
    from pdfminer.psexceptions import PSException

    data = self.rawdata or b""
    if self.decipher:
        data = self.decipher(self.objid, self.genno, data, self.attrs)
    budget = _current.get()
    for name, params in self.get_filters():
        layer = _filter_layer(name)
        if layer is None:
            data = b""  # an unknown or /Crypt filter: no text to be had from it
            break
        if layer is _passthrough:
            break  # an image codec: kept as stored, as pdfminer does
        data = b"".join(_capped(layer([data]), budget))
        if isinstance(params, dict) and "Predictor" in params:
            try:
                pred = int_value(params["Predictor"])
                colors = int_value(params.get("Colors", 1))
                columns = int_value(params.get("Columns", 1))
                bits = int_value(params.get("BitsPerComponent", 8))
                if pred == 2:
                    data = apply_tiff_predictor(colors, columns, bits, data)
                elif pred >= 10:
                    data = apply_png_predictor(pred, colors, columns, bits, data)
            except (PSException, ValueError, TypeError, IndexError, ZeroDivisionError):
                pass
    self.data = data
    self.rawdata = None


def install() -> None:
    """Make pdfminer decode every stream through ``budgeted_decode`` (idempotent)."""
    from pdfminer.pdftypes import PDFStream

    if PDFStream.decode is not budgeted_decode:
        PDFStream.decode = budgeted_decode


# -- the pre-scan ------------------------------------------------------------------------------
def _decoded_size(stream, budget: _Budget) -> None:
    """Measure one pdfminer stream through all its filter layers, keeping nothing."""
    data = stream.rawdata if stream.rawdata is not None else stream.data
    if data is None:
        return
    if stream.rawdata is not None and stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    chunks: Iterable[bytes] = [data]
    try:
        filters = stream.get_filters()
    except Exception:  # noqa: BLE001 - a damaged dictionary: the raw scan still measures it
        return
    for name, _ in filters:
        layer = _filter_layer(name)
        if layer is None or layer is _passthrough:
            break
        chunks = _capped(layer(chunks), None)
    for piece in chunks:
        budget.spend(len(piece))


_ZLIB_HEAD = re.compile(rb"stream[ \t\f\x00]*(?:\r\n|\r|\n)?")


def _zlib_header(head: bytes) -> bool:
    return (
        len(head) >= 2
        and head[0] & 0x0F == 8
        and head[0] >> 4 <= 7
        and ((head[0] << 8) | head[1]) % 31 == 0
    )


def _raw_flate_layers(first: bytes, budget: _Budget) -> None:
    """Inflate zlib data layer after layer (a doubled /FlateDecode), counting only."""

    def layers(chunks: Iterable[bytes], depth: int) -> Iterator[bytes]:
        it = iter(_capped(_flate(chunks), None))
        head = next(it, b"")
        if depth < 16 and _zlib_header(head[:2]):  # the output is zlib data: one more layer
            yield from layers(_chain(head, it), depth + 1)
        else:
            yield head
            yield from it

    for piece in layers([first], 0):
        budget.spend(len(piece))


def _chain(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest


def _raw_scan(data: bytes, budget: _Budget) -> None:
    for match in _ZLIB_HEAD.finditer(data):
        start = match.end()
        if not _zlib_header(data[start : start + 2]):
            continue
        end = data.find(b"endstream", start)
        body = data[start : end if end > 0 else len(data)]
        _raw_flate_layers(body, budget)


def prescan(data: bytes) -> None:
    """Refuse a PDF any of whose streams (or all together) decode past the caps."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    install()
    _raw_scan(data, _Budget())
    budget = _Budget()
    token = _current.set(budget)
    try:
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)))
        except UnsafeDocument:
            raise
        except Exception:  # noqa: BLE001 - damaged or encrypted: the reader will say which
            return
        seen: set[int] = set()
        for xref in document.xrefs:
            try:
                objids = list(xref.get_objids())
            except Exception:  # noqa: BLE001
                continue
            for objid in objids:
                if objid in seen:
                    continue
                seen.add(objid)
                try:
                    obj = document.getobj(objid)
                except UnsafeDocument:
                    raise
                except Exception:  # noqa: BLE001 - a damaged object is skipped here
                    continue
                if isinstance(obj, PDFStream):
                    _decoded_size(obj, budget)
    finally:
        _current.reset(token)
        if budget.tripped is not None:
            raise budget.tripped
