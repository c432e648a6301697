"""The ``claimgraph`` command line: scan, check, rules.

Exit codes (a contract other tools depend on): 0 when no finding is at or above
``--fail-on``, 1 when one is, 2 for a usage, configuration or input error, which is
printed as one line with no traceback. The report goes to stdout or to ``--output``
files (written atomically); the summary and warnings go to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import ClaimgraphError

FAIL_LEVELS = ("error", "warning", "info", "never")
FORMATS = ("terminal", "json", "markdown", "html", "sarif", "github")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise ClaimgraphError(message)


def _common(parser: argparse.ArgumentParser) -> None:
    out = parser.add_argument_group("output")
    out.add_argument("--format", "-f", choices=FORMATS, help="report format (default: by --output suffix, else terminal)")
    out.add_argument(
        "--output", "-o", action="append", default=[], metavar="FILE",
        help="write the report to FILE (repeatable; the format follows each file's suffix unless --format is given)",
    )
    out.add_argument("--graph", metavar="FILE", help="export the claim graph (.graphml or .json)")
    out.add_argument("--fail-on", choices=FAIL_LEVELS, default="error", help="exit 1 when a finding is at or above this severity (default: error)")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    out.add_argument("--quiet", "-q", action="store_true", help="no summary or warnings on stderr")
    model = parser.add_argument_group("model and rules")
    model.add_argument("--model", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2)")
    model.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu", help="where the encoder runs (default: cpu)")
    model.add_argument("--cache-dir", help="embedding cache folder (default: $CLAIMGRAPH_CACHE_DIR, else the user cache folder)")
    model.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    model.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimgraph", description="Find the figures and dates documents state, and which of them conflict.")
    parser.add_argument("--version", action="version", version=f"claimgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    scan = sub.add_parser("scan", help="check a set of documents against each other")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt, .md, .html) or folders")
    _common(scan)
    check = sub.add_parser("check", help="check drafts against already published documents")
    check.add_argument("drafts", nargs="+", metavar="DRAFT")
    check.add_argument("--against", nargs="+", required=True, metavar="PATH", help="the archive: files or folders")
    _common(check)
    compare = sub.add_parser("compare", help="a verdict for two texts, or for each pair of a JSONL file")
    compare.add_argument("texts", nargs="*", metavar="TEXT", help="TEXT_A TEXT_B")
    compare.add_argument("--pairs", metavar="FILE.jsonl", help="one object a line with id, text_a, text_b")
    compare.add_argument("--format", "-f", choices=("terminal", "json"), default="terminal")
    compare.add_argument("--model", help="sentence-transformers model name or path")
    compare.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu")
    compare.add_argument("--cache-dir", help="embedding cache folder")
    compare.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    compare.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder")
    rules = sub.add_parser("rules", help="list the rules with their documentation")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        code = _run(argv)
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        print("claimgraph: error: interrupted; no report written", file=sys.stderr)
        code = 2
    except OSError as exc:
        print(f"claimgraph: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        code = 2
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line and exit 2
        if os.environ.get("CLAIMGRAPH_DEBUG"):
            raise
        print(f"claimgraph: internal error: {type(exc).__name__}: {exc} (set CLAIMGRAPH_DEBUG=1 for details)", file=sys.stderr)
        code = 2
    sys.stdout.flush()
    return code


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "rules":
        return _list_rules(args)
    if args.command == "compare":
        return _compare(args)
    return _check_or_scan(args)


def _list_rules(args) -> int:
    from .ruleset import load_rules

    for rule in load_rules(args.rules):
        state = "" if rule.enabled else " (disabled)"
        print(f"{rule.id}  {rule.name}  [{rule.kind} -> {rule.finding}, {rule.severity}]{state}")
        print(f"    {rule.description}")
        for ex in rule.examples:
            print(f"    {ex.expect}: {ex.a!r}  /  {ex.b!r}")
        print()
    return 0


def _compare(args) -> int:
    from .compare import compare_many, read_pairs
    from .pipeline import Pipeline, Settings

    if args.pairs and args.texts:
        raise ClaimgraphError("give either TEXT_A TEXT_B or --pairs FILE, not both")
    if not args.pairs and len(args.texts) != 2:
        raise ClaimgraphError("compare needs two texts, TEXT_A TEXT_B, or --pairs FILE.jsonl")
    items = read_pairs(args.pairs) if args.pairs else [("1", args.texts[0], args.texts[1])]
    settings = Settings(model=args.model, device=args.device, cache_dir=args.cache_dir, use_cache=not args.no_cache, rule_paths=args.rules)
    pipeline = Pipeline(settings, warn=lambda m: print(f"claimgraph: warning: {m}", file=sys.stderr))
    try:
        for result in compare_many(items, pipeline.rules, pipeline.embedder):
            if args.format == "json":
                print(result.as_json())
            else:
                rule = f" [{result.rule}]" if result.rule else ""
                print(f"{result.id}: {result.verdict}{rule} {result.message}")
    finally:
        pipeline.close()
    return 0


def _outputs(args, inputs: list[str]) -> list[tuple[str | None, str]]:
    """(path or None for stdout, format) for each report to write."""
    from .report import format_for_path

    input_files = set()
    for item in inputs:
        p = Path(item)
        if p.is_file():
            input_files.add(p.resolve())
    if not args.output:
        return [(None, args.format or "terminal")]
    targets = []
    for path in args.output:
        if Path(path).resolve() in input_files:
            raise ClaimgraphError(f"refusing to overwrite an input document with the report: {path}")
        if Path(path).is_dir():
            raise ClaimgraphError(f"--output is a folder, not a file: {path}")
        fmt = args.format if (args.format and len(args.output) == 1) else format_for_path(path)
        if fmt is None:
            raise ClaimgraphError(f"cannot tell the report format from {path!r}; give --format")
        targets.append((path, fmt))
    return targets


def _check_or_scan(args) -> int:
    from .atomic import write_text_atomic
    from .graph import graph_text
    from .pipeline import Pipeline, Settings
    from .report import render, summary_line

    inputs = list(args.paths) if args.command == "scan" else list(args.drafts) + list(args.against)
    targets = _outputs(args, inputs)
    warn = (lambda m: None) if args.quiet else (lambda m: print(f"claimgraph: warning: {m}", file=sys.stderr))
    settings = Settings(
        model=args.model,
        device=args.device,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
        rule_paths=args.rules,
    )
    pipeline = Pipeline(settings, warn=warn)
    try:
        report = pipeline.scan(args.paths) if args.command == "scan" else pipeline.check(args.drafts, args.against)
    finally:
        pipeline.close()
    if not report.documents:
        raise ClaimgraphError("no readable documents (.txt, .md, .html) in the given paths")
    rendered: dict[str, str] = {}
    for path, fmt in targets:
        text = rendered.setdefault(fmt, render(report, fmt))
        if path is None:
            sys.stdout.write(text)
        else:
            write_text_atomic(path, text)
    if args.graph:
        write_text_atomic(args.graph, graph_text(report, args.graph))
    if not args.quiet:
        print(f"claimgraph: {summary_line(report)}", file=sys.stderr)
        for path, _ in targets:
            if path:
                print(f"claimgraph: wrote {path}", file=sys.stderr)
    return exit_code(report, args.fail_on, args.exit_zero)


def exit_code(report, fail_on: str, exit_zero: bool = False) -> int:
    from .model import SEVERITIES

    if exit_zero or fail_on == "never":
        return 0
    limit = SEVERITIES.index(fail_on)
    return 1 if any(SEVERITIES.index(f.severity) <= limit for f in report.findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
