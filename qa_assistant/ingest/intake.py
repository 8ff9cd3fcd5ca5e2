"""One intake for the batch command and the app: files, folders and .zip archives on disk, or
uploads held in memory (zips too), turned into ``Item``s with the same rules and messages.

Why one module: the batch command and the app used to expand zips and word per-file errors each
in their own way, and the two drifted. Here both get the same member rules (hidden files and
``__MACOSX`` skipped, a zip inside a zip refused, the reader's own message for a type it does not
read, the unzipped-size limit, damaged or password-protected members) and one error ladder
(``describe_failure``) from an exception to the one line a user sees.

Nothing is written to disk: a zip on disk is listed from its directory and each member is read
later, in memory, by whoever checks it (``item_bytes``); an uploaded zip is opened from a
``BytesIO``. Only regular files are read: a pipe, a device or a socket gets a "skipped" row, and a
link inside a folder that points outside the folders given is not followed.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from qa_assistant.errors import DraftError, Encrypted, UnsupportedFormat
from qa_assistant.ingest import unsupported_reason
from qa_assistant.ingest.guards import MAX_UNZIPPED, check_size, max_bytes
from qa_assistant.terminal import visible

MAX_ZIP_MEMBERS = 2000
# Files that travel with drafts but are not drafts (tables, labels, pictures): skipped silently.
NOT_DRAFTS = (".json", ".yaml", ".yml", ".csv", ".xlsx", ".jsonl", ".png", ".jpg")
SYSTEM_FILES = ("thumbs.db", "desktop.ini")
NOT_REGULAR = "skipped: not a regular file (a pipe, socket or device is never read)"
NO_DRAFTS_IN_ZIP = "the zip holds no .docx, .pdf, .txt or .md drafts"
DAMAGED_ZIP = "this .zip is damaged and cannot be opened"
DAMAGED_MEMBER = "this file is damaged inside the .zip"
ENCRYPTED_MEMBER = "this file is password-protected inside the .zip"
UNREADABLE_COMPRESSION = (
    "this file inside the .zip is compressed in a way that cannot be read: unzip it and add "
    "the file itself"
)
NESTED_ZIP = "a .zip inside a .zip is not opened: unzip it first"
TOO_BIG_IN_MEMORY = "the draft is too large to check in memory"
TOO_DEEP = "the draft is too deeply nested to read"

# zipfile's errors on a damaged, encrypted (RuntimeError) or exotic (NotImplementedError) member
ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


@dataclass(frozen=True)
class Item:
    """One draft to check, by its display name: its bytes in memory, where to read them on disk,
    or why it cannot be checked. Small and picklable, so it can be sent to a worker process."""

    source: str  # shown to the user; a zip member is "archive.zip!folder/draft.docx"
    data: bytes | None = None  # already in memory (an upload, or a member of an uploaded zip)
    error: str | None = None  # known to be unreadable before checking
    path: str | None = None  # read from disk when checked (the .zip itself for a member)
    member: int | None = None  # index of the member in the .zip at ``path``

    @property
    def filename(self) -> str:
        """The file's own name (what the readers pick a format by)."""
        return PurePosixPath(self.source.rsplit("!", 1)[-1]).name


