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

import json
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from qa_assistant.ingest.guards import max_bytes
from qa_assistant.qa.compare import CSS as COMPARE_CSS
from qa_assistant.qa.compare import compare as compare_results
from qa_assistant.qa.compare import render_docx as compare_docx
from qa_assistant.qa.compare import render_html as compare_html
from qa_assistant.qa.compare import render_html_fragment as compare_fragment
from qa_assistant.qa.compare import render_markdown as compare_markdown
from qa_assistant.qa.decisions import (
    DECISION_LABEL,
    DECISIONS,
    DecisionFile,
    DecisionFileError,
    Person,
    Reviewer,
    apply_decisions,
    draft_ref,
    extract_from_docx,
    load_decisions,
    make_decision,
    with_decision,
)
from qa_assistant.qa.record import render_record_docx, render_record_html
from qa_assistant.render.checklist_html import action_table_html, checklist_html, yot_only_warning
from qa_assistant.render.draft_html import CSS as DRAFT_CSS
from qa_assistant.render.draft_html import concern_numbers, draft_html, evidence_links_html
from qa_assistant.render.escape import html_text, md_text, safe_file_stem
from qa_assistant.render.formats import APP, DOCX_MIME, REPORT, SAMPLE, formats
from qa_assistant.render.review_html import (
    decisions_table_html,
    findings,
    flags_html,
    stale_html,
    summary_html,
)
from qa_assistant.result.status import STATUS_STYLE, status_style, status_text
from qa_assistant.ui.alerts import alert_html, heading_html
from qa_assistant.ui.charts import concern_chart, owner_chart
from qa_assistant.ui.exports import downloads
from qa_assistant.ui.sample import (
    DRAFT_COL,
    concern_counts,
    concern_titles,
    filter_entries,
    owner_distribution,
    sample_report,
    sample_rows,
    sample_table,
    yot_only_count,
)
from qa_assistant.ui.uploads import (
    ACCEPTED_TYPES,
    SAMPLE_TYPES,
    TYPES_NOTE,
    Entry,
    Upload,
    add_to_sample,
    check_upload,
    expand_uploads,
)

APP_DIR = Path(__file__).resolve().parent
DEMO_DIR = APP_DIR / "sample_reports" / "demo"
MODES = ("One draft", "A sample of drafts")
MAX_ERRORS_SHOWN = 25
PANE_HEIGHT = 560
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"]{padding-top:1.6rem;padding-left:2.5rem;
 padding-right:2.5rem}
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


def current_framework() -> str | None:
    """The framework chosen in the sidebar (None: the default)."""
    return st.session_state.get("framework") or None


@st.cache_resource(show_spinner="Loading the checker (first run only)…")
def get_checker(framework: str | None = None):
    """The shared checker of a framework, and a warning when it had to fall back to the rule
    packs only."""
    from qa_assistant.checker import Checker, default_checker

    try:
        return default_checker(framework), None
    except Exception as exc:  # noqa: BLE001 - damaged/untrusted model files: rules still work
        return Checker(use_models=False, framework=framework), (
            f"The trained models could not be loaded ({type(exc).__name__}), so results come "
            "from the rule packs only. Rebuild the models and restart the app."
        )


def checker_or_stop():
    try:
        checker, warning = get_checker(current_framework())
    except Exception as exc:  # noqa: BLE001 - the app must say why, not show a traceback
        st.error(
            f"The checker could not start ({type(exc).__name__}). Run `bash scripts/setup_env.sh` "
            "and restart the app."
        )
        st.stop()
    st.session_state["checker_warning"] = warning  # shown in the sidebar on every run
    return checker


def html_if(fragment: str) -> None:
    """st.html for a fragment that may be empty (st.html refuses an empty body)."""
    if fragment:
        st.html(fragment)


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


def framework_choices() -> list[tuple[str, str]]:
    """(name, title) of every framework, the default first."""
    from qa_assistant.checks.packs import cached_framework, framework_names

    out = []
    for name in framework_names():
        try:
            out.append((name, cached_framework(name).title))
        except Exception:  # noqa: BLE001 - a broken framework is left out of the list
            continue
    return out


def _framework_changed() -> None:
    """Results belong to a framework: a new choice checks the drafts again."""
    st.session_state.pop("checked", None)
    st.session_state.pop("sample_entries", None)


