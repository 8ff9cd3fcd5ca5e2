"""Load and validate a framework, ``qa_assistant/frameworks/<name>/`` (the data the checks
interpret): every file is checked against its schema (``checks/schema.py``).

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
from typing import get_args

import yaml
from pydantic import ValidationError

from qa_assistant.checks.conditions import compile_condition, condition_names
from qa_assistant.checks.schema import (
    SCHEMAS,
    AgenciesFile,
    FlagRule,
    FrameworkFile,
    PackFile,
    ScoreFile,
    Speaker,
    describe,
    label,
)
from qa_assistant.paths import framework_dir, frameworks_dir
from qa_assistant.result.status import STATUSES

# Sets of sentences a combo may require besides its signals: those that speak of the subject
# child, and those that name an agency other than the reviewing one.
COMBO_SENTENCE_SETS = ("@child", "@agency_other")
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
    "gap_statements",
    "traced_ratio",
)
SPEAKERS = get_args(Speaker)


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
    speaker: str = ""  # sentences whose reported speech is this speaker's (speakers.yaml)
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
class CompiledFlag:
    """A flag rule of ``flags.yaml`` ready to run (see ``checks/flags.py``)."""

    rule: FlagRule
    test: object = field(compare=False, repr=False)
    concerns: frozenset[str] = frozenset()  # concern ids it reads: all must be in the checklist


@dataclass(frozen=True)
class RuleSet:
    concerns: tuple[ConcernPack, ...]
    severity_weights: dict[str, float]
    negation: dict
    agencies: dict
    facts: dict
    actions: dict
    generic_agency_terms: frozenset[str] = frozenset()
    agency_short_names: frozenset[str] = frozenset()
    speakers: dict = field(default_factory=dict)
    review_profile: dict = field(default_factory=dict)
    # the framework: its name and title, flags, score and agency roles (all data)
    name: str = "clr"
    title: str = ""
    description: str = ""
    folder: Path | None = None
    suggest_when: tuple[str, ...] = ()
    flags: tuple[CompiledFlag, ...] = ()
    score: ScoreFile | None = None
    reviewing_agency: str = ""
    corporate_parent: frozenset[str] = frozenset()
    agency_labels: dict = field(default_factory=dict)
    agency_display: dict = field(default_factory=dict)

    def pack(self, concern_id: str) -> ConcernPack:
        for p in self.concerns:
            if p.id == concern_id:
                return p
        raise KeyError(concern_id)

    @property
    def concern_ids(self) -> list[str]:
        return [p.id for p in self.concerns]


def _load_yaml(path: Path, schema: bool = True) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"cannot load rule file {label(path)}: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(f"rule file {label(path)} must hold a mapping")
    model = SCHEMAS.get(path.name) if schema else None
    if model is not None:
        try:
            model.model_validate(data)
        except ValidationError as exc:
            raise PackError(describe(path, exc, text)) from None
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
    data = _load_yaml(path, schema=False)
    where = label(path)
    try:
        PackFile.model_validate(data)
    except ValidationError as exc:
        raise PackError(describe(path, exc)) from None
    for key in ("id", "title", "decide", "advice"):
        if key not in data:
            raise PackError(f"{where}: missing '{key}'")
    signals = tuple(_signal(n, s or {}, where) for n, s in (data.get("signals") or {}).items())
    names = {s.name for s in signals}
    combos = {k: tuple(v) for k, v in (data.get("combos") or {}).items()}
    for combo, parts in combos.items():
        for part in parts:
            if part not in names and part not in COMBO_SENTENCE_SETS:
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


STATUS_SUFFIXES = ("met", "partial", "missing", "gap")
FACT_EVIDENCE = ("looked_after", "incident_type", "child_age")


def _chain(base: Path) -> tuple[FrameworkFile, list[Path]]:
    """The framework's description and its folder followed by the folders it extends."""
    folders = [base]
    info = None
    seen = {base.resolve()}
    here = base
    while True:
        spec = here / "framework.yaml"
        data = _load_yaml(spec) if spec.exists() else {"name": here.name, "title": here.name}
        fw = FrameworkFile.model_validate(data)
        info = info or fw
        if not fw.extends:
            return info, folders
        here = framework_dir(fw.extends)
        if here.resolve() in seen or not here.is_dir():
            raise PackError(f"{label(spec)}: extends unknown or circular framework {fw.extends!r}")
        seen.add(here.resolve())
        folders.append(here)


