"""The same draft as .docx, .pdf and .txt gets the same verdicts (a sample of the corpus).

The full corpus figure is reported by ``python -m devtools.consistency`` (README); the
issue's target is 99 % of concern cells, which the tool does not yet reach (96 % agree in all
three formats over the corpus; this sample does better), so the test pins the level it reaches on
the sample and fails if it falls.
"""

from __future__ import annotations

from fixtures import rules_checker

from devtools.consistency import measure
from qa_assistant.paths import ROOT


def test_same_verdicts_owners_and_facts_across_formats():
    c = measure(ROOT / "sample_reports" / "corpus", every=6, checker=rules_checker())
    assert c.drafts >= 30
    assert c.status_agreement >= 0.97, c.differing
    assert c.same_owners / c.drafts >= 0.9
    assert c.same_facts / c.drafts >= 0.95
