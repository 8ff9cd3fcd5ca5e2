"""The shipped package stands alone: the benchmark, the corpus builder and the format-consistency
measurement live in ``devtools/`` (a developer package, not in the wheel), and nothing under
``qa_assistant`` imports them."""

from __future__ import annotations

import ast
import fnmatch
import importlib
import json
import pkgutil
import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qa_assistant"
CORPUS = ROOT / "sample_reports" / "corpus"


def _devtools_imports(path: Path, base: Path = ROOT) -> list[str]:
    """Every way ``path`` could reach devtools: import statements, importlib/__import__ calls and
    Python code kept in strings (scripts run with ``python -c``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__", "find_spec") and isinstance(
                node.args[0].value, str
            ):
                names = [node.args[0].value]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if "import devtools" in text or "from devtools" in text or "-m devtools" in text:
                names = ["devtools (in a string)"]
        found += [
            f"{path.relative_to(base)}:{node.lineno}: {n}"
            for n in names
            if n == "devtools" or n.startswith("devtools")
        ]
    return found


def test_no_runtime_module_imports_devtools():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    offenders = [hit for f in files for hit in _devtools_imports(f)]
    assert not offenders, offenders


def test_the_scan_would_see_an_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import devtools.bench\nfrom devtools.corpus import RENDER\n"
        "import importlib\nimportlib.import_module('devtools.consistency')\n"
        "CODE = '''from devtools.bench import draft_source'''\n",
        encoding="utf-8",
    )
    assert len(_devtools_imports(bad, tmp_path)) == 4


@pytest.mark.parametrize("name", ["qa_assistant.bench", "qa_assistant.corpus",
                                  "qa_assistant.learn.consistency"])
def test_developer_tools_are_gone_from_the_package(name):
    # Listed from the package's own folder, not found through sys.meta_path: an editable install
    # of another checkout would answer for a module this one no longer has.
    parent_name, _, leaf = name.rpartition(".")
    parent = importlib.import_module(parent_name)
    assert leaf not in {m.name for m in pkgutil.iter_modules(parent.__path__)}
    rel = Path(*name.split("."))
    assert not (ROOT / rel.with_suffix(".py")).exists()
    assert not (ROOT / rel).is_dir()


def test_the_wheel_packages_leave_devtools_out():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    # setuptools' find: folders with an __init__.py, named as dotted paths, kept if a pattern
    # matches (the same fnmatch rule; setuptools itself is not needed to run the tests)
    found = [
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in ROOT.rglob("__init__.py")
        if not {".venv", "build", "tests"} & set(init.relative_to(ROOT).parts)
    ]
    packages = [p for p in found if any(fnmatch.fnmatchcase(p, pat) for pat in include)]
    assert "devtools" in found
    assert "qa_assistant" in packages and "qa_assistant.learn" in packages
    assert not [p for p in packages if p.split(".")[0] != "qa_assistant"], packages
    assert not [p for p in packages if p.endswith((".bench", ".corpus"))], packages


def test_the_cli_has_no_corpus_command(capsys):
    from qa_assistant.cli import main

    with pytest.raises(SystemExit):
        main(["corpus", "build"])
    assert "invalid choice: 'corpus'" in capsys.readouterr().err


def test_devtools_corpus_build_command(tmp_path, capsys):
    from devtools.corpus import main

    labels = next(
        p for p in sorted(CORPUS.rglob("*.labels.json"))
        if json.loads(p.read_text(encoding="utf-8"))["file"].endswith(".txt")
    )
    data = json.loads(labels.read_text(encoding="utf-8"))
    for name in (labels.name, data["source"]):
        shutil.copy(labels.with_name(name), tmp_path / name)
    assert main(["build", str(tmp_path)]) == 0
    assert "built 1 draft(s)" in capsys.readouterr().err
    built = tmp_path / data["file"]
    assert built.read_bytes() == labels.with_name(data["file"]).read_bytes()
