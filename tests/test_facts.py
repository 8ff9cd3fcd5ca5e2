"""Facts are about the subject child, at the time of the incident, with their evidence."""

from __future__ import annotations

import pytest
from fixtures import check

from qa_assistant.checks.facts import tick_answer

INTRO = "# Learning review: Reece\n\n## Summary\n"


def facts(body: str, fmt: str = "md") -> dict:
    return check(INTRO + body, fmt).facts


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Reece was charged with wounding under s20 of the Offences Against the Person Act", False),
        ("Reece has an Education, Health and Care Plan for speech and language needs.", False),
        ("The case manager's own care history meant she understood foster care well.", False),
        ("Reece was remanded and, as a result of the remand, is now a looked after child.", False),
        ("Reece was looked after between the ages of six and nine, then returned home.", False),
        ("Reece saw the older boys as the people who looked after him.", False),
        ("His younger sister is in foster care with a family in Elmfield.", False),
        ("Reece was accommodated under s20 in March 2025 and lived in a children's home.", True),
        ("Reece is a child looked after by Elmfield Council under a care order.", True),
        ("LOOKED AFTER AT TIME OF INCIDENT: No - living with father.", False),
        ("| Field | Answer |\n|---|---|\n| Looked after? | Yes ☒ No ☐ |\n", True),
        ("| Field | Answer |\n|---|---|\n| Looked after? | Yes ☐ No ☒ |\n", False),
        # the form's choices in its label are not the answer; the next cell is
        ("| Item | Detail |\n|---|---|\n| Looked After: Y/N | N (known to early help) |\n", False),
        ("| Item | Detail |\n|---|---|\n| Looked after (Y/N) | Y - s20 since May |\n", True),
        # a header grid: each column's header labels the cell under it
        ("| Case ref | Order | Looked After | Incident |\n|---|---|---|---|\n"
         "| R-19 | Referral Order | N | Reece was stabbed on 4 May. |\n", False),
        ("| Case ref | Order | Looked After | Incident |\n|---|---|---|---|\n"
         "| R-19 | Referral Order | Y | Reece was stabbed on 4 May. |\n", True),
    ],
)
def test_looked_after_is_about_the_child_at_the_time(body, expected):
    got = facts(body + "\n\nReece is 15.")
    assert got["looked_after"] is expected, got["evidence"]["looked_after"]
    assert got["evidence"]["looked_after"]["because"]


def test_tick_answer_reads_boxes_and_words():
    assert tick_answer("Yes ☒ No ☐") is True
    assert tick_answer("☐ Yes ☒ No") is False
    assert tick_answer("No - lives with mum") is False
    assert tick_answer("unknown") is None
    assert tick_answer("Y/N") is None  # the choices, left unanswered
    assert tick_answer("Yes / No") is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Reece was charged with attempted murder after stabbing a man.", "attempted_murder"),
        (
            "The man was arrested and charged with rape of a child; Reece was the victim.",
            "child_rape_victim",
        ),
        (
            "Reece stabbed a boy and has been charged with wounding with intent. His cousin was "
            "stabbed in 2019.",
            "gbh_wounding",
        ),
        (
            "Incident type: Attempted suicide\n\nHis father died in 2018 of a heart attack.",
            "attempted_suicide",
        ),
    ],
)
def test_incident_type_follows_the_childs_role_not_background(body, expected):
    got = facts(body + "\n\nThe review was completed in 2025.")
    assert got["incident_type"] == expected, got["evidence"]["incident_type"]


def test_subject_child_is_named_with_how_it_was_found():
    got = facts("Reece, 15, was arrested. Reece told us he was scared. Reece said he had no one.")
    assert got["child"]["name"] == "Reece"
    assert got["child"]["how"]
