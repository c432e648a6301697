"""Rule kind ``date_mismatch``: the same event dated differently.

Date facts first (:mod:`checker.judge.eventmatch`): two claims whose date facts have the same
holder and the same event (both set: "TSMC" and ``production start``) tell of one event, however
their sentences are worded. Outcomes (or plans) with disjoint dates conflict ("same holder
(TSMC), same event (production start): 2026 vs 2028"); overlapping dates, granularity-aware,
support. A plan against an outcome is no conflict but a related pair; two plans with disjoint
dates from documents of different dates are a plan revised, also related. A claim that dates the
event twice ("postponed from 2025 to 2027") conflicts with nothing. Claims that share no such
event (no date facts with both slots, or another event of the same holder) are judged as below,
but for claims that date one event of two things of a series, at least one an ordinal thing
("Kessler's first mill" / "Kessler's second mill", or the second mill / its owner): those are
two events, and nothing is judged.

Two claims tell of the same event when their masked sentences are very close, they
name the same subject and their figures (if any) agree (and, for a conflict, are the
same figures: close values with two dates are a series, not one event); two sentences that each state
a figure of another kind ("invests $4.3 billion (2020)" / "battery share at 29.3%
(2025)") report two quantities, not one event. Their dates then must overlap,
granularity-aware: "2024" and "December 2024" agree; "July 2025" and "July 2026" do not.

When the two sentences put dates in the same slot (:mod:`checker.judge.slots`: "born 12 June
1875 -- 1 December 1947" against "born 12 October 1875 -- 1 December 1947"), only the
aligned dates are compared, each with its partner, and two ranges in one slot must
agree on both ends. Otherwise two sentences tell of different events when they name
different instances by year ("the 2014 Grand Prix" / "the 2015 Grand Prix") or date
one a naming year ("a 2012 film") and the other an event, or when their verbs differ
("released ... in 2007" / "recorded ... in 2006"). Two sentences that share a name and
date the same life event ("born February 28, 1949" / "born on February 18, 1949"; died,
founded, established) need only ``life_event_similarity``.
"""

from __future__ import annotations

import math
import re

from ...extract.dates import MONTHS
from ...model import Claim
from ..sameness import comparable, dates_overlap, periods_differ, values_agree
from ..slots import aligned_slots
from ..eventmatch import (
    DatedEvent, SharedEvent, complements_apart, event_of, events_apart, referred_dates_apart, shared_events, sides_apart,
    things_apart,
)
from ...extract.terms import event_verbs, names_within, naming_years
from ...frame.timeframe import clause_of
from ..names import holders_disjoint as subjects_disjoint  # currency words name no holder
from .base import PairContext, Param, RuleKind, Verdict


