"""A process pool for claimgraph's pure-Python stages, on all cores of one machine.

Parsing, extracting and judging are pure Python, so one process uses one core while the
others idle. :func:`fork_map` runs a function over many items on forked worker
processes (:class:`concurrent.futures.ProcessPoolExecutor` with the ``fork`` start
method), in order, and meanwhile runs ``while_waiting`` in the calling process. Forking
means the workers start with the caller's memory: a stage hands them large read-only
data through a module global set before the pool starts (see :func:`shared`), not by
pickling it. ``spawn`` and ``forkserver`` would re-run the calling program's main module
in each worker, which a script without a ``__main__`` guard cannot survive, so the pool
is used only where ``fork`` exists (Linux; :func:`can_fork`); elsewhere the stages run in
the calling process. The workers run pure Python and never touch an encoder the caller
may have loaded.

Signals: workers ignore SIGINT (Ctrl-C reaches the whole process group, and the calling
process alone turns it into claimgraph's one-line interruption, stopping the pool on its
way out); SIGTERM and SIGHUP end a worker at once (a forked worker would otherwise inherit
the command's handler, which unwinds), so stopping the pool leaves no process behind and
prints nothing from the workers. A worker that dies (the kernel's out-of-memory killer)
ends the run with one error line rather than a hang. Where no pool can be started (no
``/dev/shm`` for its locks, a process limit reached) the work runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, TypeVar

from ..errors import ClaimgraphError

#: Most worker processes.
MAX_WORKERS = 8

T = TypeVar("T")
R = TypeVar("R")

_SHARED: dict[str, Any] = {}


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """True where a pool can fork workers and more than one core would run them."""
    return usable_cores() > 1 and sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def workers_for(items: int) -> int:
    return max(1, min(usable_cores(), MAX_WORKERS, items))


def shared(name: str) -> Any:
    """In a worker: the object the caller passed to :func:`fork_map` as ``share[name]``."""
    return _SHARED[name]


def fork_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    what: str,
    chunksize: int = 1,
    share: dict[str, Any] | None = None,
    while_waiting: Callable[[], object] | None = None,
) -> list[R]:
    """``[fn(item) for item in items]`` on forked workers; ``what`` names the work in the
    error line of a dead worker; ``share`` is readable in the workers through :func:`shared`."""
    items = list(items)
    _SHARED.clear()
    _SHARED.update(share or {})
    executor = None
    try:
        executor = ProcessPoolExecutor(workers_for(len(items)), mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)
        pending = executor.map(fn, items, chunksize=chunksize)  # the workers fork here, holding _SHARED
    except (OSError, ImportError, NotImplementedError, AssertionError):
        # no process pool here (no /dev/shm for its locks, a process limit reached, or this is a
        # daemonic process, which multiprocessing forbids children with an AssertionError): one process
        if executor is not None:
            _stop(executor)
        try:
            if while_waiting is not None:
                while_waiting()
            return [fn(item) for item in items]
        finally:
            _SHARED.clear()
    finished = False
    try:
        if while_waiting is not None:
            while_waiting()
        results = list(pending)
        finished = True
        return results
    except BrokenProcessPool:
        raise ClaimgraphError(f"a worker process {what} ended unexpectedly (out of memory?); nothing written") from None
    finally:
        _SHARED.clear()
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted or failed: stop the workers now rather than let them finish
            _stop(executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers at once.

    The workers are taken before ``shutdown``: it drops the executor's table of them.
    """
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _worker_start() -> None:
    """A worker's set-up: its signals (above), and its numerical libraries on one thread each
    (the pool already runs one worker a core: a BLAS that also split each product across
    the cores would have the workers wait on each other's threads; the spaCy parse took
    over twice as long)."""
    from threadpoolctl import threadpool_limits

    _worker_signals()
    _LIMITS.append(threadpool_limits(limits=1))


#: The worker's thread limits, held for its life.
_LIMITS: list = []


def _worker_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