def framework_picker() -> None:
    choices = framework_choices()
    if len(choices) < 2:
        return
    titles = dict(choices)
    st.selectbox(
        "Review framework",
        [n for n, _ in choices],
        format_func=lambda n: titles.get(n, n),
        key="framework",
        on_change=_framework_changed,
        help="The kind of review the draft is: its checklist, flags and score. The tool "
        "suggests one from the draft's title but never changes your choice.",
    )


def framework_note(entry) -> None:
    """The framework the draft was checked against, and the one its title suggests."""
    result = entry.result if entry else None
    fw = (result.framework if result else None) or {}
    if fw.get("note"):
        alert("info", fw["note"], "Framework")
    if result is not None and result.ratings:
        r = result.ratings
        areas = "; ".join(f"{a['title']}: {a['rating']}" for a in r["areas"].values())
        alert("info", f"overall {r['overall']} ({areas}). {r.get('note', '')}", "Rating")


def concern_list() -> list[tuple[str, str]]:
    from qa_assistant.checks.packs import cached_framework

    try:
        return [(p.id, p.title) for p in cached_framework(current_framework()).concerns]
    except Exception:  # noqa: BLE001 - the intro is optional
        return []


# -- state kept across views -----------------------------------------------------------------
def keep(key: str) -> None:
    """Streamlit drops a widget's value when a run does not draw it (another view): restore it
    from a shadow copy before the widget is drawn again."""
    shadow = f"_keep_{key}"
    if key not in st.session_state and shadow in st.session_state:
        st.session_state[key] = st.session_state[shadow]


def remember(key: str) -> None:
    st.session_state[f"_keep_{key}"] = st.session_state.get(key)


def checked_cache() -> dict:
    """Every draft checked in this session, by content (sha256): never checked twice."""
    return st.session_state.setdefault("checked", {})


def estimate_seconds(size: int, name: str) -> float:
    """A rough time for checking a draft of this size (measured rates on this project's
    benchmark drafts); only used to move the progress bar."""
    rate = {".pdf": 25_000, ".docx": 60_000}.get(Path(name).suffix.lower(), 55_000)
    return 0.4 + size / rate


def check_with_progress(checker, upload: Upload) -> Entry:
    """Check one draft; a long one shows a progress bar with the estimated time left."""
    size = len(upload.data or b"")
    est = estimate_seconds(size, upload.source)
    if est < 1.5:
        with st.spinner("Checking the draft…"):
            return check_upload(checker, upload)
    bar = st.progress(0.0, text="Checking the draft…")
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(check_upload, checker, upload)
        while not job.done():
            spent = time.monotonic() - t0
            left = max(1, round(est - spent))
            bar.progress(
                min(0.97, spent / est),
                text=f"Checking the draft: about {left} s left (estimated from its size)",
            )
            wait_futures([job], timeout=0.3)
        entry = job.result()
    bar.empty()
    return entry


def checked_entry(checker_fn, name: str, data: bytes) -> tuple[str, Entry]:
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    cache = checked_cache()
    if sha not in cache or cache[sha].name != name:
        cache[sha] = check_with_progress(checker_fn(), Upload(name, data))
    history = st.session_state.setdefault("history", [])
    if not history or history[-1] != sha:
        if sha in history:
            history.remove(sha)
        history.append(sha)
    return sha, cache[sha]


# -- decisions (issue 11) --------------------------------------------------------------------
def reviewer_panel() -> None:
    with st.expander("Reviewer (for decisions and the QA record)", expanded=False):
        st.text_input("Your name", key="rv_name", max_chars=200)
        st.text_input("Your role", key="rv_role", max_chars=200,
                      placeholder="e.g. Head of Service")
        st.checkbox("I am independent of the management of this case", key="rv_independent")


def reviewer() -> Reviewer:
    return Reviewer(
        name=str(st.session_state.get("rv_name") or "")[:200],
        role=str(st.session_state.get("rv_role") or "")[:200],
        independent=bool(st.session_state.get("rv_independent")),
    )


def qa_file() -> DecisionFile:
    f = st.session_state.get("qa_file") or DecisionFile()
    return f.model_copy(update={"reviewer": reviewer()})


