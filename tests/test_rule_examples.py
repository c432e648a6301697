"""Meta-test: every rule's documented failing example fires it, every passing one does not.

Runs the real packaged model, as a user's ``claimgraph compare`` would.
"""

from __future__ import annotations

import pytest

from checker.compare import judge_texts
from checker.embeddings import SentenceTransformerEmbedder
from checker.ruleset import load_rules

pytestmark = pytest.mark.slow

RULES = load_rules()
# NLI rules need an NLI model; tests/test_nli.py runs their examples with one it builds.
CASES = [(rule, n, ex) for rule in RULES if rule.impl.scope != "nli" for n, ex in enumerate(rule.examples)]


@pytest.fixture(scope="module")
def embedder():
    return SentenceTransformerEmbedder()


@pytest.mark.parametrize("rule, number, example", CASES, ids=[f"{r.id}-{n}-{e.expect}" for r, n, e in CASES])
def test_rule_examples_behave_as_documented(rule, number, example, embedder):
    judged = judge_texts(example.a, example.b, RULES, embedder)
    messages = [f.message for f in judged.findings if f.rule == rule.id]
    if example.expect == "fail":
        assert messages, f"{rule.id} should fire on: {example.a!r} / {example.b!r}; got {judged.findings}"
    else:
        assert not messages, f"{rule.id} should not fire on: {example.a!r} / {example.b!r}; got {messages}"
