"""Find the action plan in a draft and read each action's owner, due date and specificity.

Actions come from tables (the header says which column is the action, the owner, the date),
from list items and short paragraphs under an action-plan heading, from "AP1:" / "Action 2 -"
lines anywhere, and from sentences such as "CSC to hold a placement meeting by March 2025".
Owners are agency ids from the gazetteer; initials and names are resolved through the draft's
own attendee lines ("JB (CSC)"), as minutes are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from qa_assistant.actions.dates import Due, find_due, review_year
from qa_assistant.checks.packs import RuleSet
from qa_assistant.checks.rule_check import heading_matches
from qa_assistant.document.headings import CONTENTS_ENTRY
from qa_assistant.document.model import Block
from qa_assistant.document.text import TABLE_HEADER, normalise
from qa_assistant.nlp.annotate import AnalysedDraft, Annotator
from qa_assistant.nlp.negation import split_label


@dataclass
class Action:
    text: str
    owners: list[str]
    owner_text: str
    due: date | None
    timescale: str
    specific: bool
    owned: bool
    dated: bool
    liaise_with: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    section: str = ""
    review: str = ""
    lesson: str = ""  # the lesson stated with the action (its row's learning cell, "X. Action: Y")

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "owners": self.owners,
            "due": self.due.isoformat() if self.due else None,
            "specific": self.specific,
            "owned": self.owned,
            "dated": self.dated,
            "timescale": self.timescale,
            "owner_text": self.owner_text,
            "liaise_with": self.liaise_with,
            "start": self.start,
            "end": self.end,
        }


_CONTENTS_LINE = CONTENTS_ENTRY  # "5. Findings and Recommendations ........ 23"
# A cell that is only a number or a short reference ("1", "R2", "3.1"): an item's label.
_ID_CELL = re.compile(r"^\s*(?:[A-Za-z]{1,3}\s?)?\d{1,3}(?:\.\d{1,2})*[.)]?\s*$")
_LEAD_LABEL = re.compile(r"^\s*(?:\d+[.)]\s*)?[A-Z][\w'’ ,&/-]{0,50}?[.:]\s+(?=\S)")
_LEAD_TIME = re.compile(
    r"^\s*(?:by|before|within|from|no later than|in|during|over) (?:the )?[\w'’/ ]{0,30}?"
    r"(?:\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|weeks?|months?|days?|term|quarter|year)"
    r"(?:\s+(?:20)?\d{2}(?:/\d{2})?)?\s*,?\s+",  # "the summer term 2025", "Q3 2025/26"
    re.I,
)
_NOT_A_VERB = re.compile(
    r"\s+(the|a|an|his|her|their|its|this|that|these|those|them|him|me|us|our|your|my|"
    r"mum|dad|school|court|hospital|police|\d|\w{3,}ing)\b",
    re.I,
)
# "should have", "could have": critique of the past, not a recommendation
_PAST_MODAL = re.compile(r"\b(should|could|would|might|must) have\b", re.I)
# "The TM did act the same day, raising ... to high": a subject with a past verb is narrative
_PAST_HEAD = re.compile(r"\b(did|was|were|had|has been|have been)\b", re.I)
# the words that make a date a due date ("by 30/09/25", "Due: 30/09/25"), not when something
# happened ("On 18/07/25 police served a notice")
_DUE_CUE = re.compile(
    r"\b(by|before|due|deadline|target|until|no later than|from|within|end of|starting)"
    r"\b[\s:–-]*(?:the\s+)?(?:end\s+of\s+)?$",
    re.I,
)


# owners joined in one cell: "DS, CAIT with YJS Police Officer (seconded)", "CSC & YJS"
_OWNER_JOIN = re.compile(r"\s+(?:with|and|supported by|alongside)\s+|\s*[&;+]\s*|\s+/\s+", re.I)
# minutes' initials before a role in brackets: "GP (Head of YJS)"
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
# "... for all children under 14 - YOS health." / "... on ChildView. Team Manager.": an owner
# named after the action, after a dash or as a last sentence of its own
_TRAILING_OWNER = re.compile(r"(?:\s[–—-]\s+|(?<=[.!?])\s+)([A-Z][\w&'’ ]{1,40}?)\.?\s*$")
_NOT_IMPERATIVE = {"the", "a", "an", "this", "that", "these", "those", "there", "it", "he",
                   "she", "they", "we", "no", "not", "his", "her", "their", "its", "our", "all"}
_OWNER_AFTER_SENTENCE = re.compile(r"(?<=[.!?])\s+([A-Z][^.:;!?]{1,60}?):\s+(?=\S)")
# "Agency (Role)", "Agency – Role": the role or team after the agency name
_QUALIFIER = re.compile(r"\s*\(|\s+[–—-]\s+")


class Names(dict):
    """Per draft, never on the shared reader (threads share it): who the draft's initials and
    names stand for ("JB" -> CSC, from its attendee lines) and, in ``aliases``, which body each
    short name stands for ("partnership" -> the safeguarding partnership)."""

    def __init__(self, people: dict[str, str], aliases: dict[str, str]) -> None:
        super().__init__(people)
        self.aliases = aliases


def _owner_parts(text: str, names: list[tuple[int, int]]) -> list[str]:
    """An owner cell split into the people or teams it joins, never inside brackets or inside
    an agency's name ("Child and Adolescent Mental Health Services")."""
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[()]|" + _OWNER_JOIN.pattern, text, re.I):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and not any(s < m.end() and m.start() < e for s, e in names):
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip(" ,.") for p in parts if p.strip(" ,.")]


