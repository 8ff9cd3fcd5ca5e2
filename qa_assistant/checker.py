"""The checker: ingest -> document -> NLP -> checks (actions, facts, rule packs, models) -> result.

Everything expensive (spaCy, matchers, rule packs, trained models) is built once per
``Checker``; checking a draft is then one pass. ``default_checker()`` shares one per framework
and process.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from qa_assistant.actions.dates import parse_date
from qa_assistant.actions.extract import Action, ActionReader
from qa_assistant.checks.facts import FactReader, Facts
from qa_assistant.checks.flags import raise_flags, ratings, summary_score
from qa_assistant.checks.packs import RuleSet, load_framework, load_rules
from qa_assistant.checks.profile import BLANK_TEMPLATE, NOT_A_REVIEW, ReviewProfile
from qa_assistant.checks.rule_check import (
    RuleOutcome,
    evaluate_pack,
    evidence_from,
    heading_matches,
)
from qa_assistant.checks.suggest import framework_note
from qa_assistant.checks.traceability import LessonTracer
from qa_assistant.document.model import Document
from qa_assistant.ingest import read_bytes, read_path
from qa_assistant.nlp.annotate import AnalysedDraft, Annotator
from qa_assistant.nlp.pipeline import forgets_draft_words, get_nlp
from qa_assistant.paths import models_dir
from qa_assistant.result.model import ConcernResult, DraftResult, Explanation, Flag

STATUS_BAND = {"met": (0.67, 1.0), "partial": (0.34, 0.66), "missing": (0.0, 0.33)}
MAX_EVIDENCE = 6


def action_features(actions: list[Action], facts: Facts, rules: RuleSet) -> dict[str, float]:
    """The action-plan features the packs' decision rules and the flags read (the reviewing
    agency and the corporate parent are the framework's, in its ``agencies.yaml``)."""
    own, parent = rules.reviewing_agency, rules.corporate_parent
    n = len(actions)
    owned = sum(a.owned for a in actions)
    dated = sum(a.dated for a in actions)
    specific = sum(a.specific for a in actions)
    return {
        "actions": float(n),
        "non_yot_actions": float(sum(any(o != own for o in a.owners) for a in actions)),
        "csc_actions": float(sum(bool(parent & set(a.owners)) for a in actions)),
        "liaise_actions": float(sum(bool(a.liaise_with) for a in actions)),
        "owned_ratio": owned / n if n else 0.0,
        "dated_ratio": dated / n if n else 0.0,
        "specific_ratio": specific / n if n else 0.0,
        "review_in_plan": float(sum(bool(a.review and parse_date(a.review)) for a in actions)),
        "looked_after": float(facts.looked_after),
    }


class Checker:
    """Checks drafts against one framework (``clr`` by default): ``Checker(framework="sfo")``.

    Nothing is shared between checkers but the spaCy pipeline, so checkers of different
    frameworks work side by side in one process."""

    def __init__(
        self,
        rules: RuleSet | None = None,
        models=None,
        use_models: bool = True,
        framework: str | Path | RuleSet | None = None,
    ) -> None:
        if isinstance(framework, RuleSet):
            rules = framework
        elif framework is not None and rules is None:
            rules = load_framework(framework)
        self.rules = rules or load_rules()
        self.framework = self.rules.name
        self.nlp = get_nlp()
        self.annotator = Annotator(self.nlp, self.rules)
        self.action_reader = ActionReader(self.rules, self.annotator)
        self.fact_reader = FactReader(self.rules)
        self.tracer = LessonTracer(self.action_reader)
        self.profile = ReviewProfile(self.rules.review_profile)
        if models is None and use_models:
            from qa_assistant.learn.store import load_default_models

            models = load_default_models(self.rules.name)
            if models is not None and getattr(models, "rules", 0) is None:
                models.rules = self.rules  # the same packs: not parsed a second time
        self.models = models
        # no model was trained for this framework: it runs on its rules and says so
        shipped = self.rules.folder is not None and (
            (self.rules.folder / "models" / "manifest.json").exists()
            or (models_dir(self.rules.name) / "manifest.json").exists()
        )
        self.rules_only_note = (
            ""
            if self.models is not None or not use_models or shipped
            else f"no trained model for the '{self.rules.name}' framework: rules only"
        )

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
        extra = action_features(actions, facts, self.rules)
        draft.traceability = self.tracer.trace(draft, actions)
        extra.update(draft.traceability.features())
        outcomes = {p.id: evaluate_pack(draft, p, extra) for p in self.rules.concerns}
        draft.features = extra  # per draft, not on the shared checker (threads share it)
        return outcomes, actions, facts

    @forgets_draft_words  # the draft's words do not stay in the shared spaCy vocabulary
    def check_document(self, document: Document) -> DraftResult:
        try:
            return self._check(document)
        finally:
            heading_matches.cache_clear()  # it holds the draft's headings: nothing is kept

    def _check(self, document: Document) -> DraftResult:
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
                    because=self._because(outcome, view, status) + (
                        f" ({self.rules_only_note})" if self.rules_only_note else ""
                    ),
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
            framework={"name": self.rules.name, "title": self.rules.title}
            | framework_note(self.rules.name, document.text),
            ratings=ratings(self.rules, concerns) if warning != NOT_A_REVIEW else None,
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
        level = self.models.overrule_level(cid, outcome.status, view.status)
        confident = p.get(view.status, 0.0) >= level
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

    # -- summary: the framework's score and flags (data) -------------------------------
    def _score(self, concerns: dict[str, ConcernResult]) -> int:
        return summary_score(self.rules, concerns)

    def _flags(self, draft, actions: list[Action], facts: Facts, concerns) -> list[Flag]:
        """Flags, each with the passages that support it (see the framework's flags.yaml)."""
        features = draft.features or action_features(actions, facts, self.rules)
        return raise_flags(
            self.rules,
            features,
            concerns,
            actions,
            facts,
            lambda: self.action_reader.criticised_agencies(draft),
        )


def default_checker(framework: str | None = None) -> Checker:
    """A shared checker per framework and process. ``QA_FRAMEWORK`` (``batch --framework``)
    names the framework when none is given; ``QA_RULES_ONLY=1`` (``--rules-only``) skips the
    models."""
    return _shared_checker(
        framework or os.environ.get("QA_FRAMEWORK") or None,
        os.environ.get("QA_RULES_ONLY") != "1",
    )


@lru_cache(maxsize=4)
def _shared_checker(framework: str | None, use_models: bool) -> Checker:
    return Checker(framework=framework, use_models=use_models)


default_checker.cache_clear = _shared_checker.cache_clear  # type: ignore[attr-defined]
