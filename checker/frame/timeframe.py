"""The time a fact holds for: a date of its own sentence, a relative expression resolved
against the document's date ("last year", "on Tuesday", "in April", "on October 2"), or the
document's date itself ("as of")."""

from __future__ import annotations

import datetime as _dt
import re

from ..extract.dates import MONTHS, value_span
from ..model import DateExpr, Slot

_YEAR_REL = {"last year": -1, "previous year": -1, "past year": -1, "this year": 0,
             "next year": 1, "a year earlier": -1, "a year ago": -1, "a year before": -1,
             "two years ago": -2, "earlier this year": 0}
_MONTHS_ALT = "(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_RELATIVE = re.compile(
    r"\b(last year|(?:the )?(?:previous|prior) year|past year|this year|next year|a year earlier|a year ago|"
    r"a year before|the year before|two years ago|earlier this year|(?:the )?(?:previous|last|past|prior) quarter|"
    r"the quarter before|this quarter|last month|this month|yesterday|today|now|currently|by the end of the year|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:in|during|last|this|next|(?:the )?(?:end|beginning|start|middle) of|(?:in )?(?:early|late|mid)|"
    r"in the (?:year|twelve months|12 months|three months|month|quarter) (?:to|through|ending|ended))[\s-]+"
    + _MONTHS_ALT
    + r"(?!,?\s*\d)(?!\s+(?:of\s+)?(?:last|this|next|the\s+(?:previous|following))\s+year)|"
    rf"on\s+(?:{_MONTHS_ALT}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS_ALT})(?!\d)(?!,?\s*\d{{4}}))"
    r"\b(?![-'’])", re.I)
#: A month of no year ("in April", "last March", "by early June" is no period): read against the
#: document's date, the latest such month not after it (or, for a plan or a forecast, the first not
#: before it); "last" and "next" say which.
_BARE_MONTH = re.compile(rf"(?:(last|this|next)\s+|.*?)({_MONTHS_ALT})$", re.I)
#: A day of a month of no year ("on October 2", "on 2 October"): read against the document's date,
#: the nearest such day (for a past figure the latest not after it; for a plan the first not before).
_MONTH_DAY = re.compile(rf"on ({_MONTHS_ALT}) (\d{{1,2}})(?:st|nd|rd|th)?|on (\d{{1,2}})(?:st|nd|rd|th)? ({_MONTHS_ALT})", re.I)
#: Expressions that date a figure against the sentence's main time, not the document's date:
#: "50 in 2024, up from 40 a year earlier" (40 is 2023). Value: ``(years, quarters)`` back.
_SHIFTS = {"a year earlier": (1, 0), "a year before": (1, 0), "the year before": (1, 0), "previous year": (1, 0),
           "the previous year": (1, 0), "prior year": (1, 0), "the prior year": (1, 0),
           "previous quarter": (0, 1), "the previous quarter": (0, 1), "prior quarter": (0, 1),
           "the prior quarter": (0, 1), "the quarter before": (0, 1)}
