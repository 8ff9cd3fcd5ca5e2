"""Judgement: negation scope, disclaimers, speakers and the arbitration between rules and model."""

from __future__ import annotations

import pytest
from fixtures import check

HEAD = (
    "# Learning review: Child J\n\n## Summary\n"
    "J, aged 16, was charged with wounding with intent.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This review does not seek to apportion blame.", "met"),
        ("It is not a disciplinary process.", "met"),
        ("The answer is not a story of individual failure.", "met"),
        (
            "The recommendations are about changing systems, not holding individuals to account.",
            "met",
        ),
        ("The case manager did not follow procedure and was negligent.", "missing"),
        ("Housing Officer A's approach was not satisfactory.", "partial"),
        ("The case manager should have picked up the rise in missing episodes.", "partial"),
        # anyone's practice judged against what they should have done
        ("The school should have told the YJS about the exclusion sooner.", "partial"),
        ("The foster carer should have known better than to leave him alone.", "partial"),
        ("The PRU did not pass on the concerns, which was poor practice.", "partial"),
        ("It is disappointing that no referral was made, and this should not have happened.",
         "partial"),
        # ... but not the author's own reflection, nor a wish for the system
        ("Looking back, I think I should have done that in August.", "met"),
        ("There should have been more joint working between the YJS and CSC.", "met"),
        ("With hindsight the June disclosure should have led to a review of the plan.", "met"),
        # the statutory wording of the child's charge is not blame of anyone's practice
        (
            "J has been charged with arson being reckless as to whether life would be endangered.",
            "met",
        ),
    ],
)
def test_blame_reads_disclaimers_and_individual_critique(sentence, expected):
    result = check(HEAD + "## Analysis\n" + sentence + "\n")
    concern = result.concerns["blame_free"]
    assert concern.status == expected, concern.explanation.text()
    assert ("blaming language" in result.flags) == (expected != "met")


class _View:
    def __init__(self, status: str, p: float) -> None:
        rest = (1.0 - p) / 2
        self.status = status
        self.probabilities = {
            s: (p if s == status else rest) for s in ("met", "partial", "missing")
        }


class _Models:
    def __init__(self, trusted: bool, confidence: float = 0.7) -> None:
        self.trusted = trusted
        self.confidence = confidence

    def may_overrule(self, cid: str) -> bool:
        return self.trusted

    def overrule_level(self, cid: str, rule: str, model: str) -> float:
        from qa_assistant.learn.models import overrule_level

        return overrule_level(rule, model, self.confidence, 0.7)


@pytest.mark.parametrize(
    ("trusted", "model", "p", "confidence", "expected"),
    [
        (False, "partial", 0.95, 0.7, ("met", "rules", True)),  # untrusted, confident: check
        (False, "partial", 0.55, 0.7, ("met", "rules", False)),  # untrusted, unsure: rules stand
        (True, "partial", 0.95, 0.7, ("partial", "model", False)),  # trusted, confident: overrules
        (True, "partial", 0.55, 0.7, ("met", "rules", True)),  # trusted but unsure: please check
        (True, "met", 0.95, 0.7, ("met", "rules+model", False)),  # agreement
        # a concern whose unseen-writer figures chose a lower confidence: 0.55 is enough there
        (True, "partial", 0.55, 0.5, ("partial", "model", False)),
    ],
)
def test_arbitration_between_rules_and_model(trusted, model, p, confidence, expected):
    from qa_assistant.checker import Checker
    from qa_assistant.checks.rule_check import RuleOutcome

    checker = Checker.__new__(Checker)
    checker.models = _Models(trusted, confidence)
    outcome = RuleOutcome("met", "r", "because", {}, [], [], [], 1.0)
    status, _score, decided, review = checker._combine("blame_free", outcome, _View(model, p))
    assert (status, decided, review) == expected


@pytest.mark.parametrize(
    ("model", "p", "expected"),
    [
        ("met", 0.63, ("partial", "rules", True)),  # clearing a gap needs 0.7: please check
        ("met", 0.75, ("met", "model", False)),
        ("missing", 0.55, ("missing", "model", False)),  # between gaps, the concern's own 0.5
    ],
)
def test_clearing_a_gap_needs_a_confident_model(model, p, expected):
    """Where the rules find a gap, the model may call it met only at 0.7 or above, whatever
    lower confidence the concern was given: a gap hidden is worse than a gap to check."""
    from qa_assistant.checker import Checker
    from qa_assistant.checks.rule_check import RuleOutcome

    checker = Checker.__new__(Checker)
    checker.models = _Models(True, 0.5)
    outcome = RuleOutcome("partial", "r", "because", {}, [], [], [], 1.0)
    view = _View(model, p)
    status, _score, decided, review = checker._combine("partnership_services", outcome, view)
    assert (status, decided, review) == expected


