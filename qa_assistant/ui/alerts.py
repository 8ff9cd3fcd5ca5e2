"""Messages and headings that carry untrusted text (a file name, a zip member's name, a reader's
error naming the file, a flag), as escaped HTML for ``st.html``.

Streamlit's ``st.error``/``st.warning``/``st.subheader``/``st.table`` render their text as
Markdown: a file name like ``![x](http://host/beacon.png)`` would become an image the browser
fetches, and a bare URL a link. These builders put the text through ``render.escape.html_text``
instead, so it is shown literally and nothing in it can make a tag, link or request.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_assistant.render.escape import html_text


@dataclass(frozen=True)
class AlertStyle:
    icon: str  # a plain Unicode symbol (in common system fonts): no icon font is fetched
    word: str  # said before the message (to screen readers; shown too when ``show_word``)
    fg: str
    bg: str
    border: str
    show_word: bool = False


ALERTS = {
    "error": AlertStyle("✖", "Error", "#7A1212", "#FDECEC", "#C62828"),
    "warning": AlertStyle("⚠", "Warning", "#5C3300", "#FFF3DC", "#B26A00"),
    "flag": AlertStyle("⚑", "Flag", "#5C3300", "#FFF3DC", "#B26A00", show_word=True),
    "info": AlertStyle("ℹ", "Note", "#0D3C61", "#E8F1FB", "#1565C0"),
}


def alert_html(kind: str, text: str, lead: str | None = None) -> str:
    """A message box: ``lead`` (bold, e.g. a file name) and ``text``, both shown literally."""
    s = ALERTS.get(kind, ALERTS["error"])
    role = "alert" if kind in ("error", "warning") else "note"
    strong = f"<strong>{html_text(lead)}</strong>: " if lead else ""
    if s.show_word:
        word = f"<strong>{s.word}:</strong> "
    else:
        word = (
            '<span style="position:absolute;width:1px;height:1px;overflow:hidden;'
            f'clip:rect(0 0 0 0)">{s.word}: </span>'
        )
    return (
        f'<div class="qa-alert qa-alert-{html_text(kind)}" role="{role}" '
        f'style="display:flex;gap:.6em;align-items:flex-start;color:{s.fg};background:{s.bg};'
        f"border:1px solid {s.border};border-left:5px solid {s.border};border-radius:6px;"
        f"padding:.6em .9em;margin:0 0 .5em 0;font-size:.95rem;line-height:1.45;"
        f'overflow-wrap:anywhere">'
        f'<span aria-hidden="true">{s.icon}</span>'
        f"<span>{word}{strong}{html_text(text)}</span></div>"
    )


HEADING_SIZES = ["2.75rem", "2.25rem", "1.75rem", "1.5rem", "1.25rem", "1rem"]  # Streamlit's


def heading_html(text: str, level: int = 3) -> str:
    """A heading whose text (e.g. "QA results: <file name>") is shown literally."""
    level = min(max(int(level), 1), 6)
    return (
        f'<h{level} class="qa-heading" style="margin:0;padding:.5rem 0 .2rem 0;'
        f"font-size:{HEADING_SIZES[level - 1]};font-weight:600;line-height:1.2;"
        f'overflow-wrap:anywhere">{html_text(text)}</h{level}>'
    )