def _split_qualifier(part: str) -> tuple[str, str]:
    """ "Caldermere YJS (Service Manager, Court)" -> ("Caldermere YJS", "Service Manager,
    Court)"); a part with no bracket or dash is all head."""
    m = _QUALIFIER.search(part)
    if not m or m.start() == 0:
        return part, ""
    return part[: m.start()], part[m.end() :]


def _has_phrase(text: str, phrases) -> str | None:
    for p in phrases:
        if re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text):
            return p
    return None


class ActionReader:
    """Compiled from the framework's ``actions.yaml`` once; reads the plan of any analysed draft."""

    def __init__(self, rules: RuleSet, annotator: Annotator) -> None:
        spec = rules.actions
        self.annotator = annotator
        self.own = rules.reviewing_agency  # the agency writing the review (agencies.yaml)
        self.section_headings = tuple(str(h).lower() for h in spec["section_headings"])
        self.columns = {k: [str(v).lower() for v in vs] for k, vs in spec["columns"].items()}
        self.line_patterns = [re.compile(p, re.I) for p in spec["action_line_patterns"]]
        verbs = sorted((str(v) for v in spec["owner_verbs"]), key=len, reverse=True)
        self.owner_verb = re.compile(r"\b(" + "|".join(map(re.escape, verbs)) + r")\b", re.I)
        self.liaise = sorted((str(v).lower() for v in spec["liaise_verbs"]), key=len, reverse=True)
        self.vague = [str(v).lower() for v in spec["vague_phrases"]]
        self.min_words = int(spec.get("specific_min_words", 6))
        self.timescales = [re.compile(p, re.I) for p in spec["timescale_patterns"]]
        self.not_timescale = [str(v).lower() for v in spec.get("not_a_timescale", [])]
        self.criticism = [str(v).lower() for v in spec.get("criticism_cues", [])]
        self.no_action_headings = tuple(str(h).lower() for h in spec.get("no_action_headings", []))
        self.record_headings = tuple(str(h).lower() for h in spec.get("record_headings", []))
        self.finding = [re.compile(p, re.I) for p in spec.get("finding_labels", [])]
        self.recommending = [re.compile(p, re.I) for p in spec.get("recommending", [])]
        self.lead_ins = [re.compile(p, re.I) for p in spec.get("plan_lead_ins", [])]
        own_names = sorted(
            (n for n in map(str, rules.agencies.get(self.own, {}).get("names", [])) if len(n) < 30),
            key=len,
            reverse=True,
        )
        # "YJS health practitioner", "YOT Police Sergeant": the reviewing agency's own specialist
        self.own_specialist = (
            re.compile(
                r"^\s*(?:the\s+)?(?:" + "|".join(map(re.escape, own_names)) + r")\s+"
                r"(?!and\b|&|/|,|with\b|to\b|will\b|should\b|must\b)",
                re.I,
            )
            if own_names
            else None
        )
        self.ed_adjectives = {str(w).lower() for w in spec.get("ed_adjectives", [])}
        self.generic = rules.generic_agency_terms
        self.short_name_words = rules.agency_short_names
        self.plan_upkeep = [re.compile(p, re.I) for p in spec.get("plan_upkeep", [])]
        self.lesson_columns = [str(c).lower() for c in spec.get("lesson_columns", [])]
        inline = spec.get("inline_action")
        self.inline_action = re.compile(inline, re.I) if inline else None
        self.secondment = re.compile(spec["secondment"], re.I) if spec.get("secondment") else None
        passive = spec.get("passive_agent")
        self.passive = re.compile(passive, re.I) if passive else None
        # "Owner: X", "... Lead - X"; not the end of a role before its action ("YOS Practice
        # Development Lead: commission training ...")
        self.owner_label = re.compile(
            r"(?:^|(?<=[.;,(|])\s*|\s(?=(?-i:[a-z])))"
            r"(?:owner|lead|responsible|by whom|who)\s*[:\-–]\s*([^;|()]+)",
            re.I,
        )

    # -- where the plan is -------------------------------------------------------------
    def is_action_heading(self, heading: str) -> bool:
        """The same (cached) heading matching the concern packs use."""
        return heading_matches(heading, self.section_headings)

    def in_action_section(self, block: Block) -> bool:
        return self.region(block) == "plan"

    def region(self, block: Block) -> str:
        """'plan', 'no_action' (background, chronology, contents, appendix) or '' (elsewhere):
        the nearest heading above the block that is either decides."""
        return self.region_of_path(block.heading_path)

    def region_of_path(self, path: tuple[str, ...]) -> str:
        for h in reversed(path):
            if CONTENTS_ENTRY.search(h):
                continue
            if heading_matches(h, self.record_headings):
                return "no_action"  # "Immediate safeguarding actions taken": done, not planned
            if self.is_action_heading(h):
                return "plan"
            if heading_matches(h, self.no_action_headings):
                return "no_action"
        return ""

    def recommendation_sections(self, blocks: list[Block]) -> set[tuple[str, ...]]:
        """Sections that read as a plan whatever their heading ("What we are asking partners to
        do"): most of their items name an agency that should or will do something."""
        counts: dict[tuple[str, ...], list[int]] = {}
        for b in blocks:
            if b.kind not in ("paragraph", "list_item") or not b.heading_path:
                continue
            c = counts.setdefault(b.heading_path, [0, 0])
            c[1] += 1
            text = self._strip_line(b.text)
            if self._owner_first(text) and self._recommends(text) and not _PAST_MODAL.search(text):
                c[0] += 1
        return {
            path
            for path, (rec, total) in counts.items()
            if rec >= 2 and rec / total >= 0.5 and self.region_of_path(path) != "no_action"
        }

    def _recommends(self, text: str) -> bool:
        t = text.strip()
        return any(p.search(t) for p in self.recommending) and not self._finding(t)

    def _finding(self, text: str) -> bool:
        return any(p.match(text.strip()) for p in self.finding)

    def _column(
        self, header: tuple[str, ...], kind: str, skip: int | None = None
    ) -> int | None:
        """The column whose header names ``kind``. Names earlier in the list are stronger, so in
        "Learning point | Action | Who" the action is the "Action" column. ``skip``: a column
        already ruled out."""
        names = self.columns[kind]
        cells = [
            "" if i == skip else normalise(cell, TABLE_HEADER) for i, cell in enumerate(header)
        ]
        exact = [(names.index(c), i) for i, c in enumerate(cells) if c in names]
        if exact:
            return min(exact)[1]
        loose = []
        for i, c in enumerate(cells):
            short = len(c.split()) <= 5  # "Who will do it?": a short header is read by its words
            for rank, n in enumerate(names):
                if (len(n) >= 6 or (short and len(n) >= 3)) and re.search(
                    rf"(?<![a-z]){re.escape(n)}(?![a-z])", c
                ):
                    loose.append((rank, i))
                    break
        return min(loose)[1] if loose else None

    # -- reading ---------------------------------------------------------------------
    def read(self, draft: AnalysedDraft) -> list[Action]:
        people = Names(self.people_map(draft), self.short_names(draft))
        year = review_year(draft.document.text)
        blocks = draft.document.blocks
        inferred = self.recommendation_sections(blocks)
        actions: list[Action] = []
        for block in blocks:
            if block.kind == "heading":
                continue
            region = "plan" if block.heading_path in inferred else self.region(block)
            if region == "no_action" or _CONTENTS_LINE.search(block.text):
                continue  # never an action from background, chronology or a contents page
            in_plan = region == "plan"
            if block.kind == "table_row":
                act = self._from_table_row(block, in_plan, people, year)
                if act:
                    actions.append(act)
                continue
            text = block.text
            inline = self._inline_split(text) if block.kind in ("paragraph", "list_item") else None
            if inline:
                lesson, rest = inline
                action = self._from_text(rest, block, people, year)
                action.lesson = lesson
                actions.append(action)
                continue
            if self._action_line(text):
                actions.append(self._from_text(self._strip_line(text), block, people, year))
                continue
            if in_plan and block.kind == "list_item":
                if not self._finding(text):
                    actions.append(self._from_text(text, block, people, year))
                continue
            if in_plan and block.kind == "paragraph":
                actions.extend(self._from_plan_paragraph(block, people, year))
                continue
            plan_text = self._after_lead_in(text) if block.kind == "paragraph" else None
            if plan_text:
                actions.extend(self._from_plan_paragraph(block, people, year, plan_text))
                continue
            actions.extend(self._from_prose(block, people, year))
        return [a for a in actions if a.text and not self.about_the_plan(a.text)]

    def about_the_plan(self, text: str) -> bool:
        """A sentence about the plan itself ("The panel will reconvene to check progress on every
        action", "The YJS will decide what actions are needed") is monitoring, not an action."""
        return any(p.search(text) for p in self.plan_upkeep)

    def _inline_split(self, text: str) -> tuple[str, str] | None:
        """ "School concerns do not reach the YJS. Action: the DSL to copy ..." -> the lesson and
        the action stated after it, in one item."""
        m = self.inline_action.search(text) if self.inline_action else None
        if m and m.start() > 0:
            lesson, rest = text[: m.start()].strip(), text[m.end() :].strip()
        else:
            # "... beyond their own agency. Femi Adebayo (TM): add an escalation step ...": a
            # sentence, then an owner's label and what they will do
            m = _OWNER_AFTER_SENTENCE.search(text)
            if not m or not self._owner_label_like(m.group(1), text[m.end() :]):
                return None
            lesson, rest = text[: m.start()].strip(), text[m.start() :].strip()
        if len(lesson.split()) < 3 or len(rest.split()) < 3:
            return None
        return lesson, rest

    def _owner_label_like(self, label: str, rest: str) -> bool:
        """ "Femi Adebayo (TM)", "Head of YJS" before an imperative ("add", "ask"); not a clause
        ("The Prevent process followed its procedure: the referral ...")."""
        words = re.sub(r"\([^)]*\)", " ", label).split()
        if not 1 <= len(words) <= 7 or not self.annotator.agencies_in(label):
            return False
        small = {"of", "and", "the", "for", "with", "&"}
        caps = sum(w[:1].isupper() or w.lower() in small for w in words)
        if caps / len(words) < 0.6 or any(w.islower() and w.endswith("ed") for w in words):
            return False
        first = rest.split()[0] if rest.split() else ""
        return first.isalpha() and first.islower() and first not in _NOT_IMPERATIVE

    def _action_line(self, text: str) -> bool:
        return any(p.match(text) for p in self.line_patterns)

    def _strip_line(self, text: str) -> str:
        for p in self.line_patterns:
            text = p.sub("", text, count=1)
        return text.strip()

    def _from_table_row(self, block: Block, in_plan: bool, people, year) -> Action | None:
        header = block.table_header
        cells = list(block.grid or block.cells)  # aligned with the header's columns
        if not header or tuple(cells) == tuple(header):
            return None
        a_col = self._column(header, "action")
        if a_col is None and not in_plan:
            return None
        o_col = self._column(header, "owner")
        d_col = self._column(header, "due")
        r_col = self._column(header, "review")
        if not in_plan and o_col is None and d_col is None:
            return None  # "Date | Event | Action taken": a record of what was done, not a plan
        if a_col is not None and d_col is None and self.is_lesson_column(header[a_col]):
            return None  # "Agency | Involvement | Learning": what each agency learned, no plan
        if a_col is None:  # a plan table with unnamed columns: the longest cell is the action
            a_col = max(range(len(cells)), key=lambda i: len(cells[i])) if cells else 0
        if a_col >= len(cells):
            return None
        if _ID_CELL.match(cells[a_col]):
            # "Recommendation | Scope | Action to take": the named column holds only the
            # recommendation's number; the action is in the next column that names one
            other = self._column(header, "action", skip=a_col)
            if other is not None and other < len(cells) and not _ID_CELL.match(cells[other]):
                a_col = other
        text = cells[a_col]
        if not text or self.annotator.default_cues.is_placeholder(text):
            return None
        owner_text = cells[o_col] if o_col is not None and o_col < len(cells) else ""
        due_text = cells[d_col] if d_col is not None and d_col < len(cells) else ""
        review = cells[r_col] if r_col is not None and r_col < len(cells) else ""
        others = " ".join(c for i, c in enumerate(cells) if i != a_col)
        action = self._make(
            text,
            block,
            people,
            year,
            owner_text=owner_text,
            due_text=due_text or others,
            review=review,
        )
        action.lesson = self._lesson_cell(header, cells, a_col)
        return action

    def is_lesson_column(self, name: str) -> bool:
        """A table column of lessons: "Learning", "Learning point", "Issue identified"."""
        return normalise(name, TABLE_HEADER) in self.lesson_columns

    def _lesson_cell(self, header: tuple[str, ...], cells: list[str], a_col: int) -> str:
        """The row's lesson, in a plan table with a lesson column ("Learning point | Action")."""
        for i, head in enumerate(header):
            name = normalise(head, TABLE_HEADER)  # as the other columns are named
            if i != a_col and name in self.lesson_columns and i < len(cells):
                text = cells[i].strip()
                if len(text.split()) >= 3:
                    return text
        return ""

    def _after_lead_in(self, text: str) -> str:
        """The rest of a paragraph after a sentence that opens a plan ("The following actions
        will be taken."), or ''."""
        for p in self.lead_ins:
            m = p.search(text)
            if m:
                end = re.search(r"[.:]\s+|$", text[m.end() :])
                rest = text[m.end() + (end.end() if end else 0) :].strip()
                if len(rest.split()) >= 4:
                    return rest
        return ""

    def _from_plan_paragraph(
        self, block: Block, people, year, text: str | None = None
    ) -> list[Action]:
        """In a plan or recommendations section (or after a plan's lead-in): the sentences that
        recommend or assign."""
        text = text or block.text
        if text.rstrip().endswith(":") or len(text.split()) < 4 or self._finding(text):
            return []
        parts = split_label(text)
        if parts and parts[1] and not self.annotator.agencies_in(parts[0]):
            text = parts[1]
        sentences = [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if s.strip()]
        return [
            self._from_text(s, block, people, year)
            for s in sentences
            if not _PAST_MODAL.search(s)
            and (self._recommends(s) or self._owner_first(s) or self._due_date_only(s, year))
        ]

    def _due_date_only(self, sentence: str, year: int | None) -> bool:
        """A plan sentence with a due date and no owner or modal ("Training for staff by
        March"), but not one that says when something happened."""
        due = find_due(sentence, self.timescales, year)
        if not due.dated:
            return False
        at = sentence.lower().find(due.timescale.lower())
        return at < 0 or bool(_DUE_CUE.search(sentence[:at])) or not due.when

    def _from_prose(self, block: Block, people, year) -> list[Action]:
        """Outside the plan only "<agency> to <verb> ... by <date>" sentences are actions."""
        out = []
        for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", block.text):
            if len(s.split()) > 60 or _PAST_MODAL.search(s):
                continue
            owners = self._owner_first(s)
            if owners and find_due(s, self.timescales, year).when is not None:
                out.append(self._from_text(s, block, people, year))
        return out

    def _owner_first(self, text: str) -> list[tuple[str, str]]:
        """Agencies named as the subject before the owner verb: 'CSC and police to ...',
        'Housing. By 30 June 2025 the Head of Housing Options, Westhallow Council, will ...'."""
        text = _LEAD_LABEL.sub("", text, count=1)  # "Housing allocation. By ..." -> "By ..."
        text = _LEAD_TIME.sub("", text, count=1)  # "By 30 June 2025 the ..." -> "the ..."
        m = self.owner_verb.search(text)
        if not m or m.start() > 120:
            return []
        if m.group(1).lower() == "to" and _NOT_A_VERB.match(text, m.end()):
            return []  # "line manager to the case manager": a preposition, not "to <verb>"
        head = text[: m.start()]
        if _PAST_HEAD.search(head) or self._past_verb(head):
            return []  # "The TM did act the same day", "The GP referred Kacper to": narrative
        # a subject with an appositive ("the Head of Inclusion, Westhallow Council, will") may
        # run longer than a bare one
        if len(head.split()) > (16 if "," in head else 9):
            return []
        return self.specific(self.annotator.agencies_in(head))

    def _past_verb(self, head: str) -> bool:
        """A word in -ed after the subject's first word that is not an adjective of a role
        ("allocated", "designated", "seconded"): the sentence tells what was done."""
        words = re.findall(r"[A-Za-z][a-z'’-]+", head)
        return any(
            w.endswith("ed") and w[:1].islower() and w not in self.ed_adjectives for w in words[1:]
        )

    def specific(self, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Drop generic names (a head of service, the county council) when a more specific
        agency is named beside them."""
        generic = self.annotator.rules.generic_agency_terms
        precise = [(a, t) for a, t in found if t.lower() not in generic]
        return precise or found

    def _from_text(self, text: str, block: Block, people, year) -> Action:
        owner_text = ""
        label = self.owner_label.search(text)
        if label:
            owner_text = label.group(1)
        elif (tail := _TRAILING_OWNER.search(text)) and self.annotator.agencies_in(tail.group(1)):
            owner_text = tail.group(1)  # "SALT screening for all children under 14 - YOS health."
        if not owner_text:
            # "Redmarsh CSC (corporate parent): review the use of ...": an "Agency (Role): action"
            # list names its owner before the colon
            parts = split_label(text, dashes=False)
            if (
                parts
                and parts[1]
                and self.annotator.agencies_in(parts[0])
                and not re.search(r"\b(?:re|regarding|about)$", parts[0], re.I)
                and not _has_phrase(parts[0].lower(), self.liaise)  # "Liaise with CSC re: ..."
            ):
                owner_text = parts[0]
        return self._make(text, block, people, year, owner_text=owner_text, due_text="")

    def _make(
        self,
        text: str,
        block: Block,
        people,
        year: int | None,
        *,
        owner_text: str,
        due_text: str,
        review: str = "",
    ) -> Action:
        text = " ".join(text.split())
        owners: list[str] = []
        if owner_text and not self.annotator.default_cues.is_placeholder(owner_text):
            owners, generic_only = self._cell_owners(owner_text, people)
            # "Head of Commissioning" beside "Penrose Children's Services ... should ...": the
            # action's own subject is more specific than a cell of generic names
            if generic_only and not text.startswith(owner_text):  # not the label it opens with
                owners = [a for a, _ in self.specific(self._owner_first(text))] or owners
        if not owners:
            head = self._owner_first(text)
            owners = [a for a, _ in head]
            verb = self.owner_verb.search(text)
            if head and verb:
                owners = self._working_agency(text[: verb.start()]) or owners
            if not owners and verb and verb.start() <= 40:
                owners = self._people_owners(text[: verb.start()], people)
            if not owners:
                owners = self._passive_agent(text)
            if not owners and verb and verb.start() <= 40:
                owners = self._short_name_owner(text[: verb.start()], people)
            if head and not owner_text:
                owner_text = " ".join(t for _, t in head)
        owners = list(dict.fromkeys(owners))
        owned = bool(owners) or bool(
            owner_text.strip() and not self.annotator.default_cues.is_placeholder(owner_text)
        )
        due = self._due(due_text, year) if due_text else Due(None, "")
        if not due.dated:
            due = self._due(text, year)
        low = text.lower()
        words = len(text.split())
        vague = _has_phrase(low, self.vague)
        specific = words >= self.min_words and not (vague and words < 16)
        liaise = self._liaise_targets(low, owners)
        start = block.start + max(0, block.text.find(text[:30]))
        return Action(
            text=text,
            owners=owners,
            owner_text=owner_text.strip(),
            due=due.when,
            timescale=due.timescale,
            specific=specific,
            owned=owned,
            dated=due.dated,
            liaise_with=liaise,
            start=start,
            end=min(block.end, start + len(text)),
            section=block.section,
            review=review,
        )

    def _cell_owners(self, owner_text: str, people: dict[str, str]) -> tuple[list[str], bool]:
        """The agencies in an owner cell, and whether only generic names gave them ("Head of
        Commissioning"). Each person or team joined by "with", "and", "&" or ";" is read on its
        own (one may be seconded, the other not); in "Agency (Role)" or "Agency – Role" the
        words after the agency name a team inside it, not another agency ("Eastbrook YJS – Team
        Manager, Court and Orders")."""
        spans = self.annotator.agency_spans(owner_text)
        owners: list[str] = []
        generic_only = True
        for part in _owner_parts(owner_text, [(s, e) for _, _, s, e in spans]):
            found = self._working_agency(part)
            if found:
                generic_only = False
            else:
                head, qualifier = _split_qualifier(part)
                named = self.specific(self.annotator.agencies_in(head)) if head else []
                if _INITIALS.match(head) and self.annotator.agencies_in(qualifier):
                    named = []  # "GP (Head of YJS)": initials, then the role that says where
                if not named or all(t.lower() in self.generic for _, t in named):
                    named = self.specific(named + self.annotator.agencies_in(qualifier))
                generic_only &= all(t.lower() in self.generic for _, t in named)
                found = [a for a, _ in named]
                # initials or a name ("JB", "IA (Penmarsh Central Mosque)") stand for their
                # agency only when the part names no agency itself: "Eastwold County" in "Head
                # of Placements, Eastwold County Council" is a place, not a person
                if not found:
                    found = self._people_owners(part, people) or self._short_name_in_cell(
                        part, people
                    )
            owners.extend(a for a in found if a not in owners)
        return owners, bool(owners) and generic_only

    def _short_name_in_cell(self, part: str, people: Names) -> list[str]:
        """ "Trust Associate Director": a capitalised short name in an owner cell."""
        aliases = people.aliases
        for word in re.findall(r"\b([A-Z][a-z]+)\b", part):
            w = word.lower()
            if w in self.short_name_words and w in aliases:
                return [aliases[w]]
        return []

    def short_names(self, draft: AnalysedDraft) -> dict[str, str]:
        """ "the Partnership", "the Trust", "the Board": the last word of an agency's full name
        stands for the agency first named that way, headings included, as a draft introduces
        its bodies ("Kessingham Safeguarding Children Partnership" ... "the Partnership")."""
        first: dict[str, str] = {}
        blocks = draft.document.blocks
        named = [(i, self.annotator.agencies_in(b.text)) for i, b in enumerate(blocks[:400])
                 if b.kind == "heading"]
        named += [(s.block, found) for s, found in zip(draft.sentences, draft.agencies)]
        for _, found in sorted(named, key=lambda x: x[0]):
            for agency, name in found:
                words = name.split()
                last = words[-1].lower() if words else ""
                if len(words) >= 2 and words[-1][:1].isupper() and last in self.short_name_words:
                    first.setdefault(last, agency)
        return first

    def _short_name_owner(self, head: str, people: Names) -> list[str]:
        m = re.search(r"\b[Tt]he ([A-Z][a-z]+)\b", head)
        aliases = people.aliases
        return [aliases[m.group(1).lower()]] if m and m.group(1).lower() in aliases else []

    def _working_agency(self, text: str) -> list[str]:
        """ "police officer seconded to the YOS": the agency the officer works in, not theirs;
        "PL (CAMHS, seconded)" and "YJS health practitioner" are the reviewing agency's own."""
        m = self.secondment.search(text) if self.secondment else None
        if m:
            found = self.annotator.agencies_in(text[m.end() : m.end() + 80])
            return [found[0][0]] if found else []
        if re.search(r"\bseconded\b(?!\s+(?:from|to|into)\b)", text, re.I):
            return [self.own]
        head = self.own_specialist.match(text) if self.own_specialist else None
        if head and not re.search(r"\b(?:with|and)\b|&", text, re.I):
            after = " ".join(text[head.end() :].split()[:3])
            if any(a != self.own for a, _ in self.annotator.agencies_in(after)):
                return [self.own]  # "YOT Police Sergeant": the YOT's own officer
        return []

    def _passive_agent(self, text: str) -> list[str]:
        """ "... will be considered by the YOT manager": the agent owns the action."""
        m = self.passive.search(text) if self.passive else None
        if not m:
            return []
        found = self.specific(self.annotator.agencies_in(" ".join(text[m.end() :].split()[:8])))
        return [found[0][0]] if found else []

    def _due(self, text: str, year: int | None = None) -> Due:
        low = text.lower().strip()
        if not low or any(low == n or low.startswith(n) for n in self.not_timescale):
            return Due(None, "")
        return find_due(text, self.timescales, year)

    def _liaise_targets(self, low: str, owners: list[str]) -> list[str]:
        if owners and set(owners) != {self.own}:
            return []
        verb = _has_phrase(low, self.liaise)
        if not verb:
            return []
        after = low[low.find(verb) + len(verb) :]
        return sorted({a for a, _ in self.annotator.agencies_in(after[:120]) if a != self.own})

    # -- people -> agency ------------------------------------------------------------
    def people_map(self, draft: AnalysedDraft) -> dict[str, str]:
        """Initials and names in attendee lines mapped to the one agency named beside them."""
        mapping: dict[str, str] = {}
        token = re.compile(r"\b([A-Z]{2,3})\b|\b([A-Z][a-z]+ [A-Z][a-z'’-]+)\b")
        known = {
            str(t).lower()
            for spec in self.annotator.rules.agencies.values()
            for t in (spec.get("names") or []) + (spec.get("roles") or [])
        }
        for block in draft.document.blocks:
            if block.kind == "heading" or len(block.text) > 400:
                continue
            if block.kind == "table_row" and self._column(block.table_header, "action") is not None:
                continue  # an action row names the agency the action is about, not its owner
            for piece in re.split(
                r"[;\n]|,\s(?=[A-Z][a-z]+ [A-Z])|,\s(?=[A-Z]{2,3}\b)", block.text
            ):
                agencies = {a for a, _ in self.annotator.agencies_in(piece)}
                if len(agencies) != 1:
                    continue
                agency = next(iter(agencies))
                for m in token.finditer(piece):
                    key = m.group(1) or m.group(2)
                    if key.lower() not in known and key not in mapping:
                        mapping[key] = agency
        return mapping

    def _people_owners(self, text: str, people: dict[str, str]) -> list[str]:
        out = []
        for key, agency in people.items():
            if re.search(rf"(?<![A-Za-z]){re.escape(key)}(?![A-Za-z])", text):
                out.append(agency)
        return out

    # -- criticism -----------------------------------------------------------------
    def criticised_agencies(self, draft: AnalysedDraft) -> list[str]:
        """Agencies the narrative (outside the plan) raises learning or concerns about."""
        found: list[str] = []
        for sent, agencies in zip(draft.sentences, draft.agencies):
            if not agencies:
                continue
            block = draft.document.blocks[sent.block]
            if self.in_action_section(block):
                continue
            if _has_phrase(sent.text.lower(), self.criticism):
                for a, _ in agencies:
                    if a != self.own and a not in found:
                        found.append(a)
        return found
