"""Where the review frameworks (rule packs) and their trained models live.

Frameworks ship inside the package (``qa_assistant/frameworks/<name>/``, declared as package
data), so a plain ``pip install`` finds them; each may hold its trained models in
``models/``. Environment overrides for tests and deployments:

- ``QA_FRAMEWORKS_DIR``: a folder of framework folders used instead of the shipped ones;
- ``QA_RULES_DIR``: the rule folder of the default framework;
- ``QA_MODELS_DIR``: the default framework's model folder (an empty folder: rules only).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

# The source checkout (corpus, demo drafts, bench): present in a clone, not in an installed wheel.
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FRAMEWORK = "clr"


def shipped_frameworks_dir() -> Path:
    """The frameworks installed with the package."""
    return Path(str(resources.files("qa_assistant") / "frameworks"))


def frameworks_dir() -> Path:
    return Path(os.environ.get("QA_FRAMEWORKS_DIR") or shipped_frameworks_dir())


def framework_dir(name: str | None = None) -> Path:
    name = name or DEFAULT_FRAMEWORK
    if name == DEFAULT_FRAMEWORK and os.environ.get("QA_RULES_DIR"):
        return Path(os.environ["QA_RULES_DIR"])
    return frameworks_dir() / name


def rules_dir() -> Path:
    """The default framework's folder (kept for callers that know only one framework)."""
    return framework_dir(DEFAULT_FRAMEWORK)


def models_dir(framework: str | None = None) -> Path:
    """A framework's model folder; ``QA_MODELS_DIR`` replaces the default framework's."""
    framework = framework or DEFAULT_FRAMEWORK
    if framework == DEFAULT_FRAMEWORK and os.environ.get("QA_MODELS_DIR"):
        return Path(os.environ["QA_MODELS_DIR"])
    return frameworks_dir() / framework / "models"
