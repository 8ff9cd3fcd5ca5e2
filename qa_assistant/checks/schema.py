"""Schemas for every YAML file of a framework, checked at load (pydantic).

Unknown keys fail loudly: the error names the file, the key path and, where the YAML can be
re-read for it, the line. The schemas say which keys exist and their types; the meaning (which
features a condition may name, which concern a flag reads) is checked by the loaders.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


Status = Literal["met", "partial", "missing"]
# whose words a sentence reports (nlp/speakers.py)
Speaker = Literal["child", "parent", "professional", "other"]
# word lists: YAML reads a bare yes/no/on as a boolean; the loaders use str() of each item
Words = list[str | bool | int | float]


# -- framework.yaml ---------------------------------------------------------------------------
class FrameworkFile(Strict):
    name: str
    title: str
    description: str = ""
    # files not present in this framework's folder are taken from this framework's folder
    extends: str | None = None
    # phrases in a draft's title or opening that suggest this framework (a note, never a switch)
    suggest_when: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


# -- checklist.yaml -----------------------------------------------------------------------------
class ChecklistEntry(Strict):
    id: str
    # a pack file relative to this framework's folder, e.g. ../clr/concerns/analysis_why.yaml
    pack: str


class ChecklistFile(Strict):
    concerns: list[str | ChecklistEntry]


# -- score.yaml ---------------------------------------------------------------------------------
class RatingBand(Strict):
    rating: str
    min: float = 0.0  # the lowest mean status value that earns this rating
    max_missing: int | None = None  # at most this many missing concerns in the area
    max_gaps: int | None = None  # at most this many partial-or-missing concerns


class RatingArea(Strict):
    id: str
    title: str
    concerns: list[str]


class Ratings(Strict):
    scale: list[str]  # best first
    bands: list[RatingBand]  # tried in order; the first that holds gives the rating
    areas: list[RatingArea]
    overall: Literal["mean_of_areas", "worst_area"] = "mean_of_areas"
    note: str = ""


class ScoreFile(Strict):
    status_values: dict[Status, float] = Field(
        default_factory=lambda: {"met": 1.0, "partial": 0.5, "missing": 0.0}
    )
    severity_weights: dict[str, float]
    default_weight: float = 2.0
    ratings: Ratings | None = None


# -- flags.yaml ---------------------------------------------------------------------------------
class FlagRule(Strict):
    id: str
    message: str
    severity: Literal["high", "medium", "low"] = "high"
    when: str
    # where the supporting passages come from: "actions", "fact:<name>", "gaps:<concern id>"
    evidence: list[str] = Field(default_factory=list)
    # a flag is raised only with a passage to show, unless what it reports is an absence
    require_evidence: bool = True
    # appended to the message when its value is non-empty: {criticised_agencies}
    detail: str = ""


class FlagsFile(Strict):
    flags: list[FlagRule]


# -- agencies.yaml ------------------------------------------------------------------------------
class AgencySpec(Strict):
    label: str = ""  # how the agency is named in messages ("children's social care")
    display: str = ""  # how it is shown in tables ("Children's social care")
    names: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    # regexes one whole word must match, case-sensitive: the local names a family of bodies
    # shares ("KSCP", "NWSCP" are safeguarding children partnerships)
    acronyms: list[str] = Field(default_factory=list)

    @field_validator("acronyms")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"acronym pattern {p!r} is not a valid regex: {exc}") from exc
        return patterns


class AgencyChange(Strict):
    """How a framework changes an agency of the one it extends (``AgenciesFile.extends``)."""

    label: str = ""
    display: str = ""
    add_names: list[str] = Field(default_factory=list)
    add_roles: list[str] = Field(default_factory=list)
    remove_names: list[str] = Field(default_factory=list)
    remove_roles: list[str] = Field(default_factory=list)


class AgenciesFile(Strict):
    # the agency writing the review: actions owned only by it are "own-agency only"
    reviewing_agency: str
    # agencies that count as the corporate parent of a looked-after child
    corporate_parent: list[str] = Field(default_factory=list)
    agencies: dict[str, AgencySpec] = Field(default_factory=dict)
    generic: list[str] = Field(default_factory=list)
    # the last words of a body's full name that stand for it on their own, capitalised ("the
    # Partnership", "Trust Associate Director"): the body the draft first named so
    short_names: list[str] = Field(default_factory=list)
    # ``extends: true``: start from the agencies of the framework this one extends, apply
    # ``changes`` (words moved between agencies, new labels), then add ``agencies``. A review
    # written by another service (probation for an SFO review) reuses the gazetteer without
    # copying it, but "the service" and "our team" become that service.
    extends: bool = False
    changes: dict[str, AgencyChange] = Field(default_factory=dict)


# -- the other rule files: their top-level keys are fixed, their lists are text ---------------
class NegationFile(Strict):
    before: Words
    after: Words
    pseudo: Words = Field(default_factory=list)
    scope_breaks: Words = Field(default_factory=list)
    window_before: int
    window_after: int
    placeholders: Words = Field(default_factory=list)
    prompts: Words = Field(default_factory=list)


class ReviewProfileFile(Strict):
    domain_terms: Words
    min_domain_terms: int
    min_answer_words: int


class SpeakersFile(Strict):
    reporting_verbs: Words
    narrative_headings: Words = Field(default_factory=list)
    voice_nouns: Words = Field(default_factory=list)
    classes: dict[Literal["parent", "professional", "other"], Words]
    child_pronouns: Words = Field(default_factory=list)
    gendered_words: dict[Literal["female", "male"], Words] = Field(default_factory=dict)


class ActionColumns(Strict):
    action: Words
    owner: Words
    due: Words
    review: Words = Field(default_factory=list)


class ActionsFile(Strict):
    section_headings: Words
    columns: ActionColumns
    action_line_patterns: Words = Field(default_factory=list)
    owner_verbs: Words = Field(default_factory=list)
    liaise_verbs: Words = Field(default_factory=list)
    vague_phrases: Words = Field(default_factory=list)
    specific_min_words: int = 6
    timescale_patterns: Words = Field(default_factory=list)
    not_a_timescale: Words = Field(default_factory=list)
    criticism_cues: Words = Field(default_factory=list)
    no_action_headings: Words = Field(default_factory=list)
    record_headings: Words = Field(default_factory=list)
    finding_labels: Words = Field(default_factory=list)
    recommending: Words = Field(default_factory=list)
    learning_headings: Words = Field(default_factory=list)
    # headings that name the learning but hold no lesson ("Sharing the learning")
    not_learning_headings: Words = Field(default_factory=list)
    trace_min_shared_words: int = 2
    trace_stop_words: Words = Field(default_factory=list)
    # the columns of a plan table that hold the lesson its row's action answers
    lesson_columns: Words = Field(default_factory=list)
    # text under a learning heading that is no lesson ("No specific learning was identified")
    not_lessons: Words = Field(default_factory=list)
    # regex: an action stated after its lesson in one item ("X did not happen. Action: ...")
    inline_action: str = ""
    # sections whose sentences are never the shortfalls a review learns from (chronology, scope)
    not_analysis_headings: Words = Field(default_factory=list)
    # the negation cues (negation.yaml) also name a shortfall in practice
    negation_is_shortfall: bool = False
    # whose reported words are never the review's own statement of a shortfall
    shortfall_not_said_by: list[Speaker] = Field(default_factory=list)
    # a sentence that opens a plan inside a paragraph ("The following actions will be taken.")
    plan_lead_ins: Words = Field(default_factory=list)
    # "seconded (from X) to Y": the owner is Y (regex; the agency named right after it)
    secondment: str = ""
    # "will be <done> by <agency>": the agent of a passive is the owner (regex before the agent)
    passive_agent: str = ""
    # words in -ed that describe a role or a group, not a past action ("allocated worker")
    ed_adjectives: Words = Field(default_factory=list)
    # sentences about the plan itself (checking progress, deciding what the actions will be):
    # monitoring, not actions (regexes)
    plan_upkeep: Words = Field(default_factory=list)


class LookedAfter(Strict):
    positive: Words
    needs_context: Words = Field(default_factory=list)
    context: Words = Field(default_factory=list)
    not_context: Words = Field(default_factory=list)
    negative: Words = Field(default_factory=list)
    past: Words = Field(default_factory=list)
    after_incident: Words = Field(default_factory=list)
    other_person: str = ""
    verb_use: str = ""
    # around a mention: children in general, or care status as a word ("flags only children
    # subject to a plan or looked after", "a change in care status"), not this child's status
    general: Words = Field(default_factory=list)
    field_labels: Words = Field(default_factory=list)
    status_labels: Words = Field(default_factory=list)


class ChildAge(Strict):
    patterns: Words
    min: int
    max: int


class SubjectChild(Strict):
    field_labels: Words = Field(default_factory=list)
    called_patterns: Words = Field(default_factory=list)
    generic_aliases: Words = Field(default_factory=list)
    min_mentions: int = 2
    institution_words: Words = Field(default_factory=list)
    adult_titles: Words = Field(default_factory=list)
    not_names: Words = Field(default_factory=list)


class FactsFile(Strict):
    looked_after: LookedAfter
    incident_types: dict[str, Words]
    incident_fields: Words = Field(default_factory=list)
    incident_charge_cues: Words = Field(default_factory=list)
    incident_background_headings: Words = Field(default_factory=list)
    # sections that tell the incident itself (its words weigh more than elsewhere)
    incident_headings: Words = Field(default_factory=list)
    other_actor: str = ""
    victim_of: dict[str, str] = Field(default_factory=dict)
    # a death named with another person as its subject ("A 46-year-old man ... died") is the
    # death the child is charged with: the category it becomes
    others_death: dict[str, str] = Field(default_factory=dict)
    incident_weights: dict[str, float] = Field(default_factory=dict)
    victim_cues: Words = Field(default_factory=list)
    child_age: ChildAge
    subject_child: SubjectChild


# -- concerns/<id>.yaml -------------------------------------------------------------------------
class SignalSpec(Strict):
    weight: float = 1.0
    negatable: bool = False
    gap: bool = False
    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    regex: list[str] = Field(default_factory=list)
    speaker: str = ""
    evidence: bool = True


class DecisionSpec(Strict):
    status: Status
    when: str
    because: str = ""


class PackNegation(Strict):
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    replace_shared: bool = False
    window_before: int = 0


class PackHelp(Strict):
    good: str = ""
    example: str = ""
    source: str = ""


class PackFile(Strict):
    id: str
    title: str
    severity: Literal["high", "medium", "low"] = "medium"
    question: str = ""
    headings: list[str] = Field(default_factory=list)
    signals: dict[str, SignalSpec | None] = Field(default_factory=dict)
    combos: dict[str, list[str]] = Field(default_factory=dict)
    decide: list[DecisionSpec]
    default: Status = "missing"
    default_because: str = ""
    advice: dict[Status, str]
    negation: PackNegation | None = None
    help: PackHelp | None = None


SCHEMAS: dict[str, type[BaseModel]] = {
    "framework.yaml": FrameworkFile,
    "checklist.yaml": ChecklistFile,
    "score.yaml": ScoreFile,
    "flags.yaml": FlagsFile,
    "agencies.yaml": AgenciesFile,
    "negation.yaml": NegationFile,
    "review_profile.yaml": ReviewProfileFile,
    "speakers.yaml": SpeakersFile,
    "actions.yaml": ActionsFile,
    "facts.yaml": FactsFile,
}


# -- errors with lines --------------------------------------------------------------------------
def _node_at(node: yaml.Node | None, loc: tuple) -> yaml.Node | None:
    """The YAML node at a pydantic error location (the key's node for an unknown key)."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for k, v in node.value:
                if str(k.value) == str(part):
                    found = v if part != loc[-1] else k
                    break
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def describe(path: Path, exc: ValidationError, text: str | None = None) -> str:
    """One message naming the file, and for each problem its key path and line."""
    try:
        root = yaml.compose(text if text is not None else path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        root = None
    problems = []
    for err in exc.errors()[:5]:
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in ("str", "list")))
        # pydantic names the branch of a union ("str", "ChecklistEntry"): keep data keys only
        loc = tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))
        where = ".".join(str(p) for p in loc) or "(top)"
        node = _node_at(root, loc) if root is not None else None
        line = f" (line {node.start_mark.line + 1})" if node is not None and loc else ""
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        problems.append(f"{where}{line}: {msg}")
    more = len(exc.errors()) - len(problems)
    tail = f"; and {more} more" if more > 0 else ""
    return f"{label(path)}: " + "; ".join(problems) + tail


def label(path: Path) -> str:
    """A file named by its framework: ``clr/agencies.yaml``, ``sfo/concerns/x.yaml``."""
    parts = path.parts
    keep = 3 if len(parts) >= 3 and parts[-2] == "concerns" else 2
    return "/".join(parts[-keep:])


def validate(path: Path, data: dict, schema: type[BaseModel], error: type[Exception]):
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise error(describe(path, exc)) from None
