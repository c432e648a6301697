"""Rule kind ``date_mismatch``: the same event dated differently.

Two claims tell of the same event when their masked sentences are very close, they
name the same subject and their figures (if any) agree. Their dates then must overlap,
granularity-aware: "2024" and "December 2024" agree; "July 2025" and "July 2026" do not.
"""

from __future__ import annotations

from ..model import Claim
from ..sameness import comparable, dates_overlap, values_agree
from ..terms import subjects_disjoint
from .base import PairContext, Param, RuleKind, Verdict


class DateMismatch(RuleKind):
    name = "date_mismatch"
    params = {
        "event_similarity": Param(float, 0.8, "least masked-sentence similarity for the same event"),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if not a.dates or not b.dates:
            return []
        if subjects_disjoint(a.subjects, a.text, b.subjects, b.text):
            return []
        if not _figures_agree(a, b):
            return []  # other figures for another date: another period, not another date
        pairs = [(x, y) for x in a.dates for y in b.dates if _qualifier(x) == _qualifier(y)]
        if not pairs:
            return []
        if any(dates_overlap(x, y) for x, y in pairs):
            x, y = next((x, y) for x, y in pairs if dates_overlap(x, y))
            if ctx.similarity < self.p["event_similarity"]:
                return []
            return [
                Verdict(
                    claims=(a.id, b.id),
                    relation="supports",
                    finding=False,
                    reason=f"{x.text} agrees with {y.text}",
                    score=round(ctx.similarity, 4),
                    fields={"a": x.text, "b": y.text},
                )
            ]
        if ctx.similarity < self.p["event_similarity"]:
            return []
        x, y = pairs[0]
        reason = (
            f"{x.text.strip()} vs {y.text.strip()}: the same event dated {x.value} and {y.value} "
            f"(sentence similarity {ctx.similarity:.2f})"
        )
        return [
            Verdict(
                claims=(a.id, b.id),
                relation="conflicts",
                finding=True,
                reason=reason,
                score=round(ctx.similarity, 4),
                fields={"a": x.text, "b": y.text},
            )
        ]


def _figures_agree(a: Claim, b: Claim) -> bool:
    """Every comparable pair of figures agrees (vacuously true when none are comparable)."""
    for qa in a.quantities:
        for qb in b.quantities:
            if comparable(qa, qb)[0] and not values_agree(qa, qb):
                return False
    return True


def _qualifier(d) -> str | None:
    """"in 2024" and a bare "2024" say the same; "by 2028" and "since 2019" do not."""
    return None if d.qualifier in (None, "in", "on", "during") else d.qualifier
