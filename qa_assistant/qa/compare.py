"""Version 2 against version 1 of a draft: which gaps were closed, which remain, which are new;
status changes per concern with the evidence that changed; actions added, removed or changed;
sections added, removed or rewritten; flags raised or cleared.

Rendered as text, JSON, Markdown, HTML and .docx. Draft text (evidence, actions, headings, the
file names) is untrusted: Markdown and HTML go through ``render.escape``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from qa_assistant.document.text import NUMBERED_TITLE, normalise
from qa_assistant.qa.decisions import similarity
from qa_assistant.render.escape import html_text, md_text
from qa_assistant.result.model import DraftResult
from qa_assistant.result.status import status_rank, status_text

SAME_PASSAGE = 0.8
SAME_ACTION = 0.6
UNCHANGED_SECTION = 0.92
MAX_PASSAGE = 600
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class ConcernChange:
    id: str
    title: str
    old: str
    new: str
    old_score: float
    new_score: float
    added: list[str] = field(default_factory=list)  # evidence passages only in the new version
    removed: list[str] = field(default_factory=list)  # only in the old version
    advice: str = ""

    @property
    def kind(self) -> str:
        old_gap, new_gap = self.old != "met", self.new != "met"
        if old_gap and not new_gap:
            return "closed"
        if not old_gap and new_gap:
            return "new"
        if old_gap and new_gap:
            return "remaining"
        return "met"

    @property
    def changed(self) -> bool:
        return self.old != self.new

    @property
    def direction(self) -> str:
        d = status_rank(self.new) - status_rank(self.old)
        return "better" if d > 0 else "worse" if d < 0 else "same"

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "old": self.old, "new": self.new,
            "change": self.kind, "direction": self.direction,
            "old_score": round(self.old_score, 3), "new_score": round(self.new_score, 3),
            "evidence_added": self.added, "evidence_removed": self.removed,
        }


@dataclass
class ActionChange:
    kind: str  # added / removed / changed / same
    old: object | None
    new: object | None
    what: list[str] = field(default_factory=list)  # for changed: "text", "owners", "due"

    def to_dict(self) -> dict:
        return {
            "change": self.kind,
            "old": self.old.to_dict() if self.old is not None else None,
            "new": self.new.to_dict() if self.new is not None else None,
            "what_changed": self.what,
        }


@dataclass
class SectionChange:
    kind: str  # added / removed / rewritten / same
    title: str
    similarity: float = 1.0

    def to_dict(self) -> dict:
        return {"change": self.kind, "title": self.title, "similarity": round(self.similarity, 3)}


@dataclass
class Comparison:
    old_name: str
    new_name: str
    old_score: int
    new_score: int
    concerns: list[ConcernChange]
    actions: list[ActionChange]
    sections: list[SectionChange]
    flags_cleared: list[str]
    flags_raised: list[str]
    flags_remaining: list[str]

    def of(self, kind: str) -> list[ConcernChange]:
        return [c for c in self.concerns if c.kind == kind]

    @property
    def closed(self) -> list[ConcernChange]:
        return self.of("closed")

    @property
    def remaining(self) -> list[ConcernChange]:
        return self.of("remaining")

    @property
    def new_gaps(self) -> list[ConcernChange]:
        return self.of("new")

    @property
    def status_changes(self) -> list[ConcernChange]:
        return [c for c in self.concerns if c.changed]

    def actions_of(self, kind: str) -> list[ActionChange]:
        return [a for a in self.actions if a.kind == kind]

    def sections_of(self, kind: str) -> list[SectionChange]:
        return [s for s in self.sections if s.kind == kind]

    def headline(self) -> str:
        return (
            f"Score {self.old_score} → {self.new_score}; {len(self.closed)} gap(s) closed, "
            f"{len(self.remaining)} remaining, {len(self.new_gaps)} new"
        )

    def to_dict(self) -> dict:
        return {
            "old": self.old_name, "new": self.new_name,
            "score": {"old": self.old_score, "new": self.new_score},
            "gaps_closed": [c.id for c in self.closed],
            "gaps_remaining": [c.id for c in self.remaining],
            "gaps_new": [c.id for c in self.new_gaps],
            "concerns": [c.to_dict() for c in self.concerns],
            "actions": [a.to_dict() for a in self.actions if a.kind != "same"],
            "actions_unchanged": len(self.actions_of("same")),
            "sections": [s.to_dict() for s in self.sections if s.kind != "same"],
            "flags": {"cleared": self.flags_cleared, "raised": self.flags_raised,
                      "remaining": self.flags_remaining},
        }


# -- building ------------------------------------------------------------------------------
def _passages(c) -> list[str]:
    return [e.text[:MAX_PASSAGE] for e in c.evidence if e.text]


def _unmatched(a: list[str], b: list[str]) -> list[str]:
    return [x for x in a if not any(similarity(x, y) >= SAME_PASSAGE for y in b)]


def _section_texts(result: DraftResult) -> list[tuple[str, str]]:
    from qa_assistant.render.draft_html import sections

    return [(s.title, " ".join(b.text for b in s.blocks)) for s in sections(result)]


def _title_key(title: str) -> str:
    return normalise(title, NUMBERED_TITLE)


def compare_sections(old: DraftResult, new: DraftResult) -> list[SectionChange]:
    before = {}
    for title, text in _section_texts(old):
        before.setdefault(_title_key(title), (title, text))
    out: list[SectionChange] = []
    seen = set()
    for title, text in _section_texts(new):
        key = _title_key(title)
        if key in seen:
            continue
        seen.add(key)
        if key not in before:
            out.append(SectionChange("added", title))
            continue
        ratio = _text_ratio(before[key][1], text)
        out.append(SectionChange("same" if ratio >= UNCHANGED_SECTION else "rewritten", title,
                                 ratio))
    for key, (title, _text) in before.items():
        if key not in seen:
            out.append(SectionChange("removed", title))
    return out


def _text_ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    a, b = normalise(a), normalise(b)
    if a == b:
        return 1.0
    # word-level: fast and meaningful for prose
    return SequenceMatcher(None, a.split()[:3000], b.split()[:3000], autojunk=False).ratio()


def _action_diff(a, b) -> list[str]:
    what = []
    if normalise(a.text) != normalise(b.text):
        what.append("text")
    if sorted(a.owners) != sorted(b.owners):
        what.append("owners")
    if a.due != b.due or (a.timescale or "") != (b.timescale or ""):
        what.append("due")
    return what


def compare_actions(old: DraftResult, new: DraftResult) -> list[ActionChange]:
    pairs = []
    for i, a in enumerate(old.actions):
        for j, b in enumerate(new.actions):
            s = similarity(a.text, b.text)
            if s >= SAME_ACTION:
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_old, used_new, matched = set(), set(), {}
    for _s, i, j in pairs:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        matched[j] = i
    out: list[ActionChange] = []
    for j, b in enumerate(new.actions):
        if j in matched:
            a = old.actions[matched[j]]
            what = _action_diff(a, b)
            out.append(ActionChange("changed" if what else "same", a, b, what))
        else:
            out.append(ActionChange("added", None, b))
    out += [ActionChange("removed", a, None) for i, a in enumerate(old.actions)
            if i not in used_old]
    return out


def compare(old: DraftResult, new: DraftResult) -> Comparison:
    concerns = []
    for cid, n in new.concerns.items():
        o = old.concerns.get(cid)
        if o is None:
            continue
        po, pn = _passages(o), _passages(n)
        concerns.append(
            ConcernChange(cid, n.title, o.status, n.status, o.score, n.score,
                          added=_unmatched(pn, po), removed=_unmatched(po, pn), advice=n.advice)
        )
    fo = {f.id: f.message for f in old.flag_details}
    fn = {f.id: f.message for f in new.flag_details}
    return Comparison(
        old_name=old.source, new_name=new.source,
        old_score=old.score, new_score=new.score,
        concerns=concerns,
        actions=compare_actions(old, new),
        sections=compare_sections(old, new),
        flags_cleared=[m for k, m in fo.items() if k not in fn],
        flags_raised=[m for k, m in fn.items() if k not in fo],
        flags_remaining=[m for k, m in fn.items() if k in fo],
    )


# -- rendering --------------------------------------------------------------------------------
def _short(text: str, n: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _action_line(a) -> str:
    owners = ", ".join(a.owners) or "no owner"
    due = a.due.isoformat() if a.due else (a.timescale or "no date")
    return f"{_short(a.text, 160)} ({owners}; {due})"


def _change_words(c: ConcernChange) -> str:
    return f"{status_text(c.old)} → {status_text(c.new)}"


def render_text(cmp: Comparison) -> str:
    out = [f"Comparing {cmp.old_name} (old) with {cmp.new_name} (new)", cmp.headline(), ""]
    for label, items in (("Gaps closed", cmp.closed), ("New gaps", cmp.new_gaps),
                         ("Gaps remaining", cmp.remaining)):
        out.append(f"{label} ({len(items)}):")
        out += [f"  - {c.title}: {_change_words(c)}" for c in items] or ["  (none)"]
    out += ["", "Status changes per concern:"]
    changes = cmp.status_changes
    if not changes:
        out.append("  (no concern changed status)")
    for c in changes:
        out.append(f"  {c.title}: {_change_words(c)} ({c.direction})")
        out += [f"      + {_short(p)}" for p in c.added[:4]]
        out += [f"      - {_short(p)}" for p in c.removed[:4]]
    out += ["", "Actions:"]
    acted = [a for a in cmp.actions if a.kind != "same"]
    for a in acted:
        if a.kind == "added":
            out.append(f"  + added: {_action_line(a.new)}")
        elif a.kind == "removed":
            out.append(f"  - removed: {_action_line(a.old)}")
        else:
            out.append(f"  ~ changed ({', '.join(a.what)}): {_action_line(a.old)}")
            out.append(f"      now: {_action_line(a.new)}")
    if not acted:
        out.append("  (no action added, removed or changed)")
    out.append(f"  {len(cmp.actions_of('same'))} action(s) unchanged")
    out += ["", "Sections:"]
    secs = [s for s in cmp.sections if s.kind != "same"]
    out += [f"  {s.kind}: {s.title}" + (f" ({s.similarity:.0%} the same)"
                                          if s.kind == "rewritten" else "") for s in secs]
    if not secs:
        out.append("  (no section added, removed or rewritten)")
    out += ["", "Flags:"]
    out += [f"  cleared: {f}" for f in cmp.flags_cleared]
    out += [f"  raised: {f}" for f in cmp.flags_raised]
    out += [f"  still raised: {f}" for f in cmp.flags_remaining]
    if not (cmp.flags_cleared or cmp.flags_raised or cmp.flags_remaining):
        out.append("  (none in either version)")
    return "\n".join(out) + "\n"


def render_markdown(cmp: Comparison) -> str:
    m = md_text
    out = [
        f"# Comparison: {m(cmp.old_name)} → {m(cmp.new_name)}", "",
        f"**{m(cmp.headline())}**", "",
    ]
    for label, items in (("Gaps closed", cmp.closed), ("New gaps", cmp.new_gaps),
                         ("Gaps remaining", cmp.remaining)):
        out += [f"## {label} ({len(items)})", ""]
        out += [f"- {m(c.title)}: {m(_change_words(c))}" for c in items] or ["- (none)"]
        out.append("")
    out += ["## Status changes per concern", ""]
    for c in cmp.status_changes:
        out.append(f"### {m(c.title)}: {m(_change_words(c))}")
        out.append("")
        out += [f"> added: {m(_short(p, 400))}" for p in c.added[:6]]
        out += [f"> removed: {m(_short(p, 400))}" for p in c.removed[:6]]
        out.append("")
    if not cmp.status_changes:
        out += ["(no concern changed status)", ""]
    out += ["## Actions", "", "| Change | Before | After |", "|---|---|---|"]
    for a in cmp.actions:
        if a.kind == "same":
            continue
        label = a.kind + (f" ({', '.join(a.what)})" if a.what else "")
        before = m(_action_line(a.old)) if a.old is not None else "—"
        after = m(_action_line(a.new)) if a.new is not None else "—"
        out.append(f"| {label} | {before} | {after} |")
    out += ["", f"{len(cmp.actions_of('same'))} action(s) unchanged.", "", "## Sections", ""]
    secs = [s for s in cmp.sections if s.kind != "same"]
    out += [f"- {s.kind}: {m(s.title)}" for s in secs] or ["- (no section changed)"]
    out += ["", "## Flags", ""]
    out += [f"- cleared: {m(f)}" for f in cmp.flags_cleared]
    out += [f"- raised: {m(f)}" for f in cmp.flags_raised]
    out += [f"- still raised: {m(f)}" for f in cmp.flags_remaining]
    return "\n".join(out) + "\n"


CSS = """
.qa-cmp{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
 font-size:.92rem;line-height:1.45}
