"""A self-contained HTML QA report for one draft: summary, checklist, action plan and the draft
with its evidence highlighted. No scripts, no external resources (a Content-Security-Policy
forbids them), and every piece of draft text and the file name go through
``render.escape.html_text``, so they are shown literally."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from qa_assistant.render.checklist_html import (
    ACTION_CSS,
    CARD_CSS,
    action_table_html,
    checklist_html,
    yot_only_warning,
)
from qa_assistant.render.draft_html import CSS as DRAFT_CSS
from qa_assistant.render.draft_html import draft_html
from qa_assistant.result.model import DraftResult

# No network loads of any kind: no scripts, no remote images, fonts, styles or frames; inline
# styles and data: images only. The draft text is escaped as well, so this is a second wall.
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'"
)

PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
 margin:0;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:1.5em 1.5em 3em;background:#fff}
h1{font-size:1.5rem;margin:.2em 0}
h2{font-size:1.2rem;margin:1.6em 0 .6em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.summary{display:flex;gap:1.5em;flex-wrap:wrap;margin:.6em 0}
.summary div{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.4em .8em}
.summary strong{display:block;font-size:1.3rem}
.flags li{color:#6B3A00}
.warn{background:#FFF3DC;border:1px solid #B26A00;color:#4a2800;border-radius:6px;
 padding:.5em .8em;margin:.5em 0}
.privacy{font-size:.8rem;color:#444;margin-top:2em}
"""


def render_html(result: DraftResult) -> str:
    """The page, from ``templates/report.html.j2`` with autoescape: draft text, file names and
    messages are escaped by Jinja2; the checklist, action table and highlighted draft are HTML
    fragments built with the shared escaping helper and passed in as such."""
    f = result.facts
    facts = [
        ("Score", f"{result.score}/100" if result.scored else "none (see the warning)"),
        ("Gaps", f"{len(result.gaps)} of {len(result.concerns)}"),
        ("Please check", str(len(result.needs_review))),
        ("Actions read", str(len(result.actions))),
        ("Looked after", "yes" if f.get("looked_after") else "no"),
        ("Incident", str(f.get("incident_type", "")).replace("_", " ")),
    ]
    return _template().render(
        csp=Markup(CSP),  # our constant: its quotes must stay quotes
        css=Markup(PAGE_CSS + CARD_CSS + ACTION_CSS + DRAFT_CSS),
        title=f"QA report: {result.source}",
        facts=facts,
        warning=result.warning,
        flags=result.flags,
        checklist=Markup(checklist_html(result, include_css=False)),
        yot_only=yot_only_warning(result),
        actions=Markup(action_table_html(result, include_css=False)),
        draft=Markup(draft_html(result, prefix="report", include_css=False)),
    ) + "\n"


@lru_cache(maxsize=1)
def _template():
    env = Environment(
        loader=PackageLoader("qa_assistant.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return env.get_template("report.html.j2")
