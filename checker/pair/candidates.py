"""Candidate pairs and clusters of related claims from their embeddings.

Rules only ever look at candidate pairs: each claim's ``k`` nearest neighbours
(cosine similarity of the sentence with its figures masked) above a threshold.

Two searches give the neighbours, with the same contract:

* exact (:func:`knn_exact`): blocks of rows against all rows with numpy, so memory
  stays at ``block x n`` floats; all-pairs work, ``O(n^2 d)``. Below
  :data:`EXACT_LIMIT` rows it is the cheaper one, and it is what small corpora get;
* approximate (:mod:`checker.pair.ann`, an HNSW graph of hnswlib): from
  :data:`EXACT_LIMIT` rows each query walks a proximity graph to its neighbours,
  no all-pairs work, about ``O(n log n d)``. It is deterministic (a one-thread, seeded
  build), so the same input gives the same pairs.

Both produce, for each row, ``k`` neighbour rows and their similarities; pairs are
made from those by :func:`pairs_from_neighbours`, so a search partitioned by rows
(:mod:`checker.distributed`) gives exactly the single-process pairs. Either search only
*proposes* neighbours: the similarity of every pair and the choice of each row's ``k``
best are exact (:mod:`checker.pair.similarity`), the same bits whatever the partition, the
thread count or the BLAS kernel. The exact search therefore gives the same pairs on any
machine; the approximate one proposes from a graph whose distance kernels are the CPU's,
so on another CPU a near-tie can propose differently (same machine: same pairs). Clusters are
Louvain communities of the neighbour graph (igraph's C implementation, seeded).
"""

from __future__ import annotations

import numpy as np

from . import similarity
from .similarity import pair_scores, rescore_neighbours, top_k

#: Rows at or above which :func:`nearest_pairs` uses the approximate index (measured:
#: see bench/results; below it exact search costs less than building an index).
EXACT_LIMIT = 10_000

#: Extra neighbours asked of the approximate search, so that the exact rescoring
#: (:func:`checker.pair.similarity.rescore_neighbours`) chooses the ``k`` best among more than ``k``.
ANN_EXTRA = 2

_BLOCK_FLOATS = 1 << 24  # similarities held at once: 64 MB of float32


