"""Parsing and extracting many documents on several processes.

When a scan must parse at least :data:`MIN_DOCUMENTS` documents (those the claims cache
does not hold) and the machine can fork workers on more than one core
(:func:`checker.runtime.forkpool.can_fork`), :func:`extract_many` parses and extracts them on a
:mod:`checker.runtime.forkpool` pool, in order, and meanwhile runs ``while_waiting`` in the
calling process (the pipeline loads the encoder there). Each worker returns what the
claims cache stores for a document (title, date, claims as
:func:`checker.store.claims_cache.encode_claims` writes them), which are small to send back;
the results equal a one-process run's.
"""

from __future__ import annotations

from typing import Callable

from . import forkpool

#: Fewer documents to parse than this are parsed in the calling process (a pool costs
#: about half a second to start).
MIN_DOCUMENTS = 200

Job = tuple  # (decoded text, format, displayed path[, given date: --date, or None[, nlp_model]])
Result = tuple[str | None, str | None, str]  # (title, the date the document states, encoded claims)


def worth_a_pool(documents: int) -> bool:
    return documents >= MIN_DOCUMENTS and forkpool.can_fork()


def extract_many(jobs: list[Job], while_waiting: Callable[[], object] | None = None) -> list[Result]:
    """``(title, date, encoded claims)`` of each job's document, in order."""
    chunk = max(1, len(jobs) // (forkpool.workers_for(len(jobs)) * 8))
    return forkpool.fork_map(extract_one, jobs, what="parsing documents", chunksize=chunk, while_waiting=while_waiting)


def extract_one(job: Job) -> Result:
    """Parse one decoded document and extract its claims (numbered from 1; the caller renumbers)."""
    from ..frame.facts import document_claims_with_facts as document_claims
    from ..store.claims_cache import encode_claims
    from ..ingest.docdate import stated_date
    from ..ingest.documents import parse_document

    text, fmt, shown, *more = job
    given = more[0] if more else None
    nlp_model = more[1] if len(more) > 1 else None
    doc = parse_document(text, fmt, "d1", shown, given)
    return doc.title, stated_date(doc), encode_claims(document_claims(doc, 1, nlp_model))
