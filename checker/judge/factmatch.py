"""Align the facts of two claims: which slots (holder, measure, time, place, modality) match.

Two figures state one fact when their facts have the same holder (names folded: case, a
possessive, a plural ``s``; a holder inherited from context counts as well as one of the
sentence), the same measure (the same head noun, or one physical unit: "1.2 exaflops" and
"1,150 petaflops" measure one thing), a compatible time (the same period, overlapping periods,
or no time stated on one side) and a compatible modality (a plan or forecast is compared with a plan or forecast, an
outcome with an outcome, as reported or not). Then the sentences around them may be worded as far apart as two writers like:
the rules compare the values. A pair whose holder and measure match but whose time, place or
modality differ is two facts, and :class:`FactMatch` says which slot differed, in words (besides
the fact's own slots, what the sentences write around the figures: a division or a phase it is
counted in, a basis, an object it was spent on or received about, a forecaster, the group it is
counted among or a price is for, the statistic it is: median or average, a condition it holds under:
"after two doses", "with 8 GPUs"). Where
one figure's sentence dates it and the other figure has no time at all (nor a page date),
:attr:`FactMatch.undated` names the one date (not a date "since", which runs to the present): the
rules take another value there for maybe another time. A rate stated plainly is the sustained one.
Two sides of a vote ("votes for" / "votes against" / "abstentions", however worded: see
:func:`checker.frame.keys.measure_key`) are never one quantity, whoever's: :attr:`FactMatch.apart`;
nor are the two sides of a flow or a balance (exports and imports, births and deaths:
:func:`checker.frame.keys.opposite_measures`). An office holder ("Orrin chief executive") is
another holder than the organisation, even where the organisation was inherited from context.
A holder that is an ordinal thing ("Kessler second mill", "second fab") is one holder with
another only as :func:`checker.frame.keys.things_join` says (the same ordinal and site noun, an
owner on one side only or the same owner): never with its owner, nor with another ordinal.

The first fact frames are filled by a cheap path (:mod:`checker.frame.facts`): a holder is the
sentence's first capitalised word that is not sentence furniture, so several figures of one
measure in a sentence ("500 mg of drug A and 20 mg of drug B") are not yet told apart: their
measure is left unmatched. A holder that is an ordinary
English word (a capitalised sentence opener such as "Total" or "Training") is no holder here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..extract.dates import MONTHS
from ..extract.numberwords import NUMBER_WORDS
from ..extract.terms import STOPWORDS, content_terms, normalise, word_set
from ..extract.units import TIME_UNITS, UNIT_BASES
from ..frame.keys import (
    VOTE_KEYS, acronym_within, by_identity, fold, holder_key, measure_key, narrowed_folded_measure, office_holder, opposite_measures, qualified_within, quantity_fact,
    things_join, flows_apart, traded,
)
from ..frame.binding import RELATIONAL_NOUNS
from ..frame.cells import is_table_cell
from ..frame.regions import canonical_place
from ..frame.timeframe import (
    clause_of, days_named, frequencies_named, months_named, opening_period, ordinal_events_named, periods_named, present_marked,
    relative_periods, running_total, shifted_back, times_differ,
)
from ..model import OWN_SOURCES, Claim, Fact, Quantity
from .sameness import context_terms




#: Modalities that may state one fact: a plan and a forecast both look ahead; a reported claim states
#: an outcome as someone gave it.
_MODE_GROUP = {"plan": "ahead", "forecast": "ahead", "actual": "outcome", "reported": "outcome"}


@dataclass(frozen=True)
class FactMatch:
    """How two facts line up: ``same`` lists the matching slots as ``(slot, words)``, ``differ``
    the differing ones as ``(slot, a's words, b's words)``."""

    same: tuple[tuple[str, str], ...] = ()
    differ: tuple[tuple[str, str, str], ...] = ()
    apart: bool = False  # two measures never one quantity, whoever's: two sides of a vote
    same_day: bool = False  # both sentences date the figures to one calendar day
    undated: str = ""  # one figure's own date, where the other has none, nor its page: "June 2022"
    page_dated: str = ""  # one figure dated by its page alone, the other by nothing: "the page of 3 June 2023"
    # one head noun narrowed two ways, each side by words the other lacks ("operating profit" / "net
    # profit", "wind capacity" / "solar capacity"): two measures, however alike the sentences
    narrowed_apart: bool = False

    @property
    def slots(self) -> frozenset[str]:
        return frozenset(s for s, _ in self.same)

    @property
    def one_thing(self) -> bool:
        """Same holder and same measure: the two figures are of one thing (maybe at two times)."""
        return {"holder", "measure"} <= self.slots

    @property
    def aligned(self) -> bool:
        """Same holder and measure, and no slot differs: the two figures state one fact."""
        return self.one_thing and not self.differ

    def explain(self) -> str:
        """``same holder (Acme X2), same measure (price), same time (2025)``."""
        return ", ".join(f"same {slot} ({words})" for slot, words in self.same if words)

    def difference(self) -> str:
        """``another time (2023 vs 2024)``; empty when no slot differs."""
        return ", ".join(f"another {slot} ({x} vs {y})" for slot, x, y in self.differ)


#: Words beside a measure's noun that do not narrow it ("20 different prizes", "a total of 9 plants"),
#: the whole world's ("global", "worldwide": the place World, not a part), and the words of a period,
#: which say when, not which measure ("a single-day market value loss").
_NOT_NARROWING = frozenset(
    "different total new more other some overall combined whole entire previous prior former earlier latest current"
    " global worldwide single day week month".split()
)


@by_identity
def _modifiers(fact: Fact | None, q: Quantity, holder: str | None) -> frozenset[str]:
    """The words before the measure's noun that narrow it ("photojournalism" of "photojournalism
    prizes"), less the holder's own words and words that narrow nothing."""
    if fact is not None and fact.measure is not None:
        text = narrowed_folded_measure(fact.measure.value)
    else:
        text = _unit_words(q)
    if q.kind == "count" and traded(text):
        text = text.rsplit(" ", 1)[0]  # 2 million "car sales" count cars: narrowed as "cars" is
    words = [_one_statistic(normalise(w)) for w in text.replace("-", " ").split()[:-1]]
    skip = set(holder.split()) if holder else set()
    return frozenset(w for w in words if w not in STOPWORDS and w not in _NOT_NARROWING and w not in skip)


def measures_narrowed_apart(measure_a: str, a: Claim, measure_b: str, b: Claim) -> bool:
    """Two measures of one noun as their sentences write them (for the comparison of alike
    sentences; :attr:`FactMatch.narrowed_apart` is one holder's parsed measures narrowed two
    ways), narrowed on one side by a word the
    other sentence never writes ("cars" / "electric cars", "unemployment" / "youth unemployment"),
    or narrowed two ways ("median home price" / "average home price"): a part and its whole, or two
    parts, not one quantity. A word the other sentence writes elsewhere ("123 approved models" /
    "has approved 150 models") narrows nothing apart, nor does a word such as "total" or "new";
    nor does a headline, a summary line or a pull quote that leaves out what narrows its measure
    ("Orrin ships 72,000 robots" over "Orrin delivered 72,000 industrial robots"): it sums up."""
    wa, wb = _narrowing_words(measure_a), _narrowing_words(measure_b)
    if not wa or not wb or wa == wb or _head(measure_a) != _head(measure_b):
        return False  # ("a share of the market" / "the market share": one noun, its head, in both)
    extra_a, extra_b = wa - wb, wb - wa
    if extra_a & word_set(b.text) or extra_b & word_set(a.text):
        return False
    if extra_a and extra_b:
        return True  # narrowed two ways
    return (b if extra_a else a).section == "body"


def _head(measure: str) -> str:
    words = measure.replace("-", " ").split()
    if "of" in words[1:] and normalise(words[words.index("of") - 1]) in RELATIONAL_NOUNS:
        return normalise(words[words.index("of") - 1])  # "risk of stroke": a risk, which "stroke" narrows
    for prep in ("from", "for"):
        if prep in words[1:]:
            return normalise(words[words.index(prep) - 1])  # "revenue from cloud services": a revenue
    return normalise(words[-1]) if words else ""


def _narrowing_words(measure: str) -> frozenset[str]:
    words = measure.split()
    numbers = [i for i, w in enumerate(words) if any(ch.isdigit() for ch in w) and not _NUMBERED_WORD.match(w)]
    if numbers:
        words = words[numbers[-1] + 1 :]  # "registered 241,068 electric vehicles": the words after the figure
    split = [p for w in words for p in ([w.lower()] if _NUMBERED_WORD.match(w) else w.split("-"))]
    return frozenset(
        n for n in (w if _NUMBERED_WORD.match(w) else _one_statistic(normalise(w)) for w in split)
        if n and n not in STOPWORDS and n not in _NOT_NARROWING and n not in _STATUS
    )


#: A modifier with its hyphened number ("10-year", "2-bedroom"), one narrowing word: the
#: 10-year yield and the 2-year yield are two yields.
_NUMBERED_WORD = re.compile(r"\d[\d.,]*-[a-z]", re.I)


def _one_statistic(word: str) -> str:
    """A word naming a statistic as one word names it ("mean" is "average"); any other word as it is."""
    return _STATISTICS.get(word, word)


#: Words that say how a figure stands, not which part of a measure it is, or that a measure
#: written plainly means too: "the official death toll" is the death toll, "reported revenue"
#: and "full-year revenue" the revenue, "net profit" what a report calls its profit.
_STATUS = frozenset("official final reported confirmed actual announced published stated full year annual yearly net".split())


