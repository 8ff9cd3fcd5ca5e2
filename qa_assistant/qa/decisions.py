"""Reviewer decisions on the tool's findings, and the decision file that carries them.

A *finding* is one of: a concern's status (``kind="concern"``, id = concern id), a flag
(``kind="flag"``, id = flag id) or an item of the action plan as read (``kind="action"``, id = the
action's text, normalised). The reviewer **accepts** it, **dismisses** it as a false alarm, or marks
it **not applicable**, with a reason and their name and role. The tool's view is never changed:
``DecidedResult`` keeps both and recomputes the summary from the decided statuses:

- a concern: accept -> the tool's status; dismiss -> the opposite judgement (a gap the tool saw
  is counted as met; a "met" the reviewer disputes is counted as missing); not applicable -> left
  out of the score and the gaps;
- a flag: accept -> still raised; dismiss / not applicable -> resolved (listed with the reason);
- an action: recorded and shown; it does not change the score.

The decision file (JSON, schema below, ``version`` 1) is what the user downloads and brings back;
it is also embedded in the annotated .docx as a custom XML part so that decisions travel with the
draft. On a new version of the draft a decision is re-applied where the same finding is still
there (same concern / flag id, the same tool status for a concern, and at least one evidence
passage matching by fuzzy text similarity; an action by its text), and listed as "no longer
applies" where it is not.

Schema (version 1)::

    {"format": "qa-assistant-decisions", "version": 1,
     "draft": {"name": str, "sha256": hex | "", "label": str},          # the version decided on
     "reviewer": {"name": str, "role": str, "independent": bool},
     "decisions": [{"kind": "concern" | "flag" | "action", "id": str,
                    "decision": "accept" | "dismiss" | "not_applicable", "reason": str,
                    "reviewer": {"name": str, "role": str} | null,        # default: the file's
                    "tool_status": "met" | "partial" | "missing" | "raised" | "read",
                    "evidence": [str, ...],                               # quotes, as fingerprint
                    "decided_on": "YYYY-MM-DD"}, ...],
     "versions": [{"name": str, "sha256": str, "label": str, "checked_on": "YYYY-MM-DD",
                   "score": int, "decided_score": int}, ...]}            # the QA so far

A hostile file (not JSON, too large, too deep, wrong types, unknown fields or concern ids, too
many decisions, over-long text) raises ``DecisionFileError`` with one clear sentence and nothing
is changed. A file of another schema version is refused with a message naming both versions.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from qa_assistant.document.text import normalise
from qa_assistant.result.model import ConcernResult, DraftResult, Flag

FORMAT = "qa-assistant-decisions"
VERSION = 1
MAX_FILE_BYTES = 512 * 1024
MAX_DECISIONS = 300
MAX_EVIDENCE = 8
MAX_QUOTE = 600
MAX_REASON = 2000
MAX_VERSIONS = 50
MATCH_RATIO = 0.8  # evidence passages this similar are "the same passage"
ACTION_MATCH_RATIO = 0.85
NS = "urn:qa-assistant:decisions"
CUSTOM_XML_RE = re.compile(r"^customXml/item\d+\.xml$")
MAX_PART_BYTES = 4 * MAX_FILE_BYTES  # the XML-escaped JSON

DECISIONS = ("accept", "dismiss", "not_applicable")
DECISION_LABEL = {
    "accept": "Accepted",
    "dismiss": "Dismissed (false alarm)",
    "not_applicable": "Not applicable",
}
NA = "not_applicable"


class DecisionFileError(ValueError):
    """A decision file that cannot be used; the message is one sentence for the user."""


Short = Annotated[str, StringConstraints(max_length=200)]
Quote = Annotated[str, StringConstraints(max_length=MAX_QUOTE)]
DateText = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Person(_Strict):
    name: Short = ""
    role: Short = ""


class Reviewer(_Strict):
    name: Short = ""
    role: Short = ""
    independent: bool = False  # independent of the case's management


class DraftRef(_Strict):
    name: Annotated[str, StringConstraints(max_length=500)] = ""
    sha256: Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{64})?$")] = ""
    label: Short = ""


class Decision(_Strict):
    kind: Literal["concern", "flag", "action"]
    id: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    decision: Literal["accept", "dismiss", "not_applicable"]
    reason: Annotated[str, StringConstraints(max_length=MAX_REASON)] = ""
    reviewer: Person | None = None
    tool_status: Literal["met", "partial", "missing", "raised", "read"]
    evidence: Annotated[list[Quote], Field(max_length=MAX_EVIDENCE)] = []
    decided_on: DateText | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.id)


class VersionRef(_Strict):
    name: Annotated[str, StringConstraints(max_length=500)] = ""
    sha256: Annotated[str, StringConstraints(pattern=r"^([0-9a-f]{64})?$")] = ""
    label: Short = ""
    checked_on: DateText | None = None
    score: Annotated[int, Field(ge=0, le=100)] = 0
    decided_score: Annotated[int, Field(ge=0, le=100)] = 0


class DecisionFile(_Strict):
    format: Literal["qa-assistant-decisions"] = FORMAT
    version: Literal[1] = VERSION
    draft: DraftRef = DraftRef()
    reviewer: Reviewer = Reviewer()
    decisions: Annotated[list[Decision], Field(max_length=MAX_DECISIONS)] = []
    versions: Annotated[list[VersionRef], Field(max_length=MAX_VERSIONS)] = []

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"

    def to_bytes(self) -> bytes:
        return self.to_json().encode("utf-8")

    def get(self, kind: str, fid: str) -> Decision | None:
        return next((d for d in self.decisions if d.kind == kind and d.id == fid), None)


# -- loading ------------------------------------------------------------------------------
def _frameworks() -> list:
    from qa_assistant.checks.packs import cached_framework, framework_names

    return [cached_framework(n) for n in framework_names()] or [cached_framework(None)]


def _known_concerns() -> tuple[str, ...]:
    """Concern ids of every framework (a decision file may come from any of them)."""
    return tuple(dict.fromkeys(c for fw in _frameworks() for c in fw.concern_ids))


def known_flags() -> tuple[str, ...]:
    """Flag ids the frameworks can raise (their flags.yaml)."""
    return tuple(dict.fromkeys(f.rule.id for fw in _frameworks() for f in fw.flags))


def _where(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _pydantic_message(exc: ValidationError) -> str:
    errs = exc.errors(include_url=False, include_input=False)
    first = errs[0]
    where = _where(tuple(first.get("loc", ())))
    msg = first.get("msg", "is not valid")
    more = f" (and {len(errs) - 1} more problem(s))" if len(errs) > 1 else ""
    return f"{where}: {msg}{more}"


def parse_decisions(
    data: bytes | str, known_concerns: tuple[str, ...] | None = None
) -> DecisionFile:
    """A validated decision file from its bytes, or ``DecisionFileError`` (nothing applied)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise DecisionFileError(
            f"the decision file is too large ({len(data):,} bytes; at most "
            f"{MAX_FILE_BYTES // 1024} KB): it is not a decision file from this tool"
        )
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DecisionFileError("the decision file is not UTF-8 text") from None
    except RecursionError:
        raise DecisionFileError("the decision file is nested too deeply") from None
    except ValueError as exc:
        raise DecisionFileError(
            f"the decision file is not valid JSON (line {getattr(exc, 'lineno', '?')})"
        ) from None
    if not isinstance(raw, dict):
        raise DecisionFileError("the decision file must hold a JSON object")
    if raw.get("format") != FORMAT:
        raise DecisionFileError(
            f"this is not a decision file of the QA assistant (its \"format\" is not {FORMAT!r})"
        )
    version = raw.get("version")
    if type(version) is not int:
        raise DecisionFileError("the decision file has no whole-number \"version\"")
    if version > VERSION:
        raise DecisionFileError(
            f"the decision file is schema version {version}, made by a newer version of the QA "
            f"assistant; this version reads schema version {VERSION}: update the tool"
        )
    if version < VERSION:
        raise DecisionFileError(
            f"the decision file is schema version {version}, which this version of the QA "
            f"assistant (schema version {VERSION}) cannot read: record the decisions again"
        )
    try:
        parsed = DecisionFile.model_validate(raw)
    except ValidationError as exc:
        why = _pydantic_message(exc)
        raise DecisionFileError(f"the decision file is not valid: {why}") from None
    except RecursionError:
        raise DecisionFileError("the decision file is nested too deeply") from None
    known = known_concerns if known_concerns is not None else _known_concerns()
    seen: set[tuple[str, str]] = set()
    for i, d in enumerate(parsed.decisions):
        if d.kind == "concern" and d.id not in known:
            raise DecisionFileError(
                f"decisions[{i}]: unknown concern id {d.id[:60]!r} (known: {', '.join(known)})"
            )
        if d.kind == "flag" and d.id not in known_flags():
            raise DecisionFileError(f"decisions[{i}]: unknown flag id {d.id[:60]!r}")
        if d.kind == "concern" and d.tool_status not in ("met", "partial", "missing"):
            raise DecisionFileError(f"decisions[{i}]: a concern's tool_status must be a status")
        if d.key in seen:
            raise DecisionFileError(f"decisions[{i}]: a second decision on {d.kind} {d.id[:60]!r}")
        seen.add(d.key)
    return parsed


