"""Candidate pairs by nearest neighbours, and clusters of related claims."""

import numpy as np
import pytest

from checker.pair.candidates import clusters, nearest_pairs


def _unit(rows):
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_candidates_pairs_match_brute_force():
    rng = np.random.default_rng(0)
    v = _unit(rng.normal(size=(60, 8)))
    pairs = nearest_pairs(v, k=5, threshold=-1.0)
    sims = v @ v.T
    expected = set()
    for i in range(60):
        order = [j for j in np.argsort(-sims[i]) if j != i][:5]
        for j in order:
            expected.add((min(i, j), max(i, j)))
    assert {(i, j) for i, j, _ in pairs} == expected
    for i, j, s in pairs:
        assert i < j and abs(s - sims[i, j]) < 1e-5


def test_candidates_threshold_drops_dissimilar_pairs():
    v = _unit([[1, 0], [0.99, 0.1], [0, 1]])
    pairs = nearest_pairs(v, k=2, threshold=0.5)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]


def test_candidates_clusters_are_deterministic_groups():
    v = _unit([[1, 0, 0], [0.95, 0.05, 0], [0, 1, 0], [0, 0.97, 0.03], [0, 0, 1]])
    pairs = nearest_pairs(v, k=2, threshold=0.3)
    labels = clusters(5, pairs, threshold=0.5)
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert labels[4] not in (labels[0], labels[2])
    assert labels == clusters(5, pairs, threshold=0.5)


def test_candidates_tiny_inputs():
    assert nearest_pairs(np.zeros((0, 4), np.float32)) == []
    assert nearest_pairs(_unit([[1, 0]])) == []


# ---------------------------------------------------------------- search methods and partitions

from checker.pair.candidates import (  # noqa: E402
    EXACT_LIMIT,
    knn_exact,
    merge_pair_lists,
    nearest_pairs_between,
    neighbours,
    pairs_from_neighbours,
    search_method,
)


def _clustered(n, dim=32, centres=40, seed=1):
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim))
    v = c[rng.integers(0, centres, n)] + 0.3 * rng.normal(size=(n, dim))
    return _unit(v)


def test_candidates_auto_method_is_exact_below_the_limit():
    assert search_method(EXACT_LIMIT - 1) == "exact"
    assert search_method(EXACT_LIMIT) == "ann"
    v = _clustered(300)
    assert nearest_pairs(v, k=5, threshold=0.3) == nearest_pairs(v, k=5, threshold=0.3, method="exact")


def _use_graphs(monkeypatch, graphs):
    """One HNSW graph, or two half graphs (PART_ROWS lowered below the test's row counts)."""
    from checker.pair import ann

    monkeypatch.setattr(ann, "PART_ROWS", 10**9 if graphs == 1 else 300)


def test_candidates_two_half_graphs_find_what_one_graph_finds(monkeypatch):
    from checker.pair import ann

    v = _clustered(2000)
    exact = set((i, j) for i, j, _ in nearest_pairs(v, k=10, threshold=0.5, method="exact"))
    found = {}
    for graphs in (1, 2):
        _use_graphs(monkeypatch, graphs)
        assert len(ann.AnnIndex.build(v)._parts) == graphs
        found[graphs] = set((i, j) for i, j, _ in nearest_pairs(v, k=10, threshold=0.5, method="ann"))
    assert len(found[2] & exact) >= 0.97 * len(exact) and len(found[2] & found[1]) >= 0.97 * len(found[1])


@pytest.mark.parametrize("graphs", [1, 2])
def test_candidates_ann_finds_nearly_all_exact_neighbours_and_is_deterministic(monkeypatch, graphs):
    _use_graphs(monkeypatch, graphs)
    v = _clustered(2000)
    exact_i, exact_s = knn_exact(v, 10)
    ann_i, ann_s = neighbours(v, 10, method="ann")
    kth = exact_s.min(axis=1, keepdims=True)
    assert (ann_s >= kth - 1e-5).mean() > 0.97
    assert not (ann_i == np.arange(2000)[:, None]).any()  # never its own neighbour
    a = nearest_pairs(v, k=10, threshold=0.5, method="ann")
    assert a == nearest_pairs(v, k=10, threshold=0.5, method="ann")
    for i, j, s in a[:200]:
        assert i < j and abs(s - float(v[i] @ v[j])) < 1e-4


