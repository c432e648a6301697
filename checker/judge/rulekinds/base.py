"""What every rule kind is: parameters it declares, and verdicts it returns.

A rule kind is Python code; a rule (a YAML file in ``rules/``) instantiates a kind
with an id, a name, a severity, parameter values and a message. Pair kinds judge one
candidate pair of claims at a time; corpus kinds look at all claims at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ...model import Claim


@dataclass(frozen=True)
class Param:
    """A parameter a rule kind accepts: its type, default and meaning."""

    type: type
    default: Any
    doc: str


@dataclass(frozen=True)
class PairContext:
    """What a pair kind knows about a candidate pair besides the two claims."""

    similarity: float
    doc_dates: dict[str, str | None] = field(default_factory=dict)
    common_terms: frozenset[str] = frozenset()  # words too frequent in the corpus to tell metrics apart
    # documents checked as drafts (``claimgraph check``): written now, undated by nature, where an
    # archived page of no date is of some time unknown
    drafts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Verdict:
    """A kind's judgement of two (or more) claims.

    ``relation`` is the graph edge it implies (``supports``, ``conflicts``, ``related``
    or None for a finding without an edge); ``finding`` is True when the verdict should
    be reported. ``fields`` fill the rule's message template; ``key`` separates several
    verdicts on the same claims (e.g. one per mismatching figure).
    """

    claims: tuple[str, ...]
    relation: str | None
    finding: bool
    reason: str
    score: float
    fields: dict[str, str] = field(default_factory=dict)
    key: str = ""


def claim_finding(claim_id: str, reason: str, subject: str) -> Verdict:
    """A finding about one claim, with no graph edge; ``subject`` fills the message's ``{a}``."""
    return Verdict(claims=(claim_id,), relation=None, finding=True, reason=reason, score=1.0, fields={"a": subject})


def pair_conflict(a, b, reason: str, ctx: "PairContext", first: str, second: str, key: str = "") -> Verdict:
    """A conflict finding between claims ``a`` and ``b`` scored by their similarity; ``first`` and
    ``second`` (the two values as written) fill the message's ``{a}`` and ``{b}``."""
    return Verdict(claims=(a.id, b.id), relation="conflicts", finding=True, reason=reason,
                   score=round(ctx.similarity, 4), fields={"a": first, "b": second}, key=key)


class RuleKind:
    """Base of all rule kinds."""

    name: ClassVar[str] = ""
    scope: ClassVar[str] = "pair"  # "pair" or "corpus"
    #: A fallback pair kind judges only pairs that no other kind supported or conflicted.
    fallback: ClassVar[bool] = False
    params: ClassVar[dict[str, Param]] = {}

    def __init__(self, params: dict[str, Any]) -> None:
        self.p = {name: params.get(name, spec.default) for name, spec in self.params.items()}

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        """Judge one candidate pair (pair kinds)."""
        return []

    def check(self, claims: list[Claim], ctx: Any) -> list[Verdict]:
        """Judge the whole corpus (corpus kinds)."""
        return []
