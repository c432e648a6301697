"""Rule kind ``unsupported_summary``: a summary figure no body statement backs.

Key takeaways, headlines, watchlists and pull quotes repeat what the body says. A
figure stated there with no ``supports`` edge to a body claim anywhere in the corpus
is reported: either the body never says it, or it says something else.
"""

from __future__ import annotations

from ...model import Claim
from ..sameness import describe
from .base import Param, RuleKind, claim_finding

SUMMARY_SECTIONS = ("summary", "headline", "quote")


class UnsupportedSummary(RuleKind):
    name = "unsupported_summary"
    scope = "corpus"
    params = {
        "sections": Param(list, list(SUMMARY_SECTIONS), "sections whose figures need backing"),
    }

    def check(self, claims: list[Claim], ctx) -> list[Verdict]:
        by_id = {c.id: c for c in claims}
        backed: set[str] = set()
        for edge in ctx.edges:
            if edge.relation != "supports":
                continue
            a, b = by_id[edge.source], by_id[edge.target]
            if b.section == "body":
                backed.add(a.id)
            if a.section == "body":
                backed.add(b.id)
        verdicts = []
        for claim in claims:
            if claim.section not in self.p["sections"] or not claim.quantities or claim.id in backed:
                continue
            figures = ", ".join(describe(q) for q in claim.quantities)
            reason = f"the {claim.section} figure {figures} is not backed by any body statement"
            verdicts.append(claim_finding(claim.id, reason, figures))
        return verdicts
