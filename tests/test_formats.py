"""The output-format registry (``render.formats``): a format registered once is offered by the
CLI and rendered through it, and every registered format renders a real draft's result."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from fixtures import rules_checker

from qa_assistant.checker import default_checker
from qa_assistant.cli import build_parser, main
from qa_assistant.render import formats
from qa_assistant.render.formats import DRAFT, REPORT, SAMPLE, DraftOutput, OutputFormat

DEMO = Path(__file__).resolve().parent.parent / "sample_reports" / "demo" / "strong_review.docx"


@pytest.fixture(autouse=True)
def no_models(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    default_checker.cache_clear()
    yield
    default_checker.cache_clear()


@pytest.fixture
def shout():
    """A format added at test time, touching no other code."""
    fmt = formats.register(
        OutputFormat(
            name="shout",
            label="Score, shouted",
            extension=".txt",
            mime="text/plain",
            scope=DRAFT,
            render=lambda out: f"SCORE {out.result.score} FOR {out.result.source.upper()}\n",
            binary=False,
            surfaces=(formats.CLI,),
        )
    )
    yield fmt
    formats.unregister(DRAFT, "shout")


def _format_choices() -> list[str]:
    check = next(
        a.choices["check"]
        for a in build_parser()._actions
        if isinstance(a, argparse._SubParsersAction)
    )
    return next(a.choices for a in check._actions if a.dest == "format")


def test_a_registered_format_is_a_cli_choice_and_renders_through_check(shout, capsys, tmp_path):
    assert "shout" in _format_choices()
    draft = tmp_path / "child_j.docx"
    draft.write_bytes(DEMO.read_bytes())
    code = main(["check", str(draft), "--format", "shout", "--rules-only"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("SCORE ") and out.endswith(" FOR CHILD_J.DOCX\n")


def test_an_unregistered_format_is_not_offered():
    assert "shout" not in _format_choices()
    assert _format_choices() == formats.cli_choices()


@pytest.fixture(scope="module")
def demo_result():
    result = rules_checker().check_bytes(DEMO.read_bytes(), DEMO.name)
    return result


def _record(result) -> dict:
    from qa_assistant.report.sample import learning_passages, sample_info

    record = result.to_dict()
    record["sample"] = sample_info(result, result.source)
    record["passages"] = learning_passages(result)
    return record


def _input(fmt: OutputFormat, result):
    if fmt.scope == DRAFT:
        return DraftOutput(result, DEMO.read_bytes(), DEMO.name)
    records = [_record(result), {"source": "broken.docx", "error": "this .docx is damaged"}]
    if fmt.scope == SAMPLE:
        return records
    from qa_assistant.report.build import build_report
    from qa_assistant.report.view import build_view

    return build_view(build_report(records))


@pytest.mark.parametrize(
    "fmt", [*formats.formats(DRAFT), *formats.formats(SAMPLE), *formats.formats(REPORT)],
    ids=lambda f: f"{f.scope}-{f.name}",
)
def test_every_registered_format_renders_a_demo_draft(fmt, demo_result):
    out = fmt.render(_input(fmt, demo_result))
    assert isinstance(out, bytes if fmt.binary else str)
    assert out
    assert fmt.extension.startswith(".") and "/" in fmt.mime and fmt.label


def test_files_are_written_in_the_format_of_their_extension(demo_result, tmp_path):
    from qa_assistant.render.table import write_records

    for fmt in formats.formats(SAMPLE):
        out = tmp_path / f"{fmt.name}{fmt.extension}"
        write_records([_record(demo_result)], out, long=fmt.long)
        assert out.stat().st_size > 0
    with pytest.raises(ValueError, match=r"use \.jsonl, \.csv or \.xlsx"):
        formats.for_file(SAMPLE, "results.txt")
