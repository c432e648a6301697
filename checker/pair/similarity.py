"""Similarities that do not depend on how the work was split or on the BLAS kernel.

A float32 matrix product (``rows @ base.T``) is the fast way to find candidate
neighbours, but its last bits depend on the block shape of the call, the thread count
and the CPU's kernel: the same two vectors can score ``0.857263`` in one run and
``0.857264`` in another, and a pair at a threshold appears on one machine and vanishes
on another. So a matrix product here only *proposes* candidates; every similarity
that reaches a threshold, a ranking, a cluster or a report is computed by
:func:`pair_scores`, one defined reduction per pair:

* each product ``a[t] * b[t]`` of two float32 components is exact in float64 (24 + 24
  significant bits fit in 53);
* each product is put on a fixed grid of ``2**-40`` (``rint`` of a multiplication by a
  power of two: correctly rounded, the same on every machine) as an int64;
* the integers are summed, which is exact and so independent of the order of the sum.

The result differs from the true dot product by at most ``d * 2**-41`` (``2e-10`` at
384 dimensions) and is the same bits on any CPU, with any BLAS, in any partition.

:func:`top_k` turns a block of proposed (float32) similarities into each row's ``k``
best columns by exact score: it rescores every column whose proposed score lies within
:func:`slack` of the row's ``k``-th best, which provably holds the exact top ``k``,
and breaks ties by the lower column number.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

#: Exponent of the fixed grid the exact products are summed on.
_GRID = 40
_SCALE = float(2**_GRID)
_UNSCALE = float(2.0**-_GRID)
#: Pairs scored at once (memory: this many rows of float64 of the vectors' dimension).
_CHUNK = 8192


def propose(rows: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Float32 similarities of ``rows`` against ``base`` (``rows @ base.T``): a proposal only.

    Its last bits depend on the BLAS kernel and the block shape, so callers use it to choose
    which pairs to score (:func:`top_k`, a threshold lowered by :func:`slack`) and never
    report, rank or threshold its values. One function, so that tests can stand in another
    kernel for it.
    """
    return np.asarray(rows, dtype=np.float32) @ np.asarray(base, dtype=np.float32).T


def pair_scores(a: np.ndarray, rows_a, b: np.ndarray, rows_b) -> np.ndarray:
    """The exact, machine-independent dot products ``a[rows_a[n]] . b[rows_b[n]]`` (float64).

    ``a`` and ``b`` hold float32 rows (others are cast to float32 first, as the candidate
    search sees them; ``b`` may be memory-mapped). For L2-normalised rows this is the
    cosine similarity.
    """
    rows_a = np.asarray(rows_a, dtype=np.int64).reshape(-1)
    rows_b = np.asarray(rows_b, dtype=np.int64).reshape(-1)
    if rows_a.shape != rows_b.shape:
        raise ValueError(f"{rows_a.shape[0]} rows of a against {rows_b.shape[0]} rows of b")
    out = np.empty(rows_a.shape[0], dtype=np.float64)
    if not rows_a.size:
        return out
    dim = a.shape[1]
    # |product| * 2**40 summed over dim terms must stay below 2**63
    limit = float(2 ** (62 - _GRID)) / max(1, dim)
    for s in range(0, rows_a.shape[0], _CHUNK):
        ia, ib = rows_a[s : s + _CHUNK], rows_b[s : s + _CHUNK]
        x = np.asarray(a[ia], dtype=np.float32).astype(np.float64)
        x *= np.asarray(b[ib], dtype=np.float32)  # exact: float32 x float32 fits a float64
        if x.size and not np.abs(x).max() < limit:
            raise ValueError("vectors too large (or not finite) for exact similarity; expected normalised embeddings")
        x *= _SCALE
        np.rint(x, out=x)
        out[s : s + _CHUNK] = x.astype(np.int64).sum(axis=1) * _UNSCALE
    return out


