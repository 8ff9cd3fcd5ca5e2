"""Score many drafts: files, folders (recursively) and .zip archives, on all cores.

Each file gives one record: the JSON result, or ``{"source": ..., "error": "<message>"}`` when
it cannot be read, so a batch always finishes with a row per file. Zip members are read in
memory; nothing is extracted to disk.
"""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from qa_assistant.errors import DraftError
from qa_assistant.ingest import SUPPORTED
from qa_assistant.ingest.guards import MAX_UNZIPPED, check_size

MAX_ZIP_MEMBERS = 2000


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
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith((".", "~$")):
                    items.extend(_items_for(f, str(f)))
        elif p.exists():
            items.extend(_items_for(p, str(p)))
        else:
            items.append(Item(str(p), error=f"no such file: {p}"))
    return items


def _items_for(f: Path, source: str) -> Iterator[Item]:
    suffix = f.suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(f, source)
    elif suffix in SUPPORTED or suffix in (".doc", ".rtf", ".odt"):
        yield Item(source, path=str(f))
    elif suffix in (".json", ".yaml", ".yml", ".csv", ".xlsx", ".jsonl", ".png", ".jpg"):
        return
    else:
        yield Item(source, path=str(f))


def _zip_items(f: Path, source: str) -> Iterator[Item]:
    try:
        check_size(f.stat().st_size)
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
                if Path(base).suffix.lower() not in SUPPORTED:
                    continue
                try:
                    check_size(info.file_size)
                    yield Item(f"{source}!{name}", data=zf.read(info))
                except DraftError as exc:
                    yield Item(f"{source}!{name}", error=str(exc))
    except DraftError as exc:
        yield Item(source, error=str(exc))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
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

    default_checker()


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
    workers = workers or default_workers()
    records: list[dict] = []
    n = len(items)
    if workers <= 1 or n <= 1:
        for i, item in enumerate(items, 1):
            records.append(check_item(item))
            if progress:
                progress(i, n)
        return records
    with ProcessPoolExecutor(max_workers=min(workers, n), initializer=_warm) as pool:
        for i, record in enumerate(pool.map(check_item, items, chunksize=1), 1):
            records.append(record)
            if progress:
                progress(i, n)
    return records


def terminal_progress(done: int, total: int) -> None:
    if not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
