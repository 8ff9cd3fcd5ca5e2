"""The Streamlit app, headless, through ``streamlit.testing.v1.AppTest`` (no browser).

AppTest runs app.py in this process; ``file_uploader.set_value`` feeds bytes straight to the
widget (nothing touches disk).
"""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app_logic import as_markdown, build_docx

from qa_assistant.render.escape import unescape_md

APP = Path(__file__).resolve().parent.parent / "app.py"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TIMEOUT = 120  # the first run loads spaCy and the rule packs


def fresh_app() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def plain(markdown: str) -> str:
    """What Markdown text shows (without the escapes of ``render.escape.md_text``)."""
    return unescape_md(markdown)


def html_of(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def shown_text(fragment: str) -> str:
    """The text an HTML fragment shows (tags dropped, entities decoded)."""
    return unescape(re.sub(r"<style>.*?</style>|<[^>]+>", "", fragment, flags=re.S))


def alerts(at: AppTest, kind: str) -> list[str]:
    """The text of the app's message boxes of one kind (error, warning, flag), as shown."""
    return [shown_text(h.value) for h in at.html if f"qa-alert-{kind}" in h.value]


def headings(at: AppTest) -> list[str]:
    return [shown_text(h.value) for h in at.html if 'class="qa-heading"' in h.value]


@pytest.fixture(scope="module")
def draft() -> bytes:
    return build_docx()


def test_start_page_explains_and_offers_upload():
    at = fresh_app()
    assert at.sidebar.radio(key="mode").value == "One draft"
    assert at.file_uploader(key="one_upload_0").label == "Upload a draft learning review"
    assert any("How it works" in m.value for m in at.markdown)


def test_one_draft_results_and_concern_filter(draft):
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(("child_j.docx", draft, DOCX_MIME))
    at.run()
    assert not at.exception
    assert not at.error and not alerts(at, "error")
    html = html_of(at)
    summary = shown_text(next(h.value for h in at.html if 'class="qa-summary"' in h.value))
    assert re.search(r"Score\s*\d+/100", summary)
    assert re.search(r"Gaps to fix\s*\d+ of \d+", summary)
    assert 'class="qa-card qa-gap"' in html  # a gap card
    assert '<mark class="qa-mark' in html  # a highlight
    assert "Gaps in this section:" in html
    assert 'class="qa-flag qa-sev-high"' in html and "Flag: actions only addressed" in \
        shown_text(html)
    assert any("owned by the YOT" in a for a in alerts(at, "warning"))  # the YOT-only warning
    assert html.count('<table class="qa-actions"') == 1  # action plan, escaped HTML
    assert not at.table  # never st.table: it renders cell text as Markdown
    assert headings(at)[1:] == ["QA results: child_j.docx"]
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download the decision file (.json)", "Annotated Word (.docx)",
                      "Report (.md)", "Report (.html)", "Result (.json)", "QA record (.docx)",
                      "QA record (.html, printable)"]

    # choose one concern: only its evidence is highlighted, with jump links
    box = at.selectbox(key="one_concern")
    assert box.value is None
    box.set_value("voice_of_child").run()
    assert not at.exception
    html = html_of(at)
    assert 'href="#one-ev-voice_of_child-0"' in html
    assert 'id="one-ev-voice_of_child-0"' in html
    marks = [part.split('"', 1)[0] for part in html.split('data-concerns="')[1:]]
    assert marks and set(marks) == {"voice_of_child"}

    # removing the file forgets the result
    at.file_uploader(key="one_upload_0").clear()
    at.run()
    assert "one" not in at.session_state
    assert 'class="qa-summary"' not in html_of(at)


def test_unreadable_draft_is_an_error_message_not_a_crash():
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(("renamed.docx", b"not a docx", DOCX_MIME))
    at.run()
    assert not at.exception
    errors = alerts(at, "error")
    assert len(errors) == 1
    assert "renamed.docx: could not be checked" in errors[0]
    assert "not a valid .docx" in errors[0]


def test_text_draft_and_demo_choice():
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(
        ("child_j.md", as_markdown().encode("utf-8"), "text/markdown")
    )
    at.run()
    assert not at.exception and not at.error and not alerts(at, "error")
    assert "Annotated Word (.docx)" in [b.label for b in at.get("download_button")]
    at.radio(key="one_source").set_value("Use a demo draft").run()
    assert not at.exception
    # with demo drafts installed they are offered; without, the app says so
    assert at.info or at.selectbox(key="one_demo").options