# -- findings and fingerprints ----------------------------------------------------------------
def action_id(action) -> str:
    return normalise(action.text)[:300] or "(empty action)"


def similarity(a: str, b: str) -> float:
    a, b = normalise(a)[:MAX_QUOTE], normalise(b)[:MAX_QUOTE]
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _quotes(evidence) -> list[str]:
    return [e.text[:MAX_QUOTE] for e in evidence[:MAX_EVIDENCE] if e.text]


def evidence_matches(recorded: list[str], current: list[str]) -> bool:
    """The same finding: no passage was recorded, or one recorded passage is still there."""
    if not recorded:
        return True
    return any(similarity(r, c) >= MATCH_RATIO for r in recorded for c in current)


def finding_fingerprint(result: DraftResult, kind: str, fid: str) -> tuple[str, list[str]]:
    """(tool_status, evidence quotes) of a finding of ``result``; KeyError when it is not there."""
    if kind == "concern":
        c = result.concerns[fid]
        return c.status, _quotes(c.evidence)
    if kind == "flag":
        f = next((f for f in result.flag_details if f.id == fid), None)
        if f is None:
            raise KeyError(fid)
        return "raised", _quotes(f.evidence)
    a = next((a for a in result.actions if action_id(a) == fid), None)
    if a is None:
        raise KeyError(fid)
    return "read", [a.text[:MAX_QUOTE]]


