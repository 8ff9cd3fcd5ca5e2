"""One row per draft for batch output (.jsonl, .csv, .xlsx) and the app's sample table.

Rows carry the evidence (issue 12): per concern the quotes, the explanation, whether a person
should check it (``needs_review``) and the reviewer's decision where the record has one
(``qa_decisions``, as ``check --decisions --format json`` writes). ``long_rows`` gives the long
format, one row per draft x concern, for analysis tools. ``RecordWriter`` writes any of them
one record at a time, so a batch of any size is never held in memory."""

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


MAX_QUOTES = 3
QUOTE_SEP = " | "


def evidence_text(concern: dict, limit: int = MAX_QUOTES) -> str:
    """A concern's evidence quotes in one cell (gap evidence marked "[gap]")."""
    out = []
    for e in (concern.get("evidence") or [])[:limit]:
        text = " ".join(str(e.get("text", "")).split())
        if text:
            out.append(("[gap] " if e.get("negated") else "") + text)
    return QUOTE_SEP.join(out)


def decision_of(record: dict, cid: str) -> dict | None:
    d = ((record.get("qa_decisions") or {}).get("concerns") or {}).get(cid)
    return d if d and d.get("decision") else None


def decision_text(d: dict | None) -> str:
    if not d:
        return ""
    reason = f" ({d['reason']})" if d.get("reason") else ""
    return f"{d['decision']}: {d.get('decided_status', '')}{reason}"


def has_decisions(records) -> bool:
    return any(r.get("qa_decisions") for r in records)


def flat_row(record: dict) -> dict:
    """A JSON result (or error record) as one flat row with a column per concern, then its
    evidence, explanation, needs-review and decision columns."""
    row: dict = {"source": record.get("source", "")}
    if "error" in record:
        row["error"] = record["error"]
        return row
    info = record.get("sample") or {}
    row["service"] = info.get("service", "")
    row["period"] = info.get("period", "")
    row["needs_review"] = ", ".join(record.get("summary", {}).get("needs_review", []))
    for cid in concern_ids():
        c = record.get("concerns", {}).get(cid, {})
        row[f"{cid} evidence"] = evidence_text(c)
        row[f"{cid} explanation"] = c.get("explanation", "")
        row[f"{cid} needs_review"] = c.get("needs_review") if c else None
        row[f"{cid} decision"] = decision_text(decision_of(record, cid))
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
    for cid in concern_ids():
        row[cid] = record.get("concerns", {}).get(cid, {}).get("status")
    row["error"] = ""
    return row


def columns(decisions: bool = False) -> list[str]:
    """The wide table's columns: the first block as before issue 12, then the evidence."""
    extra = ["service", "period", "needs_review"]
    for cid in concern_ids():
        extra += [f"{cid} evidence", f"{cid} explanation", f"{cid} needs_review"]
        if decisions:
            extra.append(f"{cid} decision")
    return [
        "source",
        "score",
        "gaps",
        *concern_ids(),
        "flags",
        "looked_after",
        "incident_type",
        "child_age",
        "action_owners",
        "actions",
        *extra,
        "error",  # last, as before
    ]


LONG_COLUMNS = [
    "source", "service", "period", "score", "looked_after", "incident_type", "concern", "title",
    "status", "concern_score", "needs_review", "decided_by", "evidence", "sections",
    "explanation", "advice", "decision", "decided_status", "decision_reason", "error",
]


def long_rows(record: dict) -> list[dict]:
    """One row per concern of a record (concern ids as the record has them); an error record
    gives one row with its error."""
    base = {"source": record.get("source", "")}
    if "error" in record:
        return [{**base, "error": record["error"]}]
    info = record.get("sample") or {}
    facts = record.get("facts", {})
    base.update(
        service=info.get("service", ""),
        period=info.get("period", ""),
        score=record.get("summary", {}).get("score"),
        looked_after=facts.get("looked_after"),
        incident_type=facts.get("incident_type"),
    )
    rows = []
    for cid, c in record.get("concerns", {}).items():
        d = decision_of(record, cid) or {}
        sections = []
        for e in c.get("evidence") or []:
            if e.get("section") and e["section"] not in sections:
                sections.append(e["section"])
        rows.append({
            **base,
            "concern": cid,
            "title": c.get("title", ""),
            "status": c.get("status"),
            "concern_score": c.get("score"),
            "needs_review": c.get("needs_review"),
            "decided_by": (c.get("details") or {}).get("decided_by", ""),
            "evidence": evidence_text(c),
            "sections": QUOTE_SEP.join(sections),
            "explanation": c.get("explanation", ""),
            "advice": c.get("advice", ""),
            "decision": d.get("decision", ""),
            "decided_status": d.get("decided_status", ""),
            "decision_reason": d.get("reason", ""),
            "error": "",
        })
    return rows


