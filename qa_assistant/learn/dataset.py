"""Prepare a labelled corpus once: read, annotate and run the rule packs on every draft, and
label each sentence with the concerns its evidence strings name."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa_assistant.checker import Checker
from qa_assistant.checks.rule_check import RuleOutcome
from qa_assistant.document.text import LABELLED_QUOTE, normalise
from qa_assistant.ingest import read_path
from qa_assistant.learn.labels import LabelledDraft
from qa_assistant.nlp.annotate import AnalysedDraft


@dataclass
class Prepared:
    label: LabelledDraft
    draft: AnalysedDraft
    outcomes: dict[str, RuleOutcome]
    owners: set[str]
    looked_after: bool
    sentence_y: np.ndarray  # (n sentences, n concerns) 0/1


def sentence_labels(
    draft: AnalysedDraft, evidence: dict[str, list[str]], ids: list[str]
) -> np.ndarray:
    y = np.zeros((len(draft.sentences), len(ids)), dtype=int)
    sents = [normalise(s.text, LABELLED_QUOTE) for s in draft.sentences]
    for j, cid in enumerate(ids):
        for ev in evidence.get(cid, []):
            e = normalise(ev, LABELLED_QUOTE)
            if len(e) < 4:
                continue
            for i, s in enumerate(sents):
                if len(s) < 4:
                    continue
                if s in e or (len(e) >= 15 and e in s):
                    y[i, j] = 1
    return y


def prepare(checker: Checker, drafts: list[LabelledDraft]) -> tuple[list[Prepared], list[str]]:
    ids = checker.rules.concern_ids
    out: list[Prepared] = []
    errors: list[str] = []
    for d in drafts:
        try:
            analysed = checker.analyse(read_path(d.path))
        except Exception as exc:  # noqa: BLE001 - a bad corpus file is reported, not fatal
            errors.append(f"{d.path.name}: {exc}")
            continue
        outcomes, actions, facts = checker.rule_outcomes(analysed)
        out.append(
            Prepared(
                label=d,
                draft=analysed,
                outcomes=outcomes,
                owners={o for a in actions for o in a.owners},
                looked_after=facts.looked_after,
                sentence_y=sentence_labels(analysed, d.evidence, ids),
            )
        )
    return out, errors
