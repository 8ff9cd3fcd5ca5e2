"""The one-page QA record (issue 11): .docx and printable HTML, escaping, and
``qa-assistant record``."""

from __future__ import annotations

import io

import docx
import pytest
from test_decisions import V1, V2, v1_file

from qa_assistant.checker import default_checker
from qa_assistant.cli import main
from qa_assistant.qa.decisions import Reviewer, apply_decisions
from qa_assistant.qa.record import render_record_docx, render_record_html


@pytest.fixture(scope="module")
def decided():
    ch = default_checker()
    r1, r2 = ch.check_path(str(V1)), ch.check_path(str(V2))
    saved = apply_decisions(r1, v1_file(r1)).to_file(V1.name, V1.read_bytes(), "v1")
    return apply_decisions(r2, saved)


def test_record_html_has_every_part_and_prints(decided):
    html = render_record_html(decided, "v2")
    for words in ("Quality-assurance record", "mixed_review_v2.docx (v2)", "Sam Patel",
                  "Head of Service", "no involvement in the management", "Dismissed (false alarm)",
                  "Not applicable", "reason for diversity", "Outstanding gaps",
                  "Earlier decisions that no longer apply", "@media print",
                  "default-src 'none'"):
        assert words in html, words
    assert html.count("<tr class=") == len(decided.concerns)


def test_record_docx(decided):
    d = docx.Document(io.BytesIO(render_record_docx(decided, "v2")))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = " ".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "Sam Patel" in text and "no involvement" in text
    assert "Learning, not blame" in cells and "reason for diversity" in cells
    assert len(d.tables[1].rows) == len(decided.concerns) + 1


def test_record_escapes_hostile_names(decided):
    hostile = '<script>alert(1)</script><img src="http://127.0.0.1:9/x.png">'
    f = decided.file.model_copy(update={"reviewer": Reviewer(name=hostile, role="<b>r</b>")})
    other = apply_decisions(decided.result, f)
    other.result.source = hostile
    html = render_record_html(other)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "has NOT confirmed independence" in html


def test_cli_record(tmp_path, capsys, decided):
    dec = tmp_path / "d.json"
    dec.write_bytes(decided.file.to_bytes())
    out = tmp_path / "record.docx"
    assert main(["record", str(V2), "--decisions", str(dec), "--out", str(out),
                 "--version", "v2"]) == 0
    assert "QA record: score" in capsys.readouterr().err
    assert "Sam Patel" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    html = tmp_path / "record.html"
    assert main(["record", str(V2), "--decisions", str(dec), "--out", str(html)]) == 0
    assert "Quality-assurance record" in html.read_text()
    (tmp_path / "bad.json").write_text("{}")
    assert main(["record", str(V2), "--decisions", str(tmp_path / "bad.json"),
                 "--out", str(out)]) == 2
