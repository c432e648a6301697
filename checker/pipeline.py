"""The pipeline, end to end: files -> documents -> claims -> embeddings -> pairs -> rules -> report.

Each stage is a function of plain data from the stage before; this module only wires
them together and times them. ``scan`` checks a set of documents against each other;
``check`` checks drafts against an archive and keeps what involves a draft; the
archive may be a saved index (:mod:`checker.index`), which is then neither re-read nor
re-encoded. :meth:`Pipeline.gate` applies path overrides, in-place suppressions and a
baseline to a report's findings.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from .candidates import clusters, nearest_pairs
from .claims import document_claims
from .claims_cache import ClaimsCache, ClaimsDigest, decode_claims, document_key, encode_claims, judgement_key, pairs_key
from .documents import (
    DEFAULT_MAX_SIZE_MB,
    _format_of,
    decode,
    discover,
    display_path_of,
    load_or_warn,
    parse_document,
    load_documents,
    max_bytes_of,
    read_bytes,
)
from .embedding_cache import CachedEmbedder, EmbeddingCache, cache_dir_is_explicit, default_cache_dir
from .embeddings import Embedder, SentenceTransformerEmbedder, encoding_order, prepare_encoder
from .errors import ClaimgraphError, InputError
from .evaluate import evaluate
from .findings import order_findings
from .gcpause import gc_paused
from .model import Claim, Document, Edge, Finding, Report
from .parallel_extract import extract_many, worth_a_pool
from .progress import NO_PROGRESS, Progress
from .ruleset import Rule, load_rules
from .value_join import merge_pairs, same_value_pairs

if TYPE_CHECKING:
    from .config import Config


@dataclass
class Settings:
    """Everything a run can be configured with."""

    model: str | None = None
    device: str = "cpu"
    backend: str = "torch"  # "onnx" or "onnx-int8": checker.onnx_encoder (CPU)
    cache_dir: str | None = None
    use_cache: bool = True
    rule_paths: list[str] = field(default_factory=list)
    neighbours: int = 10
    pair_threshold: float = 0.45
    cluster_threshold: float = 0.45
    related_threshold: float = 0.6
    batch_size: int = 64
    max_size_mb: float | None = DEFAULT_MAX_SIZE_MB  # size limit of one document (MiB); None or 0: no limit
    config: "Config | None" = None  # checker.config: rule settings and path overrides from a file
    nli: str | None = None  # an NLI cross-encoder for the pairs no rule decided (checker.nli); None: off


@dataclass
class GateStats:
    """What :meth:`Pipeline.gate` removed from a report."""

    overridden: int = 0  # dropped by a path override's ``disable``
    suppressed: int = 0  # dropped by a ``claimgraph: disable`` directive
    baselined: int = 0  # dropped because the baseline holds their fingerprint
    unused: list = field(default_factory=list)  # directives that suppressed nothing


def make_encoder(model: str | None, device: str, backend: str, batch_size: int) -> Embedder:
    """The encoder of a model on a backend (``torch``, ``onnx``, ``onnx-int8``), loaded on first
    use and without the embedding cache; the same for a pipeline and for a Dask worker."""
    if backend in ("onnx", "onnx-int8"):
        from .onnx_encoder import OnnxEmbedder

        return OnnxEmbedder(model, quantised=backend == "onnx-int8", batch_size=batch_size)
    return SentenceTransformerEmbedder(model, device=device, batch_size=batch_size)


def _stderr(message: str) -> None:
    print(f"claimgraph: warning: {message}", file=sys.stderr)


class Pipeline:
    """One configured run. Pass ``embedder`` to use another encoder as it is, or ``encoder``, a
    callable making one, to use it behind the embedding cache (tests use a fake one)."""

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        warn: Callable[[str], None] = _stderr,
        rules: list[Rule] | None = None,
        progress: Progress = NO_PROGRESS,
        encoder: Callable[[], Embedder] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._make_encoder = encoder  # makes the encoder in place of the configured model (wrapped in the cache as it is)
        self.warn = warn
        self.rules = rules if rules is not None else load_rules(self.settings.rule_paths)
        config = self.settings.config
        if config is not None:
            config.check_rules(self.rules)
            self.rules = config.apply_to_rules(self.rules)
        self.progress = progress
        self.timings: dict[str, float] = {}
        self.encoded = 0  # sentences the encoder had to encode in this run (cache hits aside)
        self.claim_spans: dict[str, list[tuple[int, int, str]]] = {}  # doc id -> all its claims, for suppressions
        self.draft_paths: set[str] | None = None  # set by check: the drafts' paths
        self._embedder = embedder
        self._cache: EmbeddingCache | None = None
        self._claims_cache: ClaimsCache | None = None
        self._from_cache: dict[int, tuple[Document, str, bytes]] = {}  # id(doc) -> (doc, its cached claims, key)
        self._parsed: dict[int, tuple[Document, bytes]] = {}  # id(doc) -> (doc, its claims-cache key)
        # what the last claims() call returned: (its claims, its documents, their ClaimsDigest)
        self._extracted: tuple[tuple[Claim, ...], tuple[Document, ...], bytes] | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            s = self.settings
            base = self._make_encoder() if self._make_encoder else make_encoder(s.model, s.device, s.backend, s.batch_size)
            cache = self._embedding_cache()
            if cache is not None:
                base = CachedEmbedder(base, cache)
            self._embedder = base
        return self._embedder

    @property
    def nli_judge(self):
        """The NLI cross-encoder (loaded on first use), or None when the NLI stage is off."""
        if not self.settings.nli:
            return None
        if getattr(self, "_nli", None) is None:
            from .nli import NliJudge

            self._nli = NliJudge(self.settings.nli, device=self.settings.device)
        return self._nli

    def _cache_folder(self) -> Path:
        s = self.settings
        return Path(s.cache_dir) if s.cache_dir else default_cache_dir()

    def _embedding_cache(self) -> EmbeddingCache | None:
        s = self.settings
        if s.use_cache and self._cache is None:
            self._cache = EmbeddingCache(self._cache_folder(), warn=self.warn, required=cache_dir_is_explicit(s.cache_dir))
        return self._cache

    def _timed(self, stage: str, start: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start

    @property
    def claims_cache(self) -> ClaimsCache | None:
        """The per-document claims cache (:mod:`checker.claims_cache`), None with ``use_cache`` off."""
        s = self.settings
        if not s.use_cache:
            return None
        if self._claims_cache is None:
            # the embedding cache's folder first: a folder that cannot be used is reported
            # once, as the embedding cache's (an error when chosen, else a warning)
            embeddings = self._embedding_cache()
            if embeddings is None or embeddings._connect() is None:
                return None
            self._claims_cache = ClaimsCache(self._cache_folder(), warn=self.warn, required=cache_dir_is_explicit(s.cache_dir))
        return self._claims_cache

    def load(self, paths: list[str], preload_encoder: bool = False) -> list[Document]:
        """The documents of ``paths`` (files and folders), unreadable ones warned about and
        skipped. ``preload_encoder``: the run will encode their claims, so the encoder may be
        loaded while worker processes parse and extract (see :mod:`checker.parallel_extract`)."""
        t = time.perf_counter()
        with gc_paused():
            documents, warnings = self._read(paths, preload_encoder)
        for w in warnings:
            self.warn(w)
        self._timed("read", t)
        return documents

    def _read(self, paths: list[str], preload_encoder: bool = False) -> tuple[list[Document], list[str]]:
        max_bytes = max_bytes_of(self.settings.max_size_mb)
        if self.claims_cache is not None and paths:
            return self._load_cached(paths, max_bytes, preload_encoder)
        if self.progress.enabled and paths:
            # one file at a time, so the bar moves; the same reader as below
            files, warnings = discover(paths)
            documents = []
            for f in self.progress.iterate("reading", files, len(files), "file"):
                docs, more = load_documents([str(f)], max_bytes=max_bytes)
                documents.extend(docs)
                warnings.extend(more)
            return _renumber(documents), warnings
        return load_documents(paths, max_bytes=max_bytes)

    def _load_cached(self, paths: list[str], max_bytes: int | None, preload_encoder: bool = False) -> tuple[list[Document], list[str]]:
        """:func:`checker.documents.load_documents` with the claims cache: a file whose decoded
        text is in the cache is not parsed (its title, date and claims come from there)."""
        files, warnings = discover(paths)
        read: list[tuple[Path, str, tuple[str, str, bytes] | None]] = []
        for path in self.progress.iterate("reading", files, len(files), "file"):
            shown = display_path_of(path)
            notes: list[str] = []
            try:
                text = decode(read_bytes(path, shown, max_bytes), shown, notes)
            except InputError:
                read.append((path, shown, None))  # load_document below says why
                continue
            fmt = _format_of(path) or "text"
            read.append((path, shown, None if notes or not text.strip() else (text, fmt, document_key(fmt, text))))
        cache = self.claims_cache
        found = cache.get_many([r[2][2] for r in read if r[2] is not None]) if cache is not None else {}
        missing = [r for r in read if r[2] is not None and r[2][2] not in found]
        if worth_a_pool(len(missing)):
            # many documents to parse: on all cores, while this process loads the encoder
            t = time.perf_counter()
            preload = (lambda: prepare_encoder(self.embedder)) if preload_encoder else None
            done = extract_many([(known[0], known[1], shown) for _, shown, known in missing], preload)
            fresh = [(known[2], *result) for (_, _, known), result in zip(missing, done)]
            found.update((key, (title, date, claims)) for key, title, date, claims in fresh)
            if cache is not None:
                cache.put_many(fresh)
            self.timings["extract"] = self.timings.get("extract", 0.0) + time.perf_counter() - t
            self.timings["read"] = self.timings.get("read", 0.0) - (time.perf_counter() - t)  # counted in extract
        docs: list[Document] = []
        for path, shown, known in read:
            doc_id = f"d{len(docs) + 1}"
            if known is not None and known[2] in found:
                text, fmt, key = known
                title, date, claims = found[key]
                doc = Document(id=doc_id, path=shown, text=text, format=fmt, title=title, date=date)
                self._from_cache[id(doc)] = (doc, claims, key)
                docs.append(doc)
                continue
            if known is not None:  # decoded cleanly above: parse that text, do not read the file again
                text, fmt, key = known
                doc = parse_document(text, fmt, doc_id, shown)
                self._parsed[id(doc)] = (doc, key)
                docs.append(doc)
                continue
            doc, notes = load_or_warn(path, doc_id, shown, max_bytes, warnings)  # says why it cannot be used
            if doc is None:
                continue
            if not notes:
                self._parsed[id(doc)] = (doc, document_key(doc.format, doc.text))
            docs.append(doc)
        return docs, warnings

    def claims(self, documents: list[Document]) -> list[Claim]:
        """Claims of every document, numbered across them in order; from the claims cache for
        documents :meth:`load` found there, and stored there for those it parsed."""
        t = time.perf_counter()
        claims: list[Claim] = []
        fresh: list[tuple[bytes, str | None, str | None, str]] = []
        digest = ClaimsDigest()
        keep_digest = self.claims_cache is not None
        with gc_paused():
            for doc in self.progress.iterate("extracting", documents, len(documents), "doc"):
                first = len(claims) + 1
                cached = self._from_cache.pop(id(doc), None)
                key: bytes | None = None
                encoded: str | None = None
                if cached is not None and cached[0] is doc:
                    _, encoded, key = cached
                    found = decode_claims(encoded, doc, first)
                else:
                    found = document_claims(doc, first)
                    parsed = self._parsed.pop(id(doc), None)
                    if parsed is not None and parsed[0] is doc:
                        key, encoded = parsed[1], encode_claims(found)
                        fresh.append((key, doc.title, doc.date, encoded))
                if keep_digest:
                    digest.add(doc, first, len(found), encoded if encoded is not None else encode_claims(found), key)
                claims.extend(found)
            if fresh and self.claims_cache is not None:
                self.claims_cache.put_many(fresh)
        self._extracted = (tuple(claims), tuple(documents), digest.digest()) if keep_digest else None
        self._timed("extract", t)
        return claims

    def _claims_digest(self, documents: list[Document], claims: list[Claim]) -> bytes | None:
        """The :class:`~checker.claims_cache.ClaimsDigest` of the last :meth:`claims` call when
        ``documents`` and ``claims`` are exactly (the same objects) what it read and returned."""
        done = self._extracted
        if done is None or len(done[0]) != len(claims) or len(done[1]) != len(documents):
            return None
        if any(a is not b for a, b in zip(done[0], claims)) or any(a is not b for a, b in zip(done[1], documents)):
            return None
        return done[2]

    def embed(self, claims: list[Claim]) -> np.ndarray:
        """Masked-sentence vectors, encoded in chunks (the progress bar's steps)."""
        t = time.perf_counter()
        texts = [c.masked_text for c in claims]
        if not texts:
            return np.zeros((0, 1), np.float32)
        step = 1024
        # chunks of sentences of like token length (cached ones first): the encoder pads each
        # batch to its longest sentence, and sorts only within the texts it is given
        encoder = self.embedder
        cached = isinstance(encoder, CachedEmbedder)
        order = encoding_order(encoder, texts)
        parts = []
        try:
            with self.progress.stage("embedding", len(texts), "sentence") as bar:
                for i in range(0, len(texts), step):
                    chunk = [texts[n] for n in order[i : i + step]]
                    parts.append(encoder.encode(chunk))
                    self.encoded += encoder.encoded if cached else len(chunk)
                    bar.update(len(chunk))
        finally:
            if cached:
                encoder.release()  # the vectors encoding_order looked up
        sorted_vectors = parts[0] if len(parts) == 1 else np.concatenate(parts)
        vectors = np.empty_like(sorted_vectors)
        vectors[np.asarray(order)] = sorted_vectors
        self._timed("embed", t)
        return vectors

    def judge(self, documents: list[Document], claims: list[Claim], vectors: np.ndarray, keep=None) -> Report:
        t = time.perf_counter()
        with gc_paused():  # hundreds of thousands of pair tuples (see checker.gcpause)
            pairs = self.candidate_pairs(vectors)
            pairs = merge_pairs(pairs, same_value_pairs(claims, vectors))
            if keep is not None:
                pairs = [p for p in pairs if keep(claims[p[0]]) or keep(claims[p[1]])]
            return self.judge_pairs(documents, claims, pairs, t)

    def candidate_pairs(self, vectors: np.ndarray) -> list[tuple[int, int, float]]:
        """Nearest-neighbour pairs (exact or approximate, see :mod:`checker.candidates`); a hook
        that :mod:`checker.distributed` overrides to search on a cluster."""
        s = self.settings
        cache = self.claims_cache
        if cache is None or vectors.shape[0] < 2:
            return nearest_pairs(vectors, k=s.neighbours, threshold=s.pair_threshold)
        key = pairs_key(vectors, k=s.neighbours, threshold=s.pair_threshold)
        pairs = cache.get_pairs(key)
        if pairs is None:
            pairs = nearest_pairs(vectors, k=s.neighbours, threshold=s.pair_threshold, cache_dir=self._cache_folder())
            cache.put_pairs(key, pairs)
        return pairs

    def judge_pairs(
        self, documents: list[Document], claims: list[Claim], pairs: list[tuple[int, int, float]], started: float | None = None
    ) -> Report:
        """Clusters, rules, findings and edges for candidate pairs already found."""
        with gc_paused():
            return self._judge_pairs(documents, claims, pairs, started)

    def _judge_pairs(
        self, documents: list[Document], claims: list[Claim], pairs: list[tuple[int, int, float]], started: float | None
    ) -> Report:
        s = self.settings
        t = started if started is not None else time.perf_counter()
        cache = self.claims_cache
        key = stored = None
        if cache is not None and not s.nli:  # a cross-encoder's verdicts are not kept
            key = judgement_key(
                documents, claims, pairs, self.rules, claims_digest=self._claims_digest(documents, claims),
                cluster=s.cluster_threshold, related=s.related_threshold,
            )
            stored = _unpack_judgement(cache.get_blob("judgements", key))
        if stored is not None:
            labels, findings, edges = stored
            self._timed("pairs", t)
            self.timings.setdefault("rules", 0.0)
        else:
            labels = clusters(len(claims), pairs, threshold=s.cluster_threshold)
            self._timed("pairs", t)
            t = time.perf_counter()
            doc_dates = {d.id: d.date for d in documents}
            with self.progress.stage("rules", len(pairs) or None, "pair") as bar:
                findings, edges = evaluate(
                    claims, pairs, self.rules, doc_dates, s.related_threshold, documents=documents, nli=self.nli_judge
                )
                bar.update(len(pairs))
            if cache is not None and key is not None:
                cache.put_blob("judgements", key, _pack_judgement(labels, findings, edges), keep=4)
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
        self.claim_spans, self.draft_paths = {}, None
        with gc_paused():  # one pause for the three: each pause ends in a collection of all it allocated
            documents = self.load(paths, preload_encoder=True)
            claims = self.claims(documents)
            self._remember_spans(claims)
        return self.judge(documents, claims, self.embed(claims))

    def check(self, drafts: list[str], against: list[str]) -> Report:
        """Findings that involve a draft claim, judged against the archive (files, folders or one index)."""
        from .index import is_index, refuse_broken_index

        indexes = [p for p in against if is_index(p)]
        if indexes:
            if len(against) > 1:
                raise ClaimgraphError("--against takes one index, or files and folders, not both")
            return self.check_index(drafts, indexes[0])
        for p in against:
            refuse_broken_index(p)
        self.claim_spans = {}
        draft_docs = self.load(drafts)
        self.draft_paths = {d.path for d in draft_docs}
        archive_docs = self.load(against, preload_encoder=True)
        draft_paths = {d.path for d in draft_docs}
        archive_docs = [d for d in archive_docs if d.path not in draft_paths]
        documents = _renumber(draft_docs + archive_docs)
        claims = self.claims(documents)
        draft_ids = {d.id for d in documents[: len(draft_docs)]}
        self._remember_spans(claims)
        report = self.judge(documents, claims, self.embed(claims), keep=lambda c: c.doc in draft_ids)
        return restrict_to(report, draft_ids)

    def check_index(self, drafts: list[str], folder: str) -> Report:
        """Like :meth:`check`, against a saved index: only the drafts are read and encoded.

        Candidate pairs are each draft claim's nearest neighbours among the other draft
        claims and the index's claims (exact by blocks; approximate for a very large index,
        see :func:`checker.index.draft_pairs`), plus the same-figure pairs of summary
        claims; only the index claims those pairs reach are loaded.
        """
        from .index import draft_pairs, open_index

        s = self.settings
        self.claim_spans = {}
        with open_index(folder, self.embedder.name) as index:
            draft_docs = _renumber(self.load(drafts))
            if not draft_docs:
                raise ClaimgraphError("no readable draft documents (.txt, .md, .html) in the given paths")
            self.draft_paths = {d.path for d in draft_docs}
            claims = self.claims(draft_docs)
            vectors = self.embed(claims)
            t = time.perf_counter()
            excluded = index.rows_of({str(Path(d.path).resolve()) for d in draft_docs})
            among, against = draft_pairs(vectors, index.vectors, s.neighbours, s.pair_threshold, excluded, radii=index.neighbours)
            rows = {row for _, row, _ in against} | index.value_partners(claims, set(excluded))
            ordered = sorted(rows)
            archive = index.claims_at(ordered)
            position = {row: len(claims) + n for n, row in enumerate(ordered)}
            pairs = merge_pairs(among, [(i, position[row], sim) for i, row, sim in against])
            if archive:
                sub = np.concatenate([vectors, np.asarray(index.vectors[ordered], dtype=np.float32)])
                extra = same_value_pairs(claims + archive, sub)
                pairs = merge_pairs(pairs, [p for p in extra if p[0] < len(claims)])
            archive_docs = index.documents(sorted({c.doc for c in archive}))
            self._remember_spans(claims)
            self.claim_spans.update(index.spans([d.id for d in archive_docs]))
            report = self.judge_pairs(draft_docs + archive_docs, claims + archive, pairs, t)
        return restrict_to(report, {d.id for d in draft_docs})

    def _remember_spans(self, claims: list[Claim]) -> None:
        for c in claims:
            self.claim_spans.setdefault(c.doc, []).append((c.start, c.end, c.id))

    def gate(self, report: Report, baseline: set[str] | None = None) -> tuple[Report, GateStats]:
        """The report with path overrides, in-place suppressions and the baseline applied.

        Finding ids are renumbered afterwards. ``GateStats.unused`` lists the directives
        (of the drafts, in a check) that suppressed nothing.
        """
        from .baseline import apply_baseline
        from .graph import edges_without
        from .suppressions import Suppressor

        stats = GateStats()
        claims = report.claim_by_id()
        findings = list(report.findings)
        config = self.settings.config
        if config is not None:
            kept = config.apply_overrides(findings, claims)
            stats.overridden = len(findings) - len(kept)
            findings = kept
        suppressor = Suppressor(report.documents, report.claims, {r.id for r in self.rules}, spans=self.claim_spans)
        kept = [f for f in findings if not suppressor.suppresses(f)]
        stats.suppressed = len(findings) - len(kept)
        findings = kept
        stats.unused = suppressor.unused(self.draft_paths)
        if baseline is not None:
            findings, stats.baselined = apply_baseline(findings, baseline)
        kept_prints = {f.fingerprint for f in findings}
        edges = edges_without(
            report.edges,
            [f for f in report.findings if f.fingerprint not in kept_prints],
            lambda rule, ends: suppressor.covers(rule, ends) or (config is not None and config.disables(rule, claims, ends)),
        )
        if len(findings) != len(report.findings) or any(a is not b for a, b in zip(findings, report.findings)):
            findings = order_findings(findings, claims)
        return dataclasses.replace(report, findings=findings, edges=edges), stats

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        if self._claims_cache is not None:
            self._claims_cache.close()


def _pack_judgement(labels: list[int], findings: list[Finding], edges: list[Edge]) -> bytes:
    rows = {
        "labels": labels,
        "findings": [[f.id, f.rule, f.name, f.kind, f.severity, f.message, list(f.claims), f.fingerprint, f.score] for f in findings],
        "edges": [[e.source, e.target, e.relation, e.rule, e.score, e.explanation] for e in edges],
    }
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 1)


def _unpack_judgement(data: bytes | None):
    """``(labels, findings, edges)`` from :func:`_pack_judgement`, or None for nothing or a damaged value."""
    if data is None:
        return None
    try:
        rows = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        findings = [Finding(*f[:6], tuple(f[6]), *f[7:]) for f in rows["findings"]]
        edges = [Edge(*e) for e in rows["edges"]]
        return list(rows["labels"]), findings, edges
    except (zlib.error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None


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
