"""Uploaded files in memory: single drafts, many drafts, and .zip archives of drafts.

Nothing is written to disk: a zip is opened from a ``BytesIO`` and its members are read into
memory after the same size checks the batch command uses. Each file gives one ``Entry``: a
result, or the one-sentence message of why it could not be checked.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from qa_assistant.errors import DraftError
from qa_assistant.ingest import SUPPORTED
from qa_assistant.ingest.guards import MAX_UNZIPPED, check_size
from qa_assistant.result.model import DraftResult

MAX_ZIP_MEMBERS = 2000
# For st.file_uploader(type=...): only the types that are read are offered (issue 11); the app
# says in words, next to the uploader, what happens to other types and larger files.
ACCEPTED_TYPES = [s.lstrip(".") for s in SUPPORTED]
SAMPLE_TYPES = [*ACCEPTED_TYPES, "zip"]
TYPES_NOTE = (
    "Reads .docx, .pdf (with a text layer), .txt and .md up to {mb} MB. Other types (save "
    ".doc/.rtf/.odt as .docx) and larger files are refused, marked red above, and not read."
)


@dataclass(frozen=True)
class Upload:
    name: str  # shown to the user; zip members are "archive.zip!folder/draft.docx"
    data: bytes | None
    error: str | None = None


@dataclass
class Entry:
    """One checked file: its result or its error. Kept only in the session's memory."""

    name: str
    data: bytes | None
    result: DraftResult | None = None
    error: str | None = None
    exports: dict = field(default_factory=dict, repr=False)  # downloads, built once on demand

    @property
    def ok(self) -> bool:
        return self.result is not None

    @property
    def filename(self) -> str:
        """The member's own file name (what the readers use to pick a format)."""
        return PurePosixPath(self.name.rsplit("!", 1)[-1]).name

    def record(self) -> dict:
        """The JSON contract for this file, or an error record (as the batch command writes)."""
        if self.result is None:
            return {"source": self.name, "error": self.error or "not checked"}
        rec = self.result.to_dict()
        rec["source"] = self.name
        return rec


def _skip_member(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return (
        not base
        or base.startswith((".", "~$"))
        or name.startswith("__MACOSX")
        or base.lower() in ("thumbs.db", "desktop.ini")
    )


def zip_members(data: bytes, source: str) -> list[Upload]:
    """The draft files inside a zip, read in memory; problems become error uploads."""
    try:
        check_size(len(data))
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir() and not _skip_member(i.filename)]
            if len(infos) > MAX_ZIP_MEMBERS or sum(i.file_size for i in infos) > MAX_UNZIPPED:
                return [Upload(source, None, "refused: the zip is too large when unpacked")]
            out: list[Upload] = []
            for info in infos:
                name = f"{source}!{info.filename}"
                suffix = PurePosixPath(info.filename).suffix.lower()
                if suffix == ".zip":
                    out.append(Upload(name, None, "a zip inside a zip is not opened: unzip it"))
                    continue
                if suffix not in SUPPORTED:
                    out.append(
                        Upload(
                            name,
                            None,
                            f"not a draft type ({suffix or 'no extension'}): "
                            "use .docx, .pdf, .txt or .md",
                        )
                    )
                    continue
                try:
                    check_size(info.file_size)
                    out.append(Upload(name, zf.read(info)))
                except DraftError as exc:
                    out.append(Upload(name, None, str(exc)))
                except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
                    out.append(Upload(name, None, "this file in the zip is damaged or encrypted"))
            if not out:
                return [Upload(source, None, "the zip holds no .docx, .pdf, .txt or .md drafts")]
            return out
    except DraftError as exc:
        return [Upload(source, None, str(exc))]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return [Upload(source, None, "this .zip is damaged and cannot be opened")]


def expand_uploads(files: Iterable[tuple[str, bytes]]) -> list[Upload]:
    """Uploaded (name, bytes) pairs, with zips replaced by their draft members."""
    out: list[Upload] = []
    for name, data in files:
        if PurePosixPath(name).suffix.lower() == ".zip":
            out.extend(zip_members(data, name))
        else:
            out.append(Upload(name, data))
    return out


def check_upload(checker, upload: Upload) -> Entry:
    """Check one upload; never raises (the message is what the user sees)."""
    if upload.error is not None or upload.data is None:
        return Entry(upload.name, None, error=upload.error or "no data")
    filename = PurePosixPath(upload.name.rsplit("!", 1)[-1]).name
    try:
        result = checker.check_bytes(upload.data, filename)
    except DraftError as exc:
        return Entry(upload.name, None, error=str(exc))
    except RecursionError:
        return Entry(upload.name, None, error="the draft is too deeply nested to read")
    except MemoryError:
        return Entry(upload.name, None, error="the draft is too large to check in memory")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest
        return Entry(
            upload.name, None, error=f"unexpected error while checking ({type(exc).__name__})"
        )
    result.source = upload.name
    return Entry(upload.name, upload.data, result=result)


def check_uploads(
    checker, uploads: list[Upload], progress: Callable[[int, int, str], None] | None = None
) -> list[Entry]:
    entries = []
    n = len(uploads)
    for i, upload in enumerate(uploads, 1):
        entries.append(check_upload(checker, upload))
        if progress is not None:
            progress(i, n, upload.name)
    return entries


# -- a sample kept across views: uploads added once, duplicates detected --------------------
def content_key(upload: Upload) -> str:
    """Same bytes, same key: a file added twice (alone or in a zip) is detected."""
    import hashlib

    if upload.data is None:
        return f"error:{upload.name}:{upload.error}"
    return hashlib.sha256(upload.data).hexdigest()


def add_to_sample(
    entries: dict[str, Entry],
    uploads: list[Upload],
    check: Callable[[Upload], Entry],
    source: str,
) -> tuple[list[str], str | None]:
    """Check and add the uploads of one uploaded file that are not in ``entries`` yet; returns
    the keys added and a sentence about duplicates (None when there were none)."""
    added: list[str] = []
    dup_of: list[str] = []
    for u in uploads:
        key = content_key(u)
        if key in entries or key in added:
            first = entries.get(key)
            dup_of.append(first.name if first is not None else u.name)
            continue
        entries[key] = check(u)
        added.append(key)
    if not dup_of:
        return added, None
    if not added:
        if len(dup_of) == 1:
            return added, (f"already in the sample (the same file as {dup_of[0]}), so it was not "
                           "added again")
        return added, f"all {len(dup_of)} drafts in it are already in the sample: none added again"
    return added, (f"{len(dup_of)} of {len(dup_of) + len(added)} drafts in it were already in "
                   "the sample and were not added again")
