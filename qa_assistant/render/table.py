"""One row per draft for batch output (.jsonl, .csv, .xlsx) and the app's sample table."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from qa_assistant.checks.packs import cached_framework


def concern_ids(records: list[dict] | None = None) -> list[str]:
    """The concern columns: those of the records (in their order), else the framework's
    (``QA_FRAMEWORK``, as ``batch --framework`` sets it)."""
    seen = [cid for r in records or [] for cid in (r.get("concerns") or {})]
    if seen:
        return list(dict.fromkeys(seen))
    return cached_framework(os.environ.get("QA_FRAMEWORK") or None).concern_ids


def flat_row(record: dict, ids: list[str] | None = None) -> dict:
    """A JSON result (or error record) as one flat row with a column per concern."""
    row: dict = {"source": record.get("source", "")}
    if "error" in record:
        row["error"] = record["error"]
        return row
    summary = record.get("summary", {})
    facts = record.get("facts", {})
    row.update(
        {
            "score": summary.get("score"),
            "gaps": summary.get("gaps"),
            "flags": "; ".join(summary.get("flags", [])),
            "looked_after": facts.get("looked_after"),
            "incident_type": facts.get("incident_type"),
            "child_age": facts.get("child_age"),
            "action_owners": ", ".join(
                sorted({o for a in record.get("actions", []) for o in a.get("owners", [])})
            ),
            "actions": len(record.get("actions", [])),
        }
    )
    for cid in ids if ids is not None else concern_ids([record]):
        row[cid] = record.get("concerns", {}).get(cid, {}).get("status")
    row["error"] = ""
    return row


def columns(records: list[dict] | None = None) -> list[str]:
    return [
        "source",
        "score",
        "gaps",
        *concern_ids(records),
        "flags",
        "looked_after",
        "incident_type",
        "child_age",
        "action_owners",
        "actions",
        "error",
    ]


def to_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns(records), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({k: _csv_safe(v) for k, v in flat_row(r, concern_ids(records)).items()})
    return buf.getvalue()


def _csv_safe(value):
    """A text cell that a spreadsheet would run as a formula (a file named "=HYPERLINK(...)")
    is written with a leading apostrophe, the usual defence against CSV injection."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_xlsx(records: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as _ILLEGAL
    from openpyxl.styles import Font, PatternFill

    fills = {
        "met": PatternFill("solid", fgColor="C6EFCE"),
        "partial": PatternFill("solid", fgColor="FFEB9C"),
        "missing": PatternFill("solid", fgColor="FFC7CE"),
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "Drafts"
    cols = columns(records)
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in records:
        row = flat_row(r, concern_ids(records))
        # control characters (possible in a file name) are not allowed in a worksheet
        ws.append([_ILLEGAL.sub("", v) if isinstance(v, str) else v for v in map(row.get, cols)])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a file named "=...": text, never a formula
                cell.data_type = "s"
            if cell.value in fills:
                cell.fill = fills[cell.value]
    ws.freeze_panes = "B2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_records(records: list[dict], out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix == ".jsonl":
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    elif suffix == ".csv":
        out.write_text(to_csv(records), encoding="utf-8")
    elif suffix == ".xlsx":
        out.write_bytes(to_xlsx(records))
    else:
        raise ValueError(f"unknown output type '{suffix}': use .jsonl, .csv or .xlsx")
