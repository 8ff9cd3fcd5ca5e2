"""The checklist of concerns as cards (gaps first) and the action-plan table, as plain data
and escaped HTML, for the app and the HTML report."""

from __future__ import annotations

from qa_assistant.checks.owners import owner_label, reviewing_agency
from qa_assistant.render.draft_html import concern_numbers, concern_tint
from qa_assistant.render.escape import html_text
from qa_assistant.result.model import ConcernResult, DraftResult
from qa_assistant.result.status import status_rank, status_style

CARD_CSS = """
.qa-cards{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a}
.qa-card{border:1px solid #d0d7de;border-left:6px solid;border-radius:6px;padding:.55em .8em;
 margin:0 0 .6em 0;background:#fff}
.qa-card-head{display:flex;align-items:baseline;gap:.5em;flex-wrap:wrap}
.qa-card-title{font-weight:650;font-size:.98rem}
.qa-status{font-size:.8rem;font-weight:700;padding:.05em .55em;border-radius:.8em;
 border:1px solid;white-space:nowrap}
.qa-num{font-size:.72rem;font-weight:700;border-radius:3px;padding:0 .35em;color:#111;
 border-bottom:2px solid}
.qa-advice{margin:.35em 0 0 0;font-size:.9rem}
.qa-why{margin:.3em 0 0 0;font-size:.82rem;color:#333}
.qa-why summary{cursor:pointer;color:#0b57d0}
.qa-ev-count{font-size:.78rem;color:#444}
"""
ACTION_CSS = """
table.qa-actions{border-collapse:collapse;width:100%;font-size:.9rem;color:#1a1a1a;
 font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
table.qa-actions th,table.qa-actions td{border:1px solid #c9ced4;padding:.35em .5em;
 text-align:left;vertical-align:top}
table.qa-actions th{background:#f3f5f7}
"""


def ordered_concerns(result: DraftResult) -> list[ConcernResult]:
    """Gaps first (missing, then partial), then met; checklist order within each."""
    order = {cid: i for i, cid in enumerate(result.concerns)}
    return sorted(
        result.concerns.values(), key=lambda c: (status_rank(c.status), order[c.id])
    )


def card_html(result: DraftResult, c: ConcernResult, decided=None) -> str:
    """One concern: the tool's status, the reviewer's decision (if any), "please check" when
    the rules and the model disagree, what to add, why in plain words (the model's figures behind
    a toggle) and what good looks like."""
    from qa_assistant.render.review_html import decision_badge, help_html, why_html

    st = status_style(c.status)
    number = concern_numbers(result)[c.id]
    tint, edge = concern_tint(number - 1)
    n_ev = len(c.evidence)
    ev = f"{n_ev} passage{'s' if n_ev != 1 else ''} highlighted" if n_ev else "no passage found"
    advice_label = "What to add" if c.is_gap else "Found"
    kind = "gap" if c.is_gap else "met"
    check = (
        ' <span class="qa-check" title="The rule pack and the trained classifier disagree">'
        "Please check</span>" if c.needs_review else ""
    )
    return (
        f'<div class="qa-card qa-{kind}" data-concern="{html_text(c.id)}" '
        f'data-status="{html_text(c.status)}" style="border-left-color:{st.border}" '
        f'role="group" aria-label="{html_text(c.title)}: {html_text(st.label)}">'
        f'<div class="qa-card-head">'
        f'<span class="qa-status" style="color:{st.fg};background:{st.bg};'
        f'border-color:{st.border}">{st.icon} {html_text(st.label)}</span>'
        f'<span class="qa-card-title">{html_text(c.title)}</span>'
        f'<span class="qa-num" style="background:{tint};border-bottom-color:{edge}" '
        f'title="Highlight label {number}">{number}</span>'
        f'<span class="qa-ev-count">{ev}</span>{check}{decision_badge(decided, c.id)}</div>'
        f'<p class="qa-advice"><strong>{advice_label}:</strong> {html_text(c.advice)}</p>'
        f"{why_html(c)}{help_html(c.id)}</div>"
    )


def checklist_html(result: DraftResult, include_css: bool = True, decided=None) -> str:
    from qa_assistant.render.review_html import REVIEW_CSS

    cards = "".join(card_html(result, c, decided) for c in ordered_concerns(result))
    css = f"<style>{CARD_CSS}{REVIEW_CSS}</style>" if include_css else ""
    return f'{css}<div class="qa-cards" role="list" aria-label="Checklist">{cards}</div>'


# -- action plan -------------------------------------------------------------------------
def action_rows(result: DraftResult) -> list[dict]:
    """One row per action as read: what, who, when, and what is missing."""
    rows = []
    for a in result.actions:
        missing = [
            w
            for w, ok in (("owner", a.owned), ("date", a.dated), ("specificity", a.specific))
            if not ok
        ]
        due = a.due.isoformat() if a.due else (a.timescale or "")
        if a.due and a.timescale:
            due = f"{a.due.isoformat()} ({a.timescale})"
        liaise = ", ".join(owner_label(o) for o in a.liaise_with)
        rows.append(
            {
                "Action": a.text,
                "Owners": ", ".join(owner_label(o) for o in a.owners) or "— none found",
                "Due": due or "— none found",
                "Missing": ", ".join(missing) if missing else "✔ nothing",
                "Only liaises with": liaise,
            }
        )
    return rows


def action_table_html(result: DraftResult, include_css: bool = True) -> str:
    """The action plan as read, as an escaped HTML table (draft text shown literally).

    The app shows this rather than ``st.table``, which renders cell text as Markdown."""
    rows = action_rows(result)
    if not rows:
        return '<p class="qa-no-actions">No actions were found.</p>'
    head = "".join(f'<th scope="col">{html_text(k)}</th>' for k in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{html_text(v)}</td>" for v in r.values()) + "</tr>" for r in rows
    )
    css = f"<style>{ACTION_CSS}</style>" if include_css else ""
    return (
        f'{css}<table class="qa-actions" aria-label="Action plan as read">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def yot_only_warning(result: DraftResult) -> str | None:
    """The warning when every action is owned by the YOT (or there is no plan)."""
    if not result.actions:
        return "No action plan was found in this draft."
    owners = {o for a in result.actions for o in a.owners}
    if owners <= {reviewing_agency(result)}:
        flag = next((f for f in result.flags if f.startswith("actions only addressed")), "")
        extra = ""
        if ";" in flag:
            extra = " " + flag.split(";", 1)[1].strip().capitalize() + "."
        return (
            "Every action is owned by the YOT. Where the learning concerns another agency, that "
            "agency should own an action (a YOT action to 'liaise with' it is not enough)." + extra
        )
    return None
