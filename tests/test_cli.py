"""The command line and its JSON contract: ``qa-assistant check FILE --format json|text|markdown``
and ``qa-assistant batch``. Most runs are in-process (``main(argv)``); two go through the installed
console script to pin exit codes and stderr as a user sees them. No trained models are used
(``QA_MODELS_DIR`` points at an empty folder), so the results are the rule packs'."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import write
from test_rules import CONCERNS, STRONG

from qa_assistant.cli import main
from qa_assistant.ingest import read_path

STATUSES = {"met", "partial", "missing"}
SCRIPT = Path(sys.executable).with_name("qa-assistant")

WEAK = """
# Initial learning review: Child R
## Summary of the incident
R, aged 15, was arrested for a knife attack on another boy in the town centre in March 2025.
## Voice of the child
The child's views were not sought.
## Action plan
- YOT to improve communication.
"""


# rules only, whatever a training job is doing to the models (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("no_models")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    write(folder, "strong.docx", STRONG)
    write(folder, "strong.pdf", STRONG)
    write(folder, "weak.md", WEAK)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (folder / "notes.json").write_text("{}")  # not a draft: skipped by batch
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_contract(data: dict, flat_text: str) -> None:
    assert set(data) >= {"source", "concerns", "actions", "facts", "summary"}
    assert list(data["concerns"]) == CONCERNS
    for cid, c in data["concerns"].items():
        assert c["status"] in STATUSES, cid
        assert isinstance(c["score"], float) and 0.0 <= c["score"] <= 1.0, cid
        assert isinstance(c["explanation"], str) and c["explanation"], cid
        assert isinstance(c["advice"], str), cid
        if c["status"] != "met":
            assert c["advice"], cid
        for e in c["evidence"]:
            assert {"text", "start", "end", "section"} <= set(e)
            assert flat_text[e["start"] : e["end"]] == e["text"], cid
    for a in data["actions"]:
        assert {"text", "owners", "due", "specific"} <= set(a)
        assert isinstance(a["owners"], list) and isinstance(a["specific"], bool)
        assert a["due"] is None or len(a["due"]) == 10  # ISO date
    assert set(data["facts"]) >= {"looked_after", "incident_type", "child_age"}
    summary = data["summary"]
    assert set(summary) >= {"score", "gaps", "flags"}
    assert isinstance(summary["score"], int) and 0 <= summary["score"] <= 100
    assert summary["gaps"] == sum(c["status"] != "met" for c in data["concerns"].values())
    assert isinstance(summary["flags"], list)


@pytest.mark.parametrize("name", ["strong.docx", "strong.pdf", "weak.md"])
def test_check_json_contract(capsys, drafts, name):
    path = drafts / name
    code, out, err = run(capsys, "check", str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["source"] == name
    assert_contract(data, read_path(path).text)


def test_check_json_values_for_a_strong_draft(capsys, drafts):
    code, out, _ = run(capsys, "check", str(drafts / "strong.docx"), "--format", "json")
    data = json.loads(out)
    assert {c["status"] for c in data["concerns"].values()} == {"met"}
    assert data["summary"] == {**data["summary"], "score": 100, "gaps": 0, "flags": []}
    facts = {"looked_after": False, "incident_type": "gbh_wounding", "child_age": 16}
    assert {k: data["facts"][k] for k in facts} == facts
    assert data["facts"]["child"]["name"] and data["facts"]["evidence"]["incident_type"]["text"]
    owners = [a["owners"] for a in data["actions"]]
    assert owners == [["childrens_social_care"], ["police"], ["yot"]]
    assert data["actions"][0]["due"] == "2025-03-31"
    lived = data["concerns"]["lived_experience"]
    assert lived["evidence"] and lived["evidence"][0]["section"] == "Child's lived experience"


def test_check_json_values_for_a_weak_draft(capsys, drafts):
    code, out, _ = run(capsys, "check", str(drafts / "weak.md"), "--format", "json", "--rules-only")
    assert code == 0
    data = json.loads(out)
    voice = data["concerns"]["voice_of_child"]
    assert voice["status"] == "missing"
    assert voice["evidence"][0]["text"] == "The child's views were not sought."
    assert voice["evidence"][0]["negated"] is True
    assert data["summary"]["gaps"] >= 10
    assert "actions only addressed to the YOT" in data["summary"]["flags"]
    assert data["actions"][0]["specific"] is False


def test_check_text_format(capsys, drafts):
    code, out, err = run(capsys, "check", str(drafts / "weak.md"), "--format", "text")
    assert code == 0 and not err
    assert out.startswith("weak.md\nScore ")
    assert "MISSING" in out and "Voice of the child [voice_of_child]" in out
    assert "Add: " in out and "Action plan: 1 action(s)" in out
    assert "\033[" not in out  # no colour when not a terminal


def test_check_markdown_format(capsys, drafts):
    code, out, _ = run(capsys, "check", str(drafts / "strong.docx"), "--format", "markdown")
    assert code == 0
    assert out.startswith("# QA report: strong.docx")
    assert "## Checklist" in out and "## Action plan as read" in out
    for title in ("Voice of the child", "Management oversight", "Learning, not blame"):
        assert f"| {title} | met |" in out


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("broken.docx", "damaged"),
        ("legacy.doc", ".doc files are not read"),
        ("missing.pdf", "no such file"),
    ],
)
def test_check_unreadable_draft_fails_with_one_line(capsys, drafts, name, words):
    code, out, err = run(capsys, "check", str(drafts / name), "--format", "json")
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert lines[0].startswith("qa-assistant: ")
    assert "Traceback" not in err


def test_check_folder_is_refused(capsys, drafts):
    code, _, err = run(capsys, "check", str(drafts))
    assert code != 0 and "batch" in err and len(err.strip().splitlines()) == 1


def _scripts(*argvs: tuple[str, ...], env: dict) -> list[tuple[int, str, str]]:
    """Run the installed console script once per argv, concurrently (each loads spaCy)."""
    procs = [
        subprocess.Popen(
            [str(SCRIPT), *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env,
        )
        for argv in argvs
    ]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=120)
        out.append((proc.returncode, stdout, stderr))
    return out


@pytest.mark.skipif(not SCRIPT.exists(), reason="qa-assistant console script not installed")
def test_console_script(drafts, tmp_path):
    env = {**os.environ, "QA_MODELS_DIR": str(tmp_path)}
    ok, bad = _scripts(
        ("check", str(drafts / "strong.pdf"), "--format", "json"),
        ("check", str(drafts / "broken.docx"), "--format", "json"),
        env=env,
    )
    code, stdout, stderr = ok
    assert code == 0, stderr
    assert_contract(json.loads(stdout), read_path(drafts / "strong.pdf").text)

    code, stdout, stderr = bad
    assert code != 0 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr and "broken.docx" in stderr


# -- batch ----------------------------------------------------------------------------------
EXPECTED_SOURCES = {"broken.docx", "legacy.doc", "strong.docx", "strong.pdf", "weak.md"}


def _batch(capsys, drafts: Path, out: Path) -> tuple[int, str]:
    code, stdout, err = run(capsys, "batch", str(drafts), "--out", str(out), "--workers", "1")
    assert stdout == ""
    return code, err


def test_batch_jsonl(capsys, drafts, tmp_path):
    out = tmp_path / "results.jsonl"
    code, err = _batch(capsys, drafts, out)
    assert code == 0
    assert "5 draft(s) scored, 2 unreadable" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["source"]).name for r in records} == EXPECTED_SOURCES
    by_name = {Path(r["source"]).name: r for r in records}
    assert "damaged" in by_name["broken.docx"]["error"]
    assert ".doc files are not read" in by_name["legacy.doc"]["error"]
    assert_contract(by_name["strong.docx"], read_path(drafts / "strong.docx").text)
    assert by_name["strong.pdf"]["summary"]["score"] == 100
    assert by_name["weak.md"]["concerns"]["voice_of_child"]["status"] == "missing"


def test_batch_csv(capsys, drafts, tmp_path):
    out = tmp_path / "results.csv"
    code, _ = _batch(capsys, drafts, out)
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {Path(r["source"]).name for r in rows} == EXPECTED_SOURCES
    header = list(rows[0])
    assert header[:3] == ["source", "score", "gaps"] and header[-1] == "error"
    assert set(CONCERNS) <= set(header)
    by_name = {Path(r["source"]).name: r for r in rows}
    assert by_name["broken.docx"]["error"] and not by_name["broken.docx"]["score"]
    strong = by_name["strong.docx"]
    assert strong["score"] == "100" and strong["error"] == ""
    assert {strong[c] for c in CONCERNS} == {"met"}
    assert strong["action_owners"] == "childrens_social_care, police, yot"
    assert by_name["weak.md"]["voice_of_child"] == "missing"


def test_batch_xlsx(capsys, drafts, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "results.xlsx"
    code, _ = _batch(capsys, drafts, out)
    assert code == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[0] == "source" and header[-1] == "error"
    assert {Path(r[0]).name for r in body} == EXPECTED_SOURCES
    errors = {Path(r[0]).name for r in body if r[-1]}
    assert errors == {"broken.docx", "legacy.doc"}


def test_batch_rejects_unknown_output_type(capsys, drafts, tmp_path):
    code, _, err = run(capsys, "batch", str(drafts), "--out", str(tmp_path / "out.txt"))
    assert code != 0 and "--out must end in .jsonl, .csv or .xlsx" in err


def test_batch_with_no_drafts(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "batch", str(empty), "--out", str(tmp_path / "out.csv"))
    assert code != 0 and "no drafts found" in err
