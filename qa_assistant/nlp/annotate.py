"""Turn a document into sentences annotated with rule-pack signal hits and agency mentions.

All matchers (phrase lists, spaCy token patterns, regexes, the agency gazetteer) are compiled
once from the rule set; a draft is then one ``nlp.pipe`` pass plus matching.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from qa_assistant.checks.packs import RuleSet
from qa_assistant.document.model import Block, Document
from qa_assistant.nlp.negation import NegationCues, split_label
from qa_assistant.nlp.speakers import SpeakerTagger, child_gender_of
from qa_assistant.nlp.subject import SubjectChild, SubjectFinder


@dataclass
class Sentence:
    index: int
    block: int
    start: int  # offsets into Document.text
    end: int
    text: str
    kind: str
    heading_path: tuple[str, ...]
    placeholder: bool
    prompt: bool = False  # template guidance ("Describe the child's ..."): neither content nor gap
    label: str = ""  # "Voice of the child" in "Voice of the child: N/A"

    @property
    def section(self) -> str:
        return self.label or (self.heading_path[-1] if self.heading_path else "")


@dataclass(frozen=True)
class Hit:
    concern: str
    signal: str
    negated: bool
    matched: str


@dataclass
class AnalysedDraft:
    document: Document
    sentences: list[Sentence]
    hits: list[list[Hit]]  # per sentence
    agencies: list[list[tuple[str, str]]]  # per sentence: (agency id, matched text)
    docs: dict[int, Doc] = field(default_factory=dict, repr=False)  # block index -> Doc
    child: SubjectChild = field(default_factory=SubjectChild)  # who the review is about
    speakers: list[str | None] = field(default_factory=list)  # per sentence: whose words
    traceability: object = None  # lessons -> actions, filled in by the checker
    features: dict = field(default_factory=dict)  # action, fact and traceability features
    own_agency: str = ""  # the framework's reviewing agency (its agencies.yaml)
    # per sentence: does it speak of the subject child (their name, an alias or their pronoun)?
    about_child: list[bool] = field(default_factory=list)

    def signal_sentences(self, concern: str) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, hits in enumerate(self.hits):
            for h in hits:
                if h.concern == concern:
                    key = f"{h.signal}_neg" if h.negated else h.signal
                    if not out[key] or out[key][-1] != i:
                        out[key].append(i)
        return out


class Annotator:
    """Compiled matchers for one rule set; reusable across drafts (and threads of one process)."""

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.nlp = nlp
        self.rules = rules
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.patterns = Matcher(nlp.vocab)
        self.regexes: list[tuple[str, str, re.Pattern, bool]] = []
        self.anchored: set[re.Pattern] = set()
        self.lower_twins: dict[re.Pattern, re.Pattern | None] = {}
        self.negatable: dict[str, bool] = {}
        self.cues: dict[str, NegationCues] = {}
        for pack in rules.concerns:
            shared = rules.negation
            if pack.negation_own:  # e.g. blame: "did not ... negligent" must stay blame
                shared = {**shared, "before": [], "after": []}
            if pack.negation_window:
                shared = {**shared, "window_before": pack.negation_window}
            self.cues[pack.id] = NegationCues.from_rules(
                shared, pack.negation_before, pack.negation_after
            )
            for sig in pack.signals:
                key = f"{pack.id}|{sig.name}"
                self.negatable[key] = sig.negatable
                if sig.phrases:
                    self.phrases.add(key, list(nlp.tokenizer.pipe(sig.phrases)))
                if sig.patterns:
                    self.patterns.add(key, [list(p) for p in sig.patterns])
                if sig.regex is not None:
                    self.regexes.append((pack.id, sig.name, sig.regex, sig.negatable))
                    self.lower_twins[sig.regex] = lowercase_twin(sig.regex)
                    if _ANCHOR.search(sig.regex.pattern):
                        self.anchored.add(sig.regex)
        self.agency_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for agency, spec in rules.agencies.items():
            terms = [str(t) for t in (spec.get("names") or []) + (spec.get("roles") or [])]
            self.agency_matcher.add(f"agency|{agency}", list(nlp.tokenizer.pipe(terms)))
        self.acronym_matcher = Matcher(nlp.vocab)
        for agency, spec in rules.agencies.items():
            shapes = [str(p) for p in spec.get("acronyms") or []]
            if shapes:
                self.acronym_matcher.add(
                    f"agency|{agency}", [[{"TEXT": {"REGEX": f"^(?:{p})$"}}] for p in shapes]
                )
        self.default_cues = NegationCues.from_rules(rules.negation)
        self.subject = SubjectFinder(rules.facts.get("subject_child") or {})
        self.subject_stop = {
            str(t).lower()
            for a in rules.agencies.values()
            for t in (a.get("names") or []) + (a.get("roles") or [])
        }
        self.speaker_tagger = SpeakerTagger(rules.speakers)
        self.gap_signals = {
            (pack.id, sig.name) for pack in rules.concerns for sig in pack.signals if sig.gap
        }
        self.child_signals = [
            (pack.id, sig.name, sig.child_regex, sig.negatable)
            for pack in rules.concerns
            for sig in pack.signals
            if sig.child_regex
        ]
        self.speaker_signals = [
            (pack.id, sig.name, sig.speaker)
            for pack in rules.concerns
            for sig in pack.signals
            if sig.speaker
        ]

    def agencies_in(self, text: str) -> list[tuple[str, str]]:
        """Agency ids mentioned in a short text (an owner cell, an action), in order;
        the longest phrase wins ("YOT police officer" is the YOT, not the police)."""
        doc = self.nlp.make_doc(text)
        spans = self._agency_spans(doc)
        return [self._agency(sp) for sp in sorted(spans, key=lambda x: x.start)]

    def _agency_spans(self, doc: Doc) -> list[Span]:
        """Gazetteer names and acronym shapes in ``doc``, the longest winning."""
        found = [Span(doc, s, e, label=m) for m, s, e in self.agency_matcher(doc)]
        if len(self.acronym_matcher):
            found += [Span(doc, s, e, label=m) for m, s, e in self.acronym_matcher(doc)]
        return filter_spans(found)

    def agency_spans(self, text: str) -> list[tuple[str, str, int, int]]:
        """Like ``agencies_in``, with each name's character offsets in ``text``."""
        doc = self.nlp.make_doc(text)
        spans = self._agency_spans(doc)
        return [
            (*self._agency(sp), sp.start_char, sp.end_char)
            for sp in sorted(spans, key=lambda x: x.start)
        ]

    def _agency(self, span: Span) -> tuple[str, str]:
        return self.nlp.vocab.strings[span.label].split("|", 1)[1], span.text

    def annotate(self, document: Document) -> AnalysedDraft:
        child = self.subject.find(document, self.subject_stop)
        spans_all: list[Span] = []
        sentences: list[Sentence] = []
        hits: list[list[Hit]] = []
        agencies: list[list[tuple[str, str]]] = []
        docs: dict[int, Doc] = {}
        pending: list[tuple] = []  # per sentence: what its hits are computed from
        indexed = [(i, b) for i, b in enumerate(document.blocks) if b.kind != "heading"]
        texts = (b.text for _, b in indexed)
        for (bi, block), doc in zip(indexed, self.nlp.pipe(texts, batch_size=256)):
            docs[bi] = doc
            prompt = block.kind != "table_row" and self.default_cues.is_prompt(block.text)
            placeholder = prompt or self.default_cues.is_placeholder(block.text)
            parts = split_label(block.text, dashes=False) if block.kind == "paragraph" else None
            label = parts[0] if parts else ""
            spans = [doc[:]] if block.kind == "table_row" else list(doc.sents)
            phrase_hits = self.phrases(doc) + (self.patterns(doc) if len(self.patterns) else [])
            agency_hits = self._agency_spans(doc)
            # Matches grouped by sentence once, so a block of thousands of sentences is not
            # scanned match by match for every sentence (quadratic on a huge paragraph).
            starts = [sent.start for sent in spans]
            sent_matches: list[list] = [[] for _ in spans]
            for m in phrase_hits:
                sent_matches[max(0, bisect_right(starts, m[1]) - 1)].append(m)
            sent_agencies: list[list[Span]] = [[] for _ in spans]
            for sp in agency_hits:
                sent_agencies[max(0, bisect_right(starts, sp.start) - 1)].append(sp)
            for k, sent in enumerate(spans):
                idx = len(sentences)
                spans_all.append(sent)
                sentences.append(
                    Sentence(
                        index=idx,
                        block=bi,
                        start=block.start + sent.start_char,
                        end=block.start + sent.end_char,
                        text=sent.text,
                        kind=block.kind,
                        heading_path=block.heading_path,
                        placeholder=placeholder,
                        prompt=prompt,
                        label=label,
                    )
                )
                pending.append((doc, sent, sent_matches[k], placeholder, block.start))
                agencies.append(
                    [
                        self._agency(sp)
                        for sp in sent_agencies[k]
                        if sent.start <= sp.start < sent.end
                    ]
                )
        # The pack regexes run once over the whole draft, not once per block (a draft of
        # thousands of short paragraphs paid a call per regex per paragraph).
        regex_hits = self._regex_matches(
            document.text, [(x.start, x.end) for x in sentences], [x.placeholder for x in sentences]
        )
        for (doc, sent, matches, placeholder, offset), found in zip(pending, regex_hits):
            local = [(c, g, n, a - offset, b - offset) for c, g, n, a, b in found]
            hits.append(self._sentence_hits(doc, sent, matches, placeholder, local))
        self._child_hits(child, sentences, spans_all, hits)
        gender = child_gender_of(spans_all)  # the child's pronouns, for speakers and about_child
        speakers = self.speaker_tagger.tag(spans_all, child, gender)
        narrative = self.speaker_tagger.narrative_headings
        for i, who in enumerate(speakers):
            if who is None or sentences[i].placeholder:
                continue
            if narrative and any(heading_in(h, narrative) for h in sentences[i].heading_path[-2:]):
                continue  # words in the chronology are the record of events, not the review's
            for concern, signal, speaker in self.speaker_signals:
                # "the child's views were not sought" reports no one's words
                denied = any(
                    h.concern == concern and (h.negated or (concern, h.signal) in self.gap_signals)
                    for h in hits[i]
                )
                if speaker == who and not denied:
                    hits[i].append(Hit(concern, signal, False, sentences[i].text[:80]))
        return AnalysedDraft(
            document,
            sentences,
            hits,
            agencies,
            docs,
            child,
            speakers,
            own_agency=getattr(self.rules, "reviewing_agency", ""),
            about_child=_about_child(child, sentences, gender),
        )

    def _child_hits(self, child: SubjectChild, sentences, spans, hits) -> None:
        """Signals whose patterns name the subject child ({child}: their name or an alias)."""
        if not self.child_signals:
            return
        names = "|".join(re.escape(a) for a in child.aliases if a) or "the child"
        compiled = [
            (
                cid,
                name,
                re.compile(
                    "|".join(f"(?:{p})" for p in pats).replace("{child}", f"(?:{names})"), re.I
                ),
                neg,
            )
            for cid, name, pats, neg in self.child_signals
        ]
        for i, sent in enumerate(spans):
            if sentences[i].placeholder:
                continue
            for cid, name, rx, negatable in compiled:
                m = rx.search(sent.text)
                if not m:
                    continue
                span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
                negated = bool(
                    negatable
                    and span is not None
                    and self.cues[cid].negated(sent, span.start, span.end)
                )
                hits[i].append(Hit(cid, name, negated, m.group(0)))

    def _sentence_hits(
        self, doc: Doc, sent: Span, matches, placeholder: bool, regex_matches=()
    ) -> list[Hit]:
        if placeholder:
            return []
        out: list[Hit] = []
        seen: set[tuple[str, str, bool]] = set()

        def add(concern: str, signal: str, start: int, end: int, negatable: bool) -> None:
            negated = negatable and self.cues[concern].negated(sent, start, end)
            key = (concern, signal, negated)
            if key not in seen:
                seen.add(key)
                out.append(Hit(concern, signal, negated, doc[start:end].text))

        for match_id, start, end in matches:
            if sent.start <= start < sent.end:
                concern, signal = self.nlp.vocab.strings[match_id].split("|", 1)
                add(concern, signal, start, end, self.negatable[f"{concern}|{signal}"])
        for concern, signal, negatable, cstart, cend in regex_matches:
            span = doc.char_span(cstart, cend, alignment_mode="expand")
            start, end = (span.start, span.end) if span is not None else (sent.start, sent.end)
            add(concern, signal, start, end, negatable)
        return out

    def _regex_matches(
        self, text: str, bounds: list[tuple[int, int]], skip: list[bool] | None = None
    ) -> list[list[tuple]]:
        """The first match of every pack regex in each sentence, found block by block: one
        search jumps over sentences without a match, instead of one search per sentence per
        regex (the largest single cost of checking a draft). Same matches as searching each
        sentence on its own: a match that runs past its sentence is searched again inside it."""
        out: list[list[tuple]] = [[] for _ in bounds]
        if not bounds:
            return out
        starts = [b[0] for b in bounds]
        lower = text.lower()
        if len(lower) != len(text):  # a character whose lower case is longer: offsets differ
            lower = None
        n = len(text)
        for concern, signal, regex, negatable in self.regexes:
            twin = self.lower_twins.get(regex)
            pattern, target = (
                (twin, lower)
                if twin is not None and lower is not None
                else (
                    regex,
                    text,
                )
            )
            if regex in self.anchored:  # "^" / "$" mean the sentence's own start and end
                for k, (s0, s1) in enumerate(bounds):
                    if skip and skip[k]:
                        continue
                    m = pattern.search(target[s0:s1])
                    if m:
                        out[k].append((concern, signal, negatable, s0 + m.start(), s0 + m.end()))
                continue
            pos = 0
            while pos < n:
                m = pattern.search(target, pos)
                if m is None:
                    break
                k = max(0, bisect_right(starts, m.start()) - 1)
                s0, s1 = bounds[k]
                if m.start() < s0:  # before the first sentence (a heading): jump to it
                    pos = s0
                    continue
                if m.start() >= s1:  # between sentences (a heading, a line break): carry on
                    pos = max(m.start() + 1, s1)
                    continue
                if m.end() > s1:
                    m = pattern.search(target, m.start(), s1)
                if m is not None and not (skip and skip[k]):
                    out[k].append((concern, signal, negatable, m.start(), m.end()))
                pos = s1 if s1 > pos else pos + 1  # only the first match in a sentence counts
        return out


