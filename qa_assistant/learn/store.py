"""Load a framework's shipped models (``qa_assistant/frameworks/<name>/models/``, filled in
by ``qa-assistant train``)."""

from __future__ import annotations

from qa_assistant.paths import models_dir


def load_default_models(framework: str | None = None):
    """A framework's trained models, or None when none have been built (the checker then uses
    rules)."""
    folder = models_dir(framework)
    if not (folder / "manifest.json").exists():
        return None
    from qa_assistant.learn.models import ConcernModels

    return ConcernModels.load(folder)
