"""The checker: ingest -> document -> NLP -> checks (actions, facts, rule packs, models) -> result.

Everything expensive (spaCy, matchers, rule packs, trained models) is built once per
``Checker``; checking a draft is then one pass. ``default_checker()`` shares one per process.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from qa_assistant.actions.dates import parse_date
from qa_assistant.actions.extract import Action, ActionReader
from qa_assistant.checks.facts import FactReader, Facts
from qa_assistant.checks.packs import RuleSet, load_rules
from qa_assistant.checks.profile import BLANK_TEMPLATE, NOT_A_REVIEW, ReviewProfile
from qa_assistant.checks.rule_check import RuleOutcome, evaluate_pack, evidence_from
from qa_assistant.checks.traceability import LessonTracer
from qa_assistant.document.model import Document
from qa_assistant.ingest import read_bytes, read_path
from qa_assistant.nlp.annotate import AnalysedDraft, Annotator
from qa_assistant.nlp.pipeline import forgets_draft_words, get_nlp
from qa_assistant.result.model import ConcernResult, DraftResult, Evidence, Explanation, Flag

CSC_LIKE = {"childrens_social_care", "local_authority"}
AGENCY_NAMES = {
    "yot": "the YOT",
    "childrens_social_care": "children's social care",
    "police": "police",
    "health": "health",
    "education": "education",
    "probation": "probation",
    "housing": "housing",
    "local_authority": "the local authority",
    "safeguarding_partnership": "the safeguarding partnership",
    "other": "other agencies",
}
STATUS_BAND = {"met": (0.67, 1.0), "partial": (0.34, 0.66), "missing": (0.0, 0.33)}
MAX_EVIDENCE = 6


def action_features(actions: list[Action], facts: Facts) -> dict[str, float]:
    """The action-plan features the packs' decision rules read."""
    n = len(actions)
    owned = sum(a.owned for a in actions)
    dated = sum(a.dated for a in actions)
    specific = sum(a.specific for a in actions)
    return {
        "actions": float(n),
        "non_yot_actions": float(sum(any(o != "yot" for o in a.owners) for a in actions)),
        "csc_actions": float(sum(bool(CSC_LIKE & set(a.owners)) for a in actions)),
        "liaise_actions": float(sum(bool(a.liaise_with) for a in actions)),
        "owned_ratio": owned / n if n else 0.0,
        "dated_ratio": dated / n if n else 0.0,
        "specific_ratio": specific / n if n else 0.0,
        "review_in_plan": float(sum(bool(a.review and parse_date(a.review)) for a in actions)),
        "looked_after": float(facts.looked_after),
    }