def _find(folders: list[Path], name: str) -> Path:
    for folder in folders:
        if (folder / name).exists():
            return folder / name
    raise PackError(f"{folders[0].name}: no {name} (nor in the frameworks it extends)")


def _compile_flags(path: Path, data: dict, known_packs: set[str]) -> tuple[CompiledFlag, ...]:
    where = label(path)
    known = set(PROVIDED_FEATURES) | {f"{c}_{s}" for c in known_packs for s in STATUS_SUFFIXES}
    out = []
    for rule in (FlagRule.model_validate(f) for f in data.get("flags") or []):
        try:
            test = compile_condition(rule.when)
            names = condition_names(rule.when)
        except (ValueError, SyntaxError) as exc:
            raise PackError(f"{where}: flag '{rule.id}': {exc}") from exc
        unknown = sorted(names - known)
        if unknown:
            raise PackError(
                f"{where}: flag '{rule.id}' ('{rule.when}') names unknown feature(s) "
                f"{', '.join(unknown)}"
            )
        concerns = {n.rsplit("_", 1)[0] for n in names if n not in PROVIDED_FEATURES}
        for source in rule.evidence:
            kind, _, arg = source.partition(":")
            if kind == "gaps" and arg in known_packs:
                concerns.add(arg)
            elif not (source == "actions" or (kind == "fact" and arg in FACT_EVIDENCE)):
                raise PackError(f"{where}: flag '{rule.id}' has unknown evidence {source!r}")
        out.append(CompiledFlag(rule, test, frozenset(concerns)))
    return tuple(out)


def load_rules(directory: Path | None = None, name: str | None = None) -> RuleSet:
    """Load and validate a framework: ``directory`` (a framework folder) or ``name``."""
    base = Path(directory) if directory else framework_dir(name)
    if not base.is_dir():
        raise PackError(f"no framework folder {base}")
    info, folders = _chain(base)
    checklist_path = _find(folders, "checklist.yaml")
    checklist = _load_yaml(checklist_path)
    packs = []
    for entry in checklist.get("concerns") or []:
        if isinstance(entry, dict):
            cid, path = str(entry["id"]), (checklist_path.parent / entry["pack"]).resolve()
        else:
            cid, path = str(entry), _find(folders, f"concerns/{entry}.yaml")
        if not path.exists():
            raise PackError(f"{label(checklist_path)}: concern '{cid}' has no pack {path.name}")
        pack = load_pack(path)
        if pack.id != cid:
            raise PackError(f"{label(path)} declares id '{pack.id}', the checklist '{cid}'")
        packs.append(pack)
    ids = [p.id for p in packs]
    if len(set(ids)) != len(ids):
        raise PackError(f"{label(checklist_path)}: a concern is listed twice")
    known_packs = set(ids) | {
        p.stem for folder in folders for p in (folder / "concerns").glob("*.yaml")
    }
    score_path = _find(folders, "score.yaml")
    score = ScoreFile.model_validate(_load_yaml(score_path))
    if score.ratings:
        for area in score.ratings.areas:
            stray = sorted(set(area.concerns) - known_packs)
            if stray:
                raise PackError(f"{label(score_path)}: area '{area.id}' names {stray}")
        for band in score.ratings.bands:
            if band.rating not in score.ratings.scale:
                raise PackError(f"{label(score_path)}: rating {band.rating!r} not in the scale")
    flags_file = next((f / "flags.yaml" for f in folders if (f / "flags.yaml").exists()), None)
    flags = (
        _compile_flags(flags_file, _load_yaml(flags_file), known_packs) if flags_file else ()
    )
    agencies_path = _find(folders, "agencies.yaml")
    agencies = _load_agencies(agencies_path, folders)
    for aid in [agencies.reviewing_agency, *agencies.corporate_parent]:
        if aid not in agencies.agencies:
            raise PackError(f"{label(agencies_path)}: unknown agency id {aid!r}")
    raw_agencies = {
        k: {"names": v.names, "roles": v.roles, "acronyms": v.acronyms}
        for k, v in agencies.agencies.items()
    }
    return RuleSet(
        concerns=tuple(packs),
        severity_weights=dict(score.severity_weights),
        negation=_load_yaml(_find(folders, "negation.yaml")),
        agencies=raw_agencies,
        generic_agency_terms=frozenset(str(t).lower() for t in agencies.generic),
        agency_short_names=frozenset(str(t).lower() for t in agencies.short_names),
        speakers=_optional(folders, "speakers.yaml"),
        review_profile=_optional(folders, "review_profile.yaml"),
        facts=_load_yaml(_find(folders, "facts.yaml")),
        actions=_load_yaml(_find(folders, "actions.yaml")),
        name=info.name,
        title=info.title,
        description=" ".join(info.description.split()),
        folder=base,
        suggest_when=tuple(s.lower() for s in info.suggest_when),
        flags=flags,
        score=score,
        reviewing_agency=agencies.reviewing_agency,
        corporate_parent=frozenset(agencies.corporate_parent),
        agency_labels={k: v.label or k for k, v in agencies.agencies.items()},
        agency_display={k: v.display or v.label or k for k, v in agencies.agencies.items()},
    )