def to_long_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=LONG_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for r in records:
        for row in long_rows(r):
            writer.writerow({k: _csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def to_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns(has_decisions(records)), extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow({k: _csv_safe(v) for k, v in flat_row(r).items()})
    return buf.getvalue()


def _csv_safe(value):
    """A text cell that a spreadsheet would run as a formula (a file named "=HYPERLINK(...)")
    is written with a leading apostrophe, the usual defence against CSV injection."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_xlsx(records: list[dict], long: bool = False) -> bytes:
    buf = io.BytesIO()
    writer = XlsxWriter(buf, has_decisions(records), long=long)
    for r in records:
        writer.write(r)
    writer.close()
    return buf.getvalue()


class XlsxWriter:
    """The .xlsx table written row by row (openpyxl's write-only mode streams rows to a
    temporary file of its own, so memory does not grow with the rows); status cells coloured,
    a file named "=..." kept as text, control characters dropped."""

    def __init__(self, target, decisions: bool = False, long: bool = False) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill

        self.target = target
        self.long = long
        self.fills = {
            "met": PatternFill("solid", fgColor="C6EFCE"),
            "partial": PatternFill("solid", fgColor="FFEB9C"),
            "missing": PatternFill("solid", fgColor="FFC7CE"),
        }
        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet("Drafts x concerns" if long else "Drafts")
        self.cols = LONG_COLUMNS if long else columns(decisions)
        self.ws.freeze_panes = "B2"
        bold = Font(bold=True)
        self.ws.append([self._cell(c, bold) for c in self.cols])

    def _cell(self, value, font=None):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as _ILLEGAL

        if isinstance(value, str):
            value = _ILLEGAL.sub("", value)
        cell = WriteOnlyCell(self.ws, value=value)
        if cell.data_type == "f":  # a file named "=...": text, never a formula
            cell.data_type = "s"
        if font is not None:
            cell.font = font
        if isinstance(value, str) and value in self.fills:
            cell.fill = self.fills[value]
        return cell

    def write(self, record: dict) -> None:
        rows = long_rows(record) if self.long else [flat_row(record)]
        for row in rows:
            self.ws.append([self._cell(row.get(c)) for c in self.cols])

    def close(self) -> None:
        self.wb.save(self.target)


class JsonlWriter:
    """Each record in full, one JSON object per line."""

    def __init__(self, out: Path) -> None:
        self.fh = out.open("w", encoding="utf-8")

    def write(self, record: dict) -> None:
        self.fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.fh.close()


class CsvWriter:
    """The wide table (one row per draft) or, ``long``, one row per draft x concern."""

    def __init__(self, out: Path, long: bool = False) -> None:
        self.long = long
        self.fh = out.open("w", encoding="utf-8", newline="")
        cols = LONG_COLUMNS if long else columns()
        self.csv = csv.DictWriter(self.fh, fieldnames=cols, extrasaction="ignore")
        self.csv.writeheader()

    def write(self, record: dict) -> None:
        for row in long_rows(record) if self.long else [flat_row(record)]:
            self.csv.writerow({k: _csv_safe(v) for k, v in row.items()})

    def close(self) -> None:
        self.fh.close()


class RecordWriter:
    """Batch output written one record at a time, in the registered sample format of ``out``'s
    extension (``render.formats``: .jsonl, .csv or .xlsx; ``long`` for one row per concern)."""

    def __init__(self, out: Path, long: bool = False) -> None:
        from qa_assistant.render.formats import SAMPLE, for_file

        fmt = for_file(SAMPLE, out, long)
        assert fmt.writer is not None
        self.sink = fmt.writer(out)

    def write(self, record: dict) -> None:
        self.sink.write(record)

    def close(self) -> None:
        self.sink.close()


def write_records(records: list[dict], out: Path, long: bool = False) -> None:
    writer = RecordWriter(out, long)
    try:
        for r in records:
            writer.write(r)
    finally:
        writer.close()
