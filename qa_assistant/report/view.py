"""The report's words and numbers, built once from a ``SampleReport`` and shared by the .docx,
.html and .md renderers (so the three say the same thing). Draft text (quotes, file names,
service names) is kept raw here; each renderer escapes it for its format."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from qa_assistant.checks.owners import owner_label
from qa_assistant.report.build import SampleReport
from qa_assistant.report.charts import ONE_COLOUR, STATUS_COLOURS, bar_chart

TITLE = "Learning reviews: findings from the sample"


def reviews(n: int) -> str:
    return f"{n} review" if n == 1 else f"{n} reviews"


def of(x: int, n: int) -> str:
    return f"{x} of {n}"


def text_bar(x: float, n: float, width: int = 20) -> str:
    filled = round(width * x / n) if n else 0
    return "█" * filled + "░" * (width - filled)


def pct(x: float, n: float) -> int:
    return round(100 * x / n) if n else 0


MAX_LISTED = 40  # names listed in one sentence; the rest are counted
MAX_BARS = 30  # bars in one chart (the table beside or below it has every row)


def counts_text(counter, label=lambda k: k) -> str:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
    text = "; ".join(f"{label(k)} ({v})" for k, v in items[:MAX_LISTED]) or "none"
    if len(items) > MAX_LISTED:
        text += f"; and {len(items) - MAX_LISTED} more"
    return text


def listed(names: list[str]) -> list[str]:
    if len(names) <= MAX_LISTED:
        return names
    return [*names[:MAX_LISTED], f"and {len(names) - MAX_LISTED} more"]


@dataclass
class Chart:
    title: str
    png: bytes
    rows: list[tuple[str, str]]  # the numbers beside it: (label, value)
    alt: str

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class QuoteView:
    text: str
    review: str
    section: str


@dataclass
class ConcernView:
    id: str
    title: str
    headline: str
    met: int
    partial: int
    missing: int
    n: int
    bar: str
    percent: int
    needs_review: str
    best: QuoteView | None
    best_note: str
    weakest: QuoteView | None
    weakest_note: str
    lacked: list[str]
    advice: str


@dataclass
class GroupTable:
    title: str
    key: str
    rows: list[list[str]]
    chart: Chart | None


@dataclass
class ThemeView:
    title: str
    headline: str
    reviews: list[str]
    quotes: list[QuoteView]
    words: str


@dataclass
class ReportView:
    title: str
    generated: str
    intro: str
    sample: list[tuple[str, str]]  # (what, value)
    unreadable: list[tuple[str, str]]
    unreadable_more: int
    concerns: list[ConcernView]
    concern_chart: Chart | None
    actions: list[str]
    owner_chart: Chart | None
    groups: list[GroupTable]
    themes: list[ThemeView]
    themes_note: str
    theme_chart: Chart | None
    notes: list[str] = field(default_factory=list)


def _display(prefix: str, source: str) -> str:
    if prefix and source.startswith(prefix):
        return source[len(prefix):].lstrip("/\\") or source
    return source


def build_view(rep: SampleReport) -> ReportView:
    n = rep.n
    prefix = rep.prefix
    name = lambda s: _display(prefix, s)  # noqa: E731
    sample = [
        ("Reviews checked", f"{n}" + (f" (of {rep.files} files)" if rep.files != n else "")),
        ("Files that could not be read", str(rep.unreadable_count)),
        ("Services", f"{len(rep.services)}: " + counts_text(rep.services)),
        ("Periods (year of the review)", counts_text(rep.periods)),
        ("Incident types", counts_text(rep.incident_types, lambda k: k.replace("_", " "))),
        ("About looked-after children", of(rep.looked_after, n)),
        ("Formats", counts_text(rep.formats, lambda k: f".{k}")),
        ("Average score", f"{rep.mean_score:g}/100" if rep.mean_score is not None else "—"),
    ]
    if rep.not_reviews:
        sample.append(("Did not read as a learning review (no score)", of(rep.not_reviews, n)))
    intro = (
        f"This report sets out what the QA assistant found in {reviews(n)} "
        f"from {len(rep.services)} service(s). Each review was judged against "
        f"{len(rep.concerns)} concerns from the inspectorate's findings as met, partly met or "
        "missing; the counts below are the tool's judgements, not an inspector's, and every "
        "quote is the review's own words."
    )
    concerns = []
    for c in rep.concerns:
        total = c.total
        headline = (
            f"{c.met} of {total} reviews met this concern; {c.partial} partly and "
            f"{c.missing} not at all."
        )
        best = weak = None
        best_note = weak_note = ""
        if c.best:
            best = QuoteView(c.best.quote, name(c.best.review), c.best.section)
            best_note = "met" if c.best.status == "met" else "the strongest, though only partly met"
        if c.weakest:
            if c.weakest.quote:
                weak = QuoteView(c.weakest.quote, name(c.weakest.review), c.weakest.section)
            weak_note = (
                f"{c.weakest.status}" if c.weakest.quote
                else f"{c.weakest.status}: nothing in {name(c.weakest.review)} addresses it"
            )
        lacked = [
            f"{reason} ({of(k, c.gaps)} reviews with a gap)"
            for reason, k in sorted(c.lacked.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        ]
        concerns.append(
            ConcernView(
                c.id, c.title, headline, c.met, c.partial, c.missing, total,
                text_bar(c.met, total), pct(c.met, total),
                f"{c.needs_review} of {total} judgements need a person to check "
                "(the rules and the model disagreed)." if c.needs_review else "",
                best, best_note, weak, weak_note, lacked, c.advice,
            )
        )
    concern_chart = None
    if rep.concerns:
        concern_chart = Chart(
            "How many reviews met each concern",
            bar_chart(
                [(c.title, [c.met, c.partial, c.missing]) for c in rep.concerns],
                STATUS_COLOURS,
                maximum=max((c.total for c in rep.concerns), default=1),
                legend=("met", "partly", "missing"),
                value_format="{:.0f}",
            ),
            [(c.title, f"met {c.met}, partly {c.partial}, missing {c.missing} (of {c.total})")
             for c in rep.concerns],
            "Stacked bars: reviews meeting, partly meeting and missing each concern",
        )
    a = rep.actions
    actions = [
        f"{of(a.reviews_with_plan, n)} reviews had an action plan; {a.no_plan} had none.",
        f"Actions only for the YOT in {of(a.yot_only, n)} reviews.",
        f"Of the {a.total} actions read, {a.owned} had an owner, {a.dated} a date and "
        f"{a.owned_and_dated} both; {a.specific} were specific.",
        f"{a.looked_after_corporate} of the {reviews(a.looked_after)} about looked-after "
        "children gave the corporate parent (children's social care or the local authority) "
        "an action.",
    ]
    owners = sorted(a.owners.items(), key=lambda kv: (-kv[1], kv[0]))
    owner_chart = None
    if owners:
        owner_chart = Chart(
            "Reviews with at least one action for each agency",
            bar_chart([(owner_label(o), [k]) for o, k in owners], ONE_COLOUR, maximum=n),
            [(owner_label(o), of(k, n)) for o, k in owners],
            "Bars: number of reviews giving each agency an action",
        )
    groups = []
    for title, key, items in (
        ("By service", "Service", rep.by_service),
        ("By period", "Year of the review", rep.by_period),
    ):
        if not items:
            continue
        rows = [
            [g.name, str(g.n), f"{g.mean_score:g}" if g.mean_score is not None else "—",
             f"{g.mean_gaps:g}", of(g.yot_only, g.n)]
            for g in items
        ]
        shown = sorted(items, key=lambda g: -g.n)[:MAX_BARS]
        shown.sort(key=lambda g: g.name)
        more = f" (the {MAX_BARS} largest)" if len(items) > MAX_BARS else ""
        chart = Chart(
            f"Average score {title.lower()}{more}",
            bar_chart([(g.name, [g.mean_score or 0]) for g in shown], ONE_COLOUR, maximum=100,
                      value_format="{:.1f}"),
            [(g.name, f"{g.mean_score:g}/100 over {reviews(g.n)}" if g.mean_score is not None
              else f"no score over {reviews(g.n)}") for g in shown],
            f"Bars: average score {title.lower()}",
        )
        groups.append(GroupTable(title, key, rows, chart))
    themes = [
        ThemeView(
            t.title,
            f"In {of(t.count, n)} reviews ({t.passages} passages).",
            listed([name(r) for r in t.reviews]),
            [QuoteView(q.text, name(q.review), q.section) for q in t.quotes],
            ", ".join(t.topic_words),
        )
        for t in rep.themes
    ]
    theme_chart = None
    if rep.themes:
        theme_chart = Chart(
            "Reviews sharing each learning theme",
            bar_chart([(t.title, [t.count]) for t in rep.themes], ONE_COLOUR, maximum=n),
            [(t.title, of(t.count, n)) for t in rep.themes],
            "Bars: number of reviews in which each learning theme recurs",
        )
    themes_note = (
        f"Found in {rep.passages} findings and recommendation passages with a topic model "
        "(TF-IDF and non-negative matrix factorisation), each topic named from the curated "
        "theme list (the framework's themes.yaml); a theme is shown when at least two reviews "
        "share it."
    )
    return ReportView(
        TITLE, rep.generated, intro, sample,
        [(name(s), e) for s, e in rep.unreadable], rep.unreadable_count - len(rep.unreadable),
        concerns, concern_chart, actions, owner_chart, groups, themes, themes_note, theme_chart,
        ["Produced offline by the QA assistant. This report quotes the reviews: handle and "
         "store it as you would the reviews themselves."],
    )
