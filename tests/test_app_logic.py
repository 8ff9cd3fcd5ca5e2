"""The app's pure logic (qa_assistant.ui) and the annotated-DOCX / HTML renderers.

Fixture drafts are fictional and built here with python-docx, in memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from html.parser import HTMLParser

import docx
import pytest

from qa_assistant.actions.extract import Action
from qa_assistant.checker import Checker
from qa_assistant.checks.packs import cached_rules
from qa_assistant.render.checklist_html import (
    action_rows,
    checklist_html,
    ordered_concerns,
    yot_only_warning,
)
from qa_assistant.render.docx_comments import annotated_docx
from qa_assistant.render.draft_html import draft_html, evidence_links, legend_html, sections
from qa_assistant.render.html import render_html
from qa_assistant.result.model import ConcernResult, DraftResult, Explanation
from qa_assistant.result.status import STATUS_ORDER, status_text
from qa_assistant.ui.exports import downloads
from qa_assistant.ui.sample import (
    concern_counts,
    error_rows,
    filter_entries,
    owner_distribution,
    records,
    sample_rows,
    yot_only_count,
)
from qa_assistant.ui.uploads import Entry, Upload, check_upload, check_uploads, expand_uploads

HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes"'

# A short fictional draft: some concerns addressed, several gaps, YOT-only actions.
DRAFT = [
    ("h1", "Critical Learning Review: Child J"),
    ("p", "Child: J. | Age: 15 | Order: Referral Order | Incident: serious assault (GBH s18)"),
    ("h2", "1. Background"),
    ("p", "J is a 15-year-old boy of mixed White and Black Caribbean heritage who lives with "
          "his mother."),
    ("p", "J witnessed domestic abuse between his parents until he was eight, and was "
          "permanently excluded from school in Year 9. Since the exclusion he spent his days "
          "with older peers and was exploited to carry drugs, which the review believes is "
          "central to understanding why he carried a knife on the day of the incident."),
    ("h2", "2. Voice of the child"),
    ("p", "J's views were not sought for this review. His mother said he felt let down by "
          "school."),
    ("h2", "3. Management oversight"),
    ("p", "The case was regularly supervised."),
    ("h2", "4. Risk assessment <and> planning"),
    ("p", "The AssetPlus was completed in March 2024 and rated his risk of serious harm as "
          "high. A risk management plan was in place with weekly contact."),
    ("h2", "5. Action plan"),
    ("table", [
        ["Action", "Owner", "By when"],
        ["Case managers to complete refresher training on exploitation screening.",
         "YOT case manager", "31 March 2025"],
        ["The YOT will liaise with the school about reintegration.", "YOT manager",
         "June 2025"],
    ]),
    ("h2", "6. Sign-off"),
    ("p", "Signed: Team Manager (J's case manager's line manager)."),
]


def build_docx(paras=DRAFT) -> bytes:
    """A .docx of (kind, content) items: h1/h2 headings, p paragraphs, table rows."""
    d = docx.Document()
    for kind, content in paras:
        if kind in ("h1", "h2"):
            d.add_heading(content, level=int(kind[1]))
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "table":
            t = d.add_table(rows=len(content), cols=len(content[0]))
            for i, row in enumerate(content):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def as_markdown(paras=DRAFT) -> str:
    out = []
    for kind, content in paras:
        if kind == "h1":
            out.append(f"# {content}")
        elif kind == "h2":
            out.append(f"## {content}")
        elif kind == "p":
            out.append(content)
        else:
            out.append("| " + " | ".join(content[0]) + " |")
            out.append("|" + "---|" * len(content[0]))
            out.extend("| " + " | ".join(r) + " |" for r in content[1:])
        out.append("")
    return "\n".join(out)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(use_models=False)  # rules only: deterministic whatever models are built


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return build_docx()


@pytest.fixture(scope="module")
def result(checker, docx_bytes) -> DraftResult:
    return checker.check_bytes(docx_bytes, "child_j.docx")


@pytest.fixture(scope="module")
def hostile_result(checker) -> DraftResult:
    paras = [*DRAFT[:4], ("p", f"The worker wrote {HOSTILE} in the case notes."), *DRAFT[4:]]
    return checker.check_bytes(build_docx(paras), "hostile.docx")


class _Marks(HTMLParser):
    """Collects the text inside <mark> elements, and every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.marked: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self.depth += 1
            self.marked.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.marked[-1] += data


