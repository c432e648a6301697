"""Rule kind ``dangling_citation``: a reference marker with nothing it refers to.

"[4]" in a document that has no reference list (or whose list has no entry 4) sends a
reader nowhere. One finding per sentence, naming the markers.
"""

from __future__ import annotations

from ...model import Claim
from .base import RuleKind, claim_finding


class DanglingCitation(RuleKind):
    name = "dangling_citation"
    scope = "corpus"
    params = {}

    def check(self, claims: list[Claim], ctx) -> list[Verdict]:
        verdicts = []
        for claim in claims:
            if not claim.citations:
                continue
            defined = ctx.references.get(claim.doc)
            missing = [c for c in claim.citations if defined is None or not set(c.refs) <= defined]
            if not missing:
                continue
            markers = " ".join(c.text for c in missing)
            where = "the document has no reference list" if defined is None else "its reference list has no such entry"
            plural = len(missing) > 1
            reason = f"{'citations' if plural else 'citation'} {markers} {'refer' if plural else 'refers'} to nothing: {where}"
            verdicts.append(claim_finding(claim.id, reason, markers))
        return verdicts
