"""Fixtures shared by more than one test module (opt in with ``pytest.mark.usefixtures``)."""

from __future__ import annotations

import pytest

from qa_assistant.checker import default_checker


@pytest.fixture
def no_models(tmp_path_factory, monkeypatch):
    """Rules only, whatever a training job is doing to the models; no shared checker leaks in."""
    monkeypatch.setenv("QA_MODELS_DIR", str(tmp_path_factory.mktemp("no_models")))
    default_checker.cache_clear()
    yield
    default_checker.cache_clear()
