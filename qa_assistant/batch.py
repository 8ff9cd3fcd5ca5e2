"""Score many drafts: files, folders (recursively) and .zip archives, on all cores.

Each file gives one record: the JSON result, or ``{"source": ..., "error": "<message>"}`` when
it cannot be read, so a batch always finishes with a row per file. Every file is checked in a
worker process under a per-file time limit and memory ceiling (``qa_assistant.workers``): a file
that passes them gets an error row, its worker is replaced and the batch goes on.

Only regular files are read (a pipe, a device or a socket gets a "skipped" row instead of
hanging the batch); links inside a folder that point outside the folders given are not followed.
Zip archives are listed up front but each member is read (in memory, never extracted to disk) by
the worker that checks it, one at a time.
"""

from __future__ import annotations

import os
import stat
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from qa_assistant.errors import DraftError, UnsupportedFormat
from qa_assistant.ingest import SUPPORTED
from qa_assistant.ingest.guards import MAX_UNZIPPED, check_size, max_bytes
from qa_assistant.terminal import visible
from qa_assistant.workers import Limits, Outcome, run_limited

MAX_ZIP_MEMBERS = 2000
DEFAULT_LIMITS = Limits()
LEGACY = (".doc", ".rtf", ".odt")  # named in an error row, not skipped
NOT_DRAFTS = (".json", ".yaml", ".yml", ".csv", ".xlsx", ".jsonl", ".png", ".jpg")  # skipped
NOT_REGULAR = "skipped: not a regular file (a pipe, socket or device is never read)"


@dataclass(frozen=True)
class Item:
    source: str
    path: str | None = None  # read from disk in the worker (the .zip itself for a member)
    data: bytes | None = None  # already in memory
    error: str | None = None  # known to be unreadable before checking
    member: int | None = None  # index of the member in the .zip at ``path``


def collect(paths: list[str | Path]) -> list[Item]:
    """One item per draft found. Paths named here are followed even if they are links; inside
    a folder, a link is followed only to a file inside one of the folders named."""
    roots: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            roots.append(os.path.realpath(p))
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
            items.extend(_items_for(p, str(p)))
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
            if name.startswith((".", "~$")) or Path(name).suffix.lower() in NOT_DRAFTS:
                continue
            f = Path(dirpath, name)
            found.append((f, list(_file_items(f, roots))))
    return [item for _, group in sorted(found, key=lambda x: x[0]) for item in group]


def _file_items(f: Path, roots: list[str]) -> Iterator[Item]:
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
    yield from _items_for(Path(real), source)


def _items_for(f: Path, source: str) -> Iterator[Item]:
    suffix = Path(source).suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(f, source)
    elif suffix in NOT_DRAFTS:
        return
    else:
        yield Item(source, path=str(f))


# zipfile's errors on a damaged, encrypted (RuntimeError) or exotic (NotImplementedError) member
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


def _unsupported(name: str) -> str | None:
    """The reader's own message for a file type it does not read (None for one it reads)."""
    from qa_assistant.ingest import read_bytes

    if Path(name).suffix.lower() in SUPPORTED:
        return None
    try:
        read_bytes(b"", name)
    except UnsupportedFormat as exc:
        return str(exc)
    except DraftError:  # pragma: no cover - refused for another reason: let the worker say
        return None
    return None  # pragma: no cover


def _zip_items(f: Path, source: str) -> Iterator[Item]:
    """One item per draft in a .zip, listed from its directory without reading any member; a
    member that cannot be read gives an error row and the others still go on."""
    try:
        with zipfile.ZipFile(f) as zf:
            listed = list(enumerate(zf.infolist()))
    except _ZIP_ERRORS:
        yield Item(source, error="this .zip is damaged and cannot be opened")
        return
    files = [(k, i) for k, i in listed if not i.is_dir()]
    if len(files) > MAX_ZIP_MEMBERS:
        yield Item(
            source,
            error=f"refused: the zip holds {len(files):,} files, over the limit of "
            f"{MAX_ZIP_MEMBERS:,} for one .zip; split it into smaller ones",
        )
        return
    declared = sum(i.file_size for _, i in files)
    if declared > MAX_UNZIPPED:
        yield Item(
            source,
            error=f"refused: the zip is too large when unpacked ({declared / 1048576:,.0f} MB, "
            f"over the {MAX_UNZIPPED // 1048576} MB limit for one .zip); split it",
        )
        return
    for k, info in files:
        name = info.orig_filename
        base = name.rsplit("/", 1)[-1]
        if base.startswith((".", "~$")) or name.startswith("__MACOSX"):
            continue
        member = f"{source}!{name}"
        if "\x00" in name:
            member = f"{source}!{visible(name)}"
            yield Item(member, error="refused: this file's name inside the .zip contains a NUL")
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            yield Item(member, error="skipped: a link inside the .zip (not followed)")
            continue
        suffix = Path(base).suffix.lower()
        if suffix == ".zip":
            yield Item(member, error="a .zip inside a .zip is not opened: unzip it first")
            continue
        if suffix in NOT_DRAFTS:
            continue
        unsupported = _unsupported(base)
        if unsupported:
            yield Item(member, error=unsupported)
            continue
        try:
            check_size(info.file_size)
        except DraftError as exc:
            yield Item(member, error=str(exc))
            continue
        yield Item(member, path=str(f), member=k)


_open_zip: tuple[str, zipfile.ZipFile] | None = None  # the worker's last archive, kept open


