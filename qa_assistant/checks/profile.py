"""Is this a learning review at all? A shopping list or an unrelated report gets a warning instead
of a score; a blank template gets every concern as missing, with a warning that says why.
The terms and thresholds are data (the framework's ``review_profile.yaml``)."""

from __future__ import annotations

import re

from qa_assistant.nlp.annotate import AnalysedDraft

NOT_A_REVIEW = (
    "This does not read as a learning review about a child (it has few of the words such "
    "reviews use): check that this is the right file. No score is given."
)
BLANK_TEMPLATE = (
    "This looks like a blank or unfilled template: its sections have no answers yet, so every "
    "concern is shown as missing."
)


class ReviewProfile:
    def __init__(self, spec: dict) -> None:
        terms = sorted(
            (str(t).lower() for t in spec.get("domain_terms", [])), key=len, reverse=True
        )
        self.terms = re.compile(r"(?<![a-z])(" + "|".join(map(re.escape, terms)) + r")(?![a-z])")
        self.min_terms = int(spec.get("min_domain_terms", 5))
        self.min_answer_words = int(spec.get("min_answer_words", 80))

    def warning(self, draft: AnalysedDraft) -> str:
        """'' for a review; otherwise the warning to show (NOT_A_REVIEW or BLANK_TEMPLATE)."""
        if not self.terms.pattern.strip("()|") or not draft.document.blocks:
            return ""
        answer_words = sum(len(s.text.split()) for s in draft.sentences if not s.placeholder)
        found = set(self.terms.findall(draft.document.text.lower()))
        if len(found) < self.min_terms or answer_words + len(found) < 8:
            return NOT_A_REVIEW
        if answer_words < self.min_answer_words and self._unfilled(draft) >= 3:
            return BLANK_TEMPLATE
        return ""

    @staticmethod
    def _unfilled(draft: AnalysedDraft) -> int:
        """Prompts, placeholders and headings with nothing under them: a template's empty slots."""
        blocks = draft.document.blocks
        empty = sum(
            1
            for i, b in enumerate(blocks)
            if b.kind == "heading" and (i + 1 == len(blocks) or blocks[i + 1].kind == "heading")
        )
        return empty + sum(1 for s in draft.sentences if s.placeholder)