def _load_decision_upload(key: str) -> None:
    """on_change of the decision-file uploader: validate it, and only then use it."""
    up = st.session_state.get(key)
    if up is None:
        return
    try:
        f = load_decisions(up.getvalue(), up.name)
    except DecisionFileError as exc:
        st.session_state["dec_notice"] = ("error", f"not used: {exc}. Nothing was changed.",
                                          up.name)
        return
    _adopt(f, f"{len(f.decisions)} decision(s) loaded", up.name)


def _adopt(f: DecisionFile, message: str, name: str) -> None:
    st.session_state["qa_file"] = f
    r = f.reviewer
    if r.name or r.role:
        st.session_state["rv_name"], st.session_state["rv_role"] = r.name, r.role
        st.session_state["rv_independent"] = r.independent
    st.session_state["dec_notice"] = ("info", message, name)


def _record_decision(prefix: str, sha: str) -> None:
    entry = checked_cache().get(sha)
    if entry is None or entry.result is None:
        return
    fs = findings(entry.result)
    i = st.session_state.get(f"{prefix}_dec_finding")
    if i is None or not 0 <= i < len(fs):
        return
    f = fs[i]
    choice = st.session_state.get(f"{prefix}_dec_choice") or "accept"
    reason = str(st.session_state.get(f"{prefix}_dec_reason") or "")
    rv = reviewer()
    d = make_decision(entry.result, f.kind, f.id, choice, reason,
                      Person(name=rv.name, role=rv.role))
    file = qa_file()
    if not file.draft.sha256:
        file = file.model_copy(update={"draft": draft_ref(entry.name, entry.data)})
    try:
        st.session_state["qa_file"] = with_decision(file, d, f.kind, f.id)
        st.session_state["dec_notice"] = ("info", f"decision recorded: {DECISION_LABEL[choice]}",
                                          f.label)
    except DecisionFileError as exc:
        st.session_state["dec_notice"] = ("error", str(exc), None)
    st.session_state[f"{prefix}_dec_reason"] = ""


def _remove_decision(prefix: str, sha: str) -> None:
    entry = checked_cache().get(sha)
    if entry is None or entry.result is None:
        return
    fs = findings(entry.result)
    i = st.session_state.get(f"{prefix}_dec_finding")
    if i is not None and 0 <= i < len(fs):
        st.session_state["qa_file"] = with_decision(qa_file(), None, fs[i].kind, fs[i].id)


def version_label(file: DecisionFile, sha: str) -> str:
    for v in file.versions:
        if v.sha256 == sha:
            return v.label
    return f"v{len(file.versions) + 1}"


def decisions_tab(entry: Entry, sha: str, decided, prefix: str) -> None:
    r = entry.result
    file = decided.file
    if file.decisions and file.draft.sha256 and file.draft.sha256 != sha:
        applied = decided.decision_count()
        alert("info", f"{applied} decision(s) re-applied from another version of the draft "
              f"({file.draft.name}); {len(decided.stale)} no longer apply (listed below).")
    st.caption(
        "Accept a finding, dismiss it as a false alarm, or mark it not applicable, with a "
        "reason. The score, gaps and flags above are recomputed from your decisions; the tool's "
        "own view stays on every card. Nothing is stored on the server: download the decision "
        "file and bring it back with the next version (the Word copy carries it too)."
    )
    fs = findings(r)
    c1, c2 = st.columns([3, 2])
    with c1:
        i = st.selectbox("Finding", list(range(len(fs))), format_func=lambda k: fs[k].label,
                         key=f"{prefix}_dec_finding")
        current = file.get(fs[i].kind, fs[i].id) if i is not None else None
        st.radio("Decision", list(DECISIONS), format_func=DECISION_LABEL.get, horizontal=True,
                 key=f"{prefix}_dec_choice")
        st.text_input("Reason", key=f"{prefix}_dec_reason", max_chars=2000,
                      placeholder="Why: this is what the author and reviewer will read")
        b1, b2 = st.columns(2)
        b1.button("Record the decision", key=f"{prefix}_dec_save", type="primary",
                  on_click=_record_decision, args=(prefix, sha), width="stretch")
        b2.button("Remove this decision", key=f"{prefix}_dec_remove", disabled=current is None,
                  on_click=_remove_decision, args=(prefix, sha), width="stretch")
        notice = st.session_state.get("dec_notice")
        if notice:
            alert(notice[0], notice[1], notice[2])
    with c2:
        st.file_uploader(
            "Bring back a decision file",
            type=["json", "docx"],
            key=f"dec_upload_{nonce()}",
            on_change=_load_decision_upload,
            args=(f"dec_upload_{nonce()}",),
            help="The .json decision file downloaded earlier, or a Word copy made by this tool "
            "(it carries the decisions).",
        )
        st.caption("A file that is not a valid decision file is refused with the reason, "
                   "and nothing is changed.")
    st.html(decisions_table_html(decided))
    html_if(stale_html(decided))
    out = decided.to_file(entry.name, entry.data, version_label(file, sha))
    stem = safe_file_stem(Path(entry.filename).stem)
    st.download_button("Download the decision file (.json)", out.to_bytes(),
                       file_name=f"{stem} - QA decisions.json", mime="application/json",
                       key=f"{prefix}_dl_decisions", on_click="ignore")