def parse(html: str) -> _Marks:
    p = _Marks()
    p.feed(html)
    return p


# -- highlighting ------------------------------------------------------------------------
def test_highlight_escapes_draft_text(hostile_result):
    html = draft_html(hostile_result)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;and&gt;" in html  # a heading's text is escaped too
    tags = {t for t, _ in parse(html).tags}
    assert tags <= {"style", "div", "section", "mark", "sup", "span", "p", "ul", "li", "table",
                    "tr", "td", "th", "details", "summary", "em", "small", "strong"}
    report = render_html(hostile_result)
    assert "<script" not in report.lower() and "<img" not in report.lower()
    assert "default-src 'none'" in report  # no scripts or remote loads even if opened
    assert not re.search(r"""(src|href)=["']?https?:""", report)


def test_highlight_covers_every_evidence(result):
    assert any(c.evidence for c in result.concerns.values()), "fixture should give evidence"
    for cid, c in result.concerns.items():
        html = draft_html(result, cid)
        marks = parse(html)
        marked = " ".join(marks.marked)
        for link in evidence_links(result, cid):
            assert f'id="{link.anchor}"' in html
        for e in c.evidence:
            for piece in e.text.split(" | "):
                assert piece.strip() in marked, (cid, piece)
        # only this concern is highlighted
        for tag, attrs in marks.tags:
            if tag == "mark":
                assert attrs["data-concerns"] == cid


def test_highlight_labels_not_by_colour_alone(result):
    html = draft_html(result)
    marks = [a for t, a in parse(html).tags if t == "mark"]
    assert marks
    for a in marks:
        assert a["title"].startswith("Evidence for ")
        assert a["aria-label"] == a["title"]
        cids = a["data-concerns"].split()
        for cid in cids:
            assert result.concerns[cid].title in a["title"]
    assert 'class="qa-tag"' in html  # the visible numbered label after each passage
    legend = legend_html(result)
    for c in result.concerns.values():
        assert c.title.replace("'", "&#x27;") in legend
    assert "<details" in legend_html(result, collapsed=True)


def test_sections_and_gap_badges(result):
    secs = sections(result)
    titles = [s.title for s in secs]
    assert "2. Voice of the child" in titles and "5. Action plan" in titles
    html = draft_html(result)
    assert html.count("<section") == len(secs)
    voice = result.concerns["voice_of_child"]
    assert voice.is_gap
    # the voice section is marked as a gap section, with a badge naming the concern
    sec_html = html.split("2. Voice of the child", 1)[0].rsplit("<section", 1)[1]
    assert "qa-sec-gap" in sec_html
    assert 'data-concern="voice_of_child"' in html
    assert "Gaps in this section:" in html
    # a concern found nowhere is listed at the top
    for c in result.gaps:
        if not c.evidence and not c.explanation.sections:
            assert f'data-concern="{c.id}"' in html.split("<section", 1)[0]


def test_checklist_gaps_first_with_text_status(result):
    ordered = ordered_concerns(result)
    ranks = [STATUS_ORDER[c.status] for c in ordered]
    assert ranks == sorted(ranks)
    assert len(ordered) == len(result.concerns) == len(cached_rules().concerns)  # not pinned
    html = checklist_html(result)
    assert html.count('class="qa-card qa-gap"') == len(result.gaps)
    for c in result.concerns.values():
        assert f'data-concern="{c.id}"' in html
    assert "✘ Missing" in html or "◐ Partly met" in html
    assert "What to add:" in html


def test_action_rows_and_yot_only_warning(result):
    rows = action_rows(result)
    assert len(rows) == len(result.actions) >= 1
    assert set(rows[0]) == {"Action", "Owners", "Due", "Missing", "Only liaises with"}
    assert all("YOT" in r["Owners"] for r in rows)
    warning = yot_only_warning(result)
    assert warning and "owned by the YOT" in warning


# -- sample aggregation ------------------------------------------------------------------
CONCERNS = [("lived_experience", "Lived experience"), ("voice_of_child", "Voice of the child")]


