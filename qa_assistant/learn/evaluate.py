"""``qa-assistant evaluate FOLDER``: score a labelled folder with the shipped checker and with
plain keyword search, side by side.

Prints per concern: gap-detection F1 (partial and missing together are the gap class), gap
accuracy, 3-class accuracy, Cohen's kappa, and the 3x3 confusion matrix; then action-owner
Jaccard and looked-after accuracy. Any folder in the corpus's label format works.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from qa_assistant.checker import Checker
from qa_assistant.errors import DraftError
from qa_assistant.learn.baseline import keyword_status
from qa_assistant.learn.labels import HEADLINE, load_labelled
from qa_assistant.learn.metrics import STATUSES, jaccard, summarise


def evaluate_folder(folder: Path, rules_only: bool = False, framework: str | None = None) -> dict:
    checker = Checker(use_models=not rules_only, framework=framework)
    fig = score_labelled(checker, load_labelled(folder))
    fig["folder"] = str(folder)
    return fig


def score_labelled(checker: Checker, drafts) -> dict:
    """Score labelled drafts with ``checker`` (and keyword search beside it)."""
    ids = checker.rules.concern_ids
    gold: dict[str, list[str]] = {c: [] for c in ids}
    pred: dict[str, list[str]] = {c: [] for c in ids}
    base: dict[str, list[str]] = {c: [] for c in ids}
    owners, looked_after, incident, errors = [], [], [], []
    reviews = cells = 0
    for d in drafts:
        try:
            result = checker.check_path(d.path)
        except DraftError as exc:
            errors.append(f"{d.path.name}: {exc}")
            continue
        for c in ids:
            if c not in d.concerns:
                continue
            gold[c].append(d.concerns[c])
            pred[c].append(result.concerns[c].status)
            reviews += result.concerns[c].needs_review
            cells += 1
            base[c].append(keyword_status(checker.rules.pack(c), result.text))
        found = {o for a in result.actions for o in a.owners}
        owners.append(jaccard(found, set(d.facts.get("action_owners", []))))
        if "looked_after" in d.facts:
            looked_after.append(result.facts["looked_after"] == bool(d.facts["looked_after"]))
        if d.facts.get("incident_type"):
            incident.append(result.facts["incident_type"] == d.facts["incident_type"])
    gold = {c: g for c, g in gold.items() if g}
    pred = {c: pred[c] for c in gold}
    base = {c: base[c] for c in gold}
    return {
        "folder": "",
        "drafts": len(drafts) - len(errors),
        "errors": errors,
        "checker": "rules only" if checker.models is None else "rules + models",
        "tool": summarise(gold, pred),
        "keyword": summarise(gold, base, ci=False),
        "owner_jaccard": float(np.mean(owners)) if owners else None,
        "looked_after_accuracy": float(np.mean(looked_after)) if looked_after else None,
        "incident_type_accuracy": float(np.mean(incident)) if incident else None,
        "needs_review_rate": reviews / cells if cells else 0.0,
    }


def format_report(fig: dict) -> str:
    ids = list(fig["tool"])
    lines = [
        f"Evaluated {fig['drafts']} labelled draft(s) in {fig['folder']} ({fig['checker']}).",
        "",
        f"{'concern':26} {'gap F1':>7} {'[95% CI]':>13} {'kw F1':>6} {'gap acc':>8} {'3-class':>8}"
        f" {'kw 3-cl':>8} {'kappa':>6}",
    ]
    for c in ids:
        t, k = fig["tool"][c], fig["keyword"][c]
        lo, hi = t.get("gap_f1_ci", (0, 0))
        lines.append(
            f"{c:26} {t['gap_f1']:7.2f} {f'[{lo:.2f}-{hi:.2f}]':>13} {k['gap_f1']:6.2f} "
            f"{t['gap_accuracy']:8.2f} {t['accuracy3']:8.2f} {k['accuracy3']:8.2f} "
            f"{t['kappa']:6.2f}"
        )
    mean = np.mean([fig["tool"][c]["gap_f1"] for c in ids])
    kmean = np.mean([fig["keyword"][c]["gap_f1"] for c in ids])
    lines += ["", f"{'mean':26} {mean:7.2f} {'':>13} {kmean:6.2f}"]
    head = [c for c in HEADLINE if c in fig["tool"]]
    if head:
        hmean = np.mean([fig["tool"][c]["gap_f1"] for c in head])
        lines.append(f"{'mean of headline four':26} {hmean:7.2f}")
    acc = np.mean([fig["tool"][c]["accuracy3"] for c in ids])
    lines += [f"{'mean 3-class agreement':26} {acc:7.2f}", ""]
    if fig["owner_jaccard"] is not None:
        lines.append(f"action owners: mean Jaccard {fig['owner_jaccard']:.2f}")
    if fig["looked_after_accuracy"] is not None:
        lines.append(f"looked after: accuracy {fig['looked_after_accuracy']:.2f}")
    if fig.get("incident_type_accuracy") is not None:
        lines.append(f"incident type: accuracy {fig['incident_type_accuracy']:.2f}")
    lines.append(f"needs review: {fig.get('needs_review_rate', 0):.1%} of concern verdicts")
    lines += [
        "",
        "Confusion matrices (rows = labelled, columns = tool; order met/partial/missing):",
    ]
    for c in ids:
        m = fig["tool"][c]["confusion"]
        cells = "  ".join(
            f"{s[:4]}:" + " ".join(f"{v:3d}" for v in row) for s, row in zip(STATUSES, m)
        )
        lines.append(f"  {c:26} {cells}")
    for e in fig["errors"]:
        lines.append(f"unreadable: {e}")
    return "\n".join(lines) + "\n"


def main(args) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"qa-assistant: {folder} is not a folder", file=sys.stderr)
        return 2
    fig = evaluate_folder(
        folder, rules_only=args.rules_only, framework=getattr(args, "framework", None)
    )
    if not fig["drafts"]:
        print(f"qa-assistant: no labelled drafts (*.labels.json) in {folder}", file=sys.stderr)
        return 2
    sys.stdout.write(format_report(fig))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(fig, indent=1) + "\n", encoding="utf-8")
    return 0
