"""Caches as wrappers around stages: the cached extractor and the cached judge.

As :class:`~checker.store.embedding_cache.CachedEmbedder` wraps an encoder, each wrapper
takes the records its stage takes and returns the records the stage returns, and the stage
knows nothing of the cache:

* :class:`CachedExtractor` wraps the extraction of a document's claims
  (:func:`checker.extract.claims.document_claims`): a :class:`Loaded` document whose claims
  the reader found in the claims cache is decoded, not extracted; one it parsed is
  extracted and stored. It returns an :class:`Extraction`: the claims, numbered across the
  documents, and the :class:`~checker.store.claims_cache.ClaimsDigest` of what it read,
  which the judgement's key takes instead of encoding the claims again.
* :class:`CachedJudge` wraps the judging of candidate pairs (clusters, rules, findings,
  edges: a :class:`~checker.judge.evaluate.Judgement`), keyed by
  :func:`~checker.store.claims_cache.judgement_key`.

Everything a wrapper needs arrives as an argument; nothing is kept between calls.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Callable, Sequence

from ..ingest.docdate import stated_date
from ..judge.evaluate import Judgement
from ..model import Claim, Document, Edge, Finding
from .claims_cache import ClaimsCache, ClaimsDigest, decode_claims, encode_claims, judgement_key


@dataclass(frozen=True)
class Loaded:
    """A document as the reader made it, with what the claims cache knows of it."""

    document: Document
    key: bytes | None = None  # its claims-cache key; None: not to be cached (no cache, or a lossy decode)
    stored: str | None = None  # its claims as the cache holds them (then the document was not parsed)


@dataclass(frozen=True)
class Extraction:
    """The claims of a run's documents, numbered across them in order."""

    claims: list[Claim]
    digest: bytes | None = None  # their ClaimsDigest (with a claims cache), for judgement_key


class CachedExtractor:
    """Wraps ``extract(document, first_number) -> claims`` with the claims cache."""

    def __init__(self, extract: Callable[[Document, int], list[Claim]], cache: ClaimsCache) -> None:
        self.extract = extract
        self.cache = cache

    def __call__(self, loaded: Sequence[Loaded]) -> Extraction:
        claims: list[Claim] = []
        fresh: list[tuple[bytes, str | None, str | None, str]] = []
        digest = ClaimsDigest()
        for item in loaded:
            doc, first = item.document, len(claims) + 1
            encoded = item.stored
            if encoded is not None:
                found = decode_claims(encoded, doc, first)
            else:
                found = self.extract(doc, first)
                if item.key is not None:
                    encoded = encode_claims(found)
                    fresh.append((item.key, doc.title, stated_date(doc), encoded))
            digest.add(doc, first, len(found), encoded if encoded is not None else encode_claims(found), item.key)
            claims.extend(found)
        if fresh:
            self.cache.put_many(fresh)
        return Extraction(claims, digest.digest())


class CachedJudge:
    """Wraps ``judge(documents, claims, pairs) -> Judgement`` with the claims cache's
    ``judgements`` table (the :data:`KEEP` most recent ones)."""

    KEEP = 4

    def __init__(self, judge: Callable[..., Judgement], cache: ClaimsCache, rules: Sequence, **settings) -> None:
        self.judge = judge
        self.cache = cache
        self.rules = rules
        self.settings = settings  # what else the judgement reads (thresholds), for the key

    def __call__(
        self, documents: list[Document], claims: list[Claim], pairs: list[tuple[int, int, float]], claims_digest: bytes | None = None
    ) -> Judgement:
        """``claims_digest``: the :class:`Extraction` digest of exactly these documents and claims,
        when they come straight from the extractor; without it they are hashed in full."""
        key = judgement_key(documents, claims, pairs, self.rules, claims_digest=claims_digest, **self.settings)
        stored = unpack_judgement(self.cache.get_blob("judgements", key))
        if stored is not None:
            return stored
        judged = self.judge(documents, claims, pairs)
        self.cache.put_blob("judgements", key, pack_judgement(judged), keep=self.KEEP)
        return judged


def pack_judgement(judged: Judgement) -> bytes:
    rows = {
        "labels": judged.labels,
        "findings": [[f.id, f.rule, f.name, f.kind, f.severity, f.message, list(f.claims), f.fingerprint, f.score] for f in judged.findings],
        "edges": [[e.source, e.target, e.relation, e.rule, e.score, e.explanation, [list(f) for f in e.figures]] for e in judged.edges],
    }
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 1)


def unpack_judgement(data: bytes | None) -> Judgement | None:
    """The :class:`Judgement` of :func:`pack_judgement`, or None for nothing or a damaged value."""
    if data is None:
        return None
    try:
        rows = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        findings = [Finding(*f[:6], tuple(f[6]), *f[7:]) for f in rows["findings"]]
        edges = [Edge(*e[:6], tuple(tuple(f) for f in (e[6] if len(e) > 6 else ()))) for e in rows["edges"]]
        return Judgement(list(rows["labels"]), findings, edges)
    except (zlib.error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None
