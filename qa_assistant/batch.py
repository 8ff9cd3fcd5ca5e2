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
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from qa_assistant.ingest.intake import Item, check_draft, describe_failure, from_paths
from qa_assistant.workers import Limits, Outcome, run_limited

DEFAULT_LIMITS = Limits()
__all__ = ["DEFAULT_LIMITS", "Item", "check_item", "collect", "run_batch", "stream_batch"]


def collect(paths: list[str | Path]) -> list[Item]:
    """One item per draft found under ``paths`` (the shared intake: ``ingest.intake``)."""
    return from_paths(paths)


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

    try:
        result = check_draft(default_checker(), item)
        record = result.to_dict()
        from qa_assistant.report.sample import learning_passages, sample_info

        record["sample"] = sample_info(result, item.source)
        if passages:
            record["passages"] = learning_passages(result)
        return record
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the type is reported, not text
        return {"source": item.source, "error": describe_failure(exc)}


def _check_in_process(item: Item, passages: bool = False) -> dict:
    try:
        return check_item(item, passages)
    except MemoryError as exc:
        return {"source": item.source, "error": describe_failure(exc)}


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
