"""Rule kind ``scope_difference``: looks like the same figure, measures something else.

Two close sentences can share a figure or the words of a metric and still be about
different things: "Global robot installations up 35%" against a "35% robot density
surge"; "Ascend chips power 42% of new AI projects" against "78% of core
infrastructure uses Huawei's Ascend chips". Such pairs are neither support nor
conflict; an editor should know that one statement does not back the other.

A pair is reported when, for two comparable figures (same kind, unit and change),
either the values are equal but the words around them differ (another measure), or
the words share the metric but the base differs (another base), or the metric and
value agree but the region or period differ ("€32.2 billion of machinery exports"
for Gujarat and for Galicia). Other values for another region or period are not
reported: an archive is full of them, and no reader takes one for the other.
"""

from __future__ import annotations

from ..factmatch import aligned as facts_aligned
from ...frame.keys import quantity_fact

from ...model import Claim
from ..sameness import (
    comparable_ignoring_base,
    context_terms,
    describe,
    overlap,
    periods_differ,
    same_counted_thing,
)
from ..names import holders_disjoint as subjects_disjoint  # currency words name no holder
from .base import PairContext, Param, RuleKind, Verdict


class ScopeDifference(RuleKind):
    name = "scope_difference"
    fallback = True
    params = {
        "min_similarity": Param(float, 0.4, "least masked-sentence similarity"),
        "same_measure": Param(float, 0.5, "context-word overlap at or above which two figures measure the same thing"),
        "shared_terms": Param(int, 2, "context words two figures must share to be about the same metric"),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if ctx.similarity < self.p["min_similarity"] or not a.quantities or not b.quantities:
            return []
        other_subject = other_period = None  # worked out for the first comparable figures
        for i, qa in enumerate(a.quantities):
            for j, qb in enumerate(b.quantities):
                if not comparable_ignoring_base(qa, qb):
                    continue
                if facts_aligned(a, quantity_fact(a, i), qa, b, quantity_fact(b, j), qb):
                    continue  # one holder's one measure: the numeric rule compares the values
                if not same_counted_thing(qa, qb):
                    continue  # counts of different things are not one metric
                if other_subject is None:
                    other_subject = subjects_disjoint(a.subjects, a.text, b.subjects, b.text)
                    other_period = periods_differ(a, b)
                ta, tb = context_terms(a, qa), context_terms(b, qb)
                same_measure = overlap(ta, tb) >= self.p["same_measure"]
                # the words that tell metrics apart: not those common all over the corpus
                ta = {t for t in ta if t not in ctx.common_terms}
                tb = {t for t in tb if t not in ctx.common_terms}
                shared = ta & tb
                reason = None
                if qa.value == qb.value and not same_measure and shared and not other_subject:
                    reason = (
                        f"the same figure {describe(qa)} measures {_words(ta - shared)} in one statement "
                        f"and {_words(tb - shared)} in the other"
                    )
                elif (
                    qa.value != qb.value and len(shared) >= self.p["shared_terms"] and not same_measure
                    and not other_subject and not other_period  # other values of another period are no base question
                ):
                    reason = (
                        f"{describe(qa)} and {describe(qb)} both concern {_words(shared)} "
                        f"but of another base: {_words(ta - shared)} vs {_words(tb - shared)}"
                    )
                elif same_measure and (other_subject or other_period) and qa.value == qb.value:
                    # the same figure for another region or period may be read as support (or be
                    # copied); other figures for other regions are what an archive is made of
                    where = "another region or subject" if other_subject else "another period"
                    reason = f"the same figure {describe(qa)} measures {_words(shared)} for {where}"
                if reason:
                    return [
                        Verdict(
                            claims=(a.id, b.id),
                            relation="related",
                            finding=True,
                            reason=reason,
                            score=round(ctx.similarity, 4),
                            fields={"a": describe(qa), "b": describe(qb), "thing": _words(shared)},
                            key=f"{qa.start}:{qb.start}",
                        )
                    ]
        return []


def _words(terms: set[str]) -> str:
    return "“" + " ".join(sorted(terms)) + "”" if terms else "nothing said"
