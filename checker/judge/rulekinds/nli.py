"""Rule kind ``nli_contradiction``: a cross-encoder says two statements contradict each other.

The judging happens in one batch per run, in :mod:`checker.judge.nli` through
:func:`checker.judge.evaluate.evaluate`, and only for candidate pairs that no other pair rule
supported or contradicted. A rule of this kind does nothing unless an NLI model is
configured (``--nli MODEL`` or ``nli`` in ``[tool.claimgraph]``).
"""

from __future__ import annotations

from .base import Param, RuleKind


class NliContradiction(RuleKind):
    name = "nli_contradiction"
    scope = "nli"
    params = {
        "threshold": Param(float, 0.9, "least contradiction probability for a finding"),
        "support_threshold": Param(float, 0.95, "least entailment probability for a supports edge (above 1: never)"),
        "min_similarity": Param(float, 0.5, "least masked-sentence similarity of a pair to be judged"),
    }
