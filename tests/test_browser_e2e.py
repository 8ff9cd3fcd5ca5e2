"""End to end in a real browser: ``streamlit run app.py`` on a free loopback port, driven by
Playwright with Debian's headless Chromium.

- The main path: upload a fixture draft, check the checklist, a gap card and a highlight
  appear, download the annotated .docx and check its comments, and save docs/screenshot.png.
- Nothing leaves 127.0.0.1: every request and websocket of a page load is to the app's own
  origin, and the favicon is a data: URI (a ":material/..." page icon is fetched online).
- Draft text and file names are untrusted (tests/test_untrusted_rendering.py builds them): a
  hostile draft with a hostile file name, uploaded in the single-draft view and in the sample
  view (also inside a zip, and opened from the sample table), makes **no request** to a local
  listener the payloads point at (or anywhere off the app), opens no dialog, leaves no
  ``img``/``script``/``iframe`` or link off the page in the DOM, and shows its text literally.
  The downloaded HTML report, opened in the browser, makes no request either.

Chromium resolves no host name but 127.0.0.1, so nothing can call out even if a test fails.
Without Chromium the tests are skipped locally; with ``CI`` set they must run and fail
instead. Every wait is bounded.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest
from test_app_logic import build_docx
from test_untrusted_rendering import hostile_draft_md, hostile_name, payloads

from qa_assistant.checks.packs import cached_rules

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # offline by construction: no name resolves (a request off 127.0.0.1 is still recorded)
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
START_TIMEOUT_S = 40
UI_TIMEOUT_MS = 45_000
N_CONCERNS = len(cached_rules().concerns)  # the checklist grows: never pinned at 12
SETTLE_MS = 1_500  # time given to any late request (an image, a font) before asserting none


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def require(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI (where the browser test must run)."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser test must run)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    port = free_port()
    # the project's .streamlit/config.toml decides usage statistics (off): not overridden here
    url = f"http://127.0.0.1:{port}"
    # server output goes to an anonymous temporary file (read only to explain a failure)
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                "--server.address", "127.0.0.1",
                "--server.port", str(port),
                "--server.headless", "true",
            ],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_healthy(proc, url, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def wait_until_healthy(proc: subprocess.Popen, url: str, log) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if proc.poll() is not None:
            log.seek(0)
            out = log.read().decode("utf-8", "replace")[-2000:]
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{out}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"streamlit did not answer on {url} within {START_TIMEOUT_S} s")
        time.sleep(0.25)


@pytest.fixture(scope="module")
def browser():
    exe = chromium_path()
    require(exe is not None, "Chromium is not installed (run: bash scripts/install_browser.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require(False, "the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            yield b
        finally:
            b.close()


class Listener:
    """A local HTTP listener (127.0.0.1 only) recording every request that reaches it: the
    hostile payloads point here, so a single hit means the draft made the browser call out."""

    def __init__(self) -> None:
        hits: list[str] = []
        self.hits = hits

        class Handler(BaseHTTPRequestHandler):
            def _hit(self) -> None:
                hits.append(f"{self.command} {self.path}")
                self.send_response(204)
                self.end_headers()

            do_GET = do_POST = do_HEAD = do_OPTIONS = _hit

            def log_message(self, *args) -> None:  # nothing on stderr
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def listener():
    srv = Listener()
    try:
        yield srv
    finally:
        srv.close()


@dataclass
class Watch:
    """Every request, websocket, dialog and popup of a page, for asserting none left."""

    origin: str
    requests: list[str] = field(default_factory=list)
    sockets: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    popups: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("websocket", lambda ws: self.sockets.append(ws.url))
        page.on("dialog", self._dialog)
        page.on("popup", lambda p: self.popups.append(p.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def outside(self) -> list[str]:
        ws = self.origin.replace("http://", "ws://", 1)
        return [u for u in self.requests
                if not (u.startswith(self.origin + "/") or u.startswith(("data:", "blob:")))] + [
            u for u in self.sockets if not u.startswith(ws + "/")
        ]


# Every URL-bearing attribute in the document, resolved against the page.
DOM_URLS_JS = """() => {
  const out = [];
  const attrs = ['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data',
                 'xlink:href', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v === null) continue;
      let resolved = v;
      try { resolved = new URL(v, document.baseURI).href; } catch (e) {}
      out.push([el.tagName.toLowerCase(), a, v, resolved]);
    }
  }
  return out;
}"""


def assert_dom_stays_home(page, origin: str) -> None:
    """No element in the page points off the app (or at javascript:)."""
    for tag, attr, raw, resolved in page.evaluate(DOM_URLS_JS):
        ok = resolved.startswith((origin + "/", "data:", "blob:", "about:")) or (
            page.url.startswith("file:") and resolved.startswith("file:")
        )
        assert ok and "javascript:" not in raw.lower(), (tag, attr, raw)
    for tag in ("script", "iframe", "object", "embed"):
        srcs = page.eval_on_selector_all(tag, "els => els.map(e => e.src || e.data || '')")
        assert all(not s or s.startswith(origin + "/") for s in srcs), (tag, srcs)


def wait_for_draft_view(page) -> None:
    """A draft's full view is drawn: cards, the highlighted draft and the action table (last)."""
    page.locator(".qa-card").first.wait_for(state="visible")
    page.locator(".qa-draft").first.wait_for(state="visible")
    page.locator("table.qa-actions").first.wait_for(state="visible")


