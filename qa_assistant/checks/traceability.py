"""Lessons to actions: which stated lessons an action answers, and which actions trace back.

The inspectorate found reviews that "did not always identify the right lessons to be learned,
which could then be translated into appropriate action". Lessons are the blocks under learning
or findings headings (outside the plan) and "Finding 1:" lines; an action answers a lesson when
they share content words (stemmed, stop-words removed). The result is both a table for people
and features for the ``learning_to_actions`` pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa_assistant.actions.extract import Action, ActionReader
from qa_assistant.checks.rule_check import heading_matches
from qa_assistant.nlp.annotate import AnalysedDraft

_WORD = re.compile(r"[a-z][a-z'’-]{2,}")
def content_words(text: str, stop: frozenset[str] = frozenset()) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'-")
        if w in stop or len(w) < 3:
            continue
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

    def features(self) -> dict[str, float]:
        n = len(self.lessons)
        answered = sum(bool(lesson.actions) for lesson in self.lessons)
        return {
            "findings": float(n),
            "findings_answered": float(answered),
            "answered_ratio": answered / n if n else 0.0,
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
        self.min_shared = int(spec.get("trace_min_shared_words", 2))
        self.stop = frozenset(str(w).lower() for w in spec.get("trace_stop_words", []))

    def trace(self, draft: AnalysedDraft, actions: list[Action]) -> Traceability:
        lessons: list[Lesson] = []
        for block in draft.document.blocks:
            if block.kind not in ("paragraph", "list_item", "table_row"):
                continue
            if len(block.text.split()) < 5 or self.reader.region(block) == "plan":
                continue
            labelled = self.reader._finding(block.text)
            under = block.heading_path and heading_matches(block.heading_path[-1], self.headings)
            if not (labelled or under):
                continue
            lessons.append(Lesson(block.text[:400], block.start, block.end, block.section))
        action_words = [content_words(a.text, self.stop) for a in actions]
        traced: set[int] = set()
        for lesson in lessons:
            words = content_words(lesson.text, self.stop)
            for i, aw in enumerate(action_words):
                if len(words & aw) >= self.min_shared:
                    lesson.actions.append(i)
                    traced.add(i)
        return Traceability(lessons, [i for i in range(len(actions)) if i not in traced])
