"""The command line's QA-conversation parts: ``check --decisions``, ``compare`` and ``record``.

Drafts are checked in worker processes under the same per-file limits as ``check`` (the task
below runs in the worker that ``qa_assistant.cli`` warms up); only the results come back.
Draft text reaching the terminal goes through ``qa_assistant.terminal.visible``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qa_assistant.errors import DraftError
from qa_assistant.terminal import json_for_terminal, visible, visible_line

COMPARE_OUT = (".docx", ".html", ".md", ".json", ".txt")
RECORD_OUT = (".docx", ".html")


# -- check --decisions ------------------------------------------------------------------------
def read_decision_file(path: str):
    """The decision file (.json, or a .docx carrying one); DecisionFileError / OSError."""
    from qa_assistant.qa.decisions import MAX_FILE_BYTES, DecisionFileError, load_decisions

    p = Path(path)
    if not p.is_file():
        raise DecisionFileError(f"{p}: not a file")
    limit = 200 * 1024 * 1024 if p.suffix.lower() == ".docx" else MAX_FILE_BYTES
    with p.open("rb") as fh:
        data = fh.read(limit + 1)
    return load_decisions(data, p.name)


def decided_text(decided) -> str:
    """The reviewer's view after the tool's report: decided score, gaps, flags, decisions."""
    from qa_assistant.qa.decisions import DECISION_LABEL, reviewer_of
    from qa_assistant.qa.record import decided_label

    r = decided.result
    out = [
        "",
        "Reviewer decisions",
        f"Score after decisions {decided.score}/100 (tool {r.score}/100) · "
        f"{len(decided.gaps)} gap(s) after decisions (tool {len(r.gaps)}) · "
        f"{len(decided.open_flags)} open flag(s) (tool {len(r.flags)})",
    ]
    for v in decided.concerns.values():
        if v.decision:
            who = reviewer_of(v.decision, decided.file)
            out.append(
                f"  {v.concern.title}: tool {v.concern.status}; "
                f"{DECISION_LABEL[v.decision.decision]}"
                f" -> counted as {decided_label(v.decided_status)}"
                + (f"; reason: {v.decision.reason}" if v.decision.reason else "")
                + (f" ({who})" if who else "")
            )
    for f in decided.flags:
        out.append(f"  flag {f.flag.message}: {f.resolution}"
                   + (f"; reason: {f.decision.reason}" if f.decision and f.decision.reason else ""))
    for a in decided.actions:
        if a.decision:
            out.append(f"  action {a.action.text[:80]}: {DECISION_LABEL[a.decision.decision]}")
    for s in decided.stale:
        out.append(f"  no longer applies: {s.decision.kind} {s.decision.id[:80]} "
                   f"({DECISION_LABEL[s.decision.decision]}): {s.why}")
    return "\n".join(out) + "\n"


def apply_to_output(result, params: dict, out: str) -> tuple[str, object | None]:
    """``check``'s output with the decisions applied (text / JSON / Markdown), and the decision
    file refreshed for this version (embedded in the annotated copy)."""
    from qa_assistant.qa.decisions import DecisionFile, apply_decisions

    raw = params.get("decisions")
    if not raw:
        return out, None
    file = DecisionFile.model_validate_json(raw)
    decided = apply_decisions(result, file)
    fmt = params["format"]
    if fmt == "json":
        data = result.to_dict()
        data["qa_decisions"] = decided.to_dict()
        out = json_for_terminal(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
    elif fmt == "markdown":
        from qa_assistant.render.escape import md_text

        lines = decided_text(decided).strip("\n").split("\n")
        out += "\n## " + md_text(lines[0]) + "\n\n" + "\n".join(
            f"- {md_text(line.strip())}" for line in lines[1:]
        ) + "\n"
    else:
        out += visible(decided_text(decided))
    name = Path(params["file"]).name
    try:
        data = Path(params["file"]).read_bytes()
    except OSError:
        data = None
    return out, decided.to_file(name, data)


# -- compare and record: results from the worker ------------------------------------------------
def result_task(params: dict):
    """Worker task: ("ok", DraftResult) or ("error", one line)."""
    from qa_assistant import cli

    name = visible_line(Path(params["file"]).name)
    if cli._checker is None:
        what = type(cli._checker_error).__name__ if cli._checker_error else "no checker"
        return "error", f"could not start the checker ({what})"
    try:
        result = cli._checker.check_path(params["file"])
    except DraftError as exc:
        return "error", f"{name}: {visible_line(exc)}"
    except RecursionError:
        return "error", f"{name}: the draft is too deeply nested to read"
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, no draft text
        return "error", f"{name}: could not be checked (unexpected {type(exc).__name__})"
    result.blocks = list(result.blocks)
    return "ok", result


def check_files(paths: list[str], args) -> list:
    """DraftResults for ``paths`` (in order), checked in limited worker processes; raises
    ``DraftError`` with one line when any cannot be checked."""
    from functools import partial

    from qa_assistant import cli
    from qa_assistant.workers import run_limited

    limits = cli._limits(args)
    got: dict[int, object] = {}
    run_limited(
        result_task,
        [{"file": p} for p in paths],
        lambda i, outcome: got.__setitem__(i, outcome),
        workers=min(2, len(paths)),
        limits=limits,
        warm=partial(
            cli._prepare_checker,
            getattr(args, "rules_only", False),
            getattr(args, "framework", None),
        ),
    )
    results = []
    for i, p in enumerate(paths):
        outcome = got[i]
        if outcome.kind != "ok":
            raise DraftError(f"{Path(p).name}: {outcome.message(limits)}")
        status, value = outcome.value
        if status != "ok":
            raise DraftError(value)
        results.append(value)
    return results


def cmd_compare(args) -> int:
    from qa_assistant import cli
    from qa_assistant.qa import compare as cmp

    if args.out:
        problem = cli.unwritable(args.out, COMPARE_OUT, "--out")
        if problem:
            cli.say(problem)
            return 2
    old, new = check_files([args.old, args.new], args)
    c = cmp.compare(old, new)
    fmt = args.format
    if args.out:
        suffix = Path(args.out).suffix.lower()
        fmt = {".docx": "docx", ".html": "html", ".md": "markdown", ".json": "json",
               ".txt": "text"}[suffix]
    if fmt == "docx":
        Path(args.out).write_bytes(cmp.render_docx(c))
    else:
        text = {
            "json": lambda: json.dumps(c.to_dict(), indent=2, ensure_ascii=False) + "\n",
            "markdown": lambda: cmp.render_markdown(c),
            "html": lambda: cmp.render_html(c),
            "text": lambda: cmp.render_text(c),
        }[fmt]()
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        elif fmt == "json":
            sys.stdout.write(json_for_terminal(text))
        else:
            sys.stdout.write(visible(text))
    if args.out:
        print(f"{c.headline()}; wrote {visible_line(args.out)}", file=sys.stderr)
    return 0


def cmd_record(args) -> int:
    from qa_assistant import cli
    from qa_assistant.qa.decisions import DecisionFileError, apply_decisions
    from qa_assistant.qa.record import render_record_docx, render_record_html

    problem = cli.unwritable(args.out, RECORD_OUT, "--out")
    if problem:
        cli.say(problem)
        return 2
    try:
        file = read_decision_file(args.decisions)
    except DecisionFileError as exc:
        cli.say(f"--decisions: {exc}")
        return 2
    if args.reviewer or args.role or args.independent:
        rv = file.reviewer.model_copy(update={
            k: v for k, v in (("name", args.reviewer), ("role", args.role),
                              ("independent", True if args.independent else None))
            if v is not None
        })
        file = file.model_copy(update={"reviewer": rv})
    (result,) = check_files([args.file], args)
    decided = apply_decisions(result, file)
    if Path(args.out).suffix.lower() == ".docx":
        Path(args.out).write_bytes(render_record_docx(decided, args.version or ""))
    else:
        Path(args.out).write_text(render_record_html(decided, args.version or ""),
                                  encoding="utf-8")
    print(
        f"QA record: score {decided.score}/100 after decisions (tool {result.score}/100), "
        f"{len(decided.stale)} decision(s) no longer apply; wrote {visible_line(args.out)}",
        file=sys.stderr,
    )
    return 0


def add_parsers(sub, limit_flags) -> None:
    p = sub.add_parser("compare", help="compare two versions of a draft (gaps closed/new, ...)")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    p.add_argument("--out", default=None,
                   help="write to a file instead: .docx, .html, .md, .json or .txt")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    limit_flags(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("record", help="the one-page QA record of a draft and its decisions")
    p.add_argument("file")
    p.add_argument("--decisions", required=True, metavar="FILE",
                   help="decision file (.json, or an annotated .docx carrying decisions)")
    p.add_argument("--out", required=True, help="record.docx or record.html")
    p.add_argument("--version", default="", help="version label, e.g. 'v2'")
    p.add_argument("--reviewer", default=None, help="reviewer's name (overrides the file's)")
    p.add_argument("--role", default=None, help="reviewer's role (overrides the file's)")
    p.add_argument("--independent", action="store_true",
                   help="the reviewer states independence from the case's management")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    limit_flags(p)
    p.set_defaults(func=cmd_record)
