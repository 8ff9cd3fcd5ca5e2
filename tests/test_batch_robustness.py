"""Batch robustness: nested folders, a .zip of drafts, duplicate names, unreadable files and
folders, broken or hostile zip members, awkward file names and a worker process that dies.

Whatever happens, ``qa-assistant batch`` exits 0 with exactly one row per draft found: a result,
or an error row saying what was wrong. Rules only (``QA_MODELS_DIR`` empty), in-process except
where worker processes are the point.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import stat
from pathlib import Path

import fixtures_hostile as fh
import pytest
from fixtures import rules_checker

import qa_assistant.batch as batch
import qa_assistant.checker as checker_module
from qa_assistant.batch import Item, collect, run_batch
from qa_assistant.checks.packs import cached_rules
from qa_assistant.cli import main

GOOD_TXT = fh.draft("txt")

N_CONCERNS = len(cached_rules().concerns)  # the checklist grows: never pinned


@pytest.fixture(autouse=True)
def rules_only(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    shared = rules_checker()
    monkeypatch.setattr(checker_module, "default_checker", lambda: shared)


def run_cli_batch(capsys, *paths: Path, out: Path, workers: int = 1) -> list[dict]:
    code = main(["batch", *map(str, paths), "--out", str(out), "--workers", str(workers)])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """reviews/ with nested folders, duplicate names, a zip of drafts and things to skip."""
    root = tmp_path_factory.mktemp("reviews")
    (root / "2024" / "north" / "deep").mkdir(parents=True)
    (root / "2025" / "south").mkdir(parents=True)
    (root / "2024" / "north" / "review.docx").write_bytes(fh.good_docx())
    (root / "2025" / "south" / "review.docx").write_bytes(fh.good_docx())  # same name
    (root / "2024" / "north" / "deep" / "review.txt").write_bytes(GOOD_TXT)
    (root / "2025" / "review.pdf").write_bytes(fh.good_pdf())
    (root / "2025" / "broken.docx").write_bytes(fh.truncated(fh.good_docx()))
    (root / "2025" / "old.doc").write_bytes(fh.legacy_doc())
    (root / "2025" / ".hidden.docx").write_bytes(b"skipped: hidden")
    (root / "2025" / "~$review.docx").write_bytes(b"skipped: Word lock file")
    (root / "2025" / "notes.json").write_text("{}")  # not a draft: skipped
    (root / "2025" / "empty.txt").write_bytes(b"")
    members = {
        "batch/review.docx": fh.good_docx(),  # same name again, inside the zip
        "batch/sub/review.md": GOOD_TXT,
        "batch/old.doc": fh.legacy_doc(),
        "batch/inner.zip": fh.zip_of({"x.txt": GOOD_TXT}),
        "batch/bomb.docx": fh.zip_bomb_docx(),
        "batch/picture.png": b"\x89PNG skipped",
        "__MACOSX/batch/._review.docx": b"skipped",
        "batch/.DS_Store": b"skipped",
    }
    (root / "2025" / "drafts.zip").write_bytes(fh.zip_of(members))
    (root / "2025" / "damaged.zip").write_bytes(fh.zip_of(members)[:300])
    return root


# In path order; members of a zip in archive order, right after the zip's place.
EXPECTED = {
    "2024/north/deep/review.txt": None,
    "2024/north/review.docx": None,
    "2025/broken.docx": "truncated",
    "2025/damaged.zip": "damaged",
    "2025/drafts.zip!batch/review.docx": None,
    "2025/drafts.zip!batch/sub/review.md": None,
    "2025/drafts.zip!batch/old.doc": ".doc files are not read",
    "2025/drafts.zip!batch/inner.zip": "a .zip inside a .zip",
    "2025/drafts.zip!batch/bomb.docx": "zip bomb",
    "2025/empty.txt": "empty",
    "2025/old.doc": ".doc files are not read",
    "2025/review.pdf": None,
    "2025/south/review.docx": None,
}


def relative(record: dict, root: Path) -> str:
    return os.path.relpath(record["source"], root)


def test_nested_folders_zip_and_duplicate_names(capsys, tree, tmp_path):
    records = run_cli_batch(capsys, tree, out=tmp_path / "out.jsonl")
    got = {relative(r, tree): r for r in records}
    assert list(got) == list(EXPECTED)  # one row each, in order, nothing skipped
    for source, words in EXPECTED.items():
        if words is None:
            assert "error" not in got[source], (source, got[source].get("error"))
            assert len(got[source]["concerns"]) == N_CONCERNS
        else:
            assert words in got[source]["error"], source
    # the three drafts called review.docx are three rows with three different sources
    assert sum(s.endswith("review.docx") for s in got) == 3


def test_one_row_per_draft_in_every_output_format(capsys, tree, tmp_path):
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"out.{suffix}"
        assert main(["batch", str(tree), "--out", str(out), "--workers", "1"]) == 0
        capsys.readouterr()
        if suffix == "csv":
            rows = list(csv.DictReader(io.StringIO(out.read_text())))
            sources = [r["source"] for r in rows]
            errors = [r["error"] for r in rows]
        else:
            from openpyxl import load_workbook

            sheet = load_workbook(out).active
            cells = list(sheet.iter_rows(values_only=True))
            header, body = cells[0], cells[1:]
            sources = [r[header.index("source")] for r in body]
            errors = [r[header.index("error")] or "" for r in body]
        assert [os.path.relpath(s, tree) for s in sources] == list(EXPECTED)
        assert sum(bool(e) for e in errors) == sum(w is not None for w in EXPECTED.values())


def test_two_worker_processes_give_the_same_rows(tree):
    items = collect([tree])
    one = run_batch(items, workers=1)
    two = run_batch(items, workers=2)
    assert [r["source"] for r in one] == [r["source"] for r in two]
    for a, b in zip(one, two, strict=True):
        assert a.get("error") == b.get("error")
        assert a.get("summary") == b.get("summary")


def test_unreadable_files_and_folders_are_reported_not_dropped(capsys, monkeypatch, tmp_path):
    """Simulated (tests run as root, for whom chmod 000 changes nothing)."""
    root = tmp_path / "reviews"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "inside.docx").write_bytes(fh.good_docx())
    (root / "secret.txt").write_bytes(GOOD_TXT)
    (root / "fine.txt").write_bytes(GOOD_TXT)

    real_scandir, real_open = os.scandir, Path.open

    def scandir(path="."):
        if Path(path) == root / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def path_open(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "open", path_open)
    records = run_cli_batch(capsys, root, out=tmp_path / "out.jsonl")
    got = {relative(r, root): r for r in records}
    assert set(got) == {"fine.txt", "locked", "secret.txt"}
    assert got["locked"]["error"] == "cannot open folder locked: permission denied"
    assert got["secret.txt"]["error"] == "permission denied: cannot read secret.txt"
    assert "concerns" in got["fine.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_chmod_000_file_and_folder(capsys, tmp_path):  # pragma: no cover - not run as root
    root = tmp_path / "reviews"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "inside.docx").write_bytes(fh.good_docx())
    (root / "secret.txt").write_bytes(GOOD_TXT)
    (root / "fine.txt").write_bytes(GOOD_TXT)
    os.chmod(root / "secret.txt", 0)
    os.chmod(root / "locked", 0)
    try:
        records = run_cli_batch(capsys, root, out=tmp_path / "out.jsonl")
    finally:
        os.chmod(root / "locked", stat.S_IRWXU)
        os.chmod(root / "secret.txt", stat.S_IRUSR | stat.S_IWUSR)
    got = {relative(r, root): r for r in records}
    assert "permission denied" in got["locked"]["error"]
    assert "permission denied" in got["secret.txt"]["error"]
    assert "concerns" in got["fine.txt"]


def test_hostile_zip_members_each_get_a_row(capsys, tmp_path):
    good = {"a/one.txt": GOOD_TXT, "b/two.txt": GOOD_TXT}
    (tmp_path / "locked.zip").write_bytes(fh.encrypted_member_zip(good, "c/secret.docx"))
    corrupt = bytearray(fh.zip_of({"ok.txt": GOOD_TXT, "bad.txt": GOOD_TXT * 20}))
    corrupt[corrupt.find(b"bad.txt") + 60] ^= 0xFF  # a flipped byte in deflated data
    (tmp_path / "corrupt.zip").write_bytes(bytes(corrupt))
    huge = fh.raw_zip([("big.txt", 0, b"tiny", 0, 300 * 1024 * 1024)])  # declares 300 MB
    (tmp_path / "huge.zip").write_bytes(huge)
    (tmp_path / "plain.txt").write_bytes(GOOD_TXT)
    records = run_cli_batch(capsys, tmp_path, out=tmp_path / "out.jsonl")
    got = {relative(r, tmp_path): r.get("error") for r in records}
    assert got == {
        "corrupt.zip!bad.txt": "this file is damaged inside the .zip",
        "corrupt.zip!ok.txt": None,
        "huge.zip": "refused: the zip is too large when unpacked (300 MB, over the 200 MB limit "
        "for one .zip); split it",
        "locked.zip!a/one.txt": None,
        "locked.zip!b/two.txt": None,
        "locked.zip!c/secret.docx": "this file is password-protected inside the .zip",
        "plain.txt": None,
    }


def test_awkward_file_names_do_not_break_the_outputs(capsys, tmp_path):
    names = {
        '=HYPERLINK("http://example.invalid","open").txt': GOOD_TXT,
        "+SUM(1,2).txt": GOOD_TXT,
        "bell\x07and\x1bescape.txt": GOOD_TXT,
        "naïve café – review.txt": GOOD_TXT,
    }
    (tmp_path / "names.zip").write_bytes(fh.zip_of(names))
    for suffix in ("jsonl", "csv", "xlsx"):
        out = tmp_path / f"out.{suffix}"
        code = main(["batch", str(tmp_path / "names.zip"), "--out", str(out), "--workers", "1"])
        _, err = capsys.readouterr()
        assert code == 0 and "4 draft(s) scored, 0 unreadable" in err, err
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "out.xlsx").active
    sources = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in sources)  # text, never a formula
    assert any(cell.value.endswith('!=HYPERLINK("http://example.invalid","open").txt')
               for cell in sources)  # fmt: skip
    assert any(cell.value.endswith("!bellandescape.txt") for cell in sources)


def test_csv_cells_that_look_like_formulas_are_neutralised():
    from qa_assistant.render.table import to_csv

    text = to_csv([{"source": "=cmd|' /C calc'!A0", "error": "x"}, {"source": "@SUM(A1)"}])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["source"] == "'=cmd|' /C calc'!A0"
    assert rows[1]["source"] == "'@SUM(A1)"


_REAL_CHECK_ITEM = batch.check_item


def _check_item_or_die(item: Item) -> dict:
    """check_item, except that the worker process dies on "crash.txt" (as if the OS had killed
    it for using too much memory). Module level so the pool can pickle it by name."""
    if item.source == "crash.txt":
        os._exit(9)
    return _REAL_CHECK_ITEM(item)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the crash is planted through fork"
)
def test_a_worker_process_that_dies_costs_one_row_not_the_batch(monkeypatch):
    monkeypatch.setattr(batch, "check_item", _check_item_or_die)
    items = [Item(f"draft{i}.txt", data=GOOD_TXT) for i in range(5)]
    items.insert(2, Item("crash.txt", data=GOOD_TXT))
    seen: list[tuple[int, int]] = []
    records = run_batch(items, workers=2, progress=lambda done, n: seen.append((done, n)))
    assert [r["source"] for r in records] == [i.source for i in items]
    assert "stopped on this draft" in records[2]["error"]
    assert all("concerns" in r for k, r in enumerate(records) if k != 2)
    assert seen[-1] == (6, 6) and len(seen) == 6
