"""Rule kind ``future_event_past_tense``: an event told as done but dated after publication.

A report published on 12 April 2025 that says the regulation "took effect in July
2025" reports a future event as past: either the date or the tense is wrong, or the
text was updated without its dateline.
"""

from __future__ import annotations

from ...extract.terms import future_marked
from ...frame.timeframe import clause_of
from ...model import Claim
from .base import RuleKind, claim_finding

_FORWARD = {"by", "until", "before", "through", "to"}


class FutureEventPastTense(RuleKind):
    name = "future_event_past_tense"
    scope = "corpus"
    params = {}

    def check(self, claims: list[Claim], ctx) -> list[Verdict]:
        verdicts = []
        for claim in claims:
            published = ctx.doc_dates.get(claim.doc)
            if not published or not claim.past_tense:
                continue
            late = [
                d for d in claim.dates
                if d.first > published and d.qualifier not in _FORWARD
                # (a clause of its own that looks ahead: "opened in 2024; the Porto site is due to open in 2027")
                and not future_marked(claim.text[slice(*clause_of(claim.text, d.start, d.end))])
            ]
            if not late:
                continue
            d = late[0]
            reason = (
                f"told in the past tense but dated {d.text} ({d.value}), after the document's "
                f"publication date {published}"
            )
            verdicts.append(claim_finding(claim.id, reason, d.text))
        return verdicts
