"""Directions of figures (checker.frame.direction) and rule DIR001 (direction_mismatch).

Every sentence here is written for these tests (fictional companies, places and figures)."""

from __future__ import annotations

import pytest

from checker.comparison import compare_texts
from checker.extract.claims import document_claims, sentence_claim
from checker.frame.direction import (
    DIRECTIONS,
    OPPOSITES,
    comparison_base,
    direction_word,
    figure_direction,
    opposite,
)
from checker.frame.facts import document_facts
from checker.frame.nlp import load_nlp
from checker.ingest.documents import parse_document
from checker.judge.rulekinds import KINDS, PairContext
from checker.judge.rulekinds.direction import DirectionMismatch
from checker.judge.ruleset import load_rules

from fakes import HashEmbedder

RULES = load_rules()


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _directions(nlp, sentence: str) -> list[tuple[str, str | None]]:
    """``(figure, direction)`` for each quantity of ``sentence``."""
    parsed = nlp(sentence)
    claim = sentence_claim(sentence, set()) or {}
    return [(q.text, figure_direction(parsed, q.start, q.end)) for q in claim.get("quantities", ())]


# --------------------------------------------------------------------------- the table


def test_direction_table_keys_come_in_opposite_pairs():
    sides = {key for pair in OPPOSITES for key in pair}
    assert set(DIRECTIONS.values()) == sides
    for left, right in OPPOSITES:
        assert opposite(left, right) and opposite(right, left)
        assert not opposite(left, left)
    assert not opposite("up", "sell") and not opposite("up", None) and not opposite(None, None)


# --------------------------------------------------------------------------- one figure, one word


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Marrowind's revenue rose 12% in 2025.", [("12%", "up")]),
        ("Marrowind reported a 5% decline in revenue.", [("5%", "down")]),
        ("Ostrava Mills cut 300 jobs in 2025.", [("300", "down")]),
        ("Ostrava Mills added 1,200 jobs in 2025.", [("1,200", "up")]),
        ("Ostrava Mills lost 1,200 jobs in 2025.", [("1,200", "down")]),
        ("Pellgrove sold 2 million shares in March.", [("2 million", "sell")]),
        ("Pellgrove bought 2 million shares in March.", [("2 million", "buy")]),
        ("Tamsin Foods opened 40 stores last year.", [("40", "open")]),
        ("Tamsin Foods closed 12 stores in 2024.", [("12", "close")]),
        ("Shares of Quillon gained 3% on Monday.", [("3%", "up")]),
        ("Shares of Quillon lost 3% on Monday.", [("3%", "down")]),
        ("Quillon shares closed 3% higher on Monday.", [("3%", "up")]),
        ("The Brisa index is down 5% from its peak.", [("5%", "down")]),
        ("Marrowind hired 200 engineers in 2025.", [("200", "hire")]),
        ("Marrowind laid off 200 engineers in 2025.", [("200", "fire")]),
        ("The sale of 2 million shares by Pellgrove closed in March.", [("2 million", "sell")]),
        ("Marrowind's revenue increased by 4% in 2025.", [("4%", "up")]),
    ],
)
def test_direction_of_the_governing_word(nlp, sentence, expected):
    assert _directions(nlp, sentence) == expected


def test_direction_each_figure_gets_its_own(nlp):
    assert _directions(nlp, "Marrowind's revenue rose 5% while costs fell 3%.") == [("5%", "up"), ("3%", "down")]
    assert _directions(nlp, "Sales at Tamsin fell 5% in Q1 and rose 3% in Q2.") == [("5%", "down"), ("3%", "up")]
    assert _directions(nlp, "Marrowind plans to cut 300 jobs and close 12 stores by 2027.") == [
        ("300", "down"), ("12", "close"),
    ]


def test_direction_negated_word_gives_none(nlp):
    assert _directions(nlp, "Marrowind's revenue did not rise 4% in 2025.") == [("4%", None)]
    assert _directions(nlp, "Marrowind's revenue has not fallen 2% this year.") == [("2%", None)]


def test_direction_a_level_has_none(nlp):
    # the level a change reached or started from is not the change's size
    assert _directions(nlp, "Marrowind's revenue fell 4% to $3 billion.") == [("4%", "down"), ("$3 billion", None)]
    assert _directions(nlp, "Revenue rose from $2 billion to $3 billion.") == [("$2 billion", None), ("$3 billion", None)]
    assert _directions(nlp, "Quillon shares closed at $42 on Monday.") == [("$42", None)]
    assert _directions(nlp, "Output at Tamsin fell by a third to 12,000 tonnes.") == [("12,000 tonnes", None)]


def test_direction_words_that_need_their_preposition(nlp):
    assert _directions(nlp, "Marrowind raised prices by 5% in 2025.") == [("5%", "up")]
    assert _directions(nlp, "Marrowind raised $40 million in a Series B round.") == [("$40 million", None)]
    assert _directions(nlp, "Marrowind recorded 2 million sales in 2025.") == [("2 million", None)]