def _load_agencies(path: Path, folders: list[Path]) -> AgenciesFile:
    """A framework's agencies, applied over the extended framework's when it says ``extends``."""
    own = AgenciesFile.model_validate(_load_yaml(path))
    if not own.extends:
        if own.changes:
            raise PackError(f"{label(path)}: 'changes' needs 'extends: true'")
        return own
    later = folders[folders.index(path.parent) + 1 :] if path.parent in folders else []
    if not any((f / "agencies.yaml").exists() for f in later):
        raise PackError(f"{label(path)}: 'extends: true' but no extended framework has agencies")
    base = _load_agencies(_find(later, "agencies.yaml"), later)
    merged = {k: v.model_copy(deep=True) for k, v in base.agencies.items()}
    for aid, change in own.changes.items():
        if aid not in merged:
            raise PackError(f"{label(path)}: changes an unknown agency {aid!r}")
        spec = merged[aid]
        for kind, add, remove in (
            ("names", change.add_names, change.remove_names),
            ("roles", change.add_roles, change.remove_roles),
        ):
            current = getattr(spec, kind)
            absent = sorted(set(remove) - set(current))
            if absent:
                raise PackError(f"{label(path)}: {aid} has no {kind} {absent} to remove")
            kept = [w for w in current if w not in set(remove)]
            setattr(spec, kind, kept + [w for w in add if w not in kept])
        spec.label = change.label or spec.label
        spec.display = change.display or spec.display
    for aid, spec in own.agencies.items():
        if aid in merged:
            raise PackError(f"{label(path)}: agency {aid!r} exists already: use 'changes'")
        merged[aid] = spec
    return AgenciesFile(
        reviewing_agency=own.reviewing_agency,
        corporate_parent=own.corporate_parent or base.corporate_parent,
        agencies=merged,
        generic=[*base.generic, *own.generic],
        short_names=[*base.short_names, *own.short_names],
    )


def _optional(folders: list[Path], name: str) -> dict:
    try:
        return _load_yaml(_find(folders, name))
    except PackError as exc:
        if "no " + name in str(exc):
            return {}
        raise


def framework_names() -> list[str]:
    """The frameworks available (folders with a checklist), the default first."""
    root = frameworks_dir()
    names = sorted(
        p.name for p in root.iterdir() if p.is_dir() and (p / "framework.yaml").exists()
    ) if root.is_dir() else []
    return sorted(names, key=lambda n: n != "clr")


def load_framework(name: str | Path | None = None) -> RuleSet:
    """A framework by name (``clr``, ``sfo``...) or by folder."""
    if isinstance(name, Path) or (name and ("/" in str(name) or "\\" in str(name))):
        return load_rules(Path(name))
    if name and name not in framework_names():
        known = ", ".join(framework_names())
        raise PackError(f"unknown framework {name!r} (known: {known})")
    return load_rules(name=name)


@lru_cache(maxsize=8)
def cached_rules(directory: str | None = None) -> RuleSet:
    return load_rules(Path(directory) if directory else None)


@lru_cache(maxsize=8)
def cached_framework(name: str | None = None) -> RuleSet:
    return load_framework(name)
