"""Align the date facts of two claims: one holder's one event, dated on each side.

A date fact (kind ``date``) says what its date dates: its measure is the event
(:func:`checker.frame.events.event_key` folds "opened", "went live" and "began operations" to
``open``) and its holder whose event it is. Two date facts of two claims tell of ONE event when
both have a holder and the holders fold alike (:func:`checker.frame.keys.holder_key`; an ordinal
thing, "Kessler second mill", joins "second mill" but never "Kessler" nor "Kessler first mill":
:func:`checker.frame.keys.things_join`), both have an event and the events fold alike, and their
places (where both state one) are not apart (two places apart: neither within the other, and not
a city against a region, which may contain it: :func:`places_apart`). The
rules then compare the dates, whatever the wording of the sentences around them
(:class:`checker.judge.rulekinds.dates.DateMismatch`).

A claim may date one event more than once ("postponed from 2025 to 2027", an old and a new
date): :class:`SharedEvent` keeps every date of each side, and the rule decides what several
dates mean. Claims whose date facts have no holder or no event (the cheap path of
:mod:`checker.frame.facts` sets no event) share no event here, and the rule falls back to
comparing sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..frame.events import event_key, event_object, is_change
from ..frame.keys import acronym_within, by_identity, holder_key, name_within, qualified_within, things_join
from ..frame.regions import region_tier, regions_apart
from ..model import Claim, DateExpr, Fact
from ..extract.terms import word_set
from .factmatch import referred_apart

#: Modalities that look ahead (a plan or target, a forecast); the others state an outcome.
AHEAD = frozenset({"plan", "forecast"})

_MODE_WORDS = {"actual": "an outcome", "plan": "a plan", "forecast": "a forecast", "reported": "a reported outcome"}


@dataclass(frozen=True)
class DatedEvent:
    """One date fact of a claim with its keys: the holder folded, the event folded."""

    fact: Fact
    date: DateExpr
    holder: str
    event: str

    @property
    def ahead(self) -> bool:
        """A plan or a forecast, not an outcome."""
        return self.fact.modality in AHEAD

    @property
    def holder_words(self) -> str:
        return self.fact.holder.text or self.fact.holder.value

    @property
    def mode_words(self) -> str:
        return _MODE_WORDS.get(self.fact.modality, self.fact.modality)


@dataclass(frozen=True)
class SharedEvent:
    """One holder's one event, dated by both claims: every date of it on each side."""

    holder: str  # as the first claim writes it
    event: str  # the event key
    a: tuple[DatedEvent, ...]
    b: tuple[DatedEvent, ...]


def event_of(fact: Fact) -> str | None:
    """The event key of a date fact: its measure folded (:func:`event_key`); None when there is
    no measure, it tells of a change of a date, or the table does not know it as an event that
    happens once to its holder (a launch, a founding, an entry into force): "granted 71,813
    patents in 2018" dates when something was counted, not an event that another date contradicts."""
    if fact.measure is None or not fact.measure.value or is_change(fact.measure.value):
        return None
    return event_key(fact.measure.value)


@by_identity
def dated_events(claim: Claim) -> tuple[DatedEvent, ...]:
    """The claim's date facts that have a holder and an event, in the order of its facts."""
    out = []
    for f in claim.facts:
        if f.kind != "date" or f.figure is None or not 0 <= f.figure < len(claim.dates):
            continue
        holder, event = holder_key(f, claim), event_of(f)
        if holder and event:
            out.append(DatedEvent(f, claim.dates[f.figure], holder, event))
    return tuple(out)  # remembered per claim: not to be changed by a caller


def _places(events: tuple[DatedEvent, ...]) -> set[str]:
    return {e.fact.place.value for e in events if e.fact.place is not None and e.fact.place.value}


def places_apart(xs: set[str], ys: set[str]) -> bool:
    """Two sets of places (as written) name none in common: no place of one is within one of the
    other, and none is a city against a region, or regions of two tiers that may overlap
    ("Phoenix" may lie in "Arizona"; "Ohio" and "Texas", two states, are apart; so are "Arizona"
    and Japan, Japan and Europe: :func:`checker.frame.regions.regions_apart`)."""
    for x in xs:
        for y in ys:
            if name_within(x, y):
                return False
            tx, ty = region_tier(x), region_tier(y)
            if (tx or ty) and tx != ty and not regions_apart(x, y):
                return False
    return True


