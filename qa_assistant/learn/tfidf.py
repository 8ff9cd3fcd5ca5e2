"""TF-IDF transform from a stored vocabulary and idf weights, without importing scikit-learn.

Importing scikit-learn pulls in SciPy's statistics and pandas (about two seconds on this
machine), which would double the tool's cold start just to *apply* models. Training still uses
scikit-learn's ``TfidfVectorizer``; this class reproduces its ``transform`` for the parameters
the project uses (word n-grams with a token pattern, ``char_wb`` n-grams, lowercasing,
sublinear tf, idf, l2 norm), and a test pins it to scikit-learn's output.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

_WHITE = re.compile(r"\s\s+")


class PlainTfidf:
    def __init__(self, params: dict, vocab: list[str], idf: np.ndarray) -> None:
        self.params = dict(params)
        self.vocabulary_ = {term: i for i, term in enumerate(vocab)}
        self.idf_ = np.asarray(idf, dtype=float)
        self.analyzer = self.params.get("analyzer", "word")
        lo, hi = self.params.get("ngram_range", (1, 1))
        self.ngram_range = (int(lo), int(hi))
        self.lowercase = bool(self.params.get("lowercase", True))
        self.sublinear = bool(self.params.get("sublinear_tf", False))
        self.use_idf = bool(self.params.get("use_idf", True))
        self.norm = self.params.get("norm", "l2")
        self.token_re = re.compile(self.params.get("token_pattern") or r"(?u)\b\w\w+\b")
        if self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"unsupported analyzer {self.analyzer!r}")

    def get_params(self) -> dict:
        return dict(self.params)

    def _terms(self, text: str) -> list[str]:
        if self.lowercase:
            text = text.lower()
        lo, hi = self.ngram_range
        out: list[str] = []
        if self.analyzer == "word":
            tokens = self.token_re.findall(text)
            for n in range(lo, min(hi, len(tokens)) + 1):
                out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
            return out
        text = _WHITE.sub(" ", text)
        for w in text.split():
            w = f" {w} "
            size = len(w)
            for n in range(lo, hi + 1):
                offset = 0
                out.append(w[offset : offset + n])
                while offset + n < size:
                    offset += 1
                    out.append(w[offset : offset + n])
                if offset == 0:  # a word shorter than n is counted once
                    break
        return out

    def transform(self, texts) -> sparse.csr_matrix:
        vocab = self.vocabulary_
        indptr, indices, data = [0], [], []
        for text in texts:
            counts = Counter(t for t in self._terms(text) if t in vocab)
            cols = [vocab[t] for t in counts]
            vals = np.array(list(counts.values()), dtype=float)
            if self.sublinear and len(vals):
                vals = 1.0 + np.log(vals)
            if self.use_idf and len(vals):
                vals = vals * self.idf_[cols]
            if self.norm == "l2" and len(vals):
                norm = math.sqrt(float(vals @ vals))
                if norm > 0:
                    vals = vals / norm
            indices.extend(cols)
            data.extend(vals.tolist())
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(indptr) - 1, len(vocab)),
        )
