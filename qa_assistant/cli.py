"""Command line: ``qa-assistant check|batch|train|evaluate|corpus``.

Errors reach the user as one line on stderr and a non-zero exit, never a traceback; draft text
is never logged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from qa_assistant.errors import DraftError


def _cmd_check(args: argparse.Namespace) -> int:
    from qa_assistant.checker import Checker

    checker = Checker(use_models=not args.rules_only)
    try:
        result = checker.check_path(args.file)
    except DraftError as exc:
        print(f"qa-assistant: {Path(args.file).name}: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        out = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "markdown":
        from qa_assistant.render.markdown import render_markdown

        out = render_markdown(result)
    else:
        from qa_assistant.render.text import render_text

        out = render_text(result, colour=sys.stdout.isatty() and not args.no_colour)
    if args.annotate:
        from qa_assistant.render.docx_comments import annotated_docx

        data = Path(args.file).read_bytes()
        Path(args.annotate).write_bytes(annotated_docx(result, data, Path(args.file).name))
    sys.stdout.write(out)
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from qa_assistant.batch import collect, run_batch, terminal_progress
    from qa_assistant.render.table import write_records

    out = Path(args.out)
    if out.suffix.lower() not in (".jsonl", ".csv", ".xlsx"):
        print("qa-assistant: --out must end in .jsonl, .csv or .xlsx", file=sys.stderr)
        return 2
    if args.rules_only:
        os.environ["QA_RULES_ONLY"] = "1"  # read by each worker's default_checker()
    items = collect(args.paths)
    if not items:
        print("qa-assistant: no drafts found in the paths given", file=sys.stderr)
        return 2
    records = run_batch(items, workers=args.workers, progress=terminal_progress)
    write_records(records, out)
    errors = sum("error" in r for r in records)
    print(f"{len(records)} draft(s) scored, {errors} unreadable; wrote {out}", file=sys.stderr)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from qa_assistant.learn.train import main as train_main

    return train_main(args)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from qa_assistant.learn.evaluate import main as evaluate_main

    return evaluate_main(args)


def _cmd_corpus(args: argparse.Namespace) -> int:
    from qa_assistant.corpus.build import build_corpus

    n = build_corpus(Path(args.folder))
    print(f"built {n} draft(s) in {args.folder}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa-assistant",
        description="Check draft learning reviews (CLRs) against the inspectorate's concerns.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check one draft (.docx, .pdf, .txt, .md)")
    p.add_argument("file")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.add_argument("--annotate", metavar="OUT.docx", help="also write the draft with Word comments")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    p.add_argument("--no-colour", action="store_true")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("batch", help="score many drafts (files, folders, .zip) into one table")
    p.add_argument("paths", nargs="+")
    p.add_argument("--out", required=True, help="results file: .jsonl, .csv or .xlsx")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--rules-only", action="store_true", help="ignore trained models")
    p.set_defaults(func=_cmd_batch)

    p = sub.add_parser("train", help="train the classifiers on the annotated corpus")
    p.add_argument("--corpus", default=None, help="labelled folder (default sample_reports/corpus)")
    p.add_argument("--out", default=None, help="model folder (default models/)")
    p.add_argument("--compare", action="store_true", help="also compare with spaCy textcat")
    p.add_argument("--no-card", action="store_true", help="do not rewrite models/README.md")
    p.set_defaults(func=_cmd_train)

    p = sub.add_parser("evaluate", help="score a labelled folder against its labels")
    p.add_argument("folder")
    p.add_argument("--rules-only", action="store_true")
    p.add_argument("--json", dest="json_out", default=None, help="also write the figures as JSON")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("corpus", help="render corpus sources (.src.md) into .docx/.pdf/.txt")
    p.add_argument("folder", nargs="?", default="sample_reports/corpus")
    p.set_defaults(func=_cmd_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("qa-assistant: interrupted", file=sys.stderr)
        return 130
    except DraftError as exc:
        print(f"qa-assistant: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"qa-assistant: {exc.strerror or 'I/O error'}: {exc.filename or ''}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line, no traceback (it could quote draft text)
        from os import environ

        # imported here, not at the top: it pulls in scikit-learn, about 2 s of every start-up
        from qa_assistant.learn.models import UntrustedModel

        if isinstance(exc, UntrustedModel):
            print(f"qa-assistant: {exc} (rebuild them with 'qa-assistant train')", file=sys.stderr)
            return 3
        if environ.get("QA_DEBUG"):
            raise
        name = type(exc).__name__
        print(f"qa-assistant: internal error ({name}); QA_DEBUG=1 shows details", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
