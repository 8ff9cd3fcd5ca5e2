"""The action plan as read (owners, due dates, specificity, liaison) and the per-draft facts
(looked_after, incident_type, child_age). Drafts are short, fictional and built by the test."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fixtures import check, rules_checker

from qa_assistant.actions.dates import find_due, parse_date
from qa_assistant.ingest import read_path

TIMESCALES = [re.compile(p, re.I) for p in rules_checker().rules.actions["timescale_patterns"]]


def actions_of(spec: str, fmt: str = "md") -> list:
    return check(spec, fmt).actions


def checked(tmp_path, name: str, text: str):
    """The rules-only result for a draft the test writes as ``name`` (its suffix is the format)."""
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    return rules_checker().check_path(draft)


def by_start(actions: list, words: str):
    found = [a for a in actions if a.text.startswith(words)]
    assert found, f"no action starting {words!r} in {[a.text for a in actions]}"
    return found[0]


# -- owners ---------------------------------------------------------------------------------
PLAN_TABLE = """
# Learning review: Child M
## Action plan
| Action | Owner | Target date |
|---|---|---|
| Hold a placement stability meeting for M with his carers | Children's Social Care | 31/03/2025 |
| Share missing-episode reports with the YOT within two working days | Police | 3rd March 2025 |
| Offer M an ADHD medication review | CAMHS | end of Jan 25 |
| Brief all case managers on exploitation screening tools | YOT police officer | Q2 2025/26 |
| Audit the quality of supervision records for high-risk cases | Service manager | within 6 weeks |
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_owners_and_dates_from_table_columns(fmt):
    actions = actions_of(PLAN_TABLE, fmt)
    assert [(a.owners, a.due, a.timescale) for a in actions] == [
        (["childrens_social_care"], date(2025, 3, 31), "31/03/2025"),
        (["police"], date(2025, 3, 3), "3rd March 2025"),
        (["health"], date(2025, 1, 31), "Jan 25"),
        (["yot"], date(2025, 9, 30), "Q2 2025/26"),
        (["yot"], None, "within 6 weeks"),
    ]
    assert all(a.owned and a.dated and a.specific for a in actions)
    assert actions[0].owner_text == "Children's Social Care"
    assert actions[0].section == "Action plan"


def test_table_action_offsets_index_the_flat_text():
    result = check(PLAN_TABLE, "docx")
    for a in result.actions:
        assert result.text[a.start : a.end] == a.text


def test_owner_cell_merged_over_two_actions_owns_both():
    spec = """
    ## Action plan
    | Action | Owner | Target date |
    | Hold a placement stability meeting for M | Children's Social Care | 31/03/2025 |
    | Review M's care plan with his carers and the IRO | ^^ | 30/04/2025 |
    """
    actions = actions_of(spec, "docx")
    assert [a.owners for a in actions] == [["childrens_social_care"], ["childrens_social_care"]]


def test_other_column_names_are_understood():
    spec = """
    ## Recommendations
    | Recommendation | Lead agency | By when |
    | Review how school exclusions are shared with the YOT | Education | 30/06/2025 |
    | Agree a joint protocol for missing children | Safeguarding partnership | Q3 2025/26 |
    """
    actions = actions_of(spec)
    assert [(a.owners, a.due) for a in actions] == [
        (["education"], date(2025, 6, 30)),
        (["safeguarding_partnership"], date(2025, 12, 31)),
    ]


def test_owner_cell_naming_an_unknown_person_is_owned_but_not_an_agency():
    spec = """
    ## Action plan
    | Action | Owner | Target date |
    | Refer M to CAMHS for an assessment of his low mood | Sarah Lewis | 31/03/2025 |
    """
    (action,) = actions_of(spec)
    assert action.owned and action.owner_text == "Sarah Lewis"
    assert action.owners == []  # not "health", the agency the action is about


def test_owner_sentence_in_prose():
    spec = """
    # Learning review: Child M
    ## Analysis
    M was placed out of area in 2024 and his placement broke down twice. CSC to hold a placement \
meeting by March 2025. The police will review how missing-episode reports reach the YOT by \
30/06/2025. The review reflected on how information was shared.
    """
    actions = actions_of(spec)
    assert [(a.owners, a.due) for a in actions] == [
        (["childrens_social_care"], date(2025, 3, 31)),
        (["police"], date(2025, 6, 30)),
    ]
    assert actions[0].text == "CSC to hold a placement meeting by March 2025."
    assert actions[0].section == "Analysis"


def test_prose_without_owner_or_date_is_not_an_action():
    spec = """
    ## Analysis
    Children's social care should reflect on how strategy meetings are convened. The school \
could have shared the exclusion sooner.
    """
    assert actions_of(spec) == []


