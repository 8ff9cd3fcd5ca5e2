"""The downloads offered for one checked draft, built in memory once and kept on its Entry.

Which downloads there are, their labels, names and types come from the format registry
(``render.formats``): a draft format offered in the app is a button here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from qa_assistant.errors import DraftError
from qa_assistant.render.escape import safe_file_stem
from qa_assistant.render.formats import (
    APP,
    DRAFT,
    DraftOutput,
    as_bytes,
    formats,
)
from qa_assistant.ui.uploads import Entry


@dataclass(frozen=True)
class Download:
    kind: str  # the format's name: "docx", "markdown", "html", "json"
    label: str
    data: bytes | None
    file_name: str
    mime: str
    error: str | None = None  # why it could not be built (shown instead of the button)
    help: str = ""


def _stem(entry: Entry) -> str:
    """The download names' stem: the file name reduced to safe characters (shared helper)."""
    return safe_file_stem(PurePosixPath(entry.filename).stem)


def downloads(entry: Entry, include_met: bool = True, decisions=None) -> list[Download]:
    """Every draft format the app offers, for a checked entry: the annotated .docx, Markdown
    and HTML reports and the JSON result.

    ``include_met=False`` leaves the "Met" comments out of the Word copy; ``decisions`` (a
    ``DecisionFile``) is embedded in the Word copy as a custom XML part. A format that cannot
    be built says why instead of offering a button; the others are still offered."""
    if entry.result is None:
        return []
    cache = ("downloads", include_met, decisions.to_json() if decisions is not None else None)
    if cache in entry.exports:
        return entry.exports[cache]
    if decisions is not None and not decisions.decisions:
        decisions = None
    draft = DraftOutput(entry.result, entry.data or b"", entry.filename, False, include_met,
                        decisions)
    stem = _stem(entry)
    out: list[Download] = []
    for fmt in formats(DRAFT, APP):
        try:
            data, error = as_bytes(fmt.render(draft)), None
        except DraftError as exc:
            data, error = None, str(exc)
        except Exception as exc:  # noqa: BLE001 - the other downloads must still be offered
            data, error = None, f"{fmt.label} could not be built ({type(exc).__name__})"
        name = fmt.file_name(stem) if data is not None else ""
        out.append(Download(fmt.name, fmt.label, data, name, fmt.mime, error, fmt.help))
    entry.exports.clear()  # one set of downloads kept per draft
    entry.exports[cache] = out
    return out
