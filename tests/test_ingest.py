"""The readers: .docx, .pdf, .txt/.md drafts become blocks with kinds, heading paths, table rows,
page numbers and offsets into the flat text. Every draft is fictional and built by the test."""

from __future__ import annotations

import io

import pytest
from fixtures import accepted, build, parse, read

from qa_assistant.errors import NoText, UnsupportedFormat
from qa_assistant.ingest import read_bytes

DRAFT = """
# Learning review: Child T
## Summary of the incident
T, aged 15, was arrested in March 2025 after a boy was stabbed outside a college.
**Voice of the child**
T told his case manager "I only carried it because I was scared".
= 3. Management oversight
The case was supervised {++monthly by the team manager++}{--by nobody--}, but the plan was \
not reviewed.
- T was permanently excluded in Year 9.
- T was reported missing four times in 2024.
1. Strategy meeting held in October 2024
2. Referral to CAMHS made in November 2024
## Action plan
| Action | Owner | Target date |
|---|---|---|
| Hold a placement stability meeting for T | Children's Social Care | 31/03/2025 |
| Actions for partners agreed at the learning review meeting | << | << |
| Brief all case managers on exploitation screening | YOT manager | 3rd March 2025 |
\\newpage
## Quality assurance
Signed off by the Head of Service on 1 April 2025.
"""

TITLE, SUMMARY = "Learning review: Child T", "Summary of the incident"


def assert_offsets(document) -> None:
    """Each block's text is exactly its slice of the flat text, in order, one per line."""
    assert document.blocks
    previous_end = -1
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text
        assert block.start > previous_end
        previous_end = block.end
    assert document.text == "\n".join(b.text for b in document.blocks)


def by_text(document, text: str):
    matches = [b for b in document.blocks if b.text == text]
    assert matches, f"no block {text!r} in {[b.text for b in document.blocks]}"
    return matches[0]


# -- .docx ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def docx_doc():
    return read(DRAFT, "docx")


def test_docx_heading_styles_give_levels_and_paths(docx_doc):
    title = by_text(docx_doc, TITLE)
    summary = by_text(docx_doc, SUMMARY)
    assert (title.kind, title.level, title.heading_path) == ("heading", 1, ())
    # the title names the whole draft: a heading, but no section's parent
    assert (summary.kind, summary.level, summary.heading_path) == ("heading", 2, ())
    para = by_text(docx_doc, "T, aged 15, was arrested in March 2025 after a boy was stabbed "
                   "outside a college.")
    assert para.kind == "paragraph"
    assert para.heading_path == (SUMMARY,)
    assert para.section == SUMMARY


def test_docx_bold_line_is_a_pseudo_heading(docx_doc):
    voice = by_text(docx_doc, "Voice of the child")
    assert voice.kind == "heading" and voice.level == 2
    quote = next(b for b in docx_doc.blocks if b.text.startswith("T told his case manager"))
    assert quote.section == "Voice of the child"
    assert quote.heading_path == ("Voice of the child",)


def test_docx_bold_sentence_is_not_a_heading():
    document = read("# Review\n**T was excluded from school in 2023.**\nMore text here.", "docx")
    assert by_text(document, "T was excluded from school in 2023.").kind == "paragraph"


def test_docx_numbered_pseudo_heading(docx_doc):
    heading = by_text(docx_doc, "3. Management oversight")
    assert heading.kind == "heading" and heading.level == 1
    after = next(b for b in docx_doc.blocks if b.text.startswith("The case was supervised"))
    assert after.section == "3. Management oversight"


def test_docx_list_items(docx_doc):
    items = [b for b in docx_doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "T was permanently excluded in Year 9.",
        "T was reported missing four times in 2024.",
        "Strategy meeting held in October 2024",
        "Referral to CAMHS made in November 2024",
    ]
    assert all(b.section == "3. Management oversight" for b in items)


def test_docx_numbered_action_item_is_not_a_heading():
    document = read("## Action plan\n1. Contact CAMHS by May 2025\n2. Review the plan", "docx")
    assert [b.kind for b in document.blocks] == ["heading", "list_item", "list_item"]


