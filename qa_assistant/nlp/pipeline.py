"""The single spaCy pipeline, built once per process, and the scope that keeps it clean.

Blank English with a sentencizer and a lookup lemmatizer from ``spacy-lookups-data``: no
statistical model to download, nothing fetched at run time, and fast enough to check a 20-page
draft well inside a second.

spaCy's vocabulary (``Vocab`` and its ``StringStore``) normally keeps every word it has ever
seen, so a long-running process would accumulate the words of every draft it checked (children's
names included) and grow by tens of megabytes per large draft. ``forgetting_draft_words`` runs a
check inside a spaCy memory zone: the strings and lexemes a draft adds are dropped when the check
ends, and the store returns to what the pipeline and the compiled matchers hold. That is much
cheaper than a fresh ``Vocab`` per check, which would mean rebuilding the pipeline and
recompiling every matcher (the matchers hold hashes; their keys and the lookup tables are added
before any zone, so they stay). Inside a zone spaCy's tokenizer caches nothing, which made a
check about twice as slow; the 10,000 commonest English words (``common_words.py``) are
therefore tokenised once when the pipeline is built (about 0.3 s), which brings a 20-page check
back to its speed outside a zone.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language

T = TypeVar("T")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = 5_000_000
    warm_tokenizer_cache(nlp)
    return nlp


def warm_tokenizer_cache(nlp: Language) -> None:
    """Tokenise common English words once, outside any memory zone, so the tokenizer's cache
    (which nothing can add to during a check) already holds them."""
    from qa_assistant.nlp.common_words import WORDS

    for _ in nlp.tokenizer.pipe(WORDS, batch_size=1000):
        pass


# One zone per pipeline, shared by the checks running at the same time (threads of the app):
# spaCy's zones must not nest, and closing one frees what every check in it allocated, so it is
# opened by the first check to start and closed by the last to finish.
_lock = threading.Lock()
_open: dict[int, list] = {}  # id(nlp) -> [ExitStack, number of checks inside]


@contextmanager
def forgetting_draft_words(nlp: Language) -> Iterator[None]:
    """Everything the block adds to ``nlp.vocab`` (strings, lexemes) is forgotten at its end.

    Docs, tokens and spans made inside must not be used after it; plain ``str`` copies may."""
    key = id(nlp)
    with _lock:
        entry = _open.get(key)
        if entry is None:
            stack = ExitStack()
            stack.enter_context(nlp.memory_zone())
            entry = _open[key] = [stack, 0]
        entry[1] += 1
    try:
        yield
    finally:
        with _lock:
            entry[1] -= 1
            if entry[1] == 0:
                del _open[key]
                entry[0].close()


def forgets_draft_words(method: Callable[..., T]) -> Callable[..., T]:
    """Decorator for a method of an object with an ``nlp`` attribute: the method runs inside
    ``forgetting_draft_words(self.nlp)``."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with forgetting_draft_words(self.nlp):
            return method(self, *args, **kwargs)

    return wrapper
