"""Checks made on raw bytes *before* any parser runs, so hostile files are refused cheaply.

A .docx is a zip: its declared sizes and ratios are checked before inflating anything, and every
XML part is refused if it declares a DTD anywhere (the only way to an entity-expansion bomb). An OLE
compound file is either a legacy .doc/.xls or an encrypted OOXML package: both are named.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib

from qa_assistant.errors import Encrypted, TooLarge, UnsafeDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"


def max_bytes() -> int:
    """Upload limit in bytes; ``QA_MAX_MB`` overrides the 25 MB default."""
    try:
        return int(float(os.environ.get("QA_MAX_MB", "25")) * 1024 * 1024)
    except ValueError:
        return 25 * 1024 * 1024


MAX_PAGES = 500
MAX_UNZIPPED = 200 * 1024 * 1024  # all parts together, as declared
MAX_PART = 64 * 1024 * 1024  # any one XML part
MAX_RATIO = 200  # inflated / compressed, for parts over 1 MB
MAX_TEXT_CHARS = 3_000_000  # about 1,000 pages of prose


def check_size(size: int) -> None:
    """Refuse a file over the upload limit, naming the limit."""
    limit = max_bytes()
    if size > limit:
        raise TooLarge(
            f"the file is {size / 1048576:.1f} MB, over the {limit / 1048576:g} MB limit "
            "(QA_MAX_MB): split the draft or remove embedded images"
        )


def check_ole(data: bytes, kind: str) -> None:
    """Name an encrypted Office file or a legacy binary one instead of failing to parse it."""
    if not data.startswith(OLE_MAGIC):
        return
    if (
        "EncryptionInfo".encode("utf-16-le") in data
        or b"EncryptedPackage" in data
        or ("EncryptedPackage".encode("utf-16-le") in data)
    ):
        raise Encrypted(
            "this Word file is password-protected: remove the password in Word "
            "(File > Info > Protect Document) and try again"
        )
    raise UnsupportedFormat(
        f"this is a legacy Word 97-2003 file, not a {kind}: open it in Word and save it "
        "as .docx, or export it as PDF"
    )


def open_safe_zip(data: bytes, kind: str = ".docx") -> zipfile.ZipFile:
    """Open a zip after checking declared sizes, ratios and DTD-free XML parts."""
    check_ole(data, kind)
    if not data.startswith(ZIP_MAGIC):
        raise UnsupportedFormat(
            f"this file is not a valid {kind}: it is not a Word document (was it renamed?)"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsupportedFormat(
            f"this {kind} is damaged or truncated and cannot be opened: save it again from Word"
        ) from exc
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART and info.filename.endswith((".xml", ".rels")):
            raise UnsafeDocument(
                f"refused: a part of this {kind} inflates to {info.file_size // 1048576} MB "
                "(a possible zip bomb)"
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise UnsafeDocument(
                f"refused: a part of this {kind} is compressed "
                f"{info.file_size // max(info.compress_size, 1)}"
                " times (a possible zip bomb)"
            )
    if total > MAX_UNZIPPED:
        raise UnsafeDocument(
            f"refused: this {kind} inflates to {total // 1048576} MB (a possible zip bomb)"
        )
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise UnsupportedFormat(f"this file is a zip archive but not a Word {kind} document")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            try:
                _check_xml_part(zf, info, kind)
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                ValueError,
                NotImplementedError,  # an unknown compression method
                RuntimeError,  # an encrypted zip member
                zlib.error,  # damaged deflated data
            ) as exc:
                raise UnsupportedFormat(
                    f"this {kind} is damaged or truncated and cannot be opened: "
                    "save it again from Word"
                ) from exc
    return zf


# A DTD is the only way to an entity-expansion bomb or an external entity, so a part that
# declares one anywhere is refused. The markers are looked for in every encoding the XML parser
# accepts without being told (UTF-8 and its ASCII-compatible relatives, UTF-16 either way round);
# a part in any other encoding (UTF-7, EBCDIC, UTF-32), which Word never writes, is refused too.
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _DTD_MARKERS)
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_ENCODING_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_SAFE_ENCODINGS = {
    "utf-8", "utf8", "utf-16", "utf16", "ascii", "us-ascii",
    "iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252",
}  # fmt: skip
_CHUNK = 1024 * 1024


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str) -> None:
    """Stream one XML part (its size is already bounded) and refuse it if it declares a DTD
    anywhere, or is in a text encoding in which that search could be fooled."""
    with zf.open(info) as fh:
        chunk = fh.read(_CHUNK)
        start = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")
        if start and not start.startswith(_UTF16_STARTS):
            declared = _ENCODING_DECL.match(start)
            if not start.startswith(b"<") or (
                declared and declared.group(1).decode().lower() not in _SAFE_ENCODINGS
            ):
                raise UnsafeDocument(
                    f"refused: a part of this {kind} is not in a text encoding Word writes "
                    "(a possible attempt to hide XML entities)"
                )
        while chunk:
            if any(m in chunk for m in _DTD_MARKERS):
                raise UnsafeDocument(
                    f"refused: this {kind} declares XML entities "
                    "(a possible entity-expansion attack)"
                )
            more = fh.read(_CHUNK)
            chunk = chunk[-_OVERLAP:] + more if more else b""


# -- PDF streams ------------------------------------------------------------------------------
def check_pdf_streams(data: bytes) -> None:
    """Refuse a PDF any of whose streams decodes to an absurd size (a PDF "zip bomb"), whatever
    its filter chain or dictionary: see ``pdf_budget.prescan``."""
    from qa_assistant.ingest.pdf_budget import prescan

    prescan(data)
