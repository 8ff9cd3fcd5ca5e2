"""A sample of drafts: one row per draft, counts per concern, and who owns the actions.

Works on ``Entry`` objects (results in memory) so that the app can open any row's full view.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from qa_assistant.checks.owners import OWNER_LABELS, owner_label, reviewing_agency
from qa_assistant.result.status import status_text
from qa_assistant.ui.uploads import Entry

DRAFT_COL = "Draft"


def concern_titles(entries: list[Entry]) -> dict[str, str]:
    """Concern id -> title, in checklist order, from the first checked draft."""
    for e in entries:
        if e.result is not None:
            return {cid: c.title for cid, c in e.result.concerns.items()}
    return {}


def sample_rows(entries: list[Entry]) -> list[dict]:
    """One row per checked draft: score, gaps, a status column per concern, flags."""
    titles = concern_titles(entries)
    rows = []
    for e in entries:
        r = e.result
        if r is None:
            continue
        row: dict = {DRAFT_COL: e.name, "Score": r.score, "Gaps": len(r.gaps)}
        for cid, title in titles.items():
            c = r.concerns.get(cid)
            row[title] = status_text(c.status) if c else ""
        row["Flags"] = "; ".join(r.flags)
        row["Looked after"] = "yes" if r.facts.get("looked_after") else "no"
        row["Action owners"] = ", ".join(
            owner_label(o) for o in sorted({o for a in r.actions for o in a.owners})
        )
        rows.append(row)
    return rows


def error_rows(entries: list[Entry]) -> list[dict]:
    return [{"File": e.name, "Problem": e.error or ""} for e in entries if e.result is None]


@dataclass(frozen=True)
class ConcernCount:
    concern: str
    title: str
    met: int
    partial: int
    missing: int

    @property
    def total(self) -> int:
        return self.met + self.partial + self.missing

    def sentence(self) -> str:
        noun = "review" if self.total == 1 else "reviews"
        return f"{self.met} of {self.total} {noun} met {self.title}"


def concern_counts(entries: list[Entry]) -> list[ConcernCount]:
    titles = concern_titles(entries)
    out = []
    for cid, title in titles.items():
        n = Counter(
            e.result.concerns[cid].status
            for e in entries
            if e.result is not None and cid in e.result.concerns
        )
        out.append(ConcernCount(cid, title, n["met"], n["partial"], n["missing"]))
    return out


def owner_distribution(entries: list[Entry]) -> dict[str, int]:
    """Number of drafts with at least one action owned by each agency (plus no plan at all)."""
    counts: Counter[str] = Counter()
    no_plan = 0
    for e in entries:
        if e.result is None:
            continue
        owners = {o for a in e.result.actions for o in a.owners}
        if not e.result.actions:
            no_plan += 1
        counts.update(owners)
    out = {owner_label(o): counts[o] for o in OWNER_LABELS if counts[o]}
    out.update({owner_label(o): n for o, n in counts.items() if o not in OWNER_LABELS})
    if no_plan:
        out["No action plan"] = no_plan
    return out


def yot_only_count(entries: list[Entry]) -> int:
    """Drafts whose action plan exists and is owned only by the YOT."""
    n = 0
    for e in entries:
        r = e.result
        own = reviewing_agency(r) if r is not None else ""
        if r is not None and r.actions and {o for a in r.actions for o in a.owners} <= {own}:
            n += 1
    return n


def filter_entries(
    entries: list[Entry], gap_in: str | None = None, flagged_only: bool = False
) -> list[Entry]:
    """Checked drafts, optionally only those with a gap in one concern and/or with flags."""
    out = []
    for e in entries:
        r = e.result
        if r is None:
            continue
        if gap_in and not (gap_in in r.concerns and r.concerns[gap_in].is_gap):
            continue
        if flagged_only and not r.flags:
            continue
        out.append(e)
    return out


def records(entries: list[Entry]) -> list[dict]:
    """JSON records for CSV/XLSX export (render.table), errors included; with the service and
    period of each review (issue 12)."""
    return list(report_records_plain(entries))


# -- issue 12: the inspector's sample report and the long export --------------------------------
def report_records(entries: list[Entry]):
    """The batch records of the sample, with what the report needs (service, period and the
    learning passages), one at a time; everything stays in memory."""
    from qa_assistant.report.sample import learning_passages, sample_info

    for e in entries:
        rec = e.record()
        if e.result is not None:
            rec["sample"] = sample_info(e.result, e.name)
            rec["passages"] = learning_passages(e.result)
        yield rec


def sample_report(entries: list[Entry], suffix: str) -> bytes:
    """The findings report of the sample in the report format of ``suffix`` (.docx, .html or
    .md, ``render.formats``), as bytes: never written to disk."""
    from qa_assistant.report.build import build_report
    from qa_assistant.report.render import render_report
    from qa_assistant.report.view import build_view

    return render_report(build_view(build_report(report_records(entries))), suffix)


def sample_table(entries: list[Entry], name: str) -> bytes:
    """The sample's records in the registered sample format ``name`` ("csv", "xlsx",
    "long_csv": ``render.formats``), as bytes: never written to disk."""
    from qa_assistant.render.formats import SAMPLE, as_bytes, get

    return as_bytes(get(SAMPLE, name).render(records(entries)))


def report_records_plain(entries: list[Entry]):
    from qa_assistant.report.sample import sample_info

    for e in entries:
        rec = e.record()
        if e.result is not None:
            rec["sample"] = sample_info(e.result, e.name)
        yield rec
