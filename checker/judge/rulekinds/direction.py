"""Rule kind ``direction_mismatch``: one fact told going opposite ways.

"Acme's revenue rose 4% in 2024" against "Acme's revenue fell 4% in 2024": two figures whose
facts are aligned (:mod:`checker.judge.factmatch`: one holder, one measure, a compatible time,
place and modality) and whose directions (:mod:`checker.frame.direction`) are the two sides of
one pair cannot both hold. A measure that rose over a period did not fall over it, whatever
the two values ("rose 4%" / "fell 2%", "added 300 jobs" / "cut 120 jobs"). Events of the other
pairs (buy / sell, open / close, hire / fire) can both happen in one period ("opened 40 stores"
and "closed 12 stores" in 2024), so they conflict only where the values agree: one figure told
as opposite events ("sold 2 million shares" / "bought 2 million shares"), by one actor named
just before the verb on both sides: the holder of "2 million shares of Brisa" is Brisa, and
"Kestrel sold" them while "Tamsin bought" them is one trade told from its two sides.

Only when nothing sets the two apart, and a change is of a period: both sentences must state
one period (the same, not overlapping ones: "rose 4% in 2024" / "fell 4% in the fourth quarter")
and a place on both sides or neither. Two measures ("imports rose 5%" / "exports fell 5%") or
two times ("fell 5% in Q1" / "rose 3% in Q2") do not align, and the common noun just before
each direction word, when there is one on both sides, must be one ("imports rose by 300
containers" / "exports fell by 300 containers": the cheap path, with no parse, binds both to
containers). Changes measured against two bases ("down 5% from its peak" / "up 3% year on
year"), or against a base on one side only, are two changes
(:func:`checker.frame.direction.comparison_base`). A figure with no direction (a level,
"to $3 billion"; a negated verb, "did not rise") conflicts with none.
"""

from __future__ import annotations

import re

from ...extract.terms import STOPWORDS, normalise
from ...frame.direction import comparison_base, direction_span, direction_word, opposite
from ...frame.keys import fold, holder_key, quantity_fact
from ...model import Claim, Fact, Quantity
from ..factmatch import match
from ..sameness import comparable, describe, values_agree
from .base import PairContext, RuleKind, Verdict


class DirectionMismatch(RuleKind):
    name = "direction_mismatch"

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        turned_a = _turned(a)
        turned_b = _turned(b) if turned_a else []
        verdicts: list[Verdict] = []
        done: set[int] = set()
        for qa, fa in turned_a:
            for qb, fb in turned_b:
                if qa.start in done or not opposite(fa.direction, fb.direction):
                    continue
                fm = match(a, fa, qa, b, fb, qb)
                if not fm.aligned or not _one_period_and_place(fa, fb, fm):
                    continue
                if {fa.direction, fb.direction} != {"up", "down"}:
                    if not (comparable(qa, qb)[0] and values_agree(qa, qb)):
                        continue  # "opened 40 stores" / "closed 12 stores": two events, both may have happened
                    actor_a, actor_b = _actor(a, qa, fa), _actor(b, qb, fb)
                    if actor_a is None or actor_a != actor_b:
                        continue  # "Kestrel sold 2 million shares of Brisa" / "Tamsin bought" them: one trade
                if comparison_base(a.text, qa.start, qa.end) != comparison_base(b.text, qb.start, qb.end):
                    continue  # "down 5% from its peak" / "up 3% year on year": two changes
                wa, wb = _what_turned(a, qa, fa), _what_turned(b, qb, fb)
                if wa is not None and wb is not None and wa != wb:
                    continue  # "imports rose by 300 containers" / "exports fell by 300 containers"
                done.add(qa.start)
                said_a, said_b = _said(a, qa, fa), _said(b, qb, fb)
                verdicts.append(
                    Verdict(
                        claims=(a.id, b.id),
                        relation="conflicts",
                        finding=True,
                        reason=f"{fm.explain()}: {said_a} vs {said_b}",
                        score=round(0.5 + 0.5 * ctx.similarity, 4),
                        fields={"a": describe(qa), "b": describe(qb), "thing": dict(fm.same).get("measure", "")},
                        key=f"{qa.start}:{qb.start}",
                    )
                )
        return verdicts


def _one_period_and_place(fa: Fact, fb: Fact, fm) -> bool:
    """Both facts state one period in their sentences (a rise over 2024 and a fall in its fourth
    quarter are two changes; a change with no period stated may be of any) and a place on both
    sides or on neither ("revenue fell 4% in Europe" is a part of "revenue rose 4%")."""
    if "time" not in fm.slots or fa.time is None or fb.time is None or fa.time.value != fb.time.value:
        return False
    return (fa.place is None) == (fb.place is None)


def _turned(claim: Claim) -> list[tuple[Quantity, Fact]]:
    """The claim's figures whose facts have a direction."""
    out = []
    for i, q in enumerate(claim.quantities):
        fact = quantity_fact(claim, i)
        if fact is not None and fact.direction is not None:
            out.append((q, fact))
    return out


def _said(claim: Claim, q: Quantity, fact: Fact) -> str:
    """The word that gives the figure its direction, as written ("rose"), else the key ("up")."""
    return direction_word(claim.text, q.start, q.end, fact.direction) or fact.direction


_WORD = re.compile(r"[\w'’-]+|[,;:()]")


#: Words before a noun that make it a definite description, which may name the holder another
#: way ("the grocer sold" for "Tamsin Foods bought"): no measure word.
_DEFINITE = frozenset("the this that these those".split())


def _what_turned(claim: Claim, q: Quantity, fact: Fact) -> str | None:
    """The common noun just before the direction word, within its clause ("imports" of "Acme's
    imports rose 5%", "index" of "the Brisa index is down 5%"), folded; names (capitalised words
    after the sentence's first) are passed over. None when the holder ("Acme sold"), a definite
    description ("the grocer sold"), the figure ("a 5% decline") or nothing comes first."""
    span = direction_span(claim.text, q.start, q.end, fact.direction)
    if span is None:
        return None
    holder = set((holder_key(fact, claim) or "").split())
    first = q.end if q.end <= span[0] else 0  # "a 5% decline", "300 jobs were cut": not past the figure
    words = list(_WORD.finditer(claim.text[: span[0]]))
    for n in range(len(words) - 1, max(-1, len(words) - 7), -1):
        m = words[n]
        if m.start() < first:
            return None
        w = m.group(0)
        if w in ",;:()":
            return None
        key = normalise(w)
        if fold(w) in holder or key in holder:
            return None
        if key in STOPWORDS or key.isdigit() or (w[0].isupper() and n > 0):
            continue  # a name is a holder or a place, not what rose or fell
        if n > 0 and words[n - 1].group(0).lower() in _DEFINITE:
            return None
        return key
    return None


def _actor(claim: Claim, q: Quantity, fact: Fact) -> str | None:
    """The name just before the direction word, folded ("kestrel capital" of "In March, Kestrel
    Capital sold ..."): the capitalised words next to it, past auxiliaries and adverbs; None when
    a common noun ("the fund sold"), a pronoun or nothing comes first."""
    span = direction_span(claim.text, q.start, q.end, fact.direction)
    if span is None:
        return None
    words = list(_WORD.finditer(claim.text[: span[0]]))
    name: list[str] = []
    for m in reversed(words):
        w = m.group(0)
        if w[0].isupper() and w not in ",;:()":
            name.insert(0, w)
            continue
        if name or w in ",;:()" or normalise(w) not in STOPWORDS:
            break
    return fold(" ".join(name)) or None if name else None
