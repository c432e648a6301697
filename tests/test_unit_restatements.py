"""Figures restated in another unit or currency are compared, not skipped (issue 16, extraction gaps)."""

from __future__ import annotations

import pytest

from checker.comparison import compare_texts
from checker.judge.ruleset import load_rules

from fakes import HashEmbedder


def _verdict(a: str, b: str) -> str:
    return compare_texts("t", a, b, load_rules(), HashEmbedder()).verdict


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("Orbis closed a $21 million seed round last spring.", "support"),
        ("Orbis closed a $35 million seed round last spring.", "conflict"),
        ("Orbis closed a $22 million seed round last spring.", "neutral"),  # another day's exchange rate
    ],
)
def test_a_currency_restatement_is_compared_with_a_figure_in_its_currency(other, expected):
    assert _verdict("Orbis closed a £17 million ($21 million) seed round last spring.", other) == expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("The ferry route is 250 km long.", "support"),  # 155 miles rounds to 250 km
        ("The ferry route is 400 km long.", "conflict"),  # clearly apart after conversion
    ],
)
def test_converted_units_agree_within_rounding_and_disagree_beyond_it(other, expected):
    assert _verdict("The ferry route is 155 miles long.", other) == expected


def test_durations_in_two_units_are_one_quantity():
    assert _verdict("The survey ship made a month-long voyage.", "The survey ship made a two-week voyage.") == "conflict"
    assert _verdict("The survey ship made a month-long voyage.", "The survey ship made a 30-day voyage.") == "support"
    assert _verdict("The lease runs 3 years.", "The lease runs 36 months.") == "support"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The node reached 61.4 GFLOPS per watt.", "The node reached 61.4 gigaflops/watt."),
        ("The node reached 61.4 GigaFLOPS/W.", "The node reached 61.4 Gflops/watt."),
        ("The cluster sustained 2.1 Eflop/s.", "The cluster sustained 2.1 exaFLOPS."),
        ("The cluster sustained 2.1 EFLOPS.", "The cluster sustained 2,100 petaflops."),
        ("The crane lifts 9,000 lbs.", "The crane lifts 9,000 pounds."),
        ("The depot ships 2 million parcels every week.", "The depot ships 2 million weekly parcels."),
        ("The depot ships 2 million parcels a week.", "The depot ships 2 million parcels per week."),
    ],
)
def test_unit_and_period_variants_are_one_unit(a, b):
    assert _verdict(a, b) == "support"