def fake_result(name: str, statuses: dict[str, str], owners: list[list[str]]) -> DraftResult:
    concerns = {
        cid: ConcernResult(
            id=cid, title=title, status=statuses[cid], score=0.5, evidence=[],
            explanation=Explanation(statuses[cid], "", "", {}), advice="add it",
        )
        for cid, title in CONCERNS
    }
    actions = [
        Action(text="do a thing by June", owners=o, owner_text="", due=date(2025, 6, 30),
               timescale="", specific=True, owned=bool(o), dated=True)
        for o in owners
    ]
    flags = ["actions only addressed to the YOT"] if owners and all(
        set(o) <= {"yot"} for o in owners) else []
    return DraftResult(source=name, fmt="docx", concerns=concerns, actions=actions,
                       facts={"looked_after": False, "incident_type": "other"}, score=50,
                       flags=flags)


@pytest.fixture()
def thirty() -> list[Entry]:
    entries = []
    for i in range(30):
        statuses = {
            "lived_experience": "met" if i < 19 else ("partial" if i < 25 else "missing"),
            "voice_of_child": "met" if i % 3 == 0 else "missing",
        }
        if i < 10:
            owners = [["yot"]]
        elif i < 25:
            owners = [["yot"], ["childrens_social_care", "police"]]
        else:
            owners = []
        entries.append(Entry(f"d{i:02}.docx", b"", fake_result(f"d{i:02}.docx", statuses, owners)))
    entries.append(Entry("broken.docx", None, error="this .docx is damaged"))
    return entries


def test_concern_counts(thirty):
    counts = {c.concern: c for c in concern_counts(thirty)}
    le = counts["lived_experience"]
    assert (le.met, le.partial, le.missing, le.total) == (19, 6, 5, 30)
    assert le.sentence() == "19 of 30 reviews met Lived experience"
    assert counts["voice_of_child"].met == 10
    assert counts["voice_of_child"].missing == 20


def test_owner_distribution(thirty):
    dist = owner_distribution(thirty)
    assert dist == {"YOT": 25, "Children's social care": 15, "Police": 15, "No action plan": 5}
    assert yot_only_count(thirty) == 10


def test_sample_rows_errors_and_filters(thirty):
    rows = sample_rows(thirty)
    assert len(rows) == 30
    assert rows[0]["Lived experience"] == status_text("met") == "✔ Met"
    assert rows[29]["Lived experience"] == "✘ Missing"
    assert error_rows(thirty) == [{"File": "broken.docx", "Problem": "this .docx is damaged"}]
    assert len(filter_entries(thirty, gap_in="lived_experience")) == 11
    assert len(filter_entries(thirty, flagged_only=True)) == 10
    recs = records(thirty)
    assert len(recs) == 31 and recs[-1] == {"source": "broken.docx",
                                            "error": "this .docx is damaged"}


# -- uploads -----------------------------------------------------------------------------
def test_zip_uploads_in_memory_with_per_file_errors(checker, docx_bytes):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("q1/child_j.docx", docx_bytes)
        z.writestr("q1/child_k.md", as_markdown())
        z.writestr("q1/renamed.docx", b"this is not a word document")
        z.writestr("q1/notes.csv", "a,b\n")  # not a draft: skipped, as in a batch
        z.writestr("q1/slides.odp", b"not read")
        z.writestr("__MACOSX/q1/._child_j.docx", b"junk")
        z.writestr("q1/.DS_Store", b"junk")
    uploads = expand_uploads([
        ("sample.zip", buf.getvalue()),
        ("damaged.zip", b"PK\x03\x04 not really"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64),
    ])
    names = [u.source for u in uploads]
    assert names == [
        "sample.zip!q1/child_j.docx", "sample.zip!q1/child_k.md", "sample.zip!q1/renamed.docx",
        "sample.zip!q1/slides.odp", "damaged.zip", "old.doc",
    ]
    seen = []
    entries = check_uploads(checker, uploads, lambda i, n, name: seen.append((i, n)))
    assert seen[-1] == (6, 6)
    by = {e.name: e for e in entries}
    assert by["sample.zip!q1/child_j.docx"].ok
    assert by["sample.zip!q1/child_k.md"].ok
    assert by["sample.zip!q1/child_j.docx"].result.source == "sample.zip!q1/child_j.docx"
    assert "not a valid .docx" in by["sample.zip!q1/renamed.docx"].error
    assert by["sample.zip!q1/slides.odp"].error == (
        "unsupported file type '.odp': use .docx, .pdf, .txt or .md"
    )
    assert "damaged" in by["damaged.zip"].error
    assert "save the draft as .docx" in by["old.doc"].error
    assert check_upload(checker, Upload("empty.txt", b"")).error == "the file is empty (0 bytes)"


