"""Charts for a sample (Altair specs; no data leaves the page). Every chart has a text twin in
the app (the "N of M reviews met X" list and the owner counts), so nothing relies on colour."""

from __future__ import annotations

import altair as alt
import pandas as pd

from qa_assistant.result.status import STATUS_STYLE, STATUSES
from qa_assistant.ui.sample import ConcernCount


def concern_chart(counts: list[ConcernCount]) -> alt.Chart:
    """Stacked horizontal bars: drafts met / partly met / missing, per concern, checklist order."""
    rows = [
        {
            "Concern": c.title,
            "Status": STATUS_STYLE[s].label,
            "Drafts": getattr(c, s),
            "order": i,
        }
        for c in counts
        for i, s in enumerate(STATUSES)
    ]
    df = pd.DataFrame(rows)
    labels = [STATUS_STYLE[s].label for s in STATUSES]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y(
                "Concern:N",
                sort=[c.title for c in counts],
                title=None,
                axis=alt.Axis(labelLimit=320),
            ),
            x=alt.X("sum(Drafts):Q", title="Drafts", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "Status:N",
                scale=alt.Scale(domain=labels, range=[STATUS_STYLE[s].border for s in STATUSES]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            order=alt.Order("order:Q"),
            tooltip=["Concern", "Status", "Drafts"],
        )
        .properties(height=max(160, 26 * len(counts)))
    )


def owner_chart(owners: dict[str, int]) -> alt.Chart:
    """Horizontal bars: drafts with at least one action owned by each agency."""
    df = pd.DataFrame({"Owner": list(owners), "Drafts": list(owners.values())})
    return (
        alt.Chart(df)
        .mark_bar(color="#1565C0")
        .encode(
            y=alt.Y("Owner:N", sort=list(owners), title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X(
                "Drafts:Q",
                title="Drafts with at least one action owned by",
                axis=alt.Axis(tickMinStep=1),
            ),
            tooltip=["Owner", "Drafts"],
        )
        .properties(height=max(80, 26 * len(owners)))
    )