def compare_tab(entry: Entry, sha: str, prefix: str) -> None:
    cache = checked_cache()
    history = [h for h in reversed(st.session_state.get("history", []))
               if h != sha and h in cache and cache[h].ok]
    st.caption("Compare this draft with an earlier version: gaps closed, remaining and new, "
               "status changes with the evidence that changed, actions and sections.")
    c1, c2 = st.columns([3, 2])
    with c2:
        up = st.file_uploader("Or upload the previous version", type=ACCEPTED_TYPES,
                              key=f"{prefix}_cmp_upload_{nonce()}")
        if up is not None:
            prev_sha, prev = checked_entry(checker_or_stop, up.name, up.getvalue())
            hist = st.session_state["history"]
            if sha in hist:  # the draft being looked at stays the latest
                hist.remove(sha)
                hist.append(sha)
            if prev.error:
                alert("error", f"could not be checked: {prev.error}", prev.name)
            elif prev_sha not in history:
                history.insert(0, prev_sha)
    with c1:
        if not history:
            st.info("Check the previous version of this draft in this session (upload it in "
                    "'One draft', or here) to compare.")
            return
        key = f"{prefix}_cmp_prev"
        if st.session_state.get(key) not in history:
            st.session_state[key] = history[0]
        prev_sha = st.selectbox("Previous version", history, key=key,
                                format_func=lambda h: cache[h].name)
    prev = cache[prev_sha]
    cmp = compare_results(prev.result, entry.result)
    st.html(f"<style>{COMPARE_CSS}</style>{compare_fragment(cmp)}")
    stem = safe_file_stem(Path(entry.filename).stem)
    cols = st.columns(4)
    for col, (label, data, ext, mime) in zip(cols, (
        ("Comparison (.docx)", lambda: compare_docx(cmp), "docx", DOCX_MIME),
        ("Comparison (.html)", lambda: compare_html(cmp).encode("utf-8"), "html", "text/html"),
        ("Comparison (.md)", lambda: compare_markdown(cmp).encode("utf-8"), "md",
         "text/markdown"),
        ("Comparison (.json)", lambda: (json.dumps(cmp.to_dict(), indent=2, ensure_ascii=False)
                                        + "\n").encode("utf-8"), "json", "application/json"),
    ), strict=True):
        col.download_button(label, data(), file_name=f"{stem} - comparison.{ext}", mime=mime,
                            key=f"{prefix}_dl_cmp_{ext}", on_click="ignore", width="stretch")


