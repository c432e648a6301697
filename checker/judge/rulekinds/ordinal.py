"""Rule kind ``ordinal_mismatch``: the same statement with another rank.

Two claims that read the same word for word except for one ordinal ("her first studio
album" / "her second studio album"; "the seventh and final season" / "the eighth and
final season") or a rank before a superlative ("the second-largest" / "the largest")
state two different ranks for one thing. Only near-identical sentences are compared:
every other token must match, so "his first album ... 2008" and "his second album ...
2010" (two differences) are two statements about two albums.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ...model import Claim
from ..names import holders_disjoint as subjects_disjoint  # currency words name no holder
from .base import PairContext, Param, RuleKind, Verdict, pair_conflict

_TOKEN = re.compile(r"\w+|[^\w\s]")
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL = re.compile(rf"^(?:{'|'.join(_ORDINAL_WORDS)}|[0-9]+(?:st|nd|rd|th))$")
_MAX_TOKENS = 400


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


@lru_cache(maxsize=1 << 16)
def _has_rank(text: str) -> bool:
    return any(_rank(t) for t in _tokens(text))


def _rank(token: str) -> bool:
    return bool(_ORDINAL.match(token))


class OrdinalMismatch(RuleKind):
    name = "ordinal_mismatch"
    params = {
        "similarity": Param(float, 0.85, "least masked-sentence similarity"),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if ctx.similarity < self.p["similarity"]:
            return []
        if not (_has_rank(a.text) or _has_rank(b.text)):
            return []  # every verdict below needs a rank word in one of the two
        ta, tb = _tokens(a.text), _tokens(b.text)
        if len(ta) > _MAX_TOKENS or len(tb) > _MAX_TOKENS or ta == tb:
            return []
        if not all(t == "-" or _rank(t) for t in set(ta).symmetric_difference(tb)):
            return []  # a word besides a rank (and its hyphen) differs: more than one change
        if subjects_disjoint(a.subjects, a.text, b.subjects, b.text):
            return []
        ops = [op for op in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes() if op[0] != "equal"]
        if len(ops) != 1:
            return []
        tag, i1, i2, j1, j2 = ops[0]
        x, y = list(ta[i1:i2]), list(tb[j1:j2])
        if tag == "replace" and len(x) == len(y) == 1 and _rank(x[0]) and _rank(y[0]):
            first, second = x[0], y[0]
        elif tag in ("delete", "insert"):
            extra, rest, at = (x, ta, i2) if tag == "delete" else (y, tb, j2)
            # "second-largest" against "largest": a rank before a superlative, with its hyphen
            if not (len(extra) in (1, 2) and _rank(extra[0]) and extra[1:] in ([], ["-"])):
                return []
            if at >= len(rest) or not rest[at].endswith("est"):
                return []
            ranked = " ".join(extra).replace(" -", "-") + rest[at]
            first, second = (ranked, rest[at]) if tag == "delete" else (rest[at], ranked)
        else:
            return []
        reason = f"{first} vs {second}: the same statement gives two ranks (sentence similarity {ctx.similarity:.2f})"
        return [pair_conflict(a, b, reason, ctx, first, second)]
