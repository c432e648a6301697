"""Rule kind ``growth_arithmetic``: a stated change that the stated figures contradict.

Within a sentence: "in 12 minutes, 85% faster than the 80 minutes manual teams need"
(68/80 = 85%: fine), "$20,000, 70% below the projected $50,000" (60%, not 70%).
Across a candidate pair: "921,000 patents in 2023, a 15.3% increase" against "700,000
patents in 2022" (921,000 / 700,000 is a 31.6% increase). Every figure's rounding is
allowed for; ``tolerance`` adds percentage points of slack.
"""

from __future__ import annotations

import re

from ...frame.keys import measure_key, quantity_fact
from ...model import Claim, Quantity
from ..sameness import comparable, precision, same_counted_thing, values_agree
from ..names import holders_disjoint as subjects_disjoint  # currency words name no holder
from .base import Param, RuleKind, Verdict

#: Words before a figure that make it the denominator of a rate ("1,012 robots *per* 10,000 workers").
_PER_BEFORE = re.compile(r"\b(?:per|for every|out of|of every|in every)\s*$", re.I)

_LESS = {"faster", "below", "decrease", "cheaper", "lower", "less", "shorter", "smaller"}
_MORE = {"slower", "above", "increase", "higher", "more", "longer", "larger"}


def _implied(changed: Quantity, base: Quantity, relative_to_larger: bool) -> tuple[float, float]:
    """The interval of percentage changes the two figures allow, rounding included."""
    c_lo, c_hi = changed.value - precision(changed), changed.value + precision(changed)
    b_lo, b_hi = base.value - precision(base), base.value + precision(base)
    if relative_to_larger:  # "85% faster": (slow - fast) / slow
        big_lo, big_hi = max(c_lo, b_lo), max(c_hi, b_hi)
        small_lo, small_hi = min(c_lo, b_lo), min(c_hi, b_hi)
        return (100 * (big_lo - small_hi) / big_hi, 100 * (big_hi - small_lo) / max(big_lo, 1e-12))
    return (100 * (c_lo / b_hi - 1), 100 * (c_hi / max(b_lo, 1e-12) - 1))


class GrowthArithmetic(RuleKind):
    name = "growth_arithmetic"
    scope = "corpus"
    params = {
        "tolerance": Param(float, 0.5, "percentage points of slack on top of rounding"),
    }

    def check(self, claims: list[Claim], ctx) -> list[Verdict]:
        verdicts = [v for c in claims for v in self._within(c)]
        changes = {n for n, c in enumerate(claims) if c.dates and _stated_change(c) is not None}
        for i, j, _sim in ctx.pairs:
            if i in changes or j in changes:  # else neither states a change to check
                verdicts += self._across(claims[i], claims[j]) or self._across(claims[j], claims[i])
        return verdicts

    def _fits(self, stated: Quantity, lo: float, hi: float) -> bool:
        slack = precision(stated) + self.p["tolerance"]
        return lo - slack <= abs(stated.value) <= hi + slack

    def _within(self, claim: Claim) -> list[Verdict]:
        out = []
        changes = [q for q in claim.quantities if q.kind == "percent" and q.change in _LESS | _MORE]
        if len(changes) > 1:
            # "net profit fell 12% to $900 million, while revenue rose 4% to $8 billion": each change
            # has its own figure, no two of them a before and an after
            return out
        for pct in changes:
            others = [q for q in claim.quantities if q is not pct and q.kind in ("money", "measure", "count") and q.change is None]
            if len(others) != 2 or not comparable(others[0], others[1])[0]:
                continue
            first, second = others
            if _measures_differ(claim, first, second):
                continue  # "revenue rose 4% to $8 billion and its profit reached $900 million": two measures
            if first.kind == "count" and first.unit and second.unit and first.unit != second.unit:
                continue  # "1,012 robots ... 10,000 workers": two counted things, no before and after
            if _PER_BEFORE.search(claim.text, max(0, second.start - 14), second.start):
                continue  # "rose 35%, to 1,012 robots per 10,000 workers": a rate and its denominator
            comparative = pct.change in ("faster", "slower", "below", "above", "cheaper", "lower", "higher")
            if comparative:
                lo, hi = _implied(first, second, relative_to_larger=pct.change in _LESS)
            else:  # "rose 20% from 100 to 130": the later figure against the earlier
                lo, hi = _implied(second, first, relative_to_larger=False)
                lo, hi = sorted((abs(lo), abs(hi)))
            if self._fits(pct, lo, hi):
                continue
            mid = (lo + hi) / 2
            out.append(self._verdict((claim.id,), pct, f"{first.text} and {second.text} differ by {mid:.1f}%"))
        return out

    def _across(self, changed_claim: Claim, base_claim: Claim) -> list[Verdict]:
        pct = _stated_change(changed_claim)
        if pct is None or not changed_claim.dates or not base_claim.dates:
            return []
        year = _year(changed_claim)
        base_year = _year(base_claim)
        if year is None or base_year != year - 1:
            return []
        if subjects_disjoint(changed_claim.subjects, changed_claim.text, base_claim.subjects, base_claim.text):
            return []
        for changed in changed_claim.quantities:
            if changed.change is not None or changed.kind not in ("count", "money", "measure"):
                continue
            for base in base_claim.quantities:
                if base.change is not None or not comparable(changed, base)[0] or not same_counted_thing(changed, base):
                    continue
                if values_agree(changed, base):
                    continue
                lo, hi = _implied(changed, base, relative_to_larger=False)
                if pct.change == "decrease":
                    lo, hi = -hi, -lo
                if self._fits(pct, lo, hi):
                    return []
                mid = (lo + hi) / 2
                why = f"{base.text} in {base_year} to {changed.text} in {year} is a change of {mid:+.1f}%"
                return [self._verdict((changed_claim.id, base_claim.id), pct, why)]
        return []

    def _verdict(self, ids, pct: Quantity, why: str) -> Verdict:
        return Verdict(
            claims=ids,
            relation="conflicts" if len(ids) == 2 else None,
            finding=True,
            reason=f"the stated {pct.text} {pct.change} does not fit the figures: {why}",
            score=1.0,
            fields={"a": pct.text, "b": why},
        )


def _measures_differ(claim: Claim, first: Quantity, second: Quantity) -> bool:
    """The claim's facts bind the two figures to two measures, where both are bound
    (:func:`checker.frame.keys.measure_key`): of different head nouns ("profit" and "revenue"), or
    of one head narrowed two ways ("operating profit fell 5% to EUR 610 million, while net profit
    came in at EUR 402 million"; not "revenue" and "quarterly revenue", narrowed on one side only)."""
    fa, fb = quantity_fact(claim, claim.quantities.index(first)), quantity_fact(claim, claim.quantities.index(second))
    ka, kb = measure_key(fa, first), measure_key(fb, second)
    if not (ka and kb):
        return False
    if ka.split()[-1] != kb.split()[-1]:
        return True
    if fa is None or fb is None or fa.measure is None or fb.measure is None:
        return False
    wa, wb = set(fa.measure.value.lower().split()[:-1]), set(fb.measure.value.lower().split()[:-1])
    return bool(wa - wb) and bool(wb - wa)


def _stated_change(claim: Claim) -> Quantity | None:
    """The claim's first percentage rise or fall."""
    return next((q for q in claim.quantities if q.kind == "percent" and q.change in ("increase", "decrease")), None)


def _year(claim: Claim) -> int | None:
    years = {d.value[:4] for d in claim.dates if d.granularity in ("year", "quarter", "month", "day")}
    return int(years.pop()) if len(years) == 1 else None
