"""Facts recorded per draft (looked_after, incident_type, child_age), read with the phrase
lists in ``rules/facts.yaml`` and the shared negation cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_assistant.checks.packs import RuleSet
from qa_assistant.nlp.annotate import AnalysedDraft, lowercase_twin

INCIDENT_HEADINGS = (
    "incident",
    "summary",
    "what happened",
    "brief summary",
    "serious incident",
    "type of incident",
    "nature of incident",
    "offence",
    "background to the review",
)


@dataclass
class Facts:
    looked_after: bool
    incident_type: str
    child_age: int | None
    looked_after_evidence: str = ""

    def to_dict(self) -> dict:
        return {
            "looked_after": self.looked_after,
            "incident_type": self.incident_type,
            "child_age": self.child_age,
        }


def _phrase_re(phrases) -> re.Pattern:
    alts = sorted((re.escape(str(p).lower()) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(" + "|".join(alts) + r")(?![a-z0-9])", re.I)


class FactReader:
    def __init__(self, rules: RuleSet) -> None:
        spec = rules.facts
        la = spec["looked_after"]
        self.la_pos = _phrase_re(la["positive"])
        self.la_neg = _phrase_re(la["negative"])
        self.la_past = _phrase_re(la.get("past", []))
        self.incidents = {k: _phrase_re(v) for k, v in spec["incident_types"].items()}
        # the same patterns for lower-cased ASCII text (see annotate.lowercase_twin)
        self.incidents_lower = {k: lowercase_twin(p) for k, p in self.incidents.items()}
        self.victim = _phrase_re(spec.get("victim_cues", []))
        age = spec["child_age"]
        self.age_patterns = [re.compile(p, re.I) for p in age["patterns"]]
        self.age_range = (int(age.get("min", 10)), int(age.get("max", 19)))
        self.neg_words = re.compile(r"\b(not|never|no|n't|nor)\b", re.I)

    def read(self, draft: AnalysedDraft) -> Facts:
        text = draft.document.text
        la, why = self._looked_after(draft)
        return Facts(la, self._incident(draft), self._age(text), why)

    def _looked_after(self, draft: AnalysedDraft) -> tuple[bool, str]:
        pos = neg = 0
        evidence = ""
        for s in draft.sentences:
            t = s.text
            if self.la_neg.search(t):
                neg += 1
                continue
            m = self.la_pos.search(t)
            if not m or self.la_past.search(t):
                continue
            before = t[max(0, m.start() - 30) : m.start()]
            if self.neg_words.search(before):
                neg += 1
                continue
            pos += 1
            evidence = evidence or t
        for h in draft.document.headings():  # "Child looked after: Yes" style forms
            if self.la_pos.search(h.text) and re.search(r"\byes\b", h.text, re.I):
                pos += 1
        return pos > 0 and pos >= neg, evidence

    def _incident(self, draft: AnalysedDraft) -> str:
        scores: dict[str, float] = {}
        for s in draft.sentences:
            section = " ".join(s.heading_path + (s.label,)).lower()
            weight = 3.0 if any(h in section for h in INCIDENT_HEADINGS) else 1.0
            if s.index < 40:
                weight *= 1.5
            lower = s.text.lower() if s.text.isascii() else None
            for kind, pattern in self.incidents.items():
                twin = self.incidents_lower[kind]
                fast = twin is not None and lower is not None
                n = len(twin.findall(lower) if fast else pattern.findall(s.text))
                if n:
                    scores[kind] = scores.get(kind, 0.0) + weight * n
        if not scores:
            return "other"
        # "attempted murder" also says "murder"; a victim-side rape is not a perpetrator's rape.
        if scores.get("attempted_murder") and scores.get("murder_manslaughter"):
            scores["murder_manslaughter"] -= scores["attempted_murder"]
        if scores.get("child_rape_victim") and scores.get("rape"):
            scores["rape"] -= scores["child_rape_victim"]
        if scores.get("attempted_suicide") and scores.get("child_death"):
            scores["child_death"] *= 0.5
        order = list(self.incidents)
        return max(scores, key=lambda k: (scores[k], -order.index(k)))

    def _age(self, text: str) -> int | None:
        lo, hi = self.age_range
        for pattern in self.age_patterns:
            for m in pattern.finditer(text[:20000]):
                age = int(m.group(1))
                if lo <= age <= hi:
                    return age
        return None