class DateMismatch(RuleKind):
    name = "date_mismatch"
    params = {
        "event_similarity": Param(float, 0.8, "least masked-sentence similarity for the same event"),
        "day_similarity": Param(
            float, 0.4, "least similarity for two sentences giving one calendar day and sharing a word to support"
        ),
        "life_event_similarity": Param(
            float, 0.6, "least similarity when both name the same person or body and date its birth, death or founding"
        ),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if not a.dates or not b.dates:
            return []
        decided = self._event_verdicts(a, b, ctx)
        if decided is not None and (not decided or any(v.relation != "supports" for v in decided)):
            return decided  # the facts decided: a conflict, a revision, or nothing to compare
        # an event the facts find dated alike may sit beside another date of the sentences that
        # differs ("born 12 June 1875 -- 1 December 1947" / "born 12 October 1875 -- ..."): the
        # sentence-based comparison below still runs, and its conflict outranks the support
        found = self._sentence_verdicts(a, b, ctx)
        if decided is None and any(v.relation == "conflicts" for v in found) and (
            events_apart(a, b) or sides_apart(a, b) or referred_dates_apart(a, b)
        ):
            # the facts say the dates are of two events ("founded in 1998" / "went public in 2004",
            # "joined Orrin in 2015" / "left Orrin in 2019"): alike sentences support alike dates,
            # never set them against each other
            found = [v for v in found if v.relation != "conflicts"]
        if decided and not any(v.relation == "conflicts" for v in found):
            return decided
        return found or (decided or [])

    def _sentence_verdicts(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        day = self._same_day(a, b, ctx)
        if day is not None:
            return [self._support(a, b, *day, ctx)]
        if ctx.similarity < min(self.p["event_similarity"], self.p["life_event_similarity"]):
            return []  # every verdict below needs one of the two
        if ctx.similarity < self.p["event_similarity"] and _life_event_dates(a, b) is None:
            return []  # below event_similarity only the dates of a birth, death or founding are judged
        if not _tells_something(a) or not _tells_something(b):
            return []  # a bare date ("August 5, 2025", "Published May 1, 2024": a dateline, a table cell) is no event
        if subjects_disjoint(a.subjects, a.text, b.subjects, b.text):
            return []
        if not names_within(a.subjects, a.text, b.subjects, b.text):
            return []  # every verdict below needs it (and it is cheaper than comparing figures)
        if ctx.similarity >= self.p["event_similarity"] and periods_differ(a, b) and not _one_event_figures(a, b):
            return []  # a support below needs two dates that agree, a conflict the same figures
        if not _figures_agree(a, b):
            return []  # other figures for another date: another period, not another date
        if _figures_unrelated(a, b):
            return []  # "invests $4,284 million (2020)" / "battery share at 29.3% (2025)": two statements
        names_a, names_b = naming_years(a, proper=True), naming_years(b, proper=True)
        if names_a and names_b and names_a != names_b:
            return []  # "the 2018 Lakeside Marathon" and "the 2019 Lakeside Marathon": two instances
        aligned = aligned_slots(a, b, "d")
        if aligned:
            if ctx.similarity < self.p["event_similarity"]:
                return []
            slots = [(a.dates[i], b.dates[j]) for i, j in sorted(aligned.items())]
            wrong = [(x, y) for x, y in slots if not same_date(x, y)]
            if wrong:
                return [self._conflict(a, b, *wrong[0], ctx)] if _one_event_figures(a, b) else []
            x, y = slots[0]
            return [self._support(a, b, x, y, ctx)]
        if not self._same_event(a, b):
            return []
        pairs = [(x, y) for x in a.dates for y in b.dates if _qualifier(x) == _qualifier(y)]
        if not pairs:
            return []
        if any(dates_overlap(x, y) for x, y in pairs):
            x, y = next((x, y) for x, y in pairs if dates_overlap(x, y))
            if ctx.similarity < self.p["event_similarity"]:
                return []
            return [self._support(a, b, x, y, ctx)]
        if ctx.similarity >= self.p["event_similarity"]:
            # of several dates in a sentence, the one of the other's event ("started the company in
            # 1998, retired in 2020" / "retired in 2021": 2020 vs 2021); none where each date of
            # one side dates another event than each of the other's
            rank, x, y = min(((_events_rank(a, x, b, y), x, y) for x, y in pairs), key=lambda t: t[0])
            if rank == 2:
                return []
            return [self._conflict(a, b, x, y, ctx)] if _one_event_figures(a, b) else []
        life = _life_event_dates(a, b)
        if life and ctx.similarity >= self.p["life_event_similarity"]:
            x, y = life
            if not dates_overlap(x, y):
                return [self._conflict(a, b, x, y, ctx)]
        return []

    def _event_verdicts(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict] | None:
        """The verdicts on the events both claims' date facts date (:func:`shared_events`), or
        None when they share none (the sentence-based rules below judge the pair)."""
        shared = shared_events(a, b)
        if not shared:
            # two sites of a series ("its first mill" / "its second mill") date two events
            return [] if things_apart(a, b) or complements_apart(a, b) else None
        verdicts = []
        for event in shared:
            if len(event.a) > 1 or len(event.b) > 1:
                continue  # a moved date or several dates of one event: no one date to hold against the other
            verdict = self._event_verdict(a, b, event, event.a[0], event.b[0], ctx)
            if verdict is not None:
                verdicts.append(verdict)
        return verdicts

    @staticmethod
    def _event_verdict(a: Claim, b: Claim, event: SharedEvent, x: DatedEvent, y: DatedEvent,
                       ctx: PairContext) -> Verdict | None:
        """One event dated by each claim: supports, conflicts, a plan against an outcome, or a
        plan revised between two dated documents; None for overlapping dates that differ (two
        ranges with other ends) and for dates qualified apart ("by 2028" / "in 2026")."""
        same = f"same holder ({event.holder}), same event ({event.event})"
        dx, dy = x.date.text.strip(), y.date.text.strip()
        fields = {"a": x.date.text, "b": y.date.text}
        key = f"{x.date.start}:{y.date.start}"
        fitted = round(min(1.0, 0.5 * ctx.similarity + 0.5), 4)  # one event by its facts, however worded
        if x.ahead != y.ahead:
            reason = f"{same}, but {x.mode_words} ({dx}) against {y.mode_words} ({dy})"
            return Verdict((a.id, b.id), "related", False, reason, round(ctx.similarity, 4), fields, key)
        if _event_qualifier(x.date) != _event_qualifier(y.date):
            return None  # "by 2028" bounds what "in 2026" states; "before" and "after" likewise
        if same_date(x.date, y.date):
            return Verdict((a.id, b.id), "supports", False, f"{same}: {dx} agrees with {dy}", fitted, fields, key)
        if dates_overlap(x.date, y.date):
            return None
        if x.ahead:
            when_a, when_b = ctx.doc_dates.get(a.doc), ctx.doc_dates.get(b.doc)
            if when_a and when_b and when_a != when_b:
                (old, then), (new, now) = sorted([(when_a, dx), (when_b, dy)])
                what = "forecast" if x.fact.modality == y.fact.modality == "forecast" else "plan"
                reason = (f"{same}: {what} revised: {then} in the document of {old}, "
                          f"{now} in the document of {new}")
                return Verdict((a.id, b.id), "related", False, reason, round(ctx.similarity, 4), fields, key)
        return Verdict((a.id, b.id), "conflicts", True, f"{same}: {dx} vs {dy}", fitted, fields, key)

    def _same_day(self, a: Claim, b: Claim, ctx: PairContext):
        """The dates ``(x, y)`` of one calendar day that two sentences about one thing both give
        ("entered into force on 3 March 2031" / "On March 3, 2031, the treaty enters into force"),
        or None. A full date is specific, as a figure of three significant digits is: two
        sentences that give it and share a content word (besides month names) state one fact
        even when worded apart, from ``day_similarity``; their names and figures must not differ."""
        if ctx.similarity < self.p["day_similarity"]:
            return None
        days = [(x, y) for x in a.dates for y in b.dates
                if x.granularity == "day" and y.granularity == "day" and x.value == y.value]
        if not days or not _shares_a_term(a, b):
            return None
        if ctx.similarity >= self.p["event_similarity"] or _life_event_dates(a, b) is not None:
            # close enough for the rules below to judge the pair as one event (another date
            # of it may disagree: "born 12 June 1875" / "born 12 October 1875", both died on
            # one day), unless every date of each agrees with one of the other
            if not all(any(dates_overlap(x, y) for y in b.dates) for x in a.dates) or not all(
                any(dates_overlap(x, y) for x in a.dates) for y in b.dates
            ):
                return None
        if subjects_disjoint(a.subjects, a.text, b.subjects, b.text) or not _figures_agree(a, b):
            return None
        return days[0]

    @staticmethod
    def _same_event(a: Claim, b: Claim) -> bool:
        """Not told apart by naming years or by their verbs (for dates in no common slot)."""
        names_a, names_b = naming_years(a), naming_years(b)
        if (names_a or names_b) and names_a != names_b:
            return False  # "the 2014 Grand Prix" and "the 2015 Grand Prix"; "a 2012 film" and an event
        verbs_a, verbs_b = event_verbs(a.text), event_verbs(b.text)
        return not (verbs_a and verbs_b and not verbs_a & verbs_b)

    @staticmethod
    def _support(a: Claim, b: Claim, x, y, ctx: PairContext) -> Verdict:
        return Verdict(
            claims=(a.id, b.id),
            relation="supports",
            finding=False,
            reason=f"{x.text} agrees with {y.text}",
            score=round(ctx.similarity, 4),
            fields={"a": x.text, "b": y.text},
        )

    @staticmethod
    def _conflict(a: Claim, b: Claim, x, y, ctx: PairContext) -> Verdict:
        reason = (
            f"{x.text.strip()} vs {y.text.strip()}: the same event dated {x.value} and {y.value} "
            f"(sentence similarity {ctx.similarity:.2f})"
        )
        return Verdict(
            claims=(a.id, b.id),
            relation="conflicts",
            finding=True,
            reason=reason,
            score=round(ctx.similarity, 4),
            fields={"a": x.text, "b": y.text},
        )


def same_date(x, y) -> bool:
    """Two dates in one slot agree: they overlap, and two ranges agree on both ends
    (each end compared at the coarser of the two granularities: "2024" fits "2024-09")."""
    if not dates_overlap(x, y):
        return False
    ends_x, ends_y = x.value.split("/"), y.value.split("/")
    if len(ends_x) != 2 or len(ends_y) != 2:
        return True
    return all(p.startswith(q) or q.startswith(p) for p, q in zip(ends_x, ends_y))


def _figures_agree(a: Claim, b: Claim) -> bool:
    """Every pair of figures that may be the same quantity agrees (vacuously true when none are):
    the figures in common slots with each other, the others with every comparable figure but
    counts of two named things ("four conference titles" is not "seven division titles")."""
    if all(_agree_or_unrelated(qa, qb) for qa in a.quantities for qb in b.quantities):
        return True  # no two figures disagree, whichever slots they sit in (aligning is the dear part)
    aligned = aligned_slots(a, b, "q")
    pairs = [(a.quantities[i], b.quantities[j], True) for i, j in aligned.items()]
    taken = set(aligned.values())
    pairs += [
        (qa, qb, False)
        for i, qa in enumerate(a.quantities)
        if i not in aligned
        for j, qb in enumerate(b.quantities)
        if j not in taken
    ]
    for qa, qb, in_slot in pairs:
        if _agree_or_unrelated(qa, qb):
            continue
        if not in_slot and qa.kind == "count" and _other_kind_of_same_noun(qa, qb):
            continue
        return False
    return True


def _agree_or_unrelated(qa, qb) -> bool:
    """The two figures cannot be one quantity, or their values agree."""
    return not (comparable(qa, qb)[0] or _same_measure(qa, qb)) or values_agree(qa, qb)


#: Figure kinds that are values of a period (a rate, a share, an amount of money for a year
#: or a quarter): the same value in two periods is two statistics that happen to be equal.
_PERIOD_VALUES = frozenset({"percent", "money"})


def _one_event_figures(a: Claim, b: Claim) -> bool:
    """Whether the figures let two differently dated sentences be one event: the same
    figures (:func:`_figures_equal`), and not only rates, shares or money amounts, which are
    values of their period ("jobless rate at 14.3% (2023)" / "(2020)": a series)."""
    if not _figures_equal(a, b):
        return False
    kinds = {q.kind for q in a.quantities} | {q.kind for q in b.quantities}
    return not (a.quantities and b.quantities and kinds <= _PERIOD_VALUES)


def _figures_equal(a: Claim, b: Claim) -> bool:
    """Every pair of figures that may be the same quantity states the same value (vacuously
    true when none do). Figures that merely agree ("about €48.4 billion" and "€49.6
    billion", "about 300" and "313") are what a series of one measure looks like in
    neighbouring years, so they make no event that a differing date would contradict; the
    same figure with another date ("921,000 patents in 2023" / "in 2022") does."""
    for qa in a.quantities:
        for qb in b.quantities:
            if (comparable(qa, qb)[0] or _same_measure(qa, qb)) and not math.isclose(qa.value, qb.value, rel_tol=1e-9):
                if qa.kind == "count" and _other_kind_of_same_noun(qa, qb):
                    continue
                return False
    return True


def _figures_unrelated(a: Claim, b: Claim) -> bool:
    """Both sentences state figures, and none of one is of a kind the other states: each
    sentence reports its own quantity, so their dates date two statements, not one event."""
    if not a.quantities or not b.quantities:
        return False
    return not any(comparable(qa, qb)[0] or _same_measure(qa, qb) for qa in a.quantities for qb in b.quantities)


def _same_measure(qa, qb) -> bool:
    """Two amounts or measures in one unit, even if one is an addition and the other a level:
    "adds 387 MW (2018)" and "commissioned 2,999 MW in 2023" tell of other amounts, so of
    other events, not of one event dated twice."""
    return qa.kind == qb.kind and qa.kind in ("money", "measure") and (qa.unit or "") == (qb.unit or "") != ""


_MONTH_WORDS = frozenset(MONTHS)


def _other_kind_of_same_noun(qa, qb) -> bool:
    """"conference titles" and "division titles": one noun, told apart by what comes before it."""
    if not (qa.unit and qb.unit) or qa.unit == qb.unit:
        return False
    wa, wb = qa.unit.split(), qb.unit.split()
    return len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1]  # "industrial robots" and "robots" may be one thing


#: Words of a dateline or a byline: "Published October 23, 2025" names no event of its own.
_DATELINE_WORDS = frozenset("published posted updated last dated issued modified revised".split())


def _shares_a_term(a: Claim, b: Claim) -> bool:
    """Whether the two claims share a content word besides month names and dateline words."""
    shared = set(a.terms) & set(b.terms)
    return any(t not in _MONTH_WORDS and t not in _DATELINE_WORDS and not t[0].isdigit() for t in shared)


def _tells_something(claim: Claim) -> bool:
    """Whether the claim has a content word besides its dates' month names and dateline words."""
    return any(t not in _MONTH_WORDS and t not in _DATELINE_WORDS for t in claim.terms)


_LIFE_EVENT = re.compile(r"(?i)\b(born|died|founded|established|incorporated)\b(?:\s+(?:on|in))?\s*$")


def _life_event_dates(a: Claim, b: Claim):
    """The dates of the same life event ("born February 28, 1949" / "born on February 18, 1949")
    in two sentences that share a name, or None."""
    if not set(a.subjects) & set(b.subjects):
        return None
    def events(c: Claim) -> dict[str, object]:
        out = {}
        for d in c.dates:
            m = _LIFE_EVENT.search(c.text[max(0, d.start - 24):d.start])
            if m:
                out.setdefault(m.group(1).lower(), d)
        return out
    ea, eb = events(a), events(b)
    shared = sorted(set(ea) & set(eb))
    return (ea[shared[0]], eb[shared[0]]) if shared else None


def _event_qualifier(d) -> str | None:
    """:func:`_qualifier` for the date of an event that happens once: "effective July 2025" or
    "applies from 2 August 2026" dates the event itself, as "in July 2025" does."""
    return None if d.qualifier == "since" else _qualifier(d)


def _qualifier(d) -> str | None:
    """"in 2024" and a bare "2024" say the same; "by 2028" and "since 2019" do not."""
    return None if d.qualifier in (None, "in", "on", "during") else d.qualifier


def _date_events(claim: Claim) -> dict[int, str]:
    """The event key of each date of ``claim`` that its date facts name (date number -> key)."""
    out = {}
    for f in claim.facts:
        if f.kind == "date" and f.figure is not None and 0 <= f.figure < len(claim.dates):
            key = event_of(f)
            if key:
                out[f.figure] = key
    return out


def _events_rank(a: Claim, x, b: Claim, y) -> float:
    """How far apart the events two dates date: 0 for one event key (or, where the keys are not
    known, a verb of the dates' clauses in common: "retired in 2020" / "retired in 2021"), 2 for
    two event keys, 1.5 for two clauses' verbs none in common, 1 where nothing is known."""
    ex = _date_events(a).get(next(i for i, d in enumerate(a.dates) if d is x))
    ey = _date_events(b).get(next(i for i, d in enumerate(b.dates) if d is y))
    if ex and ey:
        return 0 if ex == ey else 2
    va, vb = _clause_verbs(a, x), _clause_verbs(b, y)
    if va and vb:
        return 0 if va & vb else 1.5
    return 1


def _clause_verbs(claim: Claim, d) -> frozenset[str]:
    """The past-tense verbs of the clause of ``claim`` that holds the date ``d``."""
    first, last = clause_of(claim.text, d.start, d.end)
    return event_verbs(claim.text[first:last])
