"""Draft text and file names are untrusted: every report and view shows them literally.

A hostile draft (Markdown images and links, ``<script>``, ``<img onerror>``, ``javascript:``
URLs, Streamlit colour directives and icon codes, bare URLs, KaTeX) goes through
``check --format markdown``, the HTML report, the highlighted draft, the checklist, the action
table and the app (AppTest); each output is parsed by a real parser (markdown-it, html.parser)
and must contain no tag, link or image made from the draft, and the draft's text, as shown,
must be the text itself. The same builders feed the real-browser test (test_browser_e2e.py),
which points the URLs at a local listener.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from test_app_logic import DRAFT, as_markdown

from qa_assistant.checker import Checker
from qa_assistant.render.checklist_html import action_table_html, checklist_html
from qa_assistant.render.docx_comments import annotated_docx
from qa_assistant.render.draft_html import draft_html, evidence_links_html
from qa_assistant.render.escape import (
    WORD_JOINER,
    html_text,
    md_text,
    safe_file_stem,
    unescape_md,
)
from qa_assistant.render.html import CSP, render_html
from qa_assistant.render.markdown import render_markdown
from qa_assistant.ui.alerts import alert_html, heading_html

ROOT = Path(__file__).resolve().parent.parent
NOWHERE = "http://127.0.0.1:9"  # the discard port: never contacted by these tests


def payloads(base: str) -> dict[str, str]:
    """Hostile snippets, each pointing at ``base`` (a local listener in the browser test)."""
    return {
        "md_image": f"![beacon]({base}/md-image.png)",
        "md_link": f"[click me]({base}/md-link)",
        "js_link": "[js link](javascript:alert('js-link'))",
        "html_img": f'<img src="{base}/html-img.png" onerror="alert(\'img-onerror\')">',
        "script": "<script>alert('script')</script>",
        "js_anchor": "<a href=\"javascript:alert('anchor')\">anchor</a>",
        "colour": ":red[ALL MET] :green-background[Met] :material/check_circle: :smile:",
        "bare_url": f"see {base}/bare-url and www.example.org",
        "katex": "$\\href{" + base + "/katex}{x}$",
        "iframe": f'<iframe src="{base}/iframe"></iframe>',
    }


def hostile_line(base: str) -> str:
    return " ".join(payloads(base).values())


def hostile_draft_md(base: str = NOWHERE) -> str:
    """The demo draft as Markdown with hostile text in a heading, a paragraph, a piece of
    evidence (the child's voice) and the action-plan table."""
    p = payloads(base)
    paras = list(DRAFT)
    paras[5] = ("h2", f"2. Voice of the child {p['colour']} {p['md_image']}")
    paras[6] = ("p", f"J said he felt let down by school {p['md_image']} {p['script']} "
                     f"{p['html_img']} {p['colour']}.")
    paras.insert(4, ("p", f"The worker wrote {hostile_line(base)} in the case notes."))
    table = [list(r) for r in paras[-3][1]]
    table[1][0] = (f"Case managers to complete training {p['md_image']} {p['js_link']} "
                   f"{p['colour']} {p['html_img']}.")
    table[2][1] = f"YOT manager {p['script']} {p['md_link']}"
    paras[-3] = ("table", table)
    # the table cells are split on "|": keep the payloads free of it
    assert "|" not in hostile_line(base)
    return as_markdown(paras)


def hostile_name(base: str = NOWHERE, ext: str = ".md") -> str:
    """A file name with Markdown, HTML and a colour directive (no "/": a file name has none;
    ``http:host:port`` is still a URL a browser would fetch)."""
    host = base.split("//", 1)[-1]
    return (f":red[ALL MET] ![n](http:{host}?file-name) <img src=x onerror=alert('name')> "
            f"[n](javascript:alert('name')){ext}")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.fixture(scope="module")
def hostile(checker):
    result = checker.check_bytes(hostile_draft_md().encode("utf-8"), "hostile.md")
    result.source = hostile_name()
    return result


# -- parsing helpers ---------------------------------------------------------------------
class Collect(HTMLParser):
    """Every start tag with its attributes, and the text as a browser would show it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "style":
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def collect(html: str) -> Collect:
    c = Collect()
    c.feed(html)
    c.close()
    return c


def assert_inert_html(html: str) -> Collect:
    """No tag that loads or runs anything; links only to anchors on the same page."""
    c = collect(html)
    names = {t for t, _ in c.tags}
    assert not names & {"img", "script", "iframe", "object", "embed", "link", "source",
                        "video", "audio", "image", "form", "base", "svg", "math"}, names
    for tag, attrs in c.tags:
        for k, v in attrs.items():
            assert not k.startswith("on"), (tag, k)
            if k in ("href", "src", "action", "formaction", "xlink:href", "srcset", "style"):
                if k == "style":  # inline styles are ours: colours only, never a url()
                    assert "url(" not in (v or ""), (tag, v)
                    continue
                assert tag == "a" and k == "href" and (v or "").startswith("#"), (tag, k, v)
    return c


def shown(html: str) -> str:
    """The text a reader sees, without the highlight's numbered tags (``<sup>``)."""
    html = re.sub(r"<sup\b[^>]*>.*?</sup>", "", html, flags=re.S)
    return " ".join("".join(collect(html).text).split())


def squash(text: str) -> str:
    return " ".join(text.replace(WORD_JOINER, "").split())


# -- the helper ----------------------------------------------------------------------------
def test_html_text_escapes_markup_and_quotes():
    assert html_text('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert unescape(html_text(hostile_line(NOWHERE))) == hostile_line(NOWHERE)


def test_md_text_renders_literally_in_a_commonmark_renderer():
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    for value in [*payloads(NOWHERE).values(), hostile_line(NOWHERE), hostile_name(),
                  "1. a list? # heading * item > quote | pipe | ~~strike~~ __b__ `code` \\ &amp;",
                  "line one\nline two\r\n\tthree"]:
        out = md_text(value)
        assert "\n" not in out
        html = md.render(f"prefix {out}")
        c = assert_inert_html(html)
        assert {t for t, _ in c.tags} <= {"p"}, html
        assert squash("".join(c.text)) == squash("prefix " + value), html
        assert unescape_md(out) == re.sub(r"[\r\n\t]+", " ", value)
        # as a table cell too
        table = md.render(f"| a |\n|---|\n| {out} |\n")
        assert_inert_html(table)
        assert table.count("<td>") == 1


def test_md_text_breaks_bare_urls_and_short_codes():
    out = md_text(f"{NOWHERE}/x www.example.org a@b.org :material/home: :smile:")
    assert "://" not in out and "www." not in out and "@b" not in out  # no GFM autolink
    assert not re.search(r"(?<!\\):(material|smile)", out)  # every colon escaped


def test_safe_file_stem():
    stem = safe_file_stem(hostile_name(ext=""))
    assert re.fullmatch(r"[\w\- .]+", stem)
    assert "<" not in stem and "(" not in stem and "[" not in stem and ":" not in stem
    assert safe_file_stem("..") == "draft" and safe_file_stem("\u202eevil") == "_evil"


# -- reports and views ------------------------------------------------------------------
def test_markdown_report_shows_hostile_text_literally(hostile):
    report = render_markdown(hostile)
    html = MarkdownIt("commonmark").enable("table").render(report)
    c = assert_inert_html(html)
    text = squash("".join(c.text))
    assert f"QA report: {hostile_name()}" in text
    assert ":red[ALL MET]" in text and "<script>alert('script')</script>" in text
    assert f"![beacon]({NOWHERE}/md-image.png)" in text


def test_check_format_markdown_cli_shows_hostile_text_literally(tmp_path):
    draft = tmp_path / "hostile ![x](http:127.0.0.1:9) :red[ALL MET].md"
    draft.write_text(hostile_draft_md(), encoding="utf-8")
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "qa-assistant"), "check", str(draft),
         "--format", "markdown"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = proc.stdout
    for syntax in (r"!\[", r"<script", r"<img", r"\]\(", r":red\["):
        assert not re.search(r"(?<!\\)" + syntax, report), syntax  # only escaped
    html = MarkdownIt("commonmark").enable("table").render(report)
    c = assert_inert_html(html)
    text = squash("".join(c.text))
    assert "hostile ![x](http:127.0.0.1:9) :red[ALL MET].md" in text
    assert "<script>alert('script')</script>" in text
    assert f"![beacon]({NOWHERE}/md-image.png)" in text
    # the action table has its four columns on every row despite the draft's text
    rows = [r for r in report.splitlines() if r.startswith("| ") and "Case managers" in r]
    assert rows and all(len(re.findall(r"(?<!\\)\|", r)) == 5 for r in rows)


def test_html_report_has_a_no_network_csp_and_literal_text(hostile):
    report = render_html(hostile)
    head = report[: report.index("</head>")]
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in head
    assert CSP.startswith("default-src 'none'; img-src data:; style-src 'unsafe-inline'")
    # the CSP comes before anything that could load (the only earlier tags are metas)
    before = head[: head.index("Content-Security-Policy")]
    assert {t for t, _ in collect(before).tags} <= {"html", "head", "meta"}
    c = assert_inert_html(report)
    text = " ".join("".join(c.text).split())
    assert f"QA report: {hostile_name()}" in text
    for snippet in (":red[ALL MET]", "<script>alert('script')</script>",
                    f"![beacon]({NOWHERE}/md-image.png)", "[js link](javascript:alert('js-link'))",
                    f'<img src="{NOWHERE}/html-img.png" onerror="alert(\'img-onerror\')">'):
        assert snippet in text, snippet
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|javascript:|//)""", report)


def test_app_fragments_show_hostile_text_literally(hostile):
    name = hostile_name()
    fragments = [
        draft_html(hostile),
        checklist_html(hostile),
        action_table_html(hostile),
        alert_html("error", "could not be checked: " + name, name),
        alert_html("flag", hostile_line(NOWHERE)),
        heading_html(f"QA results: {name}"),
        *(evidence_links_html(hostile, cid) for cid in hostile.concerns),
    ]
    for fragment in fragments:
        assert_inert_html(fragment)
    assert "Case managers to complete training " + payloads(NOWHERE)["md_image"] in shown(
        action_table_html(hostile)
    )
    assert f"{name}: could not be checked: {name}" in shown(fragments[3])
    assert f"QA results: {name}" == shown(fragments[5])
    assert hostile_line(NOWHERE) in shown(draft_html(hostile))
    assert f"Voice of the child {payloads(NOWHERE)['colour']}" in shown(draft_html(hostile))


def test_no_material_icons_anywhere_in_the_app():
    """A ":material/..." page icon makes the browser fetch it from a public server; none of
    the app's icons are Material names (emoji only)."""
    sources = [ROOT / "app.py", *sorted((ROOT / "qa_assistant" / "ui").glob("*.py"))]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):  # every string in the code (docstrings may explain why)
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings):
                assert ":material" not in node.value, (path, node.lineno)
            if isinstance(node, ast.keyword) and node.arg in ("icon", "page_icon"):
                assert isinstance(node.value, ast.Constant), (path, node.lineno)
                assert not str(node.value.value).startswith(":"), (path, node.lineno)


