"""Currency words ("USD", "US$", "EUR") name no holder: the rules' "another subject" gate ignores them."""

from __future__ import annotations

from checker.comparison import compare_texts
from checker.judge.names import holder_names, holders_disjoint
from checker.judge.ruleset import load_rules

from fakes import HashEmbedder


def test_currency_letters_are_no_holder():
    assert holder_names(("USD",), "The trust lent USD 12 million to the port.") == ()
    assert holder_names(("US",), "The trust lent US$12 million to the port.") == ()
    # "US" written as a country, not glued to a sign, stays a name
    assert holder_names(("US",), "The US lent $12 million to the port.") == ("US",)


def test_usd_and_us_dollar_sign_name_the_same_no_one():
    a = "The trust lent USD 12 million to the harbour board."
    b = "The trust lent US$12 million to the harbour board."
    assert not holders_disjoint(("USD",), a, ("US",), b)


def test_different_holders_stay_apart_beside_a_currency():
    a = "Corvane Holdings lent USD 12 million to the harbour board."
    b = "Pellitor Bank lent US$15 million to the harbour board."
    assert holders_disjoint(("USD", "Corvane", "Holdings"), a, ("Pellitor", "Bank"), b)


def test_currency_codes_no_longer_hide_a_conflict_or_a_support():
    rules = load_rules()
    same = compare_texts("s", "The trust lent USD 12 million to the harbour board in 2021.",
                         "The trust lent US$12 million to the harbour board in 2021.", rules, HashEmbedder())
    assert same.verdict == "support"
    other = compare_texts("c", "The trust lent USD 12 million to the harbour board in 2021.",
                          "The trust lent US$19 million to the harbour board in 2021.", rules, HashEmbedder())
    assert other.verdict == "conflict"
