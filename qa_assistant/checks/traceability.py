"""Lessons to actions: which stated lessons an action answers, and which actions trace back.

The inspectorate found reviews that "did not always identify the right lessons to be learned,
which could then be translated into appropriate action". Lessons are the blocks under learning
or findings headings (outside the plan) and "Finding 1:" lines or headings, each with the
paragraphs that argue it ("Why it matters", "Evidence from the case"); an action answers a lesson
when it shares content words (lemmas, stop-words removed) with the statement or a part of its
argument. The result is both a table for people
and features for the ``learning_to_actions`` pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lookups import Table

from qa_assistant.actions.extract import Action, ActionReader
from qa_assistant.checks.rule_check import heading_matches
from qa_assistant.nlp.annotate import AnalysedDraft
from qa_assistant.nlp.negation import split_label

_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
def content_words(
    text: str, stop: frozenset[str] = frozenset(), lemmas: Table | None = None
) -> set[str]:
    """The text's content words as lemmas ("shared", "sharing" -> "share"), from spaCy's lookup
    table when given (a ``Table``: it hashes the word it is asked for; a plain dict of its items
    would be keyed by hashes and find nothing), else by stripping common suffixes."""
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if w in stop or len(w) < 3:
            continue
        if lemmas is not None:
            w = lemmas.get(w, w)
            if w in stop:
                continue
        else:
            for suffix in ("ing", "ed", "es", "s"):
                if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                    w = w[: -len(suffix)]
                    break
        out.add(w)
    return out


@dataclass
class Lesson:
    text: str
    start: int
    end: int
    section: str
    actions: list[int] = field(default_factory=list)  # indexes into the draft's actions
    # The paragraphs that argue a labelled finding ("Why it matters", "Evidence from the case"):
    # part of the same lesson, not lessons of their own. An action answers the lesson when it
    # shares words with the statement or with any one of them.
    body: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "actions": self.actions,
        }


@dataclass
class Traceability:
    lessons: list[Lesson]
    actions_without_lesson: list[int]
    # sentences of the analysis that name a shortfall in practice ("was not shared with the YJS"):
    # the lessons a review states without calling them lessons
    gap_statements: int = 0
    actions: int = 0
    actions_from_gaps: int = 0  # actions that answer a lesson or a gap statement

    def features(self) -> dict[str, float]:
        n = len(self.lessons)
        answered = sum(bool(lesson.actions) for lesson in self.lessons)
        traced = self.actions - len(self.actions_without_lesson)
        return {
            "findings": float(n),
            "findings_answered": float(answered),
            "answered_ratio": answered / n if n else 0.0,
            "gap_statements": float(self.gap_statements),
            "traced_ratio": max(traced, self.actions_from_gaps) / self.actions
            if self.actions
            else 0.0,
        }

    def to_dict(self) -> dict:
        return {
            "lessons": [lesson.to_dict() for lesson in self.lessons],
            "lessons_without_action": [
                i for i, lesson in enumerate(self.lessons) if not lesson.actions
            ],
            "actions_without_lesson": self.actions_without_lesson,
        }


class LessonTracer:
    """Compiled once from the framework's ``actions.yaml``."""

    def __init__(self, reader: ActionReader) -> None:
        spec = reader.annotator.rules.actions
        self.reader = reader
        self.headings = tuple(str(h).lower() for h in spec.get("learning_headings", []))
        self.not_headings = tuple(str(h).lower() for h in spec.get("not_learning_headings", []))
        self.min_shared = int(spec.get("trace_min_shared_words", 2))
        self.stop = frozenset(str(w).lower() for w in spec.get("trace_stop_words", []))
        self.not_lessons = [re.compile(str(p), re.I) for p in spec.get("not_lessons", [])]
        self.not_analysis = tuple(str(h).lower() for h in spec.get("not_analysis_headings", []))
        words = list(spec.get("criticism_cues", []))
        if spec.get("negation_is_shortfall", False):
            # the shared negation cues (negation.yaml): "nobody checked", "was never seen"
            words += [" ".join(c) for c in reader.annotator.default_cues.before]
        cues = sorted({str(c).lower() for c in words}, key=len, reverse=True)
        # whose reported words are never the review's own statement of a shortfall
        self.not_review_speakers = frozenset(spec.get("shortfall_not_said_by", []))
        self.gap_cue = (
            re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, cues)) + r")(?![a-z])")
            if cues
            else None
        )
        nlp = reader.annotator.nlp
        table = (
            nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup", None)
            if "lemmatizer" in nlp.pipe_names
            else None
        )
        self.lemmas = table

    def words(self, text: str) -> set[str]:
        return content_words(text, self.stop, self.lemmas)

    def trace(self, draft: AnalysedDraft, actions: list[Action]) -> Traceability:
        lessons: list[Lesson] = []
        stated_with: list[tuple[int, int]] = []  # (action, lesson) stated together
        for i, a in enumerate(actions):  # its row's learning cell, or "X. Action: Y"
            if a.lesson and not self._no_lesson(a.lesson):
                stated_with.append((i, len(lessons)))
                lessons.append(Lesson(a.lesson[:400], a.start, a.end, a.section))
        own = [(a.start, a.end) for a in actions if a.lesson]
        # A labelled finding ("Finding 2: ...", as a paragraph or a heading) and the paragraphs
        # after it in the same section are one lesson: the statement and its argument.
        unit: Lesson | None = None
        unit_section = ""
        for block in draft.document.blocks:
            if block.kind == "heading":
                unit = None
                if (
                    self.reader._finding(block.text)
                    and self.reader.region(block) != "plan"
                    and not self._no_lesson(block.text)
                ):
                    unit = Lesson(block.text[:400], block.start, block.end, block.section)
                    lessons.append(unit)
                    unit_section = block.text
                continue
            if block.kind not in ("paragraph", "list_item", "table_row"):
                continue
            if len(block.text.split()) < 5 or self.reader.region(block) == "plan":
                continue
            if any(block.start <= s < block.end for s, _ in own):
                continue  # its lesson is already read with its action
            under = bool(
                block.section
                and heading_matches(block.section, self.headings)
                and not heading_matches(block.section, self.not_headings)
            )
            if (
                block.kind == "table_row"
                and any(self.reader.is_lesson_column(h) for h in block.table_header)
                # not "Date | Concern" in a chronology
                and (under or self.reader.region(block) != "no_action")
            ):
                # "Agency | Involvement | Learning": the lesson is the row's learning cell
                cells = list(block.grid or block.cells)
                if tuple(cells) == tuple(block.table_header):
                    continue
                text = self.reader._lesson_cell(block.table_header, cells, -1)
                if text and not self._no_lesson(text):
                    lessons.append(Lesson(text[:400], block.start, block.end, block.section))
                continue
            if self._no_lesson(block.text):
                continue
            if self.reader._finding(block.text):
                unit = Lesson(block.text[:400], block.start, block.end, block.section)
                lessons.append(unit)
                unit_section = block.section
                continue
            if unit is not None and block.section == unit_section:
                unit.body.append(block.text)
                unit.end = max(unit.end, block.end)
                continue
            if under:
                lessons.append(Lesson(block.text[:400], block.start, block.end, block.section))
        action_words = [self.words(a.text) for a in actions]
        traced: set[int] = set()
        for i, li in stated_with:
            lessons[li].actions.append(i)
            traced.add(i)
        annotator = self.reader.annotator
        for lesson in lessons:
            parts = [self.words(t) for t in [lesson.text, *lesson.body]]
            # "Health: young people injured out of hours need a navigator referral" is answered by
            # the ICB's "Extend navigator cover": an agency's lesson, its own action, one word
            label = split_label(lesson.text)
            named = {a for a, _ in annotator.agencies_in(label[0])} if label else set()
            for i, aw in enumerate(action_words):
                if i in lesson.actions:
                    continue
                need = 1 if named & set(actions[i].owners) else self.min_shared
                if any(len(w & aw) >= need for w in parts):
                    lesson.actions.append(i)
                    traced.add(i)
        gaps = self._gap_statements(draft)
        from_gaps = {
            i
            for i, aw in enumerate(action_words)
            if i in traced or any(len(g & aw) >= self.min_shared for g in gaps)
        }
        return Traceability(
            lessons,
            [i for i in range(len(actions)) if i not in traced],
            gap_statements=len(gaps),
            actions=len(actions),
            actions_from_gaps=len(from_gaps),
        )

    def _no_lesson(self, text: str) -> bool:
        """ "No specific learning was identified", "To be identified at the full review",
        "The learning will be shared at ...": under a learning heading, but no lesson."""
        return self.reader.annotator.default_cues.is_placeholder(text) or any(
            p.search(text) for p in self.not_lessons
        )

    def _gap_statements(self, draft: AnalysedDraft) -> list[set[str]]:
        """Content words of each sentence, outside the plan, the chronology and the like, that
        names a shortfall in practice."""
        out = []
        blocks = draft.document.blocks
        for sent in draft.sentences:
            block = blocks[sent.block]
            if block.kind == "heading" or self.reader.region(block) == "plan":
                continue
            if any(heading_matches(h, self.not_analysis) for h in block.heading_path):
                continue
            if self._no_lesson(sent.text):
                continue
            speaker = draft.speakers[sent.index] if sent.index < len(draft.speakers) else None
            if speaker in self.not_review_speakers:
                continue  # "her mum said nobody listened" is her view, not the review's finding
            if self.gap_cue is not None and self.gap_cue.search(sent.text.lower()):
                out.append(self.words(sent.text))
        return out