@pytest.mark.parametrize(
    "present",
    [
        "Present: AB (YOT Operational Manager, chair); JB (Children's Social Care); PK (Police); "
        "SM (CAMHS)",
        "Present: AB (YOT Operational Manager), JB (Children's Social Care), PK (Police), "
        "SM (CAMHS)",
    ],
)
def test_minutes_owner_initials_resolved_from_the_present_list(present):
    spec = f"""
    # Risk management panel minutes
    {present}
    ## Discussion
    M's missing episodes and the knife found in his room were discussed.
    ## Actions
    AP1: JB to arrange a placement stability meeting for M by 14/03/2025.
    AP2: PK to share intelligence about M's associates with the YOT within 2 weeks.
    AP3: SM to offer M a CAMHS assessment by 30/04/2025.
    AP4: AB to review the risk management plan by 31/03/2025.
    """
    actions = actions_of(spec)
    assert [(a.text.split()[0], a.owners) for a in actions] == [
        ("JB", ["childrens_social_care"]),
        ("PK", ["police"]),
        ("SM", ["health"]),
        ("AB", ["yot"]),
    ]
    assert actions[0].text == "JB to arrange a placement stability meeting for M by 14/03/2025."
    assert actions[1].due is None and actions[1].timescale == "within 2 weeks" and actions[1].dated


def test_action_lines_anywhere_in_minutes():
    spec = """
    Present: JB (Children's Social Care); RT (Virtual School)
    Action 1 - RT to arrange an education, health and care plan review for M by 30/04/2025.
    """
    (action,) = actions_of(spec)
    assert action.owners == ["education"]
    assert action.text.startswith("RT to arrange")


@pytest.mark.parametrize(
    ("owner", "agency"),
    [
        ("YOT police officer", "yot"),
        ("Seconded police officer", "yot"),
        ("YOS health worker", "yot"),
        ("Police officer", "police"),
        ("Independent reviewing officer", "childrens_social_care"),
        ("Virtual school head", "education"),
        ("Probation practitioner", "probation"),
        ("Housing officer", "housing"),
        ("Community safety partnership", "local_authority"),
    ],
)
def test_owner_roles_map_to_agencies(owner, agency):
    spec = f"""
    ## Action plan
    - {owner} to complete the agreed review of M's plan by 31/03/2025.
    """
    (action,) = actions_of(spec)
    assert action.owners == [agency]


def test_yot_liaising_with_police_is_a_yot_action():
    spec = """
    ## Action plan
    - YOT manager to liaise with police about sharing intelligence on exploitation by 30/04/2025.
    - Case manager to write to the head of children's social care and the school by 31/05/2025.
    """
    first, second = actions_of(spec)
    assert first.owners == ["yot"] and first.liaise_with == ["police"]
    assert second.owners == ["yot"]
    assert second.liaise_with == ["childrens_social_care", "education"]


def test_partner_owned_action_has_no_liaison():
    spec = """
    ## Action plan
    - Police to liaise with the YOT about missing-episode reports by 30/04/2025.
    """
    (action,) = actions_of(spec)
    assert action.owners == ["police"] and action.liaise_with == []


def test_joint_owners():
    spec = """
    ## Action plan
    - CSC and police to agree a joint exploitation protocol by 30/09/2025.
    """
    (action,) = actions_of(spec)
    assert action.owners == ["childrens_social_care", "police"]


def test_vague_unowned_undated_action():
    spec = """
    ## Action plan
    - Improve communication.
    - Hold a multi-agency strategy meeting for M and update his safety plan.
    """
    vague, plain = actions_of(spec)
    assert (vague.specific, vague.owned, vague.dated) == (False, False, False)
    assert vague.to_dict()["owners"] == [] and vague.to_dict()["due"] is None
    assert (plain.specific, plain.owned, plain.dated) == (True, False, False)


@pytest.mark.parametrize("due", ["Ongoing", "TBC", "To be agreed", "N/A"])
def test_placeholder_due_dates_are_not_dates(due):
    spec = f"""
    ## Action plan
    | Action | Owner | Target date |
    | Share missing-episode reports with the YOT | Police | {due} |
    """
    (action,) = actions_of(spec)
    assert action.owners == ["police"]
    assert not action.dated and action.due is None


def test_placeholder_owner_is_not_an_owner():
    spec = """
    ## Action plan
    | Action | Owner | Target date |
    | Share missing-episode reports with the YOT | TBC | 31/03/2025 |
    """
    (action,) = actions_of(spec)
    assert not action.owned and action.owners == []