def today() -> str:
    return _dt.date.today().isoformat()


def make_decision(
    result: DraftResult,
    kind: str,
    fid: str,
    decision: str,
    reason: str = "",
    reviewer: Person | None = None,
    decided_on: str | None = None,
) -> Decision:
    """A decision on a finding of ``result``, fingerprinted with its status and evidence."""
    status, quotes = finding_fingerprint(result, kind, fid)
    return Decision(
        kind=kind,  # type: ignore[arg-type]
        id=fid,
        decision=decision,  # type: ignore[arg-type]
        reason=reason[:MAX_REASON],
        reviewer=reviewer,
        tool_status=status,  # type: ignore[arg-type]
        evidence=quotes,
        decided_on=decided_on or today(),
    )


def draft_ref(name: str, data: bytes | None, label: str = "") -> DraftRef:
    digest = hashlib.sha256(data).hexdigest() if data else ""
    return DraftRef(name=name[:500], sha256=digest, label=label[:200])


# -- applying -------------------------------------------------------------------------------
@dataclass
class ConcernView:
    concern: ConcernResult
    decision: Decision | None
    decided_status: str  # met / partial / missing / not_applicable

    @property
    def decided_gap(self) -> bool:
        return self.decided_status in ("partial", "missing")

    @property
    def overruled(self) -> bool:
        return self.decision is not None and self.decided_status != self.concern.status


