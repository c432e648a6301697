"""Similarities that do not depend on how the work was split or on the BLAS kernel.

The float32 matrix product only proposes candidates (``checker.pair.similarity.propose``); every
similarity that reaches a pair list, a threshold, a cluster or a report is the exact
per-pair reduction of :func:`checker.pair.similarity.pair_scores`. These tests stand in other
"kernels" for the proposal (the same products off by a few units in the last place, as
another CPU or block shape gives), other row partitions, block sizes and BLAS thread counts,
and require the very same pairs, scores and reports.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

import checker.pair.candidates as candidates
import checker.store.index as index_module
from checker.pair import similarity
from checker.pair.candidates import merge_pair_lists, nearest_pairs, nearest_pairs_between, neighbours, pairs_from_neighbours
from checker.store.index import cross_pairs, draft_pairs, neighbour_similarities
from checker.pair.similarity import pair_scores, slack, top_k


def _clustered(n: int, dim: int = 64, seed: int = 0, duplicates: int = 0) -> np.ndarray:
    """Unit vectors around a few centres, with ``duplicates`` exact copies of row 0 at the end
    (identical sentences give identical vectors, so exact ties are the normal case)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(8, dim))
    v = centres[rng.integers(0, 8, n)] + 0.7 * rng.normal(size=(n, dim))
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    if duplicates:
        v = np.concatenate([v, np.repeat(v[:1], duplicates, axis=0)])
    return v


def _noisy_kernel(seed: int):
    """A stand-in BLAS: the float32 product, each value moved by up to 3 units in the last
    place, differently on every call (as another kernel, thread count or block shape may)."""
    rng = np.random.default_rng(seed)

    def propose(rows, base):
        out = np.asarray(rows, dtype=np.float32) @ np.asarray(base, dtype=np.float32).T
        for _ in range(3):
            step = rng.integers(-1, 2, size=out.shape)
            out = np.where(step > 0, np.nextafter(out, np.float32(np.inf)), np.where(step < 0, np.nextafter(out, np.float32(-np.inf)), out))
        return out.astype(np.float32)

    return propose


def _fsum_dot(a: np.ndarray, b: np.ndarray) -> float:
    return math.fsum(float(x) * float(y) for x, y in zip(a.tolist(), b.tolist()))


# ---------------------------------------------------------------- the per-pair reduction


def test_similarity_pair_scores_are_the_dot_product_within_the_grid():
    v = _clustered(50, dim=384)
    i, j = np.triu_indices(50, 1)
    got = pair_scores(v, i, v, j)
    for n in range(0, len(i), 7):
        assert abs(got[n] - _fsum_dot(v[i[n]], v[j[n]])) <= 384 * 2.0**-41


def test_similarity_pair_scores_do_not_depend_on_order_chunks_or_dimension_order(monkeypatch):
    v = _clustered(80, dim=384, seed=3)
    i, j = np.triu_indices(80, 1)
    whole = pair_scores(v, i, v, j)
    reverse = pair_scores(v, i[::-1], v, j[::-1])[::-1]
    perm = np.random.default_rng(1).permutation(384)
    permuted = pair_scores(v[:, perm], i, v[:, perm], j)  # the sum runs in another order
    monkeypatch.setattr(similarity, "_CHUNK", 7)
    chunked = pair_scores(v, i, v, j)
    swapped = pair_scores(v, j, v, i)
    for other in (reverse, permuted, chunked, swapped):
        assert other.tobytes() == whole.tobytes()


def test_similarity_pair_scores_refuse_vectors_too_large_for_the_grid():
    big = np.full((2, 4), 1e9, dtype=np.float32)
    with pytest.raises(ValueError, match="normalised"):
        pair_scores(big, [0], big, [1])


def test_similarity_top_k_is_the_exact_best_with_ties_to_the_lower_column():
    v = _clustered(40, dim=32, duplicates=12)  # rows 40..51 are copies of row 0
    queries = v[:5]
    exact_all = np.array([[_fsum_dot(q, b) for b in v] for q in queries])
    for seed in range(4):
        proposed = _noisy_kernel(seed)(queries, v)
        proposed[np.arange(5), np.arange(5)] = -np.inf
        idx, scores = top_k(proposed, 6, lambda rr, cc: pair_scores(queries, rr, v, cc), 32)
        for r in range(5):
            allowed = [c for c in range(v.shape[0]) if c != r]
            want = sorted(allowed, key=lambda c: (-round(exact_all[r, c], 9), c))[:6]
            assert idx[r].tolist() == want
            assert np.all(np.diff(scores[r]) <= 0)
    # row 0's copies tie exactly: the lowest-numbered copies win, whatever the kernel said
    assert idx[0].tolist()[:6] == list(range(40, 46))


def test_similarity_top_k_pads_rows_with_too_few_columns():
    proposed = np.array([[0.5, -np.inf, 0.2]], dtype=np.float32)
    idx, scores = top_k(proposed, 3, lambda rr, cc: proposed[rr, cc].astype(np.float64), 4)
    assert idx.tolist() == [[0, 2, -1]] and scores[0, 2] == -np.inf


def test_similarity_slack_covers_the_float32_error_bound():
    assert slack(384) >= 2 * 384 * 2.0**-24 and slack(8) == 1e-4


# ---------------------------------------------------------------- every search path