def test_docx_action_table_rows(docx_doc):
    rows = [b for b in docx_doc.blocks if b.kind == "table_row"]
    assert len(rows) == 4
    header = ("Action", "Owner", "Target date")
    assert all(r.table_header == header for r in rows)
    assert rows[0].cells == header
    assert rows[1].cells == (
        "Hold a placement stability meeting for T", "Children's Social Care", "31/03/2025"
    )
    assert rows[1].text == (
        "Hold a placement stability meeting for T | Children's Social Care | 31/03/2025"
    )
    assert [r.location.row for r in rows] == [0, 1, 2, 3]
    assert {r.location.table for r in rows} == {0}
    assert all(r.section == "Action plan" for r in rows)
    assert rows[1].location.describe() == "table 1, row 2"


def test_docx_horizontally_merged_cell(docx_doc):
    merged = next(b for b in docx_doc.blocks if b.text.startswith("Actions for partners"))
    text = "Actions for partners agreed at the learning review meeting"
    assert merged.kind == "table_row"
    assert merged.text == text  # one copy of the merged cell in the text
    assert merged.cells == (text,)
    assert merged.grid == (text, text, text)  # aligned with the header's three columns


def test_docx_merged_header_keeps_columns_aligned():
    spec = """
    ## Action plan
    | Action | << | Owner | Target date |
    | Hold a placement meeting for T and his carers | << | Children's Social Care | 31/03/2025 |
    | Refer T to CAMHS | urgent | CAMHS | 30/04/2025 |
    """
    rows = [b for b in read(spec, "docx").blocks if b.kind == "table_row"]
    assert rows[0].table_header == ("Action", "Action", "Owner", "Target date")
    assert rows[0].grid == rows[0].table_header
    assert rows[1].cells == (
        "Hold a placement meeting for T and his carers", "Children's Social Care", "31/03/2025"
    )
    assert rows[1].grid[2] == "Children's Social Care"  # still under "Owner"
    assert len(rows[2].grid) == 4


def test_docx_vertically_merged_cell_repeats_down_the_column():
    spec = """
    | Action | Owner | Target date |
    | Hold a placement stability meeting for T | Children's Social Care | 31/03/2025 |
    | Review T's care plan with his carers | ^^ | 30/04/2025 |
    """
    rows = [b for b in read(spec, "docx").blocks if b.kind == "table_row"]
    assert rows[2].cells == ("Review T's care plan with his carers", "Children's Social Care",
                             "30/04/2025")
    assert rows[2].grid == rows[2].cells


def test_docx_tracked_changes_keep_insertions_drop_deletions(docx_doc):
    block = next(b for b in docx_doc.blocks if b.text.startswith("The case was supervised"))
    assert "monthly by the team manager" in block.text
    assert "by nobody" not in docx_doc.text
    assert block.text == accepted(
        "The case was supervised {++monthly by the team manager++}{--by nobody--}, "
        "but the plan was not reviewed."
    )


def test_docx_tracked_deletion_of_a_whole_paragraph_leaves_no_block():
    document = read("# Review\n{--This paragraph was deleted.--}\nKept text.", "docx")
    assert [b.text for b in document.blocks] == ["Review", "Kept text."]


def test_docx_tracked_insertion_in_a_table_cell():
    spec = """
    | Action | Owner | Target date |
    | Refer T to CAMHS | {++CAMHS++}{--YOT--} | 30/04/2025 |
    """
    rows = [b for b in read(spec, "docx").blocks if b.kind == "table_row"]
    assert rows[1].cells == ("Refer T to CAMHS", "CAMHS", "30/04/2025")


def test_docx_locations_and_offsets(docx_doc):
    assert_offsets(docx_doc)
    assert docx_doc.fmt == "docx" and docx_doc.source == "draft.docx"
    paragraphs = [b.location.paragraph for b in docx_doc.blocks if b.kind != "table_row"]
    assert paragraphs == sorted(paragraphs) and None not in paragraphs
    assert by_text(docx_doc, TITLE).location.describe() == "paragraph 1"


# -- .pdf -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pdf_doc():
    return read(DRAFT, "pdf")


def test_pdf_headings_from_bold_and_larger_fonts(pdf_doc):
    headings = [b.text for b in pdf_doc.blocks if b.kind == "heading"]
    assert headings == [
        TITLE, SUMMARY, "Voice of the child", "3. Management oversight", "Action plan",
        "Quality assurance",
    ]
    para = next(b for b in pdf_doc.blocks if b.text.startswith("T, aged 15"))
    assert para.kind == "paragraph" and para.section == SUMMARY


