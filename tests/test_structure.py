"""Structure as a person reads it: forms, templates, plain text, and what is not a review."""

from __future__ import annotations

from fixtures import check, rules_checker

from qa_assistant.checks.profile import BLANK_TEMPLATE, NOT_A_REVIEW
from qa_assistant.ingest import read_bytes

BLANK = """
# Youth Justice Service Learning Review

## Details
| Question | Response |
|---|---|
| Name of child | |
| Looked after? | Yes ☐ No ☐ |

## The child's lived experience
(Describe the child's lived experience, including any trauma, and how it links to the incident.)

## Voice of the child
What were the child's views? (If not obtained, explain why)

## Management oversight
(Consider whether management oversight was effective, e.g. supervision and countersigning.)

## Identify areas of concern and positive practice
[Insert here]

## Action plan
| Action | Owner | By when |
|---|---|---|
| | | |

## Sign off
| Role | Name | Signature | Date |
|---|---|---|---|
| Head of Service | | | |
"""


def test_blank_template_is_missing_throughout_and_credits_no_prompt():
    result = check(BLANK)
    assert result.warning == BLANK_TEMPLATE
    assert {c.status for c in result.concerns.values()} == {"missing"}
    assert not any(e for c in result.concerns.values() for e in c.evidence if not e.negated)
    assert result.actions == []


def test_a_shopping_list_gets_a_warning_not_a_score():
    text = "Shopping list\n\nMilk, eggs, bread and two onions. Also bin bags and dog food.\n"
    result = rules_checker().check_document(read_bytes(text.encode(), "list.txt"))
    assert result.warning == NOT_A_REVIEW
    assert result.to_dict()["summary"]["score"] is None


def test_form_rows_are_sections_with_the_question_as_heading():
    spec = """
    # Learning review form
    | Question | Response |
    |---|---|
    | What were the child's views? | Kai told us he felt nobody listened. He liked boxing. |
    | Management oversight | N/A |
    """
    doc = read_bytes(spec.replace("\n    ", "\n").encode(), "form.md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "What were the child's views?") in kinds
    assert ("heading", "Management oversight") in kinds
    assert all(b.kind != "table_row" for b in doc.blocks)


def test_plain_text_tables_and_headings():
    text = (
        "LEARNING REVIEW\n\nVoice of the child\n\nKai told us he was scared.\n\n"
        "ACTION PLAN\n\nAction\tOwner\tBy when\n"
        "Hold a strategy meeting for Kai\tChildren's Social Care\t31/03/2025\n"
        "Refer Kai to CAMHS\tYOT health worker\twithin 2 weeks\n"
    )
    doc = read_bytes(text.encode(), "draft.txt")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["LEARNING REVIEW", "Voice of the child", "ACTION PLAN"]
    rows = [b.cells for b in doc.blocks if b.kind == "table_row"]
    assert rows[1] == ("Hold a strategy meeting for Kai", "Children's Social Care", "31/03/2025")


def test_review_date_evidence_is_about_checking_progress_not_any_date():
    body = """
# Learning review: Child J
## Summary
J, aged 16, was arrested on 3 January 2025 and charged on 4 January 2025.
## Monitoring
Progress on the action plan will be reviewed at the YJ management board on 15 July 2025.
"""
    concern = check(body).concerns["review_date"]
    texts = [e.text for e in concern.evidence if not e.negated]
    assert texts and all("review" in t.lower() for t in texts)


def test_a_subtitle_naming_the_kind_of_review_is_part_of_the_title():
    """ "A systems review using the SCIE Learning Together approach" under the title names the
    whole draft: "Learning" in it does not make the front matter a lesson, and the numbered
    section after it is still a section."""
    text = (
        "# Cresswood Safeguarding Children Partnership\n\n"
        "# Local Child Safeguarding Practice Review: Ethan\n\n"
        "# A systems review using the SCIE Learning Together approach\n\n"
        "Lead reviewers: Dr Nadia Farrell and Owen Pritchard. Final report, 28 November 2025.\n\n"
        "# 1. Introduction and context\n\n"
        "Ethan was known to the YJS after a youth caution in the autumn of 2024.\n"
    )
    doc = read_bytes(text.encode(), "review.md")
    byline = next(b for b in doc.blocks if b.text.startswith("Lead reviewers"))
    assert byline.heading_path == ()
    intro = next(b for b in doc.blocks if b.text.startswith("Ethan was known"))
    assert intro.heading_path == ("1. Introduction and context",)
    assert check(text, "md").traceability["lessons"] == []


def test_a_numbered_title_in_sentence_case_on_its_own_line():
    """In plain text, "8. Summary of agency involvement and emerging learning" on a line of its
    own opens a section; numbered actions each on their own line stay items, and so does an
    assignment ("2. CAMHS to see Kai by May")."""
    text = (
        "Rapid review: Child N\n\n"
        "7. Views of the child and family\n\n"
        "N was not seen for this review.\n\n"
        "8. Summary of agency involvement and emerging learning\n\n"
        "Police intelligence about the flat was not shared across the force boundary.\n\n"
        "9. Actions agreed\n\n"
        "1. Police exploitation team to share intelligence monthly\n\n"
        "2. CAMHS to see N within four weeks of discharge\n"
    )
    doc = read_bytes(text.encode(), "review.txt")
    finding = next(b for b in doc.blocks if b.text.startswith("Police intelligence"))
    assert finding.heading_path[-1] == "8. Summary of agency involvement and emerging learning"
    heads = [b.text for b in doc.blocks if b.kind == "heading"]
    assert not any(h.startswith(("1. Police", "2. CAMHS")) for h in heads)
