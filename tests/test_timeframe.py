"""Relative time resolved against a document's date, and period bounds."""

from checker.frame.timeframe import fact_time, period_bounds, resolve_relative


def test_relative_forms():
    assert resolve_relative("last year", "2024-03-05") == "2023"
    assert resolve_relative("the previous quarter", "2024-02-10") == "2023-Q4"
    assert resolve_relative("this quarter", "2024-08-10") == "2024-Q3"
    assert resolve_relative("last month", "2025-01-03") == "2024-12"
    assert resolve_relative("yesterday", "2024-03-01") == "2024-02-29"
    assert resolve_relative("now", "2024-03-01") == "2024-03-01"


def test_fact_time_relative_and_as_of():
    s = "Sales rose to 40 units last year."
    slot = fact_time((), (14, 16), "2024-06-01", sentence=s)
    assert (slot.value, slot.source, slot.text) == ("2023", "relative", "last year")
    slot = fact_time((), (0, 2), "2024-06-01", sentence="It has 26 stores.", anchor_source="given date")
    assert (slot.value, slot.source) == ("2024-06-01", "given date")


def test_period_bounds():
    assert period_bounds("2024") == ("2024-01-01", "2024-12-31")
    assert period_bounds("2024-Q1") == ("2024-01-01", "2024-03-31")
    assert period_bounds("2023-02") == ("2023-02-01", "2023-02-28")


def test_weekday_end_of_year_and_differ():
    from checker.frame.timeframe import times_differ
    from checker.model import Slot
    assert resolve_relative("on Monday", "2024-03-06") == "2024-03-04"
    assert resolve_relative("by the end of the year", "2024-03-06") == "2024"
    assert times_differ(Slot("2024", "", "sentence"), Slot("2023-Q4", "", "relative"))
    assert not times_differ(Slot("2024", "", "sentence"), Slot("2024-Q4", "", "relative"))
    assert not times_differ(Slot("2024-03-01", "", "document date"), Slot("2024-09-01", "", "document date"))
    assert times_differ(Slot("2024-03-01", "", "document date"), Slot("2023-09-01", "", "given date"))


def _at(sentence: str, figure: str) -> tuple[int, int]:
    i = sentence.index(figure)
    return i, i + len(figure)


def _time(sentence, figure, anchor="2024-06-10", dates=None):
    from checker.extract.dates import extract_dates
    found = tuple(extract_dates(sentence)) if dates is None else dates
    slot = fact_time(found, _at(sentence, figure), anchor, sentence=sentence)
    return None if slot is None else (slot.value, slot.source)


def test_a_year_earlier_moves_the_main_time_of_its_own_figure_only():
    s = "The cooperative ran 31 depots in 2022, up from 24 a year earlier."
    assert _time(s, "31") == ("2022", "sentence")
    assert _time(s, "24") == ("2021", "relative")
    s = "Orders reached 900 last year, up from 700 a year before."
    assert _time(s, "900") == ("2023", "relative")
    assert _time(s, "700") == ("2022", "relative")
    s = "The club counts 410 members, compared with 380 the previous year."
    assert _time(s, "410") == ("2024-06-10", "document date")
    assert _time(s, "380") == ("2023", "relative")


def test_previous_quarter_moves_a_quarter_back():
    s = "Output was 12 tonnes in Q3 2024, against 9 tonnes in the previous quarter."
    assert _time(s, "12") == ("2024-Q3", "sentence")
    assert _time(s, "9") == ("2024-Q2", "relative")


def test_nearest_relative_expression_of_the_clause_applies():
    s = "The ferry carried 80 cars last month and 95 cars this month."
    assert _time(s, "80") == ("2024-05", "relative")
    assert _time(s, "95") == ("2024-06", "relative")
    s = "Last year, the bakery sold 5,000 loaves."
    assert _time(s, "5,000") == ("2023", "relative")


def test_now_and_currently_only_date_their_own_clause():
    s = "The library now lends 300 e-readers, while 120 were lent in its first season."
    assert _time(s, "300") == ("2024-06-10", "relative")
    assert _time(s, "120") == ("2024-06-10", "document date")
    s = "Now that the bridge is open, 4,000 cyclists cross it each day."
    assert _time(s, "4,000") == ("2024-06-10", "document date")
    s = "The clinic currently has 14 nurses, against 9 in 2019."
    assert _time(s, "14") == ("2024-06-10", "relative")
    assert _time(s, "9") == ("2019", "sentence")


def test_year_on_year_is_a_change_not_a_time():
    s = "Ticket sales rose 8% year-on-year."
    assert _time(s, "8%") == ("2024-06-10", "document date")


def test_no_anchor_no_relative_time():
    s = "Orders reached 900 last year."
    assert _time(s, "900", anchor=None) is None


def test_the_date_a_record_goes_back_to_is_no_figures_time():
    assert _time("Unemployment fell to 3.9% in May, the lowest since 2019.", "3.9%") == ("2024-05", "relative")
    assert _time("Shares rose 8%, their biggest one-day gain since March 2020.", "8%") == ("2024-06-10", "document date")
    assert _time("Orrin reported a profit of $2 million, its first since 2015.", "$2 million") == ("2024-06-10", "document date")
    # a change since a date is of the period from it
    assert _time("Revenue has grown 40% since 2019.", "40%") == ("2019", "sentence")