def open_all_details(page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")


def body_text(page) -> str:
    return " ".join(page.locator("body").inner_text().split())


def assert_nothing_left(page, watch: Watch, listener: Listener) -> None:
    page.wait_for_timeout(SETTLE_MS)
    assert listener.hits == [], f"the draft made the browser call the listener: {listener.hits}"
    assert watch.outside() == [], watch.outside()
    assert watch.dialogs == [], watch.dialogs
    assert watch.popups == [], watch.popups
    assert_dom_stays_home(page, watch.origin)
    # no Streamlit colour directive or Markdown image/link was made from the draft
    assert page.locator(".stMarkdownColoredText").count() == 0
    assert page.locator("img[alt='beacon'], img[alt='n'], a[href^='javascript']").count() == 0


def new_page(browser, app_url: str):
    context = browser.new_context(viewport={"width": 1500, "height": 1060}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(UI_TIMEOUT_MS)
    watch = Watch(app_url)
    watch.attach(page)
    return context, page, watch


def test_upload_check_download_and_screenshot(app_url, browser):
    context, page, watch = new_page(browser, app_url)
    try:
        page.goto(app_url, wait_until="domcontentloaded")
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
        uploader.wait_for(state="attached")
        uploader.set_input_files(
            {"name": "child_j.docx", "mimeType": DOCX_MIME, "buffer": build_docx()}
        )

        # the checklist, a gap card and a highlighted passage
        page.locator(".qa-card").first.wait_for(state="visible")
        assert page.locator(".qa-card").count() == N_CONCERNS
        gap = page.locator(".qa-card.qa-gap").first
        gap.wait_for(state="visible")
        assert "What to add" in gap.inner_text()
        mark = page.locator("mark.qa-mark").first
        mark.wait_for(state="visible")
        assert mark.get_attribute("title").startswith("Evidence for ")
        assert page.get_by_text("Gaps in this section:").first.is_visible()
        assert page.locator("table.qa-actions tr").count() == 3  # header + two actions

        # the annotated Word copy downloads and carries comments
        open_tab(page, "Downloads and QA record")
        button = page.get_by_role("button", name="Annotated Word (.docx)")
        with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
            button.click()
        download = info.value
        assert download.suggested_filename == "child_j - QA comments.docx"
        data = Path(download.path()).read_bytes()
        comments = list(docx.Document(io.BytesIO(data)).comments)
        assert len(comments) >= 3
        assert any(c.text.startswith("QA summary") for c in comments)
        assert watch.outside() == []

        # the screenshot for the README: results, checklist and highlighted draft
        open_tab(page, "Checklist and draft")
        top = page.evaluate(
            """() => {
                const h = [...document.querySelectorAll('h3')]
                    .find(e => e.textContent.includes('QA results'));
                if (!h) return 0;
                h.scrollIntoView({block: 'start'});
                return Math.max(0, h.getBoundingClientRect().top - 14);
            }"""
        )
        page.wait_for_timeout(500)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        size = page.viewport_size
        page.screenshot(
            path=str(SCREENSHOT),
            type="png",
            clip={"x": 0, "y": top, "width": size["width"], "height": size["height"] - top},
        )
        assert SCREENSHOT.stat().st_size < 600_000
    finally:
        context.close()


def test_page_load_contacts_nothing_but_the_app(app_url, browser):
    """Issue 15: no icon font, CSS, image or statistics from outside 127.0.0.1 at page load."""
    context, page, watch = new_page(browser, app_url)
    try:
        page.goto(app_url, wait_until="load")
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.wait_for(
            state="attached"
        )
        page.get_by_text("How it works.").wait_for()
        # set_page_config's icon is applied: an emoji as a data: URI, not a fetched icon
        page.wait_for_function(
            """() => { const l = document.querySelector("link[rel='shortcut icon']");
                       return l && !l.href.endsWith('favicon.png'); }""",
            timeout=15_000,
        )
        icon = page.eval_on_selector("link[rel='shortcut icon']", "l => l.href")
        assert icon.startswith("data:image/svg+xml,"), icon
        # and the sample view (its own widgets) loads nothing from outside either
        page.get_by_text("A sample of drafts").click()
        page.get_by_text("Check a sample of drafts").wait_for()
        page.wait_for_timeout(SETTLE_MS)
        assert watch.requests and all(u.startswith(app_url + "/") for u in watch.requests), [
            u for u in watch.requests if not u.startswith(app_url + "/")
        ]
        assert watch.sockets and watch.outside() == []
        assert_dom_stays_home(page, app_url)
    finally:
        context.close()


def hostile_zip(base: str, good: bytes) -> bytes:
    """A zip whose member names are hostile (with "/": the folder part is a URL)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(f"q1/{payloads(base)['md_image']} :red[ALL MET].md", good)
        z.writestr(f"q1/{payloads(base)['md_link']} {payloads(base)['html_img']}.docx",
                   b"not a docx at all")
    return buf.getvalue()


def test_hostile_draft_single_view_shows_text_literally(app_url, browser, listener):
    listener.hits.clear()
    context, page, watch = new_page(browser, app_url)
    name = hostile_name(listener.url)
    p = payloads(listener.url)
    try:
        page.goto(app_url, wait_until="domcontentloaded")
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
        uploader.wait_for(state="attached")
        uploader.set_input_files({"name": name, "mimeType": "text/markdown",
                                  "buffer": hostile_draft_md(listener.url).encode("utf-8")})
        page.locator(".qa-card").first.wait_for(state="visible")
        assert page.locator(".qa-card").count() == N_CONCERNS

        # show one concern's evidence (the jump list quotes the draft)
        page.locator('[data-testid="stSelectbox"]').filter(
            has_text="Show the evidence for").locator("input").click()
        page.get_by_role("option", name=re.compile("Voice of the child")).click()
        page.locator("ol.qa-jump").wait_for(state="visible")
        wait_for_draft_view(page)
        open_all_details(page)

        text = body_text(page)
        assert f"QA results: {name}" in text
        for snippet in (p["md_image"], p["script"], p["html_img"], p["colour"], p["md_link"],
                        p["js_link"], p["katex"], p["iframe"]):
            assert snippet in text, snippet
        table = " ".join(page.locator("table.qa-actions").inner_text().split())
        assert f"Case managers to complete training {p['md_image']} {p['js_link']}" in table
        assert f"YOT manager {p['script']} {p['md_link']}" in text  # the draft's table
        assert_nothing_left(page, watch, listener)

        # downloads get safe names; the HTML report, opened in the browser, loads nothing
        open_tab(page, "Downloads and QA record")
        with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
            page.get_by_role("button", name="Report (.html)").click()
        download = info.value
        assert re.fullmatch(r"[\w\- .]+ - QA report\.html", download.suggested_filename)
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.html"
            download.save_as(report)
            viewer = context.new_page()
            seen = Watch("file://")
            seen.attach(viewer)
            viewer.goto(report.as_uri(), wait_until="load")
            viewer.wait_for_timeout(SETTLE_MS)
            shown = body_text(viewer)
            assert f"QA report: {name}" in shown and p["md_image"] in shown
            assert seen.dialogs == [] and listener.hits == []
            assert [u for u in seen.requests if not u.startswith("file://")] == []
            assert_dom_stays_home(viewer, "file://")
            viewer.close()

        # an unreadable draft with a hostile name: the error box shows it literally
        bad = hostile_name(listener.url, ext=".docx")
        uploader.set_input_files({"name": bad, "mimeType": DOCX_MIME, "buffer": b"garbage"})
        box = page.locator(".qa-alert-error").first
        box.wait_for(state="visible")
        assert f"{bad}: could not be checked" in " ".join(box.inner_text().split())
        assert_nothing_left(page, watch, listener)
    finally:
        context.close()


def test_hostile_drafts_in_the_sample_view_and_opened_from_the_table(app_url, browser, listener):
    listener.hits.clear()
    context, page, watch = new_page(browser, app_url)
    base = listener.url
    name = hostile_name(base)
    draft = hostile_draft_md(base).encode("utf-8")
    zip_name = f"{payloads(base)['colour']} archive.zip"
    try:
        page.goto(app_url, wait_until="domcontentloaded")
        page.get_by_text("A sample of drafts").click()
        uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
        page.get_by_text("Check a sample of drafts").wait_for()
        uploader.set_input_files([
            {"name": name, "mimeType": "text/markdown", "buffer": draft},
            {"name": zip_name, "mimeType": "application/zip",
             "buffer": hostile_zip(base, draft)},
        ])
        table = page.locator('[data-testid="stDataFrame"]').first
        table.wait_for(state="visible")
        box = page.locator(".qa-alert-error").first
        box.wait_for(state="visible")
        p = payloads(base)
        member = f"{zip_name}!q1/{p['md_link']} {p['html_img']}.docx"
        assert member in " ".join(box.inner_text().split())
        assert_nothing_left(page, watch, listener)

        # open the first row (the hostile file name) from the table's row selector
        page.wait_for_timeout(500)
        area = table.bounding_box()
        page.mouse.click(area["x"] + 16, area["y"] + 35 + 17)
        heading = page.locator("h3.qa-heading").first
        heading.wait_for(state="visible")
        assert " ".join(heading.inner_text().split()) == f"QA results: {name}"
        picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Open a draft")
        assert picker.locator("input").input_value() == name  # the selectbox: literal too
        wait_for_draft_view(page)
        open_all_details(page)
        text = body_text(page)
        for snippet in (p["md_image"], p["script"], p["html_img"], p["colour"]):
            assert snippet in text, snippet
        assert_nothing_left(page, watch, listener)
    finally:
        context.close()


# -- issue 11: the QA conversation in a real browser -----------------------------------------
DEMO = ROOT / "sample_reports" / "demo"
WORKFLOW_SHOT = ROOT / "docs" / "qa_workflow.png"


def upload_one(page, path: Path) -> None:
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    uploader.wait_for(state="attached")
    uploader.set_input_files({"name": path.name, "mimeType": DOCX_MIME,
                              "buffer": path.read_bytes()})


def open_tab(page, name: str) -> None:
    page.wait_for_timeout(400)  # a rerun's stale copy of the tabs is dropped
    page.get_by_role("tab", name=name).last.click()
    page.wait_for_timeout(300)


def pick(page, label: str, option: str) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.get_by_text(label, exact=True))
    box.locator("input").click()
    box.locator("input").fill(option.split(": ", 1)[-1][:20])
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()


def test_decide_compare_versions_and_download_the_record(app_url, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(UI_TIMEOUT_MS)
    watch = Watch(app_url)
    watch.attach(page)
    v1, v2 = DEMO / "mixed_review.docx", DEMO / "mixed_review_v2.docx"
    try:
        page.goto(app_url, wait_until="domcontentloaded")
        upload_one(page, v1)
        page.locator(".qa-summary").wait_for(state="visible")
        page.get_by_text("QA results: mixed_review.docx").last.wait_for()
        # 1280x800: the score, the flags and the first gaps are on the first screen
        for sel in (".qa-sum-score", ".qa-flag", ".qa-card.qa-gap"):
            box = page.locator(sel).first.bounding_box()
            assert box is not None and box["y"] < 800, (sel, box)
        flag = page.locator(".qa-flag").first
        assert "High" in flag.inner_text() and flag.locator("a").count() >= 1

        # decide on a finding
        open_tab(page, "Reviewer decisions")
        pick(page, "Finding", "Concern: Diversity and disproportionality")
        page.get_by_text("Dismissed (false alarm)").first.click()
        reason = page.get_by_label("Reason")
        reason.fill("Ellie's needs are covered in the separate diversity annex")
        reason.press("Enter")
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Record the decision").click()
        page.locator("table.qa-decisions").last.wait_for(state="visible")
        assert "separate diversity annex" in page.locator("table.qa-decisions").last.inner_text()
        with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
            page.get_by_role("button", name="Download the decision file (.json)").click()
        decisions = tmp_path / "decisions.json"
        info.value.save_as(decisions)
        saved = json.loads(decisions.read_text())
        assert saved["version"] == 1 and saved["decisions"][0]["id"] == "diversity"

        # switch views and come back: the draft, its result and the decision are intact
        page.get_by_text("A sample of drafts").click()
        page.get_by_text("Check a sample of drafts").last.wait_for()
        page.get_by_text("One draft", exact=True).click()
        page.get_by_text("QA results: mixed_review.docx").last.wait_for()
        page.wait_for_function(
            f"document.querySelectorAll('.qa-card').length === {N_CONCERNS}")
        open_tab(page, "Reviewer decisions")
        page.locator("table.qa-decisions").last.wait_for(state="visible")
        assert "separate diversity annex" in page.locator("table.qa-decisions").last.inner_text()

        # version 2, with the decision file brought back
        upload_one(page, v2)
        page.get_by_text("QA results: mixed_review_v2.docx").last.wait_for()
        open_tab(page, "Reviewer decisions")
        dec_input = page.locator('[data-testid="stFileUploader"]').filter(
            has_text="Bring back a decision file").locator("input[type=file]")
        dec_input.set_input_files(str(decisions))
        page.locator(".qa-alert-info").filter(has_text="decision(s) loaded").first.wait_for(
            state="attached")
        open_tab(page, "Reviewer decisions")
        page.get_by_text("1 decision(s) loaded").last.wait_for()
        page.get_by_text("re-applied from another version").last.wait_for()
        page.locator("table.qa-decisions").last.wait_for(state="visible")
        assert "separate diversity annex" in page.locator("table.qa-decisions").last.inner_text()

        # the comparison with the previous version
        open_tab(page, "Compare with the previous version")
        page.locator(".qa-cmp").last.wait_for(state="visible")
        text = " ".join(page.locator(".qa-cmp").last.inner_text().split())
        assert re.search(r"Gaps closed \([4-6]\)", text) and "New gaps (1)" in text
        assert "Review of progress (✘ Missing → ✔ Met)" in text
        assert "Learning, not blame" in text
        WORKFLOW_SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(WORKFLOW_SHOT), type="png")
        assert WORKFLOW_SHOT.stat().st_size < 600_000

        # the QA record
        open_tab(page, "Downloads and QA record")
        with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
            page.get_by_role("button", name="QA record (.docx)").click()
        record = docx.Document(info.value.path())
        cells = " ".join(c.text for t in record.tables for r in t.rows for c in r.cells)
        assert "Dismissed (false alarm)" in cells and "separate diversity annex" in cells
        assert "mixed_review_v2.docx" in cells
        assert watch.outside() == [] and watch.dialogs == []
    finally:
        context.close()
