"""Scanning an archive on a Dask cluster: embedding and candidate search on workers.

``claimgraph scan PATH --jobs N`` starts a local cluster of ``N`` worker processes;
``--scheduler tcp://HOST:PORT`` joins a running one (``dask scheduler`` plus
``dask worker`` on each machine). Why Dask and not Ray: the work is a handful of
large, independent numpy tasks (encode a chunk of sentences, search a block of
rows), which ``Client.submit``/``scatter`` express directly; Dask's ``distributed``
is a pure-Python wheel of a few MB that installs anywhere claimgraph does, starts a
local cluster in about a second and needs no object store or daemon, while Ray
brings a ~100 MB binary, its own runtime and a slower start for no gain here.

What runs where: a :class:`DistributedPipeline` is a :class:`~checker.pipeline.Pipeline` with
two parts injected, its encoder (:class:`DaskEncoder`) and its neighbour search
(:class:`DaskSearch`); every stage, cache and setting is the single-process one.

* the driver reads the documents, extracts the claims and looks the sentences up in
  the embedding cache (one SQLite writer, as in a single-process run: the same cache,
  so an unusable ``--cache-dir`` is the same error);
* **embedding**: the sentences missing from the cache are cut in the chunks a
  single-process run encodes one after the other (:data:`EMBED_CHUNK`), each chunk
  one task, so every worker sees the very batches a single process would;
* **candidate search**: the vectors (and, past :data:`~checker.pair.candidates.EXACT_LIMIT`
  rows, the deterministic HNSW index) are broadcast once; each task finds the
  neighbours of one block of rows against the full set, and the driver merges the
  per-block pairs with :func:`~checker.pair.candidates.merge_pair_lists`;
* the rules then run on the driver over the merged pairs, exactly as in a
  single-process run, so the findings are the same.
"""

from __future__ import annotations

from pathlib import Path
from functools import partial
from typing import Callable, Sequence

import numpy as np

from ..pair.candidates import merge_pair_lists, neighbours, pairs_from_neighbours, search_method
from ..store.embedding_cache import default_cache_dir
from ..embed.embeddings import encoding_order
from ..errors import ConfigError
from ..pipeline import Pipeline, Settings

#: Sentences a single-process run hands the encoder at once (Pipeline.embed's step).
EMBED_CHUNK = 1024
#: Rows of the candidate search per task.
SEARCH_BLOCK = 4096

_WORKER_EMBEDDERS: dict = {}  # per worker process: loaded encoders by spec


def _worker_embedder(spec):
    """The encoder a spec names, loaded once per worker process."""
    key = spec if not callable(spec) else (getattr(spec, "__module__", ""), getattr(spec, "__qualname__", repr(spec)))
    if key not in _WORKER_EMBEDDERS:
        if callable(spec):
            _WORKER_EMBEDDERS[key] = spec()
        else:
            from ..pipeline import make_encoder

            model, device, backend, batch_size = spec
            _WORKER_EMBEDDERS[key] = make_encoder(model, device, backend, batch_size)
    return _WORKER_EMBEDDERS[key]


def _encode_task(spec, texts: list[str]) -> np.ndarray:
    return np.asarray(_worker_embedder(spec).encode(texts), dtype=np.float32)


def _order_task(spec, texts: list[str]) -> list[int]:
    """The order a single process encodes ``texts`` in (:func:`checker.embed.embeddings.encoding_order`)."""
    return encoding_order(_worker_embedder(spec), texts)


def _search_task(vectors, index, method: str, k: int, threshold: float, start: int, stop: int):
    idx, sims = neighbours(vectors, k, method=method, rows=(start, stop), index=index)
    return pairs_from_neighbours(idx, sims, threshold, first_row=start)


