"""Where the rule packs and trained models live (overridable for tests and deployments)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    return Path(os.environ.get("QA_RULES_DIR", ROOT / "rules"))


def models_dir() -> Path:
    return Path(os.environ.get("QA_MODELS_DIR", ROOT / "models"))
