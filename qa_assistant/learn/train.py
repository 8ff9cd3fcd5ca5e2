"""``qa-assistant train``: fit the shipped models and measure them honestly.

Evaluation is grouped: 5-fold cross-validation over *drafts*, and leave-one-*voice*-out (train on
six writers' styles, test on the unseen seventh). Inside every training fold the document models
are fitted on out-of-fold sentence scores, so they never learn from scores the sentence model
produced on its own training sentences. Everything is seeded: the same corpus gives the same
models and the same figures.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa_assistant.checker import Checker
from qa_assistant.learn.baseline import keyword_status
from qa_assistant.learn.dataset import Prepared, prepare
from qa_assistant.learn.labels import load_labelled
from qa_assistant.learn.metrics import accuracy3, gap_f1, jaccard, summarise
from qa_assistant.learn.models import (
    ConcernModels,
    DraftFeatures,
    Linear,
    doc_matrix,
    draft_features,
    fit_sentence_model,
    new_doc_model,
    overrule_level,
    portable_vectorizer,
    sentence_probs,
)
from qa_assistant.paths import ROOT, models_dir

SEED = 20261123
LOCKBOX_FILE = "LOCKBOX"  # in the corpus folder: voices held out of training and tuning
CONFIDENCE = 0.7  # a model view at or above this probability counts as confident, by default
# Per concern, the confidence above which a trusted model overrules the rules is chosen among these
# on the leave-one-writer-out predictions (the shipped figures choose it without the writer tested)
CONFIDENCES = (0.5, 0.6, 0.7, 0.8)
# ... but a classifier clears a gap the rules found (reads met where they read partial or
# missing) only at this confidence or above: a gap hidden is worse than a gap to check
CLEAR_GAP_CONFIDENCE = 0.7
OVERRULE_MARGIN = 2  # the model must be right this many more times than the rules where they
# disagree (leave-one-voice-out) before it may overrule them for a concern


def lockbox_voices(corpus: Path) -> set[str]:
    """Voices set aside before any tuning; read once, at the end (``train --open-lockbox``)."""
    f = corpus / LOCKBOX_FILE
    if not f.exists():
        return set()
    lines = f.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def _sentences(items: Sequence[Prepared]) -> tuple[list[str], np.ndarray]:
    texts = [s.text for p in items for s in p.draft.sentences]
    y = np.vstack([p.sentence_y for p in items]) if items else np.zeros((0, 12))
    return texts, y


def _features(items, model, ids, rules) -> list[DraftFeatures]:
    out = []
    for p in items:
        probs = sentence_probs(model, [s.text for s in p.draft.sentences])
        out.append(draft_features(p.draft, p.outcomes, probs, ids, rules))
    return out


def _oof_features(items: list[Prepared], ids, rules, folds: int = 3) -> list[DraftFeatures]:
    """Sentence scores for each training draft from a model that never saw that draft."""
    order = np.random.default_rng(SEED).permutation(len(items))
    chunks = np.array_split(order, folds)
    feats: list[DraftFeatures | None] = [None] * len(items)
    for k in range(folds):
        held = set(chunks[k].tolist())
        train = [items[i] for i in range(len(items)) if i not in held]
        texts, y = _sentences(train)
        model = fit_sentence_model(texts, y, seed=SEED)
        for i in chunks[k]:
            feats[i] = _features([items[i]], model, ids, rules)[0]
    return [f for f in feats if f is not None]


def fit_models(items: list[Prepared], checker: Checker) -> ConcernModels:
    ids = checker.rules.concern_ids
    rules = checker.rules
    oof = _oof_features(items, ids, rules)
    texts, y = _sentences(items)
    sentence = fit_sentence_model(texts, y, seed=SEED)
    docs: dict[str, dict] = {}
    names: dict[str, list[str]] = {}
    for cid in ids:
        names[cid] = sorted(oof[0].dense[cid]) if oof else []
        model = new_doc_model(SEED)
        keep = [i for i, p in enumerate(items) if cid in p.label.concerns]
        X = doc_matrix(model, names[cid], [oof[i] for i in keep], cid, fit=True)
        labels = [items[i].label.concerns[cid] for i in keep]
        model["clf"].fit(X, labels)
        docs[cid] = {
            "vec": portable_vectorizer(model["vec"]),
            "clf": Linear.from_sklearn(model["clf"]),
        }
    return ConcernModels(ids, sentence, docs, names, rules=rules)


def _predict(models: ConcernModels, items: list[Prepared]) -> list[dict[str, tuple[str, float]]]:
    """Per draft and concern: the model's status and its probability."""
    out = []
    for p in items:
        views = models.predict(p.draft, p.outcomes)
        out.append({cid: (v.status, v.probabilities[v.status]) for cid, v in views.items()})
    return out


