"""The pipeline, end to end: files -> documents -> claims -> embeddings -> pairs -> rules -> report.

Each stage is a function of plain data from the stage before; this module only wires
them together and times them. ``scan`` checks a set of documents against each other;
``check`` checks drafts against an archive and keeps what involves a draft.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .candidates import clusters, nearest_pairs
from .claims import corpus_claims
from .documents import load_documents
from .embedding_cache import CachedEmbedder, EmbeddingCache, default_cache_dir
from .embeddings import Embedder, SentenceTransformerEmbedder
from .evaluate import evaluate
from .model import Claim, Document, Report
from .ruleset import Rule, load_rules


@dataclass
class Settings:
    """Everything a run can be configured with."""

    model: str | None = None
    device: str = "cpu"
    cache_dir: str | None = None
    use_cache: bool = True
    rule_paths: list[str] = field(default_factory=list)
    neighbours: int = 10
    pair_threshold: float = 0.45
    cluster_threshold: float = 0.55
    related_threshold: float = 0.6
    batch_size: int = 64


def _stderr(message: str) -> None:
    print(f"claimgraph: warning: {message}", file=sys.stderr)


class Pipeline:
    """One configured run. Pass ``embedder`` to use another encoder (tests use a fake one)."""

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        warn: Callable[[str], None] = _stderr,
        rules: list[Rule] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.warn = warn
        self.rules = rules if rules is not None else load_rules(self.settings.rule_paths)
        self.timings: dict[str, float] = {}
        self._embedder = embedder
        self._cache: EmbeddingCache | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            s = self.settings
            base: Embedder = SentenceTransformerEmbedder(s.model, device=s.device, batch_size=s.batch_size)
            if s.use_cache:
                folder = Path(s.cache_dir) if s.cache_dir else default_cache_dir()
                self._cache = EmbeddingCache(folder, warn=self.warn)
                base = CachedEmbedder(base, self._cache)
            self._embedder = base
        return self._embedder

    def _timed(self, stage: str, start: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start

    def load(self, paths: list[str]) -> list[Document]:
        t = time.perf_counter()
        documents, warnings = load_documents(paths)
        for w in warnings:
            self.warn(w)
        self._timed("read", t)
        return documents

    def claims(self, documents: list[Document]) -> list[Claim]:
        t = time.perf_counter()
        claims = list(corpus_claims(documents))
        self._timed("extract", t)
        return claims

    def embed(self, claims: list[Claim]) -> np.ndarray:
        t = time.perf_counter()
        texts = [c.masked_text for c in claims]
        vectors = self.embedder.encode(texts) if texts else np.zeros((0, 1), np.float32)
        self._timed("embed", t)
        return vectors

    def judge(self, documents: list[Document], claims: list[Claim], vectors: np.ndarray, keep=None) -> Report:
        s = self.settings
        t = time.perf_counter()
        pairs = nearest_pairs(vectors, k=s.neighbours, threshold=s.pair_threshold)
        if keep is not None:
            pairs = [p for p in pairs if keep(claims[p[0]]) or keep(claims[p[1]])]
        labels = clusters(len(claims), pairs, threshold=s.cluster_threshold)
        self._timed("pairs", t)
        t = time.perf_counter()
        doc_dates = {d.id: d.date for d in documents}
        findings, edges = evaluate(claims, pairs, self.rules, doc_dates, s.related_threshold)
        self._timed("rules", t)
        return Report(
            documents=documents,
            claims=claims,
            findings=findings,
            edges=edges,
            model=self.embedder.name if claims else (self._embedder.name if self._embedder else ""),
            clusters=_cluster_lists(claims, labels),
        )

    def scan(self, paths: list[str]) -> Report:
        documents = self.load(paths)
        claims = self.claims(documents)
        return self.judge(documents, claims, self.embed(claims))

    def check(self, drafts: list[str], against: list[str]) -> Report:
        """Findings that involve a draft claim, judged against the archive."""
        draft_docs = self.load(drafts)
        archive_docs = self.load(against)
        draft_paths = {d.path for d in draft_docs}
        archive_docs = [d for d in archive_docs if d.path not in draft_paths]
        documents = _renumber(draft_docs + archive_docs)
        claims = self.claims(documents)
        draft_ids = {d.id for d in documents[: len(draft_docs)]}
        report = self.judge(documents, claims, self.embed(claims), keep=lambda c: c.doc in draft_ids)
        return restrict_to(report, draft_ids)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()


def _renumber(documents: list[Document]) -> list[Document]:
    for n, doc in enumerate(documents, 1):
        doc.id = f"d{n}"
    return documents


def _cluster_lists(claims: list[Claim], labels: list[int]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for claim, label in zip(claims, labels):
        groups.setdefault(label, []).append(claim.id)
    return [ids for _, ids in sorted(groups.items()) if len(ids) > 1]


def restrict_to(report: Report, doc_ids: set[str]) -> Report:
    """Keep the findings and edges that involve a claim of the given documents."""
    claims = report.claim_by_id()
    involves = lambda ids: any(claims[c].doc in doc_ids for c in ids)  # noqa: E731
    findings = [f for f in report.findings if involves(f.claims)]
    edges = [e for e in report.edges if involves((e.source, e.target))]
    wanted = {c.id for c in report.claims if c.doc in doc_ids}
    for f in findings:
        wanted.update(f.claims)
    for e in edges:
        wanted.update((e.source, e.target))
    kept_claims = [c for c in report.claims if c.id in wanted]
    kept_docs = {c.doc for c in kept_claims} | doc_ids
    return Report(
        documents=[d for d in report.documents if d.id in kept_docs],
        claims=kept_claims,
        findings=findings,
        edges=edges,
        model=report.model,
        clusters=[[c for c in group if c in wanted] for group in report.clusters if any(c in wanted for c in group)],
    )
