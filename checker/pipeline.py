"""The pipeline, end to end: files -> documents -> claims -> embeddings -> pairs -> rules -> report.

Each stage is a function of plain records from the stage before, and returns records; this
module only wires them together and times them. Caches wrap stages
(:class:`~checker.store.embedding_cache.CachedEmbedder`,
:class:`~checker.store.cached_stages.CachedExtractor`,
:class:`~checker.store.cached_stages.CachedJudge`); what one stage hands the next travels in
the records (:class:`~checker.store.cached_stages.Loaded`,
:class:`~checker.store.cached_stages.Extraction`, the report's ``claim_spans`` and
``draft_paths`` for the gate), never in the pipeline. The encoder and the neighbour search
can be injected (:mod:`checker.runtime.distributed` injects a Dask cluster's). ``scan`` checks a set of documents against each other;
``check`` checks drafts against an archive and keeps what involves a draft; the
archive may be a saved index (:mod:`checker.store.index`), which is then neither re-read nor
re-encoded. :meth:`Pipeline.gate` applies path overrides, in-place suppressions and a
baseline to a report's findings.
"""

from __future__ import annotations

from functools import partial

import dataclasses
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from .pair.candidates import clusters, nearest_pairs
from .frame.facts import document_claims_with_facts as document_claims
from .store.cached_stages import CachedExtractor, CachedJudge, Extraction, Loaded
from .store.claims_cache import ClaimsCache, document_key, pairs_key, text_key
from .ingest.docdate import GIVEN as GIVEN_DATE, with_given_date
from .ingest.documents import (
    DEFAULT_MAX_SIZE_MB,
    EXTRACTED,
    _format_of,
    discover,
    document_text,
    display_path_of,
    load_or_warn,
    parse_document,
    load_documents,
    max_bytes_of,
    read_bytes,
)
from .store.embedding_cache import CachedEmbedder, EmbeddingCache, cache_dir_is_explicit, default_cache_dir
from .embed.embeddings import Embedder, SentenceTransformerEmbedder, encoding_order, prepare_encoder
from .errors import ClaimgraphError, InputError
from .group import build_groups
from .judge.evaluate import Judgement, evaluate
from .judge.findings import order_findings
from .runtime.gcpause import gc_paused
from .model import Claim, Document, Report
from .runtime.parallel_extract import extract_many, worth_a_pool
from .runtime.progress import NO_PROGRESS, Progress
from .judge.ruleset import Rule, load_rules
from .pair.value_join import fact_pairs, merge_pairs, same_value_pairs

if TYPE_CHECKING:
    from .config import Config


@dataclass
class Settings:
    """Everything a run can be configured with."""

    model: str | None = None
    device: str = "cpu"
    backend: str = "torch"  # "onnx" or "onnx-int8": checker.embed.onnx_encoder (CPU)
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
    nli: str | None = None  # an NLI cross-encoder for the pairs no rule decided (checker.judge.nli); None: off
    date: str | None = None  # ISO date of every document that states none (--date; checker.ingest.docdate)
    nlp_model: str | None = None  # the spaCy pipeline that binds facts (checker.frame.nlp); None: the default


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
        from .embed.onnx_encoder import OnnxEmbedder

        return OnnxEmbedder(model, quantised=backend == "onnx-int8", batch_size=batch_size)
    return SentenceTransformerEmbedder(model, device=device, batch_size=batch_size)


def _stderr(message: str) -> None:
    print(f"claimgraph: warning: {message}", file=sys.stderr)


