"""Extra candidate pairs for summary claims: the same figure stated elsewhere.

A headline ("Tesla's $20,000 Humanoid Hits Production") and the body sentence that
backs it ("Priced at $20,000 ...") can be worded too differently to be nearest
neighbours. Every summary, headline or quote claim is therefore also paired with
each claim of its own document, and up to ``limit`` claims elsewhere, that state a
figure of the same kind, unit (any noun for counts) and value: a hash join, linear in
the number of figures.
"""

from __future__ import annotations

import numpy as np

from ..model import Claim
from .similarity import pair_scores

SUMMARY_SECTIONS = ("summary", "headline", "quote")


def same_value_pairs(claims: list[Claim], vectors: np.ndarray, limit: int = 20) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)``, ``i < j``, of a summary claim and a claim with an equal figure.

    ``limit`` caps the partners per figure so that a very common value ("100%") cannot
    make the join quadratic.
    """
    index: dict[tuple, list[int]] = {}
    for n, claim in enumerate(claims):
        for q in claim.quantities:
            index.setdefault(_join_key(q), []).append(n)
    pairs: set[tuple[int, int]] = set()
    for n, claim in enumerate(claims):
        if claim.section not in SUMMARY_SECTIONS:
            continue
        for q in claim.quantities:
            partners = index.get(_join_key(q), [])
            # the claim's own document always (that is where a takeaway's backing usually is),
            # and at most ``limit`` others
            chosen = [m for m in partners if claims[m].doc == claim.doc] + partners[:limit]
            for m in chosen:
                if m != n:
                    pairs.add((min(n, m), max(n, m)))
    if not pairs:
        return []
    ordered = sorted(pairs)
    ends = np.asarray(ordered, dtype=np.int64)
    scores = pair_scores(vectors, ends[:, 0], vectors, ends[:, 1])
    return [(i, j, round(s, 6)) for (i, j), s in zip(ordered, scores.tolist())]


def _join_key(q) -> tuple:
    """Figures that may restate each other: the same kind and value, and the same unit but for
    counts ("503,481 EVs" / "503,481 electric vehicles" / "rose to 503,481"); a change ("adds
    2,191 MW") and a level ("commissioned 2,191 MW") may state one amount."""
    return (q.kind, None if q.kind == "count" else q.unit, q.value)


def merge_pairs(*lists: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The union of candidate pair lists, one entry per pair."""
    merged: dict[tuple[int, int], float] = {}
    for pairs in lists:
        for i, j, s in pairs:
            merged[(i, j)] = max(s, merged.get((i, j), -1.0))
    return sorted((i, j, s) for (i, j), s in merged.items())
