"""Privacy, proven: no network, nothing written, no draft text in logs or error messages.

Drafts are about children. These tests run the command line (in-process and as real
processes, worker processes included) and the checking path with network sockets blocked,
watch the working, home and temporary folders for anything written besides the explicit
``--out`` file, and plant a distinctive name in drafts that must never appear on stderr, in a
log record, in a warning or in an error row, whether the check succeeds or fails.
"""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import fixtures_hostile as fh
import pytest
from fixtures import rules_checker

import qa_assistant.checker as checker_module
from qa_assistant.checker import Checker
from qa_assistant.checks.packs import cached_rules
from qa_assistant.cli import main
from qa_assistant.errors import DraftError
from qa_assistant.ingest.guards import MAX_TEXT_CHARS

SCRIPT = Path(sys.executable).with_name("qa-assistant")
MARKER = fh.MARKER

N_CONCERNS = len(cached_rules().concerns)  # the checklist grows: never pinned


def models_env(tmp_path: Path) -> dict[str, str]:
    """The trained models when they load (a training job may be rewriting models/), else none."""
    from qa_assistant.learn.store import load_default_models

    try:
        load_default_models()
        return {}
    except Exception:  # noqa: BLE001
        empty = tmp_path / "no_models"
        empty.mkdir(exist_ok=True)
        return {"QA_MODELS_DIR": str(empty)}


# -- drafts with the marker, readable and not ------------------------------------------------
def leaky_pdf() -> bytes:
    """A PDF whose page puts a name where a number belongs: pdfminer used to log the operand
    (the name) as a warning, which Python printed to stderr."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=0, invariant=1)
    c.drawString(72, 700, "Learning review of the child's views")
    c.showPage()
    c.save()
    return buf.getvalue().replace(b"BT", b"(" + MARKER.encode() + b") g BT", 1)


def marked_xml(broken: bool) -> bytes:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{MARKER} told the reviewer</w:t></w:r></w:p></w:body>"
        "</w:document>"
    )
    return body.encode()[:-40] if broken else body.encode()


READABLE = {
    "good.docx": fh.good_docx,
    "good.pdf": fh.good_pdf,
    "good.txt": lambda: fh.draft("txt"),
    "good.md": lambda: fh.draft("md"),
    "odd-operands.pdf": leaky_pdf,
}
UNREADABLE = {
    "broken-xml.docx": lambda: fh.docx_with_part("word/document.xml", marked_xml(True)),
    "entities.docx": lambda: fh.docx_with_part(
        "word/document.xml",
        marked_xml(False).replace(
            b"<w:document", f'<!DOCTYPE w:document [<!ENTITY n "{MARKER}">]><w:document'.encode()
        ),
    ),
    "truncated.pdf": lambda: fh.truncated(fh.good_pdf(), 0.7),
    "password.pdf": fh.encrypted_pdf,
    "binary.txt": lambda: b"\x00\x01\x02" + MARKER.encode() + b"\x00" * 200,
    "too-long.txt": lambda: (MARKER + " ").encode() * (MAX_TEXT_CHARS // len(MARKER) + 10),
    "renamed.pdf": lambda: fh.draft("txt"),
}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    for name, make in {**READABLE, **UNREADABLE}.items():
        (folder / name).write_bytes(make())
    return folder


@pytest.fixture
def rules_only(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    shared = rules_checker()
    monkeypatch.setattr(checker_module, "Checker", lambda *a, **k: shared)
    monkeypatch.setattr(checker_module, "default_checker", lambda: shared)


# -- no network ---------------------------------------------------------------------------------
@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network socket or resolve a name is recorded and refused."""
    attempts: list[str] = []
    real_socket = socket.socket

    def refuse(what: str):
        attempts.append(what)
        raise OSError(f"network access is blocked in this test ({what})")

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family != socket.AF_UNIX:
                refuse(f"socket(family={family})")
            super().__init__(family, type, proto, fileno)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: refuse(_n))
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