# -- annotated docx ----------------------------------------------------------------------
def _comments(data: bytes) -> list:
    return list(docx.Document(io.BytesIO(data)).comments)


def test_annotated_docx_keeps_the_document_and_adds_comments(result, docx_bytes):
    out = annotated_docx(result, docx_bytes, "child_j.docx")
    original = docx.Document(io.BytesIO(docx_bytes))
    annotated = docx.Document(io.BytesIO(out))
    assert [p.text for p in annotated.paragraphs] == [p.text for p in original.paragraphs]
    comments = list(annotated.comments)
    assert len(comments) >= 3
    assert all(c.author == "QA assistant" for c in comments)
    texts = [c.text for c in comments]
    summary = next(t for t in texts if t.startswith("QA summary"))
    for gap in result.gaps:
        assert gap.title in summary and gap.advice[:40] in summary
    voice = result.concerns["voice_of_child"]
    assert any(voice.title in t and status_text(voice.status) in t and voice.advice[:40] in t
               for t in texts if not t.startswith("QA summary"))
    # every comment is anchored in the body (range start, end and reference)
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode("utf-8")
    assert xml.count("<w:commentRangeStart") == len(comments)
    assert xml.count("<w:commentReference") == len(comments)
    # the comment on the voice paragraph is anchored on that paragraph
    voice_para = next(p for p in annotated.paragraphs if p.text.startswith("J's views"))
    assert "commentRangeStart" in voice_para._p.xml
    # table cells get comments too (the action plan rows carry evidence)
    cell_xml = "".join(c._tc.xml for t in annotated.tables for r in t.rows for c in r.cells)
    assert "commentRangeStart" in cell_xml or not any(
        e.section.startswith("5.") for c in result.concerns.values() for e in c.evidence
    )


@pytest.mark.parametrize("name", ["child_j.txt", "child_j.md"])
def test_text_draft_becomes_a_docx_with_comments(checker, name):
    data = as_markdown().encode("utf-8")
    r = checker.check_bytes(data, name)
    out = annotated_docx(r, data, name)
    d = docx.Document(io.BytesIO(out))
    comments = list(d.comments)
    assert len(comments) >= 2
    assert any(c.text.startswith("QA summary") for c in comments)
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == f"QA copy: {name}"
    assert "2. Voice of the child" in texts and "QA summary" in texts
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Background" in headings
    assert d.tables and d.tables[0].cell(1, 1).text == "YOT case manager"


def test_pdf_draft_becomes_a_docx_with_comments(checker):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for kind, content in DRAFT:
        if kind == "table":
            continue
        pdf.setFont("Helvetica-Bold" if kind != "p" else "Helvetica", 10)
        for line in re.findall(r".{1,95}(?:\s|$)", content):
            pdf.drawString(40, y, line.strip())
            y -= 14
        y -= 6
    pdf.save()
    data = buf.getvalue()
    r = checker.check_bytes(data, "child_j.pdf")
    comments = _comments(annotated_docx(r, data, "child_j.pdf"))
    assert len(comments) >= 2


def test_hostile_text_in_annotated_docx(hostile_result):
    out = annotated_docx(hostile_result, b"", "hostile.txt")  # rebuilt from the blocks
    d = docx.Document(io.BytesIO(out))
    assert any(HOSTILE in p.text for p in d.paragraphs)


def test_downloads_for_an_entry(result, docx_bytes):
    entry = Entry("child_j.docx", docx_bytes, result)
    items = downloads(entry)
    assert [d.kind for d in items] == ["docx", "markdown", "html", "json"]
    assert all(d.data for d in items)
    assert _comments(items[0].data)
    assert items[0].file_name.endswith(".docx")
    assert downloads(entry) is items  # built once per entry
    assert b'"voice_of_child"' in items[3].data


# -- accessibility -----------------------------------------------------------------------
def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_have_sufficient_contrast():
    from qa_assistant.render.draft_html import CONCERN_TINTS
    from qa_assistant.result.status import STATUS_STYLE

    for s in STATUS_STYLE.values():
        assert _contrast(s.fg, s.bg) >= 7.0, s  # status chips: WCAG AAA
        assert _contrast(s.fg, "#FFFFFF") >= 4.5, s  # status words on white
        assert s.icon and s.label  # never colour alone
    for tint, _edge in CONCERN_TINTS:
        assert _contrast("#111111", tint) >= 7.0, tint  # highlighted draft text