def downloads_tab(entry: Entry, sha: str, decided, prefix: str) -> None:
    include_met = st.checkbox(
        "Include “Met” comments in the Word copy", value=True, key=f"{prefix}_met_comments",
        help="Leave them out to give the author only the gaps to work on.",
    )
    file = decided.file
    label = version_label(file, sha)
    out = decided.to_file(entry.name, entry.data, label)
    show_downloads(entry, prefix, include_met, out if out.decisions else None)
    st.markdown("##### The QA record")
    st.caption("One page to file with the review: each concern with the tool's status and your "
               "decision, outstanding gaps, flags and how each was resolved, and your statement "
               "of independence (set your name and role under Reviewer in the sidebar).")
    final = apply_decisions(entry.result, out, same_draft=True)
    final.stale = decided.stale
    stem = safe_file_stem(Path(entry.filename).stem)
    c1, c2 = st.columns(2)
    c1.download_button("QA record (.docx)", render_record_docx(final, label),
                       file_name=f"{stem} - QA record.docx", mime=DOCX_MIME,
                       key=f"{prefix}_dl_record_docx", on_click="ignore", width="stretch",
                       type="primary")
    c2.download_button("QA record (.html, printable)",
                       render_record_html(final, label).encode("utf-8"),
                       file_name=f"{stem} - QA record.html", mime="text/html",
                       key=f"{prefix}_dl_record_html", on_click="ignore", width="stretch")


# -- one draft -------------------------------------------------------------------------
def show_downloads(entry: Entry, prefix: str, include_met: bool = True, decisions=None) -> None:
    items = downloads(entry, include_met, decisions)
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
                help=d.help or None,
            )


def concern_label(result, cid: str | None) -> str:
    if cid is None:
        return "All concerns"
    c = result.concerns[cid]
    return f"{concern_numbers(result)[cid]}. {c.title} ({status_text(c.status)})"


def show_draft(entry: Entry, prefix: str, sha: str | None = None) -> None:
    r = entry.result
    assert r is not None
    if sha is None:
        import hashlib

        sha = hashlib.sha256(entry.data or b"").hexdigest()
        checked_cache().setdefault(sha, entry)
    decided = apply_decisions(r, qa_file())
    st.html(heading_html(f"QA results: {entry.name}"))
    st.html(summary_html(r, decided))
    html_if(flags_html(r, decided, prefix))
    tabs = st.tabs(["Checklist and draft", "Reviewer decisions",
                    "Compare with the previous version", "Downloads and QA record"])
    with tabs[0]:
        checklist_and_draft(entry, decided, prefix)
    with tabs[1]:
        decisions_tab(entry, sha, decided, prefix)
    with tabs[2]:
        compare_tab(entry, sha, prefix)
    with tabs[3]:
        downloads_tab(entry, sha, decided, prefix)


def checklist_and_draft(entry: Entry, decided, prefix: str) -> None:
    r = entry.result
    left, right = st.columns([5, 7], gap="large")
    with left, st.container(height=PANE_HEIGHT, border=True, key=f"{prefix}_checklistbox"):
        st.html(checklist_html(r, decided=decided))
    with right:
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


def _kept_upload_removed() -> None:
    st.session_state.pop("one_kept", None)
    st.session_state.pop("one", None)