def test_each_concern_reads_its_own_confidence():
    """ `qa-assistant train` stores a confidence per concern; a concern without one uses the
    policy's default."""
    from qa_assistant.learn.models import ConcernModels

    models = ConcernModels([], {}, {}, {})
    models.meta = {
        "arbitration_policy": {"confidence": 0.7},
        "arbitration": {"blame_free": {"model_may_overrule": True, "confidence": 0.6}},
    }
    assert models.confidence_for("blame_free") == 0.6
    assert models.confidence_for("diversity") == 0.7
    assert models.overrule_level("blame_free", "partial", "missing") == 0.6
    assert models.overrule_level("blame_free", "partial", "met") == 0.7  # clears a gap


def test_the_confidence_is_chosen_on_the_drafts_given():
    """Where the trusted model is right whenever it disagrees, the lowest confidence is chosen;
    where it is wrong, the most cautious one."""
    from types import SimpleNamespace

    from qa_assistant.learn.train import CONFIDENCES, choose_confidence

    def item(gold: str, rule: str):
        return SimpleNamespace(
            label=SimpleNamespace(concerns={"c": gold}),
            outcomes={"c": SimpleNamespace(status=rule)},
        )

    items = [item("partial", "met"), item("met", "met"), item("missing", "partial")] * 4
    right = [{"c": ("partial", 0.55)}, {"c": ("met", 0.9)}, {"c": ("missing", 0.55)}] * 4
    wrong = [{"c": ("missing", 0.55)}, {"c": ("partial", 0.55)}, {"c": ("met", 0.55)}] * 4
    assert choose_confidence(items, right, "c", trusted=True) == min(CONFIDENCES)
    assert choose_confidence(items, wrong, "c", trusted=True) == max(CONFIDENCES)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Councillor Reid said the estate was not safe for young people.", "professional"),
        ("Reece told us he was scared of the older boys.", "child"),
        ("His mother said she had asked for help.", "parent"),
        (
            "I asked the case manager what she thought; she said the plan was too thin.",
            "professional",
        ),
        ("Reece's request to speak to the Samaritans was recorded by staff.", "child"),
        ("Reece was told he owed the line £2,000.", None),
        ("The tutor described him as one of the most able in the group.", "other"),
        # someone not on the lists spoke about the child: not the child's words
        ("The head of Hillcrest Academy said Reece's attendance fell to 40%.", None),
        # in a review about a boy, "she" is not the child but the person last named (his worker)
        (
            "She said the panel focused on his missed sessions, his contract and his lateness.",
            "professional",
        ),
    ],
)
def test_speaker_attribution(sentence, speaker):
    from fixtures import read, rules_checker

    head = "# Learning review: Reece\n\n## Voice\nReece, 15, was seen by Reece's worker.\n\n"
    text = head + sentence + "\n"
    draft = rules_checker().analyse(read(text, "md"))
    assert draft.child.name == "Reece"
    assert draft.speakers[-1] == speaker


def test_voice_is_the_childs_not_a_councillors():
    body = (
        "## Voice of the child\nCouncillor Reid said the estate was frightening. The housing "
        "manager said the family had been moved twice. The reviewer felt the plan was thin.\n"
    )
    result = check(HEAD + body)
    assert result.concerns["voice_of_child"].status != "met"


def test_life_experiences_are_linked_in_sentences_about_the_child():
    """The link between a life experience and the incident counts in sentences about the subject
    child (name, alias or pronoun), not in sentences about practice or the borough."""
    about_borough = (
        "The exclusion rate across the borough rose in 2024, which led to more referrals. "
        "Cannabis use among teenagers in the area has grown, driven by cheap supply. "
        "Exploitation of children in the area has been linked to county lines. "
        "Bereavement services for families have long waiting lists, which contributed to delays.\n"
    )
    about_kai = (
        "Kai was excluded in May, which may help explain why he spent his days with older boys. "
        "His grandad's death in 2023 left him without the adult he trusted, and this contributed "
        "to his anger. Exploitation by the older boys led to the debt he owed.\n"
    )
    head = "# Learning review: Kai\n\n## Background\nKai, 15, lives with his mum.\n\n"
    borough = check(head + "## Analysis\n" + about_borough)
    kai = check(head + "## Analysis\n" + about_kai)
    assert borough.concerns["lived_experience"].status != "met"
    assert kai.concerns["lived_experience"].status == "met"
