"""The one status type: the values a concern can take, their order, icon, word and colours.

Every view (terminal, Markdown, HTML, the annotated DOCX, the app, the sample report, QA records)
reads status from here, so "✘ Missing" looks and sorts the same everywhere. Status is never shown
by colour alone: each carries an icon and a word. Text is near-black on light tints (contrast
well above WCAG AA's 4.5:1).
"""

from __future__ import annotations

from dataclasses import dataclass

MET, PARTIAL, MISSING = "met", "partial", "missing"
# Best first: the order of model classes, label files, metrics and chart segments.
STATUSES = (MET, PARTIAL, MISSING)
# Worst first: the order gaps are listed in.
STATUSES_WORST_FIRST = (MISSING, PARTIAL, MET)
STATUS_ORDER = {s: rank for rank, s in enumerate(STATUSES_WORST_FIRST)}


@dataclass(frozen=True)
class StatusStyle:
    icon: str
    label: str  # a word or two, shown next to the icon
    fg: str  # text colour
    bg: str  # tint
    border: str  # edge colour; also the status's colour in charts
    ansi: str  # terminal colour


STATUS_STYLE = {
    MET: StatusStyle("✔", "Met", "#1B4D2B", "#E6F4EA", "#2E7D32", "\033[32m"),
    PARTIAL: StatusStyle("◐", "Partly met", "#6B3A00", "#FFF3DC", "#B26A00", "\033[33m"),
    MISSING: StatusStyle("✘", "Missing", "#8A1C1C", "#FDECEC", "#C62828", "\033[31m"),
}
STATUS_ICON = {s: style.icon for s, style in STATUS_STYLE.items()}


def status_rank(status: str) -> int:
    """Sort key, worst first; an unknown status sorts with the worst rather than failing."""
    return STATUS_ORDER.get(status, 0)


def status_style(status: str) -> StatusStyle:
    return STATUS_STYLE.get(status, STATUS_STYLE[MISSING])


def status_text(status: str) -> str:
    """Icon and word, e.g. ``"✘ Missing"`` (what a table cell or screen reader shows)."""
    s = status_style(status)
    return f"{s.icon} {s.label}"