def test_app_shows_hostile_upload_literally():
    """The whole app (AppTest): every st.html fragment is inert, every Markdown string is
    escaped, and nothing uses st.table (which renders cell text as Markdown)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    name = hostile_name()
    at.file_uploader(key="one_upload_0").set_value(
        (name, hostile_draft_md().encode("utf-8"), "text/markdown")
    )
    at.run()
    assert not at.exception
    at.selectbox(key="one_concern").set_value("actions_smart").run()
    assert not at.exception
    assert not at.table
    html = "\n".join(h.value for h in at.html)
    assert_inert_html(html)
    assert f"QA results: {name}" in shown(html)
    assert ":red[ALL MET]" in shown(html)
    markdown = [m.value for m in (*at.markdown, *at.caption, *at.warning, *at.error,
                                  *at.info, *at.subheader, *at.title)]
    for value in markdown:
        for snippet in ("![", "<img", "<script", ":red[", "](javascript"):
            assert snippet not in value, value

    # an unreadable draft with a hostile name: the error box shows the name literally
    at.file_uploader(key="one_upload_0").set_value(
        (hostile_name(ext=".docx"), b"not a docx", "application/octet-stream")
    )
    at.run()
    assert not at.exception and not at.error
    boxes = [h.value for h in at.html if "qa-alert-error" in h.value]
    assert len(boxes) == 1
    assert_inert_html(boxes[0])
    assert f"{hostile_name(ext='.docx')}: could not be checked" in shown(boxes[0])


def test_annotated_word_copy_is_literal_and_links_nothing(hostile):
    """Word shows text as text; the annotated copy must also carry no hyperlink, field or
    external relationship made from the draft (Word would offer to open it)."""
    data = annotated_docx(hostile, hostile_draft_md().encode("utf-8"), "hostile.md")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                xml = z.read(name).decode("utf-8", "replace")
                for bad in ("<w:hyperlink", "HYPERLINK", "<w:fldSimple", "<w:instrText",
                            'TargetMode="External"'):
                    assert bad not in xml, (name, bad)
    d = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in d.paragraphs)
    assert payloads(NOWHERE)["md_image"] in text and ":red[ALL MET]" in text
    assert any(c.text for c in d.comments)
