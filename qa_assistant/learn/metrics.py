"""Figures reported by ``train`` and ``evaluate``: gap-detection F1 (partial and missing are
the gap class), 3-class accuracy, Cohen's kappa, confusion matrices, bootstrap intervals."""

from __future__ import annotations

import numpy as np

from qa_assistant.result.status import STATUSES


def gap_f1(gold: list[str], pred: list[str]) -> float:
    tp = sum(g != "met" and p != "met" for g, p in zip(gold, pred))
    fp = sum(g == "met" and p != "met" for g, p in zip(gold, pred))
    fn = sum(g != "met" and p == "met" for g, p in zip(gold, pred))
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not (fp or fn) else 0.0)


def accuracy3(gold: list[str], pred: list[str]) -> float:
    return float(np.mean([g == p for g, p in zip(gold, pred)])) if gold else 0.0


def gap_accuracy(gold: list[str], pred: list[str]) -> float:
    return (
        float(np.mean([(g == "met") == (p == "met") for g, p in zip(gold, pred)])) if gold else 0.0
    )


def kappa(gold: list[str], pred: list[str]) -> float:
    n = len(gold)
    if not n:
        return 0.0
    po = accuracy3(gold, pred)
    pe = sum((gold.count(s) / n) * (pred.count(s) / n) for s in STATUSES)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def confusion(gold: list[str], pred: list[str]) -> list[list[int]]:
    return [
        [sum(g == a and p == b for g, p in zip(gold, pred)) for b in STATUSES] for a in STATUSES
    ]


def bootstrap_ci(gold: list[str], pred: list[str], fn=gap_f1, n: int = 1000, seed: int = 0):
    """95% percentile interval of ``fn`` over drafts resampled with replacement."""
    if not gold:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    idx = np.arange(len(gold))
    vals = []
    for _ in range(n):
        s = rng.choice(idx, size=len(idx), replace=True)
        vals.append(fn([gold[i] for i in s], [pred[i] for i in s]))
    return float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))


def jaccard(a: set[str], b: set[str]) -> float:
    u = a | b
    return len(a & b) / len(u) if u else 1.0


def summarise(gold: dict[str, list[str]], pred: dict[str, list[str]], ci: bool = True) -> dict:
    out = {}
    for cid in gold:
        g, p = gold[cid], pred[cid]
        row = {
            "gap_f1": gap_f1(g, p),
            "gap_accuracy": gap_accuracy(g, p),
            "accuracy3": accuracy3(g, p),
            "kappa": kappa(g, p),
            "confusion": confusion(g, p),
            "n": len(g),
        }
        if ci:
            row["gap_f1_ci"] = bootstrap_ci(g, p)
        out[cid] = row
    return out