def test_header_row_and_blank_rows_are_not_actions():
    spec = """
    ## Action plan
    | Action | Owner | Target date |
    | | | |
    | N/A | | |
    | Share missing-episode reports with the YOT | Police | 31/03/2025 |
    """
    assert [a.owners for a in actions_of(spec, "docx")] == [["police"]]


def test_action_dict_contract():
    (action,) = actions_of("## Action plan\n- Police to share reports by 31/03/2025.\n")
    d = action.to_dict()
    assert {"text", "owners", "due", "specific"} <= set(d)
    assert d["due"] == "2025-03-31" and d["owners"] == ["police"]


# -- dates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "when", "words"),
    [
        ("31/03/2025", date(2025, 3, 31), "31/03/2025"),
        ("by 31.3.25", date(2025, 3, 31), "31.3.25"),
        ("2025-03-31", date(2025, 3, 31), "2025-03-31"),
        ("by 3rd March 2025", date(2025, 3, 3), "3rd March 2025"),
        ("on the 1st of April 2025", date(2025, 4, 1), "1st of April 2025"),
        ("March 14, 2025", date(2025, 3, 14), "March 14, 2025"),
        ("by March 2025", date(2025, 3, 31), "March 2025"),
        ("end of Jan 25", date(2025, 1, 31), "Jan 25"),
        ("end of Feb 2024", date(2024, 2, 29), "Feb 2024"),
        ("Q2 2025/26", date(2025, 9, 30), "Q2 2025/26"),
        ("Q4 2024/25", date(2025, 3, 31), "Q4 2024/25"),
        ("Q1 2025", date(2025, 3, 31), "Q1 2025"),
    ],
)
def test_calendar_dates(text, when, words):
    assert parse_date(text, 2025) == (when, words)
    due = find_due(text, TIMESCALES, 2025)
    assert (due.when, due.timescale, due.dated) == (when, words, True)


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        (
            "His mother made three housing applications during 2018, the first on May 31.",
            2018,
            None,
        ),
        ("The panel meets again on September 28.", 2025, None),
        ("end of Jan 25", None, None),  # no review year to read it against: no year invented
        ("end of Jan 25", 2019, None),
    ],
)
def test_no_year_is_invented(text, near, expected):
    assert parse_date(text, near) == expected
    due = find_due(text, TIMESCALES, near)
    assert due.when is None


def test_no_action_from_background_chronology_or_contents():
    spec = """
    # Learning review: Kai

    ## Contents
    5. Findings and Recommendations ........ 23

    ## Background
    His mother made three housing applications during 2018, the first on May 31.
    Housing to review the tenancy by 31/03/2019 was the plan at the time.

    ## Chronology
    | Date | Event | Action taken |
    |---|---|---|
    | 03/05/2024 | Missing episode | Police to search the area |

    ## Analysis
    The school should have shared the exclusion with the YOT by 31/01/2024.
    """
    assert actions_of(spec) == []


def test_recommendations_as_reviews_write_them():
    spec = """
    # Learning review: Kai

    ## Findings and recommendations
    Finding 1: Information about the exclusion did not reach the YOT.

    Recommendation 2: The ICB should review CAMHS waiting times for children open to the YOT.

    For the LSCP to seek assurance that schools notify the YOT of exclusions within 5 days.

    All agencies should consider contextual safeguarding in assessments.
    """
    acts = actions_of(spec)
    assert [a.owners for a in acts] == [["health"], ["safeguarding_partnership"], []]
    assert all(not a.text.startswith("Finding") for a in acts)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("within 6 weeks", "within 6 weeks"),
        ("within three months of the review", "within three months"),
        ("by the end of next month", "by the end of next month"),
        ("immediately", "immediately"),
        ("at the next panel", "next panel"),
    ],
)
def test_relative_timescales_are_dated_without_a_date(text, words):
    due = find_due(text, TIMESCALES)
    assert due.when is None and due.dated and due.timescale == words


@pytest.mark.parametrize("text", ["31/02/2025", "ongoing", "as soon as possible", "", "section 18"])
def test_no_date(text):
    due = find_due(text, TIMESCALES)
    assert due.when is None and not due.dated


def test_first_date_wins():
    assert parse_date("review 30/06/2025, final report 31/12/2025")[0] == date(2025, 6, 30)


