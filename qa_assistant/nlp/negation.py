"""Clause-bounded negation and placeholder detection.

A signal such as "the child's views" is not evidence when the clause says they "were not
sought"; a section whose only content is "N/A", "TBC" or "see chronology" is a gap, not content.
The cues are data (the framework's ``negation.yaml``); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(frozen=True)
class NegationCues:
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    pseudo: tuple[str, ...]
    breaks: frozenset[str]
    window_before: int
    window_after: int
    placeholders: tuple[re.Pattern, ...]
    prompts: tuple[re.Pattern, ...] = ()

    @classmethod
    def from_rules(cls, spec: dict, extra_before=(), extra_after=()) -> NegationCues:
        def split(cues) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(_words(c)) for c in cues if _words(c))

        return cls(
            before=split(list(spec.get("before", [])) + list(extra_before)),
            after=split(list(spec.get("after", [])) + list(extra_after)),
            pseudo=tuple(" ".join(_words(p)) for p in spec.get("pseudo", [])),
            breaks=frozenset(str(b).lower() for b in spec.get("scope_breaks", [])),
            window_before=int(spec.get("window_before", 6)),
            window_after=int(spec.get("window_after", 5)),
            placeholders=tuple(re.compile(p, re.IGNORECASE) for p in spec.get("placeholders", [])),
            prompts=tuple(re.compile(p, re.IGNORECASE) for p in spec.get("prompts", [])),
        )

    def is_prompt(self, text: str) -> bool:
        """Template guidance or a prompt left in the draft: not content, not a gap."""
        t = text.strip()
        return len(t) <= 400 and any(p.match(t) for p in self.prompts)

    def is_placeholder(self, text: str) -> bool:
        """True when a block (after any 'Label:' prefix) is only a placeholder like 'N/A'."""
        value = strip_label(text).strip().strip("*_").strip()
        if not value:
            return True
        return any(p.match(value) for p in self.placeholders)

    def negated(self, sent: Span, start: int, end: int) -> bool:
        """Is the match doc[start:end] inside sentence ``sent`` governed by a negation cue?"""
        # Only the window around the match is read, so a very long sentence (a 2 MB paragraph
        # with no full stops) costs the same per match as a short one.
        lo = max(sent.start, start - self.window_before * 2)
        hi = min(sent.end, end + self.window_after * 2)
        words = [t.lower_ for t in sent.doc[lo:hi]]
        s, e = start - lo, end - lo
        left: list[str] = []
        for w in reversed(words[max(0, s - self.window_before * 2) : s]):
            if w in self.breaks:
                break
            left.insert(0, w)
        left = left[-self.window_before :]
        right: list[str] = []
        for w in words[e : e + self.window_after * 2]:
            if w in self.breaks:
                break
            right.append(w)
        right = right[: self.window_after]
        context = " ".join(left + words[s:e] + right)
        if any(p and p in context for p in self.pseudo):
            return False
        return _contains_any(left, self.before) or _contains_any(right, self.after)


def _words(text: str) -> list[str]:
    return str(text).lower().replace("n't", " n't").split()


def _contains_any(words: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    n = len(words)
    for cue in cues:
        k = len(cue)
        for i in range(n - k + 1):
            if tuple(words[i : i + k]) == cue:
                return True
    return False


_LABEL = re.compile(
    r"^\s*([A-Za-z][^:]{1,60}?)\s*[:\-–—]\s+(.*)$|^\s*([A-Za-z][^:]{1,60}?)\s*:\s*$"
)
_COLON_LABEL = re.compile(
    r"^\s*([A-Za-z][^:]{1,60}?)\s*:\s+(.*)$|^\s*([A-Za-z][^:]{1,60}?)\s*:\s*$"
)


def split_label(text: str, dashes: bool = True) -> tuple[str, str] | None:
    """'Voice of the child: N/A' -> ('Voice of the child', 'N/A'); None when no label.
    With ``dashes`` a dash also separates ("Action 1 – CAMHS to ..."); form fields use colons."""
    m = (_LABEL if dashes else _COLON_LABEL).match(text)
    if not m:
        return None
    if m.group(3):
        return m.group(3).strip(), ""
    label = m.group(1).strip()
    if len(label.split()) > 9:
        return None
    return label, m.group(2).strip()


def strip_label(text: str) -> str:
    parts = split_label(text)
    return parts[1] if parts else text
