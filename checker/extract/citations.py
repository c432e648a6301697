"""Find numeric reference markers such as ``[4]``, ``[1, 4]`` and ``[2-5]``.

A citation is a pair of square brackets holding one or more reference numbers,
separated by commas or semicolons, where an item may be a range (``2-5``,
``2–5``). Markers may follow a space, punctuation or a word directly
(``benchmarks[5].``); adjacent markers (``[1][4]``) are separate citations.

Not citations: brackets holding words (``[sic]``), a year (``[2023]``: reference
numbers have at most three digits), a zero, a reversed or huge range.
"""

from __future__ import annotations

import re

from checker.model import Citation

__all__ = ["extract_citations"]

#: Longest range a marker may expand to (``[1-200]`` is fine, ``[1-900]`` is not a marker).
MAX_RANGE = 200

_REF = r"[0-9]{1,3}"
_ITEM = rf"{_REF}(?:\s*[-–—]\s*{_REF})?"
_CITATION_RE = re.compile(rf"\[\s*({_ITEM}(?:\s*[,;]\s*{_ITEM})*)\s*\]")
_ITEM_RE = re.compile(rf"({_REF})(?:\s*[-–—]\s*({_REF}))?")


def _refs(body: str) -> tuple[int, ...] | None:
    """The reference numbers a marker body lists, or None if it is not a citation."""
    refs: list[int] = []
    for item in _ITEM_RE.finditer(body):
        low = int(item.group(1))
        high = int(item.group(2)) if item.group(2) else low
        if low == 0 or high < low or high - low > MAX_RANGE:
            return None
        refs.extend(range(low, high + 1))
    return tuple(refs) if refs else None


def extract_citations(text: str) -> list[Citation]:
    """Every numeric citation marker in ``text``, in order of position."""
    if "[" not in text:
        return []
    found: list[Citation] = []
    for match in _CITATION_RE.finditer(text):
        refs = _refs(match.group(1))
        if refs is not None:
            found.append(Citation(match.group(0), match.start(), match.end(), refs))
    return found
