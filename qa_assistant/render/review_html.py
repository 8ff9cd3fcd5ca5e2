"""The reviewer's side of the app (issue 11), as plain data and escaped HTML: the summary bar with
a score colour scale, flags ranked by severity with their evidence and links to it, plain-language
explanations (the model's figures behind a toggle), per-concern help from the rule packs' ``help:``
key, the findings a reviewer can decide on, and the list of decisions that no longer apply.

Draft text (evidence, flags, action text) and file names go through ``render.escape.html_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.qa.decisions import DECISION_LABEL, DecidedResult, action_id, reviewer_of
from qa_assistant.render.draft_html import evidence_anchor, section_anchor, section_of, sections
from qa_assistant.render.escape import html_text
from qa_assistant.result.model import ConcernResult, DraftResult, Evidence
from qa_assistant.result.status import status_style, status_text

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
SEVERITY_LABEL = {"high": "High", "medium": "Medium", "low": "Low"}

REVIEW_CSS = """
.qa-summary{display:flex;flex-wrap:wrap;gap:.5em;align-items:stretch;margin:.2em 0 .5em 0;
 font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a}
.qa-sum{border:1px solid #d0d7de;border-radius:6px;padding:.3em .7em;background:#fff;
 min-width:8.5em}
.qa-sum-k{font-size:.78rem;color:#444}.qa-sum-v{font-size:1.35rem;font-weight:700;line-height:1.2}
.qa-sum-sub{font-size:.75rem;color:#444}
.qa-scorebar{height:.45em;border-radius:.3em;background:#e6e8eb;margin-top:.2em;overflow:hidden}
.qa-scorebar>span{display:block;height:100%}
.qa-flags{margin:0 0 .4em 0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,
 sans-serif;color:#1a1a1a}
.qa-flag{border:1px solid #B26A00;border-left:5px solid #B26A00;background:#FFF8EC;
 border-radius:6px;padding:.3em .7em;margin:0 0 .35em 0;font-size:.9rem}
.qa-flag.qa-sev-high{border-color:#C62828;background:#FDF1F1}
.qa-flag.qa-resolved{border-color:#8a939c;background:#f4f5f6;color:#333}
.qa-flag ol{margin:.15em 0 0 1.2em;padding:0;font-size:.83rem}
.qa-flag details{font-size:.8rem;margin-left:1.2em}.qa-flag summary{cursor:pointer;color:#0b57d0}
.qa-sev{font-size:.72rem;font-weight:700;border:1px solid;border-radius:.7em;padding:0 .45em;
 margin-right:.3em}
.qa-check{font-size:.75rem;font-weight:700;color:#0D3C61;background:#E8F1FB;
 border:1px solid #1565C0;border-radius:.8em;padding:0 .5em;white-space:nowrap}
.qa-decided{font-size:.75rem;font-weight:700;color:#1a1a1a;background:#F1F0FB;
 border:1px solid #4527A0;border-radius:.8em;padding:0 .5em}
.qa-help{margin:.3em 0 0 0;font-size:.82rem;color:#333}
.qa-help summary,.qa-figures summary{cursor:pointer;color:#0b57d0}
.qa-plain{margin:.3em 0 0 0;font-size:.85rem;color:#222}
.qa-figures{margin:.2em 0 0 0;font-size:.78rem;color:#444}
.qa-stale{font-size:.85rem}
"""


# -- help from the rule packs ----------------------------------------------------------------
@lru_cache(maxsize=1)
def _all_help() -> dict[str, dict[str, str]]:
    """The ``help:`` key of every framework's concerns/<id>.yaml (what good looks like, an
    example, the source); the default framework's first."""
    import yaml

    from qa_assistant.paths import frameworks_dir, rules_dir

    out: dict[str, dict[str, str]] = {}
    paths = [*sorted((rules_dir() / "concerns").glob("*.yaml")),
             *sorted(frameworks_dir().glob("*/concerns/*.yaml"))]
    try:
        for path in paths:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            h = data.get("help") if isinstance(data, dict) else None
            if isinstance(h, dict) and data.get("id") and str(data["id"]) not in out:
                out[str(data["id"])] = {k: " ".join(str(v).split()) for k, v in h.items()}
    except (OSError, yaml.YAMLError):
        return {}
    return out


def concern_help(cid: str) -> dict[str, str]:
    return _all_help().get(cid, {})


def help_html(cid: str) -> str:
    h = concern_help(cid)
    if not h:
        return ""
    parts = []
    if h.get("good"):
        parts.append(f"<p><strong>What good looks like:</strong> {html_text(h['good'])}</p>")
    if h.get("example"):
        parts.append(f"<p><strong>Example:</strong> {html_text(h['example'])}</p>")
    if h.get("source"):
        parts.append(f"<p><strong>In the inspectorate's findings:</strong> "
                     f"{html_text(h['source'])}</p>")
    return (f'<details class="qa-help"><summary>What good looks like</summary>'
            f"{''.join(parts)}</details>")


# -- plain language ---------------------------------------------------------------------------
def plain_explanation(c: ConcernResult) -> str:
    """Why the status, in words: the reason, where it was read, who decided; no figures."""
    ex = c.explanation
    because = ex.because[:1].upper() + ex.because[1:] if ex.because else ""
    parts = [because.rstrip(".") + "." if because else ""]
    if ex.sections:
        names = ", ".join(f"‘{s}’" for s in ex.sections[:3])
        parts.append(f"Read mainly from {names}.")
    model_status = (ex.model or {}).get("status")
    if ex.decided_by == "model":
        parts.append(
            f"The trained classifier overruled the rule pack, which said "
            f"{status_text(ex.rule_status)}."
        )
    elif model_status and model_status != ex.rule_status:
        parts.append(
            f"The rule pack decided; the trained classifier would have said "
            f"{status_text(model_status)}."
        )
    elif model_status:
        parts.append("The rule pack and the trained classifier agree.")
    if c.needs_review:
        parts.append("They disagree about whether this is met: please check it yourself.")
    return " ".join(p for p in parts if p)


def why_html(c: ConcernResult) -> str:
    return (
        f'<p class="qa-plain"><strong>Why:</strong> {html_text(plain_explanation(c))}</p>'
        f'<details class="qa-figures"><summary>The model\'s figures</summary>'
        f"{html_text(c.explanation.text())}</details>"
    )


# -- score colour scale -----------------------------------------------------------------------
def score_colour(score: float) -> str:
    """Red below 50, amber to 79, green from 80: never red at 100."""
    if score >= 80:
        return "#2E7D32"
    if score >= 50:
        return "#B26A00"
    return "#C62828"


def summary_html(result: DraftResult, decided: DecidedResult | None = None) -> str:
    score = decided.score if decided else result.score
    gaps = len(decided.gaps) if decided else len(result.gaps)
    flags = len(decided.open_flags) if decided else len(result.flags)
    colour = score_colour(score)

    def box(key: str, value: str, sub: str = "", extra: str = "", cls: str = "") -> str:
        sub_html = f'<div class="qa-sum-sub">{html_text(sub)}</div>' if sub else ""
        return (f'<div class="qa-sum {cls}" role="group" aria-label="{html_text(key)}">'
                f'<div class="qa-sum-k">{html_text(key)}</div>'
                f'<div class="qa-sum-v">{html_text(value)}</div>{sub_html}{extra}</div>')

    width = max(0, min(100, score))
    bar = (f'<div class="qa-scorebar" aria-hidden="true"><span style="width:{width}%;'
           f'background:{colour}"></span></div>')
    decided_sub = ""
    n = decided.decision_count() if decided else 0
    if decided and n:
        decided_sub = f"tool {result.score}/100; after {n} decision(s)"
    items = [
        box("Score", f"{score}/100", decided_sub, bar, "qa-sum-score"),
        box("Gaps to fix", f"{gaps} of {len(result.concerns)}",
            f"tool {len(result.gaps)}" if decided and n else ""),
        box("Flags", str(flags), f"tool {len(result.flags)}" if decided and n else ""),
        box("Please check", str(len(result.needs_review)), "rules and model disagree"),
        box("Actions read", str(len(result.actions))),
    ]
    return f'<style>{REVIEW_CSS}</style><div class="qa-summary">{"".join(items)}</div>'


# -- flags -------------------------------------------------------------------------------------
def _link_for(result: DraftResult, e: Evidence, prefix: str, secs) -> str | None:
    """An in-page anchor for a passage: the highlight of the same passage, else its section."""
    for cid, c in result.concerns.items():
        for i, ev in enumerate(c.evidence):
            if ev.start == e.start and ev.end == e.end and ev.end > ev.start:
                return evidence_anchor(prefix, cid, i)
    s = section_of(result, secs, e.start) if e.end > e.start else None
    return section_anchor(prefix, s.number) if s is not None else None


def flags_html(result: DraftResult, decided: DecidedResult | None = None, prefix: str = "qa") \
        -> str:
    """Flags ranked by severity, each with its evidence quoted and linked to the draft."""
    if decided is not None:
        items = [(f.flag, f) for f in decided.flags]
    else:
        items = [(f, None) for f in result.flag_details]
    items.sort(key=lambda x: SEVERITY_ORDER.get(x[0].severity, 3))
    if not items:
        return ""
    secs = sections(result)
    out = []
    for flag, view in items:
        sev = SEVERITY_LABEL.get(flag.severity, flag.severity.capitalize())
        resolved = view is not None and not view.open
        cls = f"qa-flag qa-sev-{html_text(flag.severity)}" + (" qa-resolved" if resolved else "")
        status = ""
        if view is not None and view.decision is not None:
            reason = f": {view.decision.reason}" if view.decision.reason else ""
            status = (f' <span class="qa-decided">Reviewer: {html_text(view.resolution)}'
                      f"{html_text(reason)}</span>")
        quotes = []
        for e in flag.evidence[:4]:
            anchor = _link_for(result, e, prefix, secs)
            q = e.text if len(e.text) <= 180 else e.text[:177] + "…"
            where = f" <small>({html_text(e.section)})</small>" if e.section else ""
            link = (f' <a href="#{html_text(anchor)}">go to passage</a>' if anchor else "")
            quotes.append(f"<li>“{html_text(q)}”{where}{link}</li>")
        ev = ""
        if quotes:  # the first passage shown, the others one click away
            ev = f"<ol>{quotes[0]}</ol>"
            if len(quotes) > 1:
                ev += (f"<details><summary>{len(quotes) - 1} more passage(s)</summary>"
                       f"<ol start=\"2\">{''.join(quotes[1:])}</ol></details>")
        out.append(
            f'<div class="{cls}" role="note" data-flag="{html_text(flag.id)}">'
            f'<span aria-hidden="true">⚑</span> <span class="qa-sev">{html_text(sev)}</span>'
            f"<strong>Flag:</strong> {html_text(flag.message)}{status}{ev}</div>"
        )
    return f'<style>{REVIEW_CSS}</style><div class="qa-flags">{"".join(out)}</div>'


# -- findings to decide on ---------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    kind: str
    id: str
    label: str


def findings(result: DraftResult) -> list[Finding]:
    """Every finding a reviewer can decide on: concerns (gaps first), flags, then actions."""
    from qa_assistant.render.checklist_html import ordered_concerns

    out = [
        Finding("concern", c.id, f"Concern: {c.title} ({status_text(c.status)})"
                + (" · please check" if c.needs_review else ""))
        for c in ordered_concerns(result)
    ]
    out += [Finding("flag", f.id, f"Flag: {f.message}") for f in result.flag_details]
    for i, a in enumerate(result.actions, 1):
        text = a.text if len(a.text) <= 90 else a.text[:87] + "…"
        out.append(Finding("action", action_id(a), f"Action {i}: {text}"))
    return out


def decision_badge(decided: DecidedResult | None, cid: str) -> str:
    if decided is None:
        return ""
    v = decided.concerns.get(cid)
    if v is None or v.decision is None:
        return ""
    counted = ("not applicable" if v.decided_status == "not_applicable"
               else status_style(v.decided_status).label)
    who = reviewer_of(v.decision, decided.file)
    reason = f" — {v.decision.reason}" if v.decision.reason else ""
    by = f" ({who})" if who else ""
    return (f'<span class="qa-decided" title="{html_text(v.decision.reason)}">Reviewer: '
            f"{html_text(DECISION_LABEL[v.decision.decision])} → counted as "
            f"{html_text(counted)}</span><span class=\"qa-sr\">{html_text(reason + by)}</span>")


def decisions_table_html(decided: DecidedResult) -> str:
    rows = []
    for v in decided.concerns.values():
        if v.decision:
            rows.append(("Concern", v.concern.title, status_text(v.concern.status), v.decision))
    for f in decided.flags:
        if f.decision:
            rows.append(("Flag", f.flag.message, "raised", f.decision))
    for a in decided.actions:
        if a.decision:
            rows.append(("Action", a.action.text, "read", a.decision))
    if not rows:
        return '<p class="qa-no-decisions">No decisions recorded yet.</p>'
    body = "".join(
        f"<tr><td>{html_text(k)}</td><td>{html_text(t)}</td><td>{html_text(s)}</td>"
        f"<td>{html_text(DECISION_LABEL[d.decision])}</td><td>{html_text(d.reason)}</td>"
        f"<td>{html_text(reviewer_of(d, decided.file))}</td></tr>"
        for k, t, s, d in rows
    )
    from qa_assistant.render.checklist_html import ACTION_CSS

    return (
        f"<style>{ACTION_CSS}</style>"
        '<table class="qa-actions qa-decisions" aria-label="Reviewer decisions"><thead><tr>'
        "<th>Finding</th><th>What</th><th>Tool</th><th>Decision</th><th>Reason</th>"
        f"<th>Reviewer</th></tr></thead><tbody>{body}</tbody></table>"
    )


def stale_html(decided: DecidedResult) -> str:
    if not decided.stale:
        return ""
    items = "".join(
        f"<li>{html_text(s.decision.kind)} <strong>{html_text(_finding_name(decided, s))}</strong>"
        f" — {html_text(DECISION_LABEL[s.decision.decision])}"
        f"{': ' + html_text(s.decision.reason) if s.decision.reason else ''}"
        f" — <em>no longer applies</em>: {html_text(s.why)}</li>"
        for s in decided.stale
    )
    return (f'<div class="qa-stale" role="note"><strong>Earlier decisions that no longer apply '
            f"({len(decided.stale)})</strong><ul>{items}</ul></div>")


def _finding_name(decided: DecidedResult, s) -> str:
    d = s.decision
    if d.kind == "concern":
        c = decided.result.concerns.get(d.id)
        return c.title if c else d.id
    if d.kind == "action":
        return (d.evidence[0] if d.evidence else d.id)[:120]
    return d.id.replace("_", " ")