.qa-cmp h4{margin:.8em 0 .3em 0;font-size:1rem}
.qa-cmp-cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:.6em}
.qa-cmp-box{border:1px solid #d0d7de;border-radius:6px;padding:.5em .7em;background:#fff}
.qa-cmp-box ul{margin:.2em 0 0 1.1em;padding:0}
.qa-cmp-closed{border-left:5px solid #2E7D32}.qa-cmp-new{border-left:5px solid #C62828}
.qa-cmp-remaining{border-left:5px solid #B26A00}
.qa-cmp table{border-collapse:collapse;width:100%}
.qa-cmp th,.qa-cmp td{border:1px solid #c9ced4;padding:.3em .45em;text-align:left;
 vertical-align:top}
.qa-cmp th{background:#f3f5f7}
.qa-cmp ins{background:#E6F4EA;text-decoration:none}.qa-cmp del{background:#FDECEC}
"""


def render_html_fragment(cmp: Comparison) -> str:
    h = html_text
    parts = [f'<div class="qa-cmp"><p><strong>{h(cmp.headline())}</strong></p>',
             '<div class="qa-cmp-cols">']
    for label, items, cls in (("Gaps closed", cmp.closed, "closed"),
                              ("New gaps", cmp.new_gaps, "new"),
                              ("Gaps remaining", cmp.remaining, "remaining")):
        lis = "".join(f"<li>{h(c.title)} <small>({h(_change_words(c))})</small></li>"
                      for c in items) or "<li>(none)</li>"
        parts.append(f'<div class="qa-cmp-box qa-cmp-{cls}" data-kind="{cls}">'
                     f"<strong>{label} ({len(items)})</strong><ul>{lis}</ul></div>")
    parts.append("</div><h4>Status changes per concern</h4>")
    if cmp.status_changes:
        rows = []
        for c in cmp.status_changes:
            ev = "".join(f"<ins>+ {h(_short(p, 300))}</ins><br>" for p in c.added[:4])
            ev += "".join(f"<del>− {h(_short(p, 300))}</del><br>" for p in c.removed[:4])
            rows.append(f"<tr><td>{h(c.title)}</td><td>{h(status_text(c.old))}</td>"
                        f"<td>{h(status_text(c.new))}</td><td>{ev or '—'}</td></tr>")
        parts.append('<table class="qa-cmp-status"><thead><tr><th>Concern</th><th>Before</th>'
                     "<th>After</th><th>Evidence that changed</th></tr></thead><tbody>"
                     + "".join(rows) + "</tbody></table>")
    else:
        parts.append("<p>No concern changed status.</p>")
    parts.append("<h4>Actions</h4>")
    acted = [a for a in cmp.actions if a.kind != "same"]
    if acted:
        rows = "".join(
            f"<tr><td>{h(a.kind + (' (' + ', '.join(a.what) + ')' if a.what else ''))}</td>"
            f"<td>{h(_action_line(a.old)) if a.old is not None else '—'}</td>"
            f"<td>{h(_action_line(a.new)) if a.new is not None else '—'}</td></tr>"
            for a in acted
        )
        parts.append('<table class="qa-cmp-actions"><thead><tr><th>Change</th><th>Before</th>'
                     f"<th>After</th></tr></thead><tbody>{rows}</tbody></table>")
    parts.append(f"<p>{len(cmp.actions_of('same'))} action(s) unchanged.</p><h4>Sections</h4>")
    secs = [s for s in cmp.sections if s.kind != "same"]
    parts.append("<ul>" + ("".join(f"<li>{h(s.kind)}: {h(s.title)}</li>" for s in secs)
                           or "<li>(no section added, removed or rewritten)</li>") + "</ul>")
    flags = ([f"cleared: {f}" for f in cmp.flags_cleared]
             + [f"raised: {f}" for f in cmp.flags_raised]
             + [f"still raised: {f}" for f in cmp.flags_remaining])
    parts.append("<h4>Flags</h4><ul>" + ("".join(f"<li>{h(f)}</li>" for f in flags)
                                         or "<li>(none in either version)</li>") + "</ul></div>")
    return "".join(parts)


def render_html(cmp: Comparison) -> str:
    """A self-contained page (nothing loaded from anywhere)."""
    title = html_text(f"Comparison: {cmp.old_name} → {cmp.new_name}")
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f"<h1 style=\"font-family:system-ui,sans-serif\">{title}</h1>"
        f"{render_html_fragment(cmp)}</body></html>"
    )


def _x(text: str) -> str:
    return _NOT_XML.sub(" ", str(text))


def render_docx(cmp: Comparison) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(_x(f"Comparison: {cmp.old_name} → {cmp.new_name}"), level=1)
    d.add_paragraph(_x(cmp.headline()))
    for label, items in (("Gaps closed", cmp.closed), ("New gaps", cmp.new_gaps),
                         ("Gaps remaining", cmp.remaining)):
        d.add_heading(f"{label} ({len(items)})", level=2)
        for c in items or [None]:
            text = "(none)" if c is None else f"{c.title}: {_change_words(c)}"
            d.add_paragraph(_x(text), style="List Bullet")
    d.add_heading("Status changes per concern", level=2)
    for c in cmp.status_changes:
        d.add_paragraph(_x(f"{c.title}: {_change_words(c)}"), style="List Bullet")
        for p in c.added[:4]:
            d.add_paragraph(_x(f"added: {_short(p, 300)}"), style="List Bullet 2")
        for p in c.removed[:4]:
            d.add_paragraph(_x(f"removed: {_short(p, 300)}"), style="List Bullet 2")
    d.add_heading("Actions", level=2)
    acted = [a for a in cmp.actions if a.kind != "same"]
    if acted:
        t = d.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, ("Change", "Before", "After")):
            cell.text = text
        for a in acted:
            row = t.add_row().cells
            row[0].text = _x(a.kind + (f" ({', '.join(a.what)})" if a.what else ""))
            row[1].text = _x(_action_line(a.old)) if a.old is not None else "—"
            row[2].text = _x(_action_line(a.new)) if a.new is not None else "—"
    d.add_paragraph(f"{len(cmp.actions_of('same'))} action(s) unchanged.")
    d.add_heading("Sections", level=2)
    for s in [s for s in cmp.sections if s.kind != "same"] or [None]:
        text = "(no section changed)" if s is None else f"{s.kind}: {s.title}"
        d.add_paragraph(_x(text), style="List Bullet")
    d.add_heading("Flags", level=2)
    for f in ([f"cleared: {f}" for f in cmp.flags_cleared]
              + [f"raised: {f}" for f in cmp.flags_raised]
              + [f"still raised: {f}" for f in cmp.flags_remaining]) or ["(none)"]:
        d.add_paragraph(_x(f), style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
