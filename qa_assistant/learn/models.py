"""The trained models: a sentence-level multi-label evidence classifier and, per concern, a
document-level status model over rule features, sentence scores and the concern's sentences.

Models are fitted with stock scikit-learn estimators and then exported to plain data: the
vocabularies as JSON and the idf weights and coefficients as a NumPy ``.npz`` read with
``allow_pickle=False``. Loading therefore never executes code from a file a user could swap; a
file of any other shape is refused. Fitted and loaded models predict through the same code.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from qa_assistant.checks.packs import RuleSet
from qa_assistant.checks.rule_check import RuleOutcome
from qa_assistant.learn.tfidf import PlainTfidf
from qa_assistant.nlp.annotate import AnalysedDraft
from qa_assistant.result.status import STATUSES

FORMAT = 2
VOCAB_FILE = "vocabularies.json"
WEIGHTS_FILE = "weights.npz"
VEC_PARAMS = (
    "analyzer",
    "ngram_range",
    "token_pattern",
    "sublinear_tf",
    "lowercase",
    "norm",
    "use_idf",
    "smooth_idf",
)
_NUM = re.compile(r"\d+")


class UntrustedModel(ValueError):
    """The model files are not plain vocabularies and numeric arrays of the expected shape."""


@dataclass
class Linear:
    """A fitted linear classifier as plain arrays (one-vs-rest sigmoid, or softmax)."""

    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]
    multilabel: bool = False

    def predict_proba(self, X) -> np.ndarray:
        z = np.asarray(X @ self.coef.T) + self.intercept
        if self.multilabel or z.shape[1] == 1:
            p = 1.0 / (1.0 + np.exp(-z))
            return p if self.multilabel else np.hstack([1 - p, p])
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    @classmethod
    def from_sklearn(cls, clf) -> Linear:
        if hasattr(clf, "estimators_"):  # one-vs-rest
            coef = np.vstack([e.coef_ for e in clf.estimators_])
            intercept = np.concatenate([e.intercept_ for e in clf.estimators_])
            return cls(coef, intercept, [str(i) for i in range(len(clf.estimators_))], True)
        return cls(clf.coef_.copy(), clf.intercept_.copy(), [str(c) for c in clf.classes_])


def vec_params(vec) -> dict:
    params = {k: v for k, v in vec.get_params().items() if k in VEC_PARAMS}
    params["ngram_range"] = list(params["ngram_range"])
    return params


def vectorizer_from(params: dict, vocab: list[str], idf: np.ndarray) -> PlainTfidf:
    """A fitted vectorizer rebuilt from its vocabulary and idf weights (what is stored)."""
    kwargs = {k: params[k] for k in VEC_PARAMS if k in params}
    kwargs["ngram_range"] = tuple(kwargs.get("ngram_range", (1, 1)))
    return PlainTfidf(kwargs, list(vocab), idf)


def portable_vectorizer(vec) -> PlainTfidf:
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    return vectorizer_from(vec_params(vec), vocab, vec.idf_)


def sentence_text(text: str) -> str:
    """What the sentence classifier sees: digits folded so dates and ages generalise."""
    return _NUM.sub("0", text.lower())


def new_sentence_model(seed: int = 0) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return {
        "word": TfidfVectorizer(
            ngram_range=(1, 2),
            min_df=2,
            max_features=15000,
            sublinear_tf=True,
            token_pattern=r"(?u)\b[\w'’]+\b",
        ),
        "char": TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=25000, sublinear_tf=True
        ),
        "clf": OneVsRestClassifier(
            LogisticRegression(
                C=4.0,
                class_weight="balanced",
                solver="liblinear",
                max_iter=2000,
                random_state=seed,
            ),
            n_jobs=2,
        ),
    }


def sentence_matrix(model: dict, texts: list[str], fit: bool = False):
    texts = [sentence_text(t) for t in texts]
    if fit:
        return sparse.hstack(
            [model["word"].fit_transform(texts), model["char"].fit_transform(texts)]
        ).tocsr()
    return sparse.hstack([model["word"].transform(texts), model["char"].transform(texts)]).tocsr()


def fit_sentence_model(texts: list[str], y: np.ndarray, seed: int = 0) -> dict:
    model = new_sentence_model(seed)
    X = sentence_matrix(model, texts, fit=True)
    # A concern with no positive sentence in a fold still needs two classes to fit.
    y = y.copy()
    for j in range(y.shape[1]):
        if y[:, j].min() == y[:, j].max():
            y[0, j] = 1 - y[0, j]
    X.sort_indices()
    model["clf"].fit(X, y)
    return {
        "word": portable_vectorizer(model["word"]),
        "char": portable_vectorizer(model["char"]),
        "clf": Linear.from_sklearn(model["clf"]),
    }


def sentence_probs(model: dict, texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, len(model["clf"].classes)))
    return model["clf"].predict_proba(sentence_matrix(model, texts))


# -- document-level features -------------------------------------------------------------
@dataclass
class DraftFeatures:
    """What the document model of one concern sees, for one draft."""

    dense: dict[str, dict[str, float]]  # concern -> named numeric features
    views: dict[str, str]  # concern -> text of its highest-scoring sentences
    top: dict[str, list[tuple[int, float]]]  # concern -> [(sentence index, prob)]


def draft_features(
    draft: AnalysedDraft,
    outcomes: dict[str, RuleOutcome],
    probs: np.ndarray,
    concern_ids: list[str],
    rules: RuleSet,
) -> DraftFeatures:
    dense: dict[str, dict[str, float]] = {}
    views: dict[str, str] = {}
    top: dict[str, list[tuple[int, float]]] = {}
    texts = [s.text for s in draft.sentences]
    for j, cid in enumerate(concern_ids):
        outcome = outcomes[cid]
        pack = rules.pack(cid)
        p = probs[:, j] if len(texts) else np.zeros(0)
        order = np.argsort(-p) if len(p) else np.array([], dtype=int)
        best = [(int(i), float(p[i])) for i in order[:8]]
        top[cid] = best
        f: dict[str, float] = {}
        for name in pack.feature_names:
            f[f"r:{name}"] = _squash(outcome.features.get(name, 0.0))
        for name in ("heading", "section_words", "section_empty", "section_agencies"):
            f[f"r:{name}"] = _squash(outcome.features.get(name, 0.0))
        for s in STATUSES:
            f[f"rule={s}"] = 1.0 if outcome.status == s else 0.0
        f["s:max"] = float(p.max()) if len(p) else 0.0
        f["s:top3"] = float(np.mean([b for _, b in best[:3]])) if best else 0.0
        f["s:n50"] = _squash(float((p >= 0.5).sum())) if len(p) else 0.0
        f["s:n80"] = _squash(float((p >= 0.8).sum())) if len(p) else 0.0
        f["s:mass"] = _squash(float(p.sum())) if len(p) else 0.0
        # the draft's length: beside the (log) counts above, the model can weigh their density
        # (five reasons in a 40-sentence note are not five in a 200-sentence review)
        f["d:sentences"] = _squash(float(len(texts)))
        dense[cid] = f
        views[cid] = " ".join(sentence_text(texts[i]) for i, b in best[:6] if b >= 0.2)
    return DraftFeatures(dense, views, top)


def _squash(x: float) -> float:
    return math.log1p(max(0.0, x))


def new_doc_model(seed: int = 0) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    return {
        "vec": TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=3000, sublinear_tf=True),
        "clf": LogisticRegression(C=0.5, class_weight="balanced", max_iter=3000, random_state=seed),
    }


def doc_matrix(model: dict, names: list[str], feats: list[DraftFeatures], cid: str, fit=False):
    dense = np.array([[f.dense[cid].get(n, 0.0) for n in names] for f in feats], dtype=float)
    views = [f.views[cid] for f in feats]
    text = model["vec"].fit_transform(views) if fit else model["vec"].transform(views)
    return sparse.hstack([sparse.csr_matrix(dense * 3.0), text]).tocsr()


@dataclass
class ModelView:
    status: str
    probabilities: dict[str, float]
    top_sentences: list[tuple[int, float]]
    sentence_score: float
    sentences: int

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "probabilities": {k: round(v, 3) for k, v in self.probabilities.items()},
            "sentence_score": round(self.sentence_score, 3),
            "sentences": self.sentences,
        }


def overrule_level(rule: str, model: str, confidence: float, clear_gap: float) -> float:
    """The probability a trusted model needs to overrule the rule pack: the concern's confidence,
    or more when it would clear a gap the rules found (a gap hidden is worse than one to check)."""
    return max(confidence, clear_gap) if model == "met" != rule else confidence


@dataclass
class ConcernModels:
    concern_ids: list[str]
    sentence: dict
    docs: dict[str, dict]
    feature_names: dict[str, list[str]]
    rules: RuleSet | None = field(default=None, repr=False)
    meta: dict = field(default_factory=dict)

    def may_overrule(self, concern_id: str) -> bool:
        """May the model overrule the rule pack for this concern? Only where leave-one-voice-out
        cross-validation showed that, where the two disagreed, the model was right clearly more
        often (decided by ``qa-assistant train``; absent: never)."""
        entry = (self.meta.get("arbitration") or {}).get(concern_id) or {}
        return bool(entry.get("model_may_overrule", False))

    @property
    def confidence(self) -> float:
        """The probability above which the model's view counts as confident, by default."""
        return float((self.meta.get("arbitration_policy") or {}).get("confidence", 0.7))

    @property
    def clear_gap_confidence(self) -> float:
        """The probability the model needs to read met where the rules read a gap."""
        policy = self.meta.get("arbitration_policy") or {}
        return float(policy.get("clear_gap_confidence", policy.get("confidence", 0.7)))

    def confidence_for(self, concern_id: str) -> float:
        """This concern's confidence, chosen by ``qa-assistant train`` on unseen writers."""
        entry = (self.meta.get("arbitration") or {}).get(concern_id) or {}
        return float(entry.get("confidence", self.confidence))

    def overrule_level(self, concern_id: str, rule: str, model: str) -> float:
        return overrule_level(
            rule, model, self.confidence_for(concern_id), self.clear_gap_confidence
        )

    def predict(
        self, draft: AnalysedDraft, outcomes: dict[str, RuleOutcome]
    ) -> dict[str, ModelView]:
        from qa_assistant.checks.packs import cached_rules

        rules = self.rules or cached_rules()
        probs = sentence_probs(self.sentence, [s.text for s in draft.sentences])
        feats = draft_features(draft, outcomes, probs, self.concern_ids, rules)
        return self.predict_features(feats)

    def predict_features(self, feats: DraftFeatures) -> dict[str, ModelView]:
        out: dict[str, ModelView] = {}
        for cid in self.concern_ids:
            model = self.docs[cid]
            X = doc_matrix(model, self.feature_names[cid], [feats], cid)
            p = model["clf"].predict_proba(X)[0]
            probs = {str(c): float(v) for c, v in zip(model["clf"].classes, p)}
            for s in STATUSES:
                probs.setdefault(s, 0.0)
            status = max(STATUSES, key=lambda s: probs[s])
            top = feats.top[cid]
            out[cid] = ModelView(
                status=status,
                probabilities=probs,
                top_sentences=top,
                sentence_score=top[0][1] if top else 0.0,
                sentences=sum(1 for _, b in top if b >= 0.5),
            )
        return out

    # -- storage ------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        vocabs: dict[str, list[str]] = {}
        arrays: dict[str, np.ndarray] = {}
        parts: dict[str, dict] = {}

        def put_vec(key: str, vec) -> None:
            vocabs[key] = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            arrays[f"{key}.idf"] = np.asarray(vec.idf_, dtype=np.float32)
            parts[key] = vec_params(vec)

        def put_lin(key: str, lin: Linear) -> None:
            arrays[f"{key}.coef"] = lin.coef.astype(np.float32)
            arrays[f"{key}.intercept"] = lin.intercept.astype(np.float32)
            parts[key] = {"classes": lin.classes, "multilabel": lin.multilabel}

        put_vec("sentence.word", self.sentence["word"])
        put_vec("sentence.char", self.sentence["char"])
        put_lin("sentence.clf", self.sentence["clf"])
        for cid, model in self.docs.items():
            put_vec(f"doc.{cid}.vec", model["vec"])
            put_lin(f"doc.{cid}.clf", model["clf"])
        _replace(folder / VOCAB_FILE, json.dumps(vocabs, ensure_ascii=False).encode("utf-8"))
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        _replace(folder / WEIGHTS_FILE, buf.getvalue())
        manifest = {
            "format": FORMAT,
            "concern_ids": self.concern_ids,
            "feature_names": self.feature_names,
            "parts": parts,
            "meta": self.meta,
        }
        _replace(folder / "manifest.json", (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))

    @classmethod
    def load(cls, folder: Path) -> ConcernModels:
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            vocabs = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
            with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except (ValueError, OSError, KeyError) as exc:  # object arrays need pickle: refused
            raise UntrustedModel(f"refused to load the models in {folder}: {exc}") from exc
        if manifest.get("format") != FORMAT:
            raise UntrustedModel(f"unknown model format {manifest.get('format')!r} in {folder}")
        for key, arr in arrays.items():
            if arr.dtype.kind not in "fiu":
                raise UntrustedModel(f"refused to load the models: {key} is not numeric")
        parts = manifest["parts"]

        def vec(key: str) -> PlainTfidf:
            vocab = vocabs.get(key)
            if not isinstance(vocab, list) or not all(isinstance(t, str) for t in vocab):
                raise UntrustedModel(f"refused to load the models: bad vocabulary {key}")
            return vectorizer_from(parts[key], vocab, arrays[f"{key}.idf"])

        def lin(key: str) -> Linear:
            return Linear(
                arrays[f"{key}.coef"].astype(float),
                arrays[f"{key}.intercept"].astype(float),
                [str(c) for c in parts[key]["classes"]],
                bool(parts[key]["multilabel"]),
            )

        ids = list(manifest["concern_ids"])
        sentence = {
            "word": vec("sentence.word"),
            "char": vec("sentence.char"),
            "clf": lin("sentence.clf"),
        }
        docs = {cid: {"vec": vec(f"doc.{cid}.vec"), "clf": lin(f"doc.{cid}.clf")} for cid in ids}
        return cls(
            concern_ids=ids,
            sentence=sentence,
            docs=docs,
            feature_names={k: list(v) for k, v in manifest["feature_names"].items()},
            meta=manifest.get("meta", {}),
        )


def _replace(path: Path, data: bytes) -> None:
    """Write beside the target then rename, so a reader never sees a half-written file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
