"""The draft as HTML, section by section, with each concern's evidence highlighted.

Every piece of draft text passes through ``render.escape.html_text``: a draft is untrusted input
and may contain markup; it is shown literally and never becomes a tag, link or image.
Highlights are ``<mark>`` elements tinted per concern, with a ``title`` and ``aria-label``
naming the concern and its status, and a visible numbered tag matching the legend, so nothing
depends on colour alone. Evidence of a concern that is a gap is underlined with a
dashed line; each section heading lists the gaps found there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from qa_assistant.document.text import normalise
from qa_assistant.render.escape import html_text
from qa_assistant.result.model import ConcernResult, DraftResult
from qa_assistant.result.status import status_rank, status_style, status_text

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


def concern_tint(index: int) -> tuple[str, str]:
    """The highlight tint and edge colour of the concern at ``index`` in checklist order."""
    return CONCERN_TINTS[index % len(CONCERN_TINTS)]


CSS = """
.qa-draft{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
 line-height:1.6;font-size:0.95rem}
.qa-draft p{margin:0 0 .6em 0}
.qa-sec{border-left:3px solid #d0d7de;padding:.1em 0 .2em .8em;margin:0 0 1em 0}
.qa-sec.qa-sec-gap{border-left-color:#C62828}
.qa-sec-h{font-weight:650;margin:.2em 0 .4em 0;color:#111}
.qa-sec-h1{font-size:1.15rem}.qa-sec-h2{font-size:1.05rem}.qa-sec-h3{font-size:1rem}
.qa-sec details>summary{cursor:pointer;color:#444}
.qa-badges{display:flex;flex-wrap:wrap;align-items:center;gap:.3em;margin:0 0 .5em 0}
.qa-badges-label{font-size:.78rem;color:#444;font-weight:600}
.qa-badge{display:inline-block;font-size:.78rem;line-height:1.3;padding:.1em .5em;
 border-radius:.8em;border:1px solid;font-weight:600}
.qa-mark{color:#111;padding:0 .1em;border-radius:2px;border-bottom:2px solid}
.qa-mark.qa-gapmark{border-bottom-style:dashed}
.qa-tag{font-size:.7rem;font-weight:700;color:#111;background:#fff;border:1px solid #666;
 border-radius:.6em;padding:0 .3em;margin-left:.15em;vertical-align:super;line-height:1}
.qa-legend{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.2em .8em;
 margin:0 0 .8em 0;font-size:.78rem;line-height:1.35;color:#222}
.qa-legend-item{display:flex;align-items:baseline;gap:.35em}
.qa-legend-key{grid-column:1/-1;color:#444}
.qa-legend-box{margin:0 0 .8em 0;font-size:.85rem}
.qa-legend-box summary{cursor:pointer;color:#0b57d0;margin-bottom:.3em}
.qa-swatch{display:inline-block;min-width:1.5em;text-align:center;font-weight:700;
 font-size:.75rem;border-radius:3px;border-bottom:2px solid;color:#111}
.qa-draft table{border-collapse:collapse;margin:.3em 0 .8em 0;width:100%;font-size:.9rem}
.qa-draft th,.qa-draft td{border:1px solid #c9ced4;padding:.3em .5em;vertical-align:top;
 text-align:left}
.qa-draft th{background:#f3f5f7}
.qa-draft ul{margin:0 0 .6em 1.2em;padding:0}
.qa-note{font-size:.85rem;color:#333;background:#f6f8fa;border:1px solid #d0d7de;
 border-radius:6px;padding:.5em .8em;margin:0 0 1em 0}
.qa-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
 white-space:nowrap}
.qa-jump a{color:#0b57d0}
"""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    concern: str
    index: int  # the evidence's position in its concern's list
    gap: bool  # the concern is a gap (partial/missing), or the evidence is negated


@dataclass
class Section:
    heading: object | None  # the heading Block, or None for text before the first heading
    blocks: list = field(default_factory=list)
    number: int = 0

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else "Start of the draft"

    @property
    def start(self) -> int:
        first = self.heading if self.heading is not None else (self.blocks or [None])[0]
        return first.start if first is not None else 0

    @property
    def end(self) -> int:
        last = self.blocks[-1] if self.blocks else self.heading
        return last.end if last is not None else 0


def concern_numbers(result: DraftResult) -> dict[str, int]:
    """1-based number of each concern, in checklist order (the legend's labels)."""
    return {cid: i for i, cid in enumerate(result.concerns, 1)}


def anchor_prefix(prefix: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", prefix).strip("-") or "qa"


def evidence_anchor(prefix: str, concern: str, index: int) -> str:
    return f"{anchor_prefix(prefix)}-ev-{concern}-{index}"


def section_anchor(prefix: str, number: int) -> str:
    return f"{anchor_prefix(prefix)}-sec-{number}"


def evidence_spans(result: DraftResult, concern: str | None = None) -> list[Span]:
    """Evidence spans of one concern, or of all, clipped to the draft text."""
    n = len(result.text)
    spans: list[Span] = []
    for cid, c in result.concerns.items():
        if concern is not None and cid != concern:
            continue
        for i, e in enumerate(c.evidence):
            start, end = max(0, e.start), min(n, e.end)
            if end > start:
                spans.append(Span(start, end, cid, i, c.is_gap or e.negated))
    return spans


def sections(result: DraftResult) -> list[Section]:
    """The draft's blocks grouped under each heading, in reading order."""
    out: list[Section] = []
    current = Section(None, [], 0)
    for block in result.blocks:
        if block.kind == "heading":
            if current.heading is not None or current.blocks:
                out.append(current)
            current = Section(block, [], len(out) + 1)
        else:
            current.blocks.append(block)
    if current.heading is not None or current.blocks:
        out.append(current)
    for i, s in enumerate(out, 1):
        s.number = i
    return out


def section_of(result: DraftResult, secs: list[Section], offset: int) -> Section | None:
    starts = [s.start for s in secs]
    i = bisect_right(starts, offset) - 1
    return secs[i] if 0 <= i < len(secs) else None


def gaps_by_section(result: DraftResult, secs: list[Section]) -> dict[int, list[ConcernResult]]:
    """For each section number, the gap concerns whose evidence or rule sections point there."""
    out: dict[int, list[ConcernResult]] = {s.number: [] for s in secs}
    by_title: dict[str, list[Section]] = {}
    for s in secs:
        if s.heading is not None:
            by_title.setdefault(normalise(s.title), []).append(s)
    for c in result.gaps:
        hit: set[int] = set()
        for e in c.evidence:
            s = section_of(result, secs, e.start)
            if s is not None:
                hit.add(s.number)
        for name in c.explanation.sections:
            for s in by_title.get(normalise(name), []):
                hit.add(s.number)
        for number in hit:
            out[number].append(c)
    for number in out:
        out[number].sort(key=lambda c: (status_rank(c.status), c.id))
    return out


def unplaced_gaps(result: DraftResult) -> list[ConcernResult]:
    """Gap concerns with no evidence and no section: nothing in the draft addresses them."""
    return [c for c in result.gaps if not c.evidence and not c.explanation.sections]


# -- rendering ---------------------------------------------------------------------------
class _Painter:
    def __init__(self, result: DraftResult, spans: list[Span], prefix: str) -> None:
        self.result = result
        self.text = result.text
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.numbers = concern_numbers(result)
        self.order = {cid: i for i, cid in enumerate(result.concerns)}
        self.prefix = prefix
        self.anchored: set[tuple[str, int]] = set()

    def _label(self, cids: list[str], spans: list[Span]) -> str:
        parts = []
        for cid in cids:
            c = self.result.concerns[cid]
            kind = "gap" if any(s.gap for s in spans if s.concern == cid) else "evidence"
            parts.append(f"{self.numbers[cid]}. {c.title}: {status_text(c.status)} ({kind})")
        return "Evidence for " + "; ".join(parts)

    def paint(self, start: int, end: int) -> str:
        """Escaped HTML of text[start:end] with the spans that overlap it."""
        active = [s for s in self.spans if s.start < end and s.end > start]
        if not active:
            return html_text(self.text[start:end])
        cuts = {start, end}
        for s in active:
            cuts.add(max(start, s.start))
            cuts.add(min(end, s.end))
        points = sorted(cuts)
        out: list[str] = []
        for a, b in zip(points, points[1:], strict=False):
            if b <= a:
                continue
            here = [s for s in active if s.start < b and s.end > a]
            # anchors for evidence starting here (jump targets)
            for s in here:
                key = (s.concern, s.index)
                if s.start >= a and key not in self.anchored:
                    self.anchored.add(key)
                    anchor = evidence_anchor(self.prefix, s.concern, s.index)
                    out.append(f'<span id="{html_text(anchor)}"></span>')
            chunk = html_text(self.text[a:b])
            if not here:
                out.append(chunk)
                continue
            cids = sorted({s.concern for s in here}, key=self.order.__getitem__)
            tint, edge = concern_tint(self.order[cids[0]])
            gap = all(s.gap for s in here)
            label = html_text(self._label(cids, here))
            cls = "qa-mark qa-gapmark" if gap else "qa-mark"
            out.append(
                f'<mark class="{cls}" data-concerns="{html_text(" ".join(cids))}" '
                f'style="background:{tint};border-bottom-color:{edge}" '
                f'title="{label}" aria-label="{label}">{chunk}</mark>'
            )
            ending = [s for s in here if s.end == b]
            if ending:
                nums = sorted({self.numbers[s.concern] for s in ending})
                out.append(
                    f'<sup class="qa-tag" aria-hidden="true">{"·".join(str(n) for n in nums)}</sup>'
                )
        return "".join(out)

    def block(self, block) -> str:
        if block.kind != "table_row" or not block.cells:
            return self.paint(block.start, block.end)
        return self.row_cells(block)

    def row_cells(self, block, header: bool = False) -> str:
        tag = "th" if header else "td"
        cells = []
        pos = block.start
        for cell in block.cells:
            if not cell:
                cells.append(f"<{tag}></{tag}>")
                continue
            cells.append(f"<{tag}>{self.paint(pos, min(pos + len(cell), block.end))}</{tag}>")
            pos += len(cell) + 3  # " | "
        return "<tr>" + "".join(cells) + "</tr>"


def _render_blocks(painter: _Painter, blocks: list) -> str:
    out: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "table_row":
            j = i
            rows = []
            while (
                j < len(blocks)
                and blocks[j].kind == "table_row"
                and blocks[j].location.table == b.location.table
            ):
                r = blocks[j]
                is_header = (
                    j == i and bool(r.table_header) and tuple(r.cells) == tuple(r.table_header)
                )
                if r.cells:
                    rows.append(painter.row_cells(r, header=is_header))
                else:
                    rows.append(f"<tr><td>{painter.paint(r.start, r.end)}</td></tr>")
                j += 1
            out.append("<table>" + "".join(rows) + "</table>")
            i = j
        elif b.kind == "list_item":
            j = i
            items = []
            while j < len(blocks) and blocks[j].kind == "list_item":
                items.append(f"<li>{painter.paint(blocks[j].start, blocks[j].end)}</li>")
                j += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            i = j
        else:
            out.append(f"<p>{painter.paint(b.start, b.end)}</p>")
            i += 1
    return "".join(out)


def badge_html(c: ConcernResult) -> str:
    st = status_style(c.status)
    text = f"{st.icon} {c.title}: {st.label}"
    return (
        f'<span class="qa-badge" data-concern="{html_text(c.id)}" '
        f'style="color:{st.fg};background:{st.bg};border-color:{st.border}">'
        f"{html_text(text)}</span>"
    )


def legend_html(result: DraftResult, concern: str | None = None, collapsed: bool = False) -> str:
    numbers = concern_numbers(result)
    items = []
    for i, (cid, c) in enumerate(result.concerns.items()):
        if concern is not None and cid != concern:
            continue
        tint, edge = concern_tint(i)
        st = status_style(c.status)
        items.append(
            f'<span class="qa-legend-item" role="listitem"><span class="qa-swatch" '
            f'style="background:{tint};border-bottom-color:{edge}" aria-hidden="true">'
            f"{numbers[cid]}</span><span>{html_text(c.title)} "
            f'<span style="color:{st.fg}" title="{html_text(st.label)}" '
            f'aria-label="{html_text(st.label)}">{st.icon}</span></span></span>'
        )
    legend = (
        '<div class="qa-legend" role="list" aria-label="Highlight colours by concern">'
        + "".join(items)
        + '<span class="qa-legend-key">Numbers after a passage name its concerns; a dashed '
        "underline marks evidence of a concern that is a gap.</span></div>"
    )
    if collapsed:
        return (
            '<details class="qa-legend-box"><summary>Key to the highlights (numbered as in the '
            f"checklist)</summary>{legend}</details>"
        )
    return legend


def draft_html(
    result: DraftResult,
    concern: str | None = None,
    prefix: str = "qa",
    include_css: bool = True,
    legend: str | None = "open",
) -> str:
    """The whole draft, section by section, highlighted (for all concerns or just one)."""
    if concern is not None and concern not in result.concerns:
        raise KeyError(f"unknown concern '{concern}'")
    painter = _Painter(result, evidence_spans(result, concern), prefix)
    secs = sections(result)
    gaps = gaps_by_section(result, secs)
    out: list[str] = []
    if include_css:
        out.append(f"<style>{CSS}</style>")
    out.append(f'<div class="qa-draft" data-draft="{html_text(result.source)}">')
    if legend:
        out.append(legend_html(result, concern, collapsed=legend == "closed"))
    nowhere = [c for c in unplaced_gaps(result) if concern is None or c.id == concern]
    if nowhere:
        out.append(
            '<div class="qa-note"><strong>Not addressed anywhere in the draft:</strong> '
            + " ".join(badge_html(c) for c in nowhere)
            + "</div>"
        )
    for s in secs:
        here = [c for c in gaps[s.number] if concern is None or c.id == concern]
        has_evidence = any(sp.start < s.end and sp.end > s.start for sp in painter.spans)
        level = min(max(getattr(s.heading, "level", 1) or 1, 1), 3)
        cls = "qa-sec qa-sec-gap" if here else "qa-sec"
        out.append(
            f'<section class="{cls}" id="{section_anchor(prefix, s.number)}" '
            f'aria-label="Section: {html_text(s.title)}">'
        )
        heading = (
            painter.paint(s.heading.start, s.heading.end)
            if s.heading is not None
            else "<em>Start of the draft</em>"
        )
        badges = (
            '<div class="qa-badges"><span class="qa-badges-label">Gaps in this section:</span>'
            + "".join(badge_html(c) for c in here)
            + "</div>"
            if here
            else ""
        )
        body = _render_blocks(painter, s.blocks)
        if concern is not None and not has_evidence and not here:
            out.append(
                f'<details><summary class="qa-sec-h qa-sec-h{level}">{heading} '
                f'<span class="qa-sr">(</span><small>no evidence for this concern</small>'
                f'<span class="qa-sr">)</span></summary>{body}</details>'
            )
        else:
            out.append(
                f'<div class="qa-sec-h qa-sec-h{level}" role="heading" '
                f'aria-level="{level + 2}">{heading}</div>{badges}{body}'
            )
        out.append("</section>")
    out.append("</div>")
    return "".join(out)


@dataclass(frozen=True)
class EvidenceLink:
    concern: str
    index: int
    anchor: str
    text: str
    section: str
    gap: bool


def evidence_links(result: DraftResult, concern: str, prefix: str = "qa") -> list[EvidenceLink]:
    """One jump link per evidence passage of a concern (anchors made by ``draft_html``)."""
    c = result.concerns[concern]
    return [
        EvidenceLink(
            concern,
            i,
            evidence_anchor(prefix, concern, i),
            e.text,
            e.section,
            c.is_gap or e.negated,
        )
        for i, e in enumerate(c.evidence)
        if e.end > e.start
    ]


def evidence_links_html(result: DraftResult, concern: str, prefix: str = "qa") -> str:
    links = evidence_links(result, concern, prefix)
    c = result.concerns[concern]
    if not links:
        return (
            f'<p class="qa-jump">No passage in the draft was found for '
            f"<strong>{html_text(c.title)}</strong>.</p>"
        )
    items = []
    for n, link in enumerate(links, 1):
        quote = link.text if len(link.text) <= 160 else link.text[:157] + "…"
        where = f" <small>({html_text(link.section)})</small>" if link.section else ""
        items.append(
            f'<li><a href="#{html_text(link.anchor)}">Passage {n}</a>{where}: '
            f"“{html_text(quote)}”</li>"
        )
    return f'<ol class="qa-jump">{"".join(items)}</ol>'