def test_the_guard_really_blocks(no_network):
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(OSError, match="blocked"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    no_network.clear()


def test_checking_path_check_and_batch_with_sockets_blocked(
    no_network, drafts, tmp_path, capsys, monkeypatch
):
    from qa_assistant.nlp.pipeline import get_nlp

    for key, value in models_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    get_nlp.__wrapped__()  # a fresh spaCy pipeline: lookups tables are read from disk
    checker = Checker()  # rule packs and (when present) the trained models
    for name in READABLE:
        result = checker.check_bytes((drafts / name).read_bytes(), name)
        assert len(result.concerns) == N_CONCERNS
    for name in UNREADABLE:
        with pytest.raises(DraftError):
            checker.check_bytes((drafts / name).read_bytes(), name)

    monkeypatch.setattr(checker_module, "Checker", lambda *a, **k: checker)  # built above
    assert main(["check", str(drafts / "good.docx"), "--format", "json"]) == 0
    assert main(["check", str(drafts / "password.pdf")]) == 2
    out = tmp_path / "results.jsonl"
    monkeypatch.setattr(checker_module, "default_checker", lambda: checker)  # forked workers
    assert main(["batch", str(drafts), "--out", str(out), "--workers", "2"]) == 0
    capsys.readouterr()
    assert len(out.read_text().splitlines()) == len(READABLE) + len(UNREADABLE)


# -- real processes: no network and nothing written -------------------------------------------
# Every Python process started with this on its path (the CLI, its batch workers) refuses and
# reports any connection, datagram, non-loopback bind or name lookup. Creating a socket is
# allowed: urllib3 (imported by spaCy) probes IPv6 support by binding one to ::1 at import.
SITECUSTOMIZE = """
import socket, sys

def _refuse(what):
    sys.stderr.write(f"NETWORK-BLOCKED: {what}\\n")
    sys.stderr.flush()
    raise OSError("network access is blocked (test)")

def _guard(name):
    real = getattr(socket.socket, name)

    def method(self, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            address = args[-1] if args else kwargs.get("address")
            if not (name == "bind" and address and address[0] in ("127.0.0.1", "::1")):
                _refuse(f"{name} {address!r}")
        return real(self, *args, **kwargs)

    setattr(socket.socket, name, method)

for _name in ("connect", "connect_ex", "sendto", "bind"):
    _guard(_name)
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
    setattr(socket, _name, lambda *a, _n=_name, **k: _refuse(_n))
"""


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    seen = {}
    for folder in folders:
        for path in folder.rglob("*"):
            stat = path.stat()
            seen[str(path)] = (stat.st_size, stat.st_mtime_ns)
        seen[str(folder)] = (0, 0)
    return seen


@pytest.mark.skipif(not SCRIPT.exists(), reason="qa-assistant console script not installed")
def test_real_processes_use_no_network_and_write_only_their_out_file(drafts, tmp_path):
    site = tmp_path / "site"  # sitecustomize blocks sockets in every Python process started
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    work, home, temp, results = (tmp_path / d for d in ("work", "home", "temp", "results"))
    for folder in (work, home, temp, results):
        folder.mkdir()
    env = {
        **os.environ,
        **models_env(tmp_path),
        "PYTHONPATH": str(site),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    before = snapshot(work, home, temp, drafts, results)
    out = results / "results.csv"
    probe = "import socket; socket.socket().connect(('192.0.2.1', 80))"
    runs = [
        [str(SCRIPT), "check", str(drafts / "good.docx"), "--format", "json"],
        [str(SCRIPT), "batch", str(drafts), "--out", str(out), "--workers", "2"],
        [sys.executable, "-c", probe],
    ]
    procs = [
        subprocess.Popen(argv, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for argv in runs
    ]  # fmt: skip
    (c1, o1, e1), (c2, _, e2), (c3, _, e3) = [(p.wait(240), *p.communicate()) for p in procs]
    assert "NETWORK-BLOCKED" in e3 and c3 != 0  # the guard is in force in these processes
    assert c1 == 0, e1
    assert len(json.loads(o1)["concerns"]) == N_CONCERNS
    assert c2 == 0, e2
    assert f"{len(READABLE) + len(UNREADABLE)} draft(s) scored, {len(UNREADABLE)} unreadable" in e2
    for err in (e1, e2):
        assert "NETWORK-BLOCKED" not in err
        assert MARKER not in err
    after = snapshot(work, home, temp, drafts, results)
    assert set(after) - set(before) == {str(out)}  # the one file asked for, nothing else
    assert {k: v for k, v in after.items() if k != str(out)} == before


def test_in_process_commands_write_nothing_but_out(drafts, tmp_path, monkeypatch, capsys,
                                                   rules_only):  # fmt: skip
    work, home, temp, results = (tmp_path / d for d in ("work", "home", "temp", "results"))
    for folder in (work, home, temp, results):
        folder.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    before = snapshot(work, home, temp, drafts, results)
    for name in [*READABLE, *UNREADABLE]:
        for fmt in ("text", "json", "markdown"):
            main(["check", str(drafts / name), "--format", fmt])
    outs = [results / f"out.{suffix}" for suffix in ("jsonl", "csv", "xlsx")]
    for out in outs:
        assert main(["batch", str(drafts), "--out", str(out), "--workers", "1"]) == 0
    capsys.readouterr()
    after = snapshot(work, home, temp, drafts, results)
    assert set(after) - set(before) == set(map(str, outs))
    assert {k: v for k, v in after.items() if k not in set(map(str, outs))} == before


# -- no draft text in logs, warnings or error messages ----------------------------------------
def assert_no_marker(err: str, caplog, caught: list) -> None:
    assert MARKER not in err
    assert MARKER.split()[0] not in err
    for record in caplog.records:
        assert MARKER not in record.getMessage(), record.name
    for w in caught:
        assert MARKER not in str(w.message)


@pytest.mark.parametrize("name", [*READABLE, *UNREADABLE])
def test_check_never_logs_or_prints_draft_text(name, drafts, caplog, capsys, rules_only):
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = main(["check", str(drafts / name), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == (0 if name in READABLE else 2), err
    if code == 2:
        assert out == "" and len(err.strip().splitlines()) == 1
    else:
        assert err == ""
    assert_no_marker(err, caplog, caught)


def test_batch_never_logs_or_prints_draft_text(drafts, tmp_path, caplog, capsys, rules_only):
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "out.jsonl"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["batch", str(drafts), "--out", str(out), "--workers", "1"]) == 0
    _, err = capsys.readouterr()
    assert_no_marker(err, caplog, caught)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    errors = [r["error"] for r in rows if "error" in r]
    assert len(errors) == len(UNREADABLE)
    assert all(MARKER not in e and "Zephyrine" not in e for e in errors)


def test_an_unexpected_failure_is_one_line_without_draft_text(
    drafts, tmp_path, caplog, capsys, monkeypatch, rules_only
):
    """Even a bug deep in the checker whose exception quotes the draft prints no traceback and
    no text (QA_DEBUG=1 would re-raise it for a developer)."""

    def broken(self, document):
        raise ValueError(f"could not score the sentence '{MARKER} said ...'")

    monkeypatch.setattr(Checker, "check_document", broken)
    monkeypatch.delenv("QA_DEBUG", raising=False)
    caplog.set_level(logging.DEBUG)
    assert main(["check", str(drafts / "good.docx")]) == 2  # the exit-code contract: 2, one line
    _, err = capsys.readouterr()
    assert err.strip() == (
        "qa-assistant: good.docx: could not be checked (unexpected ValueError); "
        "QA_DEBUG=1 shows details"
    )
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(drafts / "good.txt"), "--out", str(out), "--workers", "1"]) == 0
    _, err = capsys.readouterr()
    (row,) = map(json.loads, out.read_text().splitlines())
    assert row["error"] == "unexpected error while checking (ValueError)"
    assert_no_marker(err, caplog, [])


# -- nothing kept: the shared spaCy vocabulary forgets every draft's words -----------------------
def _unique_draft(k: int, rng) -> tuple[str, bytes]:
    """A small draft naming a child no other draft names, among 150 never-seen words."""
    import string

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(11)).capitalize()

    name = f"Quorvaleth{k}x"
    words = " ".join(word() for _ in range(150))
    text = (
        f"# Learning review: {name}\n\n## Voice of the child\n{name} told us he felt unsafe. "
        f"{words}.\n\n## Action plan\n- Children's social care to review {name}'s plan by "
        "1 June 2025.\n"
    )
    return name, text.encode()


def test_the_vocabulary_does_not_accumulate_draft_words(rules_only):
    """200 checks of different drafts: after each, spaCy's StringStore is back to its size
    before the check and the child's name is not in it (nor a lexeme for it)."""
    import random

    checker = checker_module.default_checker()
    strings = checker.nlp.vocab.strings
    rng = random.Random(15)
    checker.check_bytes(_unique_draft(-1, rng)[1], "warm.md")  # anything built lazily, once
    baseline = len(strings)
    for k in range(200):
        name, data = _unique_draft(k, rng)
        result = checker.check_bytes(data, f"draft{k}.md")
        assert result.concerns["voice_of_child"].evidence  # the draft really was read
        assert len(strings) == baseline, k
        assert name not in strings and name.lower() not in strings
        assert name not in checker.nlp.vocab
    assert name in result.concerns["voice_of_child"].evidence[0].text  # results keep their text


def test_checks_in_threads_share_one_zone_and_still_forget(rules_only):
    """The app checks in threads: overlapping checks give the same results as one at a time and
    the store is back to its size once they are all done."""
    import random
    from concurrent.futures import ThreadPoolExecutor

    checker = checker_module.default_checker()
    rng = random.Random(16)
    drafts = [_unique_draft(k, rng) for k in range(24)]
    alone = [checker.check_bytes(data, "d.md").to_dict() for _, data in drafts]
    baseline = len(checker.nlp.vocab.strings)
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda d: checker.check_bytes(d[1], "d.md").to_dict(), drafts))
    assert together == alone
    assert len(checker.nlp.vocab.strings) == baseline
    assert not any(name in checker.nlp.vocab.strings for name, _ in drafts)


def test_no_draft_heading_is_kept_in_a_cache_after_a_check():
    from qa_assistant.checker import Checker
    from qa_assistant.checks.rule_check import heading_matches
    from qa_assistant.ingest import read_bytes

    text = "# Review of Zebedee Quartermaine\n\n## Zebedee's secret heading\n\nText.\n"
    Checker(use_models=False).check_document(read_bytes(text.encode(), "d.md"))
    assert heading_matches.cache_info().currsize == 0