def test_a_month_of_no_year_is_read_against_the_documents_date():
    # a past figure's month is the latest not after the page's date; a plan's the next
    assert resolve_relative("In April", "2031-12-02") == "2031-04"
    assert resolve_relative("in December", "2031-03-20") == "2030-12"
    assert resolve_relative("in March", "2031-03-20") == "2031-03"
    assert resolve_relative("in April", "2031-12-02", ahead=True) == "2032-04"
    assert resolve_relative("in December", "2031-03-20", ahead=True) == "2031-12"
    assert resolve_relative("last  October", "2031-10-02") == "2030-10"
    assert resolve_relative("last June", "2031-10-02") == "2031-06"
    assert resolve_relative("next March", "2031-10-02") == "2032-03"
    assert resolve_relative("this May", "2031-10-02") == "2031-05"
    assert resolve_relative("in early June", "2031-10-02") == "2031-06"
    assert resolve_relative("in November", "2031") == "2031-11"  # a page dated by its year alone
    s = "In April, floods on the Dorne displaced 12,000 people."
    assert _time(s, "12,000", anchor="2031-11-30") == ("2031-04", "relative")
    assert _time("The ferry line carried 9,000 riders a day in May.", "9,000", anchor="2031-11-30") == ("2031-05", "relative")
    # a month with a year or a day is a date of the sentence, not a relative time; "May" alone, a verb;
    # "in March last year" is dated by the year ("last year")
    assert _time("Exports reached $4 billion in March 2030.", "$4 billion", anchor="2031-11-30") == ("2030-03", "sentence")
    assert _time("Exports may reach $4 billion.", "$4 billion", anchor="2031-11-30") == ("2031-11-30", "document date")
    assert _time("In March last year, exports reached $4 billion.", "$4 billion", anchor="2031-11-30") == ("2030", "relative")


def test_a_day_of_a_month_of_no_year_is_the_nearest_such_day_or_as_the_tense_says():
    assert resolve_relative("on October 2", "2034-10-01", None) == "2034-10-02"  # tomorrow, as a schedule says
    assert resolve_relative("on 2 October", "2034-10-05", None) == "2034-10-02"
    assert resolve_relative("on October 2", "2034-10-01", False) == "2033-10-02"  # told in the past
    assert resolve_relative("on October 2nd", "2034-10-05", True) == "2035-10-02"  # a plan
    assert resolve_relative("on February 30", "2034-10-05", None) is None
    s = "The ferry line starts on May 4 with 14 boats."
    slot = fact_time((), _at(s, "14"), "2034-04-20", sentence=s, ahead=None)
    assert (slot.value, slot.source, slot.text) == ("2034-05-04", "relative", "on May 4")
    # with a year, a date of the sentence
    assert _time("The ferry line started on May 4, 2033 with 14 boats.", "14", anchor="2034-04-20") == ("2033-05-04", "sentence")


def test_fact_time_of_a_plan_reads_its_month_ahead():
    s = "The ferry line will open in February with 14 boats."
    slot = fact_time((), _at(s, "14"), "2031-11-30", sentence=s, ahead=True)
    assert (slot.value, slot.source) == ("2032-02", "relative")
    slot = fact_time((), _at(s, "14"), "2031-11-30", sentence=s)
    assert (slot.value, slot.source) == ("2031-02", "relative")


def test_months_named_as_times():
    from checker.frame.timeframe import months_named
    assert months_named("Orrin's market value topped $1 trillion in June.") == {"June"}
    assert months_named("Sales fell from March 3 to early April 2024.") == {"March", "April"}
    assert months_named("May Orrin's revenue rise? It may.") == frozenset()  # the modal verb
    assert months_named("In April, floods displaced 12,000 people.") == {"April"}  # opening the sentence


def test_ordinal_events_and_frequencies_named():
    from checker.frame.timeframe import frequencies_named, ordinal_events_named
    assert ordinal_events_named("Turnout was 67% in the first round and 72% in the final round.") == {"round 1", "round final"}
    assert ordinal_events_named("Orrin's first store opened in 2010.") == frozenset()
    assert frequencies_named("It handles 3 million orders every week, or 430,000 daily.") == {"week", "day"}
    assert frequencies_named("A quarter of revenue came from cloud.") == frozenset()  # a share, not how often


def test_the_date_of_a_base_written_after_a_figure_is_the_bases_time_only():
    from checker.extract.dates import extract_dates

    s = "Parks get $180 million, up from $150 million in 2030."
    dates = tuple(extract_dates(s))
    main = fact_time(dates, (s.index("$180"), s.index("$180") + 12), "2031-03-02", sentence=s)
    base = fact_time(dates, (s.index("$150"), s.index("$150") + 12), "2031-03-02", sentence=s)
    assert (main.value, main.source) == ("2031-03-02", "document date")
    assert (base.value, base.source) == ("2030", "sentence")
    s = "Sales were $3 billion, compared with $2.5 billion in 2030."
    slot = fact_time(tuple(extract_dates(s)), (11, 21), None, sentence=s)
    assert slot is None
    # a figure's own date stays its own, and the sentence's one date dates a figure with no base
    s = "The port handled 9.2 million containers in 2032, up from 8.1 million in 2031."
    assert fact_time(tuple(extract_dates(s)), (17, 28), None, sentence=s).value == "2032"
    s = "Parks get $180 million, the council said in 2030."
    assert fact_time(tuple(extract_dates(s)), (10, 22), None, sentence=s).value == "2030"


def test_the_day_something_was_said_on_is_no_day_of_its_figures():
    from checker.frame.timeframe import days_named

    assert days_named("Valdor said on Thursday that revenue rose 6% in 2031.") == frozenset()
    assert days_named("Valdor told investors on Friday that it would cut 800 jobs.") == frozenset()
    assert days_named("Valdor's shares rose 6% on Thursday.") == {"Thursday"}