def test_pdf_page_numbers(pdf_doc):
    assert pdf_doc.pages == 2
    signed = next(b for b in pdf_doc.blocks if b.text.startswith("Signed off"))
    assert signed.location.page == 2
    assert signed.section == "Quality assurance"
    first = [b for b in pdf_doc.blocks if b.location.page == 1]
    assert first and first[0].text == TITLE
    assert {b.location.page for b in pdf_doc.blocks} == {1, 2}
    assert signed.location.describe().startswith("page 2")


def test_pdf_table_rows(pdf_doc):
    rows = [b for b in pdf_doc.blocks if b.kind == "table_row"]
    assert [r.cells[0] for r in rows] == [
        "Action",
        "Hold a placement stability meeting for T",
        "Actions for partners agreed at the learning review meeting",
        "Brief all case managers on exploitation screening",
    ]
    assert rows[1].cells == (
        "Hold a placement stability meeting for T", "Children's Social Care", "31/03/2025"
    )
    assert all(r.table_header == ("Action", "Owner", "Target date") for r in rows)
    assert all(r.location.page == 1 and r.location.table == 0 for r in rows)
    # table words are not repeated as running text
    assert pdf_doc.text.count("Hold a placement stability meeting for T") == 1


def test_pdf_bullets_are_list_items(pdf_doc):
    items = [b.text for b in pdf_doc.blocks if b.kind == "list_item"]
    assert items == [
        "T was permanently excluded in Year 9.",
        "T was reported missing four times in 2024.",
        "Strategy meeting held in October 2024",
        "Referral to CAMHS made in November 2024",
    ]
    assert "(cid:" not in pdf_doc.text


def test_pdf_tracked_changes_as_accepted(pdf_doc):
    assert "monthly by the team manager" in pdf_doc.text
    assert "by nobody" not in pdf_doc.text


def test_pdf_paragraphs_over_two_pages_and_offsets():
    long = " ".join(
        f"Sentence {i} of the chronology records a home visit and what T said about school."
        for i in range(12)
    )
    spec = "# Chronology\n" + "\n".join(f"{long} Paragraph {n}." for n in range(9))
    document = read(spec, "pdf")
    assert document.pages and document.pages >= 2
    assert_offsets(document)
    paragraphs = [b for b in document.blocks if b.kind == "paragraph"]
    assert {b.location.page for b in paragraphs} <= set(range(1, document.pages + 1))
    # a paragraph broken by a page break is one paragraph, with every word kept
    assert len(paragraphs) == 9
    for n, block in enumerate(paragraphs):
        assert block.text.startswith("Sentence 0 of the chronology")
        assert block.text.endswith(f"Paragraph {n}.")
    assert all(b.section == "Chronology" for b in document.blocks if b.kind == "paragraph")


def test_pdf_table_split_over_pages_keeps_its_header():
    rows = "\n".join(
        f"| Action {i}: review the safety plan for T with his carers | Police | 3{i % 2}/03/2025 |"
        for i in range(40)
    )
    spec = "## Action plan\n| Action | Owner | Target date |\n" + rows
    document = read(spec, "pdf")
    assert document.pages and document.pages >= 2
    table = [b for b in document.blocks if b.kind == "table_row"]
    assert {b.location.page for b in table} == set(range(1, document.pages + 1))
    assert len(table) == 41
    assert all(b.table_header == ("Action", "Owner", "Target date") for b in table)
    assert {b.location.table for b in table} == {0}
    assert [b.location.row for b in table] == list(range(41))


def test_pdf_offsets(pdf_doc):
    assert_offsets(pdf_doc)
    assert pdf_doc.fmt == "pdf"


def test_pdf_without_text_layer_is_refused():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(100, 100, 200, 200, fill=1)  # a "scan": drawing only
    c.showPage()
    c.save()
    with pytest.raises(NoText, match="no text layer"):
        read_bytes(buf.getvalue(), "scan.pdf")


