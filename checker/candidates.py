"""Candidate pairs and clusters of related claims from their embeddings.

Rules only ever look at candidate pairs: each claim's ``k`` nearest neighbours
(cosine similarity of the sentence with its figures masked) above a threshold.
Nearest neighbours are computed exactly in row blocks, so memory stays at
``block x n`` floats; clusters are Louvain communities of the neighbour graph.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

_BLOCK = 2048


def nearest_pairs(
    vectors: np.ndarray, k: int = 10, threshold: float = 0.45
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` with ``i < j``, each a top-``k`` neighbour of the other's row.

    ``vectors`` are L2-normalised rows. The result is sorted and free of duplicates.
    """
    n = vectors.shape[0]
    if n < 2:
        return []
    k = max(1, min(k, n - 1))
    best: dict[tuple[int, int], float] = {}
    for start in range(0, n, _BLOCK):
        block = vectors[start : start + _BLOCK]
        sims = block @ vectors.T
        rows = np.arange(block.shape[0])
        sims[rows, rows + start] = -np.inf  # not its own neighbour
        if k < n - 1:
            top = np.argpartition(-sims, k, axis=1)[:, :k]
        else:
            top = np.tile(np.arange(n), (block.shape[0], 1))
        for r in range(block.shape[0]):
            i = start + r
            for j in top[r]:
                j = int(j)
                s = float(sims[r, j])
                if j == i or s < threshold:
                    continue
                pair = (i, j) if i < j else (j, i)
                if s > best.get(pair, -1.0):
                    best[pair] = s
    return sorted((i, j, round(s, 6)) for (i, j), s in best.items())


def clusters(n: int, pairs: list[tuple[int, int, float]], threshold: float = 0.5) -> list[int]:
    """A cluster number for each of ``n`` items; singletons get their own number.

    Louvain communities (seeded, so deterministic) of the graph of pairs at or above
    ``threshold``, numbered by their smallest member.
    """
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from((i, j, s) for i, j, s in pairs if s >= threshold)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=0)
    ordered = sorted((sorted(c) for c in communities), key=lambda c: c[0])
    labels = [0] * n
    for number, members in enumerate(ordered):
        for m in members:
            labels[m] = number
    return labels
