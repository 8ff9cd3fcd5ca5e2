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
    def __init__(self, trusted: bool) -> None:
        self.trusted = trusted
        self.confidence = 0.7

    def may_overrule(self, cid: str) -> bool:
        return self.trusted


@pytest.mark.parametrize(
    ("trusted", "model", "p", "expected"),
    [
        (False, "partial", 0.95, ("met", "rules", True)),  # untrusted, confident: please check
        (False, "partial", 0.55, ("met", "rules", False)),  # untrusted, unsure: rules stand
        (True, "partial", 0.95, ("partial", "model", False)),  # trusted and confident: overrules
        (True, "partial", 0.55, ("met", "rules", True)),  # trusted but unsure: please check
        (True, "met", 0.95, ("met", "rules+model", False)),  # agreement
    ],
)
def test_arbitration_between_rules_and_model(trusted, model, p, expected):
    from qa_assistant.checker import Checker
    from qa_assistant.checks.rule_check import RuleOutcome

    checker = Checker.__new__(Checker)
    checker.models = _Models(trusted)
    outcome = RuleOutcome("met", "r", "because", {}, [], [], [], 1.0)
    status, _score, decided, review = checker._combine("blame_free", outcome, _View(model, p))
    assert (status, decided, review) == expected


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
