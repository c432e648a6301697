"""The time a fact holds for: a date of its own sentence, a relative expression resolved
against the document's date, or the document's date itself ("as of")."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from ..model import DateExpr, Slot

_YEAR_REL = {"last year": -1, "previous year": -1, "past year": -1, "this year": 0,
             "next year": 1, "a year earlier": -1, "a year ago": -1, "a year before": -1,
             "two years ago": -2, "earlier this year": 0, "year-on-year": -1}
_RELATIVE = re.compile(
    r"\b(last year|previous year|this year|next year|a year earlier|a year ago|a year before|"
    r"two years ago|earlier this year|year-on-year|(?:the )?(?:previous|last|past) quarter|"
    r"this quarter|last month|this month|yesterday|today|now|currently|by the end of the year|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _anchor_date(anchor: str) -> _dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", anchor or "")
    if not m:
        return None
    return _dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def resolve_relative(text: str, anchor: str) -> str | None:
    """The ISO-like period of the relative expression ``text`` read on date ``anchor``."""
    d = _anchor_date(anchor)
    if d is None:
        return None
    t = text.lower().strip()
    if t in _YEAR_REL:
        return str(d.year + _YEAR_REL[t])
    q = (d.month - 1) // 3 + 1
    if t.endswith("quarter"):
        if t == "this quarter":
            return f"{d.year}-Q{q}"
        y, q = (d.year - 1, 4) if q == 1 else (d.year, q - 1)
        return f"{y}-Q{q}"
    if t == "last month":
        y, m = (d.year - 1, 12) if d.month == 1 else (d.year, d.month - 1)
        return f"{y}-{m:02d}"
    if t == "this month":
        return f"{d.year}-{d.month:02d}"
    if t == "yesterday":
        return (d - _dt.timedelta(days=1)).isoformat()
    if t == "by the end of the year":
        return str(d.year)
    if t.startswith("on ") and t[3:] in _WEEKDAYS:
        back = (d.weekday() - _WEEKDAYS.index(t[3:])) % 7
        return (d - _dt.timedelta(days=back)).isoformat()
    if t in ("today", "now", "currently"):
        return anchor
    return None


def period_bounds(value: str) -> tuple[str, str] | None:
    """First and last day (ISO) of an ISO-like period: "2024", "2024-Q3", "2024-07", "2024-07-15"."""
    m = re.match(r"(\d{4})(?:-(?:Q([1-4])|(\d{2}))(?:-(\d{2}))?)?$", value or "")
    if not m:
        return None
    y = int(m[1])
    if m[4]:
        return (value, value)
    if m[2]:
        first, last = 3 * int(m[2]) - 2, 3 * int(m[2])
    elif m[3]:
        first = last = int(m[3])
    else:
        first, last = 1, 12
    return (f"{y}-{first:02d}-01", f"{y}-{last:02d}-{calendar.monthrange(y, last)[1]:02d}")


def fact_time(dates: tuple[DateExpr, ...], figure: tuple[int, int], anchor: str | None,
              *, sentence: str = "", anchor_source: str = "document date") -> Slot | None:
    """The time slot of the figure at ``figure`` (``(start, end)`` in the sentence): the
    sentence's date nearest to it, else a relative expression of ``sentence`` resolved
    against ``anchor``, else the document's date ``anchor`` (ISO, or None) with source
    ``anchor_source`` ("document date" or "given date")."""
    if dates:
        start, end = figure
        nearest = min(dates, key=lambda d: (abs((d.start + d.end) - (start + end)), d.start))
        return Slot(nearest.value, nearest.text, "sentence")
    if anchor and sentence:
        for m in _RELATIVE.finditer(sentence):
            value = resolve_relative(m.group(1), anchor)
            if value:
                return Slot(value, m.group(0), "relative")
    if anchor:
        return Slot(anchor, anchor, anchor_source)
    return None


def times_differ(a: Slot | None, b: Slot | None) -> bool:
    """Whether two time slots name different periods. Explicit or relative times differ
    when their periods do not overlap; an "as of" document or given date differs from
    another time only at year granularity (a present-tense figure in a 2024 page and
    one in a 2023 page are two periods). A missing slot never differs."""
    if a is None or b is None:
        return False
    as_of = ("document date", "given date")
    if a.source in as_of or b.source in as_of:
        return a.value[:4] != b.value[:4]
    ba, bb = period_bounds(a.value), period_bounds(b.value)
    if ba is None or bb is None:
        return a.value != b.value
    return ba[1] < bb[0] or bb[1] < ba[0]
