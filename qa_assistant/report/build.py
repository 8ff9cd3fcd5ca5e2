"""The findings of a sample, accumulated one batch record at a time.

``SampleAccumulator.add(record)`` keeps counts and, per concern, only the current best and
weakest example, so memory does not grow with the sample (the learning passages kept for the
themes are bounded per review). ``finish()`` gives a ``SampleReport``: plain numbers and short
quotes, every one of them recomputable from the batch JSONL.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from qa_assistant.checks.packs import cached_framework
from qa_assistant.report.themes import Passage, Theme, find_themes, short_quote

MAX_ERRORS_KEPT = 200
MAX_REASONS = 60
QUOTE_CHARS = 200


@dataclass
class Example:
    review: str
    section: str
    quote: str
    score: float
    status: str


@dataclass
class ConcernFindings:
    id: str
    title: str
    met: int = 0
    partial: int = 0
    missing: int = 0
    needs_review: int = 0
    best: Example | None = None
    weakest: Example | None = None
    lacked: Counter = field(default_factory=Counter)  # why the gaps were gaps
    advice: str = ""

    @property
    def total(self) -> int:
        return self.met + self.partial + self.missing

    @property
    def gaps(self) -> int:
        return self.partial + self.missing


@dataclass
class GroupFindings:
    """One service or one period."""

    name: str
    n: int = 0
    scored: int = 0
    score_sum: float = 0.0
    gaps: int = 0
    met: Counter = field(default_factory=Counter)  # concern id -> reviews meeting it
    yot_only: int = 0

    @property
    def mean_score(self) -> float | None:
        return round(self.score_sum / self.scored, 1) if self.scored else None

    @property
    def mean_gaps(self) -> float:
        return round(self.gaps / self.n, 1) if self.n else 0.0


@dataclass
class ActionFindings:
    reviews_with_plan: int = 0
    no_plan: int = 0
    yot_only: int = 0
    owners: Counter = field(default_factory=Counter)  # agency -> reviews with an action for it
    total: int = 0
    owned: int = 0
    dated: int = 0
    owned_and_dated: int = 0
    specific: int = 0
    looked_after: int = 0
    looked_after_corporate: int = 0


@dataclass
class SampleReport:
    generated: str
    files: int
    n: int
    not_reviews: int
    unreadable: list[tuple[str, str]]
    unreadable_count: int
    services: Counter
    periods: Counter
    incident_types: Counter
    formats: Counter
    looked_after: int
    score_sum: float
    scored: int
    concerns: list[ConcernFindings]
    actions: ActionFindings
    by_service: list[GroupFindings]
    by_period: list[GroupFindings]
    themes: list[Theme]
    passages: int
    prefix: str = ""  # the folder all sources share (left off when naming a review)

    @property
    def mean_score(self) -> float | None:
        return round(self.score_sum / self.scored, 1) if self.scored else None

    def concern_title(self, cid: str) -> str:
        return next((c.title for c in self.concerns if c.id == cid), cid)


def _because(explanation: str) -> str:
    return explanation.split("; rule pack:", 1)[0].strip().rstrip(".")


def _quote(evidence: list[dict], negated: bool | None) -> dict | None:
    for e in evidence:
        same = negated is None or bool(e.get("negated")) == negated
        if same and (e.get("text") or "").strip():
            return e
    return None


class SampleAccumulator:
    """``passages``: where the learning passages go (a list, or a ``PassageFile`` on disk)."""

    def __init__(self, passages: list | None = None) -> None:
        self.files = 0
        self.n = 0
        self.not_reviews = 0
        self.unreadable: list[tuple[str, str]] = []
        self.unreadable_count = 0
        self.services: Counter = Counter()
        self.periods: Counter = Counter()
        self.incident_types: Counter = Counter()
        self.formats: Counter = Counter()
        self.looked_after = 0
        self.score_sum = 0.0
        self.scored = 0
        self.concerns: dict[str, ConcernFindings] = {}
        self.actions = ActionFindings()
        self.by_service: dict[str, GroupFindings] = {}
        self.by_period: dict[str, GroupFindings] = {}
        self.passages = passages if passages is not None else []
        self.prefix: str | None = None

    def add(self, record: dict) -> None:
        self.files += 1
        source = str(record.get("source", ""))
        folder = os.path.dirname(source.split("!", 1)[0])
        if self.prefix is None:
            self.prefix = folder
        elif self.prefix:
            try:
                self.prefix = os.path.commonpath([self.prefix, folder])
            except ValueError:
                self.prefix = ""
        if "error" in record:
            self.unreadable_count += 1
            if len(self.unreadable) < MAX_ERRORS_KEPT:
                self.unreadable.append((source, str(record["error"])))
            return
        self.n += 1
        summary = record.get("summary", {})
        facts = record.get("facts", {})
        info = record.get("sample") or {}
        service = str(info.get("service") or "not named")
        period = str(info.get("period") or "not stated")
        self.services[service] += 1
        self.periods[period] += 1
        self.incident_types[str(facts.get("incident_type") or "not stated")] += 1
        self.formats[str(summary.get("format") or "unknown")] += 1
        la = bool(facts.get("looked_after"))
        self.looked_after += la
        score = summary.get("score")
        if score is None:
            self.not_reviews += 1
        else:
            self.score_sum += float(score)
            self.scored += 1
        concerns = record.get("concerns", {})
        for cid, c in concerns.items():
            self._concern(cid, c, source)
        # the action plan
        actions = record.get("actions", [])
        a = self.actions
        owners = {o for act in actions for o in act.get("owners", [])}
        rules = cached_framework((record.get("framework") or {}).get("name"))
        yot_only = bool(actions) and owners <= {rules.reviewing_agency}
        if actions:
            a.reviews_with_plan += 1
        else:
            a.no_plan += 1
        a.yot_only += yot_only
        a.owners.update(owners)
        for act in actions:
            a.total += 1
            owned = bool(act.get("owners"))
            dated = bool(act.get("due"))
            a.owned += owned
            a.dated += dated
            a.owned_and_dated += owned and dated
            a.specific += bool(act.get("specific"))
        if la:
            a.looked_after += 1
            a.looked_after_corporate += bool(owners & rules.corporate_parent)
        for groups, key in ((self.by_service, service), (self.by_period, period)):
            g = groups.setdefault(key, GroupFindings(key))
            g.n += 1
            if score is not None:
                g.scored += 1
                g.score_sum += float(score)
            g.gaps += int(summary.get("gaps") or 0)
            g.met.update(cid for cid, c in concerns.items() if c.get("status") == "met")
            g.yot_only += yot_only
        for p in record.get("passages") or []:
            self.passages.append(Passage(source, str(p.get("text", "")), str(p.get("section", ""))))

    def _concern(self, cid: str, c: dict, source: str) -> None:
        f = self.concerns.get(cid)
        if f is None:
            f = self.concerns[cid] = ConcernFindings(cid, str(c.get("title") or cid))
            f.advice = str(c.get("advice") or "")
        status = c.get("status")
        if status not in ("met", "partial", "missing"):
            return
        setattr(f, status, getattr(f, status) + 1)
        f.needs_review += bool(c.get("needs_review"))
        score = float(c.get("score") or 0.0)
        evidence = c.get("evidence") or []
        e = _quote(evidence, False) if status != "missing" else None
        if e:
            rank = (status == "met", score)
            if f.best is None or rank > (f.best.status == "met", f.best.score):
                f.best = Example(source, str(e.get("section") or ""),
                                 short_quote(e["text"], limit=QUOTE_CHARS), score, status)
        if status != "met":
            reason = _because(str(c.get("explanation") or ""))
            if reason and (reason in f.lacked or len(f.lacked) < MAX_REASONS):
                f.lacked[reason] += 1
            rank = (0 if status == "missing" else 1, score)
            current = f.weakest
            if current is None or rank < (0 if current.status == "missing" else 1, current.score):
                e = _quote(evidence, True) or _quote(evidence, None)
                f.weakest = Example(
                    source,
                    str(e.get("section") or "") if e else "",
                    short_quote(e["text"], limit=QUOTE_CHARS) if e else "",
                    score,
                    status,
                )

    def finish(self, themes: bool = True, today: _dt.date | None = None) -> SampleReport:
        def groups(d: dict[str, GroupFindings]) -> list[GroupFindings]:
            return sorted(d.values(), key=lambda g: g.name) if len(d) > 1 else []

        return SampleReport(
            generated=(today or _dt.date.today()).isoformat(),
            files=self.files,
            n=self.n,
            not_reviews=self.not_reviews,
            unreadable=self.unreadable,
            unreadable_count=self.unreadable_count,
            services=self.services,
            periods=self.periods,
            incident_types=self.incident_types,
            formats=self.formats,
            looked_after=self.looked_after,
            score_sum=self.score_sum,
            scored=self.scored,
            concerns=list(self.concerns.values()),
            actions=self.actions,
            by_service=groups(self.by_service),
            by_period=groups(self.by_period),
            themes=find_themes(self.passages) if themes else [],
            passages=len(self.passages),
            prefix=self.prefix or "",
        )


def build_report(records: Iterable[dict], themes: bool = True) -> SampleReport:
    acc = SampleAccumulator()
    for r in records:
        acc.add(r)
    return acc.finish(themes=themes)