def _modifiers_differ(
    a: Claim, fa: Fact, qa: Quantity, ha: str | None, b: Claim, fb: Fact, qb: Quantity, hb: str | None
) -> bool:
    """One head noun narrowed two ways, or narrowed on one side only ("two photojournalism prizes"
    / "20 prizes"): a part and a whole, or two parts, not one measure. Physical units have no modifiers."""
    if (_contrasts(a, qa) ^ _contrasts(b, qb)) - _UNMARKED:
        return True  # "a peak rate of 3.1 Pflop/s" / "a sustained rate of 2.9 Pflop/s"
    da, db = dimension(a, qa), dimension(b, qb)
    if da is not None and db is not None:
        # "1.2 km long" / "30 m wide": two dimensions; "362 metres long" / "a length of 347 metres":
        # one, however worded
        return da != db
    if qa.kind == "measure" and qa.unit and _parsed_measure(fa) and _parsed_measure(fb):
        # both measures read from the parse ("electrolyser capacity" / "onshore wind capacity"):
        # their narrowing words say whether they are one measure
        return _modifiers(fa, qa, ha) != _modifiers(fb, qb, hb)
    if qa.kind == "measure" and qa.unit and _noun_measure(fa) and _noun_measure(fb) and not (
        _modifiers(fa, qa, ha) or _modifiers(fb, qb, hb)
    ):
        return False  # one noun of the sentence, narrowed on neither side ("diameter" / "total diameter")
    if qa.kind == "measure" and qa.unit and not (qa.unit in TIME_UNITS and qa.noun):
        # a physical unit says what dimension, not which measure of it: "new solar installations
        # reached 240 MW" / "wind capacity reached 270 MW"; the words beside the figures must share one
        oa, ob = _of_phrase(a, qa), _of_phrase(b, qb)
        if oa is not None and ob is not None and oa != ob:
            return True  # "29 GW of onshore wind capacity" / "997 MW of electrolyser capacity"
        return not _beside(a, qa, ha) & _beside(b, qb, hb)
    xa, xb = _modifiers(fa, qa, ha), _modifiers(fb, qb, hb)
    if xa == xb:
        return False
    # a word narrowing one side's noun that the other side writes just before its figure, as the
    # figure's verb ("123 approved models" / "has approved 150 models", "500 installed robots" /
    # "installed 500 robots"): one measure, the same narrowing worded two ways
    return not ((xa - xb and not xb - xa and xa - xb <= _just_before(b, qb))
                or (xb - xa and not xa - xb and xb - xa <= _just_before(a, qa)))


def _just_before(claim: Claim, q: Quantity) -> frozenset[str]:
    """The last two content words before the figure, within its clause ("has *approved* 150")."""
    return context_terms(claim, q, before=2, after=0)


def _noun_measure(fact: Fact | None) -> bool:
    """A physical figure's measure read from its sentence: a noun (phrase) there, never a verb
    (only money is measured by its verb), so its narrowing words say which measure it is."""
    return _parsed_measure(fact) or (
        fact is not None and fact.measure is not None and bool(fact.measure.value) and fact.measure.source in OWN_SOURCES
    )


def _parsed_measure(fact: Fact | None) -> bool:
    """The fact's measure is a noun (phrase) of the sentence, not a unit or a verb."""
    return fact is not None and fact.measure is not None and bool(fact.measure.value) and " " in fact.measure.value.strip()


_OF = re.compile(r"\s+of\s+((?:[\w-]+\s+){0,4})")


def _of_phrase(claim: Claim, q: Quantity) -> frozenset[str] | None:
    """The words of the "of" phrase after a unit ("2.1 GW of onshore wind capacity": onshore, wind,
    capacity), up to the first word that is no content word; None when there is none."""
    m = _OF.match(claim.text[q.end:] + " ")
    if not m:
        return None
    found = []
    for w in m.group(1).split():
        n = normalise(w)
        if n in STOPWORDS:
            break
        if n not in _NOT_NARROWING:
            found.append(n)
    return frozenset(found) or None


def _beside(claim: Claim, q: Quantity, holder: str | None) -> frozenset[str]:
    """Content words next to the figure, less its own unit's and the holder's words."""
    own = set(content_terms(q.text)) | (set(holder.split()) if holder else set())
    return context_terms(claim, q) - own


#: Words that set apart two measures of one unit and noun: a peak and a sustained rate, gross and net
#: income, a nominal and a real figure, a yearly and a monthly one.
_CONTRAST = frozenset(
    """peak sustained theoretical maximum minimum average mean median gross net nominal real adjusted
    annual yearly monthly weekly daily quarterly initial final""".split()
)


#: Contrast words that a figure without one means too: a rate stated plainly is the rate sustained
#: ("scored 1.1 exaflops" / "1.1 exaflops sustained"); its contrast is written ("a peak of 1.7").
_UNMARKED = frozenset({"sustained"})


@by_identity
def _contrasts(claim: Claim, q: Quantity) -> frozenset[str]:
    """The contrast words (:data:`_CONTRAST`) among the content words next to the figure; a rate
    written "a month" or "per year" just after it is "monthly" or "yearly" ("10,000 units monthly"
    / "15,000 units a month")."""
    near = context_terms(claim, q, before=3, after=2)
    found = near & _CONTRAST
    if near & _CAPACITY and " of " not in q.text:
        # "the stadium holds 60,000 fans" / "drew 45,000 fans": room for, not a count ("holds 31 of
        # the top 100 clusters" holds a part of a group)
        found |= {"capacity"}
    stage = _ROUND.search(claim.text, max(0, q.start - 40), min(len(claim.text), q.end + 40))
    if stage:
        found |= {" ".join(stage.group(0).lower().replace("-", " ").split())}  # "Series B" / "Series A" funding
    rate = _RATE.match(claim.text, q.end)
    if rate:
        found |= {_PERIODIC[(rate.group(1) or rate.group(2)).lower()]}
    else:
        each = per_thing(claim, q)
        if each:  # "$500 per person", "$2.10 per share": a rate per thing, not a total
            found |= {each}
    return frozenset("annual" if w == "yearly" else w for w in found)  # one rate, two words


#: Verbs of what something has room for, not of what it counted: a capacity ("holds 60,000",
#: "seats 60,000"). Not the noun "capacity", which in power and production is an amount installed.
_CAPACITY = frozenset({"hold", "holds", "seat", "seats", "accommodate", "accommodates"})
#: A funding round near a figure ("raised $40 million in Series B funding", "a $2 million seed round").
_ROUND = re.compile(r"\b(?:series\s+[a-h]|pre-seed|seed)\b(?=\s+(?:round|funding|financing|investment|extension)|\s*[,.;)]|$)", re.I)

#: "15,000 Optimus units a month", "$2 billion per year", "400,000 batteries annually": a rate just
#: after the figure.
_RATE = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:a|an|per|each|every)\s+(year|month|week|day|quarter)|"
    r"(annually|yearly|monthly|weekly|daily|quarterly))\b", re.I
)
_PERIODIC = {
    "year": "annual", "month": "monthly", "week": "weekly", "day": "daily", "quarter": "quarterly",
    "annually": "annual", "yearly": "annual", "monthly": "monthly", "weekly": "weekly", "daily": "daily",
    "quarterly": "quarterly",
}
#: Words that say which dimension a length is of ("1.2 km long", "30 m wide", "a height of 320 m").
#: A round thing's width is its diameter ("6.5 m across", "a 21-foot-wide mirror", "6.5 m in
#: diameter"); a word of extent alone ("spans 1.2 km") names no dimension.
_DIMENSIONS = {
    "long": "length", "length": "length",
    "wide": "width", "width": "width", "broad": "width", "across": "width", "diameter": "width",
    "tall": "height", "high": "height", "height": "height",
    "deep": "depth", "depth": "depth",
    "thick": "thickness", "thickness": "thickness",
}
_WORDS = re.compile(r"[a-z]+")


@by_identity
def dimension(claim: Claim, q: Quantity) -> str | None:
    """The dimension a length figure is of, where a word just after it or just before it says
    (:data:`_DIMENSIONS`: "1.2 km *long*", "30 m *wide*", "a *height* of 320 m", "320-metre-*tall*");
    None for another figure or none said."""
    base = UNIT_BASES.get(q.unit or "")
    if q.kind != "measure" or base is None or base[0] != "m":
        return None
    after = _WORDS.findall(claim.text[q.end : q.end + 24].lower())[:2]
    before = _WORDS.findall(claim.text[max(0, q.start - 24) : q.start].lower())[-3:]
    own = _WORDS.findall(q.text.lower())
    for word in own + after + before[::-1]:
        if word in _DIMENSIONS:
            return _DIMENSIONS[word]
    return None


