"""Unit tests for checker.extract.dates: days, months, quarters, years and ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.dates import extract_dates


def one(text: str):
    found = extract_dates(text)
    assert len(found) == 1, found
    return found[0]


def fields(d) -> tuple:
    return d.value, d.granularity, d.first, d.last


# ----------------------------------------------------------------- years


def test_dates_year_with_in_qualifier():
    d = one("In 2023, China authorized 921,000 invention patents [1].")
    assert d.text == "2023"  # the preposition is reported, not included
    assert fields(d) == ("2023", "year", "2023-01-01", "2023-12-31")
    assert d.qualifier == "in"
    assert (d.start, d.end) == (3, 7)


@pytest.mark.parametrize(
    "text, year, qualifier",
    [
        ("Planned for Nevada desert completion by 2028, Stargate will draw power.", "2028", "by"),
        ("Robot sales have doubled since 2019 in the region.", "2019", "since"),
        ("The subsidy runs until 2030 for qualifying firms.", "2030", "until"),
        ("Analysts expect growth in 2024 to slow.", "2024", "in"),
        ("Prices fell before 2020 and held.", "2020", "before"),
        ("Prices rose after 2021 and held.", "2021", "after"),
        ("The rule applies from 2026 onwards.", "2026", "since"),
        ("G7 negotiators aim for harmonised standards by the end of 2026.", "2026", "by"),
        ("Shipments resume in early 2025.", "2025", "in"),
        ("Output is expected to peak by mid-2027.", "2027", "by"),
        ("Military AI spending exceeds $120B worldwide in 2025.", "2025", "in"),
    ],
)
def test_dates_year_qualifiers(text, year, qualifier):
    d = one(text)
    assert d.value == year and d.granularity == "year"
    assert d.qualifier == qualifier


@pytest.mark.parametrize(
    "text, year",
    [
        ("Analysts note this accelerates the strategy, with 2025 targets for 70% domestic usage.", "2025"),
        ("The International Federation of Robotics’ 2025 update shows installations rising.", "2025"),
        ("Guilds cite precedents from the 2023 Hollywood writers’ strike.", "2023"),
        ("Zhipu released a model that rivals other systems in 2026 benchmarks [5].", "2026"),
        ("Five firms secured positions in the 2025 “AI+” Innovation Case rankings.", "2025"),
        ("Shanghai’s 2025 Global Developers Conference highlighted advances.", "2025"),
        ("2024's best-selling robot was a vacuum cleaner.", "2024"),
    ],
)
def test_dates_bare_years_in_date_context(text, year):
    d = one(text)
    assert (d.value, d.granularity, d.text) == (year, "year", year)


@pytest.mark.parametrize(
    "text",
    [
        "Beijing Surpasses 2,400 AI Firms this spring.",
        "The robot sells for $2025 in the US.",
        "The plant built 2025 units last quarter.",
        "The IFR counted 553,000 units globally.",
        "More than 2000 people attended the summit.",
        "The firm hired 1999 new workers.",
        "The array delivers 2025MW at peak.",
        "Margins improved by 20.25% this quarter.",
        "Case No. 2019 was dismissed.",
        "The lab published COVID-2019 results.",
        "The turbine holds 2000 hours of data.",
    ],
)
def test_dates_amounts_are_not_years(text):
    assert extract_dates(text) == []


def test_dates_year_with_preposition_beats_counted_noun():
    d = one("In 2025 robots will outnumber workers.")
    assert d.value == "2025" and d.qualifier == "in"


def test_dates_fiscal_year():
    d = one("Revenue for FY2024 rose sharply.")
    assert d.text == "FY2024"
    assert fields(d) == ("2024", "year", "2024-01-01", "2024-12-31")
    assert fields(one("Results for fiscal 2023 were flat.")) == ("2023", "year", "2023-01-01", "2023-12-31")
    assert one("Guidance for FY25 was raised.").value == "2025"


# ----------------------------------------------------------------- months and days


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("The regulation, effective July 2025, forces companies to disclose sources.", "July 2025"),
        ("Deliveries began in Jul. 2025 after a delay.", "Jul. 2025"),
        ("The figures for JULY 2025 were revised.", "JULY 2025"),
        ("The policy took effect in July, 2025.", "July, 2025"),
        ("Sales peaked in 2025-07 according to the filing.", "2025-07"),
        ("The statement dated 07/2025 was revised.", "07/2025"),
    ],
)
def test_dates_month_year(text, fragment):
    d = one(text)
    assert d.text == fragment
    assert fields(d) == ("2025-07", "month", "2025-07-01", "2025-07-31")


def test_dates_effective_month_is_since():
    assert one("The regulation, effective July 2025, forces disclosure.").qualifier == "since"


def test_dates_february_last_day_in_leap_year():
    assert one("Sales in February 2024 were strong.").last == "2024-02-29"


@pytest.mark.parametrize(
    "text, fragment, iso",
    [
        ("April 12, 2025 — This comprehensive analysis tracks trajectories.", "April 12, 2025", "2025-04-12"),
        ("The summit opened on July 12, 2025 in Geneva.", "July 12, 2025", "2025-07-12"),
        ("The summit opened on 12 July 2025 in Geneva.", "12 July 2025", "2025-07-12"),
        ("The summit opened on the 12th of July, 2025.", "12th of July, 2025", "2025-07-12"),
        ("The report (global-ai-robotics-report-2025-04-12) was filed.", "2025-04-12", "2025-04-12"),
        ("The ISO date 2025-04-12 is unambiguous.", "2025-04-12", "2025-04-12"),
        ("Filed on 4/12/2025 by the agency.", "4/12/2025", "2025-04-12"),
        ("Filed on 25/12/2025 by the agency.", "25/12/2025", "2025-12-25"),
        ("Filed on 12.04.2025 by the agency.", "12.04.2025", "2025-04-12"),
        ("Leap day is February 29, 2024.", "February 29, 2024", "2024-02-29"),
        ("Dated Sept. 3rd, 2025 in the minutes.", "Sept. 3rd, 2025", "2025-09-03"),
    ],
)
def test_dates_days(text, fragment, iso):
    d = one(text)
    assert d.text == fragment
    assert fields(d) == (iso, "day", iso, iso)


def test_dates_invalid_day_is_not_a_day():
    found = extract_dates("The memo is dated February 30, 2025.")
    assert all(d.granularity != "day" for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "May we add that the plan is bold?",
        "Shipments may rise in May and June.",
        "The summit opened on July 12 in Geneva.",
        "Mar the surface and march on.",
    ],
)
def test_dates_month_names_need_a_year(text):
    assert extract_dates(text) == []


# ----------------------------------------------------------------- quarters and halves


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("EU AI Act (Full enforcement begins Q3 2025)", "Q3 2025"),
        ("Revenue in the third quarter of 2025 rose 8%.", "third quarter of 2025"),
        ("Revenue in 3Q25 rose 8%.", "3Q25"),
        ("Revenue in Q3'25 rose 8%.", "Q3'25"),
        ("Revenue in 2025 Q3 rose 8%.", "2025 Q3"),
        ("Revenue in Q3-2025 rose 8%.", "Q3-2025"),
        ("Revenue in the Third-Quarter 2025 rose 8%.", "Third-Quarter 2025"),
    ],
)
def test_dates_quarters(text, fragment):
    d = one(text)
    assert d.text == fragment
    assert fields(d) == ("2025-Q3", "quarter", "2025-07-01", "2025-09-30")


def test_dates_quarter_begins_is_since():
    assert one("EU AI Act (Full enforcement begins Q3 2025)").qualifier == "since"


def test_dates_fourth_quarter_ends_in_december():
    assert fields(one("Deliveries in Q4 2024 beat estimates.")) == ("2024-Q4", "quarter", "2024-10-01", "2024-12-31")


@pytest.mark.parametrize(
    "text, value, first, last",
    [
        ("Sales in H1 2025 were strong.", "2025-H1", "2025-01-01", "2025-06-30"),
        ("Sales in the first half of 2025 were strong.", "2025-H1", "2025-01-01", "2025-06-30"),
        ("Sales in 2H24 were weak.", "2024-H2", "2024-07-01", "2024-12-31"),
        ("Sales in the second half of 2024 were weak.", "2024-H2", "2024-07-01", "2024-12-31"),
    ],
)
def test_dates_halves_are_ranges(text, value, first, last):
    d = one(text)
    assert (d.value, d.granularity, d.first, d.last) == (value, "range", first, last)


# ----------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("China’s “AI+” Action Plan (2025-2030)", "2025-2030"),
        ("The plan covers 2025–2030 in two phases.", "2025–2030"),
        ("The plan covers 2025 to 2030 in two phases.", "2025 to 2030"),
        ("The plan runs from 2025 to 2030 in two phases.", "from 2025 to 2030"),
        ("The plan runs between 2025 and 2030 in two phases.", "between 2025 and 2030"),
        ("The plan covers 2025 - 2030 in two phases.", "2025 - 2030"),
        ("The plan covers 2025/2030 in two phases.", "2025/2030"),
        ("The plan covers 2025-30 in two phases.", "2025-30"),
    ],
)
def test_dates_year_ranges(text, fragment):
    d = one(text)
    assert d.text == fragment
    assert fields(d) == ("2025/2030", "range", "2025-01-01", "2030-12-31")


def test_dates_fiscal_style_short_range():
    assert fields(one("Budget for 2024-25 is set.")) == ("2024/2025", "range", "2024-01-01", "2025-12-31")


def test_dates_ranges_of_months_days_and_quarters():
    d = one("Trials ran July–September 2025 in Shenzhen.")
    assert (d.granularity, d.first, d.last) == ("range", "2025-07-01", "2025-09-30")
    d = one("The fair runs July 12-14, 2025 in Shanghai.")
    assert (d.granularity, d.first, d.last) == ("range", "2025-07-12", "2025-07-14")
    d = one("Growth from Q1 2024 to Q3 2025 was steady.")
    assert (d.value, d.first, d.last) == ("2024-Q1/2025-Q3", "2024-01-01", "2025-09-30")
    d = one("Prices held from July 2024 to March 2025.")
    assert (d.first, d.last) == ("2024-07-01", "2025-03-31")


def test_dates_two_years_with_and_are_not_a_range():
    found = extract_dates("Output rose in 2023 and 2024.")
    assert [d.value for d in found] == ["2023", "2024"]


def test_dates_reversed_years_are_not_a_range():
    found = extract_dates("Compare 2030 to 2025 figures.")
    assert all(d.granularity == "year" for d in found)


def test_dates_decades():
    d = one("Robot density has grown since the 1990s.")
    assert d.text == "1990s"
    assert fields(d) == ("1990/1999", "range", "1990-01-01", "1999-12-31")
    assert d.qualifier == "since"
    assert one("Growth in the 2020s is fast.").value == "2020/2029"


# ----------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "Global robot installations up 35% year-on-year.",
        "It boosts manufacturing GDP by 8% annually.",
        "Tesla targets 10,000 units monthly.",
        "The AU has adopted a 10-year AI masterplan.",
        "The robot features 8-hour battery life.",
        "The platform reconstructs 3,500-year-old oracle bone inscriptions.",
        "The capital hosts 14 national AI labs and 123 models.",
        "Using Moore’s MTT S4000 GPUs, the cluster achieved 82% of A100 efficiency.",
        "",
        "No digits here at all.",
    ],
)
def test_dates_relative_words_and_figures_are_not_dates(text):
    assert extract_dates(text) == []


def test_dates_exclude_spans_are_ignored():
    text = "In 2023, output rose; by 2028 it will double."
    assert [d.value for d in extract_dates(text, exclude=[(3, 7)])] == ["2028"]


def test_dates_results_sorted_with_exact_spans():
    text = "From Q3 2025, after July 12, 2025, and by 2028, the 2025–2030 plan applies."
    found = extract_dates(text)
    assert [d.start for d in found] == sorted(d.start for d in found)
    assert [d.granularity for d in found] == ["quarter", "day", "year", "range"]
    for d in found:
        assert text[d.start:d.end] == d.text


def test_dates_first_not_after_last():
    text = "Between 2019 and 2023, Q2 2024, H2 2025, 1990s, February 2023, 2024-02-29."
    for d in extract_dates(text):
        assert d.first <= d.last


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_dates_never_raise_and_spans_are_exact(text):
    for d in extract_dates(text):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text
        assert d.first <= d.last


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["2025", "19", "20", "-", "–", "/", ".", ",", " ", "Q", "H", "FY", "July ", "12", "s",
             "in ", "from ", "between ", " and ", " to ", "'", "3", "0", "٢٠٢٥", "units"]
        ),
        max_size=20,
    ).map("".join)
)
def test_dates_date_soup_never_raises(text):
    for d in extract_dates(text):
        assert text[d.start:d.end] == d.text
        assert d.granularity in ("range", "year", "quarter", "month", "day")


def test_dates_tokenised_comma_between_day_and_year():
    assert fields(one("The museum reopened on October 3 , 2016 .")) == ("2016-10-03", "day", "2016-10-03", "2016-10-03")


def test_dates_older_years_with_a_month_or_a_date_preposition():
    assert one("The treaty was signed in March 1648 at Osnabrück.").value == "1648-03"
    assert one("The canal has been in use since 1822 .").value == "1822"
    assert extract_dates("The ward treated 1750 patients") == []
    assert extract_dates("Each of the 1620 seats was taken") == []


def test_quarter_trigger_equals_the_case_insensitive_words():
    import re

    from checker.extract.dates import _TRIGGERS

    loose = re.compile(r"[QH][1-4]|[1-4][QH]|(?i:quarter|half)")
    for text in ["Q3 2024", "3Q", "the QUARTER", "First Half of 2023", "qUaRtEr", "halfway", "H1", "hal f", "quartet"]:
        assert bool(_TRIGGERS["P"].search(text)) == bool(loose.search(text)), text


def test_dates_one_calendar_day_in_two_wordings_supports():
    from checker.extract.claims import sentence_claim
    from checker.model import Claim
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.dates import DateMismatch

    def claim(text, cid):
        return Claim(id=cid, doc=cid, path=cid, start=0, end=len(text), line=1, column=1, text=text,
                     section="body", **sentence_claim(text))

    rule = DateMismatch({})
    a = claim("Harbour tolls under the Velmar accord took effect on 3 March 2031.", "a")
    b = claim("Since March 3, 2031, ships docking in Velmar have paid the accord's harbour tolls.", "b")
    assert [v.relation for v in rule.compare(a, b, PairContext(similarity=0.5))] == ["supports"]
    assert rule.compare(a, b, PairContext(similarity=0.3)) == []
    # no shared word: one day, two events
    c = claim("Ratification by the last member closed on 3 March 2031 in Lisbon.", "c")
    assert rule.compare(a, c, PairContext(similarity=0.5)) == []


def test_dates_chinese_year_month_day_forms():
    from checker.extract.dates import extract_dates

    found = extract_dates("这座大桥于2031年3月5日通车,全长12.4公里。")
    assert [(d.text, d.value, d.granularity) for d in found] == [("2031年3月5日", "2031-03-05", "day")]
    found = extract_dates("第二座码头于2032 年10月动工,预计2033年完工。")
    assert [(d.value, d.granularity) for d in found] == [("2032-10", "month"), ("2033", "year")]


def test_a_moved_date_is_two_dates_not_a_range():
    from checker.extract.dates import extract_dates

    got = [(d.value, d.qualifier) for d in extract_dates("The opening was postponed from 2026 to 2029.")]
    assert got == [("2026", "formerly"), ("2029", None)]
    got = [(d.value, d.qualifier) for d in extract_dates("The launch was pushed back from May 2024 to August 2024.")]
    assert got == [("2024-05", "formerly"), ("2024-08", None)]
    # a plain "from ... to ..." is still a range
    assert [d.value for d in extract_dates("The plan runs from 2025 to 2030.")] == ["2025/2030"]
    # the new date may be either of two
    got = [(d.value, d.qualifier) for d in extract_dates("The opening was postponed from 2026 to 2028 or 2029.")]
    assert got == [("2026", "formerly"), ("2028/2029", None)]


def test_either_of_two_dates_is_a_date_within_them():
    from checker.extract.dates import extract_dates

    got = [(d.text, d.value, d.qualifier) for d in extract_dates("The plant should open in 2027 or 2028.")]
    assert got == [("2027 or 2028", "2027/2028", "in")]
    got = [(d.value, d.granularity) for d in extract_dates("Trials end in Q3 2026 or Q4 2026.")]
    assert got == [("2026-Q3/2026-Q4", "range")]
    # dates of two granularities, or a date and no other, stay apart
    assert [d.value for d in extract_dates("It opened in March 2026 or 2027.")] == ["2026-03", "2027"]
    assert [d.value for d in extract_dates("It opens in 2027 or later.")] == ["2027"]


def test_value_span_reads_back_every_value_the_extractor_writes():
    from checker.extract.dates import extract_dates, value_span

    text = "In 2023, in Q3 2024, in the first half of 2025, in July 2024, on 15 July 2024 and over 2025-2030."
    for d in extract_dates(text):
        assert value_span(d.value) == (d.value, d.granularity, d.first, d.last), d
    assert value_span("2024-13") is None and value_span("2025-02-30") is None and value_span("soon") is None


def test_months_and_quarters_of_a_year_are_a_range():
    from checker.extract.dates import extract_dates

    got = [(d.text, d.value, d.last) for d in extract_dates("In the first nine months of 2031, revenue was $3 billion.")]
    assert got == [("first nine months of 2031", "2031-01/2031-09", "2031-09-30")]
    got = [(d.value, d.first) for d in extract_dates("Sales fell in the last two quarters of 2031.")]
    assert got == [("2031-Q3/2031-Q4", "2031-07-01")]
    assert [d.value for d in extract_dates("in the first 6 months of 2030")] == ["2030-01/2030-06"]
    # twelve months of a year are the year
    assert [d.value for d in extract_dates("the first twelve months of 2031")] == ["2031"]


def test_quarters_and_halves_named_with_or_without_a_year():
    from checker.frame.timeframe import periods_named

    assert periods_named("revenue in the first quarter") == {"Q1"} == periods_named("Q1 revenue")
    assert periods_named("fourth-quarter results") == {"Q4"} and periods_named("2Q24 sales") == {"Q2"}
    assert periods_named("in the first half of 2024") == {"H1"} == periods_named("H1 sales")
    assert periods_named("rose in Q2 from Q1") == {"Q1", "Q2"}
    assert not periods_named("the first nine months") and not periods_named("a quarter of the market")
    assert not periods_named("its headquarters in Lyon")


def test_relative_periods_read_against_one_made_up_date():
    from checker.frame.timeframe import relative_periods

    (last,) = relative_periods("Revenue was $4.2 billion last year.")
    (this,) = relative_periods("Revenue was $3.9 billion this year.")
    assert last[0] == "last year" and this[0] == "this year"
    assert last[2] < this[1]  # the year before, whatever the year
    assert relative_periods("Revenue was $3.9 billion in 2023.") == []
