"""Candidate pairs by nearest neighbours, and clusters of related claims."""

import numpy as np

from checker.candidates import clusters, nearest_pairs


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
