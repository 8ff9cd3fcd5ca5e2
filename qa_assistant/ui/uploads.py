"""Uploaded files in memory: single drafts, many drafts, and .zip archives of drafts.

Nothing is written to disk: uploads go through the shared intake (``ingest.intake``), which
opens a zip from a ``BytesIO`` with the same rules and messages as the batch command. Each file
gives one ``Entry``: a result, or the one-sentence message of why it could not be checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from qa_assistant.ingest import SUPPORTED
from qa_assistant.ingest.intake import Item, check_draft, describe_failure, from_uploads
from qa_assistant.result.model import DraftResult

Upload = Item  # an uploaded file, or a member of an uploaded zip, as the intake gives it
# For st.file_uploader(type=...): only the types that are read are offered (issue 11); the app
# says in words, next to the uploader, what happens to other types and larger files.
ACCEPTED_TYPES = [s.lstrip(".") for s in SUPPORTED]
SAMPLE_TYPES = [*ACCEPTED_TYPES, "zip"]
TYPES_NOTE = (
    "Reads .docx, .pdf (with a text layer), .txt and .md up to {mb} MB. Other types (save "
    ".doc/.rtf/.odt as .docx) and larger files are refused, marked red above, and not read."
)


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


def expand_uploads(files: Iterable[tuple[str, bytes]]) -> list[Upload]:
    """Uploaded (name, bytes) pairs, with zips replaced by their draft members."""
    return from_uploads(files)


def check_upload(checker, upload: Upload) -> Entry:
    """Check one upload; never raises (the message is what the user sees)."""
    try:
        result = check_draft(checker, upload)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the rest (nor MemoryError)
        return Entry(upload.source, None, error=describe_failure(exc))
    return Entry(upload.source, upload.data, result=result)


def check_uploads(
    checker, uploads: list[Upload], progress: Callable[[int, int, str], None] | None = None
) -> list[Entry]:
    entries = []
    n = len(uploads)
    for i, upload in enumerate(uploads, 1):
        entries.append(check_upload(checker, upload))
        if progress is not None:
            progress(i, n, upload.source)
    return entries


# -- a sample kept across views: uploads added once, duplicates detected --------------------
def content_key(upload: Upload) -> str:
    """Same bytes, same key: a file added twice (alone or in a zip) is detected."""
    import hashlib

    if upload.data is None:
        return f"error:{upload.source}:{upload.error}"
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
            dup_of.append(first.name if first is not None else u.source)
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