def dimensions_differ(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Both figures are lengths of a dimension their sentences name, and not of one."""
    da, db = dimension(a, qa), dimension(b, qb)
    return da is not None and db is not None and da != db


@by_identity
def per_thing(claim: Claim, q: Quantity) -> str | None:
    """``"per person"`` for "$500 per person", ``"per share"`` for "$2.10 a share": the thing a
    figure is a rate per, written just after it (:data:`_PER_THING`); None for a total."""
    if _RATE.match(claim.text, q.end):
        return None  # "per week": a rate in time (:func:`_contrasts` reads it)
    each = _PER_THING.match(claim.text, q.end)
    if each:
        return _per(each.group(1) or each.group(2))
    if _EACH.match(claim.text, q.end):
        return "each"  # "80 turbines of 15 MW each": one turbine's, not the farm's 1.2 GW
    # or in the measure before it, in its clause: "GDP per capita in Tarn was $48,000"
    first, _ = clause_of(claim.text, q.start, q.end)
    before = [m for m in _PER_BEFORE_THING.finditer(claim.text, first, q.start) if m.group(1).lower() not in _PER_TIMES]
    return _per(before[-1].group(1)) if before else None


#: Ways to write a rate per person: "per capita", "a head", "per inhabitant".
_PER_PERSON = frozenset("capita head person people inhabitant resident".split())


def _per(thing: str) -> str:
    word = normalise(thing)
    return "per person" if word in _PER_PERSON else "per " + word


#: "$500 per person", "12 kg per capita", "$2.10 a share": a figure per thing just after it (not "per
#: cent", a percentage written in two words, nor "per year", a rate in time, see :data:`_RATE`; after
#: "a" only the words that make a rate, "a head", "a share": "to a dealer" is no rate).
_PER_THING = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:per\s+(?!cent\b)([a-z]+)|a\s+(head|share|person|piece))\b", re.I)
#: "15 MW each", "priced at $40 apiece": a figure of one of several things.
_EACH = re.compile(r"\s+(?:each|apiece)\b", re.I)
#: "per capita", "per head" in the words before a figure (its measure's: "GDP per capita was ..."),
#: not a time ("output per year", which is a rate in time).
_PER_BEFORE_THING = re.compile(r"\bper\s+(?!cent\b)([a-z]+)\b", re.I)
_PER_TIMES = frozenset("year years annum month months week weeks day days hour hours minute quarter second".split())


@by_identity
def _shared_measure(claim: Claim, q: Quantity, key: str) -> bool:
    """Another figure of the claim has the same measure ("500 mg of drug A and 20 mg of drug B"),
    not counting a restatement of one in another currency ("¥2.3 billion ($318 million)") nor a
    figure the parse gave another holder of the sentence ("the ministry, with a 17 percent stake,
    followed by Halden Capital, with a 10.5 percent stake")."""
    own = next((i for i, other in enumerate(claim.quantities) if other is q), None)
    mine = quantity_fact(claim, own) if own is not None else None
    for i, other in enumerate(claim.quantities):
        if other is q or other.start == q.start:
            continue
        if own is not None and (other.equivalent_of == own or q.equivalent_of == i):
            continue  # the same figure in another currency
        if ";" in claim.text[min(q.end, other.end) : max(q.start, other.start)]:
            continue  # "debuted at 1.10 exaflops; later results are about 1.35": another clause's figure
        fact = quantity_fact(claim, i)
        if measure_key(fact, other) == key and not _own_holders_differ(mine, fact) and not _own_times_differ(mine, fact) and (
            not _own_measures_narrowed_apart(mine, fact)
        ):
            return True
    return False


def _own_measures_narrowed_apart(x: Fact | None, y: Fact | None) -> bool:
    """Of two figures of one sentence, each has a measure its sentence narrows in words the other's
    lacks ("*food* prices were up 5.2% and *energy* prices dropped 2.8%"): which figure is whose is read."""
    if x is None or y is None or x.measure is None or y.measure is None:
        return False
    if x.measure.source != "sentence" or y.measure.source != "sentence":
        return False
    wx, wy = set(x.measure.value.lower().split()), set(y.measure.value.lower().split())
    return bool(wx - wy) and bool(wy - wx)


def _own_times_differ(x: Fact | None, y: Fact | None) -> bool:
    """Of two figures of one sentence, one is dated by the sentence and the other not ("Parks get
    $180 million, up from $150 million in 2030"): one measure, but which figure is whose is read
    (two figures each dated by the sentence are left to the slots: "$2.3 billion in 2031 and $2.8
    billion in 2032")."""
    if x is None or y is None:
        return False
    dated = [f.time is not None and f.time.source == "sentence" for f in (x, y)]
    return dated[0] != dated[1]


def _own_holders_differ(x: Fact | None, y: Fact | None) -> bool:
    """Two figures of one sentence that the sentence itself gives two holders, or one a holder
    and the other none that the page names elsewhere ("280K GPU hours (vs. Orrin's 30.8M GPU hours)")."""
    if x is None or y is None or x.holder is None or y.holder is None or fold(x.holder.value) == fold(y.holder.value):
        return False
    return x.holder.source in OWN_SOURCES or y.holder.source in OWN_SOURCES


def _measure_words(fact: Fact | None, q: Quantity) -> str:
    if fact is not None and fact.measure is not None and fact.measure.text:
        return fact.measure.text
    return _unit_words(q) or q.noun or q.kind


def _unit_words(q: Quantity) -> str:
    """The figure's unit as its sentence writes it where a time unit says what it is spent on
    ("GPU hours", not "hour"), else its unit."""
    return (q.noun if q.unit in TIME_UNITS and q.noun else q.unit) or ""


def referred_apart(fa: Fact | None, a: Claim, fb: Fact | None, b: Claim) -> bool:
    """Two named holders, at least one of them what a pronoun or a description ("it", "the
    company") refers to in the sentence before, that are not one and that neither sentence names:
    "Orrin reported results. The company's revenue rose 12%" / "Valdor reported results. The
    company's revenue rose 9%" are two companies' figures, however alike the sentences. A holder
    lent by a heading or the title may be the page's subject rather than the figure's, and sets
    nothing apart, except in two table cells whose labels name no holder ("Revenue — 2023: $4.1
    billion" under "Orrin results" / under "Valdor results"), where it is the table's subject."""
    if fa is None or fb is None or fa.holder is None or fb.holder is None:
        return False
    sources = {fa.holder.source, fb.holder.source}
    referring = {"previous sentence"}
    if _cell(a) and _cell(b):
        # two table cells whose labels name no holder ("Revenue — 2023: $4.1 billion"): a table is
        # its page's record of its subject, which the heading or the title names
        referring |= {"heading", "title"}
    if not sources & referring or not sources <= referring | OWN_SOURCES:
        return False
    if not (fa.holder.value[:1].isupper() and fb.holder.value[:1].isupper()):
        return False  # a common noun ("the plant") is no name to set apart by
    ka, kb = holder_key(fa, a), holder_key(fb, b)
    if not ka or not kb or holders_match(ka, a, kb, b) or inherited_within(fa, ka, fb, kb):
        return False
    # a sentence that names the other's holder may be about it, whatever its reference was read as
    return not (mentions(a, kb) or mentions(b, ka))


@by_identity
def _cell(claim: Claim) -> bool:
    return is_table_cell(claim.text)


def holders_match(ka: str, a: Claim, kb: str, b: Claim) -> bool:
    """The same holder, one name of three words or more with a word before it on the other side
    ("Ministry of Finance" / "Chinese Ministry of Finance"), or each sentence names the other's
    holder too."""
    if ka == kb or qualified_within(ka, kb) or _acronym_of(ka, kb) or _acronym_of(kb, ka) or acronym_within(ka, kb):
        return True
    return mentions(b, ka) and mentions(a, kb)


#: Small words a name's acronym leaves out ("Bank of the North": BN).
_ACRONYM_SKIPS = frozenset("of the and for &".split())


def _acronym_of(short: str, name: str) -> bool:
    """``short`` (one folded word, two to six letters) is the initials of ``name``'s words (three
    at least; the small words of :data:`_ACRONYM_SKIPS` left out): "vst" of "vega space telescope"."""
    if " " in short or not short.isalpha() or not 2 <= len(short) <= 6:
        return False
    words = [w for w in name.split() if w not in _ACRONYM_SKIPS]
    return len(words) >= 3 and "".join(w[0] for w in words) == short


def inherited_within(fa: Fact, ka: str, fb: Fact, kb: str) -> bool:
    """Two holders, one or both inherited from context, that name one thing: both inherited and
    one within the other ("Frontier" / "Frontier system"), or the inherited one names at least
    the words of the sentence's own ("DeepSeek-V3" from the title / "DeepSeek" in the sentence;
    not "DeepSeek" from the title against "DeepSeek V3 model" in the sentence: the sentence is
    more specific than the page)."""
    own_a, own_b = fa.holder.source in OWN_SOURCES, fb.holder.source in OWN_SOURCES
    if not own_a and not own_b:
        return _name_within(ka, kb)
    inherited, own = (kb, ka) if own_a else (ka, kb)
    words = lambda k: set(k.replace("-", " ").split())  # noqa: E731
    return bool(words(own)) and words(own) <= words(inherited)


def _name_within(ka: str, kb: str) -> bool:
    """One name is the other's words or part of them ("Frontier" / "Frontier system specifications")."""
    wa, wb = set(ka.replace("-", " ").split()), set(kb.replace("-", " ").split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def mentions(claim: Claim, key: str) -> bool:
    own, words = _named_words(claim)
    if key in own:
        return True
    return all(part in words for part in key.replace("-", " ").split())


@by_identity
def _named_words(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """The claim's subjects folded, and its words normalised ("DeepSeek-V3" names DeepSeek and V3)."""
    words = {normalise(w) for w in word_set(claim.text)}
    words |= {normalise(p) for w in words if "-" in w for p in w.split("-")}
    return frozenset(fold(s) for s in claim.subjects), frozenset(words)


#: Sections that sum up a page's body (:mod:`checker.judge.rulekinds.summary`).
_SUMMING_UP = frozenset({"summary", "headline", "quote"})


def _sums_up(fa: Fact, a: Claim, fb: Fact, b: Claim) -> bool:
    """One of two claims of one page is its headline or summary, whose figure only the page's date
    dates, and the other a body sentence: the headline's figure is the body's, of the time the body
    states ("Halvard grows revenue to EUR 8.4 billion" over "revenue rose to EUR 8.4 billion last
    year"), not another time."""
    if a.doc != b.doc or (a.section in _SUMMING_UP) == (b.section in _SUMMING_UP):
        return False
    head = fa if a.section in _SUMMING_UP else fb
    return head.time is not None and head.time.source in ("document date", "given date")


def _as_of(fact: Fact, claim: Claim):
    """The fact's time slot, but for an "as of" date of a figure told in the past tense."""
    if fact.time is None:
        return None
    if fact.time.source in ("document date", "given date") and claim.past_tense:
        return None
    return fact.time


def _time_of(fact: Fact, claim: Claim):
    """The fact's time as a period ``(first, last)`` of the claim's own dates, or None."""
    if fact.time is None or fact.time.source != "sentence":
        return None  # the document's date says when it was written, not a period the figure claims
    for d in claim.dates:
        if d.value == fact.time.value:
            return d
    return None


@by_identity
def same_holder(a: Claim, fa: Fact | None, b: Claim, fb: Fact | None) -> bool:
    """The two facts have one holder (:func:`match`'s ``holder`` slot is the same): one
    name, or one thing as :func:`~checker.frame.keys.things_join` reads ordinal things ("Kessler
    second mill"), or holders taken from context that name one thing. Facts of two holders never
    align (:attr:`FactMatch.aligned`), which the rules ask first: most pairs of an archive are of
    two holders, and this is a small part of :func:`match`'s work."""
    if fa is None or fb is None:
        return False
    ha, hb = holder_key(fa, a), holder_key(fb, b)
    if not ha or not hb:
        return False
    things = things_join(fa, fb)
    if things is not None:
        return things
    if holders_match(ha, a, hb, b):
        return True
    inherited = fa.holder.source not in OWN_SOURCES or fb.holder.source not in OWN_SOURCES
    # the chief executive is not Orrin
    return inherited and inherited_within(fa, ha, fb, hb) and office_holder(fa.holder.value) == office_holder(fb.holder.value)


def aligned(a: Claim, fa: Fact | None, qa: Quantity, b: Claim, fb: Fact | None, qb: Quantity) -> bool:
    """:attr:`FactMatch.aligned` of :func:`match`, with no slot but the holder compared where the
    holders differ."""
    return same_holder(a, fa, b, fb) and match(a, fa, qa, b, fb, qb).aligned


@by_identity
def match(a: Claim, fa: Fact | None, qa: Quantity, b: Claim, fb: Fact | None, qb: Quantity) -> FactMatch:
    """Align two quantity facts slot by slot (see the module docstring)."""
    if fa is None or fb is None:
        return FactMatch()
    same: list[tuple[str, str]] = []
    differ: list[tuple[str, str, str]] = []
    day = narrowed_apart = False
    ha, hb = holder_key(fa, a), holder_key(fb, b)
    if ha and hb:
        inherited = fa.holder.source not in OWN_SOURCES or fb.holder.source not in OWN_SOURCES
        if same_holder(a, fa, b, fb):
            same.append(("holder", fa.holder.text or fa.holder.value))
        elif not inherited or office_holder(fa.holder.value) != office_holder(fb.holder.value):
            # (an office its sentence names, "the chief executive earned", whoever's it is, is not
            # the other's holder)
            differ.append(("holder", fa.holder.text or fa.holder.value, fb.holder.text or fb.holder.value))
        # a holder taken from the heading, the title or the sentence before may be the page's
        # subject rather than the figure's: it can join two facts, never set them apart
    ma, mb = measure_key(fa, qa), measure_key(fb, qb)
    # "31 votes in favour" / "12 votes against", "exports fell 8%" / "imports fell 3%": two sides
    apart = (ma != mb and ma in VOTE_KEYS and mb in VOTE_KEYS) or opposite_measures(ma, mb) or flows_apart(ma, mb)
    if ma and mb and (_shared_measure(a, qa, ma) or _shared_measure(b, qb, mb)):
        pass  # several figures of one measure in a sentence: which is whose is not read yet
    elif ma and mb:
        if ma == mb and not _modifiers_differ(a, fa, qa, ha, b, fb, qb, hb):
            same.append(("measure", _measure_words(fa, qa)))
        elif ma.split(":")[0] == mb.split(":")[0]:
            differ.append(("measure", _measure_words(fa, qa), _measure_words(fb, qb)))
            if ma == mb and _parsed_measure(fa) and _parsed_measure(fb):
                # (each side's own words nowhere in the other sentence: a parse that cut a phrase short,
                # "lithium carbonate output" read as "carbonate output", narrows nothing apart)
                xa, xb = _modifiers(fa, qa, ha), _modifiers(fb, qb, hb)
                narrowed_apart = bool(xa - xb) and bool(xb - xa) and not (
                    (xa - xb) & word_set(b.text) or (xb - xa) & word_set(a.text))
    ta, tb = _time_of(fa, a), _time_of(fb, b)
    if ta is None or tb is None:
        # relative times resolved against the document's date, and "as of" that date for figures
        # stated in the present tense ("now employs 26" in a 2024 page / "employs 24" in a 2023 one);
        # a past-tense figure tells of an event, not of the page's day
        sa, sb = _as_of(fa, a), _as_of(fb, b)
        if sa is not None and sb is not None and times_differ(sa, sb) and not _sums_up(fa, a, fb, b):
            differ.append(("time", sa.text, sb.text))
        elif ta is None and tb is None and sa is None and sb is None and a.doc == b.doc:
            # one document with no date: its "last year" and "this year" are two periods all the same
            ra, rb = _relative(a), _relative(b)
            if ra and rb and all(x[2] < y[1] or y[2] < x[1] for x in ra for y in rb):
                differ.append(("time", ra[0][0], rb[0][0]))
    undated = page_dated = ""
    if (fa.time is None) != (fb.time is None):
        # a date "since May 2022" runs to the present, where an undated figure may well be
        own = ta or tb
        undated = own.text if own is not None and own.qualifier != "since" else ""
        page = fa.time or fb.time
        if own is None and page.source == "document date":
            page_dated = f"its page's, {page.text}"  # a figure as of its page's date, the other of no date
    if ta is not None and tb is not None:
        if ta.first <= tb.last and tb.first <= ta.last:
            same.append(("time", ta.text if ta.value == tb.value else f"{ta.text} / {tb.text}"))
            day = ta.granularity == tb.granularity == "day" and ta.value == tb.value
        else:
            differ.append(("time", ta.text, tb.text))
    if ta is not None or tb is not None:
        # a running total of no date ("has raised $65 million in total", "to date") against a
        # dated figure ("raised $40 million in 2023"): the sum of all periods so far, and one
        # period's ("$65 million in total in 2023" sums that year alone)
        ra = _running(a, qa) if ta is None else None
        rb = _running(b, qb) if tb is None else None
        if (ra is not None and rb is None and tb is not None) or (rb is not None and ra is None and ta is not None):
            same[:] = [entry for entry in same if entry[0] != "time"]
            differ[:] = [entry for entry in differ if entry[0] != "time"]
            differ.append(("time", ra or ta.text, rb or tb.text))
        if not any(slot == "time" for slot, *_ in differ):
            # "now has 500 stores" on a page of no date / "had 300 stores in 2020": now is another
            # time (on a dated page "now" is its date, compared above)
            na = _present(a, qa) if fa.time is None else None
            nb = _present(b, qb) if fb.time is None else None
            if (na is not None and tb is not None) or (nb is not None and ta is not None):
                differ.append(("time", na or ta.text, nb or tb.text))
    if not any(slot == "time" for slot, *_ in differ) and ta is None and tb is None:
        # a figure dated a period before its sentence's own ("4 million units a year earlier") and one
        # of no such shift ("5 million units in the quarter"), where no date resolves either: two periods
        ba, bb = _shifted(a, qa), _shifted(b, qb)
        if (ba is None) != (bb is None):
            same[:] = [entry for entry in same if entry[0] != "time"]
            differ.append(("time", ba or "its sentence's own period", bb or "its sentence's own period"))
    if not any(slot == "time" for slot, *_ in differ):
        # a figure of a thing's first period ("grossed $300 million in its opening weekend") and one
        # of another or of its whole life ("$1.2 billion in total", or no period said): two periods
        oa, ob = _opening(a, qa), _opening(b, qb)
        if oa != ob:
            same[:] = [entry for entry in same if entry[0] != "time"]
            differ.append(("time", oa or ("in total" if _running(a, qa) else "no period said"),
                           ob or ("in total" if _running(b, qb) else "no period said")))
    if not any(slot == "time" for slot, *_ in differ):
        # a figure summed over a span ("will invest $2 billion over five years") and one of a time
        # or of another span ("$500 million this year", "over three years"): two periods
        sa, sb = _span(a, qa), _span(b, qb)
        if sa != sb and ((sa and (tb or fb.time or _relative(b) or sb)) or (sb and (ta or fa.time or _relative(a)))):
            other_a = sa or (ta.text if ta else fa.time.text if fa.time else _relative(a)[0][0])
            other_b = sb or (tb.text if tb else fb.time.text if fb.time else _relative(b)[0][0])
            same[:] = [entry for entry in same if entry[0] != "time"]
            differ.append(("time", other_a, other_b))
    if not any(slot == "time" for slot, *_ in differ):
        # quarters and halves, written with no year ("in the first quarter" / "in the second
        # quarter", "Q1 revenue" / "first-half revenue"), or days of the week ("on Monday" / "on
        # Tuesday"): two periods whatever the year or the week
        # months too, where neither figure has a date ("topped $1 trillion in June" / "fell to $800
        # billion in October"; "in June" of a sentence that dates its figure 2023 may name another event)
        months = (_months(a), _months(b)) if ta is None and tb is None else (frozenset(), frozenset())
        # and ordinal events of a series ("in the first round" / "in the second round"), and how often
        # what is counted happens ("used the app daily" / "weekly")
        for na, nb in ((_periods(a), _periods(b)), (_days(a), _days(b)), months, (_series(a), _series(b)),
                       (_frequencies(a), _frequencies(b))):
            if na and nb and not na & nb:
                same[:] = [entry for entry in same if entry[0] != "time"]
                differ.append(("time", ", ".join(sorted(na)), ", ".join(sorted(nb))))
                break
        else:
            # a day of the week against a longer time ("rose 5% on Tuesday" / "rose 40% this year"):
            # a day's change and a year's
            da, db = _days(a), _days(b)
            wa, wb = (None if da else _longer_than_a_day(a, ta)), (None if db else _longer_than_a_day(b, tb))
            if (da and wb) or (db and wa):
                same[:] = [entry for entry in same if entry[0] != "time"]
                differ.append(("time", ", ".join(sorted(da)) or wa, ", ".join(sorted(db)) or wb))
            else:
                # a month of no year against a year or a quarter ("3.9% in May" / "3.7% in 2019"): a
                # month's figure and a longer period's
                ma = _months(a) if ta is None else frozenset()
                mb = _months(b) if tb is None else frozenset()
                la = None if ma else _longer_than_a_month(a, ta)
                lb = None if mb else _longer_than_a_month(b, tb)
                if (ma and lb) or (mb and la):
                    same[:] = [entry for entry in same if entry[0] != "time"]
                    differ.append(("time", ", ".join(sorted(ma)) or la, ", ".join(sorted(mb)) or lb))
    if not any(slot == "time" for slot, *_ in differ):
        # a quarter or a half of no year in the figure's own clause against a year ("grew 15% in the
        # fourth quarter" / "grew 9% in 2023", "for the full year"): a part of a year and a year
        pa = _clause_periods(a, qa) if ta is None else frozenset()
        pb = _clause_periods(b, qb) if tb is None else frozenset()
        ya = None if pa else _a_year(a, qa, ta)
        yb = None if pb else _a_year(b, qb, tb)
        if (pa and yb) or (pb and ya):
            same[:] = [entry for entry in same if entry[0] != "time"]
            differ.append(("time", ", ".join(sorted(pa)) or ya, ", ".join(sorted(pb)) or yb))
    if not any(slot == "time" for slot, *_ in differ) and qa.change is not None and qb.change is not None:
        # a change over twelve months ("prices rose 3.2% in the year to March", "year on year") against
        # one over a month ("rose 0.4% in March", "month on month"): two periods of change
        wa, wb = _twelve_months(a, qa), _twelve_months(b, qb)
        if bool(wa) != bool(wb) and _one_month(b if wa else a, qb if wa else qa):
            differ.append(("time", wa or "one month", wb or "one month"))
    if fa.place is not None and fb.place is not None:
        if fold(fa.place.value) == fold(fb.place.value) or canonical_place(fa.place.value) == canonical_place(fb.place.value):
            same.append(("place", fa.place.text or fa.place.value))
        else:
            differ.append(("place", fa.place.text or fa.place.value, fb.place.text or fb.place.value))
    if fa.part is not None and fb.part is not None:
        # the part of a whole each figure is the share of ("cloud accounted for 60% of revenue")
        if fold(fa.part.value) == fold(fb.part.value):
            same.append(("part", fa.part.text or fa.part.value))
        else:
            differ.append(("part", fa.part.text or fa.part.value, fb.part.text or fb.part.value))
    da, db = _division(a, qa), _division(b, qb)
    if da != db:
        # "cut 1,000 jobs in its retail division" / "cut 4,000 jobs": a division's figure, maybe of the
        # whole's (where the broader sentence is body text that never writes the division's words)
        mine, other = (da, b) if da else (db, a)
        if (da and db) or (other.section == "body" and not word_set(mine) & word_set(other.text)):
            slot = "phase" if (da or db).endswith(("phase", "stage")) else "division"
            differ.append((slot, da or "none said", db or "none said"))
    ga, gb = _group(a, qa), _group(b, qb)
    if ga != gb:
        # "unemployment among young people rose to 14%" / "unemployment rose to 4%", "among women" /
        # "among men", "$12 an hour for small businesses" / "$15 an hour": a group's figure, and the
        # whole's or another group's (where the other sentence never writes the group's words)
        wa, wb = (word_set(g[1]) if g else None for g in (ga, gb))
        mine, other = (wa, b) if ga else (wb, a)
        if (ga and gb and not (wa & word_set(b.text) and wb & word_set(a.text))) or (
            not (ga and gb) and not mine & word_set(other.text)
        ):
            differ.append(("group", " ".join(ga) if ga else "none said", " ".join(gb) if gb else "none said"))
    oa, ob = _object(a, qa), _object(b, qb)
    if (
        oa is not None and ob is not None and oa[0] == ob[0] and (oa[2] - word_set(b.text)) and (ob[2] - word_set(a.text))
        and not any(slot == "holder" for slot, *_ in differ)  # "paid $2 billion for Valdor": the holder's slot says it
    ):
        # "spent $3 million on the festival" / "on the parade", "lent $4 billion to small businesses" /
        # "to homebuyers": each object has a word the other sentence never writes, so two things
        differ.append(("object", f"{oa[0]} {oa[1]}", f"{ob[0]} {ob[1]}"))
    if fa.holder is None and fb.holder is None:
        pa, pb = _possessor(a, qa), _possessor(b, qb)
        if (
            pa and pb and pa != pb and not word_set(pa) & word_set(b.text) and not word_set(pb) & word_set(a.text)
            and not {pa.split()[-1], pb.split()[-1]} <= _PAGE_SUBJECTS
        ):
            # "the city's population" / "the metro area's population": two owners the sentences write
            # with no name (not "the company's" / "the group's", which a page says of its subject)
            differ.append(("owner", f"the {pa}", f"the {pb}"))
    na, nb = _margin_over(a, qa), _margin_over(b, qb)
    if na and nb and fold(na) != fold(nb) and not word_set(na) & word_set(b.text) and not word_set(nb) & word_set(a.text):
        # "passed the House by 220 votes" / "passed the Senate by 52 votes", "won Iowa by 6 points" /
        # "won Ohio by 8 points": a margin over (or in) two named things
        differ.append(("object", na, nb))
    ea, eb = _befell(a, qa), _befell(b, qb)
    if ea and eb and ea != eb:
        # "the outbreak has infected 3,400 people" / "has killed 3,400 people": those to whom two
        # things happened, two counts
        differ.append(("measure", f"{ea} people", f"{eb} people"))
    ea, eb = _befell_things(a, qa), _befell_things(b, qb)
    if ea != eb and (ea and eb or (ea or eb).split()[0] not in (b.text if ea else a.text).lower()):
        # "the storm damaged 12,000 homes" / "left 300,000 homes without power", "cancelled 1,200
        # flights" / "delayed 3,000 flights": the things to which two things happened, two counts
        # (or where one sentence says what befell them and the other never writes its verb: "recalled
        # 50,000 cars" / "sold 50,000 cars")
        differ.append(("measure", f"{ea or 'none said'} {qa.noun or qa.unit}", f"{eb or 'none said'} {qb.noun or qb.unit}"))
    va, vb = _agent_of(a, qa), _agent_of(b, qb)
    if va and vb and va != vb and va not in word_set(b.text) and vb not in word_set(a.text):
        # "signed by 50 countries" / "ratified by 35 countries": those who did two things
        differ.append(("measure", f"{va} by", f"{vb} by"))
    sa, sb = _sample(a), _sample(b)
    if sa and sb and sa[0] != sb[0]:
        # "a poll of 1,500 voters found 52%" / "a survey of 2,000 adults found 45%": two polls (and
        # their two sizes, no conflict: "a survey of 800 nurses" / "of 900" may well be two surveys)
        differ.append(("source", sa[1], sb[1]))
    xa, xb = _basis(a, qa), _basis(b, qb)
    if (xa and xa[0]) != (xb and xb[0]):
        # "330 m tall, including its antenna" / "300 m tall", "revenue of $5 billion, excluding
        # one-off items" / "$5.6 billion": a figure counted on another basis
        differ.append(("basis", xa[1] if xa else "none said", xb[1] if xb else "none said"))
    sa, sb = _statistic(a, qa), _statistic(b, qb)
    if sa and sb and sa != sb:
        # "the median home price was $420,000" / "the average home price was $510,000": two statistics
        # of one measure, never one value
        differ.append(("statistic", sa, sb))
    ca, cb = _condition(a, qa), _condition(b, qb)
    if ca is None and cb is not None:
        ca = _condition_written(a, cb)
    elif cb is None and ca is not None:
        cb = _condition_written(b, ca)
    if ca != cb and (
        (ca and cb and ca[:2] == cb[:2] and _conditions_differ(ca, cb))
        or (ca is None and cb[1] not in word_set(a.text)) or (cb is None and ca[1] not in word_set(b.text))
    ):
        # "90% effective after two doses" / "60% effective after one dose" (or "60% effective"), "400
        # tokens a second with 8 GPUs" / "with 16 GPUs": a figure under another stated condition
        differ.append(("condition", ca[3] if ca else "none said", cb[3] if cb else "none said"))
    elif qa.value != qb.value and (xa := _a_condition(a, qa)) and (xb := _a_condition(b, qb)):
        # "400 tokens a second with 8 GPUs" / "700 tokens a second with 16 GPUs": two conditions, each
        # of its own figure, not two values of one
        differ.append(("condition", xa, xb))
    if _MODE_GROUP.get(fa.modality, fa.modality) != _MODE_GROUP.get(fb.modality, fb.modality):
        differ.append(("modality", _mode_words(fa.modality), _mode_words(fb.modality)))
    elif _MODE_GROUP.get(fa.modality) == "ahead":
        wa, wb = _forecaster(a), _forecaster(b)
        if (wa is None) != (wb is None):
            # "Orrin expects revenue of $5 billion" / "analysts expect $5.4 billion": two forecasts
            differ.append(("forecaster", wa or "the holder", wb or "the holder"))
    return FactMatch(tuple(same), tuple(differ), apart, day, undated, page_dated, narrowed_apart)


#: Those who forecast a holder's figures besides the holder itself ("analysts expect", "the
#: consensus of economists", "brokers polled by ...").
_OTHERS_FORECAST = re.compile(
    r"\b(?:analysts?|economists?|consensus|forecasters?|strategists?|brokers?|wall street)\b", re.I
)


@by_identity
def _series(claim: Claim) -> frozenset[str]:
    """:func:`checker.frame.timeframe.ordinal_events_named` of the claim's sentence, read once per claim."""
    return ordinal_events_named(claim.text)


@by_identity
def _frequencies(claim: Claim) -> frozenset[str]:
    """:func:`checker.frame.timeframe.frequencies_named` of the claim's sentence, read once per claim."""
    return frequencies_named(claim.text)


@by_identity
def _periods(claim: Claim) -> frozenset[str]:
    """:func:`checker.frame.timeframe.periods_named` of the claim's sentence, read once per claim
    (:func:`match` asks it for every pair of figures)."""
    return periods_named(claim.text)


#: A division of an organisation a figure is counted in or of: "in its retail division", "at the
#: company's cloud unit", "from its chip segment".
_DIVISION = re.compile(
    r"\b(?:in|at|from|of|by)\s+(?:its|their|the(?:\s+[\w-]+['’]s)?|[A-Z][\w-]*['’]s)\s+((?:[\w-]+\s+){1,3}?"
    r"(?:division|unit|segment|subsidiary|arm|branch|phase|stage))\b"
)


@by_identity
def _division(claim: Claim, q: Quantity) -> str | None:
    """The division of an organisation, or the phase of a project, the figure's clause counts it
    in ("cut 1,000 jobs in its retail division": "retail division"; "enrolled 800 patients in its
    second phase"), lower case; None where it names none."""
    first, last = clause_of(claim.text, q.start, q.end)
    m = _DIVISION.search(claim.text, first, last)
    return " ".join(m.group(1).lower().split()) if m else None


#: The group of people or things a figure is counted among: "among young people", "among women
#: aged 18 to 24", up to a preposition, a conjunction or the clause's end.
_AMONG = re.compile(
    r"\bamong\s+(?:the\s+|its\s+|their\s+)?(?P<words>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|by|during|since|from|with|and|or|as|after|before|over|last|this|next|rose|fell|was|were|is|are|has|had|to|reached)\b)"
)


#: Words after "among" that point back to things already named: "4,800 people, among them 2,100
#: nurses" counts a part of the 4,800, as "including" does, and names no group of its own.
_AMONG_BACK = frozenset("them those these which whom others us it".split())


def _a_group(m: re.Match, q: Quantity) -> bool:
    """The "among" phrase ``m`` names a group the figure ``q`` is counted among: it does not point
    back ("among them") and does not reach the figure ("among them 2,100 nurses")."""
    return m["words"].split()[0].lower() not in _AMONG_BACK and not m.start() <= q.start < m.end()


#: The group a price, a rate, a share or a measure is for, right after the figure and its rate ("$12
#: an hour *for small businesses*", "tickets cost $45 *for adults*", "a 20% discount *for students*",
#: "81 years *for women*"): "for" and plural words up to a preposition, a conjunction or the clause's
#: end.
_FOR_GROUP = re.compile(
    r"(?P<rate>\s+(?:an?|per|each)\s+[a-z]+)?\s+for\s+(?:all\s+|the\s+|most\s+|many\s+)?"
    r"(?P<words>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|by|during|since|from|with|and|or|as|after|before|over|aged|under|who|than|while)\b)"
)


#: The group a figure is stated for before its verb ("life expectancy *for men* is 79 years").
_FOR_GROUP_BEFORE = re.compile(
    r"\bfor\s+(?:all\s+|the\s+)?(?P<words>(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\s+"
    r"(?:is|was|are|were|stood|stands|rose|fell|reached|averaged|remained|increased|decreased|grew|dropped|climbed)\b"
)
#: Words that make an amount a price or a charge, which may be set for one group ("tickets cost $45
#: for adults").
_PRICE_WORDS = re.compile(
    r"\b(?:cost|costs|costing|price|prices|priced|fare|fares|fee|fees|ticket|tickets|wage|wages|rent|rents"
    r"|tariff|tariffs|tax|taxes|charge|charges|charged|rate|rates|premium|premiums|subscription)\b", re.I
)


@by_identity
def _group(claim: Claim, q: Quantity) -> tuple[str, str] | None:
    """``(preposition, group)`` of the group the figure's clause counts it among ("unemployment
    among young people rose to 14%": "among", "young people"), or that a price or a rate is for
    ("raised the minimum wage to $12 an hour for small businesses": "for", "small businesses";
    "life expectancy for men is 79 years"; plural words, not a time: "for two years"; a rate, a
    share, a measure or an amount of a price or a charge, not what an amount goes to: "set aside
    €47 billion for toolmakers"), lower case; None where it names none."""
    first, last = clause_of(claim.text, q.start, q.end)
    m = next((m for m in _AMONG.finditer(claim.text, first, last) if _a_group(m, q)), None)
    if m:
        return "among", " ".join(m.group("words").lower().split())
    i = q.end
    if q.noun:  # "300 *jets* for airlines"
        n = re.match(r"\s+" + re.escape(q.noun) + r"\b", claim.text[i:])
        i += n.end() if n else 0
    m = _FOR_GROUP.match(claim.text, i, last)
    if m is None:
        before = list(_FOR_GROUP_BEFORE.finditer(claim.text, first, q.start))
        m = before[-1] if before else None  # "life expectancy for men is 79 years"
    elif not (m["rate"] or q.kind in ("percent", "measure") or _PRICE_WORDS.search(claim.text, first, last)):
        return None  # "set aside €47 billion for toolmakers": what an amount goes to, no price of a group
    if m is None:
        return None
    words = m["words"].lower().split()
    if not (_plural(words[-1]) or words[-1] in _PEOPLE_PLURALS) or set(words) & _NO_OBJECT:
        return None
    return "for", " ".join(words)


#: Plural nouns of people that no "s" ends.
_PEOPLE_PLURALS = frozenset("people men women children".split())


#: What a figure was spent on, sold or lent to, invested in, received about: a preposition right
#: after the figure (and the noun it counts) and its object, up to a preposition, a conjunction or
#: the clause's end ("spent $3 million *on the festival* in 2023", "sold 300 jets *to airlines*"; an
#: amount of money "of" what it buys or is made of, "exported $12 billion *of wheat*").
_OBJECT = re.compile(
    r"\s+(?P<prep>on|to|about|into|for|against|of|in(?=\s+(?:its|their|his|her)\b))\s+"
    r"(?P<words>(?:[A-Za-z][\w'’-]*\s+){0,4}?[A-Za-z][\w'’-]*)"
    r"(?P<where>\s+(?:in|across|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|by|during|since|from|with|and|or|as|after|before|over|last|this|next|per|each|which|that|who|than|while|because)\b)"
)
#: Determiners and possessives, which an object may begin with.
_DETERMINERS = frozenset("the a an its their his her our".split())
#: Object words that make the phrase a time, a base, a level or a manner, no object ("rose 5% *to a
#: record*", "*on average*", "*for the first time*", "*on an annual basis*", "*to date*").
_NO_OBJECT = frozenset(
    """year years quarter quarters month months week weeks day days time times period periods basis average
    record high highs low lows total date end start beginning peak level levels highest lowest track history
    monday tuesday wednesday thursday friday saturday sunday""".split()
) | frozenset(MONTHS)


@by_identity
def _object(claim: Claim, q: Quantity) -> tuple[str, str, frozenset[str]] | None:
    """``(preposition, object as written, its words)`` of what the figure is spent on, sold or
    lent to, invested in or received about (:data:`_OBJECT`), else None. "to" takes an object
    that begins with a determiner, a name or a plural noun ("to airlines", "to the lenders"), never
    a verb ("to expand its plant": a purpose), nor the level a change reached."""
    text, i = claim.text, q.end
    if q.noun:  # "300 *jets* to airlines"
        m = re.match(r"\s+" + re.escape(q.noun) + r"\b", text[i:])
        if m:
            i += m.end()
    m = _OBJECT.match(text, i)
    if m is None:
        return None
    words = m["words"].split()
    content = [w.lower() for w in words if w.lower() not in _DETERMINERS]
    if not content or set(content) & _NO_OBJECT:
        return None
    prep = m["prep"].lower()
    if prep == "of" and (q.kind != "money" or q.noun):
        return None  # only an amount of money is "of" what it buys or is made of ("$12 billion of wheat")
    if prep == "to" and not (
        words[0].lower() in _DETERMINERS or words[0][0].isupper() or _plural(words[0])
        # "to small businesses", "to first-time buyers": words before a plural noun, no verb and
        # its object ("to expand its plants" has a determiner after its first word)
        or (len(words) > 1 and _plural(words[-1]) and not any(w.lower() in _DETERMINERS for w in words[1:]))
    ):
        return None
    written = m["words"]
    where = m["where"]
    if where and not set(word_set(where)) & _NO_OBJECT and not re.search(r"\b[QH][1-4]\b|\bFY", where):
        # a place inside the object ("sold 300 jets to airlines in Asia" / "to airlines in Europe")
        written += where
        content += [w.lower() for w in where.split()[1:] if w.lower() != "the"]
    return ("in" if prep == "into" else prep), written, word_set(" ".join(content))


#: A preposition right before a count that makes the count a condition of another figure of its
#: clause ("90% effective *after two doses*", "400 tokens a second *with 8 GPUs*").
_CONDITION_BEFORE = re.compile(r"\b(after|with|at|using|on)\s+(?:the\s+first\s+|just\s+|only\s+)?$", re.I)


@by_identity
def _condition(claim: Claim, q: Quantity) -> tuple[str, str, float, str] | None:
    """``(preposition, unit, value, as written)`` of a count or a measure (not of time) that
    states a condition of the figure ``q`` in its clause ("The vaccine was 90% effective after two
    doses": "after", "dose", 2.0, "after two doses"); not an amount of money ("sold 3 million shares
    at $42": a price, a figure of its own). None where the clause states none."""
    found = _condition_figure(claim, q)
    if found is None:
        return None
    other, m = found
    end = other.end
    if other.noun and claim.text.startswith(other.noun, other.end + 1):
        end += 1 + len(other.noun)
    return m[1].lower(), normalise(other.unit), other.value, " ".join(claim.text[m.start() : end].split())


@by_identity
def _condition_figure(claim: Claim, q: Quantity) -> tuple[Quantity, re.Match] | None:
    """The other figure of ``q``'s clause that states a condition of it (:func:`_condition`), with
    the match of the preposition before it."""
    first, last = clause_of(claim.text, q.start, q.end)
    for other in claim.quantities:
        if (
            other is q or other.start < first or other.end > last or other.kind not in ("count", "measure")
            or not other.unit or other.unit == "percent" or other.unit in TIME_UNITS
        ):  # (a span of time is the figure's period: "over 42 days", the time slot's)
            continue
        m = _CONDITION_BEFORE.search(claim.text, max(first, other.start - 24), other.start)
        if m is not None:
            return other, m
    return None


def _conditions_differ(ca: tuple[str, str, float, str], cb: tuple[str, str, float, str]) -> bool:
    """Two conditions of one kind differ: their values, where both were read ("after two doses" /
    "after 2 doses" are one), else their words."""
    if not (math.isnan(ca[2]) or math.isnan(cb[2])):
        return ca[2] != cb[2]
    return ca[3].lower() != cb[3].lower()


@by_identity
def _a_condition(claim: Claim, q: Quantity) -> str | None:
    """The condition ``q`` states of another figure of its clause, as written ("with 8 GPUs" of "400
    tokens a second with 8 GPUs"); None where it is none."""
    for other in claim.quantities:
        if other is not q and (found := _condition_figure(claim, other)) is not None and found[0] is q:
            return _condition(claim, other)[3]  # (read from the figure just found, remembered)
    return None


def _condition_written(claim: Claim, other: tuple[str, str, float, str]) -> tuple[str, str, float, str] | None:
    """The condition of the same kind as ``other`` (:func:`_condition`) that ``claim`` writes with
    words the extractor reads no figure in ("after one dose", "after a single dose", "with a
    single GPU"), its value unread (NaN); None where it writes none."""
    prep, unit = other[0], other[1]
    m = re.search(rf"\b{prep}\s+(?:[\w-]+\s+){{1,3}}?({re.escape(unit)}\w*)\b", claim.text, re.I)
    if m is None or normalise(m[1]) != unit:
        return None
    return prep, unit, float("nan"), " ".join(m[0].split())


def _plural(word: str) -> bool:
    """A word that looks like a regular plural noun ("airlines", "businesses"; not "press", "bus"):
    :func:`checker.extract.terms.normalise` strips its plural ``s``."""
    return not word.endswith(("'s", "’s")) and normalise(word) != word.lower()


#: A possessive common noun in the figure's clause, before it: "*the city's* population grew to".
_POSSESSOR = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)['’]s\s")
#: Nouns a page calls its own subject by ("the company's revenue", "the group's"): no second owner.
_PAGE_SUBJECTS = frozenset(
    """company firm group business corporation concern organisation organization maker bank lender insurer
    retailer carrier airline startup automaker carmaker chipmaker manufacturer producer supplier operator""".split()
)


@by_identity
def _possessor(claim: Claim, q: Quantity) -> str | None:
    """The common noun (phrase) whose measure the figure is, written as a possessive before it in its
    clause ("the metro area's population grew to 3.4 million": "metro area"); None where none is."""
    first, _ = clause_of(claim.text, q.start, q.end)
    found = None
    for m in _POSSESSOR.finditer(claim.text, first, q.start):
        found = m.group(1)
    return found


#: Words that name which statistic of a measure a figure is: the median, or the mean ("average",
#: "averaged", "on average": one statistic however written).
_STATISTICS = {"median": "median", "medians": "median", "mean": "average", "average": "average",
               "averaged": "average", "averages": "average", "averaging": "average"}
_STATISTIC = re.compile(r"\b(" + "|".join(_STATISTICS) + r")\b", re.I)


@by_identity
def _statistic(claim: Claim, q: Quantity) -> str | None:
    """"median" or "average" where the figure's clause names which statistic it is ("the median home
    price was $420,000", "prices averaged $510,000", "$510,000 on average"); None where it names none."""
    first, last = clause_of(claim.text, q.start, q.end)
    found = {_STATISTICS[m.group(1).lower()] for m in _STATISTIC.finditer(claim.text, first, last)}
    return found.pop() if len(found) == 1 else None


def described_apart(fa: Fact | None, a: Claim, fb: Fact | None, b: Claim) -> bool:
    """Two holders each sentence describes with one common noun narrowed two ways and no name ("the
    new stadium" / "the old stadium", "the upper reservoir" / "the lower reservoir"), which nothing
    around either sentence resolved, each with a word the other sentence never writes: two things.
    Two nouns ("the film" / "the movie") may be one thing written two ways, and a word that narrows
    nothing ("the new bridge" / "the bridge") sets nothing apart. Two kinds a hyphened number names
    ("a 300-bed hospital" / "a 500-bed hospital") are two things."""
    if fa is None or fb is None or fa.holder is None or fb.holder is None:
        return False
    if fa.holder.source != "sentence" or fb.holder.source != "sentence":
        return False
    va, vb = fa.holder.value, fb.holder.value
    if not (va.islower() and vb.islower()) or office_holder(va) or office_holder(vb):
        return False
    head = normalise(va.split()[-1])
    if head != normalise(vb.split()[-1]) or head in _PAGE_SUBJECTS:
        return False
    ka, kb = hyphen_kinds(va), hyphen_kinds(vb)
    if ka and kb and ka != kb:
        return True  # "a 300-bed hospital costs ..." / "a 500-bed hospital costs ...": two kinds of hospital
    wa, wb = word_set(va) - _NOT_NARROWING, word_set(vb) - _NOT_NARROWING  # "the bridge" / "the new bridge": one
    extra_a, extra_b = wa - wb, wb - wa
    return bool(extra_a and extra_b) and not extra_a & word_set(b.text) and not extra_b & word_set(a.text)


#: A number joined to a word by a hyphen: a kind words name ("300-bed", "two-bedroom").
_KIND = re.compile(r"(?<![\w.,])([\d][\d,.]*|[a-z]+)-([a-z]+)\b")


def hyphen_kinds(words: str) -> frozenset[tuple[str, str]]:
    """The kinds ``(number in digits, word)`` that ``words`` name with a hyphened number ("a
    300-bed hospital", "the two-bedroom flat": ``("300", "bed")``, ``("2", "bedroom")``)."""
    found = set()
    for number, word in _KIND.findall(words.lower()):
        number = str(NUMBER_WORDS[number]) if number in NUMBER_WORDS else number.replace(",", "")
        if number[:1].isdigit():
            found.add((number, word))
    return frozenset(found)


#: A named thing a margin is over or in, just before "by" and the figure: "passed *the House* by
#: 220 votes", "beat *Valdor* by 3 points", "won *Iowa* by 6 points".
_MARGIN_OVER = re.compile(
    r"\b[a-z]+(?:ed|ew|on|at|ot|eat|ost)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+by\s+"
    r"(?:(?:about|some|nearly|almost|just|only|more than|over|roughly|around)\s+)?[$€£¥]?$"
)


#: The same, before a tally with no "by" ("passed *the Senate* 52-48").
_TALLY_OVER = re.compile(
    r"\b[a-z]+(?:ed|ew|on|at|ot|eat|ost)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+$"
)
#: A tally's figures: "52-48", "220 to 212", "61 votes to 39".
_TALLY_AFTER = re.compile(r"[\d,.]+(?:\s+[a-z]+)?\s*(?:to|-|–)\s*[\d,.]+")


@by_identity
def _margin_over(claim: Claim, q: Quantity) -> str | None:
    """The named thing (after a past-tense verb) a margin is over or in, where the figure follows
    it in a "by" phrase ("passed the House by 220 votes": "House"); the tally's second figure
    ("... by 220 votes to 207") is of the same margin. None where no name stands there."""
    text = claim.text
    first, _ = clause_of(text, q.start, q.end)
    start = q.start
    tally = re.search(r"\s+(?:by\s+)?(?=[\d,.]+(?:\s+[a-z]+)?\s*(?:to|-|–)\s*$)", text[first:start])
    if tally:  # "by 220 votes to 207": the figure after "to" is of the margin that "220" opens
        start = first + tally.end()
    m = _MARGIN_OVER.search(text, first, start)
    if m is None and _TALLY_AFTER.match(text, start):
        # "passed the Senate 52-48": a tally right after the name, with no "by"
        m = _TALLY_OVER.search(text, first, start)
    if m is None or m.end() != start:
        return None
    name = m["name"]
    return None if name.split()[0].lower() in STOPWORDS else name


#: A passive verb whose agent is the figure ("signed *by* 50 countries", "used by 3 million people").
_AGENT = re.compile(
    r"\b(?P<verb>[a-z]+(?:ed|en))\s+by\s+(?:(?:about|some|nearly|almost|more than|over|roughly|around|at least)\s+)?$"
)


#: A count's noun and then the verb in the past its counted things did ("12 countries *have
#: ratified* the treaty", "40 firms signed"); not a passive ("300 homes destroyed by the fire").
_DOERS = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)\s+(?:(?:have|has|had)\s+)?(?:(?:now|already|so far|also|since)\s+)?"
    r"(?P<verb>[a-z]+ed)\b(?!\s+by\b)",
    re.I,
)


#: Verbs that count people by what befell them (as written; their stem is the key): "killed 120",
#: "infected 3,400 people", "evacuated 20,000 residents", "employs 41,000".
_BEFELL = re.compile(
    r"\b(?P<verb>(?:kill|injur|wound|infect|hospitali[sz]|evacuat|displac|rescu|arrest|detain|treat|vaccinat|employ|"
    r"hir|fir|sicken|affect|strand|evict)(?:ed|d|s|es)?)\s+(?:(?:at least|about|around|nearly|almost|some|more than|over|"
    r"fewer than|up to|roughly|an estimated)\s+)?$",
    re.I,
)


@by_identity
def _befell(claim: Claim, q: Quantity) -> str | None:
    """The stem of the verb that says what befell the people a count counts, just before it ("has
    killed 120": "kill"); None where no such verb stands there. A count of another noun than
    people (or of none) gives None."""
    if q.kind != "count" or normalise(q.unit or q.noun or "people") not in _PEOPLE:
        return None
    verb = _verb_just_before(claim, q, _BEFELL)
    if verb is None:
        return None
    for end in ("ed", "es", "s", "d"):  # the longest ending whose stem is still one of the verbs
        if verb.endswith(end) and verb[: -len(end)] and _BEFELL.fullmatch(verb[: -len(end)] + " ") is not None:
            return verb[: -len(end)]
    return verb


def _verb_just_before(claim: Claim, q: Quantity, verbs: re.Pattern) -> str | None:
    """The group ``verb`` of ``verbs`` (lower case) where it ends right before the figure ``q``, in
    its clause; None where it does not."""
    first, _ = clause_of(claim.text, q.start, q.end)
    m = verbs.search(claim.text, first, q.start)
    return m["verb"].lower() if m is not None and m.end() == q.start else None


#: Verbs that count things by what befell them (their stem is the key): "damaged 12,000 homes",
#: "cancelled 1,200 flights", "recalled 50,000 cars"; and "left 300,000 homes without power".
_BEFELL_THINGS = re.compile(
    r"\b(?P<verb>(?:damag|destroy|flood|burn|demolish|raz|evacuat|cancel|cancell|delay|divert|ground|recall|"
    r"disconnect|cut off|left)(?:ed|d|s|es)?)\s+(?:(?:at least|about|around|nearly|almost|some|more than|over|"
    r"fewer than|up to|roughly|an estimated)\s+)?$",
    re.I,
)


@by_identity
def _befell_things(claim: Claim, q: Quantity) -> str | None:
    """The stem of the verb that says what befell the things a count counts, just before it ("the
    storm damaged 12,000 homes": "damag"; "left 300,000 homes without power": "left without
    power"); None where no such verb stands there, or the count is of people or of no noun."""
    if q.kind != "count" or not (q.unit or q.noun) or normalise(q.unit or q.noun) in _PEOPLE:
        return None
    verb = _verb_just_before(claim, q, _BEFELL_THINGS)
    if verb is None:
        return None
    if verb == "left":
        last = clause_of(claim.text, q.start, q.end)[1]
        without = re.match(r"\s+(?:[\w-]+\s+){0,2}?without\s+(\w+)", claim.text[q.end : last])
        return f"left without {without[1].lower()}" if without else None
    verb = re.sub(r"(?:ed|d|es|s)$", "", verb)
    return {"cancell": "cancel", "raz": "raze"}.get(verb, verb)


#: Count nouns of people.
_PEOPLE = frozenset("people person resident residents worker patient passenger civilian child adult employee staff".split())


@by_identity
def _agent_of(claim: Claim, q: Quantity) -> str | None:
    """The verb (as written, lower case) whose doers the figure counts: a passive's agent ("has been
    signed by 50 countries": "signed"), or the subject of a verb in the past just after the figure
    and its noun ("12 countries have ratified the treaty": "ratified"); None where the figure is no
    such doer."""
    m = _AGENT.search(claim.text, 0, q.start)
    if m is not None and m.end() == q.start:
        return m["verb"]
    if q.kind != "count" or not q.noun:
        return None
    m = _DOERS.match(claim.text, q.end)
    return m["verb"].lower() if m is not None and m["noun"].lower() == q.noun.lower().split()[-1] else None


#: The size of a poll's, a survey's or a study's sample: "a poll of 1,500 voters", "a survey of
#: about 2,000 adults", "surveyed 3,000 people", "1,200 respondents" (not "among the 7 participants" of a race).
_SAMPLE = re.compile(
    r"\b(?:(?:poll|survey|study|sample|questionnaire|census)\s+of\s+(?:(?:about|some|nearly|around|more than|over)\s+)?"
    r"(?P<a>\d[\d,]*)|(?:surveyed|polled|questioned|interviewed|asked)\s+(?:(?:about|some|nearly|around|more than|over)\s+)?"
    r"(?P<b>\d[\d,]*)|(?P<c>\d[\d,]*)\s+respondents)\b",
    re.I,
)


@by_identity
def _sample(claim: Claim) -> tuple[str, str] | None:
    """``(size, words)`` of the sample of the poll, survey or study the claim's sentence reports on
    (its figures are that poll's findings, or its size), where it writes one; else None. Two sizes
    are two polls, whose sizes and findings are each their own."""
    m = _SAMPLE.search(claim.text)
    if m is None:
        return None
    group = next(g for g in ("a", "b", "c") if m[g])
    return m[group].replace(",", ""), " ".join(m.group(0).split())


#: What a figure is counted with or without, written after it ("330 m tall, including its antenna",
#: "$5 billion, excluding one-off items") or opening its sentence ("Excluding one-off items, ...");
#: "including" before a figure lists a part ("5 million phones, including 2 million in China"), and
#: after a count or before a name it names members ("123 models, including Baidu's ERNIE").
#: A figure in constant currency or in real terms is adjusted ("grew 12% in constant currency" /
#: "grew 9%"), and one before or after fees or tax is counted on that basis ("returned 8% after fees"
#: / "10% before fees").
_BASIS = re.compile(
    r"\b(?P<word>including|inclusive of|excluding|exclusive of|not including|not counting|net of|stripping out|"
    r"adjusted for|on an? (?:adjusted|like-for-like|comparable|constant[- ]currency|organic) basis|"
    r"in constant[- ]currenc(?:y|ies)|at constant (?:currenc(?:y|ies)|exchange rates)|in (?:real|inflation-adjusted) terms|"
    r"like-for-like|(?:before|after) (?:fees|taxes|tax|interest|expenses|subsidies|inflation|charges)|pre-?tax|(?:post|after)-tax)"
    r"(?P<rest>(?:\s+[\w'’-]+){0,3})",
    re.I,
)
_BASIS_KIND = {"including": "including", "inclusive of": "including"}


@by_identity
def _basis(claim: Claim, q: Quantity) -> tuple[str, str] | None:
    """``(kind, words)`` of the basis the figure is counted on, where its sentence says one: kind
    ``including``, ``excluding``, ``adjusted``, ``before`` or ``after``; None where it says none."""
    text = claim.text
    following = [other.start for other in claim.quantities if other.start >= q.end]
    region = [(q.end, min(following) if following else len(text))]
    if min((other.start for other in claim.quantities), default=q.start) == q.start:
        region.append((0, q.start))  # words opening the sentence ("Excluding one-off items, revenue ...")
    clause_start = clause_of(text, q.start, q.end)[0]
    for first, last in region:
        for m in _BASIS.finditer(text):
            if not first <= m.start() < last:
                continue
            taxed = m.group("word").lower().startswith(("before", "after", "pre", "post"))
            if first == 0 and m.start() > 2 and not (taxed and m.start() >= clause_start):
                continue  # (before the figure, only an opening phrase, or the measure's own "profit before tax")
            if re.match(r"\s+(?:about |some |nearly |over |\$|€|£)?\d", text[m.end("word"):]):
                continue  # "including 2 million in China": a part listed, not a basis
            word = m.group("word").lower()
            kind = _BASIS_KIND.get(word, "adjusted" if word.startswith(("adjusted", "on ", "in ", "at ", "like")) else
                                   word.split()[0] if word.startswith(("before", "after")) else
                                   "before" if word.startswith("pre") else "after" if word.startswith("post") else "excluding")
            if kind == "including" and (q.kind == "count" or re.match(r"\s+(?:the\s+)?[A-Z]", text[m.end("word"):])):
                continue  # "123 models, including Baidu's ERNIE": members of the count named, not a basis
            return kind, " ".join(m.group(0).split())
    return None


#: A span a figure is summed over: "over five years", "over the next decade", "across three years".
_SPAN = re.compile(
    r"\b(?:over|across|within|during)\s+(?:the\s+)?(?:next|past|last|coming|following|first)?\s*"
    r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|a|several)\s+)?"
    r"(?:years|months|decades|decade|quarters|weeks)\b",
    re.I,
)