# -- .txt / .md -----------------------------------------------------------------------------
def test_markdown_structure_and_offsets():
    document = read(DRAFT, "md")
    assert_offsets(document)
    kinds = {b.text: b.kind for b in document.blocks}
    assert kinds[TITLE] == "heading" and kinds["Voice of the child"] == "heading"
    assert kinds["3. Management oversight"] == "heading"
    assert kinds["T was permanently excluded in Year 9."] == "list_item"
    assert kinds["Strategy meeting held in October 2024"] == "list_item"
    rows = [b for b in document.blocks if b.kind == "table_row"]
    assert rows[1].cells == (
        "Hold a placement stability meeting for T", "Children's Social Care", "31/03/2025"
    )
    assert rows[0].table_header == ("Action", "Owner", "Target date")
    assert by_text(document, SUMMARY).heading_path == ()
    assert "by nobody" not in document.text


def test_plain_text_headings_from_capitals_and_numbers():
    text = (
        "LEARNING REVIEW\n\nVOICE OF THE CHILD\n\nT said he was scared.\n\n"
        "3. Management oversight\n\nThe case was supervised monthly.\n"
    )
    document = read_bytes(text.encode(), "draft.txt")
    assert [b.kind for b in document.blocks] == [
        "heading", "heading", "paragraph", "heading", "paragraph"
    ]
    assert document.blocks[2].section == "VOICE OF THE CHILD"
    assert document.blocks[4].section == "3. Management oversight"
    assert [b.location.paragraph for b in document.blocks] == [0, 2, 4, 6, 8]


def test_text_lines_of_one_paragraph_are_joined():
    document = read_bytes(b"# Review\nfirst line of a paragraph\nsecond line\n\nnext", "d.txt")
    assert [b.text for b in document.blocks] == [
        "Review", "first line of a paragraph second line", "next"
    ]


def test_cp1252_text_is_decoded():
    text = (
        "# Review\nT\u2019s social worker said the placement cost \u00a3900 \u2013 "
        "a \u201cgood\u201d one."
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    document = read_bytes(data, "draft.txt")
    assert document.blocks[1].text == text.split("\n")[1]


def test_utf8_bom_is_dropped():
    data = "\ufeff# Voice of the child\nT said \u201cI was scared\u201d.".encode()
    assert data.startswith(b"\xef\xbb\xbf")
    document = read_bytes(data, "draft.md")
    assert not document.text.startswith("\ufeff")
    assert document.blocks[0].kind == "heading"
    assert document.blocks[0].text == "Voice of the child"


def test_utf16_text_is_decoded():
    document = read_bytes("# Review\nT was seen at home.".encode("utf-16"), "draft.txt")
    assert [b.text for b in document.blocks] == ["Review", "T was seen at home."]


# -- all formats ----------------------------------------------------------------------------
def test_same_draft_reads_alike_in_every_format():
    """Body text, list items, table rows and their sections agree across .docx, .pdf and .md."""

    def body(document):
        return [(b.kind, b.text, b.section) for b in document.blocks if b.kind != "heading"]

    docx_body = body(read(DRAFT, "docx"))
    assert docx_body == body(read(DRAFT, "md"))
    pdf_body = body(read(DRAFT, "pdf"))
    # PDF table cells for a merged row are blank, not repeated; the text is the same
    assert [t for _, t, _ in pdf_body] == [t for _, t, _ in docx_body]
    assert [s for _, _, s in pdf_body] == [s for _, _, s in docx_body]
    assert [k for k, _, _ in pdf_body] == [k for k, _, _ in docx_body]


def test_fixture_parser_round_trip():
    parts = parse(DRAFT)
    assert [p.kind for p in parts][:4] == ["heading", "heading", "paragraph", "bold"]
    assert parts[-1].kind == "paragraph" and parts[-3].kind == "pagebreak"
    assert build(DRAFT, "txt").decode().startswith("# Learning review: Child T\n")


@pytest.mark.parametrize(
    ("data", "name", "error", "words"),
    [
        (b"{\\rtf1 text}", "draft.rtf", UnsupportedFormat, "save the draft as .docx or PDF"),
        (b"plain words", "draft.docx", UnsupportedFormat, "not a Word document"),
        (b"", "draft.md", NoText, "empty"),
        (b"\n \n", "draft.txt", NoText, "no text"),
        (b"not a pdf at all", "draft.pdf", UnsupportedFormat, "not a valid PDF"),
    ],
)
def test_unreadable_inputs_raise_a_clear_draft_error(data, name, error, words):
    with pytest.raises(error, match=words):
        read_bytes(data, name)
