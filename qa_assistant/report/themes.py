"""Recurring learning themes: topics found in the reviews' findings and recommendation passages
with scikit-learn (TF-IDF + NMF), named with the curated vocabulary in themes.yaml.

A topic is named by the theme whose terms carry most of its weight; a passage counts for a
theme when the topics named by that theme carry a fair share of its weight *and* it uses one
of the theme's terms, so every quote shown is on the theme. Deterministic (fixed seed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from qa_assistant.paths import rules_dir

MIN_PASSAGES = 6
TOPIC_SHARE = 0.25  # a theme's topics must carry this share of a passage's topic weight
NAME_SHARE = 0.04  # a topic is named by the theme whose terms carry most (and this share) of it
QUOTE_CHARS = 220


@dataclass(frozen=True)
class ThemeDef:
    id: str
    title: str
    terms: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern:
        return _term_pattern(self.terms)


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len)[::-1])
    return re.compile(rf"(?i)(?<![\w])(?:{alts})")


@lru_cache(maxsize=1)
def theme_vocabulary() -> tuple[ThemeDef, ...]:
    data = yaml.safe_load((rules_dir() / "themes.yaml").read_text(encoding="utf-8"))
    return tuple(
        ThemeDef(str(t["id"]), str(t["title"]), tuple(str(x).lower() for x in t["terms"]))
        for t in data.get("themes", [])
    )


@dataclass
class Passage:
    review: str  # the review's source
    text: str
    section: str


@dataclass
class Quote:
    review: str
    section: str
    text: str


@dataclass
class Theme:
    id: str
    title: str
    reviews: list[str]
    passages: int
    quotes: list[Quote] = field(default_factory=list)
    topic_words: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.reviews)


_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'‘“])")


def short_quote(text: str, pattern: re.Pattern | None = None, limit: int = QUOTE_CHARS) -> str:
    """The sentence of ``text`` that uses the theme (or the first), cut at a word near
    ``limit`` characters with an ellipsis: words from the draft, never rewritten."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip()] or [text]
    chosen = sentences[0]
    if pattern is not None:
        chosen = next((s for s in sentences if pattern.search(s)), chosen)
    chosen = chosen.strip()
    if len(chosen) <= limit:
        return chosen
    if pattern is not None:
        m = pattern.search(chosen)
        if m and m.start() > limit // 2:  # keep the theme's word in view
            start = chosen.rfind(" ", 0, max(0, m.start() - limit // 3)) + 1
            piece = chosen[start:]
            cut = piece.rfind(" ", 0, limit - 2)
            return "…" + piece[: cut if cut > 0 else limit - 2] + "…"
    cut = chosen.rfind(" ", 0, limit - 1)
    return chosen[: cut if cut > 0 else limit - 1] + "…"


class PassageFile:
    """Passages spooled to a temporary JSONL file (deleted on ``close``) instead of memory: the
    topic model reads them back twice (fit, then the theme terms) and the quotes by index."""

    def __init__(self, folder: str | None = None) -> None:
        import json
        import tempfile

        self._json = json
        self._fh = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by close()
            "w+", encoding="utf-8", suffix=".jsonl", prefix=".qa-passages-", dir=folder,
            delete=True,
        )
        self._offsets: list[int] = []

    def append(self, p: Passage) -> None:
        self._fh.seek(0, 2)
        self._offsets.append(self._fh.tell())
        self._fh.write(self._json.dumps([p.review, p.text, p.section], ensure_ascii=False) + "\n")

    def __len__(self) -> int:
        return len(self._offsets)

    def __iter__(self):
        self._fh.flush()
        self._fh.seek(0)
        for line in self._fh:
            yield Passage(*self._json.loads(line))

    def __getitem__(self, i: int) -> Passage:
        self._fh.flush()
        self._fh.seek(self._offsets[i])
        return Passage(*self._json.loads(self._fh.readline()))

    def close(self) -> None:
        self._fh.close()


def find_themes(passages, min_reviews: int = 2) -> list[Theme]:
    """Themes shared by at least ``min_reviews`` reviews, most widespread first. ``passages``
    is a list of ``Passage`` or a ``PassageFile``."""
    vocab = theme_vocabulary()
    if len(passages) < MIN_PASSAGES or not vocab:
        return []
    import numpy as np
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = (p.text for p in passages)
    vec = TfidfVectorizer(
        stop_words="english",
        ngram_range=(1, 2),
        min_df=2 if len(passages) >= 20 else 1,
        max_df=0.6,
        sublinear_tf=True,
        max_features=30000,
        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z'\-]+\b",
    )
    try:
        x = vec.fit_transform(texts)
    except ValueError:  # an empty vocabulary
        return []
    reviews_of: list[str] = []
    uses = np.zeros((x.shape[0], len(vocab)), dtype=bool)  # passage uses a theme's term
    for i, p in enumerate(passages):
        reviews_of.append(p.review)
        for j, t in enumerate(vocab):
            uses[i, j] = bool(t.pattern.search(p.text))
    features = vec.get_feature_names_out()
    k = max(2, min(len(vocab) + 4, x.shape[0] - 1, x.shape[1] - 1))
    nmf = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500)
    w = nmf.fit_transform(x)
    h = nmf.components_

    # which features belong to which theme (a feature "school exclusion" matches education)
    member = np.zeros((len(features), len(vocab)))
    for j, t in enumerate(vocab):
        pat = t.pattern
        for f_i, f in enumerate(features):
            if pat.match(f) or pat.search(f):
                member[f_i, j] = 1.0
    weight = h @ member  # topics x themes
    totals = h.sum(axis=1, keepdims=True)
    totals[totals == 0] = 1.0
    share = weight / totals
    topic_theme = np.where(share.max(axis=1) >= NAME_SHARE, share.argmax(axis=1), -1)
    rows = w.sum(axis=1)
    rows[rows == 0] = 1.0
    out: list[Theme] = []
    for j, t in enumerate(vocab):
        topics = np.flatnonzero(topic_theme == j)
        if not len(topics):
            continue
        strength = w[:, topics].sum(axis=1) / rows
        pat = t.pattern
        hits = [
            int(i) for i in np.argsort(-strength, kind="stable")
            if strength[i] >= TOPIC_SHARE and uses[i, j]
        ]
        reviews = sorted({reviews_of[i] for i in hits})
        if len(reviews) < min_reviews:
            continue
        quotes: list[Quote] = []
        used: set[str] = set()
        for i in hits:
            if reviews_of[i] in used:
                continue
            p = passages[i]
            used.add(p.review)
            quotes.append(Quote(p.review, p.section, short_quote(p.text, pat)))
            if len(quotes) == 2:
                break
        top = h[topics].sum(axis=0)
        words = [str(features[f]) for f in np.argsort(-top)[:8] if top[f] > 0]
        out.append(Theme(t.id, t.title, reviews, len(hits), quotes, words))
    out.sort(key=lambda th: (-th.count, -th.passages, th.title))
    return out
