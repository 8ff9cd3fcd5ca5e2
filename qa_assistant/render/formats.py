"""Every output format in one registry: ``check --format`` and ``--annotate``, the ``batch`` and
``report`` ``--out`` types and the app's download buttons are all read from here.

Why: a new output format used to mean editing the CLI's choices and dispatch, the batch writer
and the app's buttons (four places). Now it is one ``register(OutputFormat(...))``.

A format has a scope: ``DRAFT`` renders one checked draft (from a ``DraftOutput``), ``SAMPLE``
renders the batch records of many drafts (a list of dicts; ``writer`` streams them to a file one
at a time) and ``REPORT`` renders the sample findings report (a ``ReportView``). ``surfaces``
says where it is offered: ``"cli"`` and/or ``"app"``. Renderers are imported when called, so
listing the formats costs nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from qa_assistant.terminal import json_for_terminal, visible

DRAFT, SAMPLE, REPORT = "draft", "sample", "report"
CLI, APP = "cli", "app"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RecordSink(Protocol):
    def write(self, record: dict) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class DraftOutput:
    """What a draft format may need besides the result (the Word copy is built on the draft's
    own bytes, and may carry the reviewer's decisions)."""

    result: Any  # a DraftResult
    data: bytes = b""
    filename: str = "draft.txt"
    colour: bool = False  # terminal colours, for the text report
    include_met: bool = True  # the "Met" comments in the Word copy
    decisions: Any = None  # a DecisionFile embedded in the Word copy


@dataclass(frozen=True)
class OutputFormat:
    name: str  # unique within its scope: "json", "csv", "long_csv"
    label: str  # for people: "Report (.md)"
    extension: str  # ".md"
    mime: str
    scope: str  # DRAFT, SAMPLE or REPORT
    render: Callable[[Any], str | bytes]
    binary: bool  # render gives bytes (else str)
    file_title: str = ""  # download names: "<draft> - QA report.md", "qa_sample.csv"
    help: str = ""
    surfaces: tuple[str, ...] = (CLI, APP)
    long: bool = False  # SAMPLE: one row per draft x concern
    writer: Callable[[Path], RecordSink] | None = None  # SAMPLE: streamed to a file
    terminal: Callable[[str], str] = visible  # DRAFT: how stdout shows the rendered text

    def file_name(self, stem: str = "") -> str:
        """The download's name: "<stem> - <title><ext>", or "<title><ext>" without a stem."""
        name = f"{self.file_title}{self.extension}"
        return f"{stem} - {name}" if stem else name


_REGISTRY: dict[tuple[str, str], OutputFormat] = {}


def register(fmt: OutputFormat) -> OutputFormat:
    """Add (or replace) a format; it is then offered everywhere its scope and surfaces say."""
    _REGISTRY[(fmt.scope, fmt.name)] = fmt
    return fmt


def unregister(scope: str, name: str) -> None:
    _REGISTRY.pop((scope, name), None)


def formats(scope: str, surface: str | None = None) -> list[OutputFormat]:
    """The formats of a scope in registration order (only those offered on ``surface``)."""
    return [
        f
        for f in _REGISTRY.values()
        if f.scope == scope and (surface is None or surface in f.surfaces)
    ]


def get(scope: str, name: str) -> OutputFormat:
    return _REGISTRY[(scope, name)]


def cli_choices() -> list[str]:
    """``check --format``: the draft formats shown on a terminal (text, not bytes)."""
    return [f.name for f in formats(DRAFT, CLI) if not f.binary]


def extensions(scope: str, surface: str | None = CLI, long: bool | None = None) -> tuple[str, ...]:
    """The file types a scope writes (``--out``), without repeats, in registration order."""
    found = [f.extension for f in formats(scope, surface) if long is None or f.long == long]
    return tuple(dict.fromkeys(found))


def for_file(scope: str, path: str | Path, long: bool = False) -> OutputFormat:
    """The format that writes ``path`` (by its extension); ValueError naming the known ones."""
    suffix = Path(path).suffix.lower()
    for f in formats(scope):
        if f.extension == suffix and f.long == long:
            return f
    raise ValueError(f"unknown output type '{suffix}': use {either(extensions(scope, None, long))}")


def either(choices: tuple[str, ...]) -> str:
    """".jsonl, .csv or .xlsx": a list of choices for a message."""
    if len(choices) < 2:
        return "".join(choices)
    return ", ".join(choices[:-1]) + " or " + choices[-1]


def as_bytes(out: str | bytes) -> bytes:
    return out.encode("utf-8") if isinstance(out, str) else out


# -- one draft ----------------------------------------------------------------------------------
def _text(out: DraftOutput) -> str:
    """The terminal report, draft text made visible and our own status colours kept."""
    from qa_assistant.render.text import render_text

    plain = render_text(out.result, colour=False)
    if not out.colour:
        return visible(plain)
    painted = render_text(out.result, colour=True)
    plain_lines, painted_lines = plain.split("\n"), painted.split("\n")
    if len(plain_lines) != len(painted_lines):
        return visible(plain)
    lines = []
    for p, c in zip(plain_lines, painted_lines, strict=True):
        if p != c and p and p in c:
            before, after = c.split(p, 1)
            lines.append(before + visible(p) + after)
        else:
            lines.append(visible(p))
    return "\n".join(lines)


def _json(out: DraftOutput) -> str:
    return json.dumps(out.result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _markdown(out: DraftOutput) -> str:
    from qa_assistant.render.markdown import render_markdown

    return render_markdown(out.result)


def _html(out: DraftOutput) -> str:
    from qa_assistant.render.html import render_html

    return render_html(out.result)


def _annotated_docx(out: DraftOutput) -> bytes:
    from qa_assistant.render.docx_comments import annotated_docx

    data = annotated_docx(out.result, out.data, out.filename, out.include_met)
    if out.decisions is not None and out.decisions.decisions:
        from qa_assistant.qa.decisions import embed_in_docx

        data = embed_in_docx(data, out.decisions)
    return data


def _as_is(text: str) -> str:
    return text


# -- many drafts: the batch records -------------------------------------------------------------
def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _csv(records: list[dict]) -> str:
    return _table().to_csv(records)


def _long_csv(records: list[dict]) -> str:
    return _table().to_long_csv(records)


def _xlsx(records: list[dict], long: bool = False) -> bytes:
    return _table().to_xlsx(records, long=long)


def _table():
    from qa_assistant.render import table

    return table


# -- the sample findings report -----------------------------------------------------------------
def _report():
    from qa_assistant.report import render

    return render


_WORD_HELP = (
    "The draft as a Word document with each finding as a margin comment and a QA summary "
    "comment at the top (a PDF or text draft is rebuilt as a new Word document)."
)
_DRAFT_PAGE_HELP = "The QA report with the highlighted draft, as one self-contained web page."

for _fmt in (
    # one draft: check --format (text ones), --annotate (docx), the app's downloads
    OutputFormat(name="text", label="Report (text)", extension=".txt", mime="text/plain",
                 scope=DRAFT, render=_text, binary=False, file_title="QA report",
                 surfaces=(CLI,), terminal=_as_is),
    OutputFormat(name="docx", label="Annotated Word (.docx)", extension=".docx", mime=DOCX_MIME,
                 scope=DRAFT, render=_annotated_docx, binary=True, file_title="QA comments",
                 help=_WORD_HELP),
    OutputFormat(name="markdown", label="Report (.md)", extension=".md", mime="text/markdown",
                 scope=DRAFT, render=_markdown, binary=False, file_title="QA report",
                 help="The QA report as Markdown."),
    OutputFormat(name="html", label="Report (.html)", extension=".html", mime="text/html",
                 scope=DRAFT, render=_html, binary=False, file_title="QA report",
                 help=_DRAFT_PAGE_HELP, surfaces=(APP,)),
    OutputFormat(name="json", label="Result (.json)", extension=".json",
                 mime="application/json", scope=DRAFT, render=_json, binary=False,
                 file_title="QA result", help="The full result in the tool's JSON format.",
                 terminal=json_for_terminal),
    # many drafts: batch --out (and --long), the app's sample table downloads
    OutputFormat(name="jsonl", label="Results (JSON lines)", extension=".jsonl",
                 mime="application/x-ndjson", scope=SAMPLE, render=_jsonl, binary=False,
                 file_title="qa_sample", surfaces=(CLI,),
                 writer=lambda path: _table().JsonlWriter(path)),
    OutputFormat(name="csv", label="Download table (CSV)", extension=".csv", mime="text/csv",
                 scope=SAMPLE, render=_csv, binary=False, file_title="qa_sample",
                 writer=lambda path: _table().CsvWriter(path)),
    OutputFormat(name="xlsx", label="Download table (Excel)", extension=".xlsx", mime=XLSX_MIME,
                 scope=SAMPLE, render=_xlsx, binary=True, file_title="qa_sample",
                 writer=lambda path: _table().XlsxWriter(str(path))),
    OutputFormat(name="long_csv", label="One row per draft × concern (CSV)", extension=".csv",
                 mime="text/csv", scope=SAMPLE, render=_long_csv, binary=False,
                 file_title="qa_sample_long", long=True,
                 writer=lambda path: _table().CsvWriter(path, long=True)),
    OutputFormat(name="long_xlsx", label="One row per draft × concern (Excel)",
                 extension=".xlsx", mime=XLSX_MIME, scope=SAMPLE,
                 render=lambda records: _xlsx(records, long=True), binary=True,
                 file_title="qa_sample_long", surfaces=(CLI,), long=True,
                 writer=lambda path: _table().XlsxWriter(str(path), long=True)),
    # the sample findings report: report --out, the app's sample report downloads
    OutputFormat(name="docx", label="Sample report (Word)", extension=".docx", mime=DOCX_MIME,
                 scope=REPORT, render=lambda view: _report().to_docx(view), binary=True,
                 file_title="qa_sample_report"),
    OutputFormat(name="html", label="Sample report (HTML)", extension=".html",
                 mime="text/html", scope=REPORT, render=lambda view: _report().to_html(view),
                 binary=False, file_title="qa_sample_report"),
    OutputFormat(name="md", label="Sample report (Markdown)", extension=".md",
                 mime="text/markdown", scope=REPORT,
                 render=lambda view: _report().to_markdown(view), binary=False,
                 file_title="qa_sample_report"),
):
    register(_fmt)