class Pipeline:
    """One configured run. Pass ``embedder`` to use another encoder as it is, or ``encoder``, a
    callable making one, to use it behind the embedding cache (tests use a fake one); and
    ``search`` (``vectors -> [(i, j, similarity)]``) to use another nearest-neighbour search
    behind the pairs cache (:mod:`checker.runtime.distributed` injects a Dask cluster's)."""

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        warn: Callable[[str], None] = _stderr,
        rules: list[Rule] | None = None,
        progress: Progress = NO_PROGRESS,
        encoder: Callable[[], Embedder] | None = None,
        search: Callable[[np.ndarray], list[tuple[int, int, float]]] | None = None,
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
        self._embedder = embedder
        self._search = search
        self._cache: EmbeddingCache | None = None
        self._claims_cache: ClaimsCache | None = None

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
            from .judge.nli import NliJudge

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
        """The per-document claims cache (:mod:`checker.store.claims_cache`), None with ``use_cache`` off."""
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

    def read(self, paths: list[str], preload_encoder: bool = False) -> list[Loaded]:
        """The documents of ``paths`` (files and folders), unreadable ones warned about and
        skipped, each with what the claims cache holds of it (:class:`Loaded`: a document found
        there is not parsed). ``preload_encoder``: the run will encode their claims, so the
        encoder may be loaded while worker processes parse and extract (see
        :mod:`checker.runtime.parallel_extract`)."""
        t = time.perf_counter()
        with gc_paused():
            loaded, warnings = self._read(paths, preload_encoder)
        for w in warnings:
            self.warn(w)
        self._timed("read", t)
        return loaded

    def load(self, paths: list[str], preload_encoder: bool = False) -> list[Document]:
        """The documents of :meth:`read`; :meth:`claims` takes them."""
        return [item.document for item in self.read(paths, preload_encoder)]

    def _read(self, paths: list[str], preload_encoder: bool = False) -> tuple[list[Loaded], list[str]]:
        max_bytes = max_bytes_of(self.settings.max_size_mb)
        if self.claims_cache is not None and paths:
            return self._load_cached(paths, max_bytes, preload_encoder)
        if self.progress.enabled and paths:
            # one file at a time, so the bar moves; the same reader as below
            files, warnings = discover(paths)
            documents = []
            for f in self.progress.iterate("reading", files, len(files), "file"):
                docs, more = load_documents([str(f)], max_bytes=max_bytes, given_date=self.settings.date)
                documents.extend(docs)
                warnings.extend(more)
            return [Loaded(d) for d in _renumber(documents)], warnings
        documents, warnings = load_documents(paths, max_bytes=max_bytes, given_date=self.settings.date)
        return [Loaded(d) for d in documents], warnings

    def _load_cached(self, paths: list[str], max_bytes: int | None, preload_encoder: bool = False) -> tuple[list[Loaded], list[str]]:
        """:func:`checker.ingest.documents.load_documents` with the claims cache: a file whose decoded
        text is in the cache is not parsed (its title, date and claims come from there)."""
        files, warnings = discover(paths)
        read: list[tuple[Path, str, tuple[str, str, bytes] | None]] = []
        for path in self.progress.iterate("reading", files, len(files), "file"):
            shown = display_path_of(path)
            notes: list[str] = []
            fmt = _format_of(path) or "text"
            try:
                text = self._document_text(read_bytes(path, shown, max_bytes), fmt, shown, notes)
            except InputError:
                read.append((path, shown, None))  # load_document below says why
                continue
            read.append((path, shown, None if notes or not text.strip() else (text, fmt, document_key(fmt, text, None, self.settings.nlp_model))))
        cache = self.claims_cache
        given = self.settings.date
        found = cache.get_many([r[2][2] for r in read if r[2] is not None]) if cache is not None else {}
        keys: dict[bytes, bytes] = {}  # a document's key -> the key its claims are stored under
        if given and cache is not None:
            # one stored without a date of its own was read without this date: look under the dated key
            dated = {r[2][2]: document_key(r[2][1], r[2][0], given, self.settings.nlp_model) for r in read
                     if r[2] is not None and (r[2][2] not in found or found[r[2][2]][1] is None)}
            more = cache.get_many(list(dated.values()))
            for key, dated_key in dated.items():
                found.pop(key, None)
                if dated_key in more:
                    found[key], keys[key] = more[dated_key], dated_key
        missing = [r for r in read if r[2] is not None and r[2][2] not in found]
        if worth_a_pool(len(missing)):
            # many documents to parse: on all cores, while this process loads the encoder
            t = time.perf_counter()
            preload = (lambda: prepare_encoder(self.embedder)) if preload_encoder else None
            done = extract_many([(known[0], known[1], shown, given, self.settings.nlp_model) for _, shown, known in missing], preload)
            fresh = []
            for (_, _, known), (title, date, claims) in zip(missing, done):
                stored = known[2] if date is not None or not given else document_key(known[1], known[0], given, self.settings.nlp_model)
                keys[known[2]] = stored
                found[known[2]] = (title, date, claims)
                fresh.append((stored, title, date, claims))
            if cache is not None:
                cache.put_many(fresh)
            self.timings["extract"] = self.timings.get("extract", 0.0) + time.perf_counter() - t
            self.timings["read"] = self.timings.get("read", 0.0) - (time.perf_counter() - t)  # counted in extract
        docs: list[Loaded] = []
        for path, shown, known in read:
            doc_id = f"d{len(docs) + 1}"
            if known is not None and known[2] in found:
                text, fmt, key = known
                title, date, claims = found[key]
                doc = with_given_date(Document(id=doc_id, path=shown, text=text, format=fmt, title=title, date=date), given)
                docs.append(Loaded(doc, keys.get(key, key), claims))
                continue
            if known is not None:  # decoded cleanly above: parse that text, do not read the file again
                text, fmt, key = known
                doc = parse_document(text, fmt, doc_id, shown, given)
                docs.append(Loaded(doc, self._key_of(doc)))
                continue
            doc, notes = load_or_warn(path, doc_id, shown, max_bytes, warnings, given)  # says why it cannot be used
            if doc is None:
                continue
            docs.append(Loaded(doc, None if notes else self._key_of(doc)))
        return docs, warnings

    def _key_of(self, doc: Document) -> bytes:
        """The claims-cache key of a parsed document: its text's, with the given date when it took it."""
        return document_key(doc.format, doc.text, doc.date if doc.date_source == GIVEN_DATE else None, self.settings.nlp_model)

    def _document_text(self, data: bytes, fmt: str, shown: str, notes: list[str]) -> str:
        """:func:`~checker.ingest.documents.document_text`, with the text of a Word or PDF file
        looked up in (and put in) the claims cache by the file's bytes."""
        cache = self.claims_cache
        if fmt not in EXTRACTED or cache is None:
            return document_text(data, fmt, shown, notes)
        key = text_key(fmt, data)
        text = cache.get_text(key)
        if text is None:
            text = document_text(data, fmt, shown, notes)
            cache.put_text(key, text)
        return text

    def extract(self, loaded: list[Loaded]) -> Extraction:
        """Claims of every document, numbered across them in order: decoded from the claims
        cache for those :meth:`read` found there, extracted (and stored) for the others
        (:class:`~checker.store.cached_stages.CachedExtractor`)."""
        t = time.perf_counter()
        cache = self.claims_cache
        with gc_paused():
            items = self.progress.iterate("extracting", loaded, len(loaded), "doc")
            if cache is not None:
                extraction = CachedExtractor(partial(document_claims, nlp_model=self.settings.nlp_model), cache)(items)
            else:
                claims: list[Claim] = []
                for item in items:
                    claims.extend(document_claims(item.document, len(claims) + 1, self.settings.nlp_model))
                extraction = Extraction(claims)
        self._timed("extract", t)
        return extraction

    def claims(self, documents: list[Document]) -> list[Claim]:
        """The claims of documents as :meth:`load` returns them (:meth:`extract` of each one,
        looked up in the claims cache again by its text)."""
        cache = self.claims_cache
        if cache is None:
            return self.extract([Loaded(d) for d in documents]).claims
        keys = [self._key_of(d) for d in documents]
        found = cache.get_many(keys)
        loaded = []
        for doc, key in zip(documents, keys):
            if key not in found and not doc.blocks and doc.text.strip():  # read from the cache, since dropped
                doc = parse_document(doc.text, doc.format, doc.id, doc.path, self.settings.date)
            loaded.append(Loaded(doc, key, found[key][2] if key in found else None))
        return self.extract(loaded).claims

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
        chunks = [[texts[n] for n in order[i : i + step]] for i in range(0, len(texts), step)]
        parts = []
        try:
            with self.progress.stage("embedding", len(texts), "sentence") as bar:
                if hasattr(encoder.embedder if cached else encoder, "encode_chunks"):
                    # an encoder that runs the chunks side by side (a Dask cluster's): all at once
                    parts = encoder.encode_chunks(chunks)
                    self.encoded += encoder.encoded if cached else len(texts)
                    bar.update(len(texts))
                for chunk in chunks if not parts else ():
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

    def judge(
        self, documents: list[Document], claims: list[Claim], vectors: np.ndarray, keep=None, claims_digest: bytes | None = None,
        drafts: frozenset[str] = frozenset(),
    ) -> Report:
        """Candidate pairs of ``vectors``, judged (see :meth:`judge_pairs`)."""
        t = time.perf_counter()
        with gc_paused():  # hundreds of thousands of pair tuples (see checker.runtime.gcpause)
            pairs = self.candidate_pairs(vectors)
            pairs = merge_pairs(pairs, same_value_pairs(claims, vectors), fact_pairs(claims, vectors))
            if keep is not None:
                pairs = [p for p in pairs if keep(claims[p[0]]) or keep(claims[p[1]])]
            return self.judge_pairs(documents, claims, pairs, t, claims_digest, drafts)

    def candidate_pairs(self, vectors: np.ndarray) -> list[tuple[int, int, float]]:
        """Nearest-neighbour pairs (exact or approximate, see :mod:`checker.pair.candidates`, or
        the injected ``search``), through the pairs cache."""
        s = self.settings
        cache = self.claims_cache
        folder = self._cache_folder() if cache is not None else None
        search = self._search or (lambda v: nearest_pairs(v, k=s.neighbours, threshold=s.pair_threshold, cache_dir=folder))
        if cache is None or vectors.shape[0] < 2:
            return search(vectors)
        key = pairs_key(vectors, k=s.neighbours, threshold=s.pair_threshold)
        pairs = cache.get_pairs(key)
        if pairs is None:
            pairs = search(vectors)
            cache.put_pairs(key, pairs)
        return pairs

    def judge_pairs(
        self,
        documents: list[Document],
        claims: list[Claim],
        pairs: list[tuple[int, int, float]],
        started: float | None = None,
        claims_digest: bytes | None = None,
        drafts: frozenset[str] = frozenset(),
    ) -> Report:
        """Clusters, rules, findings and edges for candidate pairs already found.
        ``claims_digest``: the :class:`Extraction` digest of exactly these documents and claims
        (so the judgement cache's key does not encode the claims again). ``drafts``: the ids of
        the documents checked as drafts (``claimgraph check``), which the rules read as written now."""
        with gc_paused():
            return self._judge_pairs(documents, claims, pairs, started, claims_digest, drafts)

    def _judge_pairs(
        self, documents: list[Document], claims: list[Claim], pairs: list[tuple[int, int, float]], started: float | None,
        claims_digest: bytes | None, drafts: frozenset[str] = frozenset(),
    ) -> Report:
        s = self.settings
        t = started if started is not None else time.perf_counter()
        rules_before = self.timings.get("rules", 0.0)
        cache = self.claims_cache
        if cache is not None and not s.nli:  # a cross-encoder's verdicts are not kept
            judge = CachedJudge(
                lambda d, c, p: self._judge(d, c, p, drafts), cache, self.rules, cluster=s.cluster_threshold,
                related=s.related_threshold, drafts=sorted(drafts),
            )
            judged = judge(documents, claims, pairs, claims_digest)
        else:
            judged = self._judge(documents, claims, pairs, drafts)
        spent_on_rules = self.timings.setdefault("rules", 0.0) - rules_before
        self.timings["pairs"] = self.timings.get("pairs", 0.0) + time.perf_counter() - t - spent_on_rules
        report = Report(
            documents=documents,
            claims=claims,
            findings=judged.findings,
            edges=judged.edges,
            model=self.embedder.name if claims else (self._embedder.name if self._embedder else ""),
            clusters=_cluster_lists(claims, judged.labels),
        )
        t_group = time.perf_counter()
        report.groups = build_groups(report, conversion_tolerance=self._conversion_tolerance())
        self.timings["groups"] = self.timings.get("groups", 0.0) + time.perf_counter() - t_group
        return report

    def _conversion_tolerance(self) -> float | None:
        """The loaded numeric_mismatch rule's ``conversion_tolerance`` (user rules and the
        configuration applied), which the fact groups fold converted values by; None: no such rule."""
        for rule in sorted(self.rules, key=lambda r: r.id != "NUM001"):
            if rule.kind == "numeric_mismatch" and rule.enabled:
                return rule.impl.p.get("conversion_tolerance")
        return None

    def _judge(
        self, documents: list[Document], claims: list[Claim], pairs: list[tuple[int, int, float]],
        drafts: frozenset[str] = frozenset(),
    ) -> Judgement:
        """The judging stage: clusters, then the rules over the pairs."""
        s = self.settings
        labels = clusters(len(claims), pairs, threshold=s.cluster_threshold)
        t = time.perf_counter()
        doc_dates = {d.id: d.date for d in documents}
        with self.progress.stage("rules", len(pairs) or None, "pair") as bar:
            findings, edges = evaluate(
                claims, pairs, self.rules, doc_dates, s.related_threshold, documents=documents, nli=self.nli_judge,
                drafts=drafts,
            )
            bar.update(len(pairs))
        self._timed("rules", t)
        return Judgement(labels, findings, edges)

    def scan(self, paths: list[str]) -> Report:
        """Every document of ``paths`` checked against the others."""
        with gc_paused():  # one pause for the three: each pause ends in a collection of all it allocated
            loaded = self.read(paths, preload_encoder=True)
            extraction = self.extract(loaded)
            documents, claims = [item.document for item in loaded], extraction.claims
            spans = claim_spans(claims)
        report = self.judge(documents, claims, self.embed(claims), claims_digest=extraction.digest)
        return dataclasses.replace(report, claim_spans=spans)

    def check(self, drafts: list[str], against: list[str]) -> Report:
        """Findings that involve a draft claim, judged against the archive (files, folders or one index)."""
        from .store.index import is_index, refuse_broken_index

        indexes = [p for p in against if is_index(p)]
        if indexes:
            if len(against) > 1:
                raise ClaimgraphError("--against takes one index, or files and folders, not both")
            return self.check_index(drafts, indexes[0])
        for p in against:
            refuse_broken_index(p)
        draft_loaded = self.read(drafts)
        if not draft_loaded:
            raise InputError(f"no readable draft documents ({_KNOWN}) in the given paths")
        draft_paths = {item.document.path for item in draft_loaded}
        read_archive = self.read(against, preload_encoder=True)
        archive_loaded = [item for item in read_archive if item.document.path not in draft_paths]
        if not archive_loaded:
            named = " ".join(against)
            if read_archive:
                raise InputError(f"--against {named}: no document besides the drafts themselves to check them against")
            raise InputError(f"--against {named}: no readable document ({_KNOWN}) to check the drafts against")
        loaded = draft_loaded + archive_loaded
        documents = _renumber([item.document for item in loaded])
        extraction = self.extract(loaded)
        claims = extraction.claims
        draft_ids = {d.id for d in documents[: len(draft_loaded)]}
        spans = claim_spans(claims)
        report = self.judge(
            documents, claims, self.embed(claims), keep=lambda c: c.doc in draft_ids, claims_digest=extraction.digest,
            drafts=frozenset(draft_ids),
        )
        return dataclasses.replace(restrict_to(report, draft_ids), claim_spans=spans, draft_paths=draft_paths)

    def check_index(self, drafts: list[str], folder: str) -> Report:
        """Like :meth:`check`, against a saved index: only the drafts are read and encoded.

        Candidate pairs are each draft claim's nearest neighbours among the other draft
        claims and the index's claims (exact by blocks; approximate for a very large index,
        see :func:`checker.store.index.draft_pairs`), plus the same-figure pairs of summary
        claims; only the index claims those pairs reach are loaded.
        """
        from .store.index import draft_pairs, open_index

        s = self.settings
        with open_index(folder, self.embedder.name) as index:
            draft_loaded = self.read(drafts)
            draft_docs = _renumber([item.document for item in draft_loaded])
            if not draft_docs:
                raise ClaimgraphError(f"no readable draft documents ({_KNOWN}) in the given paths")
            self._warn_if_stale(folder, {str(Path(d.path).resolve()) for d in draft_docs})
            claims = self.extract(draft_loaded).claims
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
                extra = merge_pairs(same_value_pairs(claims + archive, sub), fact_pairs(claims + archive, sub))
                pairs = merge_pairs(pairs, [p for p in extra if p[0] < len(claims)])
            archive_docs = index.documents(sorted({c.doc for c in archive}))
            spans = claim_spans(claims)
            spans.update(index.spans([d.id for d in archive_docs]))
            report = self.judge_pairs(draft_docs + archive_docs, claims + archive, pairs, t, drafts=frozenset(d.id for d in draft_docs))
        report = restrict_to(report, {d.id for d in draft_docs})
        return dataclasses.replace(report, claim_spans=spans, draft_paths={d.path for d in draft_docs})

    def _warn_if_stale(self, folder: str, drafts: set[str]) -> None:
        """One warning naming the archive files that changed, appeared or vanished since the
        index was built (:func:`checker.indexing.index_status`); the drafts, read as they are,
        are left out."""
        from .indexing import index_status

        status = index_status(folder, max_size_mb=self.settings.max_size_mb)
        status.changed = [p for p in status.changed if str(Path(p).resolve()) not in drafts]
        status.new = [p for p in status.new if str(Path(p).resolve()) not in drafts]
        if status.stale:
            self.warn(status.warning())

    def gate(self, report: Report, baseline: set[str] | None = None) -> tuple[Report, GateStats]:
        """The report with path overrides, in-place suppressions and the baseline applied.

        Finding ids are renumbered afterwards. ``GateStats.unused`` lists the directives
        (of the drafts, in a check) that suppressed nothing. The claims of each document come
        from the report's ``claim_spans`` (every claim the run read; scan and check fill it),
        the drafts from its ``draft_paths``.
        """
        from .gate.baseline import apply_baseline
        from .report.graph import edges_without
        from .gate.suppressions import Suppressor

        stats = GateStats()
        claims = report.claim_by_id()
        findings = list(report.findings)
        config = self.settings.config
        if config is not None:
            kept = config.apply_overrides(findings, claims)
            stats.overridden = len(findings) - len(kept)
            findings = kept
        suppressor = Suppressor(report.documents, report.claims, {r.id for r in self.rules}, spans=report.claim_spans)
        kept = [f for f in findings if not suppressor.suppresses(f)]
        stats.suppressed = len(findings) - len(kept)
        findings = kept
        stats.unused = suppressor.unused(report.draft_paths)
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


