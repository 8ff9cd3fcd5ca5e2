"""The subject child: who the review is about, so that checks ask questions about *this* child.

A review names its child in a form field ("Name: Kai", "Child: J.T."), by a pseudonym it uses
throughout ("Child M", "Reece"), by initials ("RT") or only as "the young person". The name is
found from labelled fields first, then from the most frequent person-like name in the draft;
the cues and stop-words are data (the framework's ``facts.yaml``, ``subject_child``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from qa_assistant.document.model import Document

_NAME_TOKEN = re.compile(
    r"\b(Child [A-Z]\b|[A-Z]\.\s?[A-Z]\.?(?:\s?[A-Z]\.)?|[A-Z]{2,3}\b"
    r"|[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)"
)


@dataclass
class SubjectChild:
    name: str = ""  # "Kai", "Child M", "J.T." or "" when the draft never names the child
    how: str = ""  # how the name was found ("form field 'Name'", "most frequent name")
    aliases: tuple[str, ...] = ()  # every way the draft refers to the child
    age: int | None = None
    evidence: str = ""

    def mentioned_in(self, text: str) -> bool:
        return bool(self._alias_re().search(text))

    def _alias_re(self) -> re.Pattern:
        names = [re.escape(a) for a in self.aliases if a]
        if not names:
            return re.compile(r"(?!x)x")
        return re.compile(r"(?<![A-Za-z])(" + "|".join(names) + r")(?![A-Za-z])", re.I)

    def to_dict(self) -> dict:
        return {"name": self.name or None, "how": self.how, "age": self.age}


class SubjectFinder:
    """Compiled once from the framework's ``facts.yaml``'s ``subject_child`` section."""

    def __init__(self, spec: dict) -> None:
        labels = [str(x) for x in spec.get("field_labels", [])]
        self.field_label = re.compile(
            r"^\s*(?:" + "|".join(labels) + r")\s*(?:\([^)]*\))?\s*[:|\-–]\s*(?P<value>.+)$", re.I
        )
        self.header_labels = re.compile(
            r"^\s*(?:" + "|".join(labels) + r")\s*(?:\([^)]*\))?\s*$", re.I
        )
        self.called = [re.compile(p) for p in spec.get("called_patterns", [])]
        self.not_names = {str(w).lower() for w in spec.get("not_names", [])}
        self.generic = tuple(str(a) for a in spec.get("generic_aliases", []))
        self.min_mentions = int(spec.get("min_mentions", 3))
        self.institution = re.compile(
            r"^\s+(?:" + "|".join(map(re.escape, spec.get("institution_words", []))) + r")\b"
        )
        self.adult_title = re.compile(
            r"\b(?:" + "|".join(map(re.escape, spec.get("adult_titles", []))) + r")\.?\s+$"
        )

    def find(self, document: Document, stop: set[str] | None = None) -> SubjectChild:
        stop = (stop or set()) | self.not_names
        name, how, evidence = self._from_fields(document, stop)
        counts = self._name_counts(document, stop)
        if not name:
            for block in document.blocks[:400]:
                for pattern in self.called:
                    m = pattern.search(block.text)
                    if m and self._name_ok(m.group(1), stop):
                        name, how, evidence = (
                            m.group(1),
                            "the draft says how it names the child",
                            block.text,
                        )
                        break
                if name:
                    break
        if not name and counts:
            best, n = counts.most_common(1)[0]
            if n >= self.min_mentions:
                name, how = best, f"the most frequent name in the draft ({n} mentions)"
        aliases = [name] if name else []
        if name.startswith("Child "):
            aliases.append(name.split()[-1])  # "Child J" is "J" in the text
        if name and " " not in name and name.isalpha() and name[0].isupper():
            aliases.append(f"{name}'s")
        aliases.extend(self.generic)
        return SubjectChild(name, how, tuple(aliases), None, evidence[:300])

    def _from_fields(self, document: Document, stop: set[str]) -> tuple[str, str, str]:
        for label, value, block in document.fields()[:300]:
            if self.header_labels.match(label):
                cand = self._first_name(value, stop)
                if cand:
                    return cand, f"the form field '{label.strip()}'", block.text
        return "", "", ""

    def _first_name(self, value: str, stop: set[str]) -> str:
        m = _NAME_TOKEN.search(value.strip()[:60])
        if m and m.start() <= 2 and self._name_ok(m.group(1), stop):
            return m.group(1).strip()
        return ""

    def _name_ok(self, token: str, stop: set[str]) -> bool:
        t = token.strip()
        return bool(t) and t.lower() not in stop and t.lower().rstrip(".") not in stop

    def _name_counts(self, document: Document, stop: set[str]) -> Counter:
        counts: Counter = Counter()
        for block in document.blocks:  # headings too: "Learning review: Reece"
            for m in _NAME_TOKEN.finditer(block.text):
                tok = m.group(1).strip()
                if not self._name_ok(tok, stop):
                    continue
                after = block.text[m.end() : m.end() + 30]
                if self.institution.match(after) or self.adult_title.search(
                    block.text[max(0, m.start() - 6) : m.start()]
                ):
                    continue  # "Brindmoor Council", "Mr Hale": a place or an adult
                counts[tok] += 1
        return Counter({k: int(v) for k, v in counts.items()})