@by_identity
def _span(claim: Claim, q: Quantity) -> str | None:
    """The span the figure is summed over, written after it within its sentence ("will invest $2
    billion over five years"), lower case; None for a figure of a time or of none."""
    following = [other.start for other in claim.quantities if other.start >= q.end]
    last = min(following) if following else len(claim.text)
    for m in _SPAN.finditer(claim.text):
        if q.end <= m.start() < last:  # (the span's own figure, "five years", may follow)
            return " ".join(m.group(0).lower().split())
    return None


def _longer_than_a_day(claim: Claim, own) -> str | None:
    """The words of a time longer than a day that the claim's sentence states (its own date of
    a month, a quarter or a year; "this year", "last quarter"), else None."""
    if own is not None:
        return own.text if own.granularity != "day" else None
    for words, first, last in _relative(claim):
        if first != last:
            return words
    return None


#: A change over the twelve months to a date: "in the year to March", "year on year", "from a year earlier".
_TWELVE_MONTHS = re.compile(
    r"\b(?:(?:in|over) the (?:year|twelve months|12 months) (?:to|through|ending|ended)|year[- ]on[- ]year|"
    r"(?:from|than|compared with|against) (?:a|one) year (?:earlier|ago|before)|on an annual basis|annual rate)\b",
    re.I,
)
#: A change over one month: "month on month", "from the previous month", "in the month".
_MONTHLY = re.compile(r"\b(?:month[- ]on[- ]month|(?:from|than) the (?:previous|prior) month|in the month|monthly)\b", re.I)