# -- facts ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "looked_after"),
    [
        ("M lives at home with his mother and is not looked after.", False),
        ("M is not looked after.", False),
        ("M has never been looked after.", False),
        ("M was not in care at the time of the incident.", False),
        ("M lives with his father.", False),
        ("M is a child we care for and lives in a foster placement.", True),
        ("M has been CLA since 2022.", True),
        ("M was s20 accommodated in October 2024.", True),
        ("M has been accommodated under section 20 since October 2024.", True),
        ("M is subject to an interim care order and lives in a children's home.", True),
        ("M was a looked after child at the time of the incident.", True),
        ("M was previously looked after but returned home to his mother in 2022.", False),
        ("M is a care leaver living in supported accommodation.", False),
        # a law's year is not a date: the present tense says he is looked after now
        ("M is looked after by Oxley Dale Council under s20 Children Act 1989.", True),
        ("M is looked after under a care order made in 2019 and lives at Ferndale House.", True),
        # children in general, or care status as a word, are nobody in particular
        (
            "The sharing system flags only children subject to a child protection plan or looked "
            "after, so M's involvement was not visible.",
            False,
        ),
        (
            "The policy lists a new offence or a change in care status as the triggers for review.",
            False,
        ),
    ],
)
def test_looked_after(sentence, looked_after):
    dated = f"# Learning review\nReview completed: 2 March 2025\n## Background\n{sentence}\n"
    result = check(dated)
    assert result.facts["looked_after"] is looked_after


def test_looked_after_from_a_form_field():
    result = check("# Initial review\n**Child looked after: Yes**\nM was seen at home.\n")
    assert result.facts["looked_after"] is True


@pytest.mark.parametrize(
    ("summary", "incident"),
    [
        (
            "M was charged with the murder of an 18-year-old man who died after being stabbed.",
            "murder_manslaughter",
        ),
        (
            "M was charged with attempted murder after a man was stabbed in the neck.",
            "attempted_murder",
        ),
        ("M was arrested for rape of a 14-year-old girl.", "rape"),
        (
            "M was charged with wounding with intent (section 18 GBH) after a fight in the park.",
            "gbh_wounding",
        ),
        (
            "M was arrested under the Terrorism Act for collecting information useful to a "
            "terrorist.",
            "terrorism",
        ),
        ("M died in hospital after a fatal overdose.", "child_death"),
        (
            "M attempted suicide by ligature in her bedroom and was found by her carer.",
            "attempted_suicide",
        ),
        ("M disclosed that she was raped by an older male at a party.", "child_rape_victim"),
        (
            "M was stabbed and is in a critical condition in intensive care.",
            "life_threatening_injury",
        ),
        (
            "M sustained an acquired brain injury and permanent impairment when hit by a car.",
            "serious_impairment",
        ),
        ("M was arrested for shoplifting.", "other"),
        # others named right before the charge are its subject: the child was the victim
        (
            "M was stabbed in the leg. Police are treating it as a s18 and two older males (19 "
            "and 21) have been charged.",
            "life_threatening_injury",
        ),
        # another person's death in a review of the child's offence is the one he is accused of
        (
            "M was arrested following the death of a 19 year old male outside a takeaway.",
            "murder_manslaughter",
        ),
        ("M's right leg was amputated below the knee after the crash.", "serious_impairment"),
    ],
)
def test_incident_type(summary, incident):
    result = check(f"# Learning review\n## Summary of the incident\n{summary}\n")
    assert result.facts["incident_type"] == incident


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("M, aged 15, was arrested.", 15),
        ("M is a 16-year-old boy.", 16),
        ("Age: 17", 17),
        ("M is 14 years old.", 14),
        ("M, aged 16, assaulted a 45-year-old man.", 16),
        ("M was born in 2008.", None),
        ("The victim, 23, was stabbed.", None),
        ("A 17-year-old boy was stabbed by Kyle, aged 15, outside a shop.", 15),
        ("Kyle (15) stabbed a 17-year-old boy.", 15),
        ("Serious incident review - Oskar, 14 - stabbing on 22/06/2024", 14),
        ("On Tuesday, 15 October 2024 a 17-year-old was robbed; Zain is 14.", 14),
        ("Liam came into care aged 11. Liam is 16 and lives with his aunt.", 16),
        ("| Field | Detail |\n| Young person | Chloe M. |\n| Age | 14 |", 14),
    ],
)
def test_child_age(text, age):
    assert check(f"# Learning review\n## Summary\n{text}\n").facts["child_age"] == age


def test_recommendations_section_found_by_what_it_says_not_its_heading():
    spec = """
    # Learning review: Reece

    ## What we are asking partners to do
    1. Ravensholt Police should revise the exploitation procedure so that debts are assessed.
    2. Housing. By 30 June 2025 the Head of Housing Options, Westhallow Council, will amend the \
allocation procedure.
    3. The Virtual School will offer a place review within 10 days of any exclusion.
    """
    owners = [a.owners for a in actions_of(spec)]
    assert owners == [["police"], ["housing"], ["education"]]


