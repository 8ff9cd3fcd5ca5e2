"""A self-contained HTML QA report for one draft: summary, checklist, action plan and the draft
with its evidence highlighted. No scripts, no external resources (a Content-Security-Policy
forbids them), and every piece of draft text and the file name go through
``render.escape.html_text``, so they are shown literally."""

from __future__ import annotations

from qa_assistant.render.escape import html_text
from qa_assistant.result.model import DraftResult
from qa_assistant.ui.checklist import (
    ACTION_CSS,
    CARD_CSS,
    action_table_html,
    checklist_html,
    yot_only_warning,
)
from qa_assistant.ui.highlight import CSS as DRAFT_CSS
from qa_assistant.ui.highlight import draft_html

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
    f = result.facts
    gaps = len(result.gaps)
    facts = [
        ("Score", f"{result.score}/100" if result.scored else "none (see the warning)"),
        ("Gaps", f"{gaps} of {len(result.concerns)}"),
        ("Please check", str(len(result.needs_review))),
        ("Actions read", str(len(result.actions))),
        ("Looked after", "yes" if f.get("looked_after") else "no"),
        ("Incident", str(f.get("incident_type", "")).replace("_", " ")),
    ]
    summary = "".join(f"<div>{html_text(k)}<strong>{html_text(v)}</strong></div>" for k, v in facts)
    flags = ""
    if result.flags:
        flags = (
            '<h2>Flags</h2><ul class="flags">'
            + "".join(f"<li>⚑ {html_text(flag)}</li>" for flag in result.flags)
            + "</ul>"
        )
    actions = action_table_html(result, include_css=False)
    warning = yot_only_warning(result)
    warn = f'<p class="warn" role="alert">⚠ {html_text(warning)}</p>' if warning else ""
    if result.warning:
        flags = f'<p class="warn" role="alert">⚠ {html_text(result.warning)}</p>' + flags
    title = html_text(f"QA report: {result.source}")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{title}</title><style>{PAGE_CSS}{CARD_CSS}{ACTION_CSS}{DRAFT_CSS}</style></head>"
        f"<body><main><h1>{title}</h1>"
        f'<div class="summary">{summary}</div>{flags}'
        f"<h2>Checklist (gaps first)</h2>{checklist_html(result, include_css=False)}"
        f"<h2>Action plan as read</h2>{warn}{actions}"
        "<h2>The draft, section by section</h2>"
        f"{draft_html(result, prefix='report', include_css=False)}"
        '<p class="privacy">Produced offline by the QA assistant. This report quotes the draft: '
        "handle and store it as you would the draft itself.</p>"
        "</main></body></html>\n"
    )