def one_draft_mode() -> None:
    st.html(heading_html("Check one draft", 1))
    st.caption(
        "Upload a draft learning review. It is checked on this computer against the 12 "
        "concerns; nothing is sent elsewhere, saved or logged."
    )
    demos = demo_paths()
    keep("one_source")
    source = st.radio(
        "Draft to check",
        ["Upload a draft", "Use a demo draft"],
        horizontal=True,
        key="one_source",
        label_visibility="collapsed",
    )
    remember("one_source")
    key = name = data = None
    if source == "Upload a draft":
        up = st.file_uploader(
            "Upload a draft learning review",
            type=ACCEPTED_TYPES,
            key=f"one_upload_{nonce()}",
            help="Word (.docx), PDF with a text layer, plain text or Markdown.",
        )
        st.caption(TYPES_NOTE.format(mb=max_bytes() // (1024 * 1024)))
        if up is not None:
            kept = {"name": up.name, "data": up.getvalue()}
            st.session_state["one_kept"] = kept
            st.session_state["_one_seen"] = up.file_id
        else:
            if st.session_state.get("_one_seen"):  # removed from the uploader by the user
                _kept_upload_removed()
            st.session_state["_one_seen"] = None
            kept = st.session_state.get("one_kept")
            if kept:
                c1, c2 = st.columns([4, 1])
                with c1:
                    alert("info", "kept from earlier in this session (drop a file above to "
                          "check another)", kept["name"])
                c2.button("Remove it", key="one_kept_remove", on_click=_kept_upload_removed)
        if kept:
            key, name, data = f"upload:{kept['name']}", kept["name"], kept["data"]
    else:
        st.session_state["_one_seen"] = None
        if not demos:
            st.info("No demo drafts are installed (sample_reports/demo/). Upload a draft.")
        else:
            keep("one_demo")
            pick = st.selectbox("Demo draft (fictional)", demos, format_func=lambda p: p.stem,
                                key="one_demo")
            remember("one_demo")
            if pick is not None:
                try:
                    data = pick.read_bytes()
                    key, name = f"demo:{pick.name}", pick.name
                except OSError:
                    alert("error", "this demo draft could not be read", pick.name)

    if key is None:
        st.session_state.pop("one", None)
        intro()
        return
    sha, entry = checked_entry(checker_or_stop, name, data)
    st.session_state["one"] = {"key": sha, "entry": entry}
    if entry.error:
        alert("error", f"could not be checked: {entry.error}", entry.name)
        return
    _embedded_decisions(entry)
    framework_note(entry)
    show_draft(entry, "one", sha)


def _embedded_decisions(entry: Entry) -> None:
    """A Word copy made by this tool carries the decisions: use them when none are loaded."""
    if qa_file().decisions or not entry.filename.lower().endswith(".docx"):
        return
    seen = st.session_state.setdefault("_embedded_seen", set())
    if entry.name in seen:
        return
    seen.add(entry.name)
    try:
        f = extract_from_docx(entry.data or b"")
    except DecisionFileError as exc:
        st.session_state["dec_notice"] = ("error", f"decisions inside it not used: {exc}",
                                          entry.name)
        return
    if f is not None and f.decisions:
        _adopt(f, f"{len(f.decisions)} decision(s) found inside this Word copy and loaded",
               entry.name)


def intro() -> None:
    with st.container(border=True):
        st.markdown(
            "**How it works.** The assistant reads the draft, finds the passages that address "
            "each concern, and judges each concern "
            f"**{status_text('met')}**, **{status_text('partial')}** or "
            f"**{status_text('missing')}**. "
            "You get the gaps first with what to add, the draft with the evidence highlighted, "
            "the action plan as read (owners and dates), and a Word copy with the findings as "
            "comments. As the reviewer you accept, dismiss or mark each finding not applicable, "
            "compare versions, and download a one-page QA record. It is a prompt for the "
            "quality-assurance reviewer, not a judgement."
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


def _clear_sample() -> None:
    for k in ("sample_entries", "sample_by_file", "sample_notices", "sample_open",
              "_keep_sample_open"):
        st.session_state.pop(k, None)


def sample_report_downloads(entries: list[Entry]) -> None:
    """Issue 12: the inspector's findings report of the sample, built in memory when clicked."""
    st.markdown("#### Sample report")
    st.caption("Findings in the inspectorate's style: the sample, \"x of N reviews\" per "
               "concern with the best and weakest examples, action plans, comparison by service "
               "and period, and the learning themes the reviews share, with quotes. Built on "
               "this computer when you click; it quotes the drafts, so handle it as you would "
               "them.")
    offered = formats(REPORT, APP)
    for col, fmt in zip(st.columns(len(offered)), offered, strict=True):
        col.download_button(fmt.label, partial(sample_report, entries, fmt.extension),
                            file_name=fmt.file_name(), mime=fmt.mime,
                            key=f"sample_report_{fmt.name}", on_click="ignore",
                            width="stretch")


def sample_mode() -> None:
    st.html(heading_html("Check a sample of drafts", 1))
    st.caption(
        "Upload several drafts or a .zip of drafts (for example a quarter's reviews). Each is "
        "checked on this computer; files that cannot be read are listed with the reason. The "
        "same file added twice is counted once."
    )
    files = st.file_uploader(
        "Upload drafts or .zip archives",
        type=SAMPLE_TYPES,
        accept_multiple_files=True,
        key=f"sample_upload_{nonce()}",
    ) or []
    st.caption(TYPES_NOTE.format(mb=max_bytes() // (1024 * 1024)) + " A .zip is opened "
               "here, in memory; a .zip inside a .zip is not.")
    entries_by_key: dict[str, Entry] = st.session_state.setdefault("sample_entries", {})
    by_file: dict[str, list[str]] = st.session_state.setdefault("sample_by_file", {})
    ids = [f.file_id for f in files]
    for fid in st.session_state.get("_sample_seen") or []:
        if fid not in ids:  # removed from the uploader by the user
            for k in by_file.pop(fid, []):
                entries_by_key.pop(k, None)
    st.session_state["_sample_seen"] = ids
    new = [f for f in files if f.file_id not in by_file]
    if new:
        checker = checker_or_stop()
        notices = []
        pending = [(f, expand_uploads([(f.name, f.getvalue())])) for f in new]
        total = sum(len(u) for _, u in pending)
        bar = st.progress(0.0, text=f"Checking {total} file(s)…")
        done = 0

        def check(upload: Upload) -> Entry:  # no file name in the text: it is Markdown
            nonlocal done
            entry = check_upload(checker, upload)
            done += 1
            bar.progress(done / max(total, 1), text=f"Checked {done} of {total} file(s)…")
            return entry

        for f, uploads in pending:
            added, note = add_to_sample(entries_by_key, uploads, check, f.name)
            done += len(uploads) - len(added)
            by_file[f.file_id] = added
            if note:
                notices.append((f.name, note))
        bar.empty()
        st.session_state["sample_notices"] = notices
        st.session_state.pop("sample_open", None)
        st.session_state.pop("_keep_sample_open", None)
    for name, note in st.session_state.get("sample_notices", []):
        alert("info", note, name)
    if not entries_by_key:
        intro()
        return
    if not files:
        c1, c2 = st.columns([4, 1])
        with c1:
            alert("info", f"{len(entries_by_key)} file(s) kept from earlier in this session; "
                  "files added above join them.")
        c2.button("Clear the sample", key="sample_clear", on_click=_clear_sample)
    entries: list[Entry] = list(entries_by_key.values())
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

    tables = formats(SAMPLE, APP)
    for col, fmt in zip(st.columns(len(tables)), tables, strict=True):
        col.download_button(fmt.label, partial(sample_table, entries, fmt.name),
                            file_name=fmt.file_name(), mime=fmt.mime, key=f"sample_{fmt.name}",
                            on_click="ignore", width="stretch")

    titles = concern_titles(ok)
    st.markdown("#### One row per draft")
    f1, f2 = st.columns([3, 1])
    keep("sample_gap_filter")
    keep("sample_flagged")
    gap_in = f1.selectbox(
        "Only drafts with a gap in",
        [None, *titles],
        format_func=lambda cid: "(any concern)" if cid is None else titles[cid],
        key="sample_gap_filter",
    )
    flagged = f2.checkbox("Only drafts with flags", key="sample_flagged")
    remember("sample_gap_filter")
    remember("sample_flagged")
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

    sample_report_downloads(entries)  # below the table and charts: their places are unchanged
    st.divider()
    names = [e.name for e in ok]
    keep("sample_open")
    if st.session_state.get("sample_open") not in (None, *names):
        st.session_state.pop("sample_open")
    opened = st.selectbox(
        "Open a draft's full view",
        [None, *names],
        format_func=lambda n: "(choose a draft, or select a row in the table)" if n is None else n,
        key="sample_open",
    )
    remember("sample_open")
    if opened is not None:
        entry = next(e for e in ok if e.name == opened)
        show_draft(entry, "sample")


# -- page --------------------------------------------------------------------------------
def main() -> None:
    st.html(PAGE_CSS)
    with st.sidebar:
        st.markdown("### Learning review QA assistant")
        mode = st.radio("What do you want to check?", MODES, key="mode")
        framework_picker()
        st.caption(
            "Quality assurance of draft learning reviews after serious incidents, against the "
            "inspectorate's 12 concerns."
        )
        st.info(
            "Everything runs on this computer. Drafts are kept in memory for this session only: "
            "never saved, uploaded elsewhere or logged.",
            icon="🔒",
        )
        reviewer_panel()
        st.button("Clear all drafts from this session", on_click=clear_session,
                  key="clear_session")
        status_slot = st.empty()
    if mode == MODES[0]:
        st.session_state["_sample_seen"] = []  # the sample's uploader is not drawn
        one_draft_mode()
    else:
        st.session_state["_one_seen"] = None  # the single draft's uploader is not drawn
        sample_mode()
    warning = st.session_state.get("checker_warning")
    if warning:
        status_slot.warning(warning, icon="⚠️")


main()
