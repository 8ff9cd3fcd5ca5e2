"""The result of checking one draft: per concern a status, score, evidence and explanation."""

from qa_assistant.result.model import (
    ConcernResult,
    DraftResult,
    Evidence,
    Explanation,
)

__all__ = ["ConcernResult", "DraftResult", "Evidence", "Explanation"]
