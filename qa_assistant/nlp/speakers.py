"""Speaker attribution: whose words a sentence reports.

"He told us he was scared" is the child's voice only if "he" is the child; "Councillor Reid said
the estate was unsafe" is not, whatever it says. For each sentence that reports speech (a
reporting verb, a first-person quotation, or a possessed voice noun such as "his request to speak
to the Samaritans"), the speaker is the subject of the reporting verb: the subject child (by name
or alias), a parent or carer, a professional (the reviewer's "I"/"we" included) or someone else.
Pronouns are resolved to the person last named whose gender fits, else to the child. The word
lists are data (the framework's ``speakers.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from qa_assistant.nlp.subject import SubjectChild

CLASSES = ("child", "parent", "professional", "other")
_QUOTE = re.compile(r"[“\"‘]([^”\"’]{3,400})[”\"’]")
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself)\b")
_CLAUSE_BREAK = re.compile(r"[;:(]|,\s|\bthat\b|\bbut\b|\band\b(?= (?:he|she|they)\b)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    cls: str  # child / parent / professional / other / pronoun
    gender: str = ""  # "f", "m" or ""


class SpeakerTagger:
    """Compiled from the framework's ``speakers.yaml``; tags one draft's sentences at a time."""

    def __init__(self, spec: dict) -> None:
        self.verbs = {str(v).lower() for v in spec.get("reporting_verbs", [])}
        self.narrative_headings = tuple(str(h).lower() for h in spec.get("narrative_headings", []))
        nouns = "|".join(re.escape(str(n)) for n in spec.get("voice_nouns", []))
        self.voice_noun = re.compile(
            rf"\b(?P<who>his|her|their|[A-Z][\w.]*(?: [A-Z]\w*)?['’]s|the (?:child|young "
            rf"person|boy|girl)['’]s)(?: own)? (?:{nouns})\b"
        )
        self.classes: list[tuple[str, re.Pattern]] = []
        for cls, words in (spec.get("classes") or {}).items():
            alts = sorted((re.escape(str(w)) for w in words), key=len, reverse=True)
            if alts:
                flags = 0 if cls == "professional" else re.I
                pattern = r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"
                if cls == "professional":  # "I"/"we" only as words; the rest any case
                    pattern = r"(?<![\w-])(?:I|[Ww]e|(?i:" + "|".join(alts) + r"))(?![\w-])"
                self.classes.append((cls, re.compile(pattern, flags)))
        gendered = spec.get("gendered_words") or {}
        self.female = frozenset(str(w).lower() for w in gendered.get("female", []))
        self.male = frozenset(str(w).lower() for w in gendered.get("male", []))
        pronouns = [str(p) for p in spec.get("child_pronouns", ["he", "she", "they"])]
        self.pronoun = re.compile(r"\b(" + "|".join(pronouns) + r")\b", re.I)

    def tag(
        self, spans: list[Span], child: SubjectChild, child_gender: str | None = None
    ) -> list[str | None]:
        """One tag per sentence span: the speaker class of its reported speech, or None."""
        child_re = child._alias_re()
        if child_gender is None:
            child_gender = child_gender_of(spans)
        last: Mention | None = None
        out: list[str | None] = []
        for span in spans:
            text = span.text
            mentions = self._mentions(text, child_re)
            speaker = None
            for tok in span:
                if tok.lemma_.lower() not in self.verbs and tok.lower_ not in self.verbs:
                    continue
                if not tok.lower_[:1].isalpha() or tok.lower_ in ("report", "reports"):
                    continue  # "a report", not "reported"
                v = tok.idx - span.start_char
                prev = _previous_word(span, tok)
                if prev is not None and prev.lower_ in _DETERMINERS:
                    continue  # "his request", "the report": a noun, not a reporting verb
                if _passive(span, tok):  # "Reece was told he owed": the agent speaks, if named
                    by = re.match(r"\w+\s+by\b", text[v:])
                    agents = [m for m in mentions if m.start > v] if by else []
                    speaker = self._cls(agents[0], last, child_gender) if agents else None
                    if speaker:
                        break
                    continue
                speaker = self._subject(text, v, mentions, last, child_gender, span, tok)
                if speaker:
                    break
            if speaker is None:
                m = self.voice_noun.search(text)
                if m:
                    who = m.group("who")
                    if who.lower() in ("his", "her", "their"):
                        speaker = self._resolve(who.lower(), last, child_gender)
                    elif child_re.search(who):
                        speaker = "child"
                    else:
                        speaker = self._class_of(who, child_re) or "other"
            if speaker is None and any(_FIRST_PERSON.search(q) for q in _QUOTE.findall(text)):
                speaker = last.cls if last and last.cls != "pronoun" else "child"
            out.append(speaker)
            explicit = [m for m in mentions if m.cls != "pronoun"]
            if explicit:
                last = explicit[-1]
        return out

    # -- helpers ---------------------------------------------------------------------
    def _gender(self, word: str) -> str:
        """'f', 'm' or '' for a mention word ("mum", "he"), from ``speakers.yaml``."""
        return "f" if word in self.female else "m" if word in self.male else ""

    def _mentions(self, text: str, child_re: re.Pattern) -> list[Mention]:
        found: list[Mention] = []
        for m in child_re.finditer(text):
            found.append(Mention(m.start(), m.end(), "child"))
        for cls, pattern in self.classes:
            for m in pattern.finditer(text):
                word = m.group(0).lower()
                found.append(Mention(m.start(), m.end(), cls, self._gender(word)))
        for m in self.pronoun.finditer(text):
            word = m.group(0).lower()
            found.append(Mention(m.start(), m.end(), "pronoun", self._gender(word)))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[Mention] = []
        for m in found:  # overlapping: the longest (earliest) wins ("social worker" > "worker")
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept

    def _subject(self, text, v, mentions, last, child_gender, span, tok) -> str | None:
        after = text[v:]
        prev = _previous_word(span, tok)
        if (
            prev is not None
            and prev.is_lower
            and prev.lower_ not in _NOT_A_SUBJECT
            and not any(m.start <= prev.idx - span.start_char < m.end for m in mentions)
        ):
            return "other"  # "the tutor described him": someone this list does not name
        start = 0
        for b in _CLAUSE_BREAK.finditer(text, 0, v):
            start = b.end()
        before = [m for m in mentions if start <= m.start < v]
        if before:
            subj = before[-1]
            if subj.cls == "pronoun":  # the person last named in this sentence, if they fit
                named = [m for m in mentions if m.start < subj.start and m.cls != "pronoun"]
                if (
                    named
                    and named[-1].cls != "child"
                    and (not named[-1].gender or named[-1].gender == subj.gender or not subj.gender)
                ):
                    return named[-1].cls
            return self._cls(subj, last, child_gender)
        near = [m for m in mentions if v < m.start <= v + 40]  # "said Kai", "told the panel"
        lead = text[start:v].strip()
        if lead and lead[-1] not in ",\"”’'":
            # "The head of Hillcrest Academy said Jamal's attendance fell": someone this list
            # does not name spoke; the name after the verb is who they spoke about. A speaker
            # after the verb only follows a quotation ("'I ran,' said Kai").
            return None
        if near and re.match(r"\w+,?\s+(?:the\s+)?\w", after):
            first = near[0]
            if first.cls != "pronoun" and text[v : first.start].count(" ") <= 2:
                return self._cls(first, last, child_gender)
        return None

    def _cls(self, m: Mention, last: Mention | None, child_gender: str) -> str:
        if m.cls != "pronoun":
            return m.cls
        return self._resolve(
            "she" if m.gender == "f" else "he" if m.gender == "m" else "they", last, child_gender
        )

    @staticmethod
    def _resolve(pronoun: str, last: Mention | None, child_gender: str) -> str:
        g = {"she": "f", "her": "f", "he": "m", "his": "m"}.get(pronoun, "")
        if not g and last is not None and last.cls not in ("child", "pronoun"):
            return last.cls  # "they" after "the professionals around Mia"
        if g and child_gender and g != child_gender:
            # "She said" in a review about a boy is not the child: whoever was last named, if
            # they fit, else someone else
            if last is not None and last.cls not in ("child", "pronoun"):
                return last.cls
            return "other"
        if last is not None and last.cls not in ("child", "pronoun") and last.gender and g:
            if last.gender == g and g != child_gender:
                return last.cls
            if last.gender == g and last.cls == "parent":
                return last.cls
        return "child"

    def _class_of(self, text: str, child_re: re.Pattern) -> str | None:
        if child_re.search(text):
            return "child"
        for cls, pattern in self.classes:
            if pattern.search(text):
                return cls
        return None


_DETERMINERS = {
    "'s",
    "’s",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "this",
    "that",
    "these",
    "those",
    "any",
    "no",
    "every",
    "each",
}
_AUX = {"was", "were", "been", "being", "is", "are", "be", "get", "got"}
_NOT_A_SUBJECT = {
    "also",
    "later",
    "then",
    "had",
    "has",
    "have",
    "did",
    "does",
    "do",
    "not",
    "never",
    "once",
    "again",
    "first",
    "repeatedly",
    "consistently",
    "clearly",
    "and",
    "or",
    "but",
    "that",
    "who",
    "which",
    "would",
    "could",
    "should",
    "will",
    "may",
    "might",
    "can",
    "must",
    "to",
    "still",
    "always",
    "often",
    "openly",
    "only",
    "just",
    "already",
    "recently",
    "previously",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "it",
    "him",
    "her",
    "them",
    "me",
    "us",
}


def _passive(span: Span, tok) -> bool:
    """'was told', 'had been reported': the verb's subject did not speak."""
    i = tok.i - 1
    while i >= span.start and span.doc[i].lower_ in ("not", "never", "also", "later", "then"):
        i -= 1
    return i >= span.start and span.doc[i].lower_ in _AUX and tok.tag_ != "VBG"


def _previous_word(span: Span, tok):
    i = tok.i - 1
    while i >= span.start and (span.doc[i].lower_.endswith("ly") or span.doc[i].is_punct):
        if span.doc[i].is_punct:
            return None
        i -= 1
    return span.doc[i] if i >= span.start else None


def child_gender_of(spans: list[Span]) -> str:
    """'m', 'f' or '': the pronouns the draft mostly uses, which are the child's."""
    he = she = 0
    for span in spans[:400]:
        for tok in span:
            w = tok.lower_
            he += w in ("he", "him", "his")
            she += w in ("she", "her", "hers")
    return "m" if he > she else "f" if she > he else ""