@by_identity
def _twelve_months(claim: Claim, q: Quantity) -> str | None:
    """The words saying the figure's clause counts a change over twelve months, else None."""
    first, last = clause_of(claim.text, q.start, q.end)
    m = _TWELVE_MONTHS.search(claim.text, first, last)
    return " ".join(m.group(0).lower().split()) if m else None


@by_identity
def _one_month(claim: Claim, q: Quantity) -> bool:
    """The figure's clause counts a change over a month: a month named ("rose 0.4% in March"), or
    "month on month"."""
    first, last = clause_of(claim.text, q.start, q.end)
    clause = claim.text[first:last]
    return bool(months_named(clause) or _MONTHLY.search(clause))


@by_identity
def _clause_periods(claim: Claim, q: Quantity) -> frozenset[str]:
    """The quarters and halves of a year (:func:`checker.frame.timeframe.periods_named`) that the
    figure's own clause names ("grew 15% in the fourth quarter and 9% for the full year": Q4 for
    the 15%, none for the 9%)."""
    first, last = clause_of(claim.text, q.start, q.end)
    return periods_named(claim.text[first:last])


#: A figure's clause saying its period is a whole year with no year's number.
_WHOLE_YEAR = re.compile(r"\b(?:full[- ]year|for the (?:whole |full |entire )?year|annual|annually)\b", re.I)


