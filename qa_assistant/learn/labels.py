"""Read a labelled folder (``*.labels.json`` beside their documents; sample_reports/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qa_assistant.result.status import STATUSES

# The inspectorate's headline concerns, and the first twelve concerns of ../shared/concerns.md
# (the corpus's first seven voices were written against these): figures are reported for both.
HEADLINE = ("lived_experience", "voice_of_child", "multi_agency_actions", "management_oversight")
ORIGINAL_12 = (
    *HEADLINE,
    "actions_smart",
    "review_date",
    "diversity",
    "risk_management",
    "strengths_good_practice",
    "partner_contribution",
    "qa_signoff",
    "blame_free",
)


@dataclass
class LabelledDraft:
    id: str
    voice: str
    path: Path
    concerns: dict[str, str]
    facts: dict
    evidence: dict[str, list[str]]


def load_labelled(folder: str | Path) -> list[LabelledDraft]:
    out = []
    for lp in sorted(Path(folder).rglob("*.labels.json")):
        data = json.loads(lp.read_text(encoding="utf-8"))
        doc = lp.with_name(data["file"])
        if not doc.exists():
            continue
        out.append(
            LabelledDraft(
                id=str(data.get("id", lp.stem)),
                voice=str(data.get("voice") or lp.parent.name),
                path=doc,
                concerns={k: v for k, v in data.get("concerns", {}).items() if v in STATUSES},
                facts=data.get("facts", {}),
                evidence={k: list(v or []) for k, v in (data.get("evidence") or {}).items()},
            )
        )
    return out
