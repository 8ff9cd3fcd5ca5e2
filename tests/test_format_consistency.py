"""The same draft as .docx, .pdf and .txt gets the same verdicts (a sample of the corpus).

The full corpus figure is reported by ``python -m devtools.consistency`` (README); the
issue's target is 99 % of concern cells. Over the whole corpus 99.2 % agree in all three formats
(rules only), with the same owners on 99 % of drafts and the same facts on all; this sample of
every sixth draft reaches 99.4 %, the same owners and the same facts on every draft.
"""

from __future__ import annotations

from fixtures import rules_checker

from devtools.consistency import measure
from qa_assistant.paths import ROOT


def test_same_verdicts_owners_and_facts_across_formats():
    c = measure(ROOT / "sample_reports" / "corpus", every=6, checker=rules_checker())
    assert c.drafts >= 30
    assert c.status_agreement >= 0.99, c.differing
    assert c.same_owners / c.drafts >= 0.97
    assert c.same_facts / c.drafts >= 0.97
