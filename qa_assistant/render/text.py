"""Readable terminal view of one draft's result: gaps first, each with why and what to add."""

from __future__ import annotations

import textwrap

from qa_assistant.result.model import DraftResult
from qa_assistant.result.status import STATUS_ICON, status_rank, status_style

RESET = "\033[0m"


def render_text(result: DraftResult, colour: bool = False, width: int = 100) -> str:
    def paint(status: str, text: str) -> str:
        return f"{status_style(status).ansi}{text}{RESET}" if colour else text

    score = f"Score {result.score}/100" if result.scored else "No score (see the warning)"
    out = [
        f"{result.source}",
        f"{score} · {len(result.gaps)} gap(s) of {len(result.concerns)} · "
        f"looked after: {'yes' if result.facts['looked_after'] else 'no'} · "
        f"incident: {result.facts['incident_type']}"
        + (f" · age {result.facts['child_age']}" if result.facts.get("child_age") else ""),
    ]
    fw = result.framework or {}
    if fw.get("name"):
        out.append(f"Framework: {fw.get('title') or fw['name']} [{fw['name']}]")
    if fw.get("note"):
        out.append(f"  ℹ {fw['note']}")
    if result.ratings:
        r = result.ratings
        out.append(f"Overall rating: {r['overall']}")
        for area in r["areas"].values():
            out.append(f"  {area['title']}: {area['rating']}")
    if result.warning:
        out.append(f"  ⚠ {result.warning}")
    for flag in result.flags:
        out.append(f"  ⚑ {flag}")
    out.append("")
    wrap = textwrap.TextWrapper(width=width, initial_indent="      ", subsequent_indent="      ")
    ordered = sorted(result.concerns.values(), key=lambda c: (status_rank(c.status), c.id))
    for c in ordered:
        head = f"{STATUS_ICON[c.status]} {c.status.upper():8} {c.title} [{c.id}] ({c.score:.2f})"
        if c.needs_review:
            head += "  PLEASE CHECK (rules and model disagree)"
        out.append(paint(c.status, head))
        out.append(wrap.fill("Why: " + c.explanation.text()))
        for e in c.evidence[:3]:
            mark = "gap" if e.negated else "evidence"
            quote = e.text if len(e.text) < 180 else e.text[:177] + "..."
            where = f" ({e.section})" if e.section else ""
            out.append(wrap.fill(f"{mark}{where}: “{quote}”"))
        if c.is_gap:
            out.append(wrap.fill("Add: " + c.advice))
        out.append("")
    out.append(f"Action plan: {len(result.actions)} action(s)")
    for a in result.actions[:20]:
        owners = ", ".join(a.owners) or "no owner"
        due = a.due.isoformat() if a.due else (a.timescale or "no date")
        missing = [
            w
            for w, ok in (("owner", a.owned), ("date", a.dated), ("specific", a.specific))
            if not ok
        ]
        note = f"  [missing: {', '.join(missing)}]" if missing else ""
        text = a.text if len(a.text) < 90 else a.text[:87] + "..."
        out.append(f"  - {text} — {owners}; {due}{note}")
    return "\n".join(out) + "\n"
