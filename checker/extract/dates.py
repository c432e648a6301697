"""Find dates and date ranges in a sentence: days, months, quarters, halves, years.

Recognised forms, each normalised to a :class:`~checker.model.DateExpr` whose
``first``/``last`` are the first and last ISO day it covers:

* days: ``2025-04-12``, ``April 12, 2025``, ``12 July 2025``, ``4/12/2025``
* months: ``July 2025``, ``Jul. 2025``, ``2025-07``, ``07/2025``
* quarters: ``Q3 2025``, ``3Q25``, ``Q3'25``, ``2025 Q3``, ``the third quarter of 2025``
* halves (granularity ``range``, value ``2025-H1``): ``H1 2025``, ``1H25``, ``first half of 2025``;
  months and quarters of a year (``the first nine months of 2024``: ``2024-01/2024-09``)
* years 1900-2099: ``in 2023``, ``FY2024``, ``fiscal 2024``, ``the 2025 update``
* ranges (value ``first/last``): ``2025-2030``, ``2025–30``, ``2025 to 2030``,
  ``from 2025 to 2030``, ``between 2025 and 2030``, ``July–September 2025``,
  ``July 12-14, 2025``, ``Q1 2024 to Q3 2025``, decades (``the 1990s``), and either of two
  dates (``2027 or 2028``: the date lies within them)

The ``text`` of an expression starts at its first date word: a preposition before
it (``in``, ``by``, ``since``...) is left out and reported, normalised, in
``qualifier``; ``from``/``between`` that open a range are part of the range text.

A bare four-digit number is a year unless its context says it is an amount:
glued to a currency sign or a word (``$2025``, ``A2025``), part of a larger number
(``2,025``, ``2025.5``), followed by a unit, scale or percent sign, preceded by an
amount qualifier (``more than 2000``) or a label (``No. 2000``), or followed by a
counted noun (``2025 units``, ``2000 new jobs``) with no date preposition before it.
Month names count only with a year; relative words (``annually``, ``10-year``)
are not dates.

The same module reads a document's own date, with the same month names: a dateline at the
start of one of its first blocks (:func:`locate_dateline`: "April 12, 2025 — ...",
"Published: Apr. 3, 2024", "By Jane Doe | 3 March 2025", "BEIJING, April 12, 2025 —") and a
metadata value (:func:`parse_date`: ``2025-07-01T08:00:00Z``, ``Sat, 12 Apr 2025 10:00:00 GMT``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from checker.model import DateExpr
from checker.extract.numberwords import NUMBER_WORDS
from checker.extract.spans import SpanSet

__all__ = ["extract_dates", "COUNTED_NOUNS", "find_dateline", "locate_dateline", "parse_date", "DATELINE_BLOCKS"]

# --------------------------------------------------------------------------- tables

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}

#: Words before a date, mapped to the qualifier they give it.
QUALIFIERS: dict[str, str] = {
    "in": "in", "during": "in", "throughout": "in", "within": "in", "as of": "in",
    "by": "by",
    "before": "before", "prior to": "before", "ahead of": "before", "pre": "before",
    "after": "after", "post": "after", "following": "after",
    "since": "since", "from": "since", "starting": "since", "starting in": "since",
    "starting from": "since", "beginning": "since", "beginning in": "since",
    "begins": "since", "begins in": "since", "effective": "since",
    "effective from": "since", "as from": "since",
    "until": "until", "till": "until", "til": "until", "through": "until",
    "up to": "until",
}

#: Plural nouns that make a preceding 19xx/20xx number a count, not a year
#: ("2025 units"). Measure words are here too ("2000 hours", "1990 tonnes").
COUNTED_NOUNS = frozenset(
    """
    units people persons individuals workers employees staff jobs firms companies
    enterprises businesses startups start-ups robots drones vehicles cars trucks
    gpus chips processors servers machines devices patents papers users customers
    subscribers students researchers engineers scientists developers members
    households homes families children patients doctors nurses stores shops
    factories plants sites facilities warehouses labs projects apps applications
    downloads cases deaths visitors tourists participants respondents votes seats
    troops soldiers ships aircraft planes flights barrels acres hectares items
    products shares times copies pieces installations deployments licenses
    hours minutes seconds days weeks months years tonnes tons kilometres kilometers
    km miles metres meters feet kg kilograms qubits exaflops petaflops teraflops
    megawatts gigawatts kilowatts mw gw kw
    """.split()
)

# --------------------------------------------------------------------------- patterns

_YEAR = r"(?:19|20)[0-9]{2}"
#: With a month name, or after a date preposition, a year may be older ("September 1894", "in 1815").
_OLD_YEAR = r"1[5-8][0-9]{2}"
_ANY_YEAR = rf"(?:{_OLD_YEAR}|{_YEAR})"
#: An optional comma between a day and its year, also as tokenised text writes it ("August 8 , 2005").
_COMMA = r"(?:\s*,)?"
_MON = "|".join(
    alt for name in sorted(MONTHS, key=len, reverse=True) for alt in (name.capitalize(), name.upper())
)
#: A month name: capitalised, optionally abbreviated with a full stop.
_MONTH = rf"\b(?:{_MON})(?:\.|\b)"
#: A full month name in lower case ("in july 2022"): a month only right before its year.
_MONTH_LOWER = r"\b(?:" + "|".join(n for n in MONTHS if len(n) > 3 or n == "may") + r")\b"
#: Nothing that would make the preceding digits part of a larger token ("2024/1689", the number of
#: a law, is no year: a slash and digits after a year are a date or a range only where a longer
#: pattern reads them, "2024/06/01", "2023/24").
_END = r"(?![\w%]|[.,:/][0-9])"
#: Nothing that would make the following digits part of a larger token.
_BEGIN = r"(?<![\w$€£¥￥₹#+@])(?<![0-9][.,:/])"
_ORD = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"

_QUALIFIER_RE = re.compile(
    r"(?i)(?:^|[^\w])(?P<q>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(QUALIFIERS, key=len, reverse=True))
    + r")(?:\s+|\s*-\s*)"
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|mid|late|end\s+of|start\s+of|beginning\s+of|middle\s+of|"
    r"close\s+of|course\s+of)(?:\s+|\s*-\s*))?(?:the\s+)?$"
)
_AMOUNT_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:more|fewer|less)\s+than|\bover|\bexceed(?:s|ed|ing)?|\bsurpass(?:es|ed|ing)?|"
    r"\btop(?:s|ped)?|\bnearly|\balmost|\bup\s+to|\bat\s+(?:least|most)|\bas\s+many\s+as|"
    r"\bsome|\bapproximately|\broughly|\bno\.|\bnos\.|#|\bnumber|\bversion|\bver\.|\bv\.?|"
    r"\bmodel|\bpages?|\bpp?\.|\broute|\bflight|\broom|\bphase|\blevel|\btier|\barticle|"
    r"\bsection|\bchapter|\bfigure|\bfig\.|\btable|\brank(?:ed)?)\s*$"
)
_HYPHEN_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)-$")
_DATE_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "end", "start", "year", "fiscal", "fy", "circa"})
_AMOUNT_AFTER_RE = re.compile(
    r"\s?(?:%|(?i:percent|per\s?cent|thousand|million|billion|trillion|bn|mn|yuan|rmb|usd|cny|eur|"
    r"dollars?|euros?|times|fold)\b|(?:MW|GW|kW|km|nm|kg|x|×)(?!\w))"
    r"|-(?i:years?|hours?|days?|weeks?|months?|minutes?|seconds?|old|strong|members?|persons?|"
    r"seats?|pages?|words?|miles?|units?|km|metres?|meters?)\b"
)
_FOLLOWING_WORD_RE = re.compile(r"\s+([^\W\d_][\w'’-]*)")
#: Verbs that move a date, before "from A to B": A is the date given before, B the one now.
_RESCHEDULED_RE = re.compile(
    r"(?i)\b(?:postpon|delay|push|mov|shift|reschedul|brought|bring|advanc|slipp?|slid|defer|revis|chang|extend|pulled|pull)"
    r"\w*(?:\s+(?:back|forward|up|out|ahead))?(?:\s+\w+){0,3}\s*$"
)
_RANGE_OPENER_RE = re.compile(r"(?i)\b(from|between)\s+$")
_DIGIT_RE = re.compile(r"[0-9]")
_RANGE_GAP_RE = re.compile(r"\s*[-–]\s*|—|/|\s+(?:to|through|till|until|and|or)\s+")


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: str
    granularity: str
    first: str
    last: str


Span = tuple[str, str, str, str]  # value, granularity, first, last


# --------------------------------------------------------------------------- calendar helpers


def _year_span(y: int) -> Span:
    return str(y), "year", f"{y:04d}-01-01", f"{y:04d}-12-31"


def _month_span(y: int, m: int) -> Span | None:
    if not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}", "month", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"


def _day_span(y: int, m: int, d: int) -> Span | None:
    try:
        iso = date(y, m, d).isoformat()
    except ValueError:
        return None
    return iso, "day", iso, iso


def _quarter_span(y: int, q: int) -> Span:
    first_month = 3 * (q - 1) + 1
    last = calendar.monthrange(y, first_month + 2)[1]
    return (f"{y:04d}-Q{q}", "quarter", f"{y:04d}-{first_month:02d}-01", f"{y:04d}-{first_month + 2:02d}-{last:02d}")


def _half_span(y: int, h: int) -> Span:
    if h == 1:
        return f"{y:04d}-H1", "range", f"{y:04d}-01-01", f"{y:04d}-06-30"
    return f"{y:04d}-H2", "range", f"{y:04d}-07-01", f"{y:04d}-12-31"


_VALUE = re.compile(r"(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2}))(?:-(\d{2}))?)?$")


def value_span(value: str) -> Span | None:
    """The span of an ISO-like period value as :class:`DateExpr` writes it: ``"2024"``,
    ``"2024-Q3"``, ``"2024-H1"``, ``"2024-07"``, ``"2024-07-15"``, or a range ``"A/B"`` of two of
    them; None for anything else (the same calendar as the extractor's, read back)."""
    if "/" in (value or ""):
        first, _, last = value.partition("/")
        a, b = value_span(first), value_span(last)
        return (value, "range", a[2], b[3]) if a and b and "/" not in last else None
    m = _VALUE.match(value or "")
    if not m:
        return None
    y = int(m[1])
    if m[2]:
        return None if m[5] else _quarter_span(y, int(m[2]))
    if m[3]:
        return None if m[5] else _half_span(y, int(m[3]))
    if m[4] and m[5]:
        return _day_span(y, int(m[4]), int(m[5]))
    if m[4]:
        return _month_span(y, int(m[4]))
    return _year_span(y)


def _year_of(match: re.Match[str]) -> int:
    """The year a match names, from a four-digit ``y`` or a two-digit ``yy`` group."""
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    return 2000 + int(groups["yy"])


def _month_of(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


# --------------------------------------------------------------------------- context checks


def _hyphen_name_before(text: str, start: int) -> bool:
    """True for ``COVID-2019``-like names; ``mid-2025`` and ``pre-2020`` are fine."""
    if start == 0 or text[start - 1] != "-":
        return False
    m = _HYPHEN_WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    return bool(m) and m.group(1).lower() not in _DATE_PREFIXES


def _qualifier(text: str, start: int) -> str | None:
    m = _QUALIFIER_RE.search(text, max(0, start - 48), start)
    return QUALIFIERS[" ".join(m.group("q").lower().split())] if m else None


def _counted_noun_after(text: str, end: int) -> bool:
    """True when a counted noun, after at most one modifier, follows ``end``."""
    pos = end
    for _ in range(2):
        m = _FOLLOWING_WORD_RE.match(text, pos)
        if not m:
            return False
        word = m.group(1)
        if word.lower() in COUNTED_NOUNS:
            return True
        if not (word.islower() or (word.isupper() and len(word) > 1)):
            return False
        pos = m.end()
    return False


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at ``text[start:end]`` name a year rather than an amount."""
    if _hyphen_name_before(text, start):
        return False
    if end < len(text) and _AMOUNT_AFTER_RE.match(text, end):
        return False
    before = text[max(0, start - 30):start]
    if _AMOUNT_BEFORE_RE.search(before):
        return False
    if _counted_noun_after(text, end) and _qualifier(text, start) is None:
        return False
    return True


# --------------------------------------------------------------------------- builders

Builder = Callable[[str, "re.Match[str]"], "Span | None"]


def _b_ymd(text: str, m: re.Match[str]) -> Span | None:
    return _day_span(int(m["y"]), int(m["m"]), int(m["d"]))


def _b_cjk_month(text: str, m: re.Match[str]) -> Span | None:
    return _month_span(int(m["y"]), int(m["m"]))


def _b_cjk_year(text: str, m: re.Match[str]) -> Span | None:
    return _year_span(int(m["y"]))


def _b_numeric_day(text: str, m: re.Match[str]) -> Span | None:
    a, b = int(m["a"]), int(m["b"])
    if a > 12 or (m["sep"] == "." and b <= 12):
        a, b = b, a  # day first: 25/12/2025, 12.04.2025
    return _day_span(int(m["y"]), a, b)


def _b_month_day(text: str, m: re.Match[str]) -> Span | None:
    return _day_span(int(m["y"]), _month_of(m["mon"]), int(m["d"]))


def _b_month(text: str, m: re.Match[str]) -> Span | None:
    month = _month_of(m["mon"]) if m.groupdict().get("mon") else int(m["m"])
    return _month_span(int(m["y"]), month)


def _b_month_range(text: str, m: re.Match[str]) -> Span | None:
    y, m1, m2 = int(m["y"]), _month_of(m["m1"]), _month_of(m["m2"])
    a, b = _month_span(y, m1), _month_span(y, m2)
    if a is None or b is None or m2 <= m1:
        return None
    return f"{a[0]}/{b[0]}", "range", a[2], b[3]


def _b_day_range(text: str, m: re.Match[str]) -> Span | None:
    y, mon = int(m["y"]), _month_of(m["mon"])
    a, b = _day_span(y, mon, int(m["d1"])), _day_span(y, mon, int(m["d2"]))
    if a is None or b is None or b[0] <= a[0]:
        return None
    return f"{a[0]}/{b[0]}", "range", a[2], b[3]


def _b_quarter(text: str, m: re.Match[str]) -> Span | None:
    q = ORDINALS[m["qw"].lower()] if m.groupdict().get("qw") else int(m["q"])
    return _quarter_span(_year_of(m), q)


def _b_half(text: str, m: re.Match[str]) -> Span | None:
    h = ORDINALS[m["hw"].lower()] if m.groupdict().get("hw") else int(m["h"])
    return _half_span(_year_of(m), h) if h in (1, 2) else None


def _b_months_of(text: str, m: re.Match[str]) -> Span | None:
    """``the first nine months of 2024`` (January to September), ``the last two quarters of 2024``."""
    word = m["n"].lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
    per_year = 12 if m["unit"].lower().startswith("month") else 4
    if not 1 <= n < per_year:
        return None
    y = _year_of(m)
    first, last = (1, n) if m["end"].lower() == "first" else (per_year - n + 1, per_year)
    if per_year == 4:
        a, b = _quarter_span(y, first), _quarter_span(y, last)
    else:
        a, b = _month_span(y, first), _month_span(y, last)
    return f"{a[0]}/{b[0]}", "range", a[2], b[3]


def _b_fiscal_year(text: str, m: re.Match[str]) -> Span | None:
    return _year_span(_year_of(m))


def _b_decade(text: str, m: re.Match[str]) -> Span | None:
    if _hyphen_name_before(text, m.start()):
        return None
    y = int(m["y"])
    return f"{y}/{y + 9}", "range", f"{y:04d}-01-01", f"{y + 9:04d}-12-31"


def _b_short_range(text: str, m: re.Match[str]) -> Span | None:
    """``2025-26`` and ``2025/2030`` are ranges of years; ``2025-07`` is a month; ``2029/64`` is
    the number of a law (two digits after a slash are a year at most five years on: "2023/24")."""
    if _hyphen_name_before(text, m.start()):
        return None
    y, yy = int(m["y"]), int(m["yy"])
    second = yy if len(m["yy"]) == 4 else y // 100 * 100 + yy
    if m["sep"] == "/" and len(m["yy"]) == 2 and second - y > 5:
        return None
    if second > y:
        return f"{y}/{second}", "range", f"{y:04d}-01-01", f"{second:04d}-12-31"
    if m["sep"] == "-" and len(m["yy"]) == 2:
        return _month_span(y, yy)
    return None


def _b_year(text: str, m: re.Match[str]) -> Span | None:
    return _year_span(int(m["y"])) if _is_year(text, m.start(), m.end()) else None


def _b_old_year(text: str, m: re.Match[str]) -> Span | None:
    """A year before 1900 only right after a date preposition ("in 1815", "since 1848"), and never
    before a counted noun ("in 1500 cases")."""
    if _qualifier(text, m.start()) is None or _counted_noun_after(text, m.end()):
        return None
    return _year_span(int(m["y"])) if _is_year(text, m.start(), m.end()) else None


_Q_LEAD = r"(?:FY\s*)?"
#: Cheap tests that a pattern can match at all: Y a year, M a month name,
#: P a quarter or half, F a fiscal year, L a lower-case month name. Each pattern lists the tests it needs.
#: A test may pass where its patterns then find nothing, never the other way round; none opens
#: with a word boundary or an inline case flag (a search for such an expression tries every
#: position, one that opens with a letter or digit skips straight to them).
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "Y": re.compile(_ANY_YEAR),
    "O": re.compile(_OLD_YEAR),
    "M": re.compile(rf"(?:{_MON})(?:\.|\b)"),
    "L": re.compile(_MONTH_LOWER.removeprefix(r"\b")),
    "P": re.compile(r"[QH][1-4]|[1-4][QH]|[Qq][Uu][Aa][Rr][Tt][Ee][Rr]|[Hh][Aa][Ll][Ff]"),  # (?i:quarter|half)
    "F": re.compile(r"FY|(?i:fiscal)"),
}
_PATTERNS: tuple[tuple[str, re.Pattern[str], Builder], ...] = tuple(
    (needs, re.compile(p), b)
    for needs, p, b in (
        # Chinese and Japanese dates: 2031年3月5日, 2031 年 3 月 (a year, month and day written
        # with 年, 月 and 日 or 号, glued to the characters around them)
        ("Y", rf"(?<![0-9])(?P<y>{_YEAR})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12][0-9]|0?[1-9])\s*[日号號]", _b_ymd),
        ("Y", rf"(?<![0-9])(?P<y>{_YEAR})\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月(?!\s*[0-9])", _b_cjk_month),
        ("Y", rf"(?<![0-9])(?P<y>{_YEAR})\s*年(?!\s*[0-9])", _b_cjk_year),
        ("Y", rf"{_BEGIN}(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}}){_END}", _b_ymd),
        ("Y", rf"{_BEGIN}(?P<a>[0-9]{{1,2}})(?P<sep>[-/.])(?P<b>[0-9]{{1,2}})(?P=sep)(?P<y>{_YEAR}){_END}", _b_numeric_day),
        ("YM", rf"(?P<mon>{_MONTH})\s*(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?{_COMMA}\s+(?P<y>{_ANY_YEAR}){_END}", _b_month_day),
        ("YM", rf"{_BEGIN}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH}){_COMMA}\s+(?P<y>{_ANY_YEAR}){_END}", _b_month_day),
        ("YM", rf"(?P<mon>{_MONTH})\s*(?P<d1>[0-9]{{1,2}})\s*[-–]\s*(?P<d2>[0-9]{{1,2}}){_COMMA}\s+(?P<y>{_ANY_YEAR}){_END}", _b_day_range),
        ("YM", rf"(?P<m1>{_MONTH})\s*(?:[-–]|\s(?:to|through|until)\s)\s*(?P<m2>{_MONTH}){_COMMA}\s+(?P<y>{_ANY_YEAR}){_END}", _b_month_range),
        ("YM", rf"(?P<mon>{_MONTH}){_COMMA}\s+(?:of\s+)?(?P<y>{_ANY_YEAR}){_END}", _b_month),
        ("YL", rf"(?P<mon>{_MONTH_LOWER})\s+(?P<y>{_YEAR}){_END}", _b_month),
        ("Y", rf"{_BEGIN}(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR}){_END}", _b_month),
        ("P", rf"\bQ(?P<q>[1-4])\s*(?:[-/,]\s*)?{_Q_LEAD}(?P<y>{_YEAR}){_END}", _b_quarter),
        ("P", rf"\bQ(?P<q>[1-4])\s*(?:['’]|FY\s*)(?P<yy>[0-9]{{2}}){_END}", _b_quarter),
        ("P", rf"\b(?P<q>[1-4])Q\s*(?:(?P<y>{_YEAR})|['’]?(?P<yy>[0-9]{{2}})){_END}", _b_quarter),
        ("P", rf"{_BEGIN}(?P<y>{_YEAR})\s*[-\s]?Q(?P<q>[1-4])\b", _b_quarter),
        ("P", rf"\b(?P<qw>{_ORD})[\s-]+(?i:quarter)\s+(?:of\s+)?(?:(?:the\s+)?(?i:fiscal|financial)\s+(?:year\s+)?)?{_Q_LEAD}(?P<y>{_YEAR}){_END}", _b_quarter),
        ("P", rf"\bH(?P<h>[12])\s*(?:[-/,]\s*)?{_Q_LEAD}(?P<y>{_YEAR}){_END}", _b_half),
        ("P", rf"\bH(?P<h>[12])\s*(?:['’]|FY\s*)(?P<yy>[0-9]{{2}}){_END}", _b_half),
        ("P", rf"\b(?P<h>[12])H\s*(?:(?P<y>{_YEAR})|['’]?(?P<yy>[0-9]{{2}})){_END}", _b_half),
        ("P", rf"{_BEGIN}(?P<y>{_YEAR})\s*[-\s]?H(?P<h>[12])\b", _b_half),
        # "the first nine months of 2024", "the last two quarters of 2024": part of a year, a range
        ("Y", rf"\b(?P<end>(?i:first|last))\s+(?P<n>[0-9]{{1,2}}|(?i:two|three|four|five|six|seven|eight|nine|ten|eleven))\s+"
              rf"(?P<unit>(?i:months|quarters))\s+(?i:of)\s+(?:(?i:the\s+year\s+))?{_Q_LEAD}(?P<y>{_YEAR}){_END}", _b_months_of),
        ("P", rf"\b(?P<hw>{_ORD})[\s-]+(?i:half)\s+(?:of\s+)?(?:(?:the\s+)?(?i:fiscal|financial)\s+(?:year\s+)?)?{_Q_LEAD}(?P<y>{_YEAR}){_END}", _b_half),
        ("F", rf"\bFY\s?-?(?:(?P<y>{_YEAR})|['’]?(?P<yy>[0-9]{{2}})){_END}", _b_fiscal_year),
        ("F", rf"\b(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<y>{_YEAR}){_END}", _b_fiscal_year),
        ("Y", rf"{_BEGIN}(?P<y>(?:19|20)[0-9]0)['’]?s\b", _b_decade),
        ("Y", rf"{_BEGIN}(?P<y>{_YEAR})\s*(?P<sep>[-–/])\s*(?P<yy>{_YEAR}|[0-9]{{2}}){_END}", _b_short_range),
        ("Y", rf"{_BEGIN}(?P<y>{_YEAR}){_END}", _b_year),
        ("O", rf"{_BEGIN}(?P<y>{_OLD_YEAR}){_END}", _b_old_year),
    )
)


# --------------------------------------------------------------------------- assembly


def _atoms(text: str, exclude: list[tuple[int, int]]) -> list[_Atom]:
    """Non-overlapping single dates, longest first where candidates collide."""
    candidates: list[_Atom] = []
    excluded = SpanSet(exclude)
    present = {key for key, trigger in _TRIGGERS.items() if trigger.search(text)}
    for needs, pattern, build in _PATTERNS:
        if not present.issuperset(needs):
            continue
        for m in pattern.finditer(text):
            if excluded and excluded.overlaps(m.start(), m.end()):
                continue
            span = build(text, m)
            if span is not None:
                candidates.append(_Atom(m.start(), m.end(), *span))
    candidates.sort(key=lambda a: (a.start - a.end, a.start))
    taken: list[_Atom] = []
    spans = SpanSet()
    for cand in candidates:
        if not spans.overlaps(cand.start, cand.end):
            taken.append(cand)
            spans.add(cand.start, cand.end)
    taken.sort(key=lambda a: a.start)
    return taken


def _join_ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join ``A - B``, ``A to B``, ``from A to B``, ``between A and B`` and ``A or B`` (two dates
    of one granularity, either of which the writer holds: the date lies within them) into ranges."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = _RANGE_GAP_RE.fullmatch(text, a.end, b.start)
            opener = _RANGE_OPENER_RE.search(text, max(0, a.start - 12), a.start)
            if gap and gap.group(0).strip() == "to" and opener and opener.group(1).lower() == "from" and (
                _RESCHEDULED_RE.search(text, max(0, opener.start(1) - 60), opener.start(1))
            ):
                # "postponed from 2025 to 2027": the date moved; the old one is no bound of a range
                # (the new one may be: "to 2027 or 2028")
                out.append(a)
                i += 1
                continue
            if (
                gap
                and b.first > a.first
                and b.last >= a.last
                and (gap.group(0).strip() != "and" or (opener and opener.group(1).lower() == "between"))
                and (gap.group(0).strip() != "/" or (a.granularity == b.granularity == "year"))
                # "in 2027 or 2028": one of two dates of one granularity, so a date within the two
                and (gap.group(0).strip() != "or" or a.granularity == b.granularity != "range")
            ):
                start = opener.start(1) if opener else a.start
                out.append(_Atom(start, b.end, f"{a.value}/{b.value}", "range", a.first, b.last))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def extract_dates(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[DateExpr]:
    """Every date or date range in ``text`` outside the ``exclude`` spans, by position."""
    if not isinstance(text, str) or not _DIGIT_RE.search(text):
        return []
    spans = [(int(s), int(e)) for s, e in exclude]
    atoms = _join_ranges(text, _atoms(text, spans))
    return [
        DateExpr(
            text=text[a.start:a.end],
            start=a.start,
            end=a.end,
            value=a.value,
            granularity=a.granularity,
            first=a.first,
            last=a.last,
            qualifier="formerly" if _moved_from(text, a) else _qualifier(text, a.start),
        )
        for a in atoms
    ]


def _moved_from(text: str, a: _Atom) -> bool:
    """The old date of a move ("postponed from 2025 to 2027"): compared only with other old dates."""
    opener = _RANGE_OPENER_RE.search(text, max(0, a.start - 12), a.start)
    if not opener or opener.group(1).lower() != "from":
        return False
    return bool(_RESCHEDULED_RE.search(text, max(0, opener.start(1) - 60), opener.start(1))) and bool(
        re.match(r"\s+to\s+", text[a.end:])
    )


# --------------------------------------------------------------------------- datelines and metadata dates

#: How many blocks from the top a dateline may sit in.
DATELINE_BLOCKS = 15


_DL_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DL_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DL_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_DL_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DL_PATTERNS = [
    re.compile(_DL_WEEKDAY + _DL_MONTH + r"\s+" + _DL_DAY + r",?\s+" + _DL_YEAR + r"\b", re.IGNORECASE),
    re.compile(_DL_WEEKDAY + _DL_DAY + r"\s+(?:of\s+)?" + _DL_MONTH + r",?\s+" + _DL_YEAR + r"\b", re.IGNORECASE),
    re.compile(_DL_YEAR + r"[-/.](?P<mnum>\d{1,2})[-/.]" + r"(?P<day>\d{1,2})(?![\d])"),
]
_DL_PREFIX_RE = re.compile(
    r"\s*(?:(?:published|posted|updated|last updated|date|dated|released|issued)(?:\s+on)?\s*[:\-–—]?\s*"
    r"|by\s+[^|•·—–\n]{1,60}?\s*(?:[|•·—–,]|\bon\b)\s*"
    r"|[A-Z][A-Z .'’-]{2,30}(?:\s*\([^)]{1,30}\))?\s*[,—–-]\s*)?",
    re.IGNORECASE,
)


#: Labels of a date on a line of their own that is not the page's ("Joined", "Member since", "Born").
_NOT_PUBLISHED_RE = re.compile(
    r"(?i)(?:joined|member since|registered|born|died|last (?:seen|active|visit|login|online)|expires?|"
    r"deadline|event date|founded|established|birthday)\s*:?"
)


def _date_at(text: str, pos: int) -> tuple[str, int] | None:
    for pattern in _DL_PATTERNS:
        m = pattern.match(text, pos)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS[g["month"].lower()] if g.get("month") else int(g["mnum"])
        try:
            d = date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            continue
        return d.isoformat(), m.end()
    return None


def parse_date(value: str | None) -> str | None:
    """ISO date (``YYYY-MM-DD``) of a metadata value such as ``2025-04-12T08:00:00Z``."""
    if not value:
        return None
    s = value.strip().strip("\"'")
    for i in range(min(len(s), 40)):
        if i and s[i - 1].isalnum():
            continue
        found = _date_at(s, i)
        if found:
            return found[0]
    return None


def find_dateline(texts: list[str]) -> str | None:
    """The date of a dateline at the start of one of ``texts`` (the first blocks)."""
    found = locate_dateline(texts)
    return found[1] if found else None


def locate_dateline(texts: list[str]) -> tuple[int, str, bool] | None:
    """``(index, date, alone)`` of the dateline at the start of one of ``texts`` (the first
    blocks): which text holds it, its ISO date, and whether the text is nothing but the
    dateline ("Published March 3, 2025", "By Ann Lee | 3 March 2025"), or None."""
    for index, text in enumerate(texts[:DATELINE_BLOCKS]):
        m = _DL_PREFIX_RE.match(text)
        pos = m.end() if m else 0
        found = _date_at(text, pos)
        if found is None and pos:
            found = _date_at(text, len(text) - len(text.lstrip()))
        if found is None:
            continue
        iso, end = found
        rest = text[end:].lstrip()
        if not pos and index and _NOT_PUBLISHED_RE.fullmatch(texts[index - 1].strip()):
            continue  # "Joined" / "Aug 19, 2017" in a forum post's profile: the member's date, not the page's
        # A dateline: the date alone, or followed by a dash, a bar or a comma.
        if not rest or rest[0] in "—–-|:,•·(" or rest[:2].lower() in ("at", "by") or pos:
            return index, iso, not rest.strip(" \t—–-|:,•·.")
    return None