def test_owner_column_named_as_a_question():
    spec = """
    ## What will we do differently?
    | What will we do? | Who will do it? | By when? |
    |---|---|---|
    | Review Maya's contact plan | Castlegate Children's Social Care, PSW | 30 November 2024 |
    """
    (act,) = actions_of(spec)
    assert act.owners == ["childrens_social_care"] and act.due == date(2024, 11, 30)


# -- owners as reviews write them (issue 8) ------------------------------------------------------
OWNER_TABLE = "Action plan\n\n| Action | Owner | By |\n|---|---|---|\n"
OWNER_CASES = [
    # an officer seconded to the YOT is the YOT's, whichever agency employs them
    (OWNER_TABLE
     + "| Update the communication passport | YOS SALT (seconded to YOS from Brackwell Community "
     "Health) | 30/06/2025 |\n", [["yot"]]),
    # the agent of a passive owns the action
    ("Action plan\n\nTraining needs in relation to extremism will be considered by the YOT "
     "manager by 30 June 2025.\n", [["yot"]]),
    # the YOT's own specialist, named by the YOT's name or as seconded, is the YOT's
    (OWNER_TABLE
     + "| Add a same-day check of police systems when weapon information arrives | YOT Police "
     "Sergeant | 30/06/2025 |\n"
     "| Screen every child for speech and language needs | PL (CAMHS, seconded) | 31/07/2025 |\n",
     [["yot"], ["yot"]]),
    # owners joined in one cell are read one by one: the DS is police, the seconded PC the YOT's
    (OWNER_TABLE
     + "| Extend the pre-sentence check to police intelligence | Caldermere and Wyre Police (DS, "
     "Child Abuse Investigation Team) with YJS Police Officer (seconded) | 31/10/2025 |\n",
     [["police", "yot"]]),
    # "Agency (Role)" and "Agency – Role": a team inside the agency is not another agency
    (OWNER_TABLE
     + "| Summarise EHC plan adjustments on the record | Eastbrook YJS – Team Manager, Court and "
     "Orders | 30/11/2025 |\n"
     "| Revise the PSR education request | Caldermere YJS (Service Manager, Court) "
     "| 31/10/2025 |\n",
     [["yot"], ["yot"]]),
    # minutes' initials before the role in brackets: the role says where ("GP" is not a doctor)
    (OWNER_TABLE
     + "| Review the risk escalation procedure | GP (Head of YJS) | 30/11/2025 |\n", [["yot"]]),
    # a fire and rescue service is one of the other agencies
    (OWNER_TABLE
     + "| Deliver fire-setter intervention when medically fit | Fire and Rescue Service | "
     "30/11/2025 |\n", [["other"]]),
    # "Agency (Role): action" lists name the owner before the colon; "Liaise with CSC re:" not
    ("Action plan\n\n- Redmarsh CSC (corporate parent): review the use of supported "
     "accommodation for looked-after 16-17-year-olds.\n- Liaise with CSC re: older brother.\n",
     [["childrens_social_care"], []]),
    # a local safeguarding children partnership by its acronym
    ("Recommendations\n\nThe KSCP should seek assurance that all partners have acted on "
     "recommendations 1 and 3.\n", [["safeguarding_partnership"]]),
    # a date with a year after a leading time phrase does not hide the subject
    ("Recommendations\n\nEducation hours. By the start of the summer term 2025 the head teacher "
     "of Hollins Lane Pupil Referral Unit will review every pupil open to the YJS.\n",
     [["education"]]),
]


@pytest.mark.parametrize("text,owners", OWNER_CASES)
def test_owners_as_reviews_write_them(tmp_path, text, owners):
    result = checked(tmp_path, "plan.md", text)
    assert [a.owners for a in result.actions] == owners


def test_a_plan_opened_in_the_middle_of_prose(tmp_path):
    """"The following actions will be taken." makes the rest of its paragraph a plan; the
    narrative before it gives no action."""
    result = checked(
        tmp_path,
        "prose.txt",
        "What we learned\n\nThe case manager did not read the referral. The following actions "
        "will be taken. The Designated Safeguarding Lead at Ashcombe Academy will inform the YOT "
        "of any monitoring alerts. Training needs will be considered by the YOT manager.\n",
    )
    assert [a.owners for a in result.actions] == [["education"], ["yot"]]


def test_narrative_in_a_plan_is_not_an_action(tmp_path):
    result = checked(
        tmp_path,
        "plan.txt",
        "Actions\n\nThe TM did act the same day, raising the risk to high on 20/08/25. "
        "The GP referred Kacper to CAMHS on 2 September 2024. "
        "YOS TM to change the risk panel terms of reference by 30/09/25. "
        "Allocated social worker to review the placement plan by 31/10/25.\n",
    )
    assert [a.owners for a in result.actions] == [["yot"], ["childrens_social_care"]]


