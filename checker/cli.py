"""The ``claimgraph`` command line: scan, check, index, compare, rules, config.

Exit codes (a contract other tools depend on): 0 when no finding is at or above
``--fail-on``, 1 when one is, 2 for a usage, configuration or input error, which is
printed as one line with no traceback. The report goes to stdout or to ``--output``
files (written atomically); the summary and warnings go to stderr.

Settings come from the flags, else the configuration file (:mod:`checker.config`),
else the defaults. The exit code is computed over the whole run, after path
overrides, in-place suppressions and the baseline have removed what they remove.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
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
        help="write the report to FILE (repeatable; the format follows each file's suffix unless --format is given "
        "with one output); '-' is stdout, in --format",
    )
    out.add_argument("--graph", metavar="FILE", help="export the claim graph (.graphml or .json)")
    out.add_argument("--fail-on", choices=FAIL_LEVELS, help="exit 1 when a finding is at or above this severity (default: error)")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    out.add_argument("--quiet", "-q", action="store_true", help="no summary, warnings or progress bar on stderr")
    gate = parser.add_argument_group("gates")
    gate.add_argument("--baseline", metavar="FILE", help="drop findings whose fingerprint is in FILE (written by --write-baseline)")
    gate.add_argument("--write-baseline", metavar="FILE", help="write the fingerprints of this run's findings to FILE")
    gate.add_argument(
        "--warn-unused-suppressions", action="store_true", help="warn about each claimgraph: disable directive that suppressed nothing"
    )
    _input_flags(parser)
    _model_flags(parser)
    _nli_flag(parser)


def _nli_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--nli", metavar="MODEL",
        help="judge the pairs no rule decided with this NLI cross-encoder (folder or name, offline; rule NLI001)",
    )


def _size_mb(value: str) -> float:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {value!r}") from None
    if not size >= 0 or size == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or a positive number of MB, not {value!r}")
    return size


def _input_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size", type=_size_mb, metavar="MB",
        help="skip, with a warning, any document larger than MB mebibytes (default: 10; 0: no limit)",
    )


def _model_flags(parser: argparse.ArgumentParser) -> None:
    model = parser.add_argument_group("model and rules")
    model.add_argument("--config", metavar="FILE", help="configuration file (default: claimgraph.toml or pyproject.toml here or above)")
    model.add_argument("--model", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2)")
    model.add_argument("--device", choices=("cpu", "cuda", "auto"), help="where the encoder runs (default: cpu)")
    model.add_argument("--backend", choices=("torch", "onnx", "onnx-int8"),
                       help="encoder runtime: torch (default), onnx or onnx-int8 (ONNX Runtime, CPU; needs claimgraph[onnx])")
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
    dist = scan.add_argument_group("distributed (Dask; pip install 'claimgraph[distributed]')")
    dist.add_argument("--jobs", type=int, metavar="N", help="embed and search on a local cluster of N worker processes")
    dist.add_argument("--scheduler", metavar="ADDRESS", help="embed and search on the Dask cluster at ADDRESS (tcp://host:port)")
    check = sub.add_parser("check", help="check drafts against already published documents")
    check.add_argument("drafts", nargs="+", metavar="DRAFT")
    check.add_argument("--against", nargs="+", required=True, metavar="PATH", help="the archive: files and folders, or one index folder")
    _common(check)
    index = sub.add_parser("index", help="build or update a saved index of an archive, for check --against")
    index.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: those the index was built from)")
    index.add_argument("--index", required=True, metavar="DIR", help="the index folder (created, or updated in place)")
    index.add_argument("--rebuild", action="store_true", help="build from scratch, replacing an index of another version or model")
    index.add_argument("--quiet", "-q", action="store_true", help="no summary, warnings or progress bar on stderr")
    _input_flags(index)
    _model_flags(index)
    compare = sub.add_parser("compare", help="a verdict for two texts, or for each pair of a JSONL file")
    compare.add_argument("texts", nargs="*", metavar="TEXT", help="TEXT_A TEXT_B")
    compare.add_argument("--pairs", metavar="FILE.jsonl", help="one object a line with id, text_a, text_b")
    compare.add_argument("--format", "-f", choices=("terminal", "json"), default="terminal")
    compare.add_argument("--model", help="sentence-transformers model name or path")
    compare.add_argument("--device", choices=("cpu", "cuda", "auto"), help="where the encoder runs (default: cpu)")
    compare.add_argument("--backend", choices=("torch", "onnx", "onnx-int8"), help="encoder runtime (default: torch)")
    compare.add_argument("--cache-dir", help="embedding cache folder")
    compare.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    compare.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder")
    compare.add_argument("--config", metavar="FILE", help="configuration file")
    _nli_flag(compare)
    rules = sub.add_parser("rules", help="list the rules with their documentation")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder")
    rules.add_argument("--config", metavar="FILE", help="configuration file")
    config = sub.add_parser("config", help="print the effective configuration")
    config.add_argument("--format", "-f", choices=("toml", "json"), default="toml")
    config.add_argument("--fail-on", choices=FAIL_LEVELS, help="as for scan and check")
    _input_flags(config)
    _model_flags(config)
    return parser


class Terminated(BaseException):
    """Raised in the main thread when the process receives SIGTERM (or SIGHUP): the run
    unwinds like Ctrl-C, so temporary files are removed and nothing partial is left."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.name = signal.Signals(signum).name


