"""Command line: ``qa-assistant check|batch|report|train|evaluate|compare|record``
(and ``frameworks``).

Errors reach the user as one line on stderr and a non-zero exit, never a traceback; draft text
is never logged.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from qa_assistant.errors import DraftError
from qa_assistant.terminal import visible_line


def say(message: object) -> None:
    """One line on stderr, with anything a terminal would obey made visible."""
    print(f"qa-assistant: {visible_line(message)}", file=sys.stderr)


def unwritable(path: str, suffixes: tuple[str, ...], flag: str) -> str | None:
    """Why the output file ``path`` cannot be written (checked before any work), or None.
    Nothing is left behind by the check."""
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        from qa_assistant.render.formats import either

        return f"{flag} must end in {either(suffixes)}"
    try:
        if out.is_dir():
            return f"{flag} {out} is a folder, not a file"
        folder = out.parent
        if not folder.is_dir():
            return f"{flag}: the folder {folder} does not exist"
        if out.exists() or out.is_symlink():
            if not out.is_file():
                return f"{flag} {out} exists and is not a regular file"
            with out.open("r+b"):  # writable? (opened without truncating it)
                pass
        else:
            fd, probe = tempfile.mkstemp(dir=folder, prefix=".qa-write-test-")
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        return f"cannot write {flag} {out}: {reason or 'I/O error'}"
    return None


def _limits(args: argparse.Namespace):
    from qa_assistant.workers import Limits

    return Limits(seconds=args.time_limit, memory_mb=args.memory_limit)


# -- check: in a worker process under the per-file limits ------------------------------------
_checker = None
_checker_error: BaseException | None = None


def _prepare_checker(rules_only: bool, framework: str | None = None) -> None:
    """Worker warm-up (not counted in the time limit): rules, spaCy and the models."""
    global _checker, _checker_error
    from qa_assistant.checker import Checker

    try:
        _checker = Checker(use_models=not rules_only, framework=framework)
    except Exception as exc:  # noqa: BLE001 - reported by the task
        _checker_error = exc


def _debug_details() -> str:
    if not os.environ.get("QA_DEBUG"):
        return "; QA_DEBUG=1 shows details"
    import traceback

    return "\n" + traceback.format_exc()


def _check_task(params: dict) -> tuple[int, str, str]:
    """Check one draft and render it; returns (exit code, stdout, one stderr line)."""
    name = visible_line(Path(params["file"]).name)
    if _checker is None:
        exc = _checker_error
        from qa_assistant.learn.models import UntrustedModel

        if isinstance(exc, UntrustedModel):
            return (
                3,
                "",
                f"qa-assistant: {visible_line(exc)} (rebuild them with 'qa-assistant train')",
            )
        from qa_assistant.checks.packs import PackError

        if isinstance(exc, PackError):  # a broken rule file: say which and why (no draft text)
            return 1, "", f"qa-assistant: the rule packs could not be loaded: {visible_line(exc)}"
        what = type(exc).__name__ if exc else "no checker"
        return 1, "", f"qa-assistant: could not start the checker ({what}){_debug_details()}"
    try:
        result = _checker.check_path(params["file"])
    except (DraftError, RecursionError) as exc:
        from qa_assistant.ingest.intake import describe_failure

        return 2, "", f"qa-assistant: {name}: {visible_line(describe_failure(exc))}"
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, no draft text (the message could quote it)
        what = type(exc).__name__
        return (
            2,
            "",
            f"qa-assistant: {name}: could not be checked (unexpected {what}){_debug_details()}",
        )
    from qa_assistant.render.formats import DRAFT, DraftOutput, get

    fmt = get(DRAFT, params["format"])
    out = fmt.terminal(fmt.render(DraftOutput(result, colour=params["colour"])))
    decided_file = None
    if params.get("decisions"):  # issue 11: the reviewer's decisions, applied
        from qa_assistant.qa.cli_support import apply_to_output

        out, decided_file = apply_to_output(result, params, out)
    if params["annotate"]:
        try:
            from qa_assistant.ingest.guards import max_bytes

            with open(params["file"], "rb") as fh:
                data = fh.read(max_bytes() + 1)
            draft = DraftOutput(result, data, Path(params["file"]).name, decisions=decided_file)
            annotated = get(DRAFT, "docx").render(draft)
            Path(params["annotate"]).write_bytes(annotated)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - the report is still shown
            what = f"{exc}" if isinstance(exc, DraftError) else f"unexpected {type(exc).__name__}"
            return (
                2,
                out,
                (
                    f"qa-assistant: {name}: the draft was checked but the annotated copy could not "
                    f"be written ({visible_line(what)})"
                ),
            )
    return 0, out, ""


def _cmd_check(args: argparse.Namespace) -> int:
    from functools import partial

    from qa_assistant.render.formats import DRAFT, get
    from qa_assistant.workers import run_limited

    name = Path(args.file).name
    if args.annotate:
        problem = unwritable(args.annotate, (get(DRAFT, "docx").extension,), "--annotate")
        if problem:
            say(problem)
            return 2
    decisions = None
    if getattr(args, "decisions", None):
        from qa_assistant.qa.cli_support import read_decision_file
        from qa_assistant.qa.decisions import DecisionFileError

        try:
            decisions = read_decision_file(args.decisions).model_dump_json()
        except DecisionFileError as exc:
            say(f"--decisions: {exc}")
            return 2
    limits = _limits(args)
    params = {
        "decisions": decisions,
        "file": args.file,
        "format": args.format,
        "annotate": args.annotate,
        "colour": sys.stdout.isatty() and not args.no_colour,
    }
    got: dict = {}
    run_limited(
        _check_task,
        [params],
        lambda _i, outcome: got.update(outcome=outcome),
        workers=1,
        limits=limits,
        warm=partial(_prepare_checker, args.rules_only, args.framework),
    )
    outcome = got["outcome"]
    if outcome.kind != "ok":
        say(f"{name}: {outcome.message(limits)}")
        return 2
    code, out, err = outcome.value
    if out:
        sys.stdout.write(out)
    if err:
        print(err, file=sys.stderr)
    return code


def _cmd_batch(args: argparse.Namespace) -> int:
    from qa_assistant.batch import collect, drop_corpus_sources, stream_batch, terminal_progress
    from qa_assistant.render.formats import SAMPLE, either, extensions
    from qa_assistant.render.table import RecordWriter

    problem = unwritable(args.out, extensions(SAMPLE), "--out")
    if problem:
        say(problem)
        return 2
    out = Path(args.out)
    long = getattr(args, "long", False)
    wide_only = out.suffix.lower()
    if long and wide_only not in extensions(SAMPLE, long=True):
        say(
            f"--long is for {either(extensions(SAMPLE, long=True))} "
            f"(a {wide_only} already has every concern of every draft)"
        )
        return 2
    if args.rules_only:
        os.environ["QA_RULES_ONLY"] = "1"  # read by each worker's default_checker()
    if args.framework:
        os.environ["QA_FRAMEWORK"] = args.framework  # likewise
    items = drop_corpus_sources(collect(args.paths))
    if not items:
        say("no drafts found in the paths given")
        return 2
    # Streamed: each record is written as soon as it (and those before it) is done, never all
    # held in memory (issue 12).
    writer = RecordWriter(out, long=long)
    counts = {"rows": 0, "errors": 0}

    def sink(record: dict) -> None:
        writer.write(record)
        counts["rows"] += 1
        counts["errors"] += "error" in record

    try:
        stream_batch(
            items, sink, workers=args.workers, progress=terminal_progress, limits=_limits(args)
        )
    finally:
        writer.close()
    print(
        f"{counts['rows']} draft(s) scored, {counts['errors']} unreadable; "
        f"wrote {visible_line(out)}",
        file=sys.stderr,
    )
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from qa_assistant.batch import terminal_progress
    from qa_assistant.render.formats import REPORT, SAMPLE, extensions, get
    from qa_assistant.report.run import generate

    problem = unwritable(args.out, extensions(REPORT), "--out")
    if not problem and args.jsonl:
        problem = unwritable(args.jsonl, (get(SAMPLE, "jsonl").extension,), "--jsonl")
    if problem:
        say(problem)
        return 2
    if args.rules_only:
        os.environ["QA_RULES_ONLY"] = "1"
    report = generate(
        args.paths,
        Path(args.out),
        workers=args.workers,
        limits=_limits(args),
        progress=terminal_progress,
        jsonl=Path(args.jsonl) if args.jsonl else None,
        themes=not args.no_themes,
    )
    if report is None:
        say("no drafts found in the paths given")
        return 2
    print(
        f"{report.n} review(s) reported, {report.unreadable_count} unreadable, "
        f"{len(report.themes)} learning theme(s); wrote {visible_line(args.out)}",
        file=sys.stderr,
    )
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from qa_assistant.learn.train import main as train_main

    return train_main(args)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from qa_assistant.learn.evaluate import main as evaluate_main

    return evaluate_main(args)


def _cmd_frameworks(args: argparse.Namespace) -> int:
    from qa_assistant.checks.packs import PackError, framework_names, load_framework
    from qa_assistant.paths import DEFAULT_FRAMEWORK, models_dir

    for name in framework_names():
        try:
            fw = load_framework(name)
        except PackError as exc:
            print(f"{name:14} (cannot be loaded: {visible_line(exc)})")
            continue
        model = "trained model" if (models_dir(name) / "manifest.json").exists() else "rules only"
        default = " (default)" if name == DEFAULT_FRAMEWORK else ""
        print(f"{name:14} {fw.title}{default}: {len(fw.concerns)} concerns, {model}")
    return 0


def _framework(text: str) -> str:
    from qa_assistant.checks.packs import framework_names

    names = framework_names()
    if text not in names:
        raise argparse.ArgumentTypeError(f"unknown framework {text!r} (known: {', '.join(names)})")
    return text


def _framework_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--framework",
        type=_framework,
        default=None,
        metavar="NAME",
        help="the review framework to check against (default clr; 'qa-assistant frameworks')",
    )


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError("must be more than 0")
        return value

    return parse


def _limit_flags(p: argparse.ArgumentParser) -> None:
    """The flags of every command that checks drafts: the framework and the limits."""
    from qa_assistant.workers import DEFAULT_MEMORY_MB, DEFAULT_SECONDS

    _framework_flag(p)
    p.add_argument(
        "--time-limit",
        type=_positive(float),
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"stop checking a file after this long (default {DEFAULT_SECONDS:g})",
    )
    p.add_argument(
        "--memory-limit",
        type=_positive(int),
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help=f"memory ceiling of the process checking a file (default {DEFAULT_MEMORY_MB})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-assistant",
        description="Check draft learning reviews (CLRs) against the inspectorate's concerns.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check one draft (.docx, .pdf, .txt, .md)")
    p.add_argument("file")
    from qa_assistant.render.formats import REPORT, SAMPLE, cli_choices, either, extensions

    p.add_argument("--format", choices=cli_choices(), default="text")
    p.add_argument("--annotate", metavar="OUT.docx", help="also write the draft with Word comments")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    p.add_argument("--no-colour", action="store_true")
    p.add_argument("--decisions", metavar="FILE", default=None,
                   help="apply a reviewer decision file (.json, or a .docx carrying one)")
    _limit_flags(p)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("batch", help="score many drafts (files, folders, .zip) into one table")
    p.add_argument("paths", nargs="+")
    p.add_argument("--out", required=True, help=f"results file: {either(extensions(SAMPLE))}")
    p.add_argument("--long", action="store_true",
                   help="one row per draft x concern (.csv or .xlsx), for analysis tools")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    _limit_flags(p)
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser(
        "report", help="the inspector's sample report: findings over many drafts (issue 12)"
    )
    p.add_argument("paths", nargs="+", help="files, folders and .zip archives of drafts")
    p.add_argument("--out", required=True, help=f"report file: {either(extensions(REPORT))}")
    p.add_argument("--jsonl", default=None, metavar="FILE.jsonl",
                   help="also write the batch results the report was built from")
    p.add_argument("--no-themes", action="store_true", help="leave out the learning themes")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    _limit_flags(p)
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("train", help="train the classifiers on the annotated corpus")
    p.add_argument("--corpus", default=None, help="labelled folder (default sample_reports/corpus)")
    p.add_argument("--out", default=None, help="model folder (default: the framework's models/)")
    p.add_argument("--compare", action="store_true", help="also compare with spaCy textcat")
    p.add_argument("--no-card", action="store_true", help="do not rewrite the model card")
    p.add_argument(
        "--open-lockbox",
        action="store_true",
        help="also score the held-out voices (corpus/LOCKBOX) once with the trained models",
    )
    _framework_flag(p)
    p.set_defaults(func=_cmd_train)

    p = sub.add_parser("evaluate", help="score a labelled folder against its labels")
    p.add_argument("folder")
    p.add_argument("--rules-only", action="store_true")
    p.add_argument("--json", dest="json_out", default=None, help="also write the figures as JSON")
    _framework_flag(p)
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("frameworks", help="list the review frameworks to check against")
    p.set_defaults(func=_cmd_frameworks)

    from qa_assistant.qa.cli_support import add_parsers  # compare, record (issue 11)

    add_parsers(sub, _limit_flags)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except DraftError as exc:
        say(exc)
        return 2
    except OSError as exc:
        say(f"{exc.strerror or 'I/O error'}: {exc.filename or ''}")
        return 2
    except Exception as exc:  # a bug: one line, no traceback (it could quote draft text)
        from os import environ

        # imported here, not at the top: it pulls in scikit-learn, about 2 s of every start-up
        from qa_assistant.learn.models import UntrustedModel

        if isinstance(exc, UntrustedModel):
            say(f"{exc} (rebuild them with 'qa-assistant train')")
            return 3
        if environ.get("QA_DEBUG"):
            raise
        name = type(exc).__name__
        say(f"internal error ({name}); QA_DEBUG=1 shows details")
        return 1


if __name__ == "__main__":
    sys.exit(main())
