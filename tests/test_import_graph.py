"""The import graph flows one way: a module imports only from its own layer or a lower one.

Every module under ``qa_assistant`` is parsed with ``ast`` (nothing is imported); every
``import``/``from ... import`` is checked, at module level and inside functions alike, so a lazy
import cannot hide an upward dependency. A failure names the file, the line and the import.

The layers follow the pipeline (ingest -> document -> nlp -> checks/learn -> result -> render ->
ui) with the data types a stage hands on placed below the stages that build them: readers build
a ``Document`` and the checks build a ``DraftResult``, so ``document`` sits below ``ingest`` and
``result`` below ``checks``. The framework loader (rule packs, their schema and conditions) is
read by every stage from ``nlp`` up, so it sits below them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "qa_assistant"

# Lowest first. A module belongs to the layer of the longest prefix that names it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("utilities", ("errors", "paths", "terminal", "workers")),
    ("document", ("document",)),
    ("result", ("result",)),
    ("framework data", ("checks.packs", "checks.schema", "checks.conditions")),
    ("ingest", ("ingest", "corpus")),  # corpus writes drafts in the formats ingest reads
    ("nlp", ("nlp",)),
    ("checks", ("checks", "actions", "learn", "checker")),
    ("render", ("render", "report", "qa", "batch")),
    ("ui", ("ui",)),
    # entry points: the command line (with its QA subcommands) and developer tooling
    ("entry", ("cli", "qa.cli_support", "bench")),
]

# Upward imports tolerated, as (importing module, imported module): each needs a reason.
ALLOWED: dict[tuple[str, str], str] = {}


def _layer_of(module: str) -> int | None:
    """Index in LAYERS of ``qa_assistant.<module>``; the package root is the lowest layer."""
    if module == "":
        return 0
    matches = [  # (prefix length, layer)
        (len(prefix), rank)
        for rank, (_name, prefixes) in enumerate(LAYERS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(matches)[1] if matches else None


def _module_name(path: Path) -> str:
    """``qa_assistant/render/html.py`` -> ``render.html``; a package's ``__init__`` -> its name."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    base = PACKAGE.joinpath(*dotted.split(".")) if dotted else PACKAGE
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str, str]]:
    """(line, imported module relative to the package, the import as written) for every import
    of ``qa_assistant`` in the file, wherever it sits."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "qa_assistant" or alias.name.startswith("qa_assistant."):
                    target = alias.name.removeprefix("qa_assistant").lstrip(".")
                    out.append((node.lineno, target, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                source = ".".join(base + ([node.module] if node.module else []))
                written = "." * node.level + (node.module or "")
            elif node.module == "qa_assistant" or (node.module or "").startswith("qa_assistant."):
                source = node.module.removeprefix("qa_assistant").lstrip(".")
                written = node.module
            else:
                continue
            names = ", ".join(a.name for a in node.names)
            targets = dict.fromkeys(  # ``from qa_assistant import cli`` imports a module
                sub if _is_module(sub := f"{source}.{alias.name}".lstrip(".")) else source
                for alias in node.names
            )
            out += [(node.lineno, t, f"from {written} import {names}") for t in targets]
    return out


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    missing = [str(p.relative_to(PACKAGE.parent)) for p in _modules()
               if _layer_of(_module_name(p)) is None]
    assert not missing, "modules with no layer in LAYERS: " + ", ".join(missing)


def upward_imports() -> list[str]:
    problems = []
    for path in _modules():
        module = _module_name(path)
        own = _layer_of(module)
        if own is None:
            continue
        for line, target, written in _imports(path):
            theirs = _layer_of(target)
            if theirs is None or theirs <= own or (module, target) in ALLOWED:
                continue
            problems.append(
                f"{path.relative_to(PACKAGE.parent)}:{line}: {written}  "
                f"({LAYERS[own][0]} imports {LAYERS[theirs][0]})"
            )
    return problems


def test_imports_flow_one_way():
    problems = upward_imports()
    assert not problems, "upward imports (move the code down instead):\n" + "\n".join(problems)


def test_every_allowed_entry_has_a_reason_and_is_still_needed():
    for (module, target), reason in ALLOWED.items():
        assert reason.strip(), (module, target)
        base = PACKAGE.joinpath(*module.split("."))
        path = base.with_suffix(".py")
        path = path if path.is_file() else base / "__init__.py"
        assert any(t == target for _line, t, _w in _imports(path)), (module, target)


@pytest.mark.parametrize(
    "module, target, upward",
    [
        ("render.html", "ui.sample", True),
        ("ingest.docx_reader", "checks.rule_check", True),
        ("result.model", "render.text", True),
        ("ui.sample", "render.html", False),
        ("checks.rule_check", "result.model", False),
        ("nlp.annotate", "checks.packs", False),
    ],
)
def test_layers_rank_as_documented(module, target, upward):
    assert (_layer_of(target) > _layer_of(module)) is upward
