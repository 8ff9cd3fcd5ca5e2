"""End to end in a real browser: start ``streamlit run app.py`` on a free loopback port, upload a
fixture draft with Playwright driving Debian's headless Chromium, check the checklist, a gap card
and a highlight appear, download the annotated .docx and check its comments, and save
docs/screenshot.png.

Without Chromium the test is skipped locally; with ``CI`` set it must run and fails instead.
Every wait is bounded; the whole test takes well under a minute.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import docx
import pytest
from test_app_logic import build_docx

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
]
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
START_TIMEOUT_S = 40
UI_TIMEOUT_MS = 45_000


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
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    url = f"http://127.0.0.1:{port}"
    # server output goes to an anonymous temporary file (read only to explain a failure)
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                "--server.address", "127.0.0.1",
                "--server.port", str(port),
                "--server.headless", "true",
                "--browser.gatherUsageStats", "false",
            ],
            cwd=ROOT,
            env=env,
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


def test_upload_check_download_and_screenshot(app_url):
    exe = chromium_path()
    require(exe is not None, "Chromium is not installed (run: bash scripts/install_browser.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require(False, "the playwright package is not installed (pip install -e '.[test]')")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1060},
                                    accept_downloads=True)
            page.set_default_timeout(UI_TIMEOUT_MS)
            page.goto(app_url, wait_until="domcontentloaded")
            uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
            uploader.wait_for(state="attached")
            uploader.set_input_files(
                {"name": "child_j.docx", "mimeType": DOCX_MIME, "buffer": build_docx()}
            )

            # the checklist, a gap card and a highlighted passage
            page.locator(".qa-card").first.wait_for(state="visible")
            assert page.locator(".qa-card").count() == 12
            gap = page.locator(".qa-card.qa-gap").first
            gap.wait_for(state="visible")
            assert "What to add" in gap.inner_text()
            mark = page.locator("mark.qa-mark").first
            mark.wait_for(state="visible")
            assert mark.get_attribute("title").startswith("Evidence for ")
            assert page.get_by_text("Gaps in this section:").first.is_visible()

            # the annotated Word copy downloads and carries comments
            button = page.get_by_role("button", name="Annotated Word (.docx)")
            with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
                button.click()
            download = info.value
            assert download.suggested_filename.endswith(".docx")
            data = Path(download.path()).read_bytes()
            comments = list(docx.Document(io.BytesIO(data)).comments)
            assert len(comments) >= 3
            assert any(c.text.startswith("QA summary") for c in comments)

            # the screenshot for the README: results, checklist and highlighted draft
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
            browser.close()
