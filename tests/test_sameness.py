"""Whether two figures agree: qualifiers, rounding and tolerance."""

from checker.model import Quantity
from checker.judge.sameness import comparable, precision, values_agree


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


def test_sameness_strict_bounds_exclude_their_own_figure():
    exact = q("12 years", 12, kind="measure", unit="year")
    assert not values_agree(exact, q("12 years", 12, "below", kind="measure", unit="year"))
    assert values_agree(exact, q("12 years", 12, "up to", kind="measure", unit="year"))
    assert values_agree(q("31 km", 31, kind="measure", unit="km"), q("51 km", 51, "below", kind="measure", unit="km"))
    # a rounded figure leaves room: "over 2,400" can describe a stated "2,400"
    assert values_agree(q("2,400", 2400, "over"), q("2,400", 2400))


def test_sameness_precision_keeps_two_significant_digits():
    assert precision(q("20,000", 20000)) == 500
    assert precision(q("2,400", 2400)) == 50
    assert precision(q("921,000", 921000)) == 500
    assert precision(q("70%", 70, kind="percent", unit="percent")) == 0
    assert precision(q("921,437", 921437)) == 0


def test_sameness_units_after_numbers_are_not_subjects():
    from checker.extract.terms import subjects

    assert subjects("In 2022, Zurich installed 28 GW and Basel 40 TOPS.") == ("zurich", "basel")


def test_sameness_an_integer_against_decimals_is_that_figure_rounded():
    whole = q("23 percent", 23, kind="percent", unit="percent")
    assert values_agree(whole, q("23.38%", 23.38, kind="percent", unit="percent"))
    assert values_agree(q("23.38%", 23.38, kind="percent", unit="percent"), whole)
    assert not values_agree(whole, q("24.1%", 24.1, kind="percent", unit="percent"))
    # two integers stay exact, and "exactly" keeps the integer exact against decimals
    assert not values_agree(whole, q("24 percent", 24, kind="percent", unit="percent"))
    assert not values_agree(
        q("exactly 23 percent", 23, "exactly", kind="percent", unit="percent"),
        q("23.38%", 23.38, kind="percent", unit="percent"),
    )


def test_sameness_an_amount_in_billions_rounds_to_its_last_digit():
    a = q("312 billion yuan", 312e9, kind="money", unit="CNY")
    assert values_agree(a, q("312.27 billion yuan", 312.27e9, kind="money", unit="CNY"))
    assert not values_agree(a, q("313.8 billion yuan", 313.8e9, kind="money", unit="CNY"))


def test_sameness_measures_in_two_prefixed_units_are_restated_in_one():
    from checker.judge.sameness import in_common_unit

    peta = q("2,315 Pflop/s", 2315, kind="measure", unit="petaflop")
    exa = q("2.315 Eflop/s", 2.315, kind="measure", unit="exaflop")
    ca, cb, approximate = in_common_unit(peta, exa)
    assert (ca.unit, cb.unit, approximate) == ("flop/s", "flop/s", False)
    assert comparable(ca, cb)[0] and values_agree(ca, cb)
    assert not values_agree(*in_common_unit(peta, q("2.9 Eflop/s", 2.9, kind="measure", unit="exaflop"))[:2])


def test_sameness_metric_and_imperial_measures_are_an_approximate_restatement():
    from checker.judge.sameness import in_common_unit

    pounds = q("9,800 pounds", 9800, kind="measure", unit="lb")
    ca, cb, approximate = in_common_unit(pounds, q("4,450 kg", 4450, kind="measure", unit="kg"))
    assert approximate and values_agree(ca, cb)
    # other dimensions, or a count, are left as they are
    metres = q("12 m", 12, kind="measure", unit="m")
    assert in_common_unit(pounds, metres) == (pounds, metres, False)


def test_sameness_an_integer_may_be_its_decimals_cut_off():
    usd = dict(kind="money", unit="USD")
    assert values_agree(q("$412 billion", 412e9, **usd), q("$412.8 billion", 412.8e9, **usd))
    assert not values_agree(q("$412 billion", 412e9, **usd), q("$411.3 billion", 411.3e9, **usd))
    # a cut may not explain more than rounding_limit: "1%" is not "1.5%"
    pct = dict(kind="percent", unit="percent")
    assert not values_agree(q("1%", 1, **pct), q("1.5%", 1.5, **pct))
    # qualified figures are not cut-off figures
    assert not values_agree(q("over $412 billion", 412e9, "over", **usd), q("$411.3 billion", 411.3e9, **usd))


def test_a_clipped_head_noun_counts_what_its_full_word_does():
    from checker.extract.quantities import extract_quantities
    from checker.judge.sameness import same_counted_thing

    def q(t):
        return extract_quantities(t)[0]

    assert same_counted_thing(q("The port runs 6 testing labs."), q("The port runs 6 testing laboratories."))
    assert same_counted_thing(q("Visitors took 900 photos."), q("Visitors took 900 photographs."))
    assert not same_counted_thing(q("The port runs 6 testing labs."), q("The port runs 6 testing cranes."))