def _member_bytes(item: Item) -> bytes:
    """Read one member, bounded by the upload limit whatever its header declares."""
    global _open_zip
    assert item.path is not None and item.member is not None
    if _open_zip is None or _open_zip[0] != item.path:
        if _open_zip is not None:
            _open_zip[1].close()
            _open_zip = None
        _open_zip = (item.path, zipfile.ZipFile(item.path))
    info = _open_zip[1].infolist()[item.member]
    check_size(info.file_size)
    with _open_zip[1].open(info) as fh:
        data = fh.read(max_bytes() + 1)
    check_size(len(data))
    return data


def drop_corpus_sources(items: list[Item]) -> list[Item]:
    """Without the annotated corpus's sources: ``<id>.src.md`` beside ``<id>.labels.json`` is
    the text a built draft (.docx/.pdf/.txt) was rendered from, the same review twice."""
    out = []
    for item in items:
        if item.path and item.member is None and item.source.endswith(".src.md"):
            labels = Path(item.source[: -len(".src.md")] + ".labels.json")
            if labels.is_file():
                continue
        out.append(item)
    return out


def check_item(item: Item, passages: bool = False) -> dict:
    """Worker: one item to one record. Never raises, except ``MemoryError``, which the worker
    process reports as over its memory ceiling (and is then replaced).

    A record also carries ``sample`` (the service and period of the review, for the sample
    report) and, with ``passages=True``, the review's findings and recommendation passages
    (for the report's learning themes)."""
    if item.error:
        return {"source": item.source, "error": item.error}
    from qa_assistant.checker import default_checker

    data = item.data
    if item.member is not None:
        try:
            data = _member_bytes(item)
        except MemoryError:
            raise
        except DraftError as exc:
            return {"source": item.source, "error": str(exc)}
        except RuntimeError:  # "File ... is encrypted, password required"
            error = "this file is password-protected inside the .zip"
            return {"source": item.source, "error": error}
        except _ZIP_ERRORS:
            return {"source": item.source, "error": "this file is damaged inside the .zip"}
    try:
        checker = default_checker()
        if data is not None:
            result = checker.check_bytes(data, item.source.rsplit("!", 1)[-1])
        else:
            result = checker.check_path(item.path or item.source)
        record = result.to_dict()
        record["source"] = item.source
        from qa_assistant.report.sample import learning_passages, sample_info

        record["sample"] = sample_info(result, item.source)
        if passages:
            record["passages"] = learning_passages(result)
        return record
    except MemoryError:
        raise
    except DraftError as exc:
        return {"source": item.source, "error": str(exc)}
    except RecursionError:
        return {"source": item.source, "error": "the draft is too deeply nested to read"}
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the type is reported, not text
        return {
            "source": item.source,
            "error": f"unexpected error while checking ({type(exc).__name__})",
        }


def _check_in_process(item: Item, passages: bool = False) -> dict:
    try:
        return check_item(item, passages)
    except MemoryError:
        return {"source": item.source, "error": "the draft is too large to check in memory"}


def _warm() -> None:
    from qa_assistant.checker import default_checker

    try:
        default_checker()
    except Exception:  # noqa: BLE001 - a worker that cannot warm up reports it per draft
        default_checker.cache_clear()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_batch(
    items: list[Item],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = DEFAULT_LIMITS,
) -> list[dict]:
    """One record per item, in order. Items are checked in worker processes under ``limits``
    (per file); a file that passes them, or kills its process, gets an error row and the batch
    goes on. ``limits=None`` checks in this process, without limits (for library use)."""
    out: list[dict] = []
    stream_batch(items, out.append, workers, progress, limits)
    return out


def stream_batch(
    items: list[Item],
    sink: Callable[[dict], None],
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits | None = DEFAULT_LIMITS,
    passages: bool = False,
) -> int:
    """``run_batch`` without holding the results: ``sink(record)`` is called once per item, in
    item order, as soon as the record and all before it are done (only records that finish
    ahead of a slower one wait, so memory does not grow with the sample). Returns the count."""
    workers = workers or default_workers()
    n = len(items)
    waiting: dict[int, dict] = {}
    state = {"next": 0, "done": 0}

    def finish(i: int, record: dict) -> None:
        waiting[i] = record
        state["done"] += 1
        while state["next"] in waiting:
            sink(waiting.pop(state["next"]))
            state["next"] += 1
        if progress:
            progress(state["done"], n)

    if limits is None:
        for i, item in enumerate(items):
            finish(i, _check_in_process(item, passages))
        return n
    # Rows known before checking need no worker (they wait for their turn like the others).
    todo = []
    for i, item in enumerate(items):
        if item.error:
            finish(i, {"source": item.source, "error": item.error})
        else:
            todo.append(i)

    def outcome(k: int, result: Outcome) -> None:
        i = todo[k]
        if result.kind == "ok":
            finish(i, result.value)
        else:
            finish(i, {"source": items[i].source, "error": result.message(limits)})

    if todo:
        # check_item is looked up now, so a test can swap it for one that crashes
        check = partial(check_item, passages=True) if passages else check_item
        task = partial(_run_item, check)
        run_limited(task, [items[i] for i in todo], outcome, workers, limits, warm=_warm)
    return n


def _run_item(check: Callable[[Item], dict], item: Item) -> dict:
    return check(item)


def terminal_progress(done: int, total: int) -> None:
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
