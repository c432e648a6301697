"""Which names of a sentence name a holder, for the rules' "another subject" gate.

A currency written as letters ("USD 40 billion", "US$40 billion", "EUR 35 million") names no
holder: two sentences stating one amount, one with "USD" and one with "US$", do not name
different subjects. :func:`holders_disjoint` is :func:`checker.extract.terms.subjects_disjoint`
with such currency words left out of each side's names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.terms import is_currency_code, subjects_disjoint


@lru_cache(maxsize=1 << 16)
def _currency_only(name: str, text: str) -> bool:
    """Whether every place ``text`` writes the word ``name`` writes a currency ("USD 5", "US$5")."""
    spots = [m for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text)]
    return bool(spots) and all(is_currency_code(text, m.start(), m.end()) for m in spots)


def holder_names(subjects, text: str) -> tuple[str, ...]:
    """``subjects`` less the words that only write a currency in ``text``."""
    return _holder_names(tuple(subjects), text)


@lru_cache(maxsize=1 << 16)
def _holder_names(subjects: tuple[str, ...], text: str) -> tuple[str, ...]:
    return tuple(s for s in subjects if not _currency_only(s, text))


def holders_disjoint(a_subjects, a_text: str, b_subjects, b_text: str) -> bool:
    """True when both sentences name a holder and share none (currency words are no holders)."""
    return subjects_disjoint(holder_names(a_subjects or (), a_text), a_text,
                             holder_names(b_subjects or (), b_text), b_text)
