"""Compare the scikit-learn sentence model with spaCy's ``textcat_multilabel`` on the same
grouped folds (by draft), so the shipped choice is measured, not assumed."""

from __future__ import annotations

import random
import time

import numpy as np
from sklearn.metrics import average_precision_score, f1_score

from qa_assistant.learn.models import fit_sentence_model, sentence_probs, sentence_text

FOLDS = 3


def _macro(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    aps, f1s = [], []
    for j in range(y.shape[1]):
        if y[:, j].sum() == 0:
            continue
        aps.append(average_precision_score(y[:, j], p[:, j]))
        f1s.append(f1_score(y[:, j], p[:, j] >= 0.5, zero_division=0))
    return float(np.mean(aps)), float(np.mean(f1s))


def _spacy_textcat(train_texts, train_y, test_texts, labels, seed: int, epochs: int = 8):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat_multilabel",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": False,
                "ngram_size": 2,
                "no_output_layer": False,
            }
        },
    )
    for lab in labels:
        textcat.add_label(lab)
    examples = [
        Example.from_dict(
            nlp.make_doc(sentence_text(t)), {"cats": {lab: float(v) for lab, v in zip(labels, row)}}
        )
        for t, row in zip(train_texts, train_y)
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=64):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    docs = nlp.pipe(sentence_text(t) for t in test_texts)
    return np.array([[d.cats[lab] for lab in labels] for d in docs])


def compare_sentence_models(items, checker, seed: int) -> dict:
    labels = checker.rules.concern_ids
    order = np.random.default_rng(seed).permutation(len(items))
    chunks = np.array_split(order, FOLDS)
    ys, ps_sk, ps_sp = [], [], []
    t_sk = t_sp = 0.0
    for k in range(FOLDS):
        test = [items[i] for i in chunks[k]]
        train = [items[i] for i in order if i not in set(chunks[k].tolist())]
        tr_texts = [s.text for p in train for s in p.draft.sentences]
        tr_y = np.vstack([p.sentence_y for p in train])
        te_texts = [s.text for p in test for s in p.draft.sentences]
        ys.append(np.vstack([p.sentence_y for p in test]))
        t0 = time.time()
        model = fit_sentence_model(tr_texts, tr_y, seed=seed)
        ps_sk.append(sentence_probs(model, te_texts))
        t_sk += time.time() - t0
        t0 = time.time()
        ps_sp.append(_spacy_textcat(tr_texts, tr_y, te_texts, labels, seed))
        t_sp += time.time() - t0
    y = np.vstack(ys)
    out = {}
    for name, ps, t in (
        ("scikit-learn TF-IDF + logistic regression", ps_sk, t_sk),
        ("spaCy textcat_multilabel (TextCatBOW, 1-2-grams)", ps_sp, t_sp),
    ):
        ap, f1 = _macro(y, np.vstack(ps))
        out[name] = {"macro_ap": ap, "macro_f1": f1, "fit_seconds": t}
    return out
