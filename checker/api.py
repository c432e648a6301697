"""The Python API: the command line's operations as functions that return records.

    import checker

    report = checker.scan(["reports/"], fail_on="warning")
    report.findings_frame()[["rule", "severity", "path", "line", "text"]]

    with checker.Session(cache_dir=".cache") as session:     # one model, one set of caches
        archive = session.scan(["archive/"])
        draft = session.check(["draft.md"], against=["archive/"])
        print(session.exit_code(draft))                        # 0, or 1 as the CLI would exit

Options are the command line's long flags with underscores (``cache_dir``, ``fail_on``,
``no_cache``, ``max_size``, ``date``, ``baseline``, ...) and are resolved as the command line resolves
them (:func:`checker.settings.resolve_settings`: the option, then the environment, then the
configuration file found from the current folder up or named by ``config_path``, then the
default). A report is gated as the command line gates it: path overrides and disabled rules
of the configuration, in-place suppressions, then the baseline. :func:`run_gated` is the one
place that does this; the command line calls it too.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Sequence

from .errors import ClaimgraphError
from .model import SEVERITIES, Report

__all__ = ["Session", "scan", "check", "index", "compare", "make_pipeline", "run_gated", "exit_code"]


def exit_code(report: Report, fail_on: str, exit_zero: bool = False, review_severity: str = "none") -> int:
    """The command line's exit status for ``report``: 1 when a finding is at or above ``fail_on``,
    or, in a check, when its claim ledger has a ``review`` entry and ``review_severity`` is at or
    above ``fail_on`` (``none``, the default: reviews never fail a run)."""
    if exit_zero or fail_on == "never":
        return 0
    limit = SEVERITIES.index(fail_on)
    if any(SEVERITIES.index(f.severity) <= limit for f in report.findings):
        return 1
    if review_severity != "none" and report.draft_paths is not None:
        from .ledger import review_fails

        return 1 if review_fails(report.ledger(), fail_on, review_severity) else 0
    return 0


def make_pipeline(settings, *, encoder=None, warn=None, progress=None, client=None):
    """The pipeline of a run: on the Dask ``client``'s cluster when one is given, else in this
    process; ``encoder`` makes the sentence encoder in place of the configured model. The one
    place the command line and :class:`Session` build pipelines."""
    from .runtime.progress import NO_PROGRESS

    warn = warn or (lambda message: None)
    progress = progress or NO_PROGRESS
    if client is not None:
        from .runtime.distributed import DistributedPipeline

        return DistributedPipeline(settings, client=client, embedder_factory=encoder, warn=warn, progress=progress)
    from .pipeline import Pipeline

    return Pipeline(settings, warn=warn, progress=progress, encoder=encoder)


def run_gated(pipeline, command: str, inputs: Sequence[str], against: Sequence[str] = (), gate=None):
    """Scan ``inputs`` (``command == "scan"``) or check drafts ``inputs`` against ``against``,
    then gate the report: ``(report, stats)``.

    ``gate`` is a :class:`checker.settings.Gate`: its baseline drops the findings whose
    fingerprint it holds, and its ``write_baseline`` file receives the fingerprints of the
    findings before the baseline is applied. An input that yields no readable document is an
    error. The pipeline is not closed.
    """
    from .gate.baseline import apply_baseline, read_baseline, write_baseline
    from .judge.findings import order_findings
    from .report.graph import edges_without

    baseline = read_baseline(gate.baseline) if gate is not None and gate.baseline else None
    if command == "scan":
        report = pipeline.scan(list(inputs))
    else:
        report = pipeline.check(list(inputs), list(against))
    if not report.documents:
        raise ClaimgraphError("no readable documents (.txt, .md, .html, .docx, .pdf) in the given paths")
    report, stats = pipeline.gate(report)
    if gate is not None and gate.write_baseline:
        write_baseline(gate.write_baseline, report.findings, report.claim_by_id())
    if baseline is not None:
        kept, stats.baselined = apply_baseline(report.findings, baseline)
        dropped = [f for f in report.findings if f.fingerprint in baseline]
        report = dataclasses.replace(
            report, findings=order_findings(kept, report.claim_by_id()), edges=edges_without(report.edges, dropped)
        )
    return report, stats


class Session:
    """A long-lived claimgraph: one configuration, encoder, rule set and caches for many calls.

    A context manager; :meth:`close` (or leaving the ``with`` block) closes the caches, the
    process pools and, for ``jobs``/``scheduler``, the Dask cluster. ``encoder`` is a
    callable that makes the sentence encoder in place of the configured model (still behind
    the embedding cache); ``warn`` receives warning lines (default: dropped). The other
    options are the command line's (see the module docstring); ``jobs`` and ``scheduler``
    run :meth:`scan` on a Dask cluster as ``claimgraph scan --jobs`` does.
    """

    def __init__(
        self,
        config_path: str | None = None,
        *,
        encoder: Callable[[], Any] | None = None,
        warn: Callable[[str], None] | None = None,
        jobs: int | None = None,
        scheduler: str | None = None,
        **options: Any,
    ) -> None:
        from .settings import resolve_settings

        self.resolved = resolve_settings(config_path, **options)
        self._encoder = encoder
        self._warn = warn or (lambda message: None)
        self._jobs, self._scheduler = jobs, scheduler
        self._pipeline = None
        self._client = None
        self.stats = None  # the gate's counts of the last scan or check (suppressed, baselined, ...)

    # ------------------------------------------------------------------ lifetime

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the pipeline's caches and pools, and the Dask client this session started."""
        pipeline, client = self._pipeline, self._client
        self._pipeline = self._client = None
        try:
            if pipeline is not None:
                pipeline.close()
        finally:
            if client is not None:
                from .runtime.distributed import disconnect

                disconnect(client, self._scheduler)

    @property
    def pipeline(self):
        """The session's :class:`checker.pipeline.Pipeline` (made on first use)."""
        if self._pipeline is None:
            if self._jobs is not None or self._scheduler:
                from .runtime.distributed import connect

                self._client = connect(self._jobs, self._scheduler)
            self._pipeline = make_pipeline(self.resolved.settings, encoder=self._encoder, warn=self._warn, client=self._client)
        return self._pipeline

    # ------------------------------------------------------------------ operations

    def scan(self, paths: Sequence[str]) -> Report:
        """Every document of ``paths`` (files or folders) against every other, gated."""
        report, self.stats = run_gated(self.pipeline, "scan", _paths(paths), gate=self.resolved.gate)
        return report

    def check(self, drafts: Sequence[str], against: Sequence[str]) -> Report:
        """The findings that involve a draft, judged against ``against`` (files, folders or one index), gated."""
        if not against:
            raise ClaimgraphError("check needs an archive: against=[files, folders or an index]")
        report, self.stats = run_gated(self.pipeline, "check", _paths(drafts), _paths(against), gate=self.resolved.gate)
        return report

    def index(self, paths: Sequence[str], folder: str, rebuild: bool = False):
        """Build or update the saved index ``folder`` of ``paths``; returns its counts (``IndexStats``)."""
        from .indexing import build_index

        return build_index(self.pipeline, _paths(paths), str(folder), rebuild=rebuild)

    def compare(self, text_a: str, text_b: str):
        """The verdict on two texts: a ``CompareResult`` with ``verdict`` (``conflict``,
        ``support`` or ``neutral``), ``rule`` and ``message``."""
        from .comparison import compare_many

        pipeline = self.pipeline
        return next(iter(compare_many([("1", text_a, text_b)], pipeline.rules, pipeline.embedder, nli=pipeline.nli_judge)))

    def exit_code(self, report: Report) -> int:
        """The exit status ``claimgraph`` would give ``report`` under this session's ``fail_on``."""
        gate = self.resolved.gate
        return exit_code(report, gate.fail_on, gate.exit_zero, gate.review_severity)


def _paths(paths) -> list[str]:
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return [str(p) for p in paths]


def scan(paths: Sequence[str], **options: Any) -> Report:
    """``claimgraph scan PATHS``: a gated :class:`~checker.model.Report` (options: see :class:`Session`)."""
    with Session(**options) as session:
        return session.scan(paths)


def check(drafts: Sequence[str], against: Sequence[str], **options: Any) -> Report:
    """``claimgraph check DRAFTS --against PATHS``: the gated report of the findings that involve a draft."""
    with Session(**options) as session:
        return session.check(drafts, against)


def index(paths: Sequence[str], folder: str, rebuild: bool = False, **options: Any):
    """``claimgraph index PATHS --index FOLDER``: build or update a saved index; returns its counts."""
    with Session(**options) as session:
        return session.index(paths, folder, rebuild=rebuild)


def compare(text_a: str, text_b: str, **options: Any):
    """``claimgraph compare TEXT_A TEXT_B``: the verdict (``conflict``, ``support`` or ``neutral``), rule and message."""
    with Session(**options) as session:
        return session.compare(text_a, text_b)
