"""Learning review QA assistant: the Streamlit app (``bash scripts/run_app.sh``).

Two modes: check one draft (checklist, highlighted draft, action plan, downloads), or a sample of
drafts (a row per draft, counts per concern, action owners, CSV/XLSX export). Drafts are about
children: uploads stay in this session's memory, are never written to disk or logged, and are
dropped when the file is removed from the uploader or the session is cleared. The logic lives in
``qa_assistant.ui``; this file only lays it out.

Draft text and file names are untrusted: they are never passed to a Streamlit call that renders
Markdown (``st.error``, ``st.warning``, ``st.subheader``, ``st.table``, progress and spinner
text). They are shown through escaped HTML (``st.html`` with ``qa_assistant.render.escape``,
``qa_assistant.ui.alerts``) or components that do not interpret text (``st.dataframe``, select
boxes). Icons are emoji or plain symbols: a ``:material/...`` page icon is fetched online.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from qa_assistant.render.escape import html_text, md_text
from qa_assistant.render.table import to_csv, to_xlsx
from qa_assistant.ui.alerts import alert_html, heading_html
from qa_assistant.ui.charts import concern_chart, owner_chart
from qa_assistant.ui.checklist import action_table_html, checklist_html, yot_only_warning
from qa_assistant.ui.exports import XLSX_MIME, downloads
from qa_assistant.ui.highlight import CSS as DRAFT_CSS
from qa_assistant.ui.highlight import concern_numbers, draft_html, evidence_links_html
from qa_assistant.ui.sample import (
    DRAFT_COL,
    concern_counts,
    concern_titles,
    filter_entries,
    owner_distribution,
    records,
    sample_rows,
    yot_only_count,
)
from qa_assistant.ui.style import STATUS_STYLE, status_style, status_text
from qa_assistant.ui.uploads import (
    ACCEPTED_TYPES,
    SAMPLE_TYPES,
    Entry,
    Upload,
    check_upload,
    check_uploads,
    expand_uploads,
)

APP_DIR = Path(__file__).resolve().parent
DEMO_DIR = APP_DIR / "sample_reports" / "demo"
MODES = ("One draft", "A sample of drafts")
MAX_ERRORS_SHOWN = 25
PANE_HEIGHT = 720
DOWNLOAD_HELP = {
    "docx": "The draft as a Word document with each finding as a margin comment and a QA "
    "summary comment at the top (a PDF or text draft is rebuilt as a new Word document).",
    "markdown": "The QA report as Markdown.",
    "html": "The QA report with the highlighted draft, as one self-contained web page.",
    "json": "The full result in the tool's JSON format.",
}
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"]{padding-top:2.2rem}
</style>"""

st.set_page_config(
    page_title="Learning review QA assistant",
    page_icon="📋",  # an emoji (a data: URI favicon): a ":material/..." icon is fetched online
    layout="wide",
    initial_sidebar_state="expanded",
)


def _chart_beside_list(chart, height: int, alt: str, listing: str) -> None:
    """A chart with the same numbers listed beside it, so nothing depends on seeing the chart."""
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.altair_chart(
            chart, width="stretch", height=height,
            alt=f"{alt} (the same numbers are listed alongside)",
        )
    with right:
        st.markdown(listing)


@st.cache_resource(show_spinner="Loading the checker (first run only)…")
def get_checker():
    """The shared checker, and a warning when it had to fall back to the rule packs only."""
    from qa_assistant.checker import Checker, default_checker

    try:
        return default_checker(), None
    except Exception as exc:  # noqa: BLE001 - damaged/untrusted model files: rules still work
        return Checker(use_models=False), (
            f"The trained models could not be loaded ({type(exc).__name__}), so results come "
            "from the rule packs only. Rebuild the models and restart the app."
        )


def checker_or_stop():
    try:
        checker, warning = get_checker()
    except Exception as exc:  # noqa: BLE001 - the app must say why, not show a traceback
        st.error(
            f"The checker could not start ({type(exc).__name__}). Run `bash scripts/setup_env.sh` "
            "and restart the app."
        )
        st.stop()
    st.session_state["checker_warning"] = warning  # shown in the sidebar on every run
    return checker


def alert(kind: str, text: str, lead: str | None = None) -> None:
    """A message that may carry a file name or draft text: shown literally (never Markdown)."""
    st.html(alert_html(kind, text, lead))


