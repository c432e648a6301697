"""Meta-test: every rule's documented failing example fires it, every passing one does not.

Runs the real packaged model, as a user's ``claimgraph compare`` would.
"""

from __future__ import annotations

import pytest

from checker.compare import compare_texts
from checker.embeddings import SentenceTransformerEmbedder
from checker.ruleset import load_rules

pytestmark = pytest.mark.slow

RULES = load_rules()
CASES = [(rule, n, ex) for rule in RULES for n, ex in enumerate(rule.examples)]


@pytest.fixture(scope="module")
def embedder():
    return SentenceTransformerEmbedder()


@pytest.mark.parametrize("rule, number, example", CASES, ids=[f"{r.id}-{n}-{e.expect}" for r, n, e in CASES])
def test_rule_examples_behave_as_documented(rule, number, example, embedder):
    result = compare_texts(f"{rule.id}-{number}", example.a, example.b, RULES, embedder)
    fired = result.rule == rule.id and result.verdict == "conflict"
    if example.expect == "fail":
        assert fired, f"{rule.id} should fire on: {example.a!r} / {example.b!r}; got {result}"
    else:
        assert not fired, f"{rule.id} should not fire on: {example.a!r} / {example.b!r}; got {result}"
