"""The app's pure logic, testable without Streamlit: highlighting, checklist cards, the action
table, sample aggregation and in-memory uploads. ``app.py`` only lays these out."""

from qa_assistant.ui.checklist import (
    action_rows,
    checklist_html,
    ordered_concerns,
    yot_only_warning,
)
from qa_assistant.ui.highlight import draft_html, evidence_links, evidence_links_html, legend_html
from qa_assistant.ui.sample import concern_counts, owner_distribution, sample_rows
from qa_assistant.ui.uploads import Entry, Upload, check_upload, check_uploads, expand_uploads

__all__ = [
    "Entry",
    "Upload",
    "action_rows",
    "check_upload",
    "check_uploads",
    "checklist_html",
    "concern_counts",
    "draft_html",
    "evidence_links",
    "evidence_links_html",
    "expand_uploads",
    "legend_html",
    "ordered_concerns",
    "owner_distribution",
    "sample_rows",
    "yot_only_warning",
]
