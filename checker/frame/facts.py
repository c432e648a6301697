"""Facts of a document's claims: one :class:`~checker.model.Fact` per figure and per date.

This first version binds by a cheap path, without a parse: the measure is the noun the
quantity extractor read after the figure (lower-cased), the holder the sentence's first
proper name (:attr:`Claim.subjects`), the modality and direction from a small lexicon of the
sentence's words, the time from :func:`checker.frame.timeframe.fact_time` anchored at the
document's date. The spaCy binder (issue 16) is still to come.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..extract.claims import document_claims
from ..model import Claim, Document, Fact, Slot
from .timeframe import fact_time

#: Words that make a figure a plan or target, a forecast or estimate, or a reported claim.
_MODALITY = (
    ("plan", re.compile(r"\b(plans? to|planned|aims? to|targets?|targeting|will|slated|scheduled)\b", re.I)),
    ("forecast", re.compile(r"\b(expected|forecasts?|estimated?|projected|projects?|predicted)\b", re.I)),
    ("reported", re.compile(r"\b(reportedly|according to|said to|is reported)\b", re.I)),
)
_UP = re.compile(r"\b(rose|rises?|risen|increased?|increases|grew|grow|up|climbed|jumped|gained)\b", re.I)
_DOWN = re.compile(r"\b(fell|falls?|fallen|dropped|drops?|declined?|decreased?|down|shrank|slipped)\b", re.I)


def modality(sentence: str) -> str:
    """``actual``, ``plan``, ``forecast`` or ``reported`` for the words of ``sentence``."""
    for name, pattern in _MODALITY:
        if pattern.search(sentence):
            return name
    return "actual"


def direction(sentence: str) -> str | None:
    """``up`` or ``down`` when the sentence states a change one way only, else None."""
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    return "up" if up and not down else "down" if down and not up else None


def claim_facts(claim: Claim, anchor: str | None) -> tuple[Fact, ...]:
    """The facts of one claim, ids ``<claim id>.f<n>``."""
    facts: list[Fact] = []
    holder = Slot(claim.subjects[0], claim.subjects[0], "sentence") if claim.subjects else None
    mode, sense = modality(claim.text), direction(claim.text)
    for i, q in enumerate(claim.quantities):
        measure = Slot(q.noun.lower(), q.noun, "sentence") if q.noun else None
        facts.append(
            Fact(f"{claim.id}.f{len(facts) + 1}", "quantity", i, q.text, measure=measure, holder=holder,
                 time=fact_time(claim.dates, (q.start, q.end), anchor), modality=mode, direction=sense,
                 qualifier=q.qualifier)
        )
    for i, d in enumerate(claim.dates):
        facts.append(
            Fact(f"{claim.id}.f{len(facts) + 1}", "date", i, d.text, holder=holder,
                 time=Slot(d.value, d.text, "sentence"), modality=mode, qualifier=d.qualifier)
        )
    return tuple(facts)


def document_facts(doc: Document, claims: Sequence[Claim], nlp=None) -> list[Claim]:
    """``claims`` of ``doc`` with their facts filled (``nlp`` unused by the cheap path)."""
    anchor = getattr(doc, "date", None)
    return [replace(c, facts=claim_facts(c, anchor)) for c in claims]


def document_claims_with_facts(doc: Document, first_number: int = 1) -> list[Claim]:
    """The extraction stage with facts: :func:`checker.extract.claims.document_claims`, then
    :func:`document_facts` (so the claims cache and the extraction pool keep the facts)."""
    return document_facts(doc, document_claims(doc, first_number))
