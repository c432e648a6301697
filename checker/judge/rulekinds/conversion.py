"""Rule kind ``conversion_rate``: an amount restated in another currency at an odd rate.

"¥300 billion ($41.5 billion)" implies 7.23 yuan per dollar. When the corpus gives
several such pairs for the same two currencies, a rate far from the median of the
others ("¥2.3 billion ($290 million)": 7.93) is flagged; each figure's rounding is
allowed for before the deviation is measured.
"""

from __future__ import annotations

import statistics

from ...model import Claim
from ..sameness import precision
from .base import Param, RuleKind, claim_finding


class ConversionRate(RuleKind):
    name = "conversion_rate"
    scope = "corpus"
    params = {
        "tolerance": Param(float, 0.05, "relative deviation from the median rate that is still consistent"),
        "min_rates": Param(int, 3, "least number of other rates for the same currencies before judging"),
    }

    def check(self, claims: list[Claim], ctx) -> list[Verdict]:
        rates: dict[tuple[str, str], list[tuple[float, float, float, Claim, str]]] = {}
        for claim in claims:
            for q in claim.quantities:
                if q.equivalent_of is None or q.kind != "money":
                    continue
                base = claim.quantities[q.equivalent_of]
                if base.kind != "money" or not q.value or not base.value or base.unit == q.unit:
                    continue
                pair = tuple(sorted((base.unit or "", q.unit or "")))
                num, den = (base, q) if base.unit == pair[0] else (q, base)
                rate = num.value / den.value
                lo = (num.value - precision(num)) / (den.value + precision(den))
                hi = (num.value + precision(num)) / max(den.value - precision(den), 1e-12)
                text = f"{base.text} ({q.text})"
                rates.setdefault(pair, []).append((rate, lo, hi, claim, text))
        verdicts = []
        for (cur_a, cur_b), items in sorted(rates.items()):
            for n, (rate, lo, hi, claim, text) in enumerate(items):
                others = [r for m, (r, *_rest) in enumerate(items) if m != n]
                if len(others) < self.p["min_rates"]:
                    continue
                median = statistics.median(others)
                tol = self.p["tolerance"] * median
                if lo <= median + tol and hi >= median - tol:
                    continue
                reason = (
                    f"{text} implies {rate:.3g} {cur_a} per {cur_b}, but {len(others)} other amounts "
                    f"in the corpus imply about {median:.3g}"
                )
                verdicts.append(claim_finding(claim.id, reason, text))
        return verdicts