def test_direction_unknown_governing_verb_gives_none(nlp):
    assert _directions(nlp, "Ostrava Mills employs 300 people.") == [("300", None)]


# --------------------------------------------------------------------------- words, bases


def test_direction_word_is_the_word_as_written():
    text = "Marrowind's revenue rose 5% while costs fell 3%."
    assert direction_word(text, text.index("5%"), text.index("5%") + 2, "up") == "rose"
    assert direction_word(text, text.index("3%"), text.index("3%") + 2, "down") == "fell"
    text = "Marrowind laid off 200 engineers."
    assert direction_word(text, text.index("200"), text.index("200") + 3, "fire") == "laid off"
    assert direction_word(text, text.index("200"), text.index("200") + 3, "up") is None


@pytest.mark.parametrize(
    "sentence, figure, base",
    [
        ("The Brisa index is down 5% from its peak.", "5%", "peak"),
        ("The Brisa index is up 3% year on year.", "3%", "year on year"),
        ("The Brisa index is up 3% year-over-year.", "3%", "year on year"),
        ("Exports rose 3% from a year earlier.", "3%", "year on year"),
        ("Profit declined 7 percent compared with 2024.", "7 percent", "2024"),
        ("Sales grew by 8% since 2021.", "8%", "2021"),
        ("Compared with 2024, Marrowind's revenue fell 6%.", "6%", "2024"),
        ("Marrowind's revenue rose 4% in 2025.", "4%", None),
        # a base belongs to its own clause only
        ("Revenue fell 2% while costs rose 3% from a year earlier.", "2%", None),
        # against the period before, of another length than a year
        ("Marrowind's revenue grew 3% quarter on quarter.", "3%", "quarter on quarter"),
        ("Marrowind's revenue grew 3% q/q.", "3%", "quarter on quarter"),
        ("Orders rose 4% month-over-month.", "4%", "month on month"),
        ("Orders rose 4% from the previous quarter.", "4%", "quarter on quarter"),
        ("Orders rose 4% from a month earlier.", "4%", "month on month"),
        ("Orders rose 4% sequentially.", "4%", "period on period"),
        ("Tarvos's economy grew 0.4% compared with the previous three months.", "0.4%", "quarter on quarter"),
    ],
)
def test_direction_comparison_base(sentence, figure, base):
    start = sentence.index(figure)
    assert comparison_base(sentence, start, start + len(figure)) == base


# --------------------------------------------------------------------------- facts


def _facts(text: str, nlp=None):
    doc = parse_document(text, "text", "d1", "page.txt", None)
    return document_facts(doc, document_claims(doc, 1), nlp)


def test_direction_facts_parsed_path_per_figure(nlp):
    (claim,) = _facts("Marrowind's revenue rose 5% in 2025 while its costs fell 3%.", nlp)
    quantities = [f for f in claim.facts if f.kind == "quantity"]
    assert [(f.value, f.direction) for f in quantities] == [("5%", "up"), ("3%", "down")]


def test_direction_noun_of_a_change_measures_what_changed(nlp):
    (claim,) = _facts("Marrowind reported a 5% decline in revenue in 2025.", nlp)
    (fact,) = [f for f in claim.facts if f.kind == "quantity"]
    assert (fact.measure.value, fact.holder.value, fact.direction) == ("revenue", "Marrowind", "down")
    (claim,) = _facts("Marrowind booked a loss of $3 million in 2025.", nlp)
    (fact,) = [f for f in claim.facts if f.kind == "quantity"]
    assert fact.measure.value == "loss"  # no "in" phrase: the loss is the measure


def test_direction_facts_cheap_path_keeps_the_sentence_regex():
    (claim,) = _facts("Marrowind's revenue rose 5% in 2025.")
    assert [f.direction for f in claim.facts if f.kind == "quantity"] == ["up"]
    (claim,) = _facts("Marrowind's revenue rose 5% in 2025 while its costs fell 3%.")
    assert [f.direction for f in claim.facts if f.kind == "quantity"] == [None, None]


# --------------------------------------------------------------------------- rule DIR001


def test_direction_rule_is_registered():
    assert KINDS["direction_mismatch"] is DirectionMismatch
    (rule,) = [r for r in RULES if r.id == "DIR001"]
    assert rule.name == "direction.opposite" and rule.examples


def _judge(nlp, text_a: str, text_b: str):
    (a,) = _facts(text_a, nlp)
    (b,) = [c.__class__(**{**c.__dict__, "id": "b1", "doc": "d2"}) for c in _facts(text_b, nlp)]
    return DirectionMismatch({}).compare(a, b, PairContext(similarity=0.8))