def _same_holder(x: DatedEvent, y: DatedEvent) -> bool:
    joined = things_join(x.fact, y.fact)
    if joined is not None:
        return joined
    return x.holder == y.holder or acronym_within(x.holder, y.holder) or qualified_within(x.holder, y.holder)


def _part(x: DatedEvent) -> frozenset[str]:
    """The part of a law the event is of (:func:`checker.frame.events.event_object`), as stems."""
    return event_object(x.fact.measure.text if x.fact.measure is not None else "", x.event)


def _same_part(x: DatedEvent, y: DatedEvent) -> bool:
    """Both events of one part of a law (a stem in common), or neither of a part: a provision's
    date and the whole law's are two events, and so are two provisions' dates."""
    px, py = _part(x), _part(y)
    return bool(px & py) if px and py else not px and not py


#: What an event was of or to, right after its words: "opened *to traffic*", "began production
#: *of batteries*", "was promoted *to chief financial officer*"; up to a preposition, a conjunction
#: or the clause's end.
_COMPLEMENT = re.compile(
    r"\s+(?P<prep>to|of)\s+(?P<words>(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|by|during|since|from|with|and|or|as|after|before|last|this|next|which|that|when|until)\b)"
)
#: Words a complement may begin with that name nothing ("opened to the public" names the public).
_DETERMINERS = frozenset("the a an its their his her".split())


def _complement(e: DatedEvent, claim: Claim) -> tuple[str, frozenset[str]] | None:
    """``(preposition, words)`` of what the event was of or to, written right after the event's
    words in the claim's sentence (:data:`_COMPLEMENT`), else None."""
    words = e.fact.measure.text if e.fact.measure is not None else ""
    at = claim.text.find(words) if words else -1
    if at < 0:
        return None
    m = _COMPLEMENT.match(claim.text, at + len(words))
    if m is None:
        return None
    content = word_set(" ".join(w for w in m["words"].split() if w.lower() not in _DETERMINERS))
    return (m["prep"].lower(), content) if content else None


def _complements_apart(x: DatedEvent, a: Claim, y: DatedEvent, b: Claim) -> bool:
    """Both events are of or to something, each with a word the other sentence never writes:
    "opened to traffic in 1937" / "opened to pedestrians in 1936", "began production of batteries"
    / "began production of cars" date two events."""
    cx, cy = _complement(x, a), _complement(y, b)
    return (
        cx is not None and cy is not None and cx[0] == cy[0]
        and bool(cx[1] - word_set(b.text)) and bool(cy[1] - word_set(a.text))
    )


def complements_apart(a: Claim, b: Claim) -> bool:
    """The claims date one event (one event key) only as events of or to two things
    (:func:`_complements_apart`), however alike the sentences: no date of one holds against the
    other's."""
    pairs = [(x, y) for x in dated_events(a) for y in dated_events(b) if x.event == y.event]
    return bool(pairs) and all(_complements_apart(x, a, y, b) for x, y in pairs)


def shared_events(a: Claim, b: Claim) -> list[SharedEvent]:
    """The events of one holder that both claims date (see the module docstring), in the first
    claim's order; an event placed by both claims, in places apart, is two."""
    ours, theirs = dated_events(a), dated_events(b)
    if not ours or not theirs:
        return []
    shared: list[SharedEvent] = []
    seen: set[tuple[str, str]] = set()
    for e in ours:
        key = (e.holder, e.event, _part(e))
        if key in seen:
            continue
        seen.add(key)
        side_a = tuple(x for x in ours if (x.holder, x.event, _part(x)) == key)
        side_b = tuple(
            y for y in theirs
            if y.event == e.event and _same_holder(e, y) and _same_part(e, y) and not _complements_apart(e, a, y, b)
        )
        if not side_b:
            continue
        places_a, places_b = _places(side_a), _places(side_b)
        if places_a and places_b and places_apart(places_a, places_b):
            continue  # "opened in Lyon in 2024" / "opened in Porto in 2026": two openings
        shared.append(SharedEvent(e.holder_words, e.event, side_a, side_b))
    return shared


