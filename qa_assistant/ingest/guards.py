"""Checks made on raw bytes *before* any parser runs, so hostile files are refused cheaply.

A .docx is a zip: its declared sizes and ratios are checked before inflating anything, and every
XML part is refused if it declares a DTD (the only way to an entity-expansion bomb). An OLE
compound file is either a legacy .doc/.xls or an encrypted OOXML package: both are named.
"""

from __future__ import annotations

import io
import os
import zipfile

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
            f"the file is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit "
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
                with zf.open(info) as fh:
                    head = fh.read(65536)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise UnsupportedFormat(
                    f"this {kind} is damaged or truncated and cannot be opened: "
                    "save it again from Word"
                ) from exc
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UnsafeDocument(
                    f"refused: this {kind} declares XML entities "
                    "(a possible entity-expansion attack)"
                )
    return zf