def cross_validate(
    items: list[Prepared], checker: Checker, groups: list[str]
) -> list[dict[str, tuple[str, float]]]:
    """Predictions for every draft from models that never saw its group."""
    preds: list[dict | None] = [None] * len(items)
    for g in sorted(set(groups)):
        test = [i for i, x in enumerate(groups) if x == g]
        train = [items[i] for i, x in enumerate(groups) if x != g]
        models = fit_models(train, checker)
        for i, pred in zip(test, _predict(models, [items[i] for i in test])):
            preds[i] = pred
    return [p or {} for p in preds]


def _tables(items: list[Prepared], preds: list[dict[str, str]], ids: list[str]) -> dict:
    """Figures per concern over the drafts labelled for it."""
    gold = {c: [p.label.concerns[c] for p in items if c in p.label.concerns] for c in ids}
    pred = {
        c: [pr.get(c, "missing") for p, pr in zip(items, preds) if c in p.label.concerns]
        for c in ids
    }
    return summarise({c: g for c, g in gold.items() if g}, {c: pred[c] for c in gold if gold[c]})


def _statuses(preds: list[dict[str, tuple[str, float]]]) -> list[dict[str, str]]:
    return [{c: v[0] for c, v in pr.items()} for pr in preds]


def decide_arbitration(
    items: list[Prepared], preds: list[dict[str, tuple[str, float]]], ids: list[str]
) -> dict[str, dict]:
    """Per concern: where the unseen-voice model and the rules disagreed, who was right?"""
    out: dict[str, dict] = {}
    for c in ids:
        n = model_right = rules_right = 0
        for p, pr in zip(items, preds):
            gold = p.label.concerns.get(c)
            if gold is None or c not in pr:
                continue
            model, rule = pr[c][0], p.outcomes[c].status
            if model == rule:
                continue
            n += 1
            model_right += model == gold
            rules_right += rule == gold
        out[c] = {
            "disagreements": n,
            "model_right": model_right,
            "rules_right": rules_right,
            "model_may_overrule": model_right >= rules_right + OVERRULE_MARGIN,
        }
    return out


def _shipped(rule: str, model: str, prob: float, trusted: bool, confidence: float) -> str:
    level = overrule_level(rule, model, confidence, CLEAR_GAP_CONFIDENCE)
    return model if (model != rule and trusted and prob >= level) else rule


def choose_confidence(
    items: list[Prepared], preds: list[dict[str, tuple[str, float]]], c: str, trusted: bool
) -> float:
    """The confidence for concern ``c`` that gives the best gap F1 plus 3-class agreement on these
    drafts (ties: the higher, more cautious one)."""
    if not trusted:
        return CONFIDENCE
    pairs = [
        (p.label.concerns[c], p.outcomes[c].status, *pr[c])
        for p, pr in zip(items, preds)
        if c in p.label.concerns and c in pr
    ]
    if not pairs:
        return CONFIDENCE

    gold = [g for g, *_ in pairs]

    def score(t: float) -> float:
        got = [_shipped(rule, m, prob, True, t) for _, rule, m, prob in pairs]
        return gap_f1(gold, got) + accuracy3(gold, got)

    return max(CONFIDENCES, key=lambda t: (round(score(t), 9), t))


def arbitrate(
    items: list[Prepared],
    preds: list[dict[str, tuple[str, float]]],
    arbitration: dict,
    confidences: list[dict[str, float]],
) -> tuple[list[dict[str, str]], float]:
    """What the shipped checker reports (see Checker._combine), and how often it asks for review.
    ``confidences``: per draft, each concern's confidence (chosen without that draft's writer)."""
    out = []
    reviews = cells = 0
    for k, (p, pr) in enumerate(zip(items, preds)):
        row = {}
        for c, (model, prob) in pr.items():
            rule = p.outcomes[c].status
            trusted = arbitration.get(c, {}).get("model_may_overrule", False)
            level = confidences[k][c]
            confident = prob >= overrule_level(rule, model, level, CLEAR_GAP_CONFIDENCE)
            row[c] = _shipped(rule, model, prob, trusted, level)
            if model != rule and not (trusted and confident):
                crosses = (model == "met") != (rule == "met")
                reviews += crosses and (trusted or confident)
            cells += 1
        out.append(row)
    return out, (reviews / cells if cells else 0.0)