def nonce() -> int:
    return st.session_state.setdefault("upload_nonce", 0)


def clear_session() -> None:
    """Forget every draft and result held for this browser session."""
    n = nonce() + 1
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state["upload_nonce"] = n  # new uploader keys empty the uploaders


def concern_list() -> list[tuple[str, str]]:
    from qa_assistant.checks.packs import cached_rules

    try:
        return [(p.id, p.title) for p in cached_rules().concerns]
    except Exception:  # noqa: BLE001 - the intro is optional
        return []


# -- one draft -------------------------------------------------------------------------
def show_downloads(entry: Entry, prefix: str) -> None:
    items = downloads(entry)
    cols = st.columns(len(items))
    for col, d in zip(cols, items, strict=True):
        with col:
            if d.data is None:
                alert("error", d.error or "not available", d.label)
                continue
            st.download_button(
                d.label,
                data=d.data,
                file_name=d.file_name,
                mime=d.mime,
                key=f"{prefix}_dl_{d.kind}",
                on_click="ignore",
                width="stretch",
                type="primary" if d.kind == "docx" else "secondary",
                help=DOWNLOAD_HELP[d.kind],
            )


def concern_label(result, cid: str | None) -> str:
    if cid is None:
        return "All concerns"
    c = result.concerns[cid]
    return f"{concern_numbers(result)[cid]}. {c.title} ({status_text(c.status)})"


def show_draft(entry: Entry, prefix: str) -> None:
    r = entry.result
    assert r is not None
    st.html(heading_html(f"QA results: {entry.name}"))
    m = st.columns(4)
    m[0].metric("Score", f"{r.score}/100", help="Weighted by each concern's severity", border=True)
    m[1].metric("Gaps to fix", f"{len(r.gaps)} of {len(r.concerns)}", border=True)
    m[2].metric("Flags", str(len(r.flags)), border=True)
    m[3].metric("Actions read", str(len(r.actions)), border=True)
    for flag in r.flags:
        alert("flag", flag)
    show_downloads(entry, prefix)

    left, right = st.columns([5, 7], gap="large")
    with left:
        st.markdown("#### Checklist")
        st.caption("Gaps first, each with what to add. *Why this status* gives the reasons.")
        with st.container(height=PANE_HEIGHT, border=True, key=f"{prefix}_checklistbox"):
            st.html(checklist_html(r))
    with right:
        st.markdown("#### The draft, section by section")
        options: list[str | None] = [None, *r.concerns.keys()]
        chosen = st.selectbox(
            "Show the evidence for",
            options,
            format_func=lambda cid: concern_label(r, cid),
            key=f"{prefix}_concern",
            help="Choose one concern to highlight only its passages and jump to them.",
        )
        if chosen is not None:
            c = r.concerns[chosen]
            stl = status_style(c.status)
            what = "What to add" if c.is_gap else "Found"
            st.html(
                f"<style>{DRAFT_CSS}</style>"
                f'<div class="qa-note" style="border-left:5px solid {stl.border}">'
                f'<strong style="color:{stl.fg}">{stl.icon} {stl.label}</strong>: '
                f"<strong>{html_text(c.title)}</strong><br>{what}: {html_text(c.advice)}"
                f"{evidence_links_html(r, chosen, prefix)}</div>"
            )
        with st.container(height=PANE_HEIGHT, border=True, key=f"{prefix}_draftbox"):
            st.html(draft_html(r, chosen, prefix=prefix, legend="closed"))

    st.markdown("#### Action plan as read")
    warning = yot_only_warning(r)
    if warning:
        alert("warning", warning)
    if r.actions:
        # escaped HTML, not st.table: st.table renders cell text as Markdown
        st.html(action_table_html(r))


def demo_paths() -> list[Path]:
    try:
        return sorted(p for p in DEMO_DIR.glob("*.docx") if p.is_file())
    except OSError:
        return []


