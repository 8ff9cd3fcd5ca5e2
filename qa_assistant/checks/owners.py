"""Who owns an action, in the framework's words: the reviewing agency (the YOT for a CLR) and
the display name of each agency, read from the framework's ``agencies.yaml``.

Lives beside the framework loader so the renderers, the sample report and the app all name
owners the same way without reaching up into the app.
"""

from __future__ import annotations

import os

from qa_assistant.checks.packs import RuleSet, cached_framework


def framework_rules(name: str | None = None) -> RuleSet:
    """The framework's data (``QA_FRAMEWORK`` or the default): agency names and roles."""
    return cached_framework(name or os.environ.get("QA_FRAMEWORK") or None)


def framework_of(result) -> str | None:
    """The framework a result (a DraftResult or its JSON) was checked against."""
    fw = result.get("framework") if isinstance(result, dict) else getattr(result, "framework", None)
    return (fw or {}).get("name") if isinstance(fw, dict) else None


def reviewing_agency(result=None) -> str:
    """The agency writing the review (the YOT for a CLR): actions owned only by it are the
    inspectorate's "actions addressed only to the YOT"."""
    return framework_rules(framework_of(result) if result is not None else None).reviewing_agency


# Display names for action owners, from the framework's agencies.yaml (``display``).
OWNER_LABELS = dict(framework_rules().agency_display)


def owner_label(owner: str) -> str:
    return framework_rules().agency_display.get(owner) or owner.replace("_", " ").capitalize()
