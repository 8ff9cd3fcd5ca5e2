"""Interpret one concern pack over an analysed draft: features -> ordered decision -> outcome.

Features a pack can use in its ``decide`` rules:
- ``<signal>``: sentences where the signal matched (not negated); ``<signal>_neg``: negated ones;
- ``<combo>``: sentences where all the combo's signals matched together (``@child`` is any sentence
  that speaks of the subject child, by name, alias or pronoun; ``@agency_other`` is any
  agency other than the YOT named in the sentence);
- ``heading``, ``section_words``, ``section_empty``, ``section_agencies``: the concern's own
  section(s), found by the pack's heading synonyms (also "Label: value" lines);
- action-plan and fact features supplied by the checker (``actions``, ``non_yot_actions``,
  ``looked_after``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa_assistant.checks.packs import ConcernPack
from qa_assistant.document.text import HEADING, normalise
from qa_assistant.nlp.annotate import AnalysedDraft
from qa_assistant.result.model import Evidence


@lru_cache(maxsize=256)
def _synonyms_pattern(synonyms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(rf"(?<![a-z]){re.escape(s)}(?![a-z])" for s in synonyms))


@lru_cache(maxsize=65536)
def heading_matches(heading: str, synonyms: tuple[str, ...]) -> bool:
    """Does the heading contain one of the synonyms as whole words? (Cached: it is asked for
    every sentence's headings by every pack.)"""
    h = normalise(heading, HEADING)
    if not h or not synonyms:
        return False
    return _synonyms_pattern(tuple(synonyms)).search(h) is not None


@dataclass
class RuleOutcome:
    status: str
    rule: str
    because: str
    features: dict[str, float]
    evidence_sentences: list[int]
    gap_sentences: list[int]
    sections: list[str]
    strength: float


_TITLE = re.compile(
    r"\b(review|report|clr|ilr|flr|learning|minutes|meeting|panel|serious incident|notification)\b",
    re.I,
)


def document_title(draft: AnalysedDraft) -> str | None:
    """The draft's title heading ("Critical Learning Review: Kai"), which is not a section."""
    for block in draft.document.blocks[:2]:
        if block.kind == "heading" and _TITLE.search(block.text):
            return block.text
    return None


def section_sentences(draft: AnalysedDraft, pack: ConcernPack) -> tuple[list[int], list[str], bool]:
    """Sentences under the pack's headings (or 'Label:' lines); whether any such heading exists."""
    if not pack.headings:
        return [], [], False
    found: list[int] = []
    names: list[str] = []
    heading_seen = False
    title = document_title(draft)
    for h in draft.document.headings():
        if h.text != title and heading_matches(h.text, pack.headings):
            heading_seen = True
            if h.text not in names:
                names.append(h.text)
    for s in draft.sentences:
        in_section = any(
            h != title and heading_matches(h, pack.headings) for h in s.heading_path[-2:]
        )
        labelled = bool(s.label) and heading_matches(s.label, pack.headings)
        if labelled:
            heading_seen = True
            if s.label not in names:
                names.append(s.label)
        if in_section or labelled:
            found.append(s.index)
    return found, names, heading_seen


def compute_features(
    draft: AnalysedDraft, pack: ConcernPack, extra: dict[str, float]
) -> tuple[dict[str, float], list[int], list[str]]:
    by_signal = draft.signal_sentences(pack.id)
    features: dict[str, float] = {}
    for sig in pack.signals:
        features[sig.name] = float(len(by_signal.get(sig.name, [])))
        if sig.negatable:
            features[f"{sig.name}_neg"] = float(len(by_signal.get(f"{sig.name}_neg", [])))
    for combo, parts in pack.combos.items():
        sets = []
        for part in parts:
            if part == "@child":  # sentences that speak of the subject child
                sets.append({i for i, about in enumerate(draft.about_child) if about})
            elif part == "@agency_other":
                sets.append(
                    {
                        i
                        for i, ag in enumerate(draft.agencies)
                        if any(a != draft.own_agency for a, _ in ag)
                    }
                )
            else:
                sets.append(set(by_signal.get(part, [])))
        features[combo] = float(len(set.intersection(*sets))) if sets else 0.0
    section, names, heading = section_sentences(draft, pack)
    in_section = set(section)
    for sig in pack.signals:  # the same signals counted inside the concern's own section
        found = by_signal.get(sig.name, [])
        features[f"{sig.name}_in_section"] = float(sum(1 for i in found if i in in_section))
    words = 0
    agencies: set[str] = set()
    for i in section:
        s = draft.sentences[i]
        if s.placeholder:
            continue
        text = s.text
        if s.label:
            text = text.split(":", 1)[-1]
        words += len(text.split())
        agencies.update(a for a, _ in draft.agencies[i] if a != draft.own_agency)
    features["heading"] = float(heading)
    features["section_words"] = float(words)
    features["section_empty"] = float(heading and words == 0)
    features["section_agencies"] = float(len(agencies))
    features.update(extra)
    return features, section, names


def evaluate_pack(draft: AnalysedDraft, pack: ConcernPack, extra: dict[str, float]) -> RuleOutcome:
    features, section, names = compute_features(draft, pack, extra)
    status, rule, because = pack.default, "default", pack.default_because
    for d in pack.decisions:
        if d.test(features):
            status, rule, because = d.status, d.when, d.because
            break
    weights = {s.name: s.weight for s in pack.signals}
    gap_signals = {s.name for s in pack.signals if s.gap}
    context_only = {s.name for s in pack.signals if not s.evidence}
    scored: list[tuple[float, int]] = []
    gaps: list[int] = []
    in_section = set(section)
    for i, hits in enumerate(draft.hits):
        w = 0.0
        negated = False
        for h in hits:
            if h.concern != pack.id:
                continue
            # a negated cue is a gap ("views were not sought"); a gap cue is a gap ("negligent");
            # a negated gap cue is neither ("this review does not seek to apportion blame")
            if h.negated != (h.signal in gap_signals):
                negated = True
            elif h.negated:
                continue
            else:
                w += weights.get(h.signal, 1.0)
        own = [h for h in hits if h.concern == pack.id and not h.negated]
        if own and all(h.signal in context_only for h in own):
            w = 0.0  # a date alone is not evidence of a review of progress
        if negated:  # "the child's views were not sought", "negligent": evidence of the gap
            gaps.append(i)
        elif w:
            scored.append((w + (0.5 if i in in_section else 0.0), i))
    for i in section:
        if draft.sentences[i].placeholder and not draft.sentences[i].prompt:
            gaps.append(i)
    scored.sort(key=lambda x: (-x[0], x[1]))
    strength = min(1.0, sum(w for w, _ in scored[:6]) / 8.0)
    return RuleOutcome(
        status=status,
        rule=rule,
        because=because,
        features=features,
        evidence_sentences=[i for _, i in scored],
        gap_sentences=sorted(set(gaps)),
        sections=names,
        strength=strength,
    )


def evidence_from(
    draft: AnalysedDraft, pack: ConcernPack, idx: int, negated: bool, score: float
) -> Evidence:
    s = draft.sentences[idx]
    signals = sorted({h.signal for h in draft.hits[idx] if h.concern == pack.id})
    return Evidence(
        text=s.text,
        start=s.start,
        end=s.end,
        section=s.section,
        signals=signals,
        negated=negated,
        score=score,
    )