def one_draft_mode() -> None:
    st.title("Check one draft")
    st.caption(
        "Upload a draft learning review (.docx, .pdf, .txt or .md). It is checked on this "
        "computer against the 12 concerns; nothing is sent elsewhere, saved or logged."
    )
    demos = demo_paths()
    source = st.radio(
        "Draft to check",
        ["Upload a draft", "Use a demo draft"],
        horizontal=True,
        key="one_source",
        label_visibility="collapsed",
    )
    key = name = data = None
    if source == "Upload a draft":
        up = st.file_uploader(
            "Upload a draft learning review",
            type=ACCEPTED_TYPES,
            key=f"one_upload_{nonce()}",
            help="Word (.docx), PDF with a text layer, plain text or Markdown.",
        )
        if up is not None:
            key, name, data = f"upload:{up.file_id}", up.name, up.getvalue()
    elif not demos:
        st.info("No demo drafts are installed (sample_reports/demo/). Upload a draft instead.")
    else:
        pick = st.selectbox("Demo draft (fictional)", demos, format_func=lambda p: p.stem,
                            key="one_demo")
        if pick is not None:
            try:
                data = pick.read_bytes()
                key, name = f"demo:{pick.name}", pick.name
            except OSError:
                alert("error", "this demo draft could not be read", pick.name)

    if key is None:
        st.session_state.pop("one", None)  # the draft was removed: forget its result
        intro()
        return
    state = st.session_state.get("one")
    if state is None or state["key"] != key:
        checker = checker_or_stop()
        with st.spinner("Checking the draft…"):
            entry = check_upload(checker, Upload(name, data))
        state = st.session_state["one"] = {"key": key, "entry": entry}
    entry = state["entry"]
    if entry.error:
        alert("error", f"could not be checked: {entry.error}", entry.name)
        return
    show_draft(entry, "one")


def intro() -> None:
    with st.container(border=True):
        st.markdown(
            "**How it works.** The assistant reads the draft, finds the passages that address "
            "each concern, and judges each concern **✔ Met**, **◐ Partly met** or **✘ Missing**. "
            "You get the gaps first with what to add, the draft with the evidence highlighted, "
            "the action plan as read (owners and dates), and a Word copy with the findings as "
            "comments. It is a prompt for the quality-assurance reviewer, not a judgement."
        )
        items = concern_list()
        if items:
            st.markdown("**The 12 concerns:** " + " · ".join(md_text(t) for _, t in items))


# -- a sample ----------------------------------------------------------------------------
def _status_css(value) -> str:
    for s in STATUS_STYLE.values():
        if isinstance(value, str) and value.startswith(s.icon):
            return f"background-color:{s.bg};color:{s.fg}"
    return ""


def _pick_row() -> None:
    """Dataframe selection -> the 'open a draft' selectbox (runs before the script)."""
    event = st.session_state.get("sample_table")
    shown = st.session_state.get("sample_shown", [])
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if rows and rows[0] < len(shown):
        st.session_state["sample_open"] = shown[rows[0]]