@dataclass
class FlagView:
    flag: Flag
    decision: Decision | None

    @property
    def open(self) -> bool:
        return self.decision is None or self.decision.decision == "accept"

    @property
    def resolution(self) -> str:
        if self.decision is None:
            return "open: no decision yet"
        return DECISION_LABEL[self.decision.decision]


@dataclass
class ActionView:
    action: object
    id: str
    decision: Decision | None


@dataclass
class Stale:
    decision: Decision
    why: str


@dataclass
class DecidedResult:
    """The tool's result with the reviewer's decisions: both views, and the decided summary."""

    result: DraftResult
    file: DecisionFile
    concerns: dict[str, ConcernView]
    flags: list[FlagView]
    actions: list[ActionView]
    stale: list[Stale] = field(default_factory=list)
    reapplied: int = 0  # decisions carried over from another version of the draft
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> int:
        total = got = 0.0
        for v in self.concerns.values():
            if v.decided_status == NA:
                continue
            w = self.weights.get(v.concern.severity, 2.0)
            total += w
            got += w * {"met": 1.0, "partial": 0.5}.get(v.decided_status, 0.0)
        return round(100 * got / total) if total else 100

    @property
    def gaps(self) -> list[ConcernView]:
        return [v for v in self.concerns.values() if v.decided_gap]

    @property
    def open_flags(self) -> list[FlagView]:
        return [f for f in self.flags if f.open]

    @property
    def undecided(self) -> list[ConcernView]:
        return [v for v in self.concerns.values() if v.decision is None]

    def decision_count(self) -> int:
        return sum(
            1 for x in [*self.concerns.values(), *self.flags, *self.actions] if x.decision
        )

    def to_dict(self) -> dict:
        return {
            "score": self.score,
            "tool_score": self.result.score,
            "gaps": len(self.gaps),
            "tool_gaps": len(self.result.gaps),
            "flags": [f.flag.message for f in self.open_flags],
            "tool_flags": list(self.result.flags),
            "concerns": {
                cid: {
                    "tool_status": v.concern.status,
                    "decided_status": v.decided_status,
                    "decision": v.decision.decision if v.decision else None,
                    "reason": v.decision.reason if v.decision else "",
                    "reviewer": _who(v.decision, self.file),
                }
                for cid, v in self.concerns.items()
            },
            "flag_resolutions": [
                {
                    "id": f.flag.id,
                    "message": f.flag.message,
                    "decision": f.decision.decision if f.decision else None,
                    "reason": f.decision.reason if f.decision else "",
                    "open": f.open,
                }
                for f in self.flags
            ],
            "action_decisions": [
                {"action": a.action.text, "decision": a.decision.decision,
                 "reason": a.decision.reason}
                for a in self.actions if a.decision
            ],
            "no_longer_applies": [
                {"kind": s.decision.kind, "id": s.decision.id,
                 "decision": s.decision.decision, "why": s.why}
                for s in self.stale
            ],
            "reviewer": self.file.reviewer.model_dump(),
        }

    def to_file(self, name: str | None = None, data: bytes | None = None, label: str = "")\
            -> DecisionFile:
        """The decisions as they apply to *this* version (fingerprints refreshed), for saving.
        Decisions that no longer apply are left out (they are listed in the app and record)."""
        current = []
        for x in [*self.concerns.values(), *self.flags, *self.actions]:
            d = x.decision
            if d is None:
                continue
            kind = d.kind
            fid = x.id if isinstance(x, ActionView) else d.id
            status, quotes = finding_fingerprint(self.result, kind, fid)
            current.append(d.model_copy(update={"id": fid, "tool_status": status,
                                                "evidence": quotes}))
        ref = self.file.draft
        if name is not None:
            ref = draft_ref(name, data, label or ref.label)
        versions = list(self.file.versions)
        entry = VersionRef(name=ref.name, sha256=ref.sha256, label=ref.label,
                           checked_on=today(), score=self.result.score,
                           decided_score=self.score)
        versions = [v for v in versions if not (v.sha256 and v.sha256 == ref.sha256)]
        versions.append(entry)
        return self.file.model_copy(
            update={"draft": ref, "decisions": current, "versions": versions[-MAX_VERSIONS:]}
        )


