"""Score many drafts: files, folders (recursively) and .zip archives, on all cores.

Each file gives one record: the JSON result, or ``{"source": ..., "error": "<message>"}`` when
it cannot be read, so a batch always finishes with a row per file. Zip members are read in
memory; nothing is extracted to disk.
"""

from __future__ import annotations

import os
import sys
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from qa_assistant.errors import DraftError
from qa_assistant.ingest import SUPPORTED
from qa_assistant.ingest.guards import MAX_UNZIPPED, check_size

MAX_ZIP_MEMBERS = 2000
LEGACY = (".doc", ".rtf", ".odt")  # named in an error row, not skipped


@dataclass(frozen=True)
class Item:
    source: str
    path: str | None = None  # read from disk in the worker
    data: bytes | None = None  # already in memory (zip member)
    error: str | None = None  # known to be unreadable before checking


def collect(paths: list[str | Path]) -> list[Item]:
    items: list[Item] = []
    for p in map(Path, paths):
        if p.is_dir():
            items.extend(_folder_items(p))
        elif p.exists():
            items.extend(_items_for(p, str(p)))
        else:
            items.append(Item(str(p), error=f"no such file: {p}"))
    return items


def _folder_items(folder: Path) -> list[Item]:
    """Every file under ``folder`` (recursively, in path order). A sub-folder that cannot be
    listed gives an error row instead of silently dropping the drafts inside it."""
    found: list[tuple[Path, list[Item]]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        message = f"cannot open folder {where.name}: {reason or 'I/O error'}"
        found.append((where, [Item(str(where), error=message)]))

    for dirpath, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            f = Path(dirpath, name)
            if f.is_file() and not name.startswith((".", "~$")):
                found.append((f, list(_items_for(f, str(f)))))
    return [item for _, group in sorted(found, key=lambda x: x[0]) for item in group]


def _items_for(f: Path, source: str) -> Iterator[Item]:
    suffix = f.suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(f, source)
    elif suffix in SUPPORTED or suffix in LEGACY:
        yield Item(source, path=str(f))
    elif suffix in (".json", ".yaml", ".yml", ".csv", ".xlsx", ".jsonl", ".png", ".jpg"):
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


def _zip_items(f: Path, source: str) -> Iterator[Item]:
    """One item per draft in a .zip, read in memory; a member that cannot be read gives an
    error row and the others still go on."""
    try:
        if f.stat().st_size > MAX_UNZIPPED:
            yield Item(source, error="refused: the zip is too large; split it into smaller ones")
            return
        with zipfile.ZipFile(f) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            if len(infos) > MAX_ZIP_MEMBERS or sum(i.file_size for i in infos) > MAX_UNZIPPED:
                yield Item(source, error="refused: the zip is too large when unpacked")
                return
            for info in infos:
                name = info.filename
                base = name.rsplit("/", 1)[-1]
                if base.startswith((".", "~$")) or name.startswith("__MACOSX"):
                    continue
                member = f"{source}!{name}"
                suffix = Path(base).suffix.lower()
                if suffix == ".zip":
                    yield Item(member, error="a .zip inside a .zip is not opened: unzip it first")
                    continue
                if suffix not in SUPPORTED and suffix not in LEGACY:
                    continue
                try:
                    check_size(info.file_size)
                    yield Item(member, data=zf.read(info))
                except DraftError as exc:
                    yield Item(member, error=str(exc))
                except RuntimeError:  # "File ... is encrypted, password required"
                    yield Item(member, error="this file is password-protected inside the .zip")
                except _ZIP_ERRORS:
                    yield Item(member, error="this file is damaged inside the .zip")
    except DraftError as exc:
        yield Item(source, error=str(exc))
    except _ZIP_ERRORS:
        yield Item(source, error="this .zip is damaged and cannot be opened")


def check_item(item: Item) -> dict:
    """Worker: one item to one record; never raises."""
    if item.error:
        return {"source": item.source, "error": item.error}
    from qa_assistant.checker import default_checker

    try:
        checker = default_checker()
        if item.data is not None:
            result = checker.check_bytes(item.data, item.source.rsplit("!", 1)[-1])
        else:
            result = checker.check_path(item.path or item.source)
        record = result.to_dict()
        record["source"] = item.source
        return record
    except DraftError as exc:
        return {"source": item.source, "error": str(exc)}
    except RecursionError:
        return {"source": item.source, "error": "the draft is too deeply nested to read"}
    except MemoryError:
        return {"source": item.source, "error": "the draft is too large to check in memory"}
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the type is reported, not text
        return {
            "source": item.source,
            "error": f"unexpected error while checking ({type(exc).__name__})",
        }


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
) -> list[dict]:
    """One record per item, in order. With more than one worker the items are checked in
    processes; if one dies, the batch still finishes with a row for every item."""
    workers = workers or default_workers()
    n = len(items)
    if workers <= 1 or n <= 1:
        records: list[dict] = []
        for i, item in enumerate(items, 1):
            records.append(check_item(item))
            if progress:
                progress(i, n)
        return records
    done: dict[int, dict] = {}

    def finish(i: int, record: dict) -> None:
        done[i] = record
        if progress:
            progress(len(done), n)

    queue = deque(range(n))
    while queue:
        suspects = _pool_round(items, queue, min(workers, len(queue)), finish)
        # A worker process died (out of memory, a crash in a parser's C code): every draft that
        # was in flight is checked again alone, so only the one that kills its process gets an
        # error row and the rest of the batch goes on.
        for i in suspects:
            finish(i, _check_alone(items[i]))
    return [done[i] for i in range(n)]


def _pool_round(
    items: list[Item], queue: deque[int], workers: int, finish: Callable[[int, dict], None]
) -> list[int]:
    """Check queued items on a pool (a few in flight at a time, so a crash has few suspects).
    Returns the indices that were in flight if a worker process died, else []."""
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        inflight: dict[Future, int] = {}
        while queue or inflight:
            while queue and len(inflight) < 2 * workers:
                i = queue.popleft()
                inflight[pool.submit(check_item, items[i])] = i
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            broken = []
            for future in finished:
                i = inflight.pop(future)
                try:
                    finish(i, future.result())
                except BrokenProcessPool:
                    broken.append(i)
            if broken:
                return broken + list(inflight.values())
    return []


def _check_alone(item: Item) -> dict:
    with ProcessPoolExecutor(max_workers=1, initializer=_warm) as pool:
        try:
            return pool.submit(check_item, item).result()
        except BrokenProcessPool:
            return {
                "source": item.source,
                "error": "the checker's process stopped on this draft (it may be too large "
                "or malformed): split it or save it again and retry",
            }


def terminal_progress(done: int, total: int) -> None:
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