# -- the error ladder -----------------------------------------------------------------------
def describe_failure(exc: BaseException) -> str:
    """The one line a user sees when reading or checking a file failed: the message of a
    ``DraftError``, a plain sentence for the known failures, and for anything else only the
    exception's type (its text could quote the draft)."""
    if isinstance(exc, DraftError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return TOO_BIG_IN_MEMORY
    if isinstance(exc, RecursionError):
        return TOO_DEEP
    if isinstance(exc, (zipfile.BadZipFile, zlib.error)):
        return "the file is damaged and cannot be read"
    if isinstance(exc, PermissionError):
        return "cannot read the file: permission denied"
    if isinstance(exc, OSError):
        return f"cannot read the file: {exc.strerror or 'I/O error'}"
    return f"unexpected error while checking ({type(exc).__name__})"


class Checker(Protocol):
    def check_bytes(self, data: bytes, name: str): ...

    def check_path(self, path: str): ...


def check_draft(checker: Checker, item: Item):
    """Read and check one item; raises (``describe_failure`` words it). The result's source is
    the item's display name."""
    if item.error is not None:
        raise DraftError(item.error)
    data = item_bytes(item)
    if data is not None:
        result = checker.check_bytes(data, item.filename)
    elif item.path is not None:
        result = checker.check_path(item.path)
    else:
        raise DraftError("no data")
    result.source = item.source
    return result


# -- in memory: uploads ---------------------------------------------------------------------
def from_uploads(files: Iterable[tuple[str, bytes]]) -> list[Item]:
    """Uploaded (name, bytes) pairs as items, each zip replaced by its drafts, read in memory.
    A zip is held to the upload limit too: its bytes already sit in the session's memory."""
    out: list[Item] = []
    for name, data in files:
        if PurePosixPath(name).suffix.lower() != ".zip":
            out.append(Item(name, data=data))
            continue
        try:
            check_size(len(data))
        except DraftError as exc:
            out.append(Item(name, error=str(exc)))
            continue
        out.extend(_zip_items(name, lambda data=data: io.BytesIO(data), path=None))
    return out


# -- on disk: files, folders and zips ---------------------------------------------------------
def from_paths(paths: Iterable[str | Path]) -> list[Item]:
    """One item per draft found. Paths named here are followed even if they are links; inside
    a folder, a link is followed only to a file inside one of the folders named."""
    paths = list(paths)
    roots = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    items: list[Item] = []
    for p in map(Path, paths):
        try:
            st = p.stat()
        except FileNotFoundError:
            items.append(Item(str(p), error=f"no such file: {p}"))
            continue
        except OSError as exc:
            items.append(Item(str(p), error=f"cannot open {p.name}: {_reason(exc)}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            items.extend(_folder_items(p, roots))
        elif stat.S_ISREG(st.st_mode):
            items.extend(_disk_items(p, str(p)))
        else:
            items.append(Item(str(p), error=NOT_REGULAR))
    return items


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or "I/O error"


def _inside(target: str, roots: list[str]) -> bool:
    for root in roots:
        try:
            if os.path.commonpath([target, root]) == root:
                return True
        except ValueError:  # different drives
            continue
    return False


def _skipped(name: str) -> bool:
    """Hidden files, Office lock files, system files and non-drafts: never rows of their own."""
    base = name.rsplit("/", 1)[-1]
    return (
        not base
        or base.startswith((".", "~$"))
        or name.startswith("__MACOSX")
        or base.lower() in SYSTEM_FILES
        or PurePosixPath(base).suffix.lower() in NOT_DRAFTS
    )


def _folder_items(folder: Path, roots: list[str]) -> list[Item]:
    """Every file under ``folder`` (recursively, in path order). A sub-folder that cannot be
    listed gives an error row instead of silently dropping the drafts inside it."""
    found: list[tuple[Path, list[Item]]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        message = f"cannot open folder {where.name}: {_reason(exc)}"
        found.append((where, [Item(str(where), error=message)]))

    for dirpath, dirs, names in os.walk(folder, onerror=unreadable):
        for name in dirs:
            d = Path(dirpath, name)
            if d.is_symlink() and not _inside(os.path.realpath(d), roots):
                message = "skipped: a link to a folder outside the folders given (not followed)"
                found.append((d, [Item(str(d), error=message)]))
        for name in names:
            if _skipped(name):
                continue
            f = Path(dirpath, name)
            found.append((f, list(_walked_file_items(f, roots))))
    return [item for _, group in sorted(found, key=lambda x: x[0]) for item in group]


def _walked_file_items(f: Path, roots: list[str]) -> Iterator[Item]:
    """A file met while walking a folder: only regular files are read, and a link only when
    it points to a regular file inside the folders given."""
    source = str(f)
    try:
        st = f.lstat()
        real = str(f)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(f)
            if not _inside(real, roots):
                yield Item(
                    source,
                    error="skipped: a link to a file outside the folders given (not followed)",
                )
                return
            st = os.stat(real)
    except FileNotFoundError:
        yield Item(source, error="skipped: a link to a file that does not exist")
        return
    except OSError as exc:
        yield Item(source, error=f"cannot read {f.name}: {_reason(exc)}")
        return
    if not stat.S_ISREG(st.st_mode):
        yield Item(source, error=NOT_REGULAR)
        return
    yield from _disk_items(Path(real), source)


def _disk_items(f: Path, source: str) -> Iterator[Item]:
    suffix = Path(source).suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(source, lambda: f, path=str(f))
    elif suffix not in NOT_DRAFTS:
        yield Item(source, path=str(f))


# -- zips, from disk or memory: the same rules -----------------------------------------------
def _zip_items(source: str, opener, path: str | None) -> Iterator[Item]:
    """One item per draft in a zip, listed from its directory. With ``path`` (on disk) members
    are read later, by whoever checks them; without (in memory) they are read now. A member that
    cannot be read gives an error row and the others still go on."""
    try:
        zf = zipfile.ZipFile(opener())
    except ZIP_ERRORS:
        yield Item(source, error=DAMAGED_ZIP)
        return
    with zf:
        listed = [(k, i) for k, i in enumerate(zf.infolist()) if not i.is_dir()]
        refused = _zip_refusal(listed)
        if refused:
            yield Item(source, error=refused)
            return
        drafts = 0
        for k, info in listed:
            item = _member_item(source, info)
            if item is None:
                continue
            drafts += 1
            if item.error is not None:
                yield item
            elif path is not None:
                yield Item(item.source, path=path, member=k)
            else:
                try:
                    yield Item(item.source, data=read_member(zf, info))
                except Exception as exc:  # noqa: BLE001 - one bad member must not stop the rest
                    yield Item(item.source, error=describe_failure(exc))
        if not drafts:
            yield Item(source, error=NO_DRAFTS_IN_ZIP)


def _zip_refusal(listed: list[tuple[int, zipfile.ZipInfo]]) -> str | None:
    """Why a whole zip is refused before any member is read (None when it is not)."""
    if len(listed) > MAX_ZIP_MEMBERS:
        return (
            f"refused: the zip holds {len(listed):,} files, over the limit of "
            f"{MAX_ZIP_MEMBERS:,} for one .zip; split it into smaller ones"
        )
    declared = sum(i.file_size for _, i in listed)
    if declared > MAX_UNZIPPED:
        return (
            f"refused: the zip is too large when unpacked ({declared / 1048576:,.0f} MB, "
            f"over the {MAX_UNZIPPED // 1048576} MB limit for one .zip); split it"
        )
    return None


def _member_item(source: str, info: zipfile.ZipInfo) -> Item | None:
    """A member by the rules: None if skipped, an error item, or an item to read (no data)."""
    name = info.orig_filename
    if _skipped(name):
        return None
    if "\x00" in name:
        member = f"{source}!{visible(name)}"
        return Item(member, error="refused: this file's name inside the .zip contains a NUL")
    member = f"{source}!{name}"
    if stat.S_ISLNK(info.external_attr >> 16):
        return Item(member, error="skipped: a link inside the .zip (not followed)")
    base = name.rsplit("/", 1)[-1]
    if PurePosixPath(base).suffix.lower() == ".zip":
        return Item(member, error=NESTED_ZIP)
    refused = unsupported_reason(base)
    if refused:
        return Item(member, error=refused)
    try:
        check_size(info.file_size)
    except DraftError as exc:
        return Item(member, error=str(exc))
    return Item(member)


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes, bounded by the upload limit whatever its header declares; a damaged
    or password-protected member raises a ``DraftError`` that says so."""
    check_size(info.file_size)
    try:
        with zf.open(info) as fh:
            data = fh.read(max_bytes() + 1)
    except NotImplementedError as exc:  # an unknown compression method
        raise UnsupportedFormat(UNREADABLE_COMPRESSION) from exc
    except RuntimeError as exc:  # "File ... is encrypted, password required"
        raise Encrypted(ENCRYPTED_MEMBER) from exc
    except ZIP_ERRORS as exc:
        raise UnsupportedFormat(DAMAGED_MEMBER) from exc
    check_size(len(data))
    return data


_open_zip: tuple[str, zipfile.ZipFile] | None = None  # a worker's last archive, kept open


def item_bytes(item: Item) -> bytes | None:
    """The item's bytes if they are in memory or in a zip on disk (read now, in memory); None
    for a plain file on disk, which the reader opens itself."""
    global _open_zip
    if item.data is not None or item.member is None or item.path is None:
        return item.data
    if _open_zip is None or _open_zip[0] != item.path:
        if _open_zip is not None:
            _open_zip[1].close()
            _open_zip = None
        try:
            _open_zip = (item.path, zipfile.ZipFile(item.path))
        except ZIP_ERRORS as exc:
            raise UnsupportedFormat(DAMAGED_ZIP) from exc
    zf = _open_zip[1]
    return read_member(zf, zf.infolist()[item.member])
