"""The downloads offered for one checked draft, built in memory once and kept on its Entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath

from qa_assistant.errors import DraftError
from qa_assistant.render.escape import safe_file_stem
from qa_assistant.ui.uploads import Entry

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Download:
    kind: str  # "docx", "markdown", "html", "json"
    label: str
    data: bytes | None
    file_name: str
    mime: str
    error: str | None = None  # why it could not be built (shown instead of the button)


def _stem(entry: Entry) -> str:
    """The download names' stem: the file name reduced to safe characters (shared helper)."""
    return safe_file_stem(PurePosixPath(entry.filename).stem)


def downloads(entry: Entry, include_met: bool = True, decisions=None) -> list[Download]:
    """Annotated .docx, Markdown and HTML reports and the JSON result for a checked entry.

    ``include_met=False`` leaves the "Met" comments out of the Word copy; ``decisions`` (a
    ``DecisionFile``) is embedded in the Word copy as a custom XML part."""
    if entry.result is None:
        return []
    cache = ("downloads", include_met, decisions.to_json() if decisions is not None else None)
    if cache in entry.exports:
        return entry.exports[cache]
    from qa_assistant.render.docx_comments import annotated_docx
    from qa_assistant.render.html import render_html
    from qa_assistant.render.markdown import render_markdown

    r = entry.result
    stem = _stem(entry)
    out: list[Download] = []
    label = "Annotated Word (.docx)"
    try:
        data = annotated_docx(r, entry.data or b"", entry.filename, include_met)
        if decisions is not None and decisions.decisions:
            from qa_assistant.qa.decisions import embed_in_docx

            data = embed_in_docx(data, decisions)
        out.append(Download("docx", label, data, f"{stem} - QA comments.docx", DOCX_MIME))
    except DraftError as exc:
        out.append(Download("docx", label, None, "", DOCX_MIME, str(exc)))
    except Exception as exc:  # noqa: BLE001 - the other downloads must still be offered
        out.append(
            Download(
                "docx",
                label,
                None,
                "",
                DOCX_MIME,
                f"the annotated copy could not be built ({type(exc).__name__})",
            )
        )
    out.append(
        Download(
            "markdown",
            "Report (.md)",
            render_markdown(r).encode("utf-8"),
            f"{stem} - QA report.md",
            "text/markdown",
        )
    )
    out.append(
        Download(
            "html",
            "Report (.html)",
            render_html(r).encode("utf-8"),
            f"{stem} - QA report.html",
            "text/html",
        )
    )
    out.append(
        Download(
            "json",
            "Result (.json)",
            (json.dumps(entry.record(), indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
            f"{stem} - QA result.json",
            "application/json",
        )
    )
    entry.exports.clear()  # one set of downloads kept per draft
    entry.exports[cache] = out
    return out
