"""Bad input: every case gets one clear message, nothing crashes, nothing is lost.

Each bad or hostile file is built in memory (``fixtures_hostile``) and checked three ways:
``ingest.read_bytes`` raises a ``DraftError`` with a one-line message; ``qa-assistant check``
exits 2 with that one line on stderr and no traceback; ``qa-assistant batch`` gives the file an
error row with the message while the good drafts beside it are still scored, and exits 0.
Odd-but-valid drafts (cp1252, BOMs, Welsh, mostly tables, one enormous paragraph) are checked
without error. Rules only (``QA_MODELS_DIR`` is empty): reading is what is under test.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import fixtures_hostile as fh
import pytest
from fixtures import rules_checker

import qa_assistant.checker as checker_module
from qa_assistant.cli import main
from qa_assistant.errors import DraftError, Encrypted, NoText, TooLarge, UnsafeDocument
from qa_assistant.errors import UnsupportedFormat as Unsupported
from qa_assistant.ingest import read_bytes
from qa_assistant.ingest.guards import MAX_TEXT_CHARS

SCRIPT = Path(sys.executable).with_name("qa-assistant")
RANDOM = random.Random(20250301)
NOISE = RANDOM.randbytes(6000)

ODF_ZIP = fh.zip_of(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
)
XLSX_ZIP = fh.zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
UTF7 = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-w:document/+AD4-'

# (file name, bytes builder, error class, words the message must contain)
BAD = [
    ("empty.docx", lambda: b"", NoText, "empty (0 bytes)"),
    ("empty.pdf", lambda: b"", NoText, "empty (0 bytes)"),
    ("blank.txt", lambda: b" \r\n\t\n  \n", NoText, "no text"),
    ("notes.docx", lambda: b"Notes from the panel meeting, typed.", Unsupported, "renamed"),
    ("truncated.docx", lambda: fh.truncated(fh.good_docx()), Unsupported, "truncated"),
    ("opendocument.docx", lambda: ODF_ZIP, Unsupported, "not a Word"),
    ("spreadsheet.docx", lambda: XLSX_ZIP, Unsupported, "not a Word"),
    ("random.pdf", lambda: NOISE, Unsupported, "not a valid PDF"),
    ("garbled.pdf", lambda: b"%PDF-1.7\n" + NOISE, Unsupported, "damaged"),
    ("truncated.pdf", lambda: fh.truncated(fh.good_pdf(), 0.5), Unsupported, "damaged"),
    ("binary.txt", lambda: NOISE, Unsupported, "binary data"),
    ("image.md", lambda: b"\x89PNG\r\n\x1a\n" + NOISE, Unsupported, "binary data"),
    ("legacy.doc", fh.legacy_doc, Unsupported, ".doc files are not read"),
    ("legacy-renamed.docx", fh.legacy_doc, Unsupported, "legacy Word 97-2003"),
    ("review.odt", lambda: ODF_ZIP, Unsupported, "save the draft as .docx or PDF"),
    ("review.pages", lambda: NOISE, Unsupported, "save the draft as .docx or PDF"),
    ("review.xyz", lambda: b"text", Unsupported, "unsupported file type"),
    ("password.docx", fh.encrypted_office, Encrypted, "password-protected"),
    ("password.pdf", fh.encrypted_pdf, Encrypted,
     "this PDF is password-protected: remove the password and try again"),
    ("password-rc4.pdf", lambda: fh.encrypted_pdf(algorithm="RC4-128"), Encrypted,
     "this PDF is password-protected"),
    ("scanned.pdf", fh.scanned_pdf, NoText, "no text layer"),
    ("bomb.docx", fh.zip_bomb_docx, UnsafeDocument, "zip bomb"),
    ("bomb-media.docx", lambda: fh.zip_bomb_docx(40, "word/media/image1.png"), UnsafeDocument,
     "zip bomb"),
    ("lying-sizes.docx", fh.lying_zip_docx, Unsupported, "damaged"),
    ("bomb.pdf", fh.pdf_bomb, UnsafeDocument, "decompression bomb"),
    ("laughs.docx", lambda: fh.docx_with_part("word/document.xml", fh.billion_laughs()),
     UnsafeDocument, "entity-expansion"),
    ("laughs-padded.docx",
     lambda: fh.docx_with_part("word/document.xml", fh.billion_laughs(padding=200_000)),
     UnsafeDocument, "entity-expansion"),
    ("laughs-utf16.docx",
     lambda: fh.docx_with_part("word/styles.xml", fh.billion_laughs(encoding="utf-16")),
     UnsafeDocument, "entity-expansion"),
    ("external-entity.docx", lambda: fh.docx_with_part("word/document.xml", XXE),
     UnsafeDocument, "XML entities"),
    ("utf7.docx", lambda: fh.docx_with_part("word/document.xml", UTF7), UnsafeDocument,
     "text encoding"),
    ("too-long.txt", lambda: b"word " * (MAX_TEXT_CHARS // 5 + 10), TooLarge,
     "3,000,000 limit"),
    ("too-many-pages.pdf", lambda: fh.many_page_pdf(501), TooLarge, "500-page limit"),
]  # fmt: skip
if fh.real_encrypted_docx() is not None:  # msoffcrypto-tool (test extra) makes a real one
    BAD.append(("password-real.docx", fh.real_encrypted_docx, Encrypted, "password-protected"))

IDS = [name for name, *_ in BAD]


@pytest.fixture(autouse=True)
def rules_only(monkeypatch, tmp_path_factory):
    """One shared rules-only checker for the CLI and batch (in-process), models ignored."""
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    shared = rules_checker()  # built (once) before Checker is replaced
    monkeypatch.setattr(checker_module, "Checker", lambda *a, **k: shared)
    monkeypatch.setattr(checker_module, "default_checker", lambda: shared)


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, make, *_ in BAD:
        (folder / name).write_bytes(make())
    return folder


def assert_one_clear_line(message: str) -> None:
    assert message and "\n" not in message.strip(), message
    assert "Traceback" not in message and "Error(" not in message, message
    assert len(message) < 300, message
    assert fh.MARKER not in message


@pytest.mark.parametrize(("name", "make", "error", "words"), BAD, ids=IDS)
def test_read_bytes_refuses_with_a_clear_message(name, make, error, words):
    data = make()
    started = time.perf_counter()
    with pytest.raises(error) as info:
        read_bytes(data, name)
    assert time.perf_counter() - started < 5, "refusing a bad file must be quick"
    assert words in str(info.value)
    assert_one_clear_line(str(info.value))


@pytest.mark.parametrize(("name", "make", "error", "words"), BAD, ids=IDS)
def test_check_exits_2_with_one_line(capsys, bad_files, name, make, error, words):
    code = main(["check", str(bad_files / name), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith(f"qa-assistant: {name}: ") and err.endswith("\n")
    assert words in err
    assert_one_clear_line(err)


def test_scanned_pdf_is_never_reported_as_every_concern_missing(capsys, bad_files):
    code = main(["check", str(bad_files / "scanned.pdf")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "no text layer" in err and "OCR" in err
    assert "missing" not in err.lower()


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.pdf", "laughs.docx", "laughs-padded.docx"])
def test_bombs_are_refused_quickly_in_bounded_memory(bad_files, name):
    data = (bad_files / name).read_bytes()
    assert len(data) < 3 * 1024 * 1024  # what is on disk is small ...
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(UnsafeDocument):
            read_bytes(data, name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 16 * 1024 * 1024  # ... and nothing near its inflated size is ever allocated


def test_batch_gives_every_bad_file_an_error_row_and_scores_the_rest(capsys, bad_files, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, *_ in BAD:
        (folder / name).write_bytes((bad_files / name).read_bytes())
    (folder / "good.docx").write_bytes(fh.good_docx())
    (folder / "good.pdf").write_bytes(fh.good_pdf())
    (folder / "good.txt").write_bytes(fh.draft("txt"))
    out = tmp_path / "results.jsonl"
    code = main(["batch", str(folder), "--out", str(out), "--workers", "1"])
    _, err = capsys.readouterr()
    assert code == 0
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {*IDS, "good.docx", "good.pdf", "good.txt"}
    for name, _, _, words in BAD:
        assert words in records[name]["error"], name
        assert "concerns" not in records[name]
    for name in ("good.docx", "good.pdf", "good.txt"):
        assert "error" not in records[name] and len(records[name]["concerns"]) >= 12
    assert f"{len(records)} draft(s) scored, {len(BAD)} unreadable" in err
    assert "Traceback" not in err and fh.MARKER not in err


@pytest.mark.skipif(not SCRIPT.exists(), reason="qa-assistant console script not installed")
def test_console_script_bad_inputs_end_to_end(bad_files, tmp_path):
    """As a user sees it: real processes, one clear line each, no traceback, batch exits 0."""
    env = {**os.environ, "QA_MODELS_DIR": str(tmp_path)}
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in ("bomb.docx", "password.pdf", "scanned.pdf", "truncated.docx"):
        (folder / name).write_bytes((bad_files / name).read_bytes())
    (folder / "good.docx").write_bytes(fh.good_docx())
    out = tmp_path / "out.csv"
    runs = [
        ["check", str(folder / "bomb.docx")],
        ["batch", str(folder), "--out", str(out), "--workers", "2"],
    ]
    procs = [
        subprocess.Popen([str(SCRIPT), *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
        for argv in runs
    ]  # fmt: skip
    (code, stdout, stderr), (bcode, _, berr) = [(p.wait(180), *p.communicate()) for p in procs]
    assert code == 2 and stdout == ""
    assert stderr.startswith("qa-assistant: bomb.docx: refused") and "zip bomb" in stderr
    assert_one_clear_line(stderr)
    assert bcode == 0, berr
    assert "Traceback" not in berr and "5 draft(s) scored, 4 unreadable" in berr
    assert len(out.read_text().strip().splitlines()) == 1 + 5


# -- odd but valid drafts ---------------------------------------------------------------------
CP1252 = (
    "# Learning review\n\nThe child\x92s mother said the £250 fine and the caf\xe9 job were "
    "\x93too much\x94 \x96 she felt unheard.\n"
).encode("latin-1")
ODD = [
    ("cp1252.txt", lambda: CP1252, ["child’s", "£250", "café", "“too much” – she"]),
    ("bom.txt", lambda: "\ufeff# Learning review\n\nCafé visits – the child’s views.\n".encode(),
     ["Café visits – the child’s views."]),
    ("utf16.txt", lambda: "# Learning review\n\nCafé visits – weekly.\n".encode("utf-16"),
     ["Café visits – weekly."]),
    ("crlf.md", lambda: b"# Learning review\r\n\r\nLine one\r\nline two.\r\n",
     ["Line one line two."]),
    ("welsh.docx", lambda: fh.draft("docx", fh.WELSH), ["Llais y plentyn", "gwrando"]),
    ("welsh.pdf", lambda: fh.draft("pdf", fh.WELSH), ["Llais y plentyn", "gwrando"]),
    ("welsh.txt", lambda: fh.draft("txt", fh.WELSH), ["Cynllun gweithredu"]),
    ("tables.docx", lambda: fh.draft("docx", fh.tables_only()), ["Home visit number 59"]),
    ("tables.pdf", lambda: fh.draft("pdf", fh.tables_only(25)), ["Home visit number 24"]),
    ("owner-password.pdf", lambda: fh.encrypted_pdf(user_password=""), ["Learning review"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "expected"), ODD, ids=[o[0] for o in ODD])
def test_odd_but_valid_drafts_are_read_and_checked(capsys, tmp_path, name, make, expected):
    data = make()
    text = read_bytes(data, name).text
    for words in expected:
        assert words in text, (name, words)
    (tmp_path / name).write_bytes(data)
    code = main(["check", str(tmp_path / name), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert len(json.loads(out)["concerns"]) >= 12


# -- size limits ------------------------------------------------------------------------------
def test_size_limit_is_configurable_and_named(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("QA_MAX_MB", "1")
    big = tmp_path / "big.txt"
    big.write_bytes(b"The child said she felt safe at home. " * 40_000)  # about 1.5 MB
    small = tmp_path / "small.txt"
    small.write_bytes(fh.draft("txt"))
    with pytest.raises(TooLarge, match=r"over the 1 MB limit \(QA_MAX_MB\)"):
        read_bytes(big.read_bytes(), "big.txt")

    assert main(["check", str(big)]) == 2
    _, err = capsys.readouterr()
    assert "big.txt" in err and re.search(r"1\.\d MB, over the 1 MB limit \(QA_MAX_MB\)", err)
    assert_one_clear_line(err)

    out = tmp_path / "out.jsonl"
    assert main(["batch", str(big), str(small), "--out", str(out), "--workers", "1"]) == 0
    capsys.readouterr()
    big_row, small_row = map(json.loads, out.read_text().splitlines())
    assert "over the 1 MB limit" in big_row["error"]
    assert "concerns" in small_row

    monkeypatch.setenv("QA_MAX_MB", "2")
    assert read_bytes(big.read_bytes(), "big.txt").text
    monkeypatch.setenv("QA_MAX_MB", "0.5")
    with pytest.raises(TooLarge, match=r"over the 0.5 MB limit"):
        read_bytes(big.read_bytes(), "big.txt")


PROSE = (
    "the child said she felt unheard by the social worker and the police officer did not seek "
    "her views about the plan while the manager reviewed the risk and agreed actions with "
    "health and education partners"
)


def test_a_huge_paragraph_is_checked_in_bounded_time():
    """2 MB of words with no full stop at all: one 'sentence' of 350,000 words."""
    words = PROSE.split()
    rnd = random.Random(7)
    text = " ".join(rnd.choice(words) for _ in range(350_000))
    data = f"# Learning review\n\n{fh.MARKER} {text}\n".encode()
    assert len(data) > 1_950_000
    started = time.perf_counter()
    result = rules_checker().check_bytes(data, "long.txt")
    elapsed = time.perf_counter() - started
    assert len(result.concerns) >= 12  # every concern judged
    assert elapsed < 20, f"a 2 MB paragraph took {elapsed:.1f} s"


def test_draft_error_subclasses_are_all_caught_as_one_type():
    for _, _, error, _ in BAD:
        assert issubclass(error, DraftError)
