"""Scored evidence with its explanation, in the spirit of Presidio's ``RecognizerResult`` and
``AnalysisExplanation``: a user can always see *why* a concern was judged as it was.

``DraftResult.to_dict()`` is the public JSON contract (README, ../shared/concerns.md ids).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Evidence:
    text: str
    start: int
    end: int
    section: str
    signals: list[str] = field(default_factory=list)  # which pack signals / model matched
    negated: bool = False  # shown as evidence of a gap ("Voice of the child: N/A")
    score: float = 0.0

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "signals": self.signals,
            "negated": self.negated,
            "score": round(self.score, 3),
        }


@dataclass
class Explanation:
    """What decided a concern: the rule that fired, the features it read, the model's view."""

    rule_status: str
    rule: str  # the decision rule that fired, e.g. "factor >= 4 and factor_link >= 1"
    because: str
    features: dict[str, float]
    sections: list[str] = field(default_factory=list)
    model: dict | None = None  # {"status":..., "probabilities": {...}, "sentence_score":..., ...}
    decided_by: str = "rules"  # "rules", "model", "rules+model"

    def text(self) -> str:
        parts = [self.because[:1].upper() + self.because[1:] if self.because else ""]
        shown = {k: v for k, v in self.features.items() if v and not k.startswith("_")}
        if shown:
            feats = ", ".join(
                f"{k}={v:g}" for k, v in sorted(shown.items(), key=lambda kv: -kv[1])[:6]
            )
            parts.append(f"rule pack: {self.rule_status} ({feats})")
        else:
            parts.append(f"rule pack: {self.rule_status} (no signals found)")
        if self.sections:
            parts.append("sections: " + ", ".join(f"'{s}'" for s in self.sections[:3]))
        if self.model:
            m = self.model
            probs = m.get("probabilities", {})
            parts.append(
                f"classifier: {m.get('status')} "
                f"(met {probs.get('met', 0):.2f} / partial {probs.get('partial', 0):.2f} / "
                f"missing {probs.get('missing', 0):.2f}; best sentence "
                f"{m.get('sentence_score', 0):.2f} on {m.get('sentences', 0)} sentence(s))"
            )
        parts.append(f"decided by {self.decided_by}")
        return "; ".join(p for p in parts if p) + "."


@dataclass
class ConcernResult:
    id: str
    title: str
    status: str
    score: float
    evidence: list[Evidence]
    explanation: Explanation
    advice: str
    severity: str = "medium"
    needs_review: bool = False  # rules and model disagree about met-or-gap: a person should check

    @property
    def is_gap(self) -> bool:
        return self.status != "met"

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "status": self.status,
            "score": round(self.score, 3),
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation.text(),
            "advice": self.advice,
            "severity": self.severity,
            "needs_review": self.needs_review,
            "details": {
                "rule_status": self.explanation.rule_status,
                "rule": self.explanation.rule,
                "features": self.explanation.features,
                "model": self.explanation.model,
                "decided_by": self.explanation.decided_by,
            },
        }


@dataclass
class Flag:
    """What a manager must not miss, with the passages that support it."""

    id: str
    message: str
    severity: str = "high"
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "message": self.message,
            "severity": self.severity,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class DraftResult:
    source: str
    fmt: str
    concerns: dict[str, ConcernResult]
    actions: list  # list[Action]
    facts: dict
    score: int
    flags: list[str]
    text: str = field(repr=False, default="")
    blocks: list = field(repr=False, default_factory=list)
    pages: int | None = None
    words: int = 0
    flag_details: list[Flag] = field(default_factory=list)
    warning: str = ""  # e.g. "this does not read as a learning review"
    scored: bool = True  # False: not a learning review, so no score is reported
    traceability: dict = field(default_factory=dict)  # lessons -> actions (learning_to_actions)
    # the framework checked against: {"name", "title", "suggested", "note"}
    framework: dict = field(default_factory=dict)
    ratings: dict | None = None  # rated areas and an overall rating (a framework's score.yaml)

    @property
    def needs_review(self) -> list[ConcernResult]:
        return [c for c in self.concerns.values() if c.needs_review]

    @property
    def gaps(self) -> list[ConcernResult]:
        return [c for c in self.concerns.values() if c.is_gap]

    def to_dict(self) -> dict:
        out = {
            "source": self.source,
            "framework": dict(self.framework),
            "concerns": {cid: c.to_dict() for cid, c in self.concerns.items()},
            "actions": [a.to_dict() for a in self.actions],
            "facts": dict(self.facts),
            "traceability": self.traceability,
            "summary": {
                "score": self.score if self.scored else None,
                "gaps": len(self.gaps),
                "flags": list(self.flags),
                "flag_details": [f.to_dict() for f in self.flag_details],
                "needs_review": [c.id for c in self.needs_review],
                "warning": self.warning,
                "format": self.fmt,
                "pages": self.pages,
                "words": self.words,
            },
        }
        if self.ratings:
            out["summary"]["ratings"] = self.ratings
        return out