def sample_mode() -> None:
    st.title("Check a sample of drafts")
    st.caption(
        "Upload several drafts or a .zip of drafts (for example a quarter's reviews). Each is "
        "checked on this computer; files that cannot be read are listed with the reason."
    )
    files = st.file_uploader(
        "Upload drafts or .zip archives",
        type=SAMPLE_TYPES,
        accept_multiple_files=True,
        key=f"sample_upload_{nonce()}",
    )
    if not files:
        st.session_state.pop("sample", None)
        intro()
        return
    key = tuple(f.file_id for f in files)
    state = st.session_state.get("sample")
    if state is None or state["key"] != key:
        checker = checker_or_stop()
        uploads = expand_uploads((f.name, f.getvalue()) for f in files)
        bar = st.progress(0.0, text=f"Checking {len(uploads)} file(s)…")

        def progress(i: int, n: int, name: str) -> None:  # no file name: the text is Markdown
            bar.progress(i / max(n, 1), text=f"Checked {i} of {n} file(s)…")

        entries = check_uploads(checker, uploads, progress)
        bar.empty()
        state = st.session_state["sample"] = {"key": key, "entries": entries}
        st.session_state.pop("sample_open", None)
    entries: list[Entry] = state["entries"]
    ok = [e for e in entries if e.ok]
    bad = [e for e in entries if not e.ok]

    m = st.columns(4)
    m[0].metric("Drafts checked", len(ok), border=True)
    m[1].metric("Could not be read", len(bad), border=True)
    m[2].metric("Average score", f"{sum(e.result.score for e in ok) / len(ok):.0f}/100"
                if ok else "—", border=True)
    m[3].metric("Actions only for the YOT", yot_only_count(ok), border=True)
    for e in bad[:MAX_ERRORS_SHOWN]:
        alert("error", e.error or "could not be read", e.name)
    if len(bad) > MAX_ERRORS_SHOWN:
        alert("error", f"…and {len(bad) - MAX_ERRORS_SHOWN} more file(s) could not be read "
              "(see the CSV export).")
    if not ok:
        return

    c1, c2 = st.columns(2)
    c1.download_button("Download table (CSV)", to_csv(records(entries)).encode("utf-8"),
                       file_name="qa_sample.csv", mime="text/csv", key="sample_csv",
                       on_click="ignore", width="stretch")
    c2.download_button("Download table (Excel)", to_xlsx(records(entries)),
                       file_name="qa_sample.xlsx", mime=XLSX_MIME, key="sample_xlsx",
                       on_click="ignore", width="stretch")

    titles = concern_titles(ok)
    st.markdown("#### One row per draft")
    f1, f2 = st.columns([3, 1])
    gap_in = f1.selectbox(
        "Only drafts with a gap in",
        [None, *titles],
        format_func=lambda cid: "(any concern)" if cid is None else titles[cid],
        key="sample_gap_filter",
    )
    flagged = f2.checkbox("Only drafts with flags", key="sample_flagged")
    shown = filter_entries(ok, gap_in, flagged)
    st.session_state["sample_shown"] = [e.name for e in shown]
    st.caption("Sort by clicking a column header. Select a row to open that draft below.")
    if shown:
        df = pd.DataFrame(sample_rows(shown))
        styled = df.style.map(_status_css, subset=list(titles.values()))
        st.dataframe(
            styled,
            hide_index=True,
            width="stretch",
            key="sample_table",
            on_select=_pick_row,
            selection_mode="single-row",
            column_config={
                DRAFT_COL: st.column_config.TextColumn(pinned=True),
                "Score": st.column_config.ProgressColumn(
                    min_value=0, max_value=100, format="%d"
                ),
            },
        )
    else:
        st.info("No draft matches these filters.")

    counts = concern_counts(ok)
    st.markdown("#### How many drafts meet each concern")
    _chart_beside_list(
        concern_chart(counts),
        34 * len(counts) + 70,
        "Bar chart of how many drafts met, partly met or missed each concern",
        "\n".join(f"- {md_text(c.sentence())}" for c in counts),
    )

    st.markdown("#### Who owns the actions")
    owners = owner_distribution(ok)
    if owners:
        _chart_beside_list(
            owner_chart(owners),
            34 * len(owners) + 50,
            "Bar chart of how many drafts have an action owned by each agency",
            "Drafts with at least one action owned by:\n"
            + "\n".join(f"- {md_text(k)}: {v} of {len(ok)}" for k, v in owners.items()),
        )

    st.divider()
    names = [e.name for e in ok]
    if st.session_state.get("sample_open") not in (None, *names):
        st.session_state.pop("sample_open")
    opened = st.selectbox(
        "Open a draft's full view",
        [None, *names],
        format_func=lambda n: "(choose a draft, or select a row in the table)" if n is None else n,
        key="sample_open",
    )
    if opened is not None:
        entry = next(e for e in ok if e.name == opened)
        show_draft(entry, "sample")


# -- page --------------------------------------------------------------------------------
def main() -> None:
    st.html(PAGE_CSS)
    with st.sidebar:
        st.markdown("### Learning review QA assistant")
        mode = st.radio("What do you want to check?", MODES, key="mode")
        st.caption(
            "Quality assurance of draft learning reviews after serious incidents, against the "
            "inspectorate's 12 concerns."
        )
        st.info(
            "Everything runs on this computer. Drafts are kept in memory for this session only: "
            "never saved, uploaded elsewhere or logged.",
            icon="🔒",
        )
        st.button("Clear all drafts from this session", on_click=clear_session,
                  key="clear_session")
        status_slot = st.empty()
    if mode == MODES[0]:
        one_draft_mode()
    else:
        sample_mode()
    warning = st.session_state.get("checker_warning")
    if warning:
        status_slot.warning(warning, icon="⚠️")


main()
