"""Write the model card (models/README.md) from the figures ``train`` measured."""

from __future__ import annotations

from pathlib import Path

HEADLINE = ("lived_experience", "voice_of_child", "multi_agency_actions", "management_oversight")


def _row(cid: str, fig: dict) -> str:
    cells = []
    for key in ("cv_by_draft", "cv_by_voice", "rules_only", "keyword"):
        r = fig[key][cid]
        if "gap_f1_ci" in r and key in ("cv_by_draft", "cv_by_voice"):
            lo, hi = r["gap_f1_ci"]
            cells.append(f"{r['gap_f1']:.2f} [{lo:.2f}–{hi:.2f}]")
        else:
            cells.append(f"{r['gap_f1']:.2f}")
    acc = fig["cv_by_voice"][cid]
    return f"| `{cid}` | " + " | ".join(cells) + f" | {acc['accuracy3']:.2f} | {acc['kappa']:.2f} |"


def _mean(fig: dict, key: str, ids) -> float:
    return sum(fig[key][c]["gap_f1"] for c in ids) / len(ids)


def write_card(path: Path, fig: dict, meta: dict) -> None:
    ids = list(fig["cv_by_draft"])
    lines = [
        "# Model card: concern classifiers",
        "",
        "*This file is written by `qa-assistant train`; the figures below are reproduced by running it.*",
        "",
        "## What the models do",
        "",
        "- **Sentence model**: multi-label classifier of which concern(s) a sentence gives evidence for.",
        "  TF-IDF word 1–2-grams + character 3–5-grams (digits folded), one-vs-rest logistic regression",
        "  (class-balanced). Trained on sentences labelled by the corpus's verbatim evidence strings.",
        "- **Document models** (one per concern): multinomial logistic regression over the rule pack's",
        "  features (signal counts, combos, section features, action-plan features, the rule's own status),",
        "  the sentence model's scores for that concern (max, top-3 mean, counts over 0.5/0.8), and TF-IDF",
        "  of the concern's highest-scoring sentences. Trained on *out-of-fold* sentence scores.",
        "- **Combination**: the document model's status is reported; the explanation names both the rule",
        "  decision and the model probabilities, and says which decided. With no model files the tool",
        "  falls back to the rules alone.",
        "- Stored as plain data: vocabularies in `vocabularies.json`, idf weights and coefficients in",
        "  `weights.npz` (read with `allow_pickle=False`): loading executes no code from the files.",
        "",
        "## Data",
        "",
        f"- {meta.get('drafts', fig['drafts'])} fictional drafts in `{meta.get('corpus', 'sample_reports/corpus')}`,"
        f" {len(fig['voices'])} voices (independent writers with different briefs): "
        + ", ".join(f"`{v}`" for v in fig["voices"])
        + ".",
        "- Labels: per concern met / partial / missing, action owners, looked-after, incident type,",
        "  and verbatim evidence sentences (see `sample_reports/README.md`).",
        "- All names, places and cases are invented. The corpus was written by language-model helpers",
        "  briefed as different services; real drafts will differ more than these voices differ from",
        "  each other.",
        "",
        "## Results",
        "",
        "Gap-detection F1 (partial and missing together are the gap class), per concern, with 95%",
        "bootstrap intervals over drafts. *By draft*: 5-fold CV grouped by draft. *Unseen voice*:",
        "leave-one-voice-out (train on six writers, test on the seventh) — the closest estimate of",
        "performance on drafts written by other people. Rules and keyword search need no training and",
        "are scored on every draft.",
        "",
        "| concern | model, by draft | model, unseen voice | rules only | keyword search | 3-class acc (unseen voice) | kappa (unseen voice) |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [_row(c, fig) for c in ids]
    lines += [
        "| **mean** | "
        + " | ".join(
            f"**{_mean(fig, k, ids):.2f}**"
            for k in ("cv_by_draft", "cv_by_voice", "rules_only", "keyword")
        )
        + " | | |",
        "| **headline four** | "
        + " | ".join(
            f"**{_mean(fig, k, HEADLINE):.2f}**"
            for k in ("cv_by_draft", "cv_by_voice", "rules_only", "keyword")
        )
        + " | | |",
        "",
        f"- Action owners (rules, every draft): mean Jaccard {fig['owner_jaccard']:.2f} against the labelled owners.",
        f"- Looked-after fact: accuracy {fig['looked_after_accuracy']:.2f}.",
        "- Unseen-voice mean gap F1 per held-out voice: "
        + ", ".join(f"`{v}` {s:.2f}" for v, s in fig["per_voice_mean_gap_f1"].items())
        + ".",
        "",
    ]
    comp = fig.get("sentence_model_comparison")
    if comp:
        lines += [
            "## Sentence model: scikit-learn vs spaCy `textcat_multilabel`",
            "",
            "Same grouped folds (by draft), sentence level, macro over concerns:",
            "",
            "| model | macro average precision | macro F1 at 0.5 | fit time (s) |",
            "|---|---|---|---|",
        ]
        for name, r in comp.items():
            lines.append(
                f"| {name} | {r['macro_ap']:.3f} | {r['macro_f1']:.3f} | {r['fit_seconds']:.0f} |"
            )
        best = max(comp, key=lambda k: comp[k]["macro_ap"])
        lines += ["", f"Kept: **{best}** (higher macro average precision on grouped folds).", ""]
    targets_voice = _mean(fig, "cv_by_voice", ids)
    head_voice = _mean(fig, "cv_by_voice", HEADLINE)
    lines += [
        "## Against the targets",
        "",
        f"- Mean gap F1 on unseen voices: {targets_voice:.2f} (target 0.85) — "
        + ("meets it." if targets_voice >= 0.85 else "**below target**."),
        f"- Headline four on unseen voices: {head_voice:.2f} (target 0.90) — "
        + ("meets it." if head_voice >= 0.90 else "**below target**."),
        f"- Action-owner Jaccard: {fig['owner_jaccard']:.2f} (target 0.85) — "
        + ("meets it." if fig["owner_jaccard"] >= 0.85 else "**below target**."),
        "- Concerns where the model does not beat keyword search on unseen voices: "
        + (
            ", ".join(
                f"`{c}`"
                for c in ids
                if fig["cv_by_voice"][c]["gap_f1"] <= fig["keyword"][c]["gap_f1"]
            )
            or "none"
        )
        + ".",
        "- Concerns where the rule packs alone score higher than the model on unseen voices "
        "(the model still decides; both views are shown in every explanation): "
        + (
            ", ".join(
                f"`{c}` ({fig['rules_only'][c]['gap_f1']:.2f} vs {fig['cv_by_voice'][c]['gap_f1']:.2f})"
                for c in ids
                if fig["rules_only"][c]["gap_f1"] > fig["cv_by_voice"][c]["gap_f1"]
            )
            or "none"
        )
        + ". The rule figures are measured on the same corpus the packs were written against, so they are optimistic.",
        "",
        "## Known limits",
        "",
        "- The corpus is synthetic and small; intervals are wide, and the unseen-voice figures are the",
        "  honest ones. Real drafts (scanned forms, heavy tables, unusual templates) may score lower.",
        "- `met` vs `partial` is a judgement even for human reviewers (specific vs generic); the",
        "  3-class agreement is much lower than gap detection, which is what QA acts on.",
        "- The models judge wording, not truth: a draft that *says* the child was seen is credited.",
        "- Action owners come from rules (gazetteer + table headers + attendee initials); owners written",
        "  only as a person's name with no agency anywhere in the draft are not resolved.",
        "- English only (Welsh headings are recognised; Welsh-language prose is not analysed).",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