_KNOWN = ".txt, .md, .html, .docx, .pdf"  # the document suffixes, for messages


def _renumber(documents: list[Document]) -> list[Document]:
    for n, doc in enumerate(documents, 1):
        doc.id = f"d{n}"
    return documents


def claim_spans(claims: list[Claim]) -> dict[str, list[tuple[int, int, str]]]:
    """Doc id -> ``(start, end, claim id)`` of each of its claims, for the gate's suppressions."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for c in claims:
        spans.setdefault(c.doc, []).append((c.start, c.end, c.id))
    return spans


def _cluster_lists(claims: list[Claim], labels: list[int]) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for claim, label in zip(claims, labels):
        groups.setdefault(label, []).append(claim.id)
    return [ids for _, ids in sorted(groups.items()) if len(ids) > 1]


def restrict_to(report: Report, doc_ids: set[str]) -> Report:
    """Keep the findings and edges that involve a claim of the given documents (the findings
    numbered again when some were left out)."""
    claims = report.claim_by_id()
    involves = lambda ids: any(claims[c].doc in doc_ids for c in ids)  # noqa: E731
    findings = [f for f in report.findings if involves(f.claims)]
    if len(findings) != len(report.findings):  # numbered f1, f2, ... again, as a check against an index numbers them
        findings = order_findings(findings, claims)
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
        groups=[grp for grp in report.groups if any(c in wanted for v in grp.values for c in v.claims)],
        claim_spans=report.claim_spans,
        draft_paths=report.draft_paths,
    )
