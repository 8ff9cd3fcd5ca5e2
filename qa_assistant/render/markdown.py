"""Markdown QA report for one draft (also the basis of the app's downloadable report).

Draft text (evidence, action text, section names inside explanations, flags) and the file name
are untrusted: each goes through ``render.escape.md_text``, so any Markdown renderer shows it
literally (no images, links, HTML, emphasis or table breaks made from the draft)."""

from __future__ import annotations

from qa_assistant.render.escape import md_text
from qa_assistant.result.model import DraftResult
from qa_assistant.result.status import STATUS_ICON, status_rank


def render_markdown(result: DraftResult) -> str:
    f = result.facts
    age = f.get("child_age")
    lines = [
        f"# QA report: {md_text(result.source)}",
        "",
        f"**Score {result.score}/100** · {len(result.gaps)} gap(s) of {len(result.concerns)} · "
        f"looked after: {'yes' if f.get('looked_after') else 'no'} · "
        f"incident: {md_text(f.get('incident_type', ''))}"
        + (f" · age {md_text(age)}" if age else ""),
        "",
    ]
    if result.warning:
        lines += [f"> ⚠ {md_text(result.warning)}", ""]
    fw = result.framework or {}
    if fw.get("name"):
        lines += [f"*Framework:* {md_text(fw.get('title') or fw['name'])}", ""]
    if fw.get("note"):
        lines += [f"*Note:* {md_text(fw['note'])}", ""]
    if result.ratings:
        r = result.ratings
        lines += ["## Rating", "", f"**Overall: {md_text(r['overall'])}**", ""]
        lines += [f"- {md_text(a['title'])}: {md_text(a['rating'])}" for a in r["areas"].values()]
        lines += ["", f"*{md_text(r.get('note', ''))}*", ""] if r.get("note") else [""]
    if result.flags:
        lines += ["## Flags", ""] + [f"- ⚑ {md_text(flag)}" for flag in result.flags] + [""]
    lines += ["## Checklist", "", "| | Concern | Status | Score |", "|---|---|---|---|"]
    ordered = sorted(result.concerns.values(), key=lambda c: (status_rank(c.status), c.id))
    for c in ordered:
        check = " (please check)" if c.needs_review else ""
        lines.append(
            f"| {STATUS_ICON[c.status]} | {md_text(c.title)} | {md_text(c.status)}{check} | "
            f"{c.score:.2f} |"
        )
    lines.append("")
    for c in ordered:
        lines += [f"### {STATUS_ICON[c.status]} {md_text(c.title)} — {md_text(c.status)}", ""]
        if c.needs_review:
            lines += [
                "**Please check:** the rule pack and the classifier disagree about whether "
                "this is met; the explanation gives both views.",
                "",
            ]
        lines.append(f"*Why:* {md_text(c.explanation.text())}")
        lines.append("")
        for e in c.evidence:
            tag = "gap" if e.negated else "evidence"
            where = f" ({md_text(e.section)})" if e.section else ""
            lines.append(f"> {tag}{where}: {md_text(e.text)}")
            lines.append("")
        if c.is_gap:
            lines += [f"**What to add:** {md_text(c.advice)}", ""]
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
        lines.append(
            f"| {md_text(a.text)} | {md_text(', '.join(a.owners)) or '—'} | {md_text(due)} | "
            f"{', '.join(missing) or '—'} |"
        )
    if not result.actions:
        lines.append("| (no actions found) | | | |")
    return "\n".join(lines) + "\n"