def _who(decision: Decision | None, file: DecisionFile) -> dict:
    if decision is None:
        return {"name": "", "role": ""}
    p = decision.reviewer or Person(name=file.reviewer.name, role=file.reviewer.role)
    return p.model_dump()


def reviewer_of(decision: Decision | None, file: DecisionFile) -> str:
    w = _who(decision, file)
    return ", ".join(x for x in (w["name"], w["role"]) if x)


def decided_status(c: ConcernResult, d: Decision | None) -> str:
    if d is None or d.decision == "accept":
        return c.status
    if d.decision == NA:
        return NA
    return "met" if c.is_gap else "missing"


def _severity_weights() -> dict[str, float]:
    try:
        from qa_assistant.checks.packs import cached_framework

        return dict(cached_framework(os.environ.get("QA_FRAMEWORK") or None).severity_weights)
    except Exception:  # noqa: BLE001 - the checklist's own weights, as a fallback
        return {"high": 3.0, "medium": 2.0, "low": 1.0}


def _match_action(result: DraftResult, d: Decision, taken: set[int]) -> int | None:
    """Index of the action a decision was made on: same text, or the most similar one."""
    target = d.evidence[0] if d.evidence else d.id
    best, best_i = 0.0, None
    for i, a in enumerate(result.actions):
        if i in taken:
            continue
        if action_id(a) == d.id:
            return i
        s = similarity(a.text, target)
        if s > best:
            best, best_i = s, i
    return best_i if best >= ACTION_MATCH_RATIO else None


def apply_decisions(
    result: DraftResult, file: DecisionFile | None, same_draft: bool | None = None
) -> DecidedResult:
    """Apply ``file`` to ``result``: each decision whose finding is still there is applied; the
    others are listed as no longer applying. The result itself is not changed."""
    file = file or DecisionFile()
    concern_d: dict[str, Decision] = {}
    flag_d: dict[str, Decision] = {}
    action_d: dict[int, Decision] = {}
    stale: list[Stale] = []
    flags_now = {f.id: f for f in result.flag_details}
    taken: set[int] = set()
    for d in file.decisions:
        if d.kind == "concern":
            c = result.concerns.get(d.id)
            if c is None:
                stale.append(Stale(d, "this concern is not checked any more"))
            elif c.status != d.tool_status:
                stale.append(Stale(d, f"the tool now judges it {c.status} (was {d.tool_status})"))
            elif not evidence_matches(list(d.evidence), _quotes(c.evidence)):
                stale.append(Stale(d, "the passages it was decided on have changed"))
            else:
                concern_d[d.id] = d
        elif d.kind == "flag":
            f = flags_now.get(d.id)
            if f is None:
                stale.append(Stale(d, "the flag is no longer raised"))
            elif not evidence_matches(list(d.evidence), _quotes(f.evidence)):
                stale.append(Stale(d, "the passages behind the flag have changed"))
            else:
                flag_d[d.id] = d
        else:
            i = _match_action(result, d, taken)
            if i is None:
                stale.append(Stale(d, "this action is no longer in the action plan"))
            else:
                taken.add(i)
                action_d[i] = d
    concerns = {
        cid: ConcernView(c, concern_d.get(cid), decided_status(c, concern_d.get(cid)))
        for cid, c in result.concerns.items()
    }
    flags = [FlagView(f, flag_d.get(f.id)) for f in result.flag_details]
    sev = {"high": 0, "medium": 1, "low": 2}
    flags.sort(key=lambda v: sev.get(v.flag.severity, 3))
    actions = [ActionView(a, action_id(a), action_d.get(i)) for i, a in enumerate(result.actions)]
    applied = len(concern_d) + len(flag_d) + len(action_d)
    if same_draft is None:
        same_draft = not file.draft.sha256 or not file.decisions
    return DecidedResult(
        result=result,
        file=file,
        concerns=concerns,
        flags=flags,
        actions=actions,
        stale=stale,
        reapplied=0 if same_draft else applied,
        weights=_severity_weights(),
    )


