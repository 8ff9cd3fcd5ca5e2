"""Ingest: turn a draft's bytes (.docx, .pdf, .txt, .md) into the document model, safely.

Uploaded bytes are read in memory only; nothing is written to disk.
"""

from __future__ import annotations

import stat
from pathlib import Path

from qa_assistant.document.model import Document
from qa_assistant.errors import DraftError, NoText, TooLarge, UnsupportedFormat
from qa_assistant.ingest.docx_reader import read_docx
from qa_assistant.ingest.guards import MAX_TEXT_CHARS, check_ole, check_size, max_bytes
from qa_assistant.ingest.pdf_reader import read_pdf
from qa_assistant.ingest.text_reader import read_text

SUPPORTED = (".docx", ".pdf", ".txt", ".md")


def unsupported_reason(name: str) -> str | None:
    """Why a file of this type is not read (None for a type that is): one message for a file
    checked alone, a file in a folder and a member of a .zip."""
    suffix = Path(name).suffix.lower()
    if suffix in SUPPORTED:
        return None
    if suffix in (".doc", ".rtf", ".odt", ".pages"):
        return f"{suffix} files are not read: save the draft as .docx or PDF and try again"
    return f"unsupported file type '{suffix or name}': use .docx, .pdf, .txt or .md"


def read_bytes(data: bytes, name: str) -> Document:
    """Read one draft from memory; raises DraftError with a user-facing message."""
    suffix = Path(name).suffix.lower()
    refused = unsupported_reason(name)
    if refused:
        raise UnsupportedFormat(refused)
    if not data:
        raise NoText("the file is empty (0 bytes)")
    check_size(len(data))
    if suffix == ".docx":
        document = read_docx(data, name)
    elif suffix == ".pdf":
        check_ole(data, ".pdf")
        document = read_pdf(data, name)
    else:
        document = read_text(data, name, suffix.lstrip("."))
    if not document.text.strip():
        raise NoText("the draft has no text to check")
    if len(document.text) > MAX_TEXT_CHARS:
        raise TooLarge(
            f"the draft has {len(document.text):,} characters of text, over the "
            f"{MAX_TEXT_CHARS:,} limit: split it and check the parts"
        )
    return document


def read_path(path: str | Path) -> Document:
    """Read a draft from a path, mapping file-system errors to clear messages."""
    p = Path(path)
    try:
        if p.is_dir():
            raise UnsupportedFormat(f"{p.name} is a folder, not a draft (use 'batch' for folders)")
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
            raise UnsupportedFormat(f"{p.name} is not a regular file")
        check_size(st.st_size)
        with p.open("rb") as fh:  # bounded even if the file grows after stat()
            data = fh.read(max_bytes() + 1)
        check_size(len(data))
    except DraftError:
        raise
    except FileNotFoundError as exc:
        raise DraftError(f"no such file: {p}") from exc
    except PermissionError as exc:
        raise DraftError(f"permission denied: cannot read {p.name}") from exc
    except OSError as exc:
        raise DraftError(f"cannot read {p.name}: {exc.strerror or 'I/O error'}") from exc
    return read_bytes(data, p.name)