def connect(jobs: int | None = None, scheduler: str | None = None):
    """A Dask client: on the scheduler at ``scheduler``, else on a new local cluster of ``jobs`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("distributed scans need dask: pip install 'claimgraph[distributed]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    if not jobs or jobs < 1:
        raise ConfigError("--jobs needs a number of worker processes, 1 or more")
    cluster = LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    return Client(cluster)


class DaskEncoder:
    """An encoder whose work runs on a Dask cluster: the encoding order is asked of a worker
    (which holds the tokenizer), and :meth:`encode_chunks` makes each chunk one task, so every
    worker sees the very batches a single process would encode one after the other."""

    def __init__(self, client, spec, name: str) -> None:
        self.client = client
        self.spec = spec
        self.name = name

    def encoding_order(self, texts: Sequence[str]) -> list[int]:
        return self.client.submit(_order_task, self.spec, list(texts), pure=False).result()

    def encode_chunks(self, chunks: Sequence[Sequence[str]]) -> list[np.ndarray]:
        futures = [self.client.submit(_encode_task, self.spec, list(chunk), pure=False) for chunk in chunks]
        return [future.result() for future in futures]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_chunks([texts])[0]


class DistributedPipeline(Pipeline):
    """A :class:`~checker.pipeline.Pipeline` whose encoder and candidate search run on a Dask cluster.

    ``embedder_factory`` is a picklable callable that makes the encoder on each worker
    (tests pass a fake one); by default each worker loads the configured model.
    """

    def __init__(self, settings: Settings | None = None, client=None, embedder_factory: Callable | None = None, **kwargs) -> None:
        if client is None:
            raise ConfigError("a distributed pipeline needs a Dask client (see checker.runtime.distributed.connect)")
        settings = settings or Settings()
        self.client = client
        self._factory = embedder_factory
        encoder = partial(DaskEncoder, client, self._spec_of(settings), self._model_name(settings, embedder_factory))
        super().__init__(settings, encoder=encoder, search=DaskSearch(client, settings).candidate_pairs, **kwargs)

    @staticmethod
    def _model_name(settings: Settings, factory) -> str:
        if factory is not None:
            return factory().name
        from ..pipeline import make_encoder

        # the name of the backend's encoder (loaded on first use, so nothing is loaded here):
        # the embedding cache keeps an ONNX encoder's vectors apart from torch's
        return make_encoder(settings.model, settings.device, settings.backend, settings.batch_size).name

    def _spec_of(self, settings: Settings):
        """What a worker builds its encoder from: the factory, or (model, device, backend, batch size)."""
        s = settings
        return self._factory if self._factory is not None else (s.model, s.device, s.backend, s.batch_size)

    def _spec(self):
        return self._spec_of(self.settings)


class DaskSearch:
    """The candidate search on a Dask cluster (a :class:`~checker.pipeline.Pipeline`'s ``search``)."""

    def __init__(self, client, settings: Settings) -> None:
        self.client = client
        self.settings = settings

    def candidate_pairs(self, vectors: np.ndarray) -> list[tuple[int, int, float]]:
        s = self.settings
        n = vectors.shape[0]
        if n < 2:
            return []
        k = max(1, min(s.neighbours, n - 1))
        method = search_method(n)
        index = None
        if method == "ann":
            from ..pair.ann import AnnIndex

            cache_dir = (Path(s.cache_dir) if s.cache_dir else default_cache_dir()) if s.use_cache else None
            index = AnnIndex.build(vectors, cache_dir=cache_dir)
        vectors_f = self.client.scatter(np.ascontiguousarray(vectors, dtype=np.float32), broadcast=True)
        index_f = self.client.scatter(index, broadcast=True) if index is not None else None
        futures = [
            self.client.submit(_search_task, vectors_f, index_f, method, k, s.pair_threshold, start, min(n, start + SEARCH_BLOCK), pure=False)
            for start in range(0, n, SEARCH_BLOCK)
        ]
        return merge_pair_lists(*self.client.gather(futures))


def scan(paths: list[str], settings: Settings | None = None, jobs: int | None = None, scheduler: str | None = None, **kwargs):
    """Scan ``paths`` on a cluster; returns the same report a single-process scan does."""
    client = connect(jobs, scheduler)
    try:
        pipeline = DistributedPipeline(settings, client=client, **kwargs)
        try:
            return pipeline.scan(paths)
        finally:
            pipeline.close()
    finally:
        disconnect(client, scheduler)


def disconnect(client, scheduler: str | None = None) -> None:
    """Close the client, and the local cluster it started (never a remote scheduler)."""
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None and not scheduler:
        cluster.close()