def _block_rows(n: int) -> int:
    return int(max(32, min(2048, _BLOCK_FLOATS // max(1, n))))


def _as_rows(vectors: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(vectors, dtype=np.float32)


def knn_exact(
    vectors: np.ndarray, k: int, rows: tuple[int, int] | None = None, base: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar rows of ``base`` for rows ``start:stop`` of ``vectors``.

    Without ``base`` the search is within ``vectors`` and a row is never its own
    neighbour. Returns ``(indices, similarities)``, both ``(stop - start, k)``, best
    first, ties by the lower row. The float32 matrix product only proposes neighbours;
    the similarities and the choice of the ``k`` best are exact
    (:func:`checker.pair.similarity.top_k`), so any row partition, thread count or BLAS kernel
    gives the same answer. ``k`` must be below the number of candidates.
    """
    vectors = _as_rows(vectors)
    own = base is None
    base = vectors if own else _as_rows(base)
    start, stop = rows if rows is not None else (0, vectors.shape[0])
    count = stop - start
    index = np.empty((count, k), dtype=np.int64)
    sims_out = np.empty((count, k), dtype=np.float64)
    step = _block_rows(base.shape[0])
    dim = vectors.shape[1]
    for s in range(start, stop, step):
        e = min(stop, s + step)
        proposed = similarity.propose(vectors[s:e], base)
        if own:
            r = np.arange(e - s)
            proposed[r, r + s] = -np.inf  # not its own neighbour

        def score(rr, cc, s=s):
            return pair_scores(vectors, rr + s, base, cc)

        index[s - start : e - start], sims_out[s - start : e - start] = top_k(proposed, k, score, dim)
    return index, sims_out


def pairs_from_neighbours(
    index: np.ndarray, sims: np.ndarray, threshold: float, first_row: int = 0
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)``, ``i < j``, sorted and unique, from per-row neighbours.

    Row ``r`` of ``index``/``sims`` belongs to item ``first_row + r``; entries below
    ``threshold``, negative indices (an index with fewer hits) and self-matches are dropped.
    A pair found from both ends keeps the larger similarity.
    """
    if index.size == 0:
        return []
    rows = np.repeat(np.arange(first_row, first_row + index.shape[0], dtype=np.int64), index.shape[1])
    cols = index.reshape(-1).astype(np.int64, copy=False)
    s = sims.reshape(-1)
    keep = (cols >= 0) & (cols != rows) & (s >= threshold)
    rows, cols, s = rows[keep], cols[keep], s[keep]
    lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
    # sort by pair, larger similarity first, and keep the first of each pair
    order = np.lexsort((-s, hi, lo))
    lo, hi, s = lo[order], hi[order], s[order]
    first = np.ones(lo.shape[0], dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    lo, hi, s = lo[first], hi[first], s[first]
    return [(i, j, round(v, 6)) for i, j, v in zip(lo.tolist(), hi.tolist(), s.astype(np.float64).tolist())]


def merge_pair_lists(*lists: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The union of pair lists (as from row partitions), one entry per pair with its largest similarity."""
    best: dict[tuple[int, int], float] = {}
    for pairs in lists:
        for i, j, s in pairs:
            if s > best.get((i, j), -2.0):
                best[(i, j)] = s
    return sorted((i, j, s) for (i, j), s in best.items())


def search_method(n: int, method: str = "auto") -> str:
    """``exact`` or ``ann`` for ``n`` rows: ``auto`` picks by :data:`EXACT_LIMIT`."""
    if method not in ("auto", "exact", "ann"):
        raise ValueError(f"unknown search method {method!r}")
    if method == "auto":
        return "ann" if n >= EXACT_LIMIT else "exact"
    return method


def neighbours(
    vectors: np.ndarray,
    k: int,
    method: str = "auto",
    rows: tuple[int, int] | None = None,
    index=None,
    cache_dir=None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-row neighbours within ``vectors`` (rows ``start:stop``), by ``method``.

    ``index`` is a prebuilt :class:`checker.pair.ann.AnnIndex` of ``vectors`` (so partitions
    share one); it is built when needed and not given, and kept in ``cache_dir`` when given.
    """
    if search_method(vectors.shape[0], method) == "exact":
        return knn_exact(vectors, k, rows=rows)
    from .ann import AnnIndex

    if index is None:
        index = AnnIndex.build(vectors, cache_dir=cache_dir)
    start, stop = rows if rows is not None else (0, vectors.shape[0])
    held = _as_rows(vectors[start:stop])
    proposed, _ = index.search_self(start, stop, k + ANN_EXTRA, vectors=held)
    return rescore_neighbours(proposed, held, vectors, k, first_row=start)


def nearest_pairs(
    vectors: np.ndarray, k: int = 10, threshold: float = 0.45, method: str = "auto", cache_dir=None
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` with ``i < j``: ``j`` is a top-``k`` neighbour of ``i`` or ``i`` of ``j``.

    ``vectors`` are L2-normalised rows. The result is sorted and free of duplicates.
    Exact below :data:`EXACT_LIMIT` rows (or with ``method="exact"``), approximate above;
    ``cache_dir`` keeps the approximate index for a rescan of the same vectors.
    """
    n = vectors.shape[0]
    if n < 2:
        return []
    k = max(1, min(k, n - 1))
    index, sims = neighbours(vectors, k, method, cache_dir=cache_dir)
    return pairs_from_neighbours(index, sims, threshold)


def nearest_pairs_between(
    queries: np.ndarray, base: np.ndarray, k: int = 10, threshold: float = 0.45, method: str = "auto"
) -> list[tuple[int, int, float]]:
    """For each query row its ``k`` nearest ``base`` rows at or above ``threshold``: ``(qi, bi, sim)``.

    Sorted by ``(qi, bi)``. Exact unless ``base`` has at least :data:`EXACT_LIMIT` rows
    (or ``method="ann"``); ``base`` may be a memory-mapped array.
    """
    nq = queries.shape[0]
    nb = base.shape[0] if base.ndim == 2 else 0
    if nq == 0 or nb == 0:
        return []
    k = max(1, min(k, nb))
    if search_method(nb, method) == "exact":
        index, sims = knn_exact(queries, k, base=base)
    else:
        from .ann import AnnIndex

        q = _as_rows(queries)
        proposed, _ = AnnIndex.build(base).search(q, k + ANN_EXTRA)
        index, sims = rescore_neighbours(proposed, q, base, k)
    qi = np.repeat(np.arange(nq, dtype=np.int64), k)
    bi = index.reshape(-1)
    s = sims.reshape(-1)
    keep = (bi >= 0) & (s >= threshold)
    qi, bi, s = qi[keep], bi[keep], s[keep]
    order = np.lexsort((bi, qi))
    return [(i, j, round(v, 6)) for i, j, v in zip(qi[order].tolist(), bi[order].tolist(), s[order].astype(np.float64).tolist())]


#: Items below which :func:`clusters` uses networkx's Louvain (the reference results, about a
#: second at this size); from here igraph's C Louvain, which grows about ``n log n``.
NETWORKX_CLUSTER_LIMIT = 5_000


def clusters(n: int, pairs: list[tuple[int, int, float]], threshold: float = 0.5) -> list[int]:
    """A cluster number for each of ``n`` items; singletons get their own number.

    Louvain communities (modularity, edge weight = similarity) of the graph of pairs at
    or above ``threshold``, numbered by their smallest member; seeded, so the same pairs
    always give the same clusters. Below :data:`NETWORKX_CLUSTER_LIMIT` items networkx's
    implementation (seed 0) runs; above it igraph's C implementation with a
    ``random.Random(0)`` generator for the call (networkx took 15 s on 37,000 claims, igraph
    under one). The two are the same method but draw different random node orders, so
    their partitions may differ in detail.
    """
    kept = [(i, j, s) for i, j, s in pairs if s >= threshold]
    if not kept:
        return list(range(n))
    if n < NETWORKX_CLUSTER_LIMIT:
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_weighted_edges_from(kept)
        membership = [0] * n
        for number, members in enumerate(nx.community.louvain_communities(graph, weight="weight", seed=0)):
            for m in members:
                membership[m] = number
    else:
        membership = _igraph_louvain(n, kept)
    first: dict[int, int] = {}
    for item, community in enumerate(membership):
        first.setdefault(community, item)  # items in order: the first seen is the smallest member
    number = {community: rank for rank, community in enumerate(sorted(first, key=first.__getitem__))}
    return [number[c] for c in membership]


def _igraph_louvain(n: int, edges: list[tuple[int, int, float]]) -> list[int]:
    import random

    import igraph

    graph = igraph.Graph(n=n, edges=[(i, j) for i, j, _ in edges])
    igraph.set_random_number_generator(random.Random(0))
    try:
        return graph.community_multilevel(weights=[s for _, _, s in edges]).membership
    finally:
        igraph.set_random_number_generator(random)  # igraph's default
