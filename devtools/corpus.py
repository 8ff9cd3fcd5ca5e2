"""Render corpus sources (``<id>.src.md``) into the real document their labels name.

The same draft can become a .docx (heading styles, bold pseudo-headings or numbered bold
headings, chosen per draft from its id so the reader is exercised every way), a .pdf (reportlab,
with real tables) or a .txt (plain lines, capitals or numbers for headings). Deterministic: the
same sources give the same files.

    python -m devtools.corpus build [FOLDER]   # default sample_reports/corpus

A developer tool (it was ``qa-assistant corpus build``): PDFs need reportlab, a test extra.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from devtools import ROOT

_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class Part:
    kind: str  # heading, paragraph, bullet, number, table, bold
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None


def parse_source(text: str) -> list[Part]:
    parts: list[Part] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        nonlocal para, table
        if para:
            parts.append(Part("paragraph", " ".join(para)))
            para = []
        if table:
            parts.append(Part("table", rows=table))
            table = []

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|") and line.count("|") >= 2:
            if para:
                parts.append(Part("paragraph", " ".join(para)))
                para = []
            if not _TABLE_SEP.match(line):
                table.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if table:
            parts.append(Part("table", rows=table))
            table = []
        if not line:
            flush()
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            parts.append(Part("heading", _plain(m.group(2)), level=len(m.group(1))))
            continue
        m = re.match(r"^(\*\*|__)(.+?)\1:?$", line)
        if m:
            flush()
            parts.append(Part("bold", _plain(m.group(2))))
            continue
        m = re.match(r"^[-*•]\s+(.*)$", line)
        if m:
            flush()
            parts.append(Part("bullet", _plain(m.group(1))))
            continue
        m = re.match(r"^(\d{1,2})[.)]\s+(.*)$", line)
        if m and not para:
            flush()
            parts.append(Part("number", _plain(m.group(2)), level=int(m.group(1))))
            continue
        para.append(_plain(line))
    flush()
    return parts


def _plain(text: str) -> str:
    return re.sub(r"(\*\*|__|`)", "", text).strip()


def _variant(draft_id: str, n: int) -> int:
    return int(hashlib.sha256(draft_id.encode()).hexdigest(), 16) % n


def to_docx(parts: list[Part], draft_id: str, style: str | None = None) -> bytes:
    import docx
    from docx.shared import Pt

    style = style or ["styles", "bold", "numbered"][_variant(draft_id, 3)]
    d = docx.Document()
    d.core_properties.author = "corpus"
    d.core_properties.created = __import__("datetime").datetime(2025, 1, 1)
    d.core_properties.modified = __import__("datetime").datetime(2025, 1, 1)
    counters = [0, 0, 0]
    for p in parts:
        if p.kind == "heading":
            if style == "styles":
                d.add_heading(p.text, level=min(p.level, 3))
            else:
                text = p.text
                if style == "numbered" and p.level >= 2:
                    lvl = min(p.level, 3) - 2
                    counters[lvl] += 1
                    for k in range(lvl + 1, 3):
                        counters[k] = 0
                    num = ".".join(str(c) for c in counters[: lvl + 1])
                    text = f"{num}. {text}" if lvl == 0 else f"{num} {text}"
                para = d.add_paragraph()
                run = para.add_run(text)
                run.bold = True
                run.font.size = Pt(14 if p.level <= 1 else 12)
        elif p.kind == "bold":
            para = d.add_paragraph()
            para.add_run(p.text).bold = True
        elif p.kind == "bullet":
            d.add_paragraph(p.text, style="List Bullet")
        elif p.kind == "number":
            d.add_paragraph(p.text, style="List Number")
        elif p.kind == "table" and p.rows:
            ncols = max(len(r) for r in p.rows)
            t = d.add_table(rows=len(p.rows), cols=ncols)
            t.style = "Table Grid"
            for i, row in enumerate(p.rows):
                for j in range(ncols):
                    t.cell(i, j).text = row[j] if j < len(row) else ""
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
        else:
            d.add_paragraph(p.text)
    buf = io.BytesIO()
    d.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Fixed timestamps inside the zip so the same source gives the same bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def to_pdf(parts: list[Part], draft_id: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
    )

    def esc(t: str) -> str:
        # The PDF's base font has no check-box glyphs: a form exported to PDF shows them as text.
        t = t.replace("☒", "[X]").replace("☑", "[X]").replace("☐", "[ ]")
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8.5, leading=10)
    story: list = []
    for p in parts:
        if p.kind == "heading":
            story.append(Paragraph(esc(p.text), styles[f"Heading{min(p.level + 0, 3)}"]))
        elif p.kind == "bold":
            story.append(Paragraph(f"<b>{esc(p.text)}</b>", styles["BodyText"]))
        elif p.kind in ("bullet", "number"):
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(esc(p.text), styles["BodyText"]))],
                    bulletType="bullet" if p.kind == "bullet" else "1",
                    start=None if p.kind == "bullet" else p.level,
                )
            )
        elif p.kind == "table" and p.rows:
            ncols = max(len(r) for r in p.rows)
            data = [
                [Paragraph(esc(r[j]) if j < len(r) else "", cell) for j in range(ncols)]
                for r in p.rows
            ]
            t = Table(data, colWidths=[460 / ncols] * ncols, repeatRows=1)
            t.setStyle(
                [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
            story += [t, Spacer(1, 6)]
        else:
            story.append(Paragraph(esc(p.text), styles["BodyText"]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        title="Learning review draft",
        author="corpus",
        creator="corpus",
        producer="corpus",
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()


def to_txt(parts: list[Part], draft_id: str) -> bytes:
    caps = _variant(draft_id, 2) == 0
    lines: list[str] = []
    n = 0
    for p in parts:
        if p.kind == "heading":
            n += 1
            text = p.text.upper() if caps else (f"{n}. {p.text}" if p.level >= 2 else p.text)
            lines += ["", text, ""]
        elif p.kind == "bold":
            lines += ["", p.text, ""]
        elif p.kind == "bullet":
            lines.append(f"- {p.text}")
        elif p.kind == "number":
            lines.append(f"{p.level}. {p.text}")
        elif p.kind == "table" and p.rows:
            lines += ["", *_txt_table(p.rows, _variant(draft_id, 3)), ""]
        else:
            lines += ["", p.text, ""]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return text.encode("utf-8")


def _txt_table(rows: list[list[str]], style: int) -> list[str]:
    """A table as plain-text drafts type it: pipes, tabs, or columns aligned with spaces."""
    if style == 0:
        return ["| " + " | ".join(r) + " |" for r in rows]
    if style == 1:
        return ["\t".join(c or "-" for c in r) for r in rows]
    width = max(len(r) for r in rows)
    cells = [[(r[i] if i < len(r) else "") or "-" for i in range(width)] for r in rows]
    cols = [min(40, max(len(row[i]) for row in cells)) for i in range(width)]
    out = []
    for row in cells:
        line = "".join(c.ljust(cols[i]) + "   " for i, c in enumerate(row[:-1])) + row[-1]
        out.append(line.rstrip())
    return out


RENDER = {"docx": to_docx, "pdf": to_pdf, "txt": to_txt}


def build_corpus(folder: Path) -> int:
    """Render every labelled source under ``folder``; returns the number of drafts built."""
    n = 0
    for labels_path in sorted(folder.rglob("*.labels.json")):
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        src = labels_path.with_name(
            labels.get("source") or labels_path.name.replace(".labels.json", ".src.md")
        )
        if not src.exists():
            continue
        target = labels_path.with_name(labels["file"])
        fmt = target.suffix.lstrip(".").lower()
        if fmt not in RENDER:
            continue
        parts = parse_source(src.read_text(encoding="utf-8"))
        data = RENDER[fmt](parts, labels.get("id", src.stem))
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.corpus",
        description="Render corpus sources (.src.md) into the .docx/.pdf/.txt their labels name.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="render every labelled source under FOLDER")
    p.add_argument("folder", nargs="?", default=str(ROOT / "sample_reports" / "corpus"))
    args = parser.parse_args(argv)
    n = build_corpus(Path(args.folder))
    print(f"built {n} draft(s) in {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
