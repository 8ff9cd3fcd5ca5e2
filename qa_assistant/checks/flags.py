"""Flags and score from a framework's data (``flags.yaml``, ``score.yaml``).

A flag is a condition over the action-plan features, the facts and the concerns' statuses
(``<concern id>_met``, ``_partial``, ``_missing``, ``_gap``); its evidence comes from the sources it
names. The interpreter knows no concern id or agency: those are in the data.
"""

from __future__ import annotations

from qa_assistant.checks.packs import RuleSet
from qa_assistant.result.model import ConcernResult, Evidence, Flag
from qa_assistant.result.status import STATUSES


def status_features(concerns: dict[str, ConcernResult]) -> dict[str, float]:
    out: dict[str, float] = {}
    for cid, c in concerns.items():
        for s in STATUSES:
            out[f"{cid}_{s}"] = float(c.status == s)
        out[f"{cid}_gap"] = float(c.status != "met")
    return out


def raise_flags(
    rules: RuleSet,
    features: dict[str, float],
    concerns: dict[str, ConcernResult],
    actions: list,
    facts,
    criticised: callable,
) -> list[Flag]:
    """The framework's flags that hold for this draft, each with its supporting passages.

    ``criticised()`` lists the agencies the narrative raises learning for (computed only when a
    flag's message asks for it)."""
    values = dict(features) | status_features(concerns)
    owners = {o for a in actions for o in a.owners}
    out: list[Flag] = []
    for flag in rules.flags:
        if not flag.concerns <= set(concerns):  # reads a concern this checklist leaves out
            continue
        if not flag.test(values):
            continue
        rule = flag.rule
        evidence: list[Evidence] = []
        for source in rule.evidence:
            kind, _, arg = source.partition(":")
            if source == "actions":
                evidence += [
                    Evidence(a.text, a.start, a.end, a.section, ["action"], False, 0.0)
                    for a in actions[:4]
                ]
            elif kind == "fact":
                ev = facts.evidence.get(arg)
                if ev and ev.text:
                    evidence.append(Evidence(ev.text, ev.start, ev.end, "", [arg], False, 1.0))
            elif kind == "gaps":
                evidence += [e for e in concerns[arg].evidence if e.negated]
        if rule.require_evidence and rule.evidence and not evidence:
            continue  # nothing to show: not raised
        message = rule.message
        if "{criticised_agencies}" in rule.detail:
            names = [a for a in criticised() if a not in owners][:5]
            if names:
                labels = ", ".join(rules.agency_labels.get(a, a) for a in names)
                message += rule.detail.replace("{criticised_agencies}", labels)
        elif rule.detail:
            message += rule.detail
        out.append(Flag(rule.id, message, rule.severity, evidence))
    return out


def summary_score(rules: RuleSet, concerns: dict[str, ConcernResult]) -> int:
    score = rules.score
    values = score.status_values if score else {"met": 1.0, "partial": 0.5, "missing": 0.0}
    default = score.default_weight if score else 2.0
    total = got = 0.0
    for c in concerns.values():
        w = rules.severity_weights.get(c.severity, default)
        total += w
        got += w * values.get(c.status, 0.0)
    return round(100 * got / total) if total else 0


def ratings(rules: RuleSet, concerns: dict[str, ConcernResult]) -> dict | None:
    """Each rated area's rating on the framework's scale and an overall rating, or None."""
    spec = rules.score.ratings if rules.score else None
    if spec is None:
        return None
    values = rules.score.status_values
    scale = spec.scale

    def rate(mean: float, missing: int, gaps: int) -> str:
        for band in spec.bands:
            if mean + 1e-9 < band.min:
                continue
            if band.max_missing is not None and missing > band.max_missing:
                continue
            if band.max_gaps is not None and gaps > band.max_gaps:
                continue
            return band.rating
        return scale[-1]

    areas = {}
    for area in spec.areas:
        present = [concerns[c] for c in area.concerns if c in concerns]
        if not present:
            continue
        mean = sum(values.get(c.status, 0.0) for c in present) / len(present)
        missing = sum(c.status == "missing" for c in present)
        gaps = sum(c.status != "met" for c in present)
        areas[area.id] = {
            "title": area.title,
            "rating": rate(mean, missing, gaps),
            "concerns": {c.id: c.status for c in present},
            "value": round(mean, 3),
        }
    if not areas:
        return None
    if spec.overall == "worst_area":
        overall = max((a["rating"] for a in areas.values()), key=scale.index)
    else:  # the mean position on the scale, rounded towards the worse rating
        import math

        mean_pos = sum(scale.index(a["rating"]) for a in areas.values()) / len(areas)
        overall = scale[min(len(scale) - 1, math.ceil(mean_pos - 1e-9))]
    return {"scale": list(scale), "areas": areas, "overall": overall, "note": spec.note}
