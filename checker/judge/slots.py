"""Which figure of one sentence stands in the same place as a figure of another.

Two sentences that say the same thing with one figure or date changed ("James took a
3-hour ride" / "James took an 8-hour ride"; "born 12 June 1875" / "born 12 October
1875") put the two values in the same *slot*: the words on both sides of it are the
same. Such aligned values are the same quantity whatever their unit or noun (a bare
"76" and "86" in "Shekar scored 76, 65 and 85 marks"), and a value with no aligned
partner is not compared with the aligned ones.

A sentence is read as tokens (words and punctuation) with every figure and every date
replaced by a placeholder; a figure's qualifier ("more than", "about") belongs to its
slot, so "180 employees" and "more than 180 employees" share one. Two slots align when
the ``window`` tokens before them and the ``window`` tokens after them are the same (or
both sentences start or end there with the same tokens, at least ``window`` in all), the two sentences as token
sequences are alike (``min_ratio``), and no other slot of the other sentence fits as well
(the longer the run of matching tokens around two slots, the better they fit: in a list
"Guess Who (2005), What Happens in Vegas (2008)" every year has the same three tokens
around it, and the titles before them tell the slots apart).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..model import Claim
from ..extract.quantities import qualifier_start

_TOKEN = re.compile(r"\w+|[^\w\s]")
FIGURE = "\x00#"
DATE = "\x00D"
_MAX_TOKENS = 400  # longer sentences are not aligned (the matcher is quadratic)


def slot_tokens(claim: Claim) -> tuple[list[str], dict[tuple[str, int], int]]:
    """The claim's tokens with placeholders, and the token index of each ``("q"|"d", index)`` slot."""
    spans: list[tuple[int, int, str, tuple[str, int]]] = []
    for i, q in enumerate(claim.quantities):
        start = qualifier_start(claim.text, q.start) if q.qualifier else q.start
        spans.append((start, q.end, FIGURE, ("q", i)))
    for i, d in enumerate(claim.dates):
        spans.append((d.start, d.end, DATE, ("d", i)))
    spans += [(c.start, c.end, "", ("c", i)) for i, c in enumerate(claim.citations)]
    tokens, where = _tokens(claim.text, tuple(sorted(spans)))
    return list(tokens), dict(where)


@lru_cache(maxsize=65536)
def _tokens(text: str, spans: tuple) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, int], int], ...]]:
    tokens: list[str] = []
    where: list[tuple[tuple[str, int], int]] = []
    pos = 0
    for start, end, token, key in spans:
        if start < pos:
            continue
        tokens += _TOKEN.findall(text[pos:start].lower())
        if token:
            where.append((key, len(tokens)))
            tokens.append(token)
        pos = end
    tokens += _TOKEN.findall(text[pos:].lower())
    return tuple(tokens), tuple(where)


def _context_length(a: list[str], i: int, b: list[str], j: int, step: int, least: int, most: int = 24) -> int | None:
    """How many tokens match going out from slots ``i`` and ``j`` (at most ``most``); None when
    fewer than ``least`` match and the two sentences do not both end there."""
    n = 0
    while n < most:
        x, y = i + step * (n + 1), j + step * (n + 1)
        a_out, b_out = not 0 <= x < len(a), not 0 <= y < len(b)
        if a_out or b_out:
            return n if (a_out and b_out) or n >= least else None
        if a[x] != b[y]:
            break
        n += 1
    return n if n >= least else None


def aligned_slots(a: Claim, b: Claim, kind: str = "q", window: int = 3, min_ratio: float = 0.6) -> dict[int, int]:
    """``{index in a: index in b}`` of the figures (``kind="q"``) or dates (``"d"``) that align;
    memoised on the two token sequences, since several rules ask it of the same pair."""
    ta, wa = _slot_key(a)
    tb, wb = _slot_key(b)
    if len(ta) > _MAX_TOKENS or len(tb) > _MAX_TOKENS:
        return {}
    return dict(_aligned(ta, wa, tb, wb, kind, window, min_ratio))


def _slot_key(claim: Claim) -> tuple[tuple[str, ...], tuple]:
    """The claim's tokens and its sorted ``(slot, token index)`` pairs, kept on the claim the
    first time they are asked for (as :func:`functools.cached_property` keeps a value: a
    claim is immutable, and rules ask this of each claim once per candidate pair)."""
    memo = claim.__dict__
    key = memo.get("_slot_key")
    if key is None:
        tokens, where = slot_tokens(claim)
        key = memo["_slot_key"] = (tuple(tokens), tuple(sorted(where.items())))
    return key


@lru_cache(maxsize=65536)
def _aligned(ta: tuple, wa: tuple, tb: tuple, wb: tuple, kind: str, window: int, min_ratio: float) -> tuple:
    out = _align(ta, dict(wa), tb, dict(wb), kind, window, min_ratio)
    return tuple(sorted(out.items()))


def _align(ta: tuple[str, ...], wa: dict, tb: tuple[str, ...], wb: dict, kind: str, window: int, min_ratio: float) -> dict[int, int]:
    sa = {k[1]: i for k, i in wa.items() if k[0] == kind}
    sb = {k[1]: i for k, i in wb.items() if k[0] == kind}
    if not sa or not sb:
        return {}
    scores: dict[tuple[int, int], int] = {}
    for x, i in sa.items():
        for y, j in sb.items():
            left = _context_length(ta, i, tb, j, -1, window)
            right = _context_length(ta, i, tb, j, 1, window)
            if left is not None and right is not None and left + right >= window:
                scores[(x, y)] = left + right
    if not scores:
        return {}
    if not _alike(ta, tb, min_ratio):
        return {}
    out: dict[int, int] = {}
    for (x, y), score in scores.items():
        rivals = [s for (x2, y2), s in scores.items() if (x2 == x) != (y2 == y) and (x2 == x or y2 == y)]
        if all(s < score for s in rivals):
            out[x] = y
    return out


@lru_cache(maxsize=65536)
def _alike(ta: tuple[str, ...], tb: tuple[str, ...], min_ratio: float) -> bool:
    """Whether two token sequences are alike (``min_ratio``); memoised, since a pair's figures
    and its dates are aligned on the same two sequences."""
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    return matcher.quick_ratio() >= min_ratio and matcher.ratio() >= min_ratio  # quick_ratio: a cheap upper bound
