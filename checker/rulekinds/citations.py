"""Rule kind ``dangling_citation``: a reference marker with nothing it refers to.

"[4]" in a document that has no reference list (or whose list has no entry 4) sends a
reader nowhere. One finding per sentence, naming the markers.
"""

from __future__ import annotations

from ..model import Claim
from .base import RuleKind, Verdict


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
            verdicts.append(
                Verdict(
                    claims=(claim.id,),
                    relation=None,
                    finding=True,
                    reason=f"{'citations' if len(missing) > 1 else 'citation'} {markers} "
                    f"{'refer' if len(missing) > 1 else 'refers'} to nothing: {where}",
                    score=1.0,
                    fields={"a": markers},
                )
            )
        return verdicts
