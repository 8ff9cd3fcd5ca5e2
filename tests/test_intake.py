"""The shared intake (``ingest.intake``): a zip on disk (the batch command) and the same zip
uploaded (the app) give the same rows with the same messages, and one error ladder words every
failure. Uploads never touch the disk."""

from __future__ import annotations

import builtins
import io
import zipfile
import zlib
from pathlib import PurePath

import fixtures_hostile as fh
import pytest

from qa_assistant.errors import TooLarge
from qa_assistant.ingest.intake import (
    NO_DRAFTS_IN_ZIP,
    Item,
    describe_failure,
    from_paths,
    from_uploads,
    item_bytes,
)

GOOD_TXT = fh.draft("txt")


def _mixed_zip() -> bytes:
    good = {
        "q1/review.txt": GOOD_TXT,
        "q1/notes.csv": b"a,b\n",  # not a draft: skipped
        "q1/.DS_Store": b"junk",  # hidden: skipped
        "__MACOSX/q1/._review.txt": b"junk",
        "q1/Thumbs.db": b"junk",
        "q1/inner.zip": fh.zip_of({"x.txt": GOOD_TXT}),
        "q1/old.doc": b"\xd0\xcf\x11\xe0",
        "q1/slides.odp": b"x",
    }
    return fh.encrypted_member_zip(good, "q1/secret.txt")


def _rows(items: list[Item]) -> dict[str, str | None]:
    """Display name (without the archive's folder) -> error, members read as a checker would."""
    rows = {}
    for item in items:
        error = item.error
        if error is None:
            try:
                item_bytes(item)
            except Exception as exc:  # noqa: BLE001 - worded by the ladder under test
                error = describe_failure(exc)
        archive, _, member = item.source.partition("!")
        rows[member or PurePath(archive).name] = error
    return rows


def test_a_zip_on_disk_and_uploaded_gives_the_same_rows(tmp_path):
    data = _mixed_zip()
    (tmp_path / "drafts.zip").write_bytes(data)
    on_disk = _rows(from_paths([tmp_path / "drafts.zip"]))
    uploaded = _rows(from_uploads([("drafts.zip", data)]))
    assert on_disk == uploaded == {
        "q1/review.txt": None,
        "q1/inner.zip": "a .zip inside a .zip is not opened: unzip it first",
        "q1/old.doc": ".doc files are not read: save the draft as .docx or PDF and try again",
        "q1/slides.odp": "unsupported file type '.odp': use .docx, .pdf, .txt or .md",
        "q1/secret.txt": "this file is password-protected inside the .zip",
    }


def test_a_damaged_member_and_a_zip_without_drafts_are_named_the_same_way(tmp_path):
    corrupt = bytearray(fh.zip_of({"ok.txt": GOOD_TXT, "bad.txt": GOOD_TXT * 20}))
    corrupt[corrupt.index(b"bad.txt") + 60] ^= 0xFF
    empty = fh.zip_of({"notes.csv": b"a,b\n", ".hidden.txt": GOOD_TXT})
    for name, data in (("corrupt.zip", bytes(corrupt)), ("empty.zip", empty)):
        (tmp_path / name).write_bytes(data)
    disk = _rows(from_paths([tmp_path / "corrupt.zip", tmp_path / "empty.zip"]))
    memory = _rows(from_uploads([("corrupt.zip", bytes(corrupt)), ("empty.zip", empty)]))
    assert disk == memory == {
        "ok.txt": None,
        "bad.txt": "this file is damaged inside the .zip",
        "empty.zip": NO_DRAFTS_IN_ZIP,
    }


def test_a_damaged_or_oversized_zip_is_one_row_either_way(tmp_path):
    huge = fh.raw_zip([("big.txt", 0, b"tiny", 0, 300 * 1024 * 1024)])  # declares 300 MB
    broken = b"PK\x03\x04 not really"
    (tmp_path / "huge.zip").write_bytes(huge)
    (tmp_path / "broken.zip").write_bytes(broken)
    disk = _rows(from_paths([tmp_path / "huge.zip", tmp_path / "broken.zip"]))
    memory = _rows(from_uploads([("huge.zip", huge), ("broken.zip", broken)]))
    assert disk == memory
    assert disk["huge.zip"].startswith("refused: the zip is too large when unpacked (300 MB")
    assert disk["broken.zip"] == "this .zip is damaged and cannot be opened"


def test_uploads_never_touch_the_disk(monkeypatch):
    def no_files(*args, **kwargs):
        raise AssertionError("an upload was opened as a file")

    monkeypatch.setattr(builtins, "open", no_files)
    monkeypatch.setattr(io, "open", no_files)
    items = from_uploads([("drafts.zip", _mixed_zip()), ("one.txt", GOOD_TXT)])
    assert all(i.path is None for i in items)
    assert [i.data for i in items if i.source.endswith("review.txt")] == [GOOD_TXT]


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (TooLarge("the file is too large"), "the file is too large"),
        (MemoryError(), "the draft is too large to check in memory"),
        (RecursionError(), "the draft is too deeply nested to read"),
        (zipfile.BadZipFile("quoted draft text"), "the file is damaged and cannot be read"),
        (zlib.error("quoted draft text"), "the file is damaged and cannot be read"),
        (PermissionError(13, "Permission denied"), "cannot read the file: permission denied"),
        (OSError(5, "Input/output error"), "cannot read the file: Input/output error"),
        (ValueError("quoted draft text"), "unexpected error while checking (ValueError)"),
    ],
)
def test_one_error_ladder(exc, message):
    assert describe_failure(exc) == message