def _raise_terminated(signum, frame) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _terminate_like_ctrl_c():
    """SIGTERM and SIGHUP raise :class:`Terminated` while the run lasts (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {}
    for signum in wanted:
        try:
            previous[signum] = signal.signal(signum, _raise_terminated)
        except (OSError, ValueError):  # pragma: no cover - not settable here
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: list[str] | None = None) -> int:
    try:
        with _terminate_like_ctrl_c():
            code = _run(argv)
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        print(f"claimgraph: error: interrupted; {_nothing_written()}", file=sys.stderr)
        code = 2
    except Terminated as exc:
        print(f"claimgraph: error: terminated ({exc.name}); {_nothing_written()}", file=sys.stderr)
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


_RUNNING: dict[str, str | None] = {"command": None}  # the command being run, for the interruption message


def _nothing_written() -> str:
    if _RUNNING["command"] == "index":
        return "the index was left as it was"
    return "no report written"


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    _RUNNING["command"] = None
    args = parser.parse_args(argv)
    _RUNNING["command"] = args.command
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "rules":
        return _list_rules(args)
    if args.command == "compare":
        return _compare(args)
    if args.command == "index":
        return _index(args)
    if args.command == "config":
        return _show_config(args)
    return _check_or_scan(args)


def _config_of(args):
    from .config import load_config

    return load_config(getattr(args, "config", None))


def _rule_paths(config, args) -> list[str]:
    """The configuration's rule paths, then the flags', each once."""
    out: dict[str, str] = {}
    for p in [*config.rules, *args.rules]:
        out.setdefault(os.path.abspath(p), p)
    return list(out.values())


def _settings(args, config):
    from .pipeline import Settings

    max_size = getattr(args, "max_size", None)
    if max_size is None:
        max_size = config.max_size
    extra = {} if max_size is None else {"max_size_mb": max_size}
    return Settings(
        **extra,
        model=args.model or config.model,
        device=args.device or config.device or "cpu",
        backend=getattr(args, "backend", None) or config.backend or "torch",
        cache_dir=args.cache_dir or config.cache_dir,
        use_cache=not args.no_cache,
        rule_paths=_rule_paths(config, args),
        config=config,
        nli=getattr(args, "nli", None) or config.nli,
    )


def _warner(quiet: bool):
    return (lambda m: None) if quiet else (lambda m: print(f"claimgraph: warning: {m}", file=sys.stderr))


def _list_rules(args) -> int:
    from .judge.ruleset import load_rules

    config = _config_of(args)
    rules = load_rules(_rule_paths(config, args))
    config.check_rules(rules)
    for rule in config.apply_to_rules(rules):
        state = ""
        if not rule.enabled:
            by_config = config.source and (rule.id in config.disable or "all" in config.disable)
            state = f" (disabled in {config.source})" if by_config else " (disabled)"
        print(f"{rule.id}  {rule.name}  [{rule.kind} -> {rule.finding}, {rule.severity}]{state}")
        print(f"    {rule.description}")
        if rule.id in config.params:
            print(f"    params: {', '.join(f'{k}={v!r}' for k, v in sorted(rule.params.items()))}")
        for ex in rule.examples:
            print(f"    {ex.expect}: {ex.a!r}  /  {ex.b!r}")
        print()
    return 0


def _compare(args) -> int:
    from .compare import compare_many, read_pairs
    from .pipeline import Pipeline

    if args.pairs and args.texts:
        raise ClaimgraphError("give either TEXT_A TEXT_B or --pairs FILE, not both")
    if not args.pairs and len(args.texts) != 2:
        raise ClaimgraphError("compare needs two texts, TEXT_A TEXT_B, or --pairs FILE.jsonl")
    items = read_pairs(args.pairs) if args.pairs else [("1", args.texts[0], args.texts[1])]
    pipeline = Pipeline(_settings(args, _config_of(args)), warn=_warner(False))
    try:
        for result in compare_many(items, pipeline.rules, pipeline.embedder, nli=pipeline.nli_judge):
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
    targets: list[tuple[str | None, str]] = []
    files = [p for p in args.output if p != "-"]
    if len(files) < len(args.output):  # "-o -": stdout, in --format (else terminal)
        targets.append((None, args.format or "terminal"))
    for path in files:
        if Path(path).resolve() in input_files:
            raise ClaimgraphError(f"refusing to overwrite an input document with the report: {path}")
        if Path(path).is_dir():
            raise ClaimgraphError(f"--output is a folder, not a file: {path}")
        fmt = args.format if (args.format and len(args.output) == 1) else format_for_path(path)
        if fmt is None:
            raise ClaimgraphError(f"cannot tell the report format from {path!r}; give --format")
        targets.append((path, fmt))
    return targets


def _index(args) -> int:
    from .indexing import build_index
    from .pipeline import Pipeline
    from .runtime.progress import for_stderr

    config = _config_of(args)
    pipeline = Pipeline(_settings(args, config), warn=_warner(args.quiet), progress=for_stderr(args.quiet))
    try:
        stats = build_index(pipeline, args.paths, args.index, rebuild=args.rebuild)
    finally:
        pipeline.close()
    if not args.quiet:
        print(f"claimgraph: {stats.line(args.index)}", file=sys.stderr)
    return 0


def _show_config(args) -> int:
    import json

    from .config import to_toml
    from .store.embedding_cache import default_cache_dir
    from .embed.embeddings import DEFAULT_MODEL
    from .judge.ruleset import load_rules

    config = _config_of(args)
    rule_paths = _rule_paths(config, args)
    config.check_rules(load_rules(rule_paths))
    if args.no_cache:
        cache = "off"
    else:
        cache = args.cache_dir or config.cache_dir or str(default_cache_dir())
    data = config.effective(
        rules=rule_paths,
        model=args.model or config.model or DEFAULT_MODEL,
        device=args.device or config.device or "cpu",
        backend=getattr(args, "backend", None) or config.backend or "torch",
        fail_on=args.fail_on or config.fail_on or "error",
        cache_dir=cache,
        max_size=_max_size_shown(args.max_size if args.max_size is not None else config.max_size),
    )
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        source = data.pop("config")
        print(f"# effective configuration; file: {source or 'none found'}")
        sys.stdout.write(to_toml(data))
    return 0


def _max_size_shown(mb: float | None) -> float | int:
    """The document size limit in force, in MB (0: none), as ``claimgraph config`` prints it."""
    from .ingest.documents import DEFAULT_MAX_SIZE_MB

    value = DEFAULT_MAX_SIZE_MB if mb is None else mb
    return int(value) if float(value).is_integer() else value


def _check_or_scan(args) -> int:
    import dataclasses

    from .store.atomic import write_text_atomic
    from .gate.baseline import apply_baseline, read_baseline, write_baseline
    from .judge.findings import order_findings
    from .report.graph import edges_without, graph_text
    from .pipeline import Pipeline
    from .runtime.progress import for_stderr
    from .report import render, summary_line

    inputs = list(args.paths) if args.command == "scan" else list(args.drafts) + list(args.against)
    targets = _outputs(args, inputs)
    if args.write_baseline:
        _refuse_input(args.write_baseline, inputs, "--write-baseline")
    config = _config_of(args)
    fail_on = args.fail_on or config.fail_on or "error"
    baseline = read_baseline(args.baseline) if args.baseline else None
    warn = _warner(args.quiet)
    client = None
    if args.command == "scan" and (args.jobs is not None or args.scheduler):
        from .runtime.distributed import DistributedPipeline, connect

        client = connect(args.jobs, args.scheduler)
        pipeline = DistributedPipeline(_settings(args, config), client=client, warn=warn, progress=for_stderr(args.quiet))
    else:
        pipeline = Pipeline(_settings(args, config), warn=warn, progress=for_stderr(args.quiet))
    try:
        report = pipeline.scan(args.paths) if args.command == "scan" else pipeline.check(args.drafts, args.against)
        if not report.documents:
            raise ClaimgraphError("no readable documents (.txt, .md, .html) in the given paths")
        report, stats = pipeline.gate(report)
    finally:
        pipeline.close()
        if client is not None:
            from .runtime.distributed import disconnect

            disconnect(client, args.scheduler)
    if args.write_baseline:
        write_baseline(args.write_baseline, report.findings, report.claim_by_id())
    if baseline is not None:
        kept, stats.baselined = apply_baseline(report.findings, baseline)
        dropped = [f for f in report.findings if f.fingerprint in baseline]
        report = dataclasses.replace(
            report, findings=order_findings(kept, report.claim_by_id()), edges=edges_without(report.edges, dropped)
        )
    # Render everything before writing anything: a failure then leaves every file as it was.
    rendered: dict[str, str] = {fmt: render(report, fmt) for fmt in dict.fromkeys(fmt for _, fmt in targets)}
    graph = graph_text(report, args.graph) if args.graph else None
    for path, fmt in targets:
        if path is None:
            sys.stdout.write(rendered[fmt])
        else:
            write_text_atomic(path, rendered[fmt])
    if graph is not None:
        write_text_atomic(args.graph, graph)
    if not args.quiet:
        if args.warn_unused_suppressions:
            for d in stats.unused:
                print(f"claimgraph: warning: {d.where}: unused suppression {d.text!r} (it suppressed no finding)", file=sys.stderr)
        extra = []
        if baseline is not None:
            extra.append(f"baselined: {stats.baselined}")
        if stats.suppressed:
            extra.append(f"suppressed: {stats.suppressed}")
        if stats.overridden:
            extra.append(f"disabled by overrides: {stats.overridden}")
        print(f"claimgraph: {summary_line(report)}{'; ' + ', '.join(extra) if extra else ''}", file=sys.stderr)
        for path, _ in targets:
            if path:
                print(f"claimgraph: wrote {path}", file=sys.stderr)
        if args.write_baseline:
            print(f"claimgraph: wrote baseline {args.write_baseline} ({len(report.findings) + stats.baselined} findings)", file=sys.stderr)
    return exit_code(report, fail_on, args.exit_zero)


def _refuse_input(path: str, inputs: list[str], flag: str) -> None:
    resolved = Path(path).resolve()
    for item in inputs:
        p = Path(item)
        if p.is_file() and p.resolve() == resolved:
            raise ClaimgraphError(f"refusing to overwrite an input document with {flag}: {path}")


def exit_code(report, fail_on: str, exit_zero: bool = False) -> int:
    from .model import SEVERITIES

    if exit_zero or fail_on == "never":
        return 0
    limit = SEVERITIES.index(fail_on)
    return 1 if any(SEVERITIES.index(f.severity) <= limit for f in report.findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
