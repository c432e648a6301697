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
