"""Meta-test: every rule's documented failing example fires it, every passing one does not.

Runs the real packaged model, as a user's ``claimgraph compare`` would (and, for a rule kind that
reads facts only a parse gives, with the spaCy pipeline, as a scan would).
"""

from __future__ import annotations

import pytest

from checker.comparison import judge_texts
from checker.embed.embeddings import SentenceTransformerEmbedder
from checker.judge.ruleset import load_rules

pytestmark = pytest.mark.model

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


def test_scope_other_region_is_reported_only_for_the_same_figure():
    from checker.extract.claims import sentence_claim
    from checker.model import Claim
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.scope import ScopeDifference

    def claim(text, cid):
        return Claim(id=cid, doc="d" + cid, path="x", start=0, end=len(text), line=1, column=1, text=text,
                     section="body", **sentence_claim(text))

    rule = ScopeDifference({})
    a = claim("The value of machinery exports from Gujarat reached €32.2 billion in 2022.", "a")
    same = claim("The value of machinery exports from Galicia reached €32.2 billion in 2022.", "b")
    other = claim("The value of machinery exports from Galicia reached €6.0 billion in 2022.", "c")
    ctx = PairContext(similarity=0.9)
    found = rule.compare(a, same, ctx)
    assert [v.relation for v in found] == ["related"] and "another region" in found[0].reason
    assert rule.compare(a, other, ctx) == []