def slack(dim: int) -> float:
    """How far a float32 matrix product may miss an exact similarity of unit vectors, twice over.

    A dot product of ``dim`` terms in float32 errs by at most ``dim * 2**-24`` for unit
    vectors (the classic bound ``gamma_dim``); a column is rescored when its proposed score
    is within twice that (its own error and the ``k``-th best's) of the ``k``-th best, and
    never by less than ``1e-4``.
    """
    return max(1e-4, 2.0 * dim * 2.0**-24)


def top_k(
    proposed: np.ndarray, k: int, score: Callable[[np.ndarray, np.ndarray], np.ndarray], dim: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` best columns by exact score: ``(indices, scores)``, both ``(rows, k)``.

    ``proposed`` is a block of float32 similarities (``-inf`` marks a column that may not be
    chosen: the row itself, an excluded row); ``score(block_rows, columns)`` gives the exact
    scores of those pairs. Rows are ordered best first, ties by the lower column; a row with
    fewer than ``k`` admissible columns is padded with index ``-1`` and score ``-inf``.
    """
    rows, cols = proposed.shape
    index = np.full((rows, k), -1, dtype=np.int64)
    scores = np.full((rows, k), -np.inf, dtype=np.float64)
    if rows == 0 or cols == 0 or k == 0:
        return index, scores
    if k < cols:
        kth = np.partition(proposed, cols - k, axis=1)[:, cols - k]
    else:
        kth = proposed.min(axis=1)
    floor = np.where(np.isfinite(kth), kth - slack(dim), -np.inf)
    keep = (proposed >= floor[:, None]) & np.isfinite(proposed)
    rr, cc = np.nonzero(keep)
    if not rr.size:
        return index, scores
    _best_per_row(rr, cc, score(rr, cc), index, scores)
    return index, scores


def _best_per_row(rr: np.ndarray, cc: np.ndarray, exact: np.ndarray, index: np.ndarray, scores: np.ndarray) -> None:
    """Fill ``index``/``scores`` (rows x k) with each row's best columns of the scored pairs
    ``(rr, cc, exact)``: best first, ties to the lower column, at most k a row."""
    order = np.lexsort((cc, -exact, rr))  # by row, best first, then lower column
    rr, cc, exact = rr[order], cc[order], exact[order]
    starts = np.searchsorted(rr, np.arange(index.shape[0]))
    rank = np.arange(rr.shape[0]) - starts[rr]
    take = rank < index.shape[1]
    index[rr[take], rank[take]] = cc[take]
    scores[rr[take], rank[take]] = exact[take]


def rescore_neighbours(
    index: np.ndarray, queries: np.ndarray, base: np.ndarray, k: int, first_row: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Neighbours proposed by an approximate search, rescored exactly and cut to the ``k`` best.

    ``index`` holds proposed ``base`` rows per query row (``-1`` where fewer); with
    ``first_row`` the queries are base rows ``first_row, first_row + 1, ...`` and never their
    own neighbours. Returns ``(indices, scores)`` as :func:`top_k` does.
    """
    nq = index.shape[0]
    out_i = np.full((nq, k), -1, dtype=np.int64)
    out_s = np.full((nq, k), -np.inf, dtype=np.float64)
    rr, cc = np.nonzero(index >= 0)
    cols = index[rr, cc]
    if first_row is not None:
        mine = cols != rr + first_row
        rr, cols = rr[mine], cols[mine]
    if not rr.size:
        return out_i, out_s
    # one entry per (row, column): an approximate search may return a row twice across graphs
    pair = np.unique(np.stack([rr, cols], axis=1), axis=0)
    rr, cols = pair[:, 0], pair[:, 1]
    if first_row is None:
        exact = pair_scores(queries, rr, base, cols)
    else:  # the queries are base rows: score each unordered pair once (most are found from both ends)
        lo, hi = np.minimum(rr + first_row, cols), np.maximum(rr + first_row, cols)
        unique, where = np.unique(lo * base.shape[0] + hi, return_inverse=True)
        exact = pair_scores(base, unique // base.shape[0], base, unique % base.shape[0])[where.reshape(-1)]
    _best_per_row(rr, cols, exact, out_i, out_s)
    return out_i, out_s