def _every_path(v: np.ndarray):
    """The pair lists of every candidate search on ``v`` (exact, partitioned, between, index)."""
    q, base = v[:25], v[25:]
    parts = []
    for start in range(0, v.shape[0], 97):
        stop = min(v.shape[0], start + 97)
        i, s = neighbours(v, 6, method="exact", rows=(start, stop))
        parts.append(pairs_from_neighbours(i, s, 0.3, first_row=start))
    radii = neighbour_similarities(base, 6)
    return {
        "whole": nearest_pairs(v, k=6, threshold=0.3, method="exact"),
        "partitioned": merge_pair_lists(*parts),
        "between": nearest_pairs_between(q, base, k=6, threshold=0.3, method="exact"),
        "cross": cross_pairs(q, base, k=6, threshold=0.3, excluded=[4]),
        "draft": draft_pairs(q, base, 6, 0.3, radii=radii),
        "radii": radii.tobytes(),
    }


def test_similarity_pairs_do_not_depend_on_kernel_blocks_or_threads(monkeypatch):
    v = _clustered(400, duplicates=15)
    reference = _every_path(v)
    assert len(reference["whole"]) > 500 and reference["cross"][1]
    assert reference["partitioned"] == reference["whole"]
    for seed in range(3):
        monkeypatch.setattr(similarity, "propose", _noisy_kernel(seed))
        assert _every_path(v) == reference
    monkeypatch.setattr(candidates, "_BLOCK_FLOATS", 3000)  # blocks of a few rows
    monkeypatch.setattr(index_module, "_BLOCK_FLOATS", 3000)
    for threads in (1, 2):
        with threadpool_limits(limits=threads):
            assert _every_path(v) == reference


def test_similarity_reported_scores_are_the_exact_per_pair_scores():
    """A score from a matrix product rounds differently from the per-pair reduction in
    about one pair in twenty at six decimals; no pair list may carry such a score."""
    v = _clustered(300, dim=384, seed=7)
    paths = _every_path(v)
    listed = paths["whole"] + paths["between"] + paths["cross"][0] + paths["cross"][1]
    assert len(listed) > 1000
    q, base = v[:25], v[25:]
    for i, j, s in paths["whole"]:
        assert s == round(float(pair_scores(v, [i], v, [j])[0]), 6)
    for i, j, s in paths["between"] + paths["cross"][1]:
        assert s == round(float(pair_scores(q, [i], base, [j])[0]), 6)


def test_similarity_ann_scores_are_exact_and_partitions_agree(monkeypatch):
    from checker.pair.ann import AnnIndex

    v = _clustered(600, seed=2, duplicates=8)
    index = AnnIndex.build(v)
    whole = nearest_pairs(v, k=6, threshold=0.3, method="ann")
    parts = []
    for start in range(0, v.shape[0], 250):
        stop = min(v.shape[0], start + 250)
        i, s = neighbours(v, 6, method="ann", rows=(start, stop), index=index)
        parts.append(pairs_from_neighbours(i, s, 0.3, first_row=start))
    assert merge_pair_lists(*parts) == whole
    for i, j, s in whole:
        assert s == round(float(pair_scores(v, [i], v, [j])[0]), 6)
    exact = {(i, j) for i, j, _ in nearest_pairs(v, k=6, threshold=0.3, method="exact")}
    assert len(exact & {(i, j) for i, j, _ in whole}) >= 0.97 * len(exact)


def test_similarity_value_join_scores_are_the_exact_per_pair_scores():
    from checker.pair.value_join import same_value_pairs

    vectors = _clustered(2, dim=384, seed=5)
    pairs = same_value_pairs(_stub_claims(), vectors)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    assert pairs[0][2] == round(float(pair_scores(vectors, [0], vectors, [1])[0]), 6)


def test_similarity_compare_scores_are_the_exact_per_pair_scores(monkeypatch):
    from checker import comparison as compare_module
    from tests.fakes import HashEmbedder

    seen = []
    real = compare_module.evaluate

    def spy(claims, pairs, *args, **kwargs):
        seen.extend(pairs)
        return real(claims, pairs, *args, **kwargs)

    monkeypatch.setattr(compare_module, "evaluate", spy)
    monkeypatch.setattr(similarity, "propose", _noisy_kernel(0))
    embedder = HashEmbedder(384)
    prepared = compare_module._prepare("Acme sold 4,000 drones in 2024.", "Acme sold 4,100 drones in 2024.")
    vectors = embedder.encode([c.masked_text for c in prepared.claims])
    compare_module._judge(prepared, vectors, [])
    assert seen
    for i, j, s in seen:
        assert s == float(pair_scores(vectors, [i], vectors, [j])[0])


def _stub_claims():
    """Two claims of one document stating the same figure, one of them a summary."""
    from types import SimpleNamespace

    q = SimpleNamespace(kind="money", unit="USD", value=40_000_000.0)
    return [
        SimpleNamespace(doc="d1", section="summary", quantities=[q]),
        SimpleNamespace(doc="d1", section="body", quantities=[q]),
    ]


# ---------------------------------------------------------------- whole scans


def _scan_json(paths) -> str:
    from checker.pipeline import Pipeline, Settings
    from checker.report import render
    from tests.fakes import HashEmbedder

    pipeline = Pipeline(Settings(use_cache=False), embedder=HashEmbedder())
    try:
        report, _ = pipeline.gate(pipeline.scan([str(p) for p in paths]))
        return render(report, "json")
    finally:
        pipeline.close()


def test_similarity_scan_reports_do_not_depend_on_kernel_blocks_or_threads(tmp_path, monkeypatch):
    import sys

    from tests.conftest import ROOT, SEEDS

    sys.path.insert(0, str(ROOT / "bench"))
    from generate_corpus import generate

    generate(tmp_path / "corpus", docs=40, seed=11)
    paths = [tmp_path / "corpus", SEEDS]
    reference = _scan_json(paths)
    assert '"conflicts"' in reference and '"supports"' in reference
    monkeypatch.setattr(similarity, "propose", _noisy_kernel(1))
    monkeypatch.setattr(candidates, "_BLOCK_FLOATS", 5000)
    with threadpool_limits(limits=1):
        assert _scan_json(paths) == reference