def evaluate_all(items: list[Prepared], checker: Checker) -> dict:
    ids = checker.rules.concern_ids
    rng = np.random.default_rng(SEED)
    fold_of = {p.label.id: int(k) for p, k in zip(items, rng.permutation(len(items)) % 5)}
    by_draft = cross_validate(items, checker, [f"fold{fold_of[p.label.id]}" for p in items])
    by_voice_views = cross_validate(items, checker, [p.label.voice for p in items])
    arbitration = decide_arbitration(items, by_voice_views, ids)
    voice_of = [p.label.voice for p in items]
    nested: list[dict[str, float]] = [{} for _ in items]
    for v in sorted(set(voice_of)):  # each writer's confidence chosen on the other writers
        others = [i for i, x in enumerate(voice_of) if x != v]
        for c in ids:
            t = choose_confidence(
                [items[i] for i in others],
                [by_voice_views[i] for i in others],
                c,
                arbitration[c]["model_may_overrule"],
            )
            for i, x in enumerate(voice_of):
                if x == v:
                    nested[i][c] = t
    for c in ids:  # the shipped confidence, chosen on every writer
        arbitration[c]["confidence"] = choose_confidence(
            items, by_voice_views, c, arbitration[c]["model_may_overrule"]
        )
    shipped, review_rate = arbitrate(items, by_voice_views, arbitration, nested)
    by_voice = _statuses(by_voice_views)
    rules_only = [{c: p.outcomes[c].status for c in ids} for p in items]
    keyword = [
        {c: keyword_status(checker.rules.pack(c), p.draft.document.text) for c in ids}
        for p in items
    ]
    owners = [jaccard(p.owners, set(p.label.facts.get("action_owners", []))) for p in items]
    la = [p.looked_after == bool(p.label.facts.get("looked_after")) for p in items]
    voices = sorted({p.label.voice for p in items})
    per_voice = {}
    for v in voices:
        idx = [i for i, p in enumerate(items) if p.label.voice == v]
        t = _tables([items[i] for i in idx], [shipped[i] for i in idx], ids)
        per_voice[v] = float(np.mean([t[c]["gap_f1"] for c in t]))
    return {
        "drafts": len(items),
        "voices": voices,
        "cv_by_draft": _tables(items, _statuses(by_draft), ids),
        "cv_by_voice": _tables(items, by_voice, ids),
        "shipped_by_voice": _tables(items, shipped, ids),
        "needs_review_rate": review_rate,
        "arbitration": arbitration,
        "rules_only": _tables(items, rules_only, ids),
        "keyword": _tables(items, keyword, ids),
        "owner_jaccard": float(np.mean(owners)),
        "looked_after_accuracy": float(np.mean(la)),
        "per_voice_mean_gap_f1": per_voice,
    }


def main(args) -> int:
    corpus = Path(args.corpus) if args.corpus else ROOT / "sample_reports" / "corpus"
    framework = getattr(args, "framework", None)
    out = Path(args.out) if args.out else models_dir(framework)
    t0 = time.time()
    checker = Checker(use_models=False, framework=framework)
    held = lockbox_voices(corpus)
    everything = load_labelled(corpus)
    labelled = [d for d in everything if d.voice not in held]
    lockbox = [d for d in everything if d.voice in held]
    if not labelled:
        print(f"qa-assistant: no labelled drafts in {corpus}", file=sys.stderr)
        return 2
    items, errors = prepare(checker, labelled)
    for e in errors:
        print(f"skipped {e}", file=sys.stderr)
    print(
        f"prepared {len(items)} drafts in {time.time() - t0:.0f}s; cross-validating",
        file=sys.stderr,
    )
    figures = evaluate_all(items, checker)
    if getattr(args, "compare", False):
        from qa_assistant.learn.compare import compare_sentence_models

        figures["sentence_model_comparison"] = compare_sentence_models(items, checker, SEED)
    models = fit_models(items, checker)
    models.meta = {
        "drafts": len(items),
        "voices": figures["voices"],
        "lockbox_voices": sorted(held),
        "arbitration": figures["arbitration"],
        "arbitration_policy": {
            "confidence": CONFIDENCE,
            "confidence_choices": list(CONFIDENCES),
            "clear_gap_confidence": CLEAR_GAP_CONFIDENCE,
            "overrule_margin": OVERRULE_MARGIN,
        },
        "seed": SEED,
        "framework": checker.rules.name,
        "corpus": str(corpus.relative_to(ROOT)) if corpus.is_relative_to(ROOT) else str(corpus),
    }
    models.save(out)
    old = {}
    if (out / "figures.json").exists():
        old = json.loads((out / "figures.json").read_text(encoding="utf-8"))
    if "sentence_model_comparison" not in figures and "sentence_model_comparison" in old:
        figures["sentence_model_comparison"] = old["sentence_model_comparison"] | {
            "from_an_earlier_corpus": old.get("drafts")
        }
    if getattr(args, "open_lockbox", False) and lockbox:
        figures["lockbox"] = evaluate_lockbox(lockbox, out)
    elif "lockbox" in old:  # keep the figures of the one opening of the lockbox
        figures["lockbox"] = old["lockbox"] | {"stale": True}
    (out / "figures.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if not getattr(args, "no_card", False):
        from qa_assistant.learn.card import write_card

        write_card(out / "README.md", figures, models.meta)
    mean = np.mean([v["gap_f1"] for v in figures["shipped_by_voice"].values()])
    print(
        f"trained on {len(items)} drafts in {time.time() - t0:.0f}s; unseen-voice mean gap F1 "
        f"{mean:.3f}; wrote {out}",
        file=sys.stderr,
    )
    return 0


def evaluate_lockbox(drafts, folder: Path) -> dict:
    """Score the held-out voices with the shipped checker (rules + models as arbitrated)."""
    from qa_assistant.learn.evaluate import score_labelled
    from qa_assistant.learn.models import ConcernModels

    models = ConcernModels.load(folder)
    checker = Checker(models=models, framework=(models.meta or {}).get("framework"))
    return score_labelled(checker, drafts)
