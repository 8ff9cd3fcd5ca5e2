"""Facts recorded per draft about *the subject child*: looked after, incident type, age.

Each fact carries its evidence and a plain-words reason. The phrase lists, cues and field labels
are data (the framework's ``facts.yaml``); this module decides which mentions are about the
child, at the
time of the incident: a form field's answer first, then sentences, skipping another person's
care history, care that ended, and a remand that followed the incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa_assistant.actions.dates import review_year
from qa_assistant.checks.packs import RuleSet
from qa_assistant.nlp.annotate import AnalysedDraft, Sentence
from qa_assistant.nlp.subject import SubjectChild

_CHECKED = "☒☑✔✓✗✘"
_UNCHECKED = "☐□"


@dataclass
class FactEvidence:
    text: str = ""
    start: int = 0
    end: int = 0
    because: str = ""

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "because": self.because}


@dataclass
class Facts:
    looked_after: bool
    incident_type: str
    child_age: int | None
    looked_after_evidence: str = ""
    child: SubjectChild = field(default_factory=SubjectChild)
    evidence: dict[str, FactEvidence] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "looked_after": self.looked_after,
            "incident_type": self.incident_type,
            "child_age": self.child_age,
            "child": self.child.to_dict(),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
        }


def _phrase_re(phrases) -> re.Pattern:
    alts = sorted((re.escape(str(p).lower()) for p in phrases), key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![a-z0-9])(" + "|".join(alts) + r")(?![a-z0-9])", re.I)


def _any_re(patterns) -> re.Pattern:
    pats = [str(p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in pats) if pats else r"(?!x)x", re.I)


def _label_re(labels) -> re.Pattern:
    """A form label (matched whole, case-insensitively, with an optional '(...)' note)."""
    alts = "|".join(str(x) for x in labels)
    return re.compile(rf"(?:{alts})\s*(?:\([^)]*\))?", re.I)


# The choices a form offers ("Y/N", "Yes / No"): part of the question, never its answer.
_CHOICES = r"(?:y(?:es)?\s*/\s*no?|no?\s*/\s*y(?:es)?)"
_ONLY_CHOICES = re.compile(rf"^\W*{_CHOICES}\W*$", re.I)
_TRAILING_CHOICES = re.compile(rf"[\s:(\[-]*{_CHOICES}[)\]]?\s*[?:]?\s*$", re.I)


def tick_answer(value: str) -> bool | None:
    """'Yes ☒ No ☐' -> True, 'Yes ☐ No ☒' -> False, 'No - living with father' -> False;
    'Y/N' (the choices, left unanswered) -> None."""
    if _ONLY_CHOICES.match(value):
        return None
    v = re.sub(r"\[\s*[xX✓✔]\s*\]", "☒", value.strip())  # "[X]" as a ticked box
    v = re.sub(r"\[\s*\]", "☐", v)
    marks = re.findall(
        rf"(yes|no)\s*[{_CHECKED}{_UNCHECKED}]|[{_CHECKED}{_UNCHECKED}]\s*(yes|no)", v, re.I
    )
    if marks:
        for m in re.finditer(
            rf"(yes|no)\s*([{_CHECKED}{_UNCHECKED}])|([{_CHECKED}{_UNCHECKED}])\s*(yes|no)", v, re.I
        ):
            word = (m.group(1) or m.group(4)).lower()
            box = m.group(2) or m.group(3)
            if box in _CHECKED:
                return word == "yes"
        return None
    m = re.match(r"^(yes|no|y|n)\b", v, re.I)
    if m:
        return m.group(1).lower().startswith("y")
    return None


class FactReader:
    def __init__(self, rules: RuleSet) -> None:
        spec = rules.facts
        la = spec["looked_after"]
        self.la_pos = _phrase_re(la["positive"])
        self.la_ctx_needed = _phrase_re(la.get("needs_context", []))
        self.la_ctx_words = tuple(str(w).lower() for w in la.get("context", []))
        self.la_not_ctx = _phrase_re(la.get("not_context", []))
        self.la_neg = _phrase_re(la["negative"])
        self.la_past = _any_re(la.get("past", []))
        self.la_after = _any_re(la.get("after_incident", []))
        self.other_person = re.compile(la.get("other_person", r"(?!x)x"))
        self.la_general = _any_re(la.get("general", []))
        self.verb_use = re.compile(la.get("verb_use", r"(?!x)x"))
        self.la_label = _label_re(la.get("field_labels", ["looked after"]))
        self.status_label = _label_re(la.get("status_labels", ["legal status"]))
        self.incidents = {k: _phrase_re(v) for k, v in spec["incident_types"].items()}
        self.incident_label = _label_re(spec.get("incident_fields", ["incident type"]))
        self.charge = _any_re(spec.get("incident_charge_cues", []))
        self.other_actor = re.compile(spec.get("other_actor", r"(?!x)x"), re.I)
        self.victim_of = {str(k): str(v) for k, v in (spec.get("victim_of") or {}).items()}
        self.others_death = {
            str(k): str(v) for k, v in (spec.get("others_death") or {}).items()
        }
        self.background = tuple(
            str(h).lower() for h in spec.get("incident_background_headings", [])
        )
        self.incident_sections = tuple(str(h).lower() for h in spec.get("incident_headings", []))
        self.weights = {
            "field": 10.0,
            "charge": 4.0,
            "section": 3.0,
            "early": 1.5,
            "background": 0.3,
            "other_person": 0.3,
        } | {k: float(v) for k, v in (spec.get("incident_weights") or {}).items()}
        age = spec["child_age"]
        self.age_patterns = [re.compile(p, re.I) for p in age["patterns"]]
        self.age_range = (int(age.get("min", 10)), int(age.get("max", 19)))
        self.neg_words = re.compile(r"\b(not|never|no|n't|nor)\b", re.I)

    def read(self, draft: AnalysedDraft) -> Facts:
        child = draft.child
        la, la_ev = self._looked_after(draft)
        incident, inc_ev = self._incident(draft, child)
        age, age_ev = self._age(draft, child)
        child.age = age
        evidence = {"looked_after": la_ev, "incident_type": inc_ev}
        if age_ev.text:
            evidence["child_age"] = age_ev
        if child.name:
            evidence["child"] = FactEvidence(child.evidence, 0, 0, f"named by {child.how}")
        return Facts(la, incident, age, la_ev.text, child, evidence)

    # -- looked after ------------------------------------------------------------------
    def _looked_after(self, draft: AnalysedDraft) -> tuple[bool, FactEvidence]:
        for label, value, block in draft.document.fields():  # a form's own answer settles it
            answer = self._la_field(label, value)
            if answer is not None:
                why = f"the form's field '{label}' answers " + ("yes" if answer else "no")
                return answer, FactEvidence(block.text[:300], block.start, block.end, why)
        now = review_year(draft.document.text)
        pos = neg = 0
        first: Sentence | None = None
        neg_first: Sentence | None = None
        skipped: Sentence | None = None
        for s in draft.sentences:
            t = s.text
            if self.la_neg.search(t):
                neg += 1
                neg_first = neg_first or s
                continue
            m = self._la_mention(t)
            if not m:
                continue
            before = t[max(0, m.start() - 30) : m.start()]
            if self.neg_words.search(before):
                neg += 1
                neg_first = neg_first or s
                continue
            clause = t[: m.start()].rsplit(";", 1)[-1][-80:]
            around = t[max(0, m.start() - 70) : m.end() + 30]
            if self.la_general.search(around):
                continue  # "the system flags only children ... looked after": no one in particular
            if (
                self.la_past.search(t)
                or self.la_after.search(t)
                or self.other_person.search(clause)
                or (_years_before(t, now) and not _PRESENT_CARE.search(t))
            ):
                skipped = skipped or s
                continue
            pos += 1
            first = first or s
        if pos > 0 and pos >= neg and first is not None:
            return True, FactEvidence(
                first.text,
                first.start,
                first.end,
                f"{pos} sentence(s) say the child was looked after at the time",
            )
        if neg_first is not None:
            return False, FactEvidence(
                neg_first.text,
                neg_first.start,
                neg_first.end,
                "the draft says the child was not looked after",
            )
        if skipped is not None:
            return False, FactEvidence(
                skipped.text,
                skipped.start,
                skipped.end,
                "care is mentioned only in the past, after the incident (remand) "
                "or for someone else",
            )
        return False, FactEvidence(because="nothing in the draft says the child was looked after")

    def _la_field(self, label: str, value: str) -> bool | None:
        label = _TRAILING_CHOICES.sub("", label.strip()).rstrip("?:").strip()  # "...: Y/N"
        if self.la_label.fullmatch(label):
            return tick_answer(value)
        if self.status_label.fullmatch(label) and value.strip():
            if self.la_neg.search(value):
                return False
            if self._la_mention(value):
                return True
        return None

    def _la_mention(self, text: str) -> re.Match | None:
        for m in self.la_pos.finditer(text):
            if not self.verb_use.match(text, m.start()):
                return m
        m = self.la_ctx_needed.search(text)
        if m and not self.la_not_ctx.search(text):
            low = text.lower()
            if any(w in low for w in self.la_ctx_words):
                return m
        return None

    # -- incident ----------------------------------------------------------------------
    def _incident(self, draft: AnalysedDraft, child: SubjectChild) -> tuple[str, FactEvidence]:
        scores: dict[str, float] = {}
        best: dict[str, tuple[float, FactEvidence]] = {}
        w = self.weights
        now = review_year(draft.document.text)

        def score(text: str, weight: float, ev: FactEvidence, victim: bool) -> None:
            spans = [
                (m.start(), m.end(), kind)
                for kind, pattern in self.incidents.items()
                for m in pattern.finditer(text)
            ]
            for start, end, found in _longest(spans):
                kind = self.victim_of.get(found, found) if victim else found
                mw = weight
                clause = text[max(0, start - 60) : start].rsplit(",", 1)[-1]
                if (
                    weight < w["field"]
                    and self.other_person.search(clause)
                    and not child.mentioned_in(clause)
                ):
                    mw *= w["other_person"]  # "his cousin was stabbed": someone else's event
                elif (
                    not victim
                    and kind in self.others_death
                    and weight < w["field"]
                    and (
                        (self.other_actor.search(clause) and not child.mentioned_in(clause))
                        or self.other_actor.match(text[end : end + 60].lstrip())
                    )
                ):
                    # "the death of a 19-year-old male", "A 46-year-old man ... died": a death
                    # in a review of the child's offence is the one the child is charged with
                    kind = self.others_death[kind]
                scores[kind] = scores.get(kind, 0.0) + mw
                if mw > best.get(kind, (0.0, ev))[0]:
                    best[kind] = (mw, ev)

        for label, value, block in draft.document.fields():  # "Incident category: ..." answers
            label = label.strip().rstrip("?:").strip()
            if self.incident_label.fullmatch(label) and 0 < len(value.split()) <= 12:
                ev = FactEvidence(block.text[:300], block.start, block.end, "")
                score(value, w["field"], ev, self._child_is_victim(value, child))
        for s in draft.sentences:
            text = s.text
            section = " ".join(s.heading_path + (s.label,)).lower()
            weight = 1.0
            if any(h in section for h in self.incident_sections):
                weight = w["section"]
            elif any(h in section for h in self.background):
                weight = w["background"]
            if self.charge.search(text):
                weight = max(weight, w["charge"])
            elif _years_before(text, now):
                weight *= w["background"]  # "his brother died in 2021": history
            if s.index < 40:
                weight *= w["early"]
            ev = FactEvidence(s.text, s.start, s.end, "")
            score(text, weight, ev, self._child_is_victim(text, child))
        if not scores:
            return "other", FactEvidence(because="no incident category was found")
        order = list(self.incidents)
        kind = max(scores, key=lambda k: (scores[k], -order.index(k)))
        ev = best[kind][1]
        ev.because = f"the strongest statement of the incident ({kind})"
        return kind, ev

    def _child_is_victim(self, text: str, child: SubjectChild) -> bool:
        """Someone else is charged or acts in this sentence, and the child is not named as the
        actor: "The man was arrested and charged with rape of a child"."""
        cue = self.charge.search(text)
        if not cue:
            return False
        # the subject of the clause that holds the charge: "The man was arrested and charged"
        clause = re.split(
            r"[;:]|\b(?:after|when|because|before|while|and then)\b", text[: cue.start()]
        )[-1].strip()
        subject = clause[:60]
        if child.mentioned_in(subject[:25]) or re.match(r"(he|she|they)\b", subject, re.I):
            return False
        if self.other_actor.match(subject) or self.other_person.match(subject):
            return True
        # "Police are treating it as a s18 and two older males (19 and 21) have been charged":
        # the people named right before the charge are its subject
        found = list(self.other_actor.finditer(clause))
        last = found[-1] if found else None
        if last is None or child.mentioned_in(clause[last.end() :]):
            return False
        rest = re.sub(r"\([^)]*\)|\baged [\d, and]+", " ", clause[last.end() :]).strip()
        # "two older males (19 and 21) have been": they are the subject; in "Reece stabbed a boy
        # and has been" the boy is the object
        return bool(re.fullmatch(r"(?:(?:has|have|had|was|were)(?: also)?(?: been)?)?", rest, re.I))

    # -- age ---------------------------------------------------------------------------
    def _age(self, draft: AnalysedDraft, child: SubjectChild) -> tuple[int | None, FactEvidence]:
        lo, hi = self.age_range
        for label, value, block in draft.document.fields()[:300]:  # "Age | 14" on a form
            m = re.match(r"\s*(\d{1,2})\b", value)
            label_ok = _AGE_LABEL.fullmatch(label.strip().rstrip("?:").strip())
            if label_ok and m and lo <= int(m.group(1)) <= hi:
                return int(m.group(1)), FactEvidence(
                    block.text, block.start, block.end, "form field"
                )
        text = draft.document.text[:20000]
        for pattern in self.age_patterns:
            for m in pattern.finditer(text):
                age = int(m.group(1))
                if lo <= age <= hi:
                    return age, FactEvidence(
                        text[m.start() : m.end()], m.start(), m.end(), "stated age"
                    )
        return None, FactEvidence()


_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")


# "Callum is looked after ... under a care order made in 2019": the present tense says now
_PRESENT_CARE = re.compile(
    r"\b(?:is|are|remains|has been)\s+(?:\w+\s+)?(?:looked after|in care|accommodated|"
    r"subject to (?:a|an) (?:interim )?care order)",
    re.I,
)
_STATUTE_YEAR = re.compile(r"\b(?:Act|Regulations|Order|Code|Rules)\s+(?:19|20)\d\d\b")


def _years_before(sentence: str, now: int | None) -> bool:
    """A sentence dated only to years well before the review's ("in 2021") tells history, unless
    it says the state has lasted "since" then."""
    if now is None or re.search(r"\bsince\b", sentence, re.I):
        return False
    sentence = _STATUTE_YEAR.sub(" ", sentence)  # "Children Act 1989" is a law's name, not a date
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) <= now - 2


_AGE_LABEL = re.compile(
    r"age(?: at (?:the )?(?:time of (?:the )?)?(?:incident|referral|offence))?(?: \(years\))?"
    r"|(?:dob|date of birth) ?/ ?age",
    re.I,
)


def _longest(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping matches: keep the longest ("attempted murder" over "murder")."""
    spans = sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0]))
    kept: list[tuple[int, int, str]] = []
    for sp in spans:
        if all(sp[1] <= k[0] or sp[0] >= k[1] for k in kept):
            kept.append(sp)
    return kept
