"""Load the shipped models from ``models/`` (filled in by ``qa-assistant train``)."""

from __future__ import annotations

from qa_assistant.paths import models_dir


def load_default_models():
    """The trained models, or None when none have been built (the checker then uses rules)."""
    manifest = models_dir() / "manifest.json"
    if not manifest.exists():
        return None
    from qa_assistant.learn.models import ConcernModels

    return ConcernModels.load(models_dir())