def _a_year(claim: Claim, q: Quantity, own) -> str | None:
    """The words of a whole year the figure is dated to: its own date of a year ("in 2023"), or its
    clause's "for the full year", "annual"; else None."""
    if own is not None:
        return own.text if own.granularity == "year" else None
    first, last = clause_of(claim.text, q.start, q.end)
    m = _WHOLE_YEAR.search(claim.text, first, last)
    return m.group(0) if m else None


def _longer_than_a_month(claim: Claim, own) -> str | None:
    """The words of a quarter, a half or a year that the claim's sentence states as its figure's
    date ("in 2019", "in the first quarter of 2024"), else None."""
    if own is not None and own.granularity in ("year", "quarter", "range"):
        return own.text
    return None


@by_identity
def _months(claim: Claim) -> frozenset[str]:
    """:func:`checker.frame.timeframe.months_named` of the claim's sentence, read once per claim."""
    return months_named(claim.text)


@by_identity
def _relative(claim: Claim) -> tuple[tuple[str, str, str], ...]:
    """:func:`checker.frame.timeframe.relative_periods` of the claim's sentence, read once per claim."""
    return tuple(relative_periods(claim.text))


@by_identity
def _running(claim: Claim, q: Quantity) -> str | None:
    """:func:`checker.frame.timeframe.running_total` of the figure, read once per figure."""
    return running_total(claim.text, q.start, q.end)