def test_the_partnership_is_the_body_the_draft_first_named_so(tmp_path):
    """ "The Partnership" stands for the partnership the draft named first (here its masthead),
    not another body whose name also ends in "Partnership"."""
    result = checked(
        tmp_path,
        "review.md",
        "# Wexcombe Safeguarding Children Partnership\n\n## Introduction\n\nThe panel included "
        "the Wexcombe Community Safety Partnership.\n\n## Recommendations\n\nRecommendation 4: "
        "The Partnership should seek assurance from all agencies that records describe Black "
        "children fairly.\n",
    )
    assert [a.owners for a in result.actions] == [["safeguarding_partnership"]]


@pytest.mark.parametrize(
    "line",
    [
        "The ILR group will reconvene on 24/01/2024 to review progress on these actions.",
        "The Youth Justice Management Board will review progress on the action plan at its "
        "meeting on 9 October 2025.",
        "An action plan will be prepared by the YOS in response to this report.",
        "The YJS will decide what actions are needed.",
        "The Partnership will revisit the review's progress in due course.",
    ],
)
def test_monitoring_the_plan_is_not_an_action(tmp_path, line):
    """A sentence about the plan itself is for review_date, not an action with an owner."""
    result = checked(
        tmp_path,
        "plan.md",
        "## Action plan\n\n- CSC to review the care plan for Kai by 31/03/2026.\n\n" + line + "\n",
    )
    assert [a.owners for a in result.actions] == [["childrens_social_care"]]


def test_the_action_column_beats_a_learning_column(tmp_path):
    """ "Learning point | Action | Who": the action is the Action column, not the learning."""
    draft = tmp_path / "plan.md"
    draft.write_text(
        "## Learning and actions\n\n| Learning point | Action | Who | When |\n|---|---|---|---|\n"
        "| 1 | Invite the firesetter team to every planning meeting | Fire and Rescue Service, "
        "Head of Prevention, with YJS Operations Manager | April 2026 |\n",
        encoding="utf-8",
    )
    (act,) = rules_checker().check_path(draft).actions
    assert act.text.startswith("Invite the firesetter team")
    assert act.owners == ["other", "yot"]


def test_an_action_saying_where_is_not_a_placeholder():
    """ "Add ... where a child is known" is an action; only "Add text here" is a template."""
    cues = rules_checker().annotator.default_cues
    assert not cues.is_placeholder("Add incidents to the referral criteria where a child is known")
    assert cues.is_placeholder("Add text here")


def test_an_action_stated_after_its_lesson_in_one_item(tmp_path):
    """ "X did not happen. Action: Y to do Z" and "... Name (TM): do Z": the action and its
    owner come from the second part, and the first part is the lesson it answers."""
    result = checked(
        tmp_path,
        "summary.txt",
        "WHAT WE LEARNED AND WHAT WE WILL DO\n\n"
        "1. School safeguarding concerns do not reach the YJS. Action: Sallowmere Academy DSL to "
        "copy concerns about YJS-open children to the case manager within one working day. By "
        "20/04/2026.\n"
        "2. Missing reports from the children's home came late. Femi Adebayo (TM): write to the "
        "Head of Commissioning asking that missing reports reach the YJS the same day.\n",
    )
    assert [a.owners for a in result.actions] == [["education"], ["yot"]]
    assert result.actions[0].lesson.startswith("School safeguarding concerns do not reach")
    lessons = result.traceability["lessons"]
    assert [lesson["actions"] for lesson in lessons[:2]] == [[0], [1]]


def test_a_sentence_then_a_colon_clause_is_not_an_owner(tmp_path):
    """ "The Prevent process followed its procedure: the referral was adopted" is narrative."""
    result = checked(
        tmp_path,
        "plan.txt",
        "Actions\n\nThe panel met in May. The Prevent and Channel process followed its procedure: "
        "the referral was adopted and Channel met monthly.\n",
    )
    assert all("safeguarding_partnership" not in a.owners for a in result.actions)


def test_a_sentence_case_line_ending_in_a_colon_opens_a_section(tmp_path):
    """ "What we will do:" on its own line heads the list under it, in every format."""
    draft = tmp_path / "memo.txt"
    draft.write_text(
        "What we will do:\n\n- YOS Police Officer: set up a monthly check of police intelligence "
        "for named associates by 31/10/2024.\n\nHer mother said:\n\n\"Nobody listened.\"\n",
        encoding="utf-8",
    )
    headings = [b.text for b in read_path(draft).blocks if b.kind == "heading"]
    assert headings == ["What we will do:"]
    assert [a.owners for a in rules_checker().check_path(draft).actions] == [["yot"]]


