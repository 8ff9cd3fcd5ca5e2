"""``qa-assistant report``: check a sample and write the findings report, streaming.

Each record goes straight from the worker into the ``SampleAccumulator`` (and, with ``--jsonl``,
to that file) and is then dropped; the learning passages for the themes are spooled to a
temporary file beside the report, deleted when the report is written (or on failure). So the
memory of the command does not grow with the sample.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qa_assistant.batch import collect, drop_corpus_sources, stream_batch
from qa_assistant.report.build import SampleAccumulator, SampleReport
from qa_assistant.report.render import write_report
from qa_assistant.report.themes import PassageFile
from qa_assistant.report.view import build_view


def strip_passages(record: dict) -> dict:
    """The record as ``batch`` writes it (the passages are the report's working material)."""
    return {k: v for k, v in record.items() if k != "passages"}


def generate(
    paths: list[str],
    out: Path,
    workers: int | None = None,
    limits=None,
    progress: Callable[[int, int], None] | None = None,
    jsonl: Path | None = None,
    themes: bool = True,
) -> SampleReport | None:
    """Check every draft under ``paths`` and write the report to ``out``; None if no drafts."""
    from qa_assistant.batch import DEFAULT_LIMITS
    from qa_assistant.render.table import RecordWriter

    items = drop_corpus_sources(collect(paths))
    if not items:
        return None
    store = PassageFile(str(out.parent))
    writer = RecordWriter(jsonl) if jsonl else None
    try:
        acc = SampleAccumulator(store)

        def sink(record: dict) -> None:
            if writer is not None:
                writer.write(strip_passages(record))
            acc.add(record)

        stream_batch(
            items, sink, workers, progress, DEFAULT_LIMITS if limits is None else limits,
            passages=themes,
        )
        report = acc.finish(themes=themes)
    finally:
        store.close()
        if writer is not None:
            writer.close()
    write_report(build_view(report), out)
    return report
