"""Rule kind ``unit_slip``: one number written with two units of one dimension.

"L2 lies 940,000 kilometers from Earth" / "the telescope will orbit 940,000 miles from Earth":
the same written number in two units of one dimension that are far apart (a mile is 1.609
kilometres) is one measurement with the wrong unit on one side. Neither value can be checked
against the other by converting, so NUM001 sees two distances; the number says they are one.

Only a number unlikely to recur by chance: two significant digits or more (not "100 km" /
"100 miles"), and where the sentences name two holders of their own (the parse's), a number of
10,000 or more. Units of time are left out ("12 months" / "12 weeks" are two spans of a
calendar as often as one slip), as are a figure and its own restatement in one sentence.
"""

from __future__ import annotations

import math

from ...extract.quantities import significant_digits
from ...extract.units import TIME_UNITS, UNIT_BASES
from ...frame.keys import holder_key, quantity_fact
from ...model import OWN_SOURCES, Claim, Quantity
from .base import PairContext, Param, RuleKind, Verdict, pair_conflict


class UnitSlip(RuleKind):
    name = "unit_slip"
    params = {
        "similarity": Param(float, 0.2, "least masked-sentence similarity"),
        "min_digits": Param(int, 2, "least significant digits of the written number"),
        "min_ratio": Param(float, 1.2, "least ratio between the two units (kilometre/mile: 1.61)"),
        "named_apart_value": Param(
            float, 10000.0, "least number when the two sentences bind it to two holders of their own"
        ),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if ctx.similarity < self.p["similarity"]:
            return []
        for i, qa in enumerate(a.quantities):
            for j, qb in enumerate(b.quantities):
                ratio = self._slipped(qa, qb)
                if ratio is None:
                    continue
                if _two_holders(a, i, b, j) and abs(qa.value) < self.p["named_apart_value"]:
                    continue
                big, small = sorted((qa.unit, qb.unit), key=lambda u: -UNIT_BASES[u][1])
                reason = (
                    f"{qa.text.strip()} vs {qb.text.strip()}: one number in two units of one dimension "
                    f"(a {big} is {ratio:.3g} {small}s); one of them has the wrong unit"
                )
                return [pair_conflict(a, b, reason, ctx, qa.text.strip(), qb.text.strip(), f"{qa.start}:{qb.start}")]
        return []

    def _slipped(self, qa: Quantity, qb: Quantity) -> float | None:
        """The ratio of the two units when ``qa`` and ``qb`` write one number with two units of one
        dimension (not time) at least ``min_ratio`` apart, else None."""
        if qa.kind != "measure" or qb.kind != "measure" or not qa.unit or not qb.unit or qa.unit == qb.unit:
            return None
        if qa.unit in TIME_UNITS or qb.unit in TIME_UNITS or qa.change or qb.change:
            return None
        ua, ub = UNIT_BASES.get(qa.unit), UNIT_BASES.get(qb.unit)
        if ua is None or ub is None or ua[0] != ub[0]:
            return None
        if qa.equivalent_of is not None or qb.equivalent_of is not None:
            return None  # a figure's own restatement ("1.5 million km") is judged with its figure
        if not math.isclose(qa.value, qb.value, rel_tol=1e-9) or qa.value == 0:
            return None
        if min(significant_digits(qa.text), significant_digits(qb.text)) < self.p["min_digits"]:
            return None
        ratio = max(ua[1], ub[1]) / min(ua[1], ub[1])
        return ratio if ratio >= self.p["min_ratio"] else None


def _two_holders(a: Claim, i: int, b: Claim, j: int) -> bool:
    """The two figures' facts have holders their own sentences name, and the holders differ."""
    fa, fb = quantity_fact(a, i), quantity_fact(b, j)
    if fa is None or fb is None or fa.holder is None or fb.holder is None:
        return False
    if fa.holder.source not in OWN_SOURCES or fb.holder.source not in OWN_SOURCES:
        return False
    return holder_key(fa, a) != holder_key(fb, b)
