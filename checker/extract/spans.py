"""Overlap tests against many character spans in logarithmic time.

The extractors skip what other extractors took (dates, citations, URLs) and keep the
figures they found disjoint; on a long line full of figures a linear scan of all spans
per candidate is quadratic. :class:`SpanSet` keeps disjoint spans sorted by start.
"""

from __future__ import annotations

import bisect
from typing import Iterable


class SpanSet:
    """A set of half-open ``[start, end)`` spans; ``overlaps`` asks whether a span meets any."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span of the set."""
        i = bisect.bisect_left(self._starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already in the set (check with :meth:`overlaps` first)."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