# Escapes whose meaning does not depend on case (character classes, anchors, escaped
# punctuation); anything else (\x41, \N{...}, back-references) keeps the pattern as it is.
_CASELESS_ESCAPE = re.compile(r"\\[bBdDsSwWAZ.\-\\/()\[\]{}|*+?^$&#~ '\"]")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


_ANCHOR = re.compile(r"(?<!\\)[\^$](?![^\[]*\])")  # ^ or $ outside a character class


def lowercase_twin(regex: re.Pattern) -> re.Pattern | None:
    """The pattern compiled without IGNORECASE, to search lower-cased ASCII text instead.

    For an ASCII, all-lower-case pattern with no inline flags, searching ``text.lower()`` finds
    exactly the matches (same offsets) that the case-insensitive pattern finds in ASCII
    ``text``; CPython's ``re`` is about three times faster without IGNORECASE, and the rule
    packs' regexes were the largest single cost of checking a draft. None when not safe.
    """
    if not regex.flags & re.IGNORECASE or not isinstance(regex.pattern, str):
        return None
    source = regex.pattern
    bare = _CASELESS_ESCAPE.sub("", source)
    if not source.isascii() or "\\" in bare or _INLINE_FLAGS.search(bare):
        return None
    if any("A" <= c <= "Z" for c in bare):
        return None
    return re.compile(source, regex.flags & ~re.IGNORECASE)


def heading_in(heading: str, names: tuple[str, ...]) -> bool:
    """Does a heading name one of ``names`` (whole words, numbering ignored)?"""
    h = re.sub(r"[^a-z' ]+", " ", heading.lower().replace("’", "'"))
    return any(re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", h) for n in names)


def block_of(document: Document, sentence: Sentence) -> Block:
    return document.blocks[sentence.block]


_CHILD_PRONOUN = {
    "m": re.compile(r"\b(?:he|him|his|himself)\b", re.I),
    "f": re.compile(r"\b(?:she|her|hers|herself)\b", re.I),
}
_THE_CHILD = re.compile(r"\bthe (?:child|young person|boy|girl|young man|young woman)\b", re.I)


def _about_child(child: SubjectChild, sentences: list[Sentence], gender: str) -> list[bool]:
    """Sentences that speak of the subject child: "Kai's grandad died" and "he was excluded"
    are about Kai's life; "exclusions rose across the borough" is not."""
    alias = child._alias_re()
    pronoun = _CHILD_PRONOUN.get(gender)
    return [
        bool(
            alias.search(s.text)
            or _THE_CHILD.search(s.text)
            or (pronoun is not None and pronoun.search(s.text))
        )
        for s in sentences
    ]
