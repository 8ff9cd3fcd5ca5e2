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
