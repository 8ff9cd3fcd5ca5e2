"""Training on a tiny corpus, safe loading, determinism, and the evaluate command."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from qa_assistant.checker import Checker
from qa_assistant.checks.packs import load_rules
from qa_assistant.learn.dataset import prepare
from qa_assistant.learn.labels import load_labelled
from qa_assistant.learn.models import ConcernModels, UntrustedModel, sentence_probs
from qa_assistant.learn.train import fit_models
from qa_assistant.paths import ROOT, models_dir

CORPUS = ROOT / "sample_reports" / "corpus"


@pytest.fixture(scope="module")
def rules_checker() -> Checker:
    return Checker(use_models=False)


@pytest.fixture(scope="module")
def tiny(rules_checker):
    drafts = [d for d in load_labelled(CORPUS) if d.voice.startswith(("v1_", "v7_"))][:14]
    items, errors = prepare(rules_checker, drafts)
    assert not errors
    return items


@pytest.fixture(scope="module")
def tiny_models(tiny, rules_checker) -> ConcernModels:
    return fit_models(tiny, rules_checker)


def test_sentence_labels_come_from_evidence(tiny):
    positives = sum(int(p.sentence_y.sum()) for p in tiny)
    assert positives > 50, "evidence strings should label many sentences"


def test_training_is_deterministic(tiny, rules_checker, tiny_models):
    again = fit_models(tiny, rules_checker)
    assert np.array_equal(tiny_models.sentence["clf"].coef, again.sentence["clf"].coef)
    for cid in tiny_models.concern_ids:
        assert np.array_equal(tiny_models.docs[cid]["clf"].coef, again.docs[cid]["clf"].coef)


def test_save_and_load_round_trip(tmp_path, tiny, tiny_models):
    tiny_models.save(tmp_path)
    loaded = ConcernModels.load(tmp_path)
    texts = [s.text for s in tiny[0].draft.sentences]
    a = sentence_probs(tiny_models.sentence, texts)
    b = sentence_probs(loaded.sentence, texts)
    assert np.allclose(a, b, atol=1e-4)
    views_a = tiny_models.predict(tiny[0].draft, tiny[0].outcomes)
    views_b = loaded.predict(tiny[0].draft, tiny[0].outcomes)
    assert {c: v.status for c, v in views_a.items()} == {c: v.status for c, v in views_b.items()}


def test_model_file_with_unexpected_type_is_refused(tmp_path, tiny_models):
    tiny_models.save(tmp_path)
    with np.load(tmp_path / "weights.npz") as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["sentence.clf.coef"] = np.array([object()], dtype=object)  # needs pickle to load
    np.savez(tmp_path / "weights.npz", **arrays)
    with pytest.raises(UntrustedModel):
        ConcernModels.load(tmp_path)


def test_unknown_model_format_is_refused(tmp_path, tiny_models):
    tiny_models.save(tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    manifest["format"] = 99
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(UntrustedModel):
        ConcernModels.load(tmp_path)


def test_shipped_models_load_fast_and_are_used():
    if not (models_dir() / "manifest.json").exists():
        pytest.fail("models/ has no trained models: run `qa-assistant train`")
    t0 = time.perf_counter()
    models = ConcernModels.load(models_dir())
    assert time.perf_counter() - t0 < 5.0  # the README's benchmark measures the real figure
    checker = Checker(models=models)
    result = checker.check_path(ROOT / "sample_reports" / "demo" / "strong_review.docx")
    assert all(c.explanation.model for c in result.concerns.values())  # every concern has a view
    decided = {c.explanation.decided_by for c in result.concerns.values()}
    assert decided <= {"model", "rules+model", "rules"}
    explained = result.concerns["voice_of_child"].explanation.text()
    assert "classifier" in explained and "rule pack" in explained


def test_evaluate_prints_tool_and_keyword_figures(tmp_path, capsys):
    from qa_assistant.cli import main

    for d in load_labelled(CORPUS)[:6]:
        labels = d.path.with_name(d.path.name.rsplit(".", 1)[0] + ".labels.json")
        shutil.copy(d.path, tmp_path / d.path.name)
        shutil.copy(labels, tmp_path / labels.name)
    out_json = tmp_path / "fig.json"
    assert main(["evaluate", str(tmp_path), "--rules-only", "--json", str(out_json)]) == 0
    printed = capsys.readouterr().out
    assert "gap F1" in printed and "kw F1" in printed and "Confusion" in printed
    fig = json.loads(out_json.read_text())
    assert set(fig["tool"]) == set(fig["keyword"]) and len(fig["tool"]) >= 12
    assert fig["drafts"] == 6


def test_evaluate_refuses_a_folder_without_labels(tmp_path, capsys):
    from qa_assistant.cli import main

    (tmp_path / "draft.txt").write_text("Nothing labelled here.")
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no labelled drafts" in capsys.readouterr().err


def test_corpus_labels_are_complete():
    drafts = load_labelled(CORPUS)
    assert len(drafts) >= 250
    assert len({d.voice for d in drafts}) >= 12
    ids = set(load_rules().concern_ids)
    for d in drafts:
        assert set(d.concerns) == ids, d.id
    for cid in drafts[0].concerns:
        statuses = [d.concerns[cid] for d in drafts]
        for s in ("met", "partial", "missing"):
            assert statuses.count(s) >= 10, (cid, s)


def test_corpus_build_is_deterministic(tmp_path):
    from devtools.corpus import build_corpus

    src = next(
        p
        for p in CORPUS.rglob("*.labels.json")
        if json.loads(p.read_text())["file"].endswith(".docx")
    )
    data = json.loads(src.read_text())
    for name in (src.name, data["source"], data["file"]):
        shutil.copy(src.with_name(name), tmp_path / name)
    before = (tmp_path / data["file"]).read_bytes()
    (tmp_path / data["file"]).unlink()
    assert build_corpus(Path(tmp_path)) == 1
    assert (tmp_path / data["file"]).read_bytes() == before


@pytest.mark.parametrize(
    "params",
    [
        {
            "ngram_range": (1, 2),
            "min_df": 1,
            "sublinear_tf": True,
            "token_pattern": r"(?u)\b[\w'’]+\b",
        },
        {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 1, "sublinear_tf": True},
    ],
)
def test_plain_tfidf_matches_scikit_learn(params):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from qa_assistant.learn.models import portable_vectorizer

    train = [
        "The child's views were not sought.",
        "J told me he was scared of the older boys; he said “I had no choice”.",
        "CSC to hold a placement stability meeting by 31/03/2025.",
        "Management  oversight was regular but not effective.  A  b",
    ]
    test = train + ["Unseen words: Ysgol Gymraeg, CAMHS, I'm fine — honestly!", "", "a"]
    fitted = TfidfVectorizer(**params).fit(train)
    plain = portable_vectorizer(fitted)
    assert np.allclose(fitted.transform(test).toarray(), plain.transform(test).toarray())
