"""Exports that carry the evidence (issue 12): the wide CSV/XLSX gain per-concern quotes,
explanations, needs-review and decisions; the long format has one row per draft x concern; and
``batch`` streams its output, so memory does not grow with the sample."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path

import qa_assistant.batch as batch
from qa_assistant.batch import Item, stream_batch
from qa_assistant.render.table import (
    LONG_COLUMNS,
    RecordWriter,
    columns,
    concern_ids,
    flat_row,
    long_rows,
    to_csv,
    to_long_csv,
    to_xlsx,
)
from qa_assistant.workers import Limits


def record(source: str = "d.docx", decided: bool = False, pad: int = 0) -> dict:
    ids = concern_ids()
    concerns = {
        cid: {
            "title": cid.replace("_", " "),
            "status": ("met", "partial", "missing")[k % 3],
            "score": 0.5,
            "evidence": [{"text": f"Quote {k} " + "x" * pad, "section": f"S{k}", "negated": k == 1},
                         {"text": "=HYPERLINK(\"http://evil\")", "section": "", "negated": False}],
            "explanation": f"Because {k}; rule pack: met",
            "advice": "Add it.",
            "needs_review": k == 0,
            "details": {"decided_by": "rules"},
        }
        for k, cid in enumerate(ids)
    }
    r = {
        "source": source,
        "concerns": concerns,
        "actions": [],
        "facts": {"looked_after": False, "incident_type": "other", "child_age": 15},
        "summary": {"score": 50, "gaps": 3, "flags": [], "needs_review": [ids[0]],
                    "format": "docx"},
        "sample": {"service": "Wexcombe", "period": "2024"},
    }
    if decided:
        r["qa_decisions"] = {"concerns": {ids[1]: {"decision": "dismiss", "reason": "it is there",
                                                   "decided_status": "met"}}}
    return r


def test_wide_row_carries_evidence_explanation_needs_review_and_decisions():
    ids = concern_ids()
    row = flat_row(record(decided=True))
    assert row[f"{ids[0]} evidence"].startswith("Quote 0")
    assert row[f"{ids[1]} evidence"].startswith("[gap] Quote 1")
    assert row[f"{ids[0]} explanation"] == "Because 0; rule pack: met"
    assert row[f"{ids[0]} needs_review"] is True and row["needs_review"] == ids[0]
    assert row[f"{ids[1]} decision"] == "dismiss: met (it is there)"
    assert row["service"] == "Wexcombe" and row["period"] == "2024"
    # the pre-issue-12 columns come first, unchanged
    assert columns()[:3] == ["source", "score", "gaps"]
    assert f"{ids[0]} decision" not in columns() and f"{ids[0]} decision" in columns(True)
    text = to_csv([record(decided=True), {"source": "bad.pdf", "error": "scanned"}])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0][f"{ids[1]} decision"] == "dismiss: met (it is there)"
    assert rows[1]["error"] == "scanned"
    assert "'=HYPERLINK" not in rows[0][f"{ids[0]} evidence"]  # inside a cell: not a formula


def test_long_format_has_one_row_per_draft_and_concern():
    ids = concern_ids()
    rows = long_rows(record(decided=True))
    assert [r["concern"] for r in rows] == ids
    assert rows[1]["decision"] == "dismiss" and rows[1]["decided_status"] == "met"
    assert rows[0]["needs_review"] is True and rows[0]["sections"] == "S0"
    text = to_long_csv([record(), record("e.docx"), {"source": "=bad.pdf", "error": "x"}])
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == 2 * len(ids) + 1
    assert list(parsed[0]) == LONG_COLUMNS
    assert parsed[-1]["source"] == "'=bad.pdf"  # CSV injection guard


def test_xlsx_carries_the_evidence_and_streams(tmp_path):
    from openpyxl import load_workbook

    ids = concern_ids()
    wb = load_workbook(io.BytesIO(to_xlsx([record(decided=True)])))
    ws = wb.active
    header = [c.value for c in ws[1]]
    values = dict(zip(header, [c.value for c in ws[2]]))
    assert values[f"{ids[0]} evidence"].startswith("Quote 0")
    assert values[f"{ids[1]} decision"] == "dismiss: met (it is there)"
    out = tmp_path / "long.xlsx"
    w = RecordWriter(out, long=True)
    w.write(record())
    w.close()
    ws = load_workbook(out).active
    assert ws.max_row == 1 + len(ids)
    assert ws.cell(1, 1).value == "source"


def test_batch_long_csv_from_the_cli(tmp_path, capsys):
    from fixtures import rules_checker

    import qa_assistant.checker as checker_module
    from qa_assistant.cli import main

    ROOT = Path(__file__).resolve().parent.parent
    draft = ROOT / "sample_reports/demo/mixed_review.docx"
    shared = rules_checker()
    orig = checker_module.default_checker
    checker_module.default_checker = lambda: shared
    try:
        out = tmp_path / "long.csv"
        assert main(["batch", str(draft), "--out", str(out), "--long", "--workers", "1"]) == 0
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert len(rows) == len(concern_ids())
        assert all(r["status"] in ("met", "partial", "missing") for r in rows)
        assert any(r["evidence"] for r in rows) and all(r["explanation"] for r in rows)
        assert main(["batch", str(draft), "--out", str(tmp_path / "x.jsonl"), "--long"]) == 2
    finally:
        checker_module.default_checker = orig
    capsys.readouterr()


# -- scale: streamed output, flat memory ----------------------------------------------------
PAD = 5_000  # each record carries ~5 KB of evidence per concern (~100 KB a record)


def _big_record(item: Item, passages: bool = False) -> dict:
    return record(item.source, pad=PAD)


def _peak_streaming(tmp_path: Path, n: int) -> tuple[int, int]:
    items = [Item(f"draft_{i}.txt", path=f"draft_{i}.txt") for i in range(n)]
    out = tmp_path / f"out_{n}.jsonl"
    writer = RecordWriter(out)
    tracemalloc.start()
    try:
        stream_batch(items, writer.write, workers=2, limits=Limits(seconds=30))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        writer.close()
    return peak, out.stat().st_size


def test_batch_memory_does_not_grow_with_the_sample(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "check_item", _big_record)  # the workers fork with it
    small, small_size = _peak_streaming(tmp_path, 40)
    large, large_size = _peak_streaming(tmp_path, 400)
    assert large_size > 9 * small_size  # ten times the output...
    # ...but the same peak, far below what holding the results would take: the records are
    # written as they come, not held
    assert large_size > 5 * large
    assert large < small * 1.5 + 2 * 1024 * 1024, (small, large, large_size)
    with open(tmp_path / "out_400.jsonl", encoding="utf-8") as fh:
        sources = [json.loads(line)["source"] for line in fh]
    assert sources == [f"draft_{i}.txt" for i in range(400)]  # in order
