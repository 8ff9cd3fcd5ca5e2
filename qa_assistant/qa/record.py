"""The QA record: a one-page record of the quality assurance of a draft, to file with the review.

It names the draft and its version, the framework, each concern with the tool's status and the
reviewer's decision and reason, the outstanding gaps, the flags and how each was resolved, the
decisions that no longer apply, the reviewer's name and role with a statement of independence
from the case's management, and the date. As .docx (python-docx) and as a printable HTML page
(a Jinja2 template with autoescaping on: draft text and names are shown literally).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass

from qa_assistant.qa.decisions import (
    DECISION_LABEL,
    DecidedResult,
    reviewer_of,
)
from qa_assistant.result.status import status_rank, status_text

FRAMEWORK = (
    "HM Inspectorate of Probation's findings on learning reviews after serious incidents in "
    "youth justice"
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def independence_statement(d: DecidedResult) -> str:
    r = d.file.reviewer
    who = ", ".join(x for x in (r.name, r.role) if x) or "The reviewer"
    if r.independent:
        return (
            f"{who} confirms that they had no involvement in the management or supervision of "
            "this case and quality-assured this review independently."
        )
    return (
        f"{who} has NOT confirmed independence from the management of this case: the sign-off "
        "should be made by a senior manager independent of the case."
    )


def decided_label(status: str) -> str:
    return "Not applicable" if status == "not_applicable" else status_text(status)


@dataclass
class RecordRow:
    title: str
    tool: str
    decision: str
    decided: str
    reason: str
    reviewer: str
    gap: bool


def record_rows(d: DecidedResult) -> list[RecordRow]:
    order = {cid: i for i, cid in enumerate(d.concerns)}
    views = sorted(
        d.concerns.values(),
        key=lambda v: (status_rank(v.concern.status), order[v.concern.id]),
    )
    return [
        RecordRow(
            title=v.concern.title,
            tool=status_text(v.concern.status),
            decision=DECISION_LABEL[v.decision.decision] if v.decision else "No decision",
            decided=decided_label(v.decided_status),
            reason=v.decision.reason if v.decision else "",
            reviewer=reviewer_of(v.decision, d.file) if v.decision else "",
            gap=v.decided_gap,
        )
        for v in views
    ]


def record_context(d: DecidedResult, version: str = "", when: _dt.date | None = None) -> dict:
    r = d.result
    f = d.file
    label = version or f.draft.label or (f"version {len(f.versions)}" if f.versions else "")
    return {
        "draft": r.source,
        "version": label,
        "framework": FRAMEWORK,
        "date": (when or _dt.date.today()).isoformat(),
        "tool_score": r.score,
        "score": d.score,
        "n_concerns": len(d.concerns),
        "tool_gaps": len(r.gaps),
        "gaps": [v.concern.title for v in d.gaps],
        "rows": record_rows(d),
        "flags": [
            {
                "message": fv.flag.message,
                "severity": fv.flag.severity,
                "resolution": fv.resolution,
                "reason": fv.decision.reason if fv.decision else "",
                "open": fv.open,
            }
            for fv in d.flags
        ],
        "actions": [
            {"text": a.action.text, "decision": DECISION_LABEL[a.decision.decision],
             "reason": a.decision.reason}
            for a in d.actions if a.decision
        ],
        "stale": [
            {"what": f"{s.decision.kind} {s.decision.id}",
             "decision": DECISION_LABEL[s.decision.decision], "why": s.why}
            for s in d.stale
        ],
        "versions": [v.model_dump() for v in f.versions],
        "reviewer_name": f.reviewer.name or "(not given)",
        "reviewer_role": f.reviewer.role or "(not given)",
        "independent": f.reviewer.independent,
        "statement": independence_statement(d),
        "undecided": len(d.undecided),
    }


def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("qa_assistant.qa", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_record_html(d: DecidedResult, version: str = "", when: _dt.date | None = None) -> str:
    """The printable QA record (self-contained; nothing is loaded)."""
    return _env().get_template("record.html.j2").render(**record_context(d, version, when))


def _x(text: object) -> str:
    return _NOT_XML.sub(" ", str(text))


def render_record_docx(d: DecidedResult, version: str = "", when: _dt.date | None = None) \
        -> bytes:
    import docx
    from docx.shared import Cm, Pt

    c = record_context(d, version, when)
    doc = docx.Document()
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(1.8)
        s.top_margin = s.bottom_margin = Cm(1.5)
    style = doc.styles["Normal"]
    style.font.size = Pt(9.5)
    doc.add_heading("Quality-assurance record", level=1)
    meta = doc.add_table(rows=0, cols=2)
    meta.style = "Table Grid"
    for k, v in (
        ("Draft", c["draft"] + (f" ({c['version']})" if c["version"] else "")),
        ("Framework", c["framework"]),
        ("Score", f"{c['score']}/100 after the reviewer's decisions "
                  f"(the tool's score: {c['tool_score']}/100)"),
        ("Outstanding gaps", "; ".join(c["gaps"]) or "none"),
        ("Date", c["date"]),
    ):
        row = meta.add_row().cells
        row[0].text, row[1].text = k, _x(v)
        row[0].paragraphs[0].runs[0].bold = True
    doc.add_heading("Concerns", level=2)
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells,
                          ("Concern", "Tool", "Reviewer's decision", "Counted as", "Reason")):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for r in c["rows"]:
        cells = t.add_row().cells
        reason = r.reason + (f" ({r.reviewer})" if r.reviewer else "")
        for cell, text in zip(cells, (r.title, r.tool, r.decision, r.decided, reason)):
            cell.text = _x(text)
    doc.add_heading("Flags and how each was resolved", level=2)
    for f in c["flags"] or [None]:
        if f is None:
            doc.add_paragraph("No flags were raised.", style="List Bullet")
            continue
        extra = f": {f['reason']}" if f["reason"] else ""
        doc.add_paragraph(_x(f"{f['message']} ({f['severity']}) — {f['resolution']}{extra}"),
                          style="List Bullet")
    if c["actions"]:
        doc.add_heading("Decisions on actions", level=2)
        for a in c["actions"]:
            doc.add_paragraph(_x(f"{a['text']} — {a['decision']}: {a['reason']}"),
                              style="List Bullet")
    if c["stale"]:
        doc.add_heading("Earlier decisions that no longer apply", level=2)
        for s in c["stale"]:
            doc.add_paragraph(_x(f"{s['what']} ({s['decision']}): {s['why']}"),
                              style="List Bullet")
    if len(c["versions"]) > 1:
        doc.add_heading("Versions quality-assured", level=2)
        for v in c["versions"]:
            doc.add_paragraph(
                _x(f"{v['name']} {v['label']} — checked {v['checked_on'] or ''}: tool "
                   f"{v['score']}/100, after decisions {v['decided_score']}/100"),
                style="List Bullet",
            )
    doc.add_heading("Reviewer", level=2)
    doc.add_paragraph(_x(f"Name: {c['reviewer_name']}    Role: {c['reviewer_role']}"))
    doc.add_paragraph(_x(c["statement"]))
    doc.add_paragraph(_x(f"Date: {c['date']}    Signature: ______________________"))
    note = doc.add_paragraph(
        "Produced offline by the QA assistant. The tool's statuses are prompts for the reviewer; "
        "the reviewer's decisions are the judgement of record."
    )
    note.runs[0].italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
