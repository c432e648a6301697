"""Whether two figures agree: qualifiers, rounding and tolerance."""

from checker.model import Quantity
from checker.sameness import comparable, precision, values_agree


def q(text, value, qualifier=None, kind="count", unit="registered enterprise", **kw):
    return Quantity(text=text, start=0, end=len(text), value=value, unit=unit, kind=kind, qualifier=qualifier, **kw)


def test_sameness_over_is_a_lower_bound():
    over = q("2,400", 2400, "over")
    assert values_agree(over, q("2,450", 2450))
    assert not values_agree(over, q("2,100", 2100))


def test_sameness_about_and_rounding_agree_with_the_exact_figure():
    exact = q("921,000", 921000, unit="invention patent")
    assert values_agree(q("920,000", 920000, "about", unit="invention patent"), exact)
    assert values_agree(q("920,000", 920000, unit="invention patent"), exact)  # rounded to ten thousands
    assert not values_agree(q("798,000", 798000, unit="invention patent"), exact)


def test_sameness_rounding_cannot_explain_a_large_difference():
    assert not values_agree(q("100", 100), q("140", 140))
    assert precision(q("$41.5 billion", 4.15e10, kind="money", unit="USD")) == 0.05e9


def test_sameness_comparable_needs_the_same_kind_unit_base_and_change():
    pct = q("15.3%", 15.3, kind="percent", unit="percent")
    assert comparable(pct, pct)[0]
    assert not comparable(pct, q("15.3", 15.3))[0]
    assert not comparable(pct, q("15.3%", 15.3, kind="percent", unit="percent", change="increase"))[0]
    assert not comparable(q("$5", 5, kind="money", unit="USD"), q("¥5", 5, kind="money", unit="CNY"))[0]
    assert not comparable(q("24", 24, of_total=100.0), q("24", 24))[0]