def test_sample_table_counts_errors_and_open_a_draft(draft):
    at = fresh_app()
    at.sidebar.radio(key="mode").set_value("A sample of drafts").run()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("q1/child_j.docx", draft)
        z.writestr("q1/child_k.md", as_markdown())
        z.writestr("q1/renamed.docx", b"garbage")
    at.file_uploader(key="sample_upload_0").set_value(
        [("q1.zip", buf.getvalue(), "application/zip"),
         ("child_l.txt", (as_markdown() + "\nA different draft.\n").encode(), "text/plain")]
    )
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Drafts checked"] == "3"
    assert metrics["Could not be read"] == "1"
    errors = alerts(at, "error")
    assert len(errors) == 1 and "q1.zip!q1/renamed.docx: " in errors[0]
    df = at.dataframe[0].value
    assert list(df["Draft"]) == ["q1.zip!q1/child_j.docx", "q1.zip!q1/child_k.md", "child_l.txt"]
    assert "Voice of the child" in df.columns
    assert set(df["Voice of the child"]) <= {"✔ Met", "◐ Partly met", "✘ Missing"}
    text = "\n".join(plain(m.value) for m in at.markdown)
    assert "of 3 reviews met Voice of the child" in text
    assert "YOT: 3 of 3" in text
    labels = [b.label for b in at.get("download_button")]
    assert "Download table (CSV)" in labels and "Download table (Excel)" in labels

    # filter, then open one draft's full view
    at.selectbox(key="sample_gap_filter").set_value("voice_of_child").run()
    assert len(at.dataframe[0].value) <= 3
    at.selectbox(key="sample_open").set_value("q1.zip!q1/child_j.docx").run()
    assert not at.exception
    assert "QA results: q1.zip!q1/child_j.docx" in headings(at)
    assert 'class="qa-card qa-gap"' in html_of(at)
    at.selectbox(key="sample_concern").set_value("lived_experience").run()
    assert not at.exception
    assert 'href="#sample-ev-lived_experience-0"' in html_of(at)


def test_clear_session_forgets_everything(draft):
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(("child_j.docx", draft, DOCX_MIME))
    at.run()
    assert "one" in at.session_state
    at.button(key="clear_session").click().run()
    assert not at.exception
    assert "one" not in at.session_state
    assert at.session_state["upload_nonce"] == 1
    assert at.file_uploader(key="one_upload_1").value is None


def test_views_keep_work_and_duplicates_are_counted_once(draft):
    """Issue 11: switching views keeps the uploads and results; the same .zip twice adds no row."""
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(("child_j.docx", draft, DOCX_MIME))
    at.run()
    at.sidebar.radio(key="mode").set_value("A sample of drafts").run()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("q1/child_j.docx", draft)
        z.writestr("q1/child_k.md", as_markdown())
    zipped = buf.getvalue()
    at.file_uploader(key="sample_upload_0").set_value([("q1.zip", zipped, "application/zip")])
    at.run()
    assert len(at.dataframe[0].value) == 2
    at.file_uploader(key="sample_upload_0").set_value(
        [("q1.zip", zipped, "application/zip"), ("q1 copy.zip", zipped, "application/zip")]
    )
    at.run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 2  # the copy added nothing
    notes = [shown_text(h.value) for h in at.html if "qa-alert-info" in h.value]
    assert any("q1 copy.zip" in n and "already in the sample" in n for n in notes)

    # back to one draft: the upload and its result are still there; and back to the sample
    at.sidebar.radio(key="mode").set_value("One draft").run()
    assert not at.exception
    assert headings(at)[1:] == ["QA results: child_j.docx"]
    at.sidebar.radio(key="mode").set_value("A sample of drafts").run()
    assert len(at.dataframe[0].value) == 2


def test_decision_recorded_applied_and_a_hostile_decision_file_changes_nothing(draft):
    at = fresh_app()
    at.file_uploader(key="one_upload_0").set_value(("child_j.docx", draft, DOCX_MIME))
    at.run()
    at.selectbox(key="one_dec_finding").set_value(0).run()
    at.radio(key="one_dec_choice").set_value("dismiss").run()
    at.text_input(key="one_dec_reason").set_value("covered in the chronology").run()
    at.button(key="one_dec_save").click().run()
    assert not at.exception
    assert "Reviewer: Dismissed (false alarm)" in shown_text(html_of(at))
    before = at.session_state["qa_file"]
    assert len(before.decisions) == 1
    bad = b'{"format": "qa-assistant-decisions", "version": 1, "decisions": [{"kind": ' \
          b'"concern", "id": "<img src=x>", "decision": "accept", "tool_status": "met"}]}'
    at.file_uploader(key="dec_upload_0").set_value(("bad.json", bad, "application/json"))
    at.run()
    assert not at.exception
    errors = alerts(at, "error")
    assert any("unknown concern id" in e and "Nothing was changed" in e for e in errors)
    assert at.session_state["qa_file"] == before


def test_framework_selector_checks_against_the_chosen_framework():
    """The sidebar's framework selector (issue 10): the demo SFO review against clr carries a
    note suggesting sfo; chosen, the draft is checked again against sfo and rated."""
    at = fresh_app()
    picker = at.selectbox(key="framework")
    assert any("Serious Further Offence" in o for o in picker.options)
    assert any("safeguarding partnership" in o for o in picker.options)
    at.radio(key="one_source").set_value("Use a demo draft").run()
    demo = next(o for o in at.selectbox(key="one_demo").options if "sfo_review" in str(o))
    at.selectbox(key="one_demo").set_value(demo).run()
    assert not at.exception
    assert any("--framework sfo" in a for a in alerts(at, "info"))
    at.selectbox(key="framework").set_value("sfo").run()
    assert not at.exception and not alerts(at, "error")
    assert any("Victims and their families" in a for a in alerts(at, "info"))
    assert not any("--framework sfo" in a for a in alerts(at, "info"))
