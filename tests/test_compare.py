"""compare: many pairs are encoded in one deduplicated batch and judged as one by one."""

from __future__ import annotations

import pytest

from checker.comparison import compare_many, compare_texts
from checker.judge.ruleset import load_rules

from fakes import HashEmbedder

PAIRS = [
    ("p1", "In 2023, Norway opened 412 new charging stations.", "In 2023, Norway opened 398 new charging stations."),
    ("p2", "In 2023, Norway opened 412 new charging stations.", "In 2023, Norway opened about 410 new charging stations."),
    ("p3", "The bridge opened in May 2019.", "The bridge opened in May 2021."),
    ("p4", "No figure here at all.", "Nor here."),
    ("p5", "The bridge opened in May 2019.", "In 2023, Norway opened 412 new charging stations."),
]


def test_compare_many_same_verdicts_as_one_by_one():
    rules = load_rules()
    single = [compare_texts(i, a, b, rules, HashEmbedder()) for i, a, b in PAIRS]
    batched = list(compare_many(PAIRS, rules, HashEmbedder()))
    assert batched == single
    assert [v.verdict for v in batched][:2] == ["conflict", "support"]


def test_compare_many_encodes_each_distinct_sentence_once_per_batch():
    embedder = HashEmbedder()
    list(compare_many(PAIRS, load_rules(), embedder))
    assert embedder.calls == 1
    # figures and dates are masked before encoding: "412 ... stations" and "398 ... stations"
    # read the same, as do the two bridge sentences; only three distinct texts remain
    assert embedder.encoded == 3


def test_compare_many_batches_of_a_given_size():
    embedder = HashEmbedder()
    out = list(compare_many(PAIRS, load_rules(), embedder, batch=2))
    assert [v.id for v in out] == [p[0] for p in PAIRS]
    assert embedder.calls == 3


@pytest.mark.model
def test_same_metric_in_two_regions_is_no_conflict_with_the_real_model():
    """A capitalised opener ("Sales") shared by both sentences does not make Germany France."""
    from checker.embed.embeddings import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    a = "Sales in Germany rose 12% in 2022."
    other_region = compare_texts("r", a, "Sales in France rose 9% in 2022.", load_rules(), embedder)
    assert other_region.verdict != "conflict"
    same_region = compare_texts("s", a, "Sales in Germany rose 9% in 2022.", load_rules(), embedder)
    assert same_region.verdict == "conflict"
