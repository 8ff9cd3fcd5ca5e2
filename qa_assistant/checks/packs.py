"""Load and validate the rule packs in ``rules/`` (the data the checks interpret).

A pack is one YAML file per concern, in the spirit of Vale's style packs: heading synonyms,
signals (phrases, spaCy token patterns, regular expressions), co-occurrence combos, negation
cues, ordered decision rules over named features, and advice. Loading fails loudly on a
malformed pack so that a broken edit is caught by the tests, not by a user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from qa_assistant.checks.conditions import compile_condition, condition_names
from qa_assistant.paths import rules_dir

STATUSES = ("met", "partial", "missing")
# Features every pack may read besides its own signals and combos: the section features computed
# by the rule interpreter and the action-plan and fact features the checker supplies. A decision
# naming anything else is a typo and fails at load.
SECTION_FEATURES = ("heading", "section_words", "section_empty", "section_agencies")
PROVIDED_FEATURES = (
    "actions",
    "non_yot_actions",
    "csc_actions",
    "liaise_actions",
    "owned_ratio",
    "dated_ratio",
    "specific_ratio",
    "review_in_plan",
    "looked_after",
    "findings",
    "findings_answered",
    "answered_ratio",
)
SPEAKERS = ("child", "parent", "professional", "other")


class PackError(ValueError):
    """A rule pack is malformed."""


@dataclass(frozen=True)
class Signal:
    name: str
    weight: float = 1.0
    negatable: bool = False
    gap: bool = False  # a match is evidence of the gap ("negligent", "views were not sought")
    phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[dict, ...], ...] = ()
    regex: re.Pattern | None = None
    speaker: str = ""  # sentences whose reported speech is this speaker's (rules/speakers.yaml)
    child_regex: tuple[str, ...] = ()  # patterns naming the subject child as {child}
    evidence: bool = True  # False: a feature only, evidence when another signal is in the sentence


@dataclass(frozen=True)
class Decision:
    status: str
    when: str
    because: str
    test: object = field(compare=False, repr=False)


@dataclass(frozen=True)
class ConcernPack:
    id: str
    title: str
    severity: str
    question: str
    headings: tuple[str, ...]
    signals: tuple[Signal, ...]
    combos: dict[str, tuple[str, ...]]
    decisions: tuple[Decision, ...]
    default: str
    default_because: str
    advice: dict[str, str]
    negation_before: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()
    negation_own: bool = False  # the pack's cues replace the shared ones instead of adding to them
    negation_window: int = 0  # the pack's own window before a match (0: the shared one)
    feature_names: tuple[str, ...] = ()  # the features this pack's signals and rules use


@dataclass(frozen=True)
class RuleSet:
    concerns: tuple[ConcernPack, ...]
    severity_weights: dict[str, float]
    negation: dict
    agencies: dict
    facts: dict
    actions: dict
    generic_agency_terms: frozenset[str] = frozenset()
    speakers: dict = field(default_factory=dict)
    review_profile: dict = field(default_factory=dict)

    def pack(self, concern_id: str) -> ConcernPack:
        for p in self.concerns:
            if p.id == concern_id:
                return p
        raise KeyError(concern_id)

    @property
    def concern_ids(self) -> list[str]:
        return [p.id for p in self.concerns]


def _load_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"cannot load rule file {path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(f"rule file {path.name} must hold a mapping")
    return data


def _signal(name: str, spec: dict, where: str) -> Signal:
    regexes = [r for r in spec.get("regex") or [] if "{child}" not in str(r)]
    child_regex = tuple(str(r) for r in spec.get("regex") or [] if "{child}" in str(r))
    for r in child_regex:  # checked now with a stand-in name, compiled per draft
        try:
            re.compile(r.replace("{child}", "Kai"))
        except re.error as exc:
            raise PackError(f"{where}: signal '{name}' has a bad regex: {exc}") from exc
    try:
        compiled = (
            re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE) if regexes else None
        )
    except re.error as exc:
        raise PackError(f"{where}: signal '{name}' has a bad regex: {exc}") from exc
    patterns = tuple(tuple(p) for p in spec.get("patterns") or [])
    phrases = tuple(str(p).lower() for p in spec.get("phrases") or [])
    speaker = str(spec.get("speaker") or "")
    if speaker and speaker not in SPEAKERS:
        raise PackError(f"{where}: signal '{name}' has unknown speaker {speaker!r}")
    if not (compiled or patterns or phrases or speaker or child_regex):
        raise PackError(f"{where}: signal '{name}' has no phrases, patterns, regex or speaker")
    return Signal(
        name=name,
        weight=float(spec.get("weight", 1.0)),
        negatable=bool(spec.get("negatable", False)),
        gap=bool(spec.get("gap", False)),
        phrases=phrases,
        patterns=patterns,
        regex=compiled,
        speaker=speaker,
        child_regex=child_regex,
        evidence=bool(spec.get("evidence", True)),
    )


def load_pack(path: Path) -> ConcernPack:
    data = _load_yaml(path)
    where = path.name
    for key in ("id", "title", "decide", "advice"):
        if key not in data:
            raise PackError(f"{where}: missing '{key}'")
    signals = tuple(_signal(n, s or {}, where) for n, s in (data.get("signals") or {}).items())
    names = {s.name for s in signals}
    combos = {k: tuple(v) for k, v in (data.get("combos") or {}).items()}
    for combo, parts in combos.items():
        for part in parts:
            if part not in names and not part.startswith("@"):
                raise PackError(f"{where}: combo '{combo}' names unknown signal '{part}'")
    decisions = []
    for i, d in enumerate(data["decide"]):
        status = d.get("status")
        if status not in STATUSES:
            raise PackError(f"{where}: decision {i + 1} has status {status!r}")
        try:
            test = compile_condition(str(d["when"]))
        except (KeyError, ValueError, SyntaxError) as exc:
            raise PackError(f"{where}: decision {i + 1}: {exc}") from exc
        known = (
            names
            | {f"{n}_neg" for n in names}
            | {f"{n}_in_section" for n in names}
            | set(combos)
            | set(SECTION_FEATURES)
            | set(PROVIDED_FEATURES)
        )
        unknown = sorted(condition_names(str(d["when"])) - known)
        if unknown:
            raise PackError(
                f"{where}: decision {i + 1} ('{d['when']}') names unknown feature(s) "
                f"{', '.join(unknown)}"
            )
        decisions.append(Decision(status, str(d["when"]), str(d.get("because", "")), test))
    default = data.get("default", "missing")
    if default not in STATUSES:
        raise PackError(f"{where}: default status {default!r}")
    advice = {k: " ".join(str(v).split()) for k, v in data["advice"].items()}
    for status in STATUSES:
        advice.setdefault(status, "")
    neg = data.get("negation") or {}
    used = [s.name for s in signals] + [f"{s.name}_neg" for s in signals if s.negatable]
    used += list(combos)
    for d in decisions:
        used += re.findall(r"[A-Za-z_][A-Za-z0-9_]*", d.when)
    used = [u for u in dict.fromkeys(used) if u not in ("and", "or", "not")]
    return ConcernPack(
        id=str(data["id"]),
        title=str(data["title"]),
        severity=str(data.get("severity", "medium")),
        question=" ".join(str(data.get("question", "")).split()),
        headings=tuple(str(h).lower() for h in data.get("headings") or []),
        signals=signals,
        combos=combos,
        decisions=tuple(decisions),
        default=default,
        default_because=str(data.get("default_because", "")),
        advice=advice,
        negation_before=tuple(neg.get("before") or ()),
        negation_after=tuple(neg.get("after") or ()),
        negation_own=bool(neg.get("replace_shared", False)),
        negation_window=int(neg.get("window_before", 0)),
        feature_names=tuple(used),
    )


def load_rules(directory: Path | None = None) -> RuleSet:
    base = Path(directory) if directory else rules_dir()
    checklist = _load_yaml(base / "checklist.yaml")
    packs = []
    for cid in checklist.get("concerns") or []:
        pack = load_pack(base / "concerns" / f"{cid}.yaml")
        if pack.id != cid:
            raise PackError(f"concerns/{cid}.yaml declares id '{pack.id}'")
        packs.append(pack)
    agencies = _load_yaml(base / "agencies.yaml")
    return RuleSet(
        concerns=tuple(packs),
        severity_weights={
            k: float(v) for k, v in (checklist.get("severity_weights") or {}).items()
        },
        negation=_load_yaml(base / "negation.yaml"),
        agencies=agencies["agencies"],
        generic_agency_terms=frozenset(str(t).lower() for t in agencies.get("generic") or []),
        speakers=_load_yaml(base / "speakers.yaml") if (base / "speakers.yaml").exists() else {},
        review_profile=(
            _load_yaml(base / "review_profile.yaml")
            if (base / "review_profile.yaml").exists()
            else {}
        ),
        facts=_load_yaml(base / "facts.yaml"),
        actions=_load_yaml(base / "actions.yaml"),
    )


@lru_cache(maxsize=4)
def cached_rules(directory: str | None = None) -> RuleSet:
    return load_rules(Path(directory) if directory else None)
