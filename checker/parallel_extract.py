"""Parsing and extracting many documents on several processes.

Reading and extracting claims is pure Python, so one process uses one core while the
others idle until the encoder starts. When a scan must parse at least
:data:`MIN_DOCUMENTS` documents (those the claims cache does not hold) and the machine
has more than one core, :func:`extract_many` parses and extracts them on a process pool
(:class:`concurrent.futures.ProcessPoolExecutor`),
in order, and meanwhile runs ``while_waiting`` in the calling process (the pipeline
loads the encoder there). The pool forks (Linux only): ``spawn`` and ``forkserver``
re-run the calling program's main module in each worker, which a script without a
``__main__`` guard cannot survive. The workers run pure Python (parsing, regular
expressions, JSON) and never touch an encoder the parent may have loaded. Elsewhere
documents are parsed in the calling process. Each worker returns what the claims cache
stores for a document (title, date, claims as :func:`checker.claims_cache.encode_claims`
writes them), which are small to send back; the results equal a one-process run's.

Workers ignore SIGINT: Ctrl-C reaches the whole process group, and the calling process
alone turns it into claimgraph's one-line interruption, terminating the pool on its way
out. A worker that dies (the kernel's out-of-memory killer) ends the run with one line
rather than a hang. SIGTERM and SIGHUP end a worker at once (the default action), so terminating the pool
leaves no process behind and prints nothing from the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from .errors import ClaimgraphError

#: Fewer documents to parse than this are parsed in the calling process (a pool costs
#: about half a second to start).
MIN_DOCUMENTS = 200
#: Most worker processes.
MAX_WORKERS = 8

Job = tuple[str, str, str]  # (decoded text, format, displayed path)
Result = tuple[str | None, str | None, str]  # (title, date, encoded claims)


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worth_a_pool(documents: int) -> bool:
    return (
        documents >= MIN_DOCUMENTS
        and usable_cores() > 1
        and sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
    )


def extract_many(jobs: list[Job], while_waiting: Callable[[], object] | None = None) -> list[Result]:
    """``(title, date, encoded claims)`` of each job's document, in order."""
    workers = max(1, min(usable_cores(), MAX_WORKERS, len(jobs)))
    chunk = max(1, len(jobs) // (workers * 8))
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_signals)
    finished = False
    try:
        pending = executor.map(extract_one, jobs, chunksize=chunk)
        if while_waiting is not None:
            while_waiting()
        results = list(pending)
        finished = True
        return results
    except BrokenProcessPool:
        raise ClaimgraphError("a worker process parsing documents ended unexpectedly (out of memory?); nothing written") from None
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted or failed: stop the workers now rather than let them finish
            executor.shutdown(wait=False, cancel_futures=True)
            processes = list((getattr(executor, "_processes", None) or {}).values())
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=5)


def extract_one(job: Job) -> Result:
    """Parse one decoded document and extract its claims (numbered from 1; the caller renumbers)."""
    from .claims import document_claims
    from .claims_cache import encode_claims
    from .documents import parse_document

    text, fmt, shown = job
    doc = parse_document(text, fmt, "d1", shown)
    return doc.title, doc.date, encode_claims(document_claims(doc, 1))


def _worker_signals() -> None:
    """Worker set-up: Ctrl-C is the parent's to handle; SIGTERM and SIGHUP end a worker at
    once (a forked worker would otherwise inherit the command's handler, which unwinds)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
