"""One text normaliser: how two pieces of draft text are made comparable.

Text is compared in several places: a quoted passage found again in the draft (highlighting,
Word comments, reviewer decisions), a heading matched to a rule pack's heading patterns, an
action-table header matched to its column names, and an annotator's quote matched to the
sentence it labels (training data). Each needs a different amount of the surface ignored, so
each is a named ``Folding`` applied by the one function ``normalise``; the foldings are kept
exactly as they were when they lived apart, because the checks and the trained models depend on
them.

Steps, in order: lower-case; map curly quotes; strip leading numbering or bullets; replace the
characters that do not count with spaces; collapse whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Folding:
    """What to ignore when comparing text, beyond case and runs of whitespace."""

    quotes: tuple[tuple[str, str], ...] = ()  # (curly, straight) replacements
    leading: re.Pattern[str] | None = None  # numbering or bullets before the words
    drop: re.Pattern[str] | None = None  # characters that do not count (become a space)


# Case and whitespace only: a passage quoted from the draft (evidence, action text, section names
# inside explanations) found again in the draft, a Word paragraph or a decision file.
CASE_AND_SPACE = Folding()

# A heading matched to a pack's heading patterns: "2.1 Child’s voice:" -> "child's voice".
HEADING = Folding(
    quotes=(("’", "'"),),
    leading=re.compile(r"^[\s\d.)(ivx]+\s+", re.I),
    drop=re.compile(r"[^a-z0-9' ]+"),
)

# A section title compared across two versions of a draft: numbering may be renumbered.
NUMBERED_TITLE = Folding(leading=re.compile(r"^[\d.\s)]+"))

# An action-table header cell matched to column names: "3. Owner/Lead" -> "owner/lead".
TABLE_HEADER = Folding(
    leading=re.compile(r"^[\d.\s)]+"),
    drop=re.compile(r"[^a-z0-9'’/& ]+"),
)

# An annotator's evidence quote matched to the sentence it labels when building training data:
# bullets, numbering, punctuation and curly quotes ignored.
LABELLED_QUOTE = Folding(
    quotes=(("’", "'"), ("“", '"'), ("”", '"')),
    leading=re.compile(r"^[\s\d.)(•\-*]+"),
    drop=re.compile(r"[^\w'|% ]+"),
)


def normalise(text: str, folding: Folding = CASE_AND_SPACE) -> str:
    """``text`` reduced to what ``folding`` says counts, for comparing with other text."""
    text = str(text).lower()
    for curly, straight in folding.quotes:
        text = text.replace(curly, straight)
    if folding.leading is not None:
        text = folding.leading.sub("", text)
    if folding.drop is not None:
        text = folding.drop.sub(" ", text)
    return " ".join(text.split())