@pytest.mark.parametrize(
    "a, b, words",
    [
        ("Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 4% in 2025.", "rose vs fell"),
        ("Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 2% in 2025.", "rose vs fell"),
        ("Pellgrove sold 2 million shares in March 2025.", "Pellgrove bought 2 million shares in March 2025.", "sold vs bought"),
        ("Tamsin Foods opened 40 stores in 2024.", "Tamsin Foods closed 40 stores in 2024.", "opened vs closed"),
        ("Ostrava Mills added 1,200 jobs in 2025.", "Ostrava Mills cut 1,200 jobs in 2025.", "added vs cut"),
        # a noun of a fall measures what fell (checker.frame.binding)
        ("Marrowind reported a 5% decline in revenue in 2025.", "Marrowind's revenue rose 5% in 2025.", "decline vs rose"),
    ],
)
def test_direction_rule_opposite_directions_of_one_fact_conflict(nlp, a, b, words):
    (verdict,) = _judge(nlp, a, b)
    assert verdict.relation == "conflicts" and verdict.finding
    assert verdict.reason.endswith(f": {words}")
    assert "same holder" in verdict.reason and "same measure" in verdict.reason


def test_direction_rule_names_the_slots(nlp):
    (verdict,) = _judge(nlp, "Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 4% in 2025.")
    assert verdict.reason == "same holder (Marrowind), same measure (revenue), same time (2025): rose vs fell"
    assert verdict.fields == {"a": "4%", "b": "4%", "thing": "revenue"}


@pytest.mark.parametrize(
    "a, b",
    [
        # two measures
        ("Marrowind's imports rose 5% in 2025.", "Marrowind's exports fell 5% in 2025."),
        # two times
        ("Marrowind's sales fell 5% in the first quarter of 2025.", "Marrowind's sales rose 3% in the second quarter of 2025."),
        # two holders
        ("Marrowind's revenue rose 4% in 2025.", "Pellgrove's revenue fell 4% in 2025."),
        # two bases, or a base on one side only
        ("The Brisa index is down 5% from its peak.", "The Brisa index is up 3% year on year."),
        ("Marrowind's revenue fell 4% in 2025 from its peak.", "Marrowind's revenue rose 4% in 2025."),
        # one way
        ("Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue grew 4% in 2025."),
        # one trade told from its two sides, and an actor not named on one side
        ("Kestrel Capital sold 2 million shares of Brisa Dairy in March 2025.",
         "Tamsin Foods bought 2 million shares of Brisa Dairy in March 2025."),
        ("The fund sold 2 million shares of Brisa Dairy in March 2025.",
         "Tamsin Foods bought 2 million shares of Brisa Dairy in March 2025."),
        # two events of a year that may both have happened
        ("Tamsin Foods opened 40 stores in 2024.", "Tamsin Foods closed 12 stores in 2024."),
        ("Pellgrove sold 2 million shares in March 2025.", "Pellgrove bought 500,000 shares in March 2025."),
        # no period stated, a year against its quarter, a place on one side only
        ("Marrowind's revenue rose 4%.", "Marrowind's revenue fell 4%."),
        ("Marrowind's stock fell 17% last week.", "Marrowind's stock rose 4% this week."),
        ("Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 4% in the fourth quarter of 2025."),
        ("Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 4% in Europe in 2025."),
        # a negated verb and a level
        ("Marrowind's revenue did not rise 4% in 2025.", "Marrowind's revenue fell 4% in 2025."),
        ("Marrowind's revenue fell to $3 billion in 2025.", "Marrowind's revenue rose to $3 billion in 2025."),
    ],
)
def test_direction_rule_nothing_set_apart_only(nlp, a, b):
    assert _judge(nlp, a, b) == []


def test_direction_rule_one_figure_of_two(nlp):
    found = _judge(nlp, "Marrowind's revenue rose 5% in 2025 while its costs fell 3%.", "Marrowind's revenue fell 2% in 2025.")
    assert [v.fields["a"] for v in found] == ["5%"]


def test_direction_rule_through_compare_cheap_path():
    # `claimgraph compare` binds facts by the cheap path: the sentence's direction, the noun after the figure
    v = compare_texts(
        "t", "In 2025, Brisa Freight's headcount rose by 300 employees.",
        "In 2025, Brisa Freight's headcount fell by 300 employees.", RULES, HashEmbedder(),
    )
    assert v.verdict == "conflict" and v.rule == "DIR001" and v.message.endswith(": rose vs fell")


def test_numeric_rule_no_longer_supports_a_rise_with_a_fall():
    # before issue 16's directions, NUM001 read "rose 4%" / "fell 4%" as one value (a support)
    v = compare_texts(
        "t", "Marrowind's revenue rose 4% in 2025.", "Marrowind's revenue fell 4% in 2025.", RULES, HashEmbedder(),
    )
    assert v.verdict != "support"


def test_numeric_rule_two_bases_are_two_changes():
    v = compare_texts(
        "t", "The Brisa index is down 5% from its peak.", "The Brisa index is down 3% year on year.", RULES, HashEmbedder(),
    )
    assert v.verdict == "neutral"


def test_direction_rule_cheap_path_another_word_before_the_verb():
    # the cheap path binds both figures to "containers"; the words that rose and fell differ
    v = compare_texts(
        "t", "In 2025, Brisa Freight's imports rose by 300 containers.",
        "In 2025, Brisa Freight's exports fell by 300 containers.", RULES, HashEmbedder(),
    )
    assert v.rule != "DIR001" and v.verdict != "conflict"