@pytest.mark.parametrize("graphs", [1, 2])
def test_candidates_row_partitions_give_the_single_process_pairs(monkeypatch, graphs):
    _use_graphs(monkeypatch, graphs)
    v = _clustered(700)
    for method in ("exact", "ann"):
        from checker.pair.ann import AnnIndex

        index = AnnIndex.build(v) if method == "ann" else None
        whole = nearest_pairs(v, k=6, threshold=0.4, method=method)
        parts = []
        for start in range(0, 700, 250):
            stop = min(700, start + 250)
            i, s = neighbours(v, 6, method=method, rows=(start, stop), index=index)
            parts.append(pairs_from_neighbours(i, s, 0.4, first_row=start))
        assert merge_pair_lists(*parts) == whole


def test_candidates_pairs_between_queries_and_base_match_brute_force():
    v = _clustered(400)
    q, base = v[:30], v[30:]
    pairs = nearest_pairs_between(q, base, k=4, threshold=0.2)
    sims = q @ base.T
    expected = {(i, int(j)) for i in range(30) for j in np.argsort(-sims[i])[:4] if sims[i, j] >= 0.2}
    assert {(i, j) for i, j, _ in pairs} == expected
    assert pairs == sorted(pairs)
    for i, j, s in pairs:
        assert abs(s - sims[i, j]) < 1e-5
    approx = nearest_pairs_between(q, base, k=4, threshold=0.2, method="ann")
    assert len({(i, j) for i, j, _ in approx} & expected) >= 0.95 * len(expected)
    assert nearest_pairs_between(q[:0], base) == [] and nearest_pairs_between(q, base[:0]) == []


@pytest.mark.parametrize("graphs", [1, 2])
def test_candidates_ann_index_is_kept_in_the_cache_and_reused(tmp_path, monkeypatch, graphs):
    _use_graphs(monkeypatch, graphs)
    from checker.pair import ann

    v = _clustered(600)
    first = nearest_pairs(v, k=5, threshold=0.4, method="ann", cache_dir=tmp_path)
    saved = list((tmp_path / "ann").glob("*.hnsw"))
    assert len(saved) == graphs  # one file a graph
    calls = []
    real = ann.AnnIndex._build
    monkeypatch.setattr(ann.AnnIndex, "_build", classmethod(lambda cls, x: calls.append(1) or real.__func__(cls, x)))
    assert nearest_pairs(v, k=5, threshold=0.4, method="ann", cache_dir=tmp_path) == first
    assert calls == []  # loaded, not built
    nearest_pairs(v[:500], k=5, threshold=0.4, method="ann", cache_dir=tmp_path)
    assert calls == [1]  # other vectors: built anew
    saved[0].write_bytes(b"garbage")
    assert nearest_pairs(v, k=5, threshold=0.4, method="ann", cache_dir=tmp_path) == first


def test_candidates_clusters_of_a_large_graph_are_deterministic_communities():
    # past NETWORKX_CLUSTER_LIMIT items igraph's Louvain runs: same pairs, same labels,
    # and well-separated groups are found as such
    from checker.pair.candidates import NETWORKX_CLUSTER_LIMIT

    groups, size = 60, NETWORKX_CLUSTER_LIMIT // 50
    n = groups * size
    rng = np.random.default_rng(0)
    pairs = []
    for g in range(groups):
        base = g * size
        for i in range(size):
            for j in rng.choice(size, 4, replace=False):
                if j != i:
                    pairs.append((min(base + i, base + int(j)), max(base + i, base + int(j)), 0.9))
    pairs.append((0, size, 0.5))  # one weak link between two groups
    pairs = sorted(set(pairs))
    labels = clusters(n, pairs, threshold=0.45)
    assert labels == clusters(n, pairs, threshold=0.45)
    assert labels[0] == 0  # numbered by smallest member
    for g in range(groups):
        assert len({labels[g * size + i] for i in range(size)}) == 1
    assert len(set(labels)) == groups


@pytest.mark.parametrize("graphs", [1, 2])
def test_candidates_ann_search_with_the_held_vectors_equals_reading_them_back(tmp_path, monkeypatch, graphs):
    _use_graphs(monkeypatch, graphs)
    from checker.pair.ann import AnnIndex

    v = _clustered(600)
    for index in (AnnIndex.build(v), AnnIndex.build(v, cache_dir=tmp_path), AnnIndex.build(v, cache_dir=tmp_path)):
        # an inner-product index keeps the rows exactly as given (float32)
        assert np.array_equal(index.get_rows(np.arange(600)), v.astype(np.float32))
        for start, stop in ((0, 600), (100, 350)):
            held = index.search_self(start, stop, 7, vectors=v[start:stop])
            read = index.search_self(start, stop, 7)
            assert np.array_equal(held[0], read[0]) and np.array_equal(held[1], read[1])
