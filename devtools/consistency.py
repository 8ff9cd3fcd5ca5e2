"""Format consistency: the same draft rendered as .docx, .pdf and .txt should get the same verdicts.

``python -m devtools.consistency [FOLDER] [--every N]`` renders every corpus source
(outside the lockbox) into the three formats, checks each with the rules, and reports the share of
concern cells with the same status in all three, and the drafts whose owners or facts differ.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from devtools import ROOT
from devtools.corpus import RENDER, parse_source
from qa_assistant.checker import Checker
from qa_assistant.ingest import read_bytes
from qa_assistant.learn.train import lockbox_voices

FORMATS = ("docx", "pdf", "txt")
FACT_KEYS = ("looked_after", "incident_type", "child_age")


@dataclass
class Consistency:
    drafts: int = 0
    cells: int = 0
    same_cells: int = 0
    same_owners: int = 0
    same_facts: int = 0
    differing: dict[str, list[str]] = field(default_factory=dict)  # concern -> draft ids

    @property
    def status_agreement(self) -> float:
        return self.same_cells / self.cells if self.cells else 1.0


def measure(folder: Path, every: int = 1, checker: Checker | None = None) -> Consistency:
    checker = checker or Checker(use_models=False)
    held = lockbox_voices(folder)
    out = Consistency()
    labels = sorted(p for p in folder.rglob("*.labels.json") if p.parent.name not in held)
    for lp in labels[::every]:
        lab = json.loads(lp.read_text(encoding="utf-8"))
        src = lp.with_name(lab.get("source") or lp.name.replace(".labels.json", ".src.md"))
        if not src.exists():
            continue
        parts = parse_source(src.read_text(encoding="utf-8"))
        results = [
            checker.check_document(read_bytes(RENDER[f](parts, lab["id"]), f"draft.{f}"))
            for f in FORMATS
        ]
        out.drafts += 1
        for cid in results[0].concerns:
            statuses = {r.concerns[cid].status for r in results}
            out.cells += 1
            if len(statuses) == 1:
                out.same_cells += 1
            else:
                out.differing.setdefault(cid, []).append(lab["id"])
        owners = [sorted({o for a in r.actions for o in a.owners}) for r in results]
        out.same_owners += all(o == owners[0] for o in owners)
        facts = [tuple(r.facts[k] for k in FACT_KEYS) for r in results]
        out.same_facts += all(f == facts[0] for f in facts)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m devtools.consistency",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "sample_reports" / "corpus"))
    ap.add_argument("--every", type=int, default=1, help="use every Nth draft")
    args = ap.parse_args()
    c = measure(Path(args.folder), args.every)
    print(
        f"{c.drafts} drafts x {len(FORMATS)} formats: same status in {c.status_agreement:.1%} of "
        f"concern cells; same action owners in {c.same_owners}/{c.drafts}; same facts in "
        f"{c.same_facts}/{c.drafts}"
    )
    for cid, ids in sorted(c.differing.items(), key=lambda kv: -len(kv[1])):
        print(f"  {cid}: {len(ids)} draft(s) differ, e.g. {', '.join(ids[:4])}")


if __name__ == "__main__":
    main()