def test_short_names_and_capital_acronyms_in_owner_cells(tmp_path):
    """ "Trust Associate Director" is the trust the draft named; "ED" is the emergency
    department (in capitals only: "Ed" is a name)."""
    result = checked(
        tmp_path,
        "plan.md",
        "# Joint review with Marlbeck NHS Foundation Trust\n\n## Action plan\n\n"
        "| Action | Lead | Target date |\n|---|---|---|\n"
        "| Business case for a second night practitioner | Trust Associate Director | "
        "31/03/2026 |\n"
        "| Review how families are told of a child's attendance | ED | 31/03/2026 |\n"
        "| Hold a joint supervision session with the YOS | Ed Harris | 31/03/2026 |\n",
    )
    assert [a.owners for a in result.actions] == [["health"], ["health"], []]


def test_plain_text_plans_under_part_titles_and_long_titles(tmp_path):
    """ "Section 4: Actions" and a ten-word title on its own line head their plans; an owner
    after a closing dash owns the item; a violence reduction unit is a partnership ("other")."""
    draft = tmp_path / "form.txt"
    draft.write_text(
        "Section 4: Actions\n\n- SALT screening for all children under 14 on the caseload - YOS "
        "health.\n\nWhat we have learned and what we will do next\n\n"
        "1. Learning: urgent police information can sit unread. Action: the Violence Reduction "
        "Unit to share intelligence with the duty inbox daily.\n",
        encoding="utf-8",
    )
    headings = [b.text for b in read_path(draft).blocks if b.kind == "heading"]
    assert headings == ["Section 4: Actions", "What we have learned and what we will do next"]
    result = rules_checker().check_path(draft)
    assert [a.owners for a in result.actions] == [["yot"], ["other"]]


def test_a_lesson_and_its_action_match_on_word_lemmas(tmp_path):
    """ "Checking" answers "check" and "referrals" answers "referral": the lookup lemmas are
    found for the words themselves (spaCy's table is keyed by hashes, and a plain dict of its
    items would find no word at all)."""
    tracer = rules_checker().tracer
    lesson = tracer.words("There was no system for checking that referrals agreed in supervision")
    action = tracer.words("Add a referral check to every supervision record")
    assert {"check", "referral", "supervision"} <= lesson & action
    result = checked(
        tmp_path,
        "review.md",
        "# Learning review\n\n## Learning\n\n"
        "Referrals agreed in supervision were not checked, so nobody noticed them lapsing.\n\n"
        "## Action plan\n\n| Action | Lead | By |\n|---|---|---|\n"
        "| Add a referral check to every supervision record | YJS Team Manager | 01/11/2025 |\n",
    )
    assert result.traceability["lessons"][0]["actions"] == [0]


def test_an_owner_named_as_the_last_sentence_of_an_item(tmp_path):
    """ "PN to be subject to the capability process. Team Manager.": the owner is the short
    last sentence, not whoever the initials happen to sit near in the narrative."""
    result = checked(
        tmp_path,
        "audit.txt",
        "Case manager: PN\n\nPN did not pass the email to children's social care.\n\n"
        "Recommendations / Actions\n\n"
        "1. PN to be subject to the capability process. Team Manager.\n"
        "2. All staff to be reminded that safeguarding emails must be recorded. Head of Service.\n",
    )
    assert [a.owners for a in result.actions] == [["yot"], ["yot"]]


def test_how_the_learning_is_shared_is_not_a_lesson(tmp_path):
    """Under "Monitoring & sharing the learning" the bullets say how the learning is passed on,
    not what was learned: no lesson to answer."""
    result = checked(
        tmp_path,
        "deck.md",
        "# Learning review\n\n## Learning\n\n"
        "- Dyslexia and learning needs must be screened at the start of every order\n\n"
        "## Action plan\n\n- Dyslexia screening at every YJS assessment, with adapted materials "
        "(YJS Team Manager, by June)\n\n"
        "## Monitoring & sharing the learning\n\n"
        "- Action plan reviewed at the YJ Partnership Board in July and October\n"
        "- Understanding our Learning session for YJS staff and partners in May\n",
    )
    lessons = result.traceability["lessons"]
    assert [lesson["text"][:8] for lesson in lessons] == ["Dyslexia"]
    assert lessons[0]["actions"] == [0]


