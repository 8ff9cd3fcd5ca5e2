"""Hardening, second round (issue 15), for batch and the command line:

- every file is checked in a worker process under a per-file time limit and memory ceiling; a
  file that passes them gets a clear error row (``check``: exit 2, one line) and the batch goes on;
- zip members are listed, not read, up front (each is read by the worker that checks it); a zip
  of too many files says so by the count; a NUL in a member name, a link inside a zip, a FIFO,
  a device or a link out of the folder gets a row instead of being skipped, followed or hanging;
- ``--out`` (and ``--annotate``) are validated before any work;
- control characters from a draft or its file name reach the terminal only as visible escapes;
- every unreadable input to ``check`` exits 2 with one line.

Slow, memory-hungry and crashing drafts are files the tests build, made slow or hungry by
swapping ``Checker.check_document`` (inherited by the forked worker processes). Rules only.
Every test that could hang if the code regressed runs under an alarm.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
import tracemalloc
import zipfile
from pathlib import Path

import fixtures_hostile as fh
import pytest
from fixtures import rules_checker

import qa_assistant.batch as batch
import qa_assistant.checker as checker_module
from qa_assistant.batch import Item, collect, run_batch
from qa_assistant.checker import Checker
from qa_assistant.cli import main
from qa_assistant.terminal import json_for_terminal, visible
from qa_assistant.workers import Limits

GOOD_TXT = fh.draft("txt")
needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the slow checker is planted via fork"
)


@pytest.fixture(autouse=True)
def rules_only(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    shared = rules_checker()
    monkeypatch.setattr(checker_module, "default_checker", lambda: shared)
    monkeypatch.setattr(checker_module, "Checker", lambda *a, **k: shared)


@pytest.fixture(autouse=True)
def deadline():
    """Fail (rather than hang) a test that takes more than a minute."""

    def on_alarm(signum, frame):
        raise TimeoutError("the test did not finish within 60 s: something hangs")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


_REAL_CHECK = Checker.check_document


def _hostile_check(self, document):
    """check_document, except that some drafts misbehave as a bad file could."""
    name = Path(document.source).name
    if name.startswith("slow"):
        time.sleep(600)  # as if a parser had gone quadratic
    if name.startswith("greedy"):
        hog = bytearray(8 << 30)  # 8 GB: allowed without a ceiling (pages are lazy), not with
        del hog
    if name.startswith("crash"):
        os._exit(9)
    return _REAL_CHECK(self, document)


@pytest.fixture
def hostile(monkeypatch):
    monkeypatch.setattr(Checker, "check_document", _hostile_check)


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("qa-assistant: ") and "Traceback" not in err
    return lines[0]


# -- per-file limits ----------------------------------------------------------------------------
@needs_fork
def test_a_slow_and_a_greedy_file_get_rows_and_the_batch_goes_on(capsys, tmp_path, hostile):
    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in ("a.txt", "slow.txt", "b.txt", "greedy.txt", "crash.txt", "c.txt"):
        (folder / name).write_bytes(GOOD_TXT)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    code, _, err = cli(capsys, "batch", str(folder), "--out", str(out), "--workers", "2",
                       "--time-limit", "2", "--memory-limit", "600")  # fmt: skip
    took = time.monotonic() - started
    assert code == 0, err
    rows = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert list(rows) == ["a.txt", "b.txt", "c.txt", "crash.txt", "greedy.txt", "slow.txt"]
    assert "2 s per-file time limit" in rows["slow.txt"]["error"]
    assert "--time-limit" in rows["slow.txt"]["error"]
    assert "600 MB per-file memory limit" in rows["greedy.txt"]["error"]
    assert "stopped on this draft (signal" not in rows["crash.txt"]["error"]  # exit 9, no signal
    assert "process stopped on this draft" in rows["crash.txt"]["error"]
    assert all("concerns" in rows[n] for n in ("a.txt", "b.txt", "c.txt"))
    assert "6 draft(s) scored, 3 unreadable" in err
    assert took < 30  # the slow file cost its time limit, not its 600 s


@needs_fork
def test_run_batch_replaces_an_ended_worker_and_keeps_the_order(hostile):
    items = [Item(f"draft{i}.txt", data=GOOD_TXT) for i in range(4)]
    items[1] = Item("slow1.txt", data=GOOD_TXT)
    items[3] = Item("slow2.txt", data=GOOD_TXT)
    seen: list[tuple[int, int]] = []
    records = run_batch(items, workers=1, limits=Limits(seconds=1),
                        progress=lambda done, n: seen.append((done, n)))  # fmt: skip
    assert [r["source"] for r in records] == [i.source for i in items]
    assert ["error" in r for r in records] == [False, True, False, True]
    assert seen[-1] == (4, 4) and len(seen) == 4


@needs_fork
@pytest.mark.parametrize(
    ("name", "flags", "words"),
    [
        ("slow.txt", ("--time-limit", "1"), "checking took longer than the 1 s per-file time"),
        ("greedy.txt", ("--memory-limit", "500"), "more than the 500 MB per-file memory limit"),
        ("crash.txt", (), "process stopped on this draft"),
    ],
)
def test_check_one_file_under_the_same_limits(capsys, tmp_path, hostile, name, flags, words):
    (tmp_path / name).write_bytes(GOOD_TXT)
    code, out, err = cli(capsys, "check", str(tmp_path / name), *flags)
    assert code == 2 and out == ""
    line = one_line(err)
    assert line.startswith(f"qa-assistant: {name}: ") and words in line


def test_limits_have_sensible_defaults_and_flags(capsys, tmp_path):
    from qa_assistant.cli import build_parser

    for command in (["check", "x.txt"], ["batch", "x", "--out", "o.csv"]):
        args = build_parser().parse_args(command)
        assert (args.time_limit, args.memory_limit) == (60.0, 1536)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["check", "x.txt", "--time-limit", "0"])
    capsys.readouterr()


# -- archives -----------------------------------------------------------------------------------
def test_zip_members_are_listed_not_read_up_front(tmp_path):
    """The old batch read every member into memory before checking any (3.35 GB for 3 MB of
    zips). Now collecting reads only the archives' directories, and each member is read by
    the worker that checks it."""
    spaces = b" " * (20 << 20)  # 20 MB that deflate to about 20 kB
    for z in range(3):
        with zipfile.ZipFile(tmp_path / f"part{z}.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for m in range(5):
                zf.writestr(f"blank{m}.txt", spaces)
            zf.writestr("good.txt", GOOD_TXT)
    assert sum(f.stat().st_size for f in tmp_path.glob("*.zip")) < 1 << 20
    tracemalloc.start()
    try:
        items = collect([tmp_path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == 18 and all(i.data is None and i.error is None for i in items)
    assert peak < 2 << 20  # not 300 MB of members
    tracemalloc.start()
    try:
        records = run_batch(items, workers=2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20
    errors = [r.get("error", "") for r in records]
    assert sum("no text" in e for e in errors) == 15 and errors.count("") == 3


def test_a_zip_of_too_many_files_says_so_by_the_count(tmp_path):
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as zf:
        for i in range(10_000):
            zf.writestr(f"d/{i}.txt", b"x")
    (item,) = collect([tmp_path / "many.zip"])
    assert item.error == (
        "refused: the zip holds 10,000 files, over the limit of 2,000 for one .zip; "
        "split it into smaller ones"
    )


def test_odd_zip_members_get_rows(capsys, tmp_path):
    link = zipfile.ZipInfo("drafts/link.txt")
    link.external_attr = 0o120777 << 16  # a symbolic link (to /etc/passwd)
    with zipfile.ZipFile(tmp_path / "links.zip", "w") as zf:
        zf.writestr(link, "/etc/passwd")
        zf.writestr("drafts/good.txt", GOOD_TXT)
        zf.writestr("drafts/notes.odp", b"not a draft")
    nul = fh.raw_zip([fh._stored("evil.txt\x00.docx", GOOD_TXT), fh._stored("ok.txt", GOOD_TXT)])
    (tmp_path / "nul.zip").write_bytes(nul)
    out = tmp_path / "out.jsonl"
    code, _, err = cli(capsys, "batch", str(tmp_path), "--out", str(out), "--workers", "1")
    assert code == 0, err
    rows = {os.path.relpath(r["source"], tmp_path): r.get("error")
            for r in map(json.loads, out.read_text().splitlines())}  # fmt: skip
    assert rows == {
        "links.zip!drafts/link.txt": "skipped: a link inside the .zip (not followed)",
        "links.zip!drafts/good.txt": None,
        "links.zip!drafts/notes.odp": "unsupported file type '.odp': use .docx, .pdf, .txt or .md",
        "nul.zip!evil.txt\\x00.docx": "refused: this file's name inside the .zip contains a NUL",
        "nul.zip!ok.txt": None,
    }


# -- what is not a regular file, and links out of the folder ------------------------------------
def test_fifos_devices_and_links_out_of_the_folder_get_rows_without_hanging(capsys, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "other_child.txt"
    secret.write_bytes(GOOD_TXT.replace(b"Jayden", b"Quillon"))
    folder = tmp_path / "reviews"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_bytes(GOOD_TXT)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.zip")
    (folder / "zero.zip").symlink_to("/dev/zero")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "leakdir").symlink_to(outside)
    (folder / "sub" / "same.txt").symlink_to(folder / "good.txt")  # inside: followed
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(tmp_path / "named.zip")
    out = tmp_path / "out.jsonl"
    code, _, err = cli(capsys, "batch", str(folder), str(tmp_path / "named.zip"),
                       "--out", str(out), "--workers", "1")  # fmt: skip
    assert code == 0, err
    text = out.read_text()
    rows = {os.path.relpath(r["source"], tmp_path): r.get("error")
            for r in map(json.loads, text.splitlines())}  # fmt: skip
    not_regular = "skipped: not a regular file (a pipe, socket or device is never read)"
    assert rows == {
        "reviews/dangling.txt": "skipped: a link to a file that does not exist",
        "reviews/good.txt": None,
        "reviews/leak.txt": "skipped: a link to a file outside the folders given (not followed)",
        "reviews/leakdir": "skipped: a link to a folder outside the folders given (not followed)",
        "reviews/pipe.txt": not_regular,
        "reviews/pipe.zip": not_regular,
        "reviews/sub/same.txt": None,
        "reviews/zero.zip": "skipped: a link to a file outside the folders given (not followed)",
        "named.zip": not_regular,
    }
    assert "Quillon" not in text  # the other child's draft never reached the results


def test_a_link_named_by_the_user_is_followed_but_a_device_is_not_read(capsys, tmp_path):
    (tmp_path / "real.txt").write_bytes(GOOD_TXT)
    (tmp_path / "named.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "zero.zip").symlink_to("/dev/zero")
    items = collect([tmp_path / "named.txt", tmp_path / "zero.zip"])
    assert items[0].error is None
    assert items[1].error.startswith("skipped: not a regular file")
    for name in ("zero.zip", "named.txt"):
        os.mkfifo(tmp_path / f"fifo-{name}")
    code, out, err = cli(capsys, "check", str(tmp_path / "fifo-named.txt"))
    assert code == 2 and "not a regular file" in one_line(err)


# -- --out and --annotate are validated before any work -----------------------------------------
@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("results.txt", "--out must end in .jsonl, .csv or .xlsx"),
        ("a_folder.csv", "is a folder, not a file"),
        ("no_such_folder/results.csv", "does not exist"),
        ("a_file.txt/results.csv", "does not exist"),
        ("/proc/results.csv", "cannot write --out /proc/results.csv"),
    ],
)
def test_bad_out_is_refused_before_checking_anything(capsys, tmp_path, monkeypatch, out, words):
    (tmp_path / "a_folder.csv").mkdir()
    (tmp_path / "a_file.txt").write_text("x")
    (tmp_path / "draft.txt").write_bytes(GOOD_TXT)

    def must_not_run(*a, **k):
        raise AssertionError("work started before --out was validated")

    monkeypatch.setattr(batch, "collect", must_not_run)
    monkeypatch.setattr(batch, "run_batch", must_not_run)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = cli(capsys, "batch", "draft.txt", "--out", out)
    assert code == 2 and words in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no probe file left behind


def test_bad_annotate_is_refused_before_checking(capsys, tmp_path, monkeypatch):
    (tmp_path / "draft.txt").write_bytes(GOOD_TXT)
    monkeypatch.setattr(Checker, "check_document", lambda *a: pytest.fail("checked first"))
    code, out, err = cli(capsys, "check", str(tmp_path / "draft.txt"),
                         "--annotate", str(tmp_path / "missing" / "out.docx"))  # fmt: skip
    assert code == 2 and out == "" and "does not exist" in one_line(err)


# -- terminal escape injection ------------------------------------------------------------------
HOSTILE = (
    "# Learning review\n\n## Voice of the child\n"
    "Kai told us \x1b[2J\x1b[H\x1b]0;pwned\x07ALL CONCERNS MET\x9b31m that he felt \u202eafraid"
    " of going home.\n"
)


def test_visible_escapes_controls_but_keeps_lines():
    assert visible("a\x1b[31mb\tc\nd\re\x7f\x9b\u202e\u2066") == (
        "a\\x1b[31mb\tc\nd\\x0de\\x7f\\x9b\\u202e\\u2066"
    )
    text = json.dumps({"t": "\x1b\x9b\u202e é"}, ensure_ascii=False)
    safe = json_for_terminal(text)
    assert json.loads(safe) == {"t": "\x1b\x9b\u202e é"} and "\x9b" not in safe


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_check_output_shows_control_characters_instead_of_obeying_them(capsys, tmp_path, fmt):
    path = tmp_path / "review\x1b]0;owned\x07.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    code, out, err = cli(capsys, "check", str(path), "--format", fmt)
    assert code == 0 and err == ""
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in out
    if fmt == "json":
        assert json.loads(out)["source"] == path.name  # the same value, escaped as JSON
    elif fmt == "markdown":
        assert "review\\x1b" in out and "owned\\x07" in out  # the file name, seen
    else:
        assert "\\x1b]0;owned\\x07" in out  # the file name, seen
        assert "\\x1b[2J\\x1b[H" in out  # the draft's sequence, seen


def test_text_colours_are_kept_and_draft_escapes_are_not(tmp_path):
    from qa_assistant.render.formats import DRAFT, DraftOutput, get

    path = tmp_path / "x\x1b[31m.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = rules_checker().check_path(path)
    coloured = get(DRAFT, "text").render(DraftOutput(result, colour=True))
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured  # our status colours
    assert "x\\x1b[31m.txt" in coloured and "\\x1b[2J" in coloured
    plain = coloured.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[33m", "")
    assert "\x1b" not in plain.replace("\x1b[0m", "")


def test_stderr_shows_control_characters_in_file_names(capsys, tmp_path):
    bad = tmp_path / "evil\x1b[2J\u202e.doc"
    bad.write_bytes(fh.legacy_doc())
    code, _, err = cli(capsys, "check", str(bad))
    assert code == 2
    line = one_line(err)
    assert "\x1b" not in err and "\u202e" not in err
    assert "evil\\x1b[2J\\u202e.doc" in line
    code, _, err = cli(capsys, "batch", str(bad), "--out", str(tmp_path / "o\x1b[2J.jsonl"),
                       "--workers", "1")  # fmt: skip
    assert code == 0 and "\x1b" not in err and "o\\x1b[2J.jsonl" in err


# -- the exit-code contract ---------------------------------------------------------------------
def test_every_unreadable_input_to_check_exits_2_with_one_line(capsys, tmp_path, monkeypatch):
    inputs = {
        "missing.docx": None,
        "empty.txt": b"",
        "legacy.doc": fh.legacy_doc(),
        "broken.docx": fh.truncated(fh.good_docx()),
        "bomb.docx": fh.zip_bomb_docx(),
        "scan.pdf": fh.scanned_pdf(),
        "folder": "dir",
        "pipe.txt": "fifo",
        "zero.txt": "/dev/zero",
    }
    for name, what in inputs.items():
        path = tmp_path / name
        if what == "dir":
            path.mkdir()
        elif what == "fifo":
            os.mkfifo(path)
        elif what == "/dev/zero":
            path.symlink_to("/dev/zero")
        elif what is not None:
            path.write_bytes(what)
    for name in inputs:
        code, out, err = cli(capsys, "check", str(tmp_path / name))
        assert code == 2 and out == "", (name, code, err)
        assert "internal error" not in one_line(err), name

    def parser_bug(self, document):  # an unexpected exception deep in reading or checking
        raise KeyError("'Zephyrine said ...'")

    monkeypatch.setattr(Checker, "check_document", parser_bug)
    (tmp_path / "odd.txt").write_bytes(GOOD_TXT)
    code, out, err = cli(capsys, "check", str(tmp_path / "odd.txt"))
    assert code == 2 and out == ""
    assert one_line(err) == (
        "qa-assistant: odd.txt: could not be checked (unexpected KeyError); "
        "QA_DEBUG=1 shows details"
    )
