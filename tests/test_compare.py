"""Comparing two versions of a draft (issue 11): the mixed demo draft and its version 2, which
closes four gaps and opens one; every output format; ``qa-assistant compare``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from qa_assistant.checker import default_checker
from qa_assistant.cli import main
from qa_assistant.qa import compare as cmp
from qa_assistant.render.escape import unescape_md

DEMO = Path(__file__).resolve().parent.parent / "sample_reports" / "demo"
V1, V2 = DEMO / "mixed_review.docx", DEMO / "mixed_review_v2.docx"


@pytest.fixture(scope="module")
def comparison():
    ch = default_checker()
    return cmp.compare(ch.check_path(str(V1)), ch.check_path(str(V2)))


def test_gaps_closed_remaining_and_new(comparison):
    c = comparison
    # version 2 closes these four (and may close voice_of_child, as the engine improves)
    assert {x.id for x in c.closed} >= {
        "multi_agency_actions", "management_oversight", "actions_smart", "review_date"}
    assert [x.id for x in c.new_gaps] == ["blame_free"]
    assert "diversity" in {x.id for x in c.remaining}
    blame = next(x for x in c.concerns if x.id == "blame_free")
    assert blame.direction == "worse" and any("negligent" in p for p in blame.added)
    oversight = next(x for x in c.concerns if x.id == "management_oversight")
    assert "The case was regularly supervised." in oversight.removed
    assert c.old_score < c.new_score
    assert c.flags_cleared and not c.flags_raised


def test_actions_and_sections(comparison):
    c = comparison
    assert len(c.actions_of("added")) == 3 and len(c.actions_of("removed")) == 2
    assert len(c.actions_of("same")) == 1
    assert {s.title for s in c.sections_of("added")} == {"Review of progress"}
    rewritten = {s.title for s in c.sections_of("rewritten")}
    assert {"Voice of the child", "Management oversight", "Actions"} <= rewritten
    assert "Background" not in rewritten


def test_every_format(comparison):
    c = comparison
    text = cmp.render_text(c)
    assert f"Gaps closed ({len(c.closed)})" in text and "New gaps (1)" in text
    md = cmp.render_markdown(c)
    assert f"## Gaps closed ({len(c.closed)})" in md and "Review of progress" in unescape_md(md)
    html = cmp.render_html(c)
    assert "default-src 'none'" in html and 'data-kind="closed"' in html
    data = json.loads(json.dumps(c.to_dict()))
    assert data["gaps_new"] == ["blame_free"] and data["actions_unchanged"] == 1
    d = docx.Document(io.BytesIO(cmp.render_docx(c)))
    assert any(p.text == f"Gaps closed ({len(c.closed)})" for p in d.paragraphs)


def test_hostile_text_in_a_comparison_is_escaped(comparison):
    c = comparison
    c2 = cmp.Comparison(**{**c.__dict__, "new_name": '<img src=x onerror=alert(1)>![b](http://h/b.png)'})
    html = cmp.render_html(c2)
    assert "<img" not in html and "&lt;img" in html
    md = cmp.render_markdown(c2)
    assert "![b](" not in md


def test_cli_compare(tmp_path, capsys):
    assert main(["compare", str(V1), str(V2)]) == 0
    out = capsys.readouterr().out
    assert "gap(s) closed" in out and "Learning, not blame" in out
    assert main(["compare", str(V1), str(V2), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["gaps_new"] == ["blame_free"]
    target = tmp_path / "cmp.docx"
    assert main(["compare", str(V1), str(V2), "--out", str(target)]) == 0
    assert target.stat().st_size > 5000
    assert main(["compare", str(V1), str(tmp_path / "missing.docx")]) == 2
    assert "missing.docx" in capsys.readouterr().err
    assert main(["compare", str(V1), str(V2), "--out", str(tmp_path / "x.exe")]) == 2