def events_apart(a: Claim, b: Claim) -> bool:
    """Every date of both claims dates an event bound on the parse, and none of one claim's is an
    event of the other's: another event ("founded in 1998" / "went public in 2004") or the same
    event of two holders (:func:`_holders_apart`: "Orrin was founded in 1998" / "Valdor was
    founded in 2001"). However alike the sentences, their dates date two events."""
    ours, theirs = dated_events(a), dated_events(b)
    if not ours or not theirs:
        return False
    if {e.fact.figure for e in ours} != set(range(len(a.dates))) or {e.fact.figure for e in theirs} != set(range(len(b.dates))):
        return False  # a date the parse bound to no event: the sentences may still say which
    for x in ours:
        for y in theirs:
            if x.event == y.event and not _holders_apart(x, a, y, b):
                return False
    return True


def _holders_apart(x: DatedEvent, a: Claim, y: DatedEvent, b: Claim) -> bool:
    """The two events' holders are not one: two holders each sentence names, or two names that
    references ("it", "the company") were read as in the sentences before, neither named by the
    other sentence ("Orrin is a chipmaker. It was founded in 1998." / "Valdor is a chipmaker. It
    was founded in 2001."). A holder lent by a heading or the title sets nothing apart."""
    if _same_holder(x, y):
        return False
    return (_own_holder(x) and _own_holder(y)) or referred_apart(x.fact, a, y.fact, b)


def referred_dates_apart(a: Claim, b: Claim) -> bool:
    """Every date of both claims has a holder, and each of one claim's is apart from each of the
    other's as :func:`checker.judge.factmatch.referred_apart` says (names that references in the
    sentences before were read as): "Orrin unveiled the X2 drone. The drone went on sale in March
    2024." / "Valdor unveiled the K9 drone. The drone went on sale in June 2024." date two drones'
    sales, whether or not the event table knows the event."""
    ours, theirs = _dated_holders(a), _dated_holders(b)
    return bool(ours) and bool(theirs) and all(referred_apart(x, a, y, b) for x in ours for y in theirs)


@by_identity
def _dated_holders(claim: Claim) -> tuple[Fact, ...]:
    """The claim's date facts, one for each of its dates, where each has a holder; else none."""
    return _one_per_date(claim, [f for f in claim.facts if f.kind == "date" and f.holder is not None])


def _one_per_date(claim: Claim, facts: list[Fact]) -> tuple[Fact, ...]:
    """``facts`` (date facts of ``claim``), one for each of its dates, where they cover every date; else none."""
    by_date = {f.figure: f for f in facts}
    return tuple(by_date.values()) if claim.dates and set(by_date) == set(range(len(claim.dates))) else ()


def sides_apart(a: Claim, b: Claim) -> bool:
    """Every date of both claims dates an event of a known side (:data:`checker.frame.direction.EVENT_SIDES`:
    one that begins a state, ends it or begins it again), and no side of one claim is a side of the
    other: "joined Orrin in 2015" / "left Orrin in 2019", "opened in 1990" / "reopened in 2021"
    date two events, however alike the sentences (which the event table may not know as events)."""
    ours, theirs = _sides(a), _sides(b)
    return bool(ours) and bool(theirs) and not ours & theirs


@by_identity
def _sides(claim: Claim) -> frozenset[str]:
    """The sides of the events the claim's dates date; empty unless every date has one."""
    return frozenset(f.direction for f in _one_per_date(claim, [f for f in claim.facts if f.kind == "date" and f.direction is not None]))


def _own_holder(e: DatedEvent) -> bool:
    return e.fact.holder is not None and e.fact.holder.source == "sentence"


def things_apart(a: Claim, b: Claim) -> bool:
    """The claims date one event (one event key) of two holders that are not one thing, at
    least one of them an ordinal thing (:func:`checker.frame.keys.things_join`): "Kessler's
    first mill started production in 2024" / "Kessler's second mill started production in
    2028" date two mills' production, whatever their sentences share."""
    return any(
        x.event == y.event and things_join(x.fact, y.fact) is False
        for x in dated_events(a) for y in dated_events(b)
    )
