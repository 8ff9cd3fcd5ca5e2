"""Reviewer decisions (issue 11): the decision file's schema and limits, applying decisions and
recomputing the summary, re-applying them on version 2 of the mixed demo draft, the copy
embedded in the annotated .docx, and ``check --decisions``."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from qa_assistant.checker import default_checker
from qa_assistant.cli import main
from qa_assistant.qa.decisions import (
    MAX_FILE_BYTES,
    DecisionFile,
    DecisionFileError,
    Reviewer,
    action_id,
    apply_decisions,
    draft_ref,
    embed_in_docx,
    extract_from_docx,
    load_decisions,
    make_decision,
    parse_decisions,
    with_decision,
)
from qa_assistant.render.docx_comments import annotated_docx

DEMO = Path(__file__).resolve().parent.parent / "sample_reports" / "demo"
V1, V2 = DEMO / "mixed_review.docx", DEMO / "mixed_review_v2.docx"


@pytest.fixture(scope="module")
def results():
    ch = default_checker()
    return ch.check_path(str(V1)), ch.check_path(str(V2))


def v1_file(r1) -> DecisionFile:
    f = DecisionFile(
        reviewer=Reviewer(name="Sam Patel", role="Head of Service", independent=True),
        draft=draft_ref(V1.name, V1.read_bytes(), "v1"),
    )
    for kind, fid, d in [
        ("concern", "diversity", "dismiss"),
        ("concern", "partner_contribution", "not_applicable"),
        ("concern", "review_date", "accept"),
        ("flag", "yot_only_actions", "accept"),
        ("action", action_id(r1.actions[0]), "accept"),
    ]:
        f = with_decision(f, make_decision(r1, kind, fid, d, f"reason for {fid}"), kind, fid)
    return f


def test_decisions_recompute_the_summary_and_keep_the_tool_view(results):
    r1, _ = results
    decided = apply_decisions(r1, v1_file(r1))
    tool_score, tool_gaps = r1.score, len(r1.gaps)
    div = decided.concerns["diversity"]
    assert div.concern.status == "partial" and div.decided_status == "met" and div.overruled
    assert decided.concerns["partner_contribution"].decided_status == "not_applicable"
    assert len(decided.gaps) == tool_gaps - 2  # two gaps decided away
    assert decided.score > r1.score == tool_score  # the tool's view is untouched
    assert [f.flag.id for f in decided.open_flags] == ["yot_only_actions"]  # accepted: open
    assert decided.stale == []
    assert sum(1 for a in decided.actions if a.decision) == 1


def test_dismissing_a_flag_resolves_it_and_a_met_dispute_counts_as_missing(results):
    r1, _ = results
    f = DecisionFile()
    f = with_decision(f, make_decision(r1, "flag", "yot_only_actions", "dismiss", "x"),
                      "flag", "yot_only_actions")
    f = with_decision(f, make_decision(r1, "concern", "blame_free", "dismiss", "y"),
                      "concern", "blame_free")
    decided = apply_decisions(r1, f)
    assert decided.open_flags == []
    assert decided.flags[0].resolution == "Dismissed (false alarm)"
    assert decided.concerns["blame_free"].decided_status == "missing"
    assert decided.score < r1.score


def test_decisions_reapplied_on_version_2_or_listed_as_no_longer_applying(results):
    r1, r2 = results
    saved = apply_decisions(r1, v1_file(r1)).to_file(V1.name, V1.read_bytes(), "v1")
    back = parse_decisions(saved.to_bytes())
    assert back == saved
    decided = apply_decisions(r2, back)
    assert decided.concerns["diversity"].decision is not None  # same finding: re-applied
    assert decided.concerns["partner_contribution"].decided_status == "not_applicable"
    assert any(a.decision for a in decided.actions)  # the unchanged action
    assert decided.reapplied == 3
    stale = {s.decision.id: s.why for s in decided.stale}
    assert "now judges it met" in stale["review_date"]  # the gap was closed in v2
    assert "no longer raised" in stale["yot_only_actions"]
    refreshed = decided.to_file(V2.name, V2.read_bytes(), "v2")
    assert len(refreshed.decisions) == 3 and [v.label for v in refreshed.versions] == ["v1", "v2"]


def test_decisions_travel_inside_the_annotated_docx(results):
    r1, _ = results
    f = v1_file(r1)
    annotated = annotated_docx(r1, V1.read_bytes(), V1.name)
    with_part = embed_in_docx(annotated, f)
    assert extract_from_docx(with_part) == f
    again = embed_in_docx(with_part, f)  # replaced, not added twice
    names = zipfile.ZipFile(io.BytesIO(again)).namelist()
    parts = [n for n in names if n.startswith("customXml/item") and
             b"qa-assistant" in zipfile.ZipFile(io.BytesIO(again)).read(n)]
    assert len(parts) == 1
    assert load_decisions(again, "x.docx") == f
    assert extract_from_docx(annotated) is None
    with pytest.raises(DecisionFileError, match="carries no QA decisions"):
        load_decisions(annotated, "x.docx")


GOOD = {"format": "qa-assistant-decisions", "version": 1}


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b"\xff\xfe", "not UTF-8"),
        (json.dumps({"format": "other", "version": 1}).encode(), "not a decision file"),
        (json.dumps({**GOOD, "version": 2}).encode(), "newer version"),
        (json.dumps({**GOOD, "version": 0}).encode(), "schema version 0"),
        (json.dumps({**GOOD, "version": "1"}).encode(), "whole-number"),
        (json.dumps({**GOOD, "decisions": "all"}).encode(), "decisions"),
        (json.dumps({**GOOD, "reviewer": {"name": 5}}).encode(), "reviewer.name"),
        (json.dumps({**GOOD, "extra": 1}).encode(), "extra"),
        (json.dumps({**GOOD, "decisions": [{"kind": "concern", "id": "made_up",
                     "decision": "accept", "tool_status": "met"}]}).encode(), "unknown concern"),
        (json.dumps({**GOOD, "decisions": [{"kind": "flag", "id": "x",
                     "decision": "accept", "tool_status": "raised"}]}).encode(), "unknown flag"),
        (json.dumps({**GOOD, "decisions": [{"kind": "concern", "id": "diversity",
                     "decision": "maybe", "tool_status": "met"}]}).encode(), "decision"),
        (json.dumps({**GOOD, "decisions": [{"kind": "concern", "id": "diversity",
                     "decision": "accept", "tool_status": "met", "reason": "x" * 5000}]}
                    ).encode(), "reason"),
        (json.dumps({**GOOD, "decisions": [{"kind": "concern", "id": "diversity",
                     "decision": "accept", "tool_status": "met"}] * 2}).encode(), "second"),
        (b"[" * 100_000 + b"]" * 100_000, "too large|deep|JSON"),
        (b" " * (MAX_FILE_BYTES + 1), "too large"),
    ],
)
def test_hostile_decision_files_get_a_clear_error(payload, words):
    with pytest.raises(DecisionFileError, match=words):
        parse_decisions(payload)


def test_check_with_decisions_and_a_hostile_file(tmp_path, capsys, results):
    r1, _ = results
    saved = apply_decisions(r1, v1_file(r1)).to_file(V1.name, V1.read_bytes(), "v1")
    good = tmp_path / "decisions.json"
    good.write_bytes(saved.to_bytes())
    out_docx = tmp_path / "v2 annotated.docx"
    assert main(["check", str(V2), "--decisions", str(good), "--no-colour",
                 "--annotate", str(out_docx)]) == 0
    out = capsys.readouterr().out
    assert "Reviewer decisions" in out and "no longer applies: concern review_date" in out
    carried = extract_from_docx(out_docx.read_bytes())
    assert carried is not None and carried.draft.name == V2.name
    assert main(["check", str(V2), "--decisions", str(out_docx), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["qa_decisions"]["concerns"]["diversity"]["decided_status"] == "met"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**GOOD, "decisions": [{"kind": "concern", "id": "<script>",
                               "decision": "accept", "tool_status": "met"}]}))
    assert main(["check", str(V2), "--decisions", str(bad)]) == 2
    err = capsys.readouterr()
    assert err.out == "" and "unknown concern id" in err.err and len(err.err.splitlines()) == 1