@by_identity
def _shifted(claim: Claim, q: Quantity) -> str | None:
    """:func:`checker.frame.timeframe.shifted_back` of the figure, read once per figure."""
    return shifted_back(claim.text, q.start, q.end)


@by_identity
def _opening(claim: Claim, q: Quantity) -> str | None:
    """:func:`checker.frame.timeframe.opening_period` of the figure, read once per figure."""
    return opening_period(claim.text, q.start, q.end)


@by_identity
def _present(claim: Claim, q: Quantity) -> str | None:
    """:func:`checker.frame.timeframe.present_marked` of the figure, read once per figure."""
    return present_marked(claim.text, q.start, q.end)


@by_identity
def _days(claim: Claim) -> frozenset[str]:
    """:func:`checker.frame.timeframe.days_named` of the claim's sentence, read once per claim."""
    return days_named(claim.text)


@by_identity
def _forecaster(claim: Claim) -> str | None:
    """Who a forecast in ``claim`` is by, where it is by others than its holder ("analysts"); None
    for the holder's own (guidance, a plan) or a sentence that says nothing of it."""
    m = _OTHERS_FORECAST.search(claim.text)
    return m.group(0).lower() if m else None


def _mode_words(modality: str) -> str:
    return {"actual": "outcome", "plan": "plan", "forecast": "forecast", "reported": "reported claim"}.get(
        modality, modality
    )
