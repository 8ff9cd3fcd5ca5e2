"""Colours, icons and labels shared by the app, the HTML report and the annotated DOCX.

Status is never shown by colour alone: every status carries an icon and a word, and every
highlight carries a numbered label and a ``title``/``aria-label`` naming its concern. Text is
near-black on light tints (contrast well above WCAG AA's 4.5:1).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa_assistant.result.model import STATUS_ICON


@dataclass(frozen=True)
class StatusStyle:
    icon: str
    label: str  # a word or two, shown next to the icon
    fg: str  # text colour
    bg: str  # tint
    border: str


STATUS_STYLE = {
    "met": StatusStyle(STATUS_ICON["met"], "Met", "#1B4D2B", "#E6F4EA", "#2E7D32"),
    "partial": StatusStyle(STATUS_ICON["partial"], "Partly met", "#6B3A00", "#FFF3DC", "#B26A00"),
    "missing": StatusStyle(STATUS_ICON["missing"], "Missing", "#8A1C1C", "#FDECEC", "#C62828"),
}
STATUS_ORDER = {"missing": 0, "partial": 1, "met": 2}

# One tint (highlight background) and one stronger edge colour per concern, in checklist order.
CONCERN_TINTS = [
    ("#FFE0B2", "#E65100"),  # orange
    ("#BBDEFB", "#1565C0"),  # blue
    ("#C8E6C9", "#2E7D32"),  # green
    ("#E1BEE7", "#7B1FA2"),  # purple
    ("#FFF59D", "#9E8600"),  # yellow
    ("#B2EBF2", "#00838F"),  # cyan
    ("#F8BBD0", "#AD1457"),  # pink
    ("#FFCCBC", "#BF360C"),  # deep orange
    ("#DCEDC8", "#558B2F"),  # light green
    ("#D1C4E9", "#4527A0"),  # deep purple
    ("#CFD8DC", "#455A64"),  # blue grey
    ("#F0F4C3", "#827717"),  # lime
]

def framework_rules(name: str | None = None):
    """The framework's data (``QA_FRAMEWORK`` or the default): agency names and roles."""
    import os

    from qa_assistant.checks.packs import cached_framework

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


def status_style(status: str) -> StatusStyle:
    return STATUS_STYLE.get(status, STATUS_STYLE["missing"])


def status_text(status: str) -> str:
    """Icon and word, e.g. ``"✘ Missing"`` (what a table cell or screen reader shows)."""
    s = status_style(status)
    return f"{s.icon} {s.label}"


def concern_tint(index: int) -> tuple[str, str]:
    return CONCERN_TINTS[index % len(CONCERN_TINTS)]


def owner_label(owner: str) -> str:
    return framework_rules().agency_display.get(owner) or owner.replace("_", " ").capitalize()