def with_decision(file: DecisionFile, decision: Decision | None, kind: str, fid: str) \
        -> DecisionFile:
    """A copy of ``file`` with the decision on (kind, fid) replaced (or removed when None)."""
    kept = [d for d in file.decisions if d.key != (kind, fid)]
    if decision is not None:
        if len(kept) >= MAX_DECISIONS:
            raise DecisionFileError(f"at most {MAX_DECISIONS} decisions can be recorded")
        kept.append(decision)
    return file.model_copy(update={"decisions": kept})


# -- the decision file inside a .docx (a custom XML part) ---------------------------------------
def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def custom_xml(file: DecisionFile) -> bytes:
    body = _xml_escape(json.dumps(file.model_dump(mode="json"), ensure_ascii=True))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<qa:decisions xmlns:qa="{NS}" version="{VERSION}">{body}</qa:decisions>'
    ).encode()


def embed_in_docx(docx_bytes: bytes, file: DecisionFile) -> bytes:
    """The .docx with the decision file as a custom XML part (replacing an earlier one)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document(io.BytesIO(docx_bytes))
    main = document.part
    for rel_id, rel in list(main.rels.items()):
        ours = not rel.is_external and NS.encode() in rel.target_part.blob
        if rel.reltype == RT.CUSTOM_XML and ours:
            main.drop_rel(rel_id)
    names = {str(p.partname) for p in main.package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in names:
        n += 1
    part = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml", custom_xml(file),
                main.package)
    main.relate_to(part, RT.CUSTOM_XML)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def extract_from_docx(docx_bytes: bytes, known_concerns: tuple[str, ...] | None = None) \
        -> DecisionFile | None:
    """The decision file embedded in a .docx, None when there is none; a damaged or hostile one
    raises ``DecisionFileError``."""
    import zipfile

    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(docx_bytes))
        infos = [i for i in zf.infolist() if CUSTOM_XML_RE.match(i.filename)]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    for info in infos[:20]:
        if info.file_size > MAX_PART_BYTES:
            continue
        try:
            raw = zf.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
            continue
        if NS.encode() not in raw[:400] or len(raw) > MAX_PART_BYTES:
            continue
        if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
            raise DecisionFileError("the decisions inside this .docx are not valid (a DTD)")
        try:
            root = etree.fromstring(raw, parser)
        except etree.XMLSyntaxError:
            raise DecisionFileError("the decisions inside this .docx are damaged") from None
        if root.tag != f"{{{NS}}}decisions":
            continue
        return parse_decisions((root.text or "").encode("utf-8"), known_concerns)
    return None


def load_decisions(data: bytes, name: str = "", known_concerns: tuple[str, ...] | None = None)\
        -> DecisionFile:
    """A decision file from a .json file or from a .docx that carries one."""
    if data[:4] == b"PK\x03\x04" or name.lower().endswith(".docx"):
        if len(data) > 200 * 1024 * 1024:
            raise DecisionFileError("the .docx is too large to look for decisions in")
        found = extract_from_docx(data, known_concerns)
        if found is None:
            raise DecisionFileError("this .docx carries no QA decisions")
        return found
    return parse_decisions(data, known_concerns)
