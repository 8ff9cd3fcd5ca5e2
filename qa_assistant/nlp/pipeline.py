"""The single spaCy pipeline, built once per process.

Blank English with a sentencizer and a lookup lemmatizer from ``spacy-lookups-data``: no
statistical model to download, nothing fetched at run time, and fast enough to check a 20-page
draft well inside a second.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = 5_000_000
    return nlp