class Checker:
    def __init__(self, rules: RuleSet | None = None, models=None, use_models: bool = True) -> None:
        self.rules = rules or load_rules()
        self.nlp = get_nlp()
        self.annotator = Annotator(self.nlp, self.rules)
        self.action_reader = ActionReader(self.rules, self.annotator)
        self.fact_reader = FactReader(self.rules)
        self.tracer = LessonTracer(self.action_reader)
        self.profile = ReviewProfile(self.rules.review_profile)
        if models is None and use_models:
            from qa_assistant.learn.store import load_default_models

            models = load_default_models()
            if models is not None and rules is None and getattr(models, "rules", 0) is None:
                models.rules = self.rules  # the same default packs: not parsed a second time
        self.models = models

    # -- entry points ----------------------------------------------------------------
    def check_path(self, path: str | Path) -> DraftResult:
        return self.check_document(read_path(path))

    def check_bytes(self, data: bytes, name: str) -> DraftResult:
        return self.check_document(read_bytes(data, name))

    def analyse(self, document: Document) -> AnalysedDraft:
        return self.annotator.annotate(document)

    def rule_outcomes(
        self, draft: AnalysedDraft
    ) -> tuple[dict[str, RuleOutcome], list[Action], Facts]:
        actions = self.action_reader.read(draft)
        facts = self.fact_reader.read(draft)
        extra = action_features(actions, facts)
        draft.traceability = self.tracer.trace(draft, actions)
        extra.update(draft.traceability.features())
        outcomes = {p.id: evaluate_pack(draft, p, extra) for p in self.rules.concerns}
        return outcomes, actions, facts

    @forgets_draft_words  # the draft's words do not stay in the shared spaCy vocabulary
    def check_document(self, document: Document) -> DraftResult:
        draft = self.analyse(document)
        outcomes, actions, facts = self.rule_outcomes(draft)
        model_views = self.models.predict(draft, outcomes) if self.models else {}
        warning = self.profile.warning(draft)
        if warning:  # nothing to weigh: no model view, and a blank template is missing throughout
            model_views = {}
        concerns: dict[str, ConcernResult] = {}
        for pack in self.rules.concerns:
            outcome = outcomes[pack.id]
            view = model_views.get(pack.id)
            status, score, decided_by, review = self._combine(pack.id, outcome, view)
            if warning == BLANK_TEMPLATE:
                status, score, review = "missing", 0.0, False
            concerns[pack.id] = ConcernResult(
                id=pack.id,
                title=pack.title,
                status=status,
                score=score,
                evidence=self._evidence(draft, pack, outcome, view, status),
                explanation=Explanation(
                    rule_status=outcome.status,
                    rule=outcome.rule,
                    because=self._because(outcome, view, status),
                    features={
                        k: round(outcome.features.get(k, 0.0), 3) for k in pack.feature_names
                    },
                    sections=outcome.sections,
                    model=view.to_dict() if view else None,
                    decided_by=decided_by,
                ),
                needs_review=review,
                advice=pack.advice.get(status, ""),
                severity=pack.severity,
            )
        flag_details = self._flags(draft, actions, facts, concerns)
        return DraftResult(
            source=document.source,
            fmt=document.fmt,
            concerns=concerns,
            actions=actions,
            facts=facts.to_dict(),
            score=self._score(concerns),
            scored=warning != NOT_A_REVIEW,
            flags=[f.message for f in flag_details],
            flag_details=flag_details,
            traceability=draft.traceability.to_dict() if draft.traceability else {},
            warning=warning,
            text=document.text,
            blocks=document.blocks,
            pages=document.pages,
            words=document.word_count(),
        )

    # -- combination -----------------------------------------------------------------
    def _combine(self, cid: str, outcome: RuleOutcome, view) -> tuple[str, float, str, bool]:
        """Status, score, who decided, and whether a person should check it.

        The rule pack's verdict stands unless cross-validation on unseen voices showed the model
        right more often where they disagree for this concern *and* the model is confident.
        A disagreement about met-or-gap that is not settled that way is marked for review."""
        lo, hi = STATUS_BAND[outcome.status]
        rule_score = lo + (hi - lo) * outcome.strength
        if view is None:
            return outcome.status, rule_score, "rules", False
        p = view.probabilities
        model_score = p.get("met", 0.0) + 0.5 * p.get("partial", 0.0)
        if view.status == outcome.status:
            return outcome.status, model_score, "rules+model", False
        confident = p.get(view.status, 0.0) >= self.models.confidence
        trusted = self.models.may_overrule(cid)
        if trusted and confident:
            return view.status, model_score, "model", False
        crosses = (view.status == "met") != (outcome.status == "met")
        return outcome.status, rule_score, "rules", crosses and (trusted or confident)

    @staticmethod
    def _because(outcome: RuleOutcome, view, status: str) -> str:
        if view is not None and view.status != status == outcome.status:
            return (
                f"{outcome.because} (the classifier read it as {view.status}; "
                "the rule pack's reading stands)"
            )
        if view is None or status == outcome.status:
            return outcome.because
        return (
            f"the classifier judged this {status} from the draft's wording "
            f"(the rule pack alone said {outcome.status}: {outcome.because})"
        )

    def _evidence(self, draft, pack, outcome: RuleOutcome, view, status: str) -> list:
        ranked: list[tuple[int, float]] = []
        if view is not None:
            ranked.extend((i, s) for i, s in view.top_sentences if s >= 0.5)
        if status != "missing":  # a missing concern shows what is there in its place, not hints
            ranked.extend((i, 0.0) for i in outcome.evidence_sentences)
        seen: set[int] = set()
        out = []
        for i, s in ranked:
            if i in seen:
                continue
            seen.add(i)
            out.append(evidence_from(draft, pack, i, False, s))
            if len(out) >= MAX_EVIDENCE:
                break
        if status != "met":
            for i in outcome.gap_sentences[:3]:
                if i not in seen:
                    out.append(evidence_from(draft, pack, i, True, 0.0))
        return out

    # -- summary ---------------------------------------------------------------------
    def _score(self, concerns: dict[str, ConcernResult]) -> int:
        weights = self.rules.severity_weights
        total = got = 0.0
        for c in concerns.values():
            w = weights.get(c.severity, 2.0)
            total += w
            got += w * {"met": 1.0, "partial": 0.5, "missing": 0.0}[c.status]
        return round(100 * got / total) if total else 0

    def _flags(self, draft, actions: list[Action], facts: Facts, concerns) -> list[Flag]:
        """Flags, each with the passages that support it (a flag with none is not raised)."""
        flags: list[Flag] = []
        owners = {o for a in actions for o in a.owners}

        def action_ev(acts: list[Action]) -> list[Evidence]:
            return [
                Evidence(a.text, a.start, a.end, a.section, ["action"], False, 0.0)
                for a in acts[:4]
            ]

        if not actions:
            flags.append(Flag("no_action_plan", "no action plan found", "high"))
        elif owners <= {"yot"}:
            criticised = [
                a for a in self.action_reader.criticised_agencies(draft) if a not in owners
            ]
            msg = "actions only addressed to the YOT"
            if criticised:
                names = ", ".join(AGENCY_NAMES.get(a, a) for a in criticised[:5])
                msg += f"; the narrative raises learning for {names} but gives them no action"
            flags.append(Flag("yot_only_actions", msg, "high", action_ev(actions)))
        if facts.looked_after and not (owners & CSC_LIKE):
            ev = facts.evidence.get("looked_after")
            flags.append(
                Flag(
                    "looked_after_no_corporate_parent_action",
                    "looked-after child with no action for the corporate parent "
                    "or children's social care",
                    "high",
                    [Evidence(ev.text, ev.start, ev.end, "", ["looked_after"], False, 1.0)]
                    if ev and ev.text
                    else [],
                )
            )
        blame = concerns.get("blame_free")
        blame_ev = [e for e in (blame.evidence if blame else []) if e.negated]
        if blame and blame.status != "met" and blame_ev:  # only with a blaming passage to show
            flags.append(Flag("blaming_language", "blaming language", "medium", blame_ev))
        signoff = concerns.get("qa_signoff")
        if signoff and signoff.status == "missing":
            flags.append(
                Flag(
                    "no_independent_signoff",
                    "no independent senior sign-off recorded",
                    "medium",
                    [e for e in signoff.evidence if e.negated],
                )
            )
        return flags


@lru_cache(maxsize=1)
def default_checker() -> Checker:
    """One checker per process; ``QA_RULES_ONLY=1`` (``batch --rules-only``) skips the models."""
    return Checker(use_models=os.environ.get("QA_RULES_ONLY") != "1")
