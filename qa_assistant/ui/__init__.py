"""The app's own logic, testable without Streamlit: sample aggregation, charts, alerts, exports
and in-memory uploads. The HTML it shows (checklist cards, the highlighted draft, the reviewer's
panels) is built in ``qa_assistant.render``, shared with the HTML report; ``app.py`` only lays
these out."""

from qa_assistant.ui.sample import concern_counts, owner_distribution, sample_rows
from qa_assistant.ui.uploads import Entry, Upload, check_upload, check_uploads, expand_uploads

__all__ = [
    "Entry",
    "Upload",
    "check_upload",
    "check_uploads",
    "concern_counts",
    "expand_uploads",
    "owner_distribution",
    "sample_rows",
]
