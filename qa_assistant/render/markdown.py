"""Markdown QA report for one draft (also the basis of the app's downloadable report)."""

from __future__ import annotations

from qa_assistant.render.text import STATUS_ORDER
from qa_assistant.result.model import STATUS_ICON, DraftResult


def render_markdown(result: DraftResult) -> str:
    f = result.facts
    lines = [
        f"# QA report: {result.source}",
        "",
        f"**Score {result.score}/100** · {len(result.gaps)} gap(s) of {len(result.concerns)} · "
        f"looked after: {'yes' if f['looked_after'] else 'no'} · incident: {f['incident_type']}"
        + (f" · age {f['child_age']}" if f.get("child_age") else ""),
        "",
    ]
    if result.flags:
        lines += ["## Flags", ""] + [f"- ⚑ {flag}" for flag in result.flags] + [""]
    lines += ["## Checklist", "", "| | Concern | Status | Score |", "|---|---|---|---|"]
    ordered = sorted(result.concerns.values(), key=lambda c: (STATUS_ORDER[c.status], c.id))
    for c in ordered:
        lines.append(f"| {STATUS_ICON[c.status]} | {c.title} | {c.status} | {c.score:.2f} |")
    lines.append("")
    for c in ordered:
        lines += [f"### {STATUS_ICON[c.status]} {c.title} — {c.status}", ""]
        lines.append(f"*Why:* {c.explanation.text()}")
        lines.append("")
        for e in c.evidence:
            tag = "gap" if e.negated else "evidence"
            where = f" ({e.section})" if e.section else ""
            lines.append(f"> {tag}{where}: {e.text}")
            lines.append("")
        if c.is_gap:
            lines += [f"**What to add:** {c.advice}", ""]
    lines += [
        "## Action plan as read",
        "",
        "| Action | Owners | Due | Missing |",
        "|---|---|---|---|",
    ]
    for a in result.actions:
        missing = [
            w
            for w, ok in (("owner", a.owned), ("date", a.dated), ("specific", a.specific))
            if not ok
        ]
        due = a.due.isoformat() if a.due else (a.timescale or "—")
        text = a.text.replace("|", "/")
        lines.append(
            f"| {text} | {', '.join(a.owners) or '—'} | {due} | {', '.join(missing) or '—'} |"
        )
    if not result.actions:
        lines.append("| (no actions found) | | | |")
    return "\n".join(lines) + "\n"
