"""Parsing and extracting many documents on several processes.

When a scan must parse at least :data:`MIN_DOCUMENTS` documents (those the claims cache
does not hold) and the machine can fork workers on more than one core
(:func:`checker.runtime.forkpool.can_fork`), :func:`extract_many` parses and extracts them on a
:mod:`checker.runtime.forkpool` pool, in order and in batches of :data:`BATCH` documents whose
sentences go through the spaCy pipeline together, and meanwhile runs ``while_waiting`` in the
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

#: Documents a worker parses together: their sentences go through the spaCy pipeline in one
#: batch, much faster than a document's few sentences at a time.
BATCH = 32

Job = tuple  # (decoded text, format, displayed path[, given date: --date, or None[, nlp_model]]); one nlp_model per call
Result = tuple[str | None, str | None, str]  # (title, the date the document states, encoded claims)


def worth_a_pool(documents: int) -> bool:
    return documents >= MIN_DOCUMENTS and forkpool.can_fork()


def extract_many(jobs: list[Job], while_waiting: Callable[[], object] | None = None) -> list[Result]:
    """``(title, date, encoded claims)`` of each job's document, in order."""
    workers = forkpool.workers_for(len(jobs))
    size = max(1, min(BATCH, -(-len(jobs) // workers)))  # every worker gets a batch
    batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    # one batch at a time: a batch is parsed in about half a second, so the workers end together
    # (chunks of many batches left one core idle for seconds at the end; what a batch sends back is small)
    done = forkpool.fork_map(extract_batch, batches, what="parsing documents", chunksize=1, while_waiting=while_waiting)
    return [result for batch in done for result in batch]


def extract_batch(jobs: list[Job]) -> list[Result]:
    """Parse a batch of decoded documents and extract their claims (each numbered from 1; the
    caller renumbers), the facts of all of them bound in one pass
    (:func:`checker.frame.facts.documents_facts`: their sentences parsed in one batch)."""
    from ..extract.claims import document_claims
    from ..frame.facts import documents_facts
    from ..frame.nlp import load_nlp
    from ..ingest.docdate import stated_date
    from ..ingest.documents import parse_document
    from ..store.claims_cache import encode_claims

    docs = []
    for text, fmt, shown, *more in jobs:
        given = more[0] if more else None
        docs.append(parse_document(text, fmt, "d1", shown, given))
    nlp_model = jobs[0][4] if jobs and len(jobs[0]) > 4 else None
    claims = documents_facts([(doc, document_claims(doc, 1)) for doc in docs], load_nlp(nlp_model))
    return [(doc.title, stated_date(doc), encode_claims(found)) for doc, found in zip(docs, claims)]
