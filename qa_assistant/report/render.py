"""The sample report as .html (Jinja2, autoescaped, no network loads), .docx (python-docx, the
charts embedded as pictures) and .md (every piece of draft text Markdown-escaped)."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from qa_assistant.render.escape import md_text
from qa_assistant.render.html import CSP
from qa_assistant.report.view import Chart, ReportView


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader

    return Environment(
        loader=PackageLoader("qa_assistant.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _chart_html(c: Chart) -> Markup:
    from markupsafe import escape

    rows = "".join(f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in c.rows)
    return Markup(
        f'<figure class="chart"><img src="{escape(c.data_uri)}" alt="{escape(c.alt)}">'
        f'<table><caption>{escape(c.title)}</caption>{rows}</table></figure>'
    )


def to_html(view: ReportView) -> str:
    return _env().get_template("report.html.j2").render(v=view, csp=Markup(CSP), chart=_chart_html)


# -- Word ----------------------------------------------------------------------------------
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _w(text: object) -> str:
    """Text Word can hold (control characters a draft or file name may carry are dropped)."""
    return _XML_ILLEGAL.sub("", str(text))


def to_docx(view: ReportView) -> bytes:
    from docx import Document
    from docx.shared import Inches, Pt, RGBColor

    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(_w(view.title), 0)
    meta = doc.add_paragraph(f"Generated {view.generated} by the QA assistant, offline.")
    meta.runs[0].italic = True
    doc.add_paragraph(_w(view.intro))

    def table(rows: list[list[str]], header: list[str] | None = None) -> None:
        cols = len(header or rows[0])
        t = doc.add_table(rows=0, cols=cols)
        t.style = "Table Grid"
        if header:
            cells = t.add_row().cells
            for cell, h in zip(cells, header):
                cell.text = _w(h)
                for r in cell.paragraphs[0].runs:
                    r.bold = True
        for row in rows:
            cells = t.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = _w(value)

    def chart(c: Chart | None) -> None:
        if c is None:
            return
        doc.add_paragraph(_w(c.title)).runs[0].bold = True
        doc.add_picture(io.BytesIO(c.png), width=Inches(6.2))
        table([[k, v] for k, v in c.rows])

    def quote(label: str, q, colour: RGBColor) -> None:
        doc.add_paragraph(label)
        p = doc.add_paragraph(style="Quote")
        run = p.add_run(f"“{_w(q.text)}”")
        run.font.color.rgb = colour
        where = q.review + (f", section “{q.section}”" if q.section else "")
        p.add_run("\n— " + _w(where)).italic = True

    doc.add_heading("The sample", 1)
    table([[k, v] for k, v in view.sample])
    if view.unreadable:
        doc.add_heading("Files that could not be read", 2)
        for s, e in view.unreadable:
            doc.add_paragraph(_w(f"{s}: {e}"), style="List Bullet")
        if view.unreadable_more:
            doc.add_paragraph(f"…and {view.unreadable_more} more.")

    doc.add_heading("What the reviews did well and where they fell short", 1)
    chart(view.concern_chart)
    for c in view.concerns:
        doc.add_heading(_w(c.title), 2)
        p = doc.add_paragraph()
        p.add_run(c.bar + "  ").font.color.rgb = RGBColor(0x2E, 0x7D, 0x32)
        p.add_run(c.headline).bold = True
        if c.needs_review:
            doc.add_paragraph(c.needs_review)
        if c.best:
            quote(f"Best example ({c.best_note}):", c.best, RGBColor(0x1A, 0x1A, 0x1A))
        if c.weakest:
            quote(f"Weakest example ({c.weakest_note}):", c.weakest, RGBColor(0x8B, 0, 0))
        elif c.weakest_note:
            doc.add_paragraph(_w(f"Weakest example ({c.weakest_note})."))
        if c.lacked:
            doc.add_paragraph("What the weaker reviews lacked:")
            for line in c.lacked:
                doc.add_paragraph(_w(line), style="List Bullet")
        if c.advice and (c.partial or c.missing):
            doc.add_paragraph(_w(f"What to add: {c.advice}")).runs[0].italic = True

    doc.add_heading("Action plans", 1)
    for s in view.actions:
        doc.add_paragraph(s, style="List Bullet")
    chart(view.owner_chart)
    for g in view.groups:
        doc.add_heading(g.title, 1)
        header = [g.key, "Reviews", "Average score", "Average gaps", "Actions only for the YOT"]
        table(g.rows, header)
        chart(g.chart)

    doc.add_heading("Recurring learning themes", 1)
    doc.add_paragraph(view.themes_note).runs[0].italic = True
    chart(view.theme_chart)
    for t in view.themes:
        doc.add_heading(_w(t.title), 2)
        p = doc.add_paragraph()
        p.add_run(t.headline).bold = True
        p.add_run(_w(" Reviews: " + ", ".join(t.reviews) + "."))
        for q in t.quotes:
            quote("", q, RGBColor(0x1A, 0x1A, 0x1A))
        if t.words:
            doc.add_paragraph(_w(f"Topic words: {t.words}")).runs[0].italic = True
    if not view.themes:
        doc.add_paragraph("No learning theme recurs in two or more reviews of this sample.")
    for note in view.notes:
        doc.add_paragraph(note).runs[0].italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# -- Markdown ------------------------------------------------------------------------------
def to_markdown(view: ReportView) -> str:
    m = md_text
    out = [f"# {m(view.title)}", "", f"_Generated {view.generated} by the QA assistant, "
           "offline._", "", m(view.intro), "", "## The sample", "", "| | |", "|---|---|"]
    out += [f"| {m(k)} | {m(v)} |" for k, v in view.sample]
    if view.unreadable:
        out += ["", "### Files that could not be read", ""]
        out += [f"- {m(s)}: {m(e)}" for s, e in view.unreadable]
        if view.unreadable_more:
            out.append(f"- …and {view.unreadable_more} more")

    def chart(c: Chart | None) -> None:
        if c is None:
            return
        out.extend(["", f"**{m(c.title)}**", "", "| | |", "|---|---|"])
        out.extend(f"| {m(k)} | {m(v)} |" for k, v in c.rows)

    def quote(q) -> None:
        where = q.review + (f", section “{q.section}”" if q.section else "")
        out.extend(["", f"> “{m(q.text)}”  ", f"> — {m(where)}"])

    out += ["", "## What the reviews did well and where they fell short"]
    chart(view.concern_chart)
    for c in view.concerns:
        out += ["", f"### {m(c.title)}", "", f"`{c.bar}` **{m(c.headline)}**"]
        if c.needs_review:
            out += ["", m(c.needs_review)]
        if c.best:
            out += ["", m(f"Best example ({c.best_note}):")]
            quote(c.best)
        if c.weakest:
            out += ["", m(f"Weakest example ({c.weakest_note}):")]
            quote(c.weakest)
        elif c.weakest_note:
            out += ["", m(f"Weakest example ({c.weakest_note}).")]
        if c.lacked:
            out += ["", "What the weaker reviews lacked:", ""] + [f"- {m(x)}" for x in c.lacked]
        if c.advice and (c.partial or c.missing):
            out += ["", f"_What to add: {m(c.advice)}_"]
    out += ["", "## Action plans", ""] + [f"- {m(s)}" for s in view.actions]
    chart(view.owner_chart)
    for g in view.groups:
        out += ["", f"## {m(g.title)}", "",
                f"| {m(g.key)} | Reviews | Average score | Average gaps | "
                "Actions only for the YOT |", "|---|---|---|---|---|"]
        out += ["| " + " | ".join(m(x) for x in r) + " |" for r in g.rows]
    out += ["", "## Recurring learning themes", "", f"_{m(view.themes_note)}_"]
    chart(view.theme_chart)
    for t in view.themes:
        out += ["", f"### {m(t.title)}", "",
                f"**{m(t.headline)}** Reviews: {m(', '.join(t.reviews))}."]
        for q in t.quotes:
            quote(q)
        if t.words:
            out += ["", f"_Topic words: {m(t.words)}_"]
    if not view.themes:
        out += ["", "No learning theme recurs in two or more reviews of this sample."]
    out += [""] + [f"_{m(n)}_" for n in view.notes]
    return "\n".join(out) + "\n"


def render_report(view: ReportView, suffix: str) -> bytes:
    """The report in the registered report format of ``suffix`` (``render.formats``)."""
    from qa_assistant.render.formats import REPORT, as_bytes, for_file

    return as_bytes(for_file(REPORT, "report" + suffix).render(view))


def write_report(view: ReportView, out: Path) -> None:
    out.write_bytes(render_report(view, out.suffix))