#: Time adverbs that date only the figure of their own clause ("it now has 26 stores").
_ADVERBS = ("now", "currently", "today")
#: Where a clause ends: punctuation, a comma before a space, or a conjunction or comparison.
_CLAUSE_BREAK = re.compile(
    r"[;:()\u2014\u2013]|,\s|\s(?:and|but|while|whereas|compared (?:with|to)|against|versus|vs\.?)\s"
    r"|\s(?=(?:up|down) from\b)|\s(?=from\s)", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _anchor_date(anchor: str) -> _dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", anchor or "")
    if not m:
        return None
    return _dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def resolve_relative(text: str, anchor: str, ahead: bool | None = False) -> str | None:
    """The ISO-like period of the relative expression ``text`` read on date ``anchor``; ``ahead``:
    True for a plan or a forecast, whose month of no year ("will open in April") is the next; False
    for a figure told in the past, whose month is the latest; None for neither (a month is then the
    latest, a day of a month the nearest: "goes on sale on October 2" on a page of October 1)."""
    d = _anchor_date(anchor)
    if d is None:
        return None
    t = " ".join(text.lower().split())
    day = _MONTH_DAY.fullmatch(t)
    if day:
        return _resolve_day(MONTHS[(day.group(1) or day.group(4)).lower()], int(day.group(2) or day.group(3)), d, ahead,
                            bool(re.fullmatch(r"\d{4}", anchor)))
    month = _BARE_MONTH.fullmatch(t)
    if month:
        return _resolve_month(MONTHS[month.group(2)], month.group(1), d, ahead if month.group(1) is None else None,
                              bool(re.fullmatch(r"\d{4}", anchor)))
    t = {"the quarter before": "previous quarter", "the year before": "previous year"}.get(t, t)
    t = t[4:] if t.startswith("the ") else t
    t = "previous year" if t == "prior year" else t
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


def _resolve_month(month: int, which: str | None, d: _dt.date, ahead: bool | None, year_only: bool) -> str:
    """The month ``month`` of the year that ``which`` ("last", "this", "next", or None) or, for
    None, ``ahead`` picks against the date ``d``; on a date of a year alone, that year's."""
    if year_only or which == "this":
        year = d.year
    elif which == "last":
        year = d.year if month < d.month else d.year - 1
    elif which is None and not ahead:
        year = d.year if month <= d.month else d.year - 1
    else:  # "next", or a plan's month
        year = d.year + 1 if month < d.month or (which == "next" and month == d.month) else d.year
    return f"{year}-{month:02d}"


def _resolve_day(month: int, day: int, d: _dt.date, ahead: bool | None, year_only: bool) -> str | None:
    """The day ``day`` of ``month`` of the year :func:`resolve_relative` picks against ``d``."""
    try:
        if year_only:
            return _dt.date(d.year, month, day).isoformat()
        options = [_dt.date(y, month, day) for y in (d.year - 1, d.year, d.year + 1)]
    except ValueError:
        return None  # "on February 30"
    if ahead:
        return min(o for o in options if o >= d).isoformat()
    if ahead is False:
        return max(o for o in options if o <= d).isoformat()
    return min(options, key=lambda o: abs((o - d).days)).isoformat()


def period_bounds(value: str) -> tuple[str, str] | None:
    """First and last day (ISO) of an ISO-like period: "2024", "2024-Q3", "2024-H1", "2024-07",
    "2024-07-15", "2024/2026" (:func:`checker.extract.dates.value_span`)."""
    span = value_span(value)
    return (span[2], span[3]) if span else None


def clause_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """``(first, last)`` offsets of the clause of ``sentence`` that holds ``start:end``: the text
    between the nearest clause breaks (punctuation, a comma and a space, "and", "but", "while",
    "compared with", "up from", ...) before and after it."""
    first, last = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            first = m.end()
        elif m.start() >= end:
            last = m.start()
            break
    return first, last


def _relatives(sentence: str) -> list[re.Match]:
    """The relative time expressions of ``sentence`` ("now that" is a conjunction, not a time)."""
    out = []
    for m in _RELATIVE.finditer(sentence):
        if m.group(1).lower() == "now" and re.match(r"\s+that\b", sentence[m.end():], re.I):
            continue
        out.append(m)
    return out


def _distance(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return abs((a[0] + a[1]) - (b[0] + b[1])), a[0]


def shift_period(value: str, years: int = 0, quarters: int = 0) -> str | None:
    """``value`` (``"2024"``, ``"2024-Q3"``, ``"2024-07"``, ``"2024-07-15"``) moved back by
    ``years`` and ``quarters``; None for a range, or quarters back from a year."""
    m = re.match(r"(\d{4})(-Q([1-4])|-\d{2}(?:-\d{2})?)?$", value or "")
    if not m:
        return None
    year, rest = int(m[1]) - years, m[2] or ""
    if quarters:
        if not m[3]:
            return None
        n = year * 4 + int(m[3]) - 1 - quarters
        return f"{n // 4}-Q{n % 4 + 1}"
    if rest.endswith("-02-29"):
        rest = "-02-28"
    return f"{year}{rest}"


#: A superlative or a first, then "since" a date: the date a record is measured back to ("the
#: lowest since 2019", "the highest level since the 2008 crisis", "its first profit since 2015").
_RECORD_SINCE = re.compile(
    r"\b(?:lowest|highest|biggest|largest|smallest|fastest|slowest|strongest|weakest|best|worst|steepest|"
    r"sharpest|deepest|greatest|cheapest|longest|shortest|busiest|hottest|coldest|warmest|wettest|driest|"
    r"most|least|fewest|first)\b(?:\s+[\w'’-]+){0,4}?\s+since\s+(?:(?:the|early|late|mid)\s+)?$",
    re.I,
)


def compared_since(sentence: str, d: DateExpr) -> bool:
    """The date ``d`` is what a record is measured back to ("3.9% in May, the lowest since 2019"):
    no figure's time, which is the figure's own (May), not the record's."""
    return d.qualifier == "since" and bool(sentence) and _RECORD_SINCE.search(sentence[max(0, d.start - 80) : d.start]) is not None


#: The words of a base a change is measured from, then its figure, up to the date that dates
#: the base ("up from $150 million *in* 2030", "compared with 2,800 *in* 2030").
_BASE = (r"\b(?:(?:up|down|rising|falling|increasing|decreasing|higher|lower)\s+from|compared\s+(?:with|to)|versus|against)"
         r"\s+[^,;:()]{0,40}?\d[^,;:()]{0,30}?")
_BASE_BEFORE_DATE = re.compile(_BASE + r"\b(?:in|during|for)\s+$", re.I)
#: The same, right before a relative time that dates the base ("down from 3.6% *in September*").
_BASE_BEFORE_RELATIVE = re.compile(_BASE + r"\s*$", re.I)


#: A change's figure then the words that lead to the period it is measured from: "rose 11% *from*
#: 2029", "up 9% *on* 2029", "4% higher *than in* 2029", "a 6% rise *compared with* 2029".
_FROM_BASE = re.compile(
    r"\s*(?:(?:higher|lower|more|less|up|down)\s+)?(?:from|on|over|than(?:\s+in)?|compared\s+(?:with|to)|versus|against)"
    r"\s+(?:the\s+)?$",
    re.I,
)
#: A date, then a "when" clause up to a figure in it: "since 1987*, when* 530 people died".
_WHEN_AFTER_DATE = re.compile(r",?\s+when\s+[^,;:.()]{0,60}?", re.I)


def _base_of_change(sentence: str, d: DateExpr, figure: tuple[int, int]) -> bool:
    """The date ``d`` is the period the change at ``figure`` is measured from, right after it
    ("ridership rose 11% *from 2029*", "up 9% on 2029"): the base's time, not the change's, which
    is the sentence's other time or the document's; not the start of a span ("from 2029 to 2031")."""
    end = figure[1]
    if not sentence or d.start <= end or d.start - end > 30 or not _FROM_BASE.fullmatch(sentence, end, d.start):
        return False
    return re.match(r"\s*(?:to|through|until|till|and|[-\u2013])\s", sentence[d.end:]) is None


def _dates_a_base_after(sentence: str, d: DateExpr, figure_end: int) -> bool:
    """The date ``d`` dates the base of a change written after the figure (that ends at
    ``figure_end``): "$180 million, up from $150 million *in 2030*"."""
    if not sentence or d.start <= figure_end:
        return False
    m = _BASE_BEFORE_DATE.search(sentence, figure_end, d.start)
    return m is not None and m.end() == d.start


def fact_time(dates: tuple[DateExpr, ...], figure: tuple[int, int], anchor: str | None,
              *, sentence: str = "", anchor_source: str = "document date", change: bool = False,
              ahead: bool | None = False) -> Slot | None:
    """The time slot of the figure at ``figure`` (``(start, end)`` in ``sentence``; ``change``: the
    figure is a change, whose base period right after it is no time of its: "rose 11% from 2029"; ``ahead``:
    :func:`resolve_relative`'s, or a function giving it for a relative time's offset), the first of:

    0. a date a "when" clause holding the figure follows ("since 1987, when 530 people died");
    1. a date of the figure's clause (:func:`clause_of`), the nearest;
    2. a relative expression of its clause, the nearest: "a year earlier", "the previous
       quarter" move the sentence's main time back ("50 in 2024, up from 40 a year earlier":
       40 is 2023); "now", "currently", "today" count only here, in the figure's own clause;
       the others ("last year") are read against ``anchor``;
    3. the sentence's date nearest to the figure;
    4. the sentence's relative expression nearest to the figure (not a time adverb, not one
       that moves another time), read against ``anchor``;
    5. the document's date ``anchor`` (ISO, or None) itself, with source ``anchor_source``
       ("document date", or "given date" when the user gave it: ``--date``).

    The sentence's main time (what "a year earlier" moves) is 3, 4 or 5 for the figure.
    """
    start, end = figure
    for d in dates:
        if sentence and d.end <= start and _WHEN_AFTER_DATE.fullmatch(sentence, d.end, start):
            # "the deadliest since 1987, *when 530 people died*": the date the clause is about
            return Slot(d.value, d.text, "sentence")
    first, last = clause_of(sentence, start, end) if sentence else (0, 0)
    dates = tuple(
        d for d in dates if not compared_since(sentence, d) and not (change and _base_of_change(sentence, d, figure))
    )
    in_clause = [d for d in dates if first <= d.start and d.end <= last]
    if in_clause:
        nearest = min(in_clause, key=lambda d: _distance((d.start, d.end), figure))
        return Slot(nearest.value, nearest.text, "sentence")
    # the date of another figure's base ("Parks get $180 million, up from $150 million in 2030")
    # is the base's time, not the figure's
    dates = tuple(d for d in dates if not _dates_a_base_after(sentence, d, end))
    # as is a relative time's ("rose 3.1% in the year to October, down from 3.6% in September")
    relatives = [m for m in _relatives(sentence) if not _BASE_BEFORE_RELATIVE.search(sentence, end, m.start())] if sentence else []
    own = [m for m in relatives if first <= m.start() and m.end() <= last]
    if own:
        m = min(own, key=lambda m: _distance(m.span(), figure))
        key = m.group(1).lower()
        if key in _SHIFTS:
            main = _main_time(dates, relatives, figure, anchor, anchor_source, ahead)
            as_of = main is None or main.source == anchor_source
            value = None if as_of else shift_period(main.value, *_SHIFTS[key])
            if value is None and anchor:
                value = resolve_relative(key, anchor, _ahead_at(ahead, m.start()))
            if value:
                return Slot(value, m.group(0), "relative")
        elif anchor:
            value = resolve_relative(key, anchor, _ahead_at(ahead, m.start()))
            if value:
                return Slot(value, m.group(0), "relative")
    return _main_time(dates, relatives, figure, anchor, anchor_source, ahead)


def _ahead_at(ahead, offset: int) -> bool | None:
    """``ahead`` for the relative time at ``offset``: a value, or a function of the offset (the
    tense of the verb that governs it: "opened *in May* and will employ ...")."""
    return ahead(offset) if callable(ahead) else ahead


def _main_time(dates, relatives, figure, anchor, anchor_source, ahead: bool | None = False) -> Slot | None:
    """Steps 3 to 5 of :func:`fact_time`."""
    if dates:
        nearest = min(dates, key=lambda d: _distance((d.start, d.end), figure))
        return Slot(nearest.value, nearest.text, "sentence")
    if anchor:
        free = [m for m in relatives if m.group(1).lower() not in _SHIFTS and m.group(1).lower() not in _ADVERBS]
        for m in sorted(free, key=lambda m: _distance(m.span(), figure)):
            value = resolve_relative(m.group(1), anchor, _ahead_at(ahead, m.start()))
            if value:
                return Slot(value, m.group(0), "relative")
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


#: A quarter or a half of a year, with its year or without ("Q2", "2Q24", "the second quarter",
#: "first-half", "H1").
_PERIOD_OF_YEAR = re.compile(
    r"\bQ(?P<q>[1-4])\b|\b(?P<q2>[1-4])Q(?=\d{2}\b|\b)|\bH(?P<h>[12])\b"
    r"|\b(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b"
    r"|\b(?P<hw>first|second|1st|2nd)[\s-]+half\b",
    re.I,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def periods_named(text: str) -> frozenset[str]:
    """The quarters and halves of a year that ``text`` names, with a year or without: "Q2" and
    "the second quarter" {"Q2"}, "the first half" and "H1" {"H1"}; empty where it names none.
    Two sentences of which each names such periods, none in common, state figures of two
    periods ("revenue in the first quarter" / "in the second quarter", "in the first half" /
    "in Q2"), though neither says of which year."""
    found: set[str] = set()
    for m in _PERIOD_OF_YEAR.finditer(text):
        if m["q"] or m["q2"] or m["qw"]:
            found.add(f"Q{m['q'] or m['q2'] or _ORDINALS[m['qw'].lower()]}")
        else:
            found.add(f"H{m['h'] or _ORDINALS[m['hw'].lower()]}")
    return frozenset(found)


#: A made-up date that relative times of a document with no date are read against: two
#: sentences of one such document share it, so "last year" and "this year" are two periods.
_UNKNOWN_DAY = "2000-07-15"


def relative_periods(sentence: str) -> list[tuple[str, str, str]]:
    """``(expression, first day, last day)`` of each relative time of ``sentence`` ("last year",
    "this quarter"), read against one made-up date: only two sentences of one document with no
    date may be compared by them ("last year" / "this year" there are two periods; in two
    documents of no date they may be one)."""
    out = []
    for m in _relatives(sentence):
        if _BARE_MONTH.fullmatch(" ".join(m.group(1).lower().split())):
            continue  # months of no year are compared by name (:func:`months_named`)
        value = resolve_relative(m.group(1), _UNKNOWN_DAY)
        bounds = period_bounds(value) if value else None
        if bounds is not None:
            out.append((m.group(1), *bounds))
    return out


#: Words that make a figure a running total, summed over all time so far: "has raised $65 million
#: in total", "sold 2 million units to date", "cumulative sales of 3 million".
_RUNNING = re.compile(
    r"\b(?:in total|to date|so far|in all|altogether|all told|cumulative(?:ly)?|"
    r"since (?:its|their|the (?:company|firm|group)['’]s) (?:founding|inception|launch|creation|start))\b",
    re.I,
)


def running_total(sentence: str, start: int, end: int) -> str | None:
    """The words of the clause of the figure at ``start:end`` that make it a running total ("in
    total", "to date", "so far", "cumulative"), lower case; None for a figure of one period or
    one event. "Raised $40 million in 2023" and "has raised $65 million in total" are two
    quantities, a year's and the sum of all years."""
    first, last = clause_of(sentence, start, end)
    m = _RUNNING.search(sentence, first, last)
    return m.group(0).lower() if m else None


#: The first period of a thing's life: "in its opening weekend", "in its first week", "on its
#: debut", "at launch" (not "in the first quarter", a quarter of the calendar).
_OPENING = re.compile(
    r"\b(?:in|on|during|over|across)\s+(?:(?:its|their|his|her)\s+(?:first|initial|opening|debut|launch)|the\s+(?:opening|debut|launch))\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|ten)\s+)?(?:weekend|week|weeks|day|days|hours|month|months|year|season|night|run)\b"
    r"|\b(?:on|in)\s+(?:its|their|his|her)\s+debut\b|\bat\s+(?:its\s+)?launch\b",
    re.I,
)


def opening_period(sentence: str, start: int, end: int) -> str | None:
    """The words of the clause of the figure at ``start:end`` that count it over the first period
    of a thing's life ("grossed $300 million in its opening weekend", "sold 1 million units in
    its first week"), lower case; None where its clause names none. Such a figure and the total
    ("$1.2 billion in total", or a figure of no period at all) are two quantities."""
    first, last = clause_of(sentence, start, end)
    m = _OPENING.search(sentence, first, last)
    return " ".join(m.group(0).lower().split()) if m else None


#: Relative times that date a figure a period before another time (:data:`_SHIFTS`, "a year ago").
_BACK = frozenset(_SHIFTS) | {"a year ago"}


def shifted_back(sentence: str, start: int, end: int) -> str | None:
    """The words of the clause of the figure at ``start:end`` that date it a period before the
    sentence's own ("4 million *a year earlier*", "in *the previous quarter*", "a year ago"), lower
    case; None where its clause has none. Such a figure and one of the period itself ("shipped 5
    million units in the quarter") are of two periods, whatever the pages' dates."""
    first, last = clause_of(sentence, start, end)
    for m in _relatives(sentence):
        word = m.group(1).lower()
        if first <= m.start() and m.end() <= last and word in _BACK:
            return word
    return None


def present_marked(sentence: str, start: int, end: int) -> str | None:
    """The time adverb ("now", "currently", "today") of the clause of the figure at
    ``start:end``, lower case; None where its clause has none. On a page of no date, "now has
    500 stores" is of another time than "had 300 stores in 2020", though of no known one."""
    first, last = clause_of(sentence, start, end)
    for m in _relatives(sentence):
        if first <= m.start() and m.end() <= last and m.group(1).lower() in _ADVERBS:
            return m.group(1).lower()
    return None


#: A month's name as a time: after a word that introduces a time ("in May", "by early June", "last
#: March") or before a day or a year ("May 3", "June 2024"); "May" alone is as often the modal verb.
_MONTH_WORDS = "|".join(sorted((m.capitalize() for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
_MONTH_NAMED = re.compile(
    r"(?:\b(?i:in|on|by|during|since|until|till|through|from|to|of|for|early|late|mid|end|last|this|next|each|every|between|and|or)[\s-]+)"
    rf"({_MONTH_WORDS})\b|\b({_MONTH_WORDS})(?=\s+\d)"
)


def months_named(text: str) -> frozenset[str]:
    """The months ``text`` names as times ("in May", "since June 2024", "March 3"), capitalised.
    Two figures of no date whose sentences name months, none in common, are of two months
    ("topped $1 trillion in June" / "fell to $800 billion in October"), whatever the year."""
    return frozenset(m.group(1) or m.group(2) for m in _MONTH_NAMED.finditer(text))


#: An ordinal event of a series: "the first round", "the second leg", "its third wave", "the final day".
_ORDINAL_EVENT = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|final|1st|2nd|3rd|4th|5th|6th)\s+"
    r"(round|leg|wave|dose|day|week|season|term|game|match|heat|lap|ballot|reading|session|inning)s?\b",
    re.I,
)
_ORDINAL_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "final": "final"}


def ordinal_events_named(text: str) -> frozenset[str]:
    """The ordinal events of a series ``text`` names ("turnout in the first round": {"round 1"}).
    Two sentences of which each names such events, none in common, state figures of two
    events ("67% in the first round" / "72% in the second round")."""
    return frozenset(f"{m.group(2).lower()} {_ORDINAL_NUMBERS[m.group(1).lower()]}" for m in _ORDINAL_EVENT.finditer(text))


#: How often: "daily", "every week", "per month", "a year" after a verb or a count.
_FREQUENCY = re.compile(
    r"\b(?:(daily|weekly|monthly|quarterly|yearly|annually|hourly)|(?:every|each|per|a|an)\s+(day|week|month|quarter|year|hour))\b(?!\s+of\b)",
    re.I,
)
_FREQUENCY_UNIT = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year",
                   "annually": "year", "hourly": "hour"}


def frequencies_named(text: str) -> frozenset[str]:
    """How often the things ``text`` counts happen, as a unit ("used the app daily", "every day":
    {"day"}). Two sentences of which each names such frequencies, none in common, count two things
    ("30% used the app daily" / "45% used it weekly")."""
    return frozenset(
        _FREQUENCY_UNIT[m.group(1).lower()] if m.group(1) else m.group(2).lower() for m in _FREQUENCY.finditer(text)
    )


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)


def days_named(text: str) -> frozenset[str]:
    """The days of the week ``text`` names ("on Monday", "Tuesday's close"), capitalised. Two
    sentences of which each names such days, none in common, state figures of two days ("rose 5%
    on Monday" / "rose 3% on Tuesday"), whatever the week. The day something was said on ("said
    on Thursday that ...") is no figure's day."""
    return frozenset(
        m.group(1).capitalize() for m in _WEEKDAY.finditer(text) if not _SAID_ON.search(text, 0, m.start())
    )


#: A verb of saying just before "on <day>": the day something was said, not a figure's day
#: ("Halvard said on Thursday that revenue rose 6% in 2031").
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\w+|stated|disclosed|confirmed|revealed|added|wrote)\s+(?:\w+\s+)?on\s+$", re.I
)
