"""Rule ORD001 (ordinal_mismatch) on hand-written sentences, with the fake embedder."""

from __future__ import annotations

from checker.comparison import compare_texts
from checker.judge.ruleset import load_rules

from fakes import HashEmbedder

RULES = load_rules()


def judged(a: str, b: str):
    return compare_texts("t", a, b, RULES, HashEmbedder())


def test_ordinal_one_rank_changed_conflicts():
    v = judged("The mill opened its 3rd warehouse in Tromsø in 2015.", "The mill opened its 5th warehouse in Tromsø in 2015.")
    assert v.verdict == "conflict" and v.rule == "ORD001" and "3rd vs 5th" in v.message


def test_ordinal_rank_before_a_superlative():
    v = judged("By 2021, Chile was the third-largest copper buyer in Asia.", "By 2021, Chile was the largest copper buyer in Asia.")
    assert v.verdict == "conflict" and v.rule == "ORD001" and "third-largest vs largest" in v.message


def test_ordinal_sentences_differing_elsewhere_are_not_compared():
    v = judged("The mill opened its third warehouse in Tromsø in 2015.", "The mill opened its fourth warehouse in Bodø in 2018.")
    assert v.rule != "ORD001"
    v = judged("The mill opened its third warehouse in Tromsø in 2015.", "The mill opened its third warehouse in Tromsø in 2015.")
    assert v.verdict != "conflict"