@pytest.mark.parametrize("as_heading", [False, True])
def test_a_labelled_finding_and_its_argument_are_one_lesson(tmp_path, as_heading):
    """ "Finding 1: ..." then "Why it matters" and "Evidence from the case": one lesson, the
    finding, answered when an action shares words with the statement or any part of its
    argument; the argument's paragraphs are not lessons of their own. The same when the finding
    is a heading with its paragraphs under it."""
    finding = "Finding 1: Practitioners explain early signs of extremism away in younger children."
    head = f"### {finding}\n\n" if as_heading else f"{finding}\n\n"
    result = checked(
        tmp_path,
        "systems.md",
        "# Local Child Safeguarding Practice Review: Ethan\n\n## Findings\n\n"
        + head
        + "Why it matters. If adults expect this only in older teenagers, they read the signs as "
        "copying or joking.\n\n"
        "Evidence from the case. The Prevent referral was delayed by eight weeks after the "
        "slogan was explained as repeating things from games.\n\n"
        "## Recommendations\n\n| Recommendation | Lead | By |\n|---|---|---|\n"
        "| Any ideological concern prompts a Prevent referral discussion within two days "
        "| Head of YJS | 31/01/2026 |\n",
    )
    lessons = result.traceability["lessons"]
    assert [lesson["text"] for lesson in lessons] == [finding.lstrip("# ")]
    assert lessons[0]["actions"] == [0]  # shares "Prevent referral" with the evidence paragraph


def test_a_recommendation_column_of_numbers_is_not_the_action(tmp_path):
    """ "Recommendation | Scope | Action to take | Lead agency": the column named
    "Recommendation" holds only its number; the action is "Action to take"."""
    result = checked(
        tmp_path,
        "overview.md",
        "# Overview report\n\n## Recommendations and action plan\n\n"
        "| Recommendation | Scope | Action to take | Lead agency | Target date |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Local | Amend the threat to life policy to notify the YJS within 24 hours "
        "| Castlebridge Police | 31 July 2025 |\n"
        "| R2 | Local | Add a police intelligence check to every YJS risk review "
        "| YJS Operational Manager | 30 June 2025 |\n",
    )
    assert [a.text[:9] for a in result.actions] == ["Amend the", "Add a pol"]
    assert [a.owners for a in result.actions] == [["police"], ["yot"]]


def test_an_agencys_lesson_is_answered_by_its_own_action_on_one_word(tmp_path):
    """Lessons by agency ("Health: ...") are answered by that agency's action when they share a
    word; a lesson without an agency label needs two."""
    result = checked(
        tmp_path,
        "overview.md",
        "# Overview report\n\n## Lessons to be learned\n\n"
        "- Health: young people injured out of hours need the same navigator referral as in the "
        "daytime.\n"
        "- Young people injured at weekends are missed by the navigator rota.\n\n"
        "## Recommendations\n\n| Action | Lead agency | Target date |\n|---|---|---|\n"
        "| Extend youth violence navigator cover to evenings | Castlebridge ICB | 31/07/2025 |\n",
    )
    lessons = result.traceability["lessons"]
    assert [lesson["actions"] for lesson in lessons] == [[0], []]


def test_a_table_of_what_each_agency_learned_holds_lessons_not_actions(tmp_path):
    """ "Agency | Involvement | Learning": each row's learning cell is a lesson (none for a row
    without one, nor the header); the table is not an action plan."""
    result = checked(
        tmp_path,
        "rapid.md",
        "# Rapid review: Child N\n\n## Summary of agency involvement and emerging learning\n\n"
        "| Agency | Involvement | Learning |\n|---|---|---|\n"
        "| Police | Two missing episodes responded to. | Calls about the second phone were not "
        "linked to the exploitation record. |\n"
        "| CSC | Child in need visits every four weeks. | |\n\n"
        "## Actions agreed\n\n| Action | Lead | By |\n|---|---|---|\n"
        "| Link calls about a child's phone to the exploitation record | Police | 30/06/2025 |\n",
    )
    assert [a.text[:8] for a in result.actions] == ["Link cal"]
    lessons = result.traceability["lessons"]
    assert [lesson["text"][:9] for lesson in lessons] == ["Calls abo"]
    assert lessons[0]["actions"] == [0]


def test_actions_already_taken_are_a_record_not_the_plan(tmp_path):
    """ "Immediate safeguarding actions taken" lists what was done; the plan is what was agreed."""
    result = checked(
        tmp_path,
        "rapid.md",
        "# Rapid review: Child N\n\n## Immediate safeguarding actions taken\n\n"
        "- Strategy discussion held on 04/04/25 with CSC and both police forces.\n"
        "- Police guard at the hospital for the first 48 hours.\n\n"
        "## Actions agreed\n\n| Action | Lead | By |\n|---|---|---|\n"
        "| Set up monthly information sharing with the exploitation team | YJS Manager "
        "| 30/06/2025 |\n",
    )
    assert [a.text[:6] for a in result.actions] == ["Set up"]
