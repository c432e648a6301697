"""Parsing, extracting and judging on a process pool (:mod:`checker.runtime.forkpool`): the same
documents, claims, findings and edges as one process, and an interruption or a dead
worker ends the run without leaving processes behind."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

import pytest

import checker.judge.evaluate as evaluate
import checker.runtime.parallel_extract as parallel_extract
from checker.runtime import forkpool
from checker.errors import ClaimgraphError
from checker.pipeline import Pipeline, Settings
from tests.conftest import ROOT, SEEDS
from tests.fakes import HashEmbedder

sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the pool forks, which claimgraph uses on Linux only")


@pytest.fixture
def small_pool(monkeypatch):
    """Any number of documents is worth a pool, on two workers even on a one-core machine."""
    monkeypatch.setattr(parallel_extract, "MIN_DOCUMENTS", 1)
    monkeypatch.setattr(forkpool, "usable_cores", lambda: 2)
    calls = []
    real = parallel_extract.extract_many
    monkeypatch.setattr(parallel_extract, "extract_many", lambda jobs, wait=None: calls.append(len(jobs)) or real(jobs, wait))
    import checker.pipeline

    monkeypatch.setattr(checker.pipeline, "extract_many", parallel_extract.extract_many)
    return calls


def _scan(paths, cache_dir):
    pipeline = Pipeline(Settings(cache_dir=str(cache_dir) if cache_dir else None, use_cache=cache_dir is not None), embedder=HashEmbedder())
    try:
        return pipeline.scan([str(p) for p in paths])
    finally:
        pipeline.close()


def test_pooled_extraction_equals_one_process(tmp_path, small_pool):
    generate(tmp_path / "corpus", docs=60, seed=3)
    pooled = _scan([tmp_path / "corpus", SEEDS], tmp_path / "cache")
    assert small_pool == [62]  # the 60 generated documents and the two seeds, parsed by the pool
    alone = _scan([tmp_path / "corpus", SEEDS], None)
    assert pooled.claims == alone.claims and len(pooled.claims) > 150
    assert [(d.id, d.path, d.title, d.date) for d in pooled.documents] == [(d.id, d.path, d.title, d.date) for d in alone.documents]
    assert pooled.findings == alone.findings and pooled.edges == alone.edges


class _PreparedEmbedder(HashEmbedder):
    """Records whether the pipeline loaded it while the workers parsed."""

    workers_when_prepared: int | None = None

    def prepare(self):
        self.workers_when_prepared = len(multiprocessing.active_children())


def test_encoder_loads_while_workers_parse(tmp_path, small_pool):
    generate(tmp_path / "corpus", docs=30, seed=4)
    embedder = _PreparedEmbedder()
    for run in ("cold", "warm"):
        embedder.workers_when_prepared = None
        pipeline = Pipeline(Settings(cache_dir=str(tmp_path / "cache")), embedder=embedder)
        try:
            pipeline.scan([str(tmp_path / "corpus")])
        finally:
            pipeline.close()
        assert small_pool == [30]
        # cold: loaded while two workers parsed; warm: nothing to parse, so no workers and no early load
        assert embedder.workers_when_prepared == (2 if run == "cold" else None)


def test_pooled_judging_equals_one_process(tmp_path, monkeypatch):
    generate(tmp_path / "corpus", docs=80, seed=5)
    alone = _scan([tmp_path / "corpus", SEEDS], None)
    monkeypatch.setattr(forkpool, "usable_cores", lambda: 2)
    monkeypatch.setattr(evaluate, "MIN_POOLED_PAIRS", 1)
    ranges = []
    real = forkpool.fork_map
    monkeypatch.setattr(forkpool, "fork_map", lambda fn, items, **kw: ranges.append(list(items)) or real(fn, items, **kw))
    pooled = _scan([tmp_path / "corpus", SEEDS], None)
    assert len(ranges) == 1 and len(ranges[0]) == 8  # two workers, four ranges each
    assert len(pooled.findings) > 20 and any(e.relation == "supports" for e in pooled.edges)
    assert pooled.findings == alone.findings and pooled.edges == alone.edges and pooled.clusters == alone.clusters


def _workers(monkeypatch, name):
    """The processes started from now on (the pool's workers), and those sent ``terminate``."""
    base = multiprocessing.process.BaseProcess
    real = getattr(base, name)
    seen: list = []
    monkeypatch.setattr(base, name, lambda self: (seen.append(self), real(self))[1])
    return seen


@pytest.mark.slow
def test_pool_is_stopped_when_the_run_is_interrupted(tmp_path, monkeypatch):
    """Guards: an interrupted run stops its workers at once ("end the workers at once",
    :func:`checker.forkpool._stop`) rather than letting them finish their chunks, and
    leaves none behind. Checked by what happened to the workers this test started (each
    was sent ``terminate``, and each is gone), not by how long they took to go: the
    earlier 10 s wait passed on a quiet machine while the workers finished their work
    (3.4 s) and failed with two test runs at once."""
    started = _workers(monkeypatch, "start")
    terminated = _workers(monkeypatch, "terminate")
    jobs = [("Revenue rose 5% in 2024. " * 400, "text", f"d{i}.txt") for i in range(400)]

    def interrupt():
        raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            parallel_extract.extract_many(jobs, interrupt)
        assert started, "no worker was started"
        assert {id(p) for p in started} <= {id(p) for p in terminated}, "the workers were left to finish their work"
    finally:
        _assert_no_workers_left(started)


def _assert_no_workers_left(workers=None):
    """No worker alive (of ``workers``, else of this process's children). The deadline is a
    hang guard for the reaping, not a timing check."""
    deadline = time.monotonic() + 60

    def alive():
        return [p for p in workers if p.is_alive()] if workers is not None else multiprocessing.active_children()

    while alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive() == [], "hang guard: workers still alive 60 s after the run ended (not a timing check)"


def _die(job):
    os._exit(9)


def test_dead_worker_is_one_error_not_a_hang(monkeypatch):
    started = _workers(monkeypatch, "start")
    monkeypatch.setattr(parallel_extract, "extract_batch", _die)
    with pytest.raises(ClaimgraphError, match="worker process parsing documents ended unexpectedly"):
        parallel_extract.extract_many([("Revenue rose 5% in 2024.", "text", "a.txt")] * 4)
    _assert_no_workers_left(started)


def test_no_pool_here_runs_in_one_process(tmp_path, small_pool, monkeypatch):
    """Where no process pool can start (no /dev/shm for its locks), the same work runs in the calling process."""
    generate(tmp_path / "corpus", docs=30, seed=6)
    alone = _scan([tmp_path / "corpus"], None)

    def no_pool(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(forkpool, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(evaluate, "MIN_POOLED_PAIRS", 1)
    fallback = _scan([tmp_path / "corpus"], tmp_path / "cache")
    assert small_pool == [30]  # the pool was asked for, and the work ran without one
    assert fallback.claims == alone.claims and fallback.findings == alone.findings and fallback.edges == alone.edges
    assert multiprocessing.active_children() == []


def _blas_threads(_item) -> list[int]:
    from threadpoolctl import threadpool_info

    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_pool_workers_run_their_numerical_libraries_on_one_thread(monkeypatch):
    """A worker's BLAS splits no product across the cores the other workers run on (the spaCy
    networks multiply with numpy's BLAS, which would otherwise start a thread a core in each)."""
    monkeypatch.setattr(forkpool, "usable_cores", lambda: 2)
    threads = forkpool.fork_map(_blas_threads, [0, 1, 2, 3], what="counting threads")
    assert threads and all(t and set(t) == {1} for t in threads)
