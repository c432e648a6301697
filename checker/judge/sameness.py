"""Are two stated figures the same quantity, and do their values agree?

Two figures are comparable when they are of the same kind and unit (the same
currency, both percentages of the same base, both counts of the same thing, both
changes or both levels). Whether their values agree takes the qualifier ("over",
"about", "up to") and the rounding the writer used ("920,000" is a rounded figure)
into account.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from ..model import Claim, DateExpr, Quantity
from ..extract.quantities import MONTH_AFTER_RE, MONTH_BEFORE_RE
from ..extract.quantities import WRITTEN_FIGURE as _LITERAL
from ..extract.terms import content_terms
from ..extract.units import UNIT_BASES

_CLOSE_PAREN = re.compile(r"\s*\)")
_CLAUSE_END = re.compile(r"[,;:()\[\]—–]| - ")


def _written(q: Quantity) -> tuple[str, float] | None:
    """The figure as written, without thousands separators, and the factor from it to
    ``q.value`` ("$4.3 billion": ``("4.3", 1e9)``); None for no written digits or a zero."""
    m = _LITERAL.search(q.text)
    if not m:
        return None
    literal = m.group(0).replace(",", "")
    try:
        written = float(literal)
    except ValueError:
        return None
    if written == 0:
        return None
    return literal, abs(q.value / written)


def precision(q: Quantity) -> float:
    """Half the unit of the last significant digit the writer gave, in ``q.value`` units."""
    found = _written(q)
    if found is None:
        return 0.0
    literal, factor = found
    if "." in literal:
        step = 10.0 ** -len(literal.split(".")[1])
    else:
        stripped = literal.rstrip("0")
        zeros = len(literal) - len(stripped) if stripped else 0
        if zeros == 0:
            return 0.0  # an exact integer
        # Trailing zeros may be rounding, but a writer keeps at least two significant
        # digits: "20,000" is read as rounded to the thousand, not to the ten thousand.
        step = 10.0 ** min(zeros, max(len(literal.lstrip("0")) - 2, 0))
        if step == 1.0:
            return 0.0
    return 0.5 * step * factor


_STRICT_LOWER = {"over", "more than", "above", "exceeding", "surpassing", "tops"}
_STRICT_UPPER = {"below", "under", "less than", "fewer than"}


def interval(q: Quantity, about_tolerance: float = 0.05) -> tuple[float, float, bool, bool]:
    """The values ``q`` allows: ``(low, high, low_is_strict, high_is_strict)``.

    "over 12" excludes 12 ("more than" is strict); "at least 12" and "up to 12" include it.
    """
    lo, hi = q.bounds
    if q.qualifier == "about":
        # "about 6%" allows 5.5% to 6.5%: the spread, or the rounding to its last written digit
        spread = max(abs(q.value) * about_tolerance, _last_digit_half(q))
        lo, hi = q.value - spread, q.value + spread
    return lo, hi, q.qualifier in _STRICT_LOWER, q.qualifier in _STRICT_UPPER


def _last_digit_half(q: Quantity) -> float:
    """Half the unit of the last digit written ("6" -> 0.5, "6.2" -> 0.05, "2,400" -> 50), in
    ``q.value`` units: how far a figure given as approximate may be from what it rounds."""
    found = _written(q)
    if found is None:
        return 0.0
    literal, factor = found
    if "." in literal:
        return 0.5 * 10.0 ** -len(literal.split(".")[1]) * factor
    zeros = len(literal) - len(literal.rstrip("0"))
    # as in :func:`precision`, a writer keeps two significant digits: "about 2,000" is 1,950-2,050
    return 0.5 * 10.0 ** min(zeros, max(len(literal.lstrip("0")) - 2, 0)) * factor


def _decimals(q: Quantity) -> int:
    """Digits written after the decimal point ("23.38" 2, "23" 0)."""
    m = _LITERAL.search(q.text)
    if not m or "." not in m.group(0):
        return 0
    return len(m.group(0).split(".")[1])


def _rounding(q: Quantity, other: Quantity) -> float:
    """How far the value ``q`` was rounded from may lie from it, given the figure it is compared with.

    :func:`precision` reads an integer without trailing zeros ("23") as exact; set against a
    figure written with decimals ("23.38%"), it is that figure rounded to the unit, so it
    covers half its last digit ("23" is 22.5 to 23.5). Two integers stay exact: "scored 76"
    and "scored 77" differ."""
    found = precision(q)
    if found == 0.0 and _decimals(q) == 0 and _decimals(other) > 0 and q.qualifier in (None, "about"):
        return _last_digit_half(q)
    return found


def _truncates(q: Quantity, other: Quantity, rounding_limit: float = 0.05) -> bool:
    """Whether the integer ``q`` is ``other``'s decimals cut off ("$412 billion" for "$412.8
    billion"): writers truncate as well as round, so an integer set against a figure with
    decimals covers the whole unit above it (412 to 413), not only the half either side."""
    if q.qualifier is not None or other.qualifier not in (None, "exactly") or _decimals(q) or not _decimals(other):
        return False
    if precision(q) != 0.0 or q.value == 0 or (q.value > 0) != (other.value > 0):
        return False
    unit = min(2 * _last_digit_half(q), rounding_limit * abs(other.value))  # "1%" is no cut "1.5%"
    return abs(q.value) <= abs(other.value) < abs(q.value) + unit


def _trailing_zeros(q: Quantity) -> int:
    m = _LITERAL.search(q.text)
    if not m or "." in m.group(0):
        return 0
    literal = m.group(0).replace(",", "")
    return len(literal) - len(literal.rstrip("0"))


def _strict(q: Quantity) -> bool:
    return q.qualifier in _STRICT_LOWER or q.qualifier in _STRICT_UPPER


def _before(x: float, y: float, strict: bool) -> bool:
    return x < y if strict else x <= y


def values_agree(
    a: Quantity,
    b: Quantity,
    about_tolerance: float = 0.05,
    relative_tolerance: float = 0.0,
    rounding_limit: float = 0.05,
) -> bool:
    """True when the two figures can describe the same value.

    Intervals from the qualifiers must meet, allowing each side's rounding (capped at
    ``rounding_limit`` of the larger value) and a ``relative_tolerance``. A strict
    bound ("more than 12") excludes its own figure unless rounding leaves slack.
    """
    if a.value == b.value and _strict(a) != _strict(b):
        plain = b if _strict(a) else a
        if plain.qualifier in (None, "exactly") and _trailing_zeros(plain) < 2:
            # "180" and "more than 180": the same written figure, which one side excludes;
            # only a figure with two or more trailing zeros ("2,400") reads as rounded here
            return False
    if _truncates(a, b, rounding_limit) or _truncates(b, a, rounding_limit):
        return True
    a_lo, a_hi, a_lo_strict, a_hi_strict = interval(a, about_tolerance)
    b_lo, b_hi, b_lo_strict, b_hi_strict = interval(b, about_tolerance)
    scale = max(abs(a.value), abs(b.value), 1e-12)
    slack = min(max(_rounding(a, b), _rounding(b, a)), rounding_limit * scale) + relative_tolerance * scale
    exact = slack == 0
    return _before(a_lo - slack, b_hi, exact and (a_lo_strict or b_hi_strict)) and _before(
        b_lo - slack, a_hi, exact and (b_lo_strict or a_hi_strict)
    )


#: An ordinal's ending after a day of a month ("2nd October").
_ORDINAL_ENDING = re.compile(r"st|nd|rd|th")


def derived(target: Quantity, claim: Claim, tolerance: float = 1e-9, most: int = 5) -> bool:
    """Whether ``target`` is the sum, difference, product or quotient of two figures of ``claim``.

    "Mike has 87 cards and Sam bought 13 of them" states the parts of "Mike has 74 cards
    now": a figure such a sentence implies is a result, not a rival value. Operands are the
    claim's figures (percentages only for a percentage) and the bare numbers the extractor left ("gave
    Sally 24 more"); a sentence with more than ``most`` of them is not searched (with many
    numbers some pair would match by chance), and multiplying or dividing by 1 proves nothing.
    """
    # a share and a count are not operands of one another ("42%" and "10" do not make "32 reviews")
    values = [
        q.value for q in claim.quantities
        if q.equivalent_of is None and (q.kind == "percent") == (target.kind == "percent")
    ]
    taken = [(x.start, x.end) for x in (*claim.quantities, *claim.dates, *claim.citations)]
    for m in _LITERAL.finditer(claim.text):
        ending = _ORDINAL_ENDING.match(claim.text, m.end())
        if MONTH_BEFORE_RE.search(claim.text, max(0, m.start() - 12), m.start()) or MONTH_AFTER_RE.match(
            claim.text, ending.end() if ending else m.end()
        ):
            continue  # "on October 2", "on 2 October": a day of a month of no year, no operand
        if not any(s <= m.start() < e for s, e in taken):
            try:
                values.append(float(m.group(0).replace(",", "")))
            except ValueError:
                pass
    if len(values) < 2 or len(values) > most:
        return False
    value = target.value
    scale = max(abs(value), 1e-12)
    for i, x in enumerate(values):
        for y in values[i + 1 :]:
            results = [x + y, abs(x - y)]
            if abs(x) != 1 and abs(y) != 1:
                results.append(x * y)
                if y:
                    results.append(x / y)
                if x:
                    results.append(y / x)
            if any(abs(r - value) <= tolerance * scale for r in results):
                return True
    return False


def comparable(a: Quantity, b: Quantity) -> tuple[bool, str]:
    """Whether two figures measure the same kind of thing, with the reason when not."""
    if a.kind != b.kind:
        return False, f"{a.kind} vs {b.kind}"
    if (a.change is None) != (b.change is None):
        return False, "a change vs a level"
    if a.of_total != b.of_total:
        return False, "different bases"
    if a.kind in ("money", "measure", "percent", "ratio"):
        if (a.unit or "") != (b.unit or ""):
            return False, f"{a.unit} vs {b.unit}"
    return True, ""


def in_common_unit(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity, bool]:
    """``a`` and ``b`` restated in one unit when they are measures of one dimension in two
    units ("615 Pflop/s" and "0.615 Eflop/s"; "9,800 lb" and "4,450 kg"), else as they are;
    and whether the restatement crossed from metric to imperial units, an approximate
    conversion that may back an agreement but not prove a disagreement."""
    if a.kind != "measure" or b.kind != "measure" or a.unit == b.unit:
        return a, b, False
    ua, ub = UNIT_BASES.get(a.unit or ""), UNIT_BASES.get(b.unit or "")
    if ua is None or ub is None or ua[0] != ub[0]:
        return a, b, False
    convert = lambda q, u: replace(q, value=q.value * u[1], unit=u[0])  # noqa: E731
    return convert(a, ua), convert(b, ub), ua[2] != ub[2]


def clearly_apart(a: Quantity, b: Quantity, margin: float = 0.1) -> bool:
    """Whether two figures in one unit differ by more than ``margin`` of the larger, beyond what
    their qualifiers allow: a gap that neither a loose conversion ("940,000 miles" for "1.5
    million km") nor an exchange rate of another day ("($43 million)" for "EUR 40 million")
    explains. Figures a conversion only rounds apart are not clearly apart."""
    a_lo, a_hi, _, _ = interval(a)
    b_lo, b_hi, _, _ = interval(b)
    scale = max(abs(a.value), abs(b.value), 1e-12)
    return a_lo - b_hi > margin * scale or b_lo - a_hi > margin * scale


def comparable_ignoring_base(a: Quantity, b: Quantity) -> bool:
    """Same kind, unit and change; the base ("of the world's top 100") may differ."""
    if a.kind != b.kind or (a.change is None) != (b.change is None):
        return False
    if a.kind in ("money", "measure", "percent", "ratio") and (a.unit or "") != (b.unit or ""):
        return False
    return True


def same_counted_thing(a: Quantity, b: Quantity) -> bool:
    """Counts of the same noun ("invention patent" and "patents" share their head noun)."""
    if a.kind != "count":
        return True
    if not a.unit or not b.unit:
        return False
    if a.unit == b.unit:
        return True
    head_a, head_b = a.unit.split()[-1], b.unit.split()[-1]
    return _CLIPPED.get(head_a, head_a) == _CLIPPED.get(head_b, head_b)


#: Clipped forms of head nouns, to their full word: "14 national AI labs" counts what "14 national
#: AI laboratories" does.
_CLIPPED = {"lab": "laboratory", "photo": "photograph", "exam": "examination", "bike": "bicycle",
            "dept": "department", "govt": "government"}


def context_terms(claim: Claim, q: Quantity, before: int = 4, after: int = 6) -> frozenset[str]:
    """Content words next to a figure, within its clause: what the figure is of.

    A restatement in another currency ("EUR 40 million ($43 million)") is the figure it restates,
    so it has that figure's words too (its own are often none: a parenthesis ends the clause)."""
    terms = _context_terms(claim.text, q.start, q.end, before, after)
    base = q.equivalent_of
    if base is not None and 0 <= base < len(claim.quantities):
        first = claim.quantities[base]
        terms = terms | _context_terms(claim.text, first.start, first.end, before, after)
        close = _CLOSE_PAREN.match(claim.text, q.end)
        if close:  # and the words after its parenthesis: "($43 million) in funding"
            terms = terms | _context_terms(claim.text, first.start, close.end(), before, after)
    return terms


@lru_cache(maxsize=1 << 18)
def _context_terms(text: str, start: int, end: int, before: int, after: int) -> frozenset[str]:
    """:func:`context_terms`, memoised: rules ask it of the same figure for every pair it is in."""
    left = _CLAUSE_END.split(text[:start])[-1]
    right = _CLAUSE_END.split(text[end:])[0]
    return frozenset(content_terms(left)[-before:]) | frozenset(content_terms(right)[:after])


def overlap(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two sets of context words: how alike the measured things are."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def dates_overlap(a: DateExpr, b: DateExpr) -> bool:
    return a.first <= b.last and b.first <= a.last


def periods_differ(a: Claim, b: Claim) -> bool:
    """True when both claims are dated and no date of one overlaps a date of the other."""
    if not a.dates or not b.dates:
        return False
    return not any(dates_overlap(x, y) for x in a.dates for y in b.dates)


def periods_nested(a: Claim, b: Claim) -> bool:
    """True when both claims are dated, their dates overlap, but no date of one is the same
    period as a date of the other: "in 2023" and "in the second quarter of 2023" date a year's
    figure and a quarter's, two quantities."""
    if not a.dates or not b.dates:
        return False
    return not any(x.value == y.value for x in a.dates for y in b.dates)


def describe(q: Quantity) -> str:
    """A figure as a reader would say it back: ``"921,000 invention patents"``."""
    text = q.text.strip()
    if q.kind == "count" and q.noun and q.noun.lower() not in text.lower():
        text = f"{text} {q.noun}"
    if q.qualifier and q.qualifier.lower() not in text.lower():
        text = f"{q.qualifier} {text}"
    return text


def format_value(value: float) -> str:
    if math.isinf(value):
        return "unbounded"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"
