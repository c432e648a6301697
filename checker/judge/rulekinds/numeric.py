"""Rule kind ``numeric_mismatch``: the same quantity stated with incompatible values.

Two figures in a candidate pair are the same quantity when the sentences around them
are close (masked-sentence similarity), they are of the same kind and unit, they count
the same thing, they are about the same subject (no disjoint names), and the claims
are not dated to different periods (nor one to a year and the other to a quarter or a
month of it: "in 2023" / "in the second quarter of 2023" conflict in no value). Then agreeing values give a ``supports`` edge and
incompatible values a ``conflicts`` edge and a finding.

Figures that stand in the same slot of two near-identical sentences (see
:mod:`checker.judge.slots`) are the same quantity even with no noun or unit ("scored 76"
and "scored 86"); a figure with such a partner is compared with it alone. A figure
that is not aligned conflicts only when it cannot be derived from the other
sentence's figures by one addition, subtraction, multiplication or division ("12
birds ... and 8 more land" against "20 birds are on the fence" states a result, not
another value). The same precise figure restated in another document (:func:`_restatement`: an
equal value in one unit, specific enough, of a measure worded alike or on one side only, whose
holders agree, or with a holder on one side only, its own or lent by a heading, the title or the
previous sentence) supports from the
``specific_similarity``, even where the sentences name different things. An amount restated in another currency ("¥2.3 billion ($290
million)") conflicts through its rate only, which the conversion rules check.

A rise and a fall ("rose 4%" / "fell 4%") never agree; two changes measured against two named
bases ("down 5% from its peak" / "up 3% year on year") are two quantities; two figures of one
fact whose directions are opposite ("rose" / "fell", "opened" / "closed") are left to rule DIR001
(:mod:`.direction`); a figure an opening, closing, hiring or firing governs and one with no
direction ("opened 40 stores" / "has 500 stores") are never compared. Two figures whose facts are two sides of a vote ("31 votes in favour" / "12
votes against") are never compared.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ...model import OWN_SOURCES, Claim, Fact, Quantity
from ..sameness import (
    comparable,
    context_terms,
    derived,
    describe,
    clearly_apart,
    in_common_unit,
    overlap,
    periods_differ,
    periods_nested,
    same_counted_thing,
    values_agree,
)
from ..slots import aligned_slots
from ..factmatch import _RATE, FactMatch, _contrasts, _of_phrase, described_apart, dimensions_differ, hyphen_kinds, match as match_facts, measures_narrowed_apart, same_holder, per_thing, referred_apart
from ...frame.keys import by_identity, holder_key, measure_key, office_holder, quantity_fact
from ...frame.binding import COMPANY_SUFFIXES, WORLD, model_code
from ...frame.regions import region_tier
from ...frame.timeframe import clause_of
from ...frame.direction import comparison_base, opposite
from ...extract.quantities import rounds_to, significant_digits
from ...extract.units import TIME_UNITS
from ...extract.terms import content_terms, names_missing, names_within, normalise, word_set
from ..names import holders_disjoint as subjects_disjoint  # currency words name no holder
from .base import PairContext, Param, RuleKind, Verdict

_SUMMARY_SECTIONS = ("headline", "summary", "quote")
#: Count nouns that say nothing about what is counted ("553,000 units").
_GENERIC_COUNTS = frozenset({"unit"})


class NumericMismatch(RuleKind):
    name = "numeric_mismatch"
    params = {
        "conflict_similarity": Param(float, 0.72, "least masked-sentence similarity for a conflict"),
        "support_similarity": Param(float, 0.5, "least masked-sentence similarity for a support"),
        "summary_similarity": Param(
            float, 0.35, "least similarity for a body sentence of the same document to back a summary figure"
        ),
        "specific_similarity": Param(
            float, 0.3,
            "least similarity for two equal specific figures (three significant digits) to support; half of it "
            "for four significant digits or when the claims share two such figures",
        ),
        "context_overlap": Param(float, 0.5, "least overlap of the words around two percentages or amounts"),
        "relative_tolerance": Param(float, 0.0, "relative difference always accepted as agreement"),
        "about_tolerance": Param(float, 0.05, "relative spread of a figure qualified by 'about'"),
        "rounding_limit": Param(float, 0.05, "largest relative difference rounding may explain"),
        "conversion_margin": Param(
            float, 0.1, "relative gap beyond which a converted or restated figure disagrees"
        ),
        "conversion_tolerance": Param(
            float, 0.03, "relative difference a metric/imperial conversion's rounding may explain"
        ),
    }

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        if not a.quantities or not b.quantities:
            return []
        disjoint = subjects_disjoint(a.subjects, a.text, b.subjects, b.text)
        unheld = _unheld(a) or _unheld(b)  # names the parse bound to none of one side's figures
        if disjoint and not (_opener_names_only(a) or _opener_names_only(b) or unheld) and not _apart_by_acronyms(a, b) and not (
            _some_fact_aligned(a, b, holder_only=True)
        ):
            # names the sentences do not share set them apart, unless the parse binds two of their
            # figures to one holder and one measure ("Compute: 9,408 nodes" under a heading naming the
            # machine / "the machine has 8,730 nodes"); acronyms, which beside a figure name a measure
            # as often as a holder ("its HPL score", "a LINPACK score"), set nothing apart
            return []
        if periods_differ(a, b):
            return []
        verdicts: list[Verdict] = []
        supported: set[int] = set()
        backed: set[int] = set()  # figures of b that agree with some figure of a
        matched: set[int] = set()  # figures of a that agree with some figure of b
        conflicting: list[tuple[Quantity, Quantity, float]] = []
        because: dict[tuple[int, int], str] = {}  # why two figures are one quantity, where no fact says
        anchored = False  # the two claims share an equal specific figure ("3,215,776 cores")
        rivals: list[tuple[int, Quantity, float]] = []  # comparable figures whose values disagree
        agreeing: list[tuple[int, Quantity, float]] = []  # and those that agree without a supports edge
        partners_a: dict[int, list[int]] = {}  # comparable figures of b (ids) for each figure of a
        partners_b: dict[int, list[int]] = {}  # and of a (indices) for each figure of b (by id)
        facts: dict[tuple[int, int], FactMatch] = {}  # how the two figures' facts line up
        # figures in a common slot are the same quantity unless one sentence names someone the
        # other does not ("exports of Arizona reached ..." / "exports of Sonora reached ...")
        aligned = aligned_slots(a, b, "q") if names_within(a.subjects, a.text, b.subjects, b.text) else {}
        slots = _slots_by_time(a, b, _restated_slots(a, b, aligned))
        taken = {j for js in slots.values() for j in js}
        facts_b = [quantity_fact(b, j) for j in range(len(b.quantities))]
        for i, qa in enumerate(a.quantities):
            if i in slots:
                partners = [(j, True) for j in slots[i]]
            else:
                partners = [(j, False) for j in range(len(b.quantities)) if j not in taken]
            fa = quantity_fact(a, i)
            for j, in_slot in partners:
                qb = b.quantities[j]
                fm = match_facts(a, fa, qa, b, facts_b[j], qb)
                facts[(i, id(qb))] = fm
                if fm.apart:
                    continue  # "31 votes in favour" / "12 votes against": two sides of a vote, never one quantity
                # names the sentences do not share: only a restatement of one holder's figure, or of a
                # figure whose other side names no one, is compared (:func:`_restatement`)
                crossing = disjoint and not fm.aligned
                if crossing and not ("holder" in fm.slots or _opener_names_only(a) or _opener_names_only(b) or unheld):
                    continue
                if ("holder" in fm.slots and fm.narrowed_apart) or any(slot == "part" for slot, _, _ in fm.differ):
                    # one holder's measure narrowed two ways ("operating profit" / "net profit"), or the
                    # shares of two parts of a whole ("cloud accounted for 60% of revenue" / "devices
                    # accounted for 25%"): two facts, however alike the sentences that state them
                    verdicts.append(self._scope_verdict(a, b, qa, qb, fm, ctx))
                    continue
                if fm.one_thing and fm.differ:
                    # one holder's one measure at another time, in another place, or a plan against an
                    # outcome: two facts, neither a conflict nor a support; say which slot differs
                    verdicts.append(self._scope_verdict(a, b, qa, qb, fm, ctx))
                    continue
                if (fm.aligned and opposite(fa.direction, facts_b[j].direction)) or _bases_differ(a, qa, b, qb):
                    continue  # one fact going opposite ways (left to DIR001), or two bases
                if _event_against_level(fa, facts_b[j]):
                    continue  # "opened 40 stores" / "has 500 stores": what an event added, and a level
                if dimensions_differ(a, qa, b, qb):
                    continue  # "1.2 km long" / "30 m wide": two dimensions of one thing
                if per_thing(a, qa) != per_thing(b, qb) and "/" not in f"{qa.unit}{qb.unit}":
                    continue  # "$500 per person" / "$2.1 billion": a rate per thing and a total, or two rates
                turned = _opposite_changes(qa, qb)  # "rose 4%" / "fell 4%": never one value
                if not turned and self._repeats_exactly(a, b, qa, qb, ctx.similarity):
                    supported.add(i)
                    backed.add(id(qb))
                    verdicts.append(self._verdict(a, b, qa, qb, "supports", 1.0, ctx, fm))
                    continue
                ca, cb, approximate = in_common_unit(qa, qb)  # "615 Pflop/s" / "0.615 Eflop/s"
                ok, _ = comparable(ca, cb)
                if not ok and "measure" in fm.slots and not fm.differ and _one_counted_measure(fa, qa, facts_b[j], qb):
                    ok, cb = True, replace(cb, kind=ca.kind, unit=ca.unit)
                if not ok:
                    continue
                partners_a.setdefault(i, []).append(id(qb))
                partners_b.setdefault(id(qb), []).append(i)
                # two figures whose facts have one holder, one measure, a compatible time and the same
                # modality state one fact, however far apart the sentences are worded
                one_fact = fm.aligned and not (qa.change is None) != (qb.change is None)
                words = 1.0 if in_slot or one_fact else overlap(context_terms(a, qa), context_terms(b, qb))
                agree = values_agree(
                    ca,
                    cb,
                    about_tolerance=self.p["about_tolerance"],
                    relative_tolerance=self.p["relative_tolerance"],
                    rounding_limit=self.p["rounding_limit"],
                ) or (approximate and values_agree(
                    ca, cb, about_tolerance=self.p["about_tolerance"],
                    relative_tolerance=self.p["conversion_tolerance"], rounding_limit=self.p["rounding_limit"],
                ))
                agree = agree and not turned
                if agree and _far_past_bound(ca, cb):
                    # "killed at least 40 people" / "left 200,000 people without power": within the
                    # bound, but so far past it that no writer would round one to the other
                    continue
                if agree and ctx.similarity >= self.p["conflict_similarity"] and _holders_swapped(a, qa, b, qb):
                    # "Beijing and Shanghai account for 62%" / "... Beijing and Shenzhen ... 62%": in
                    # sentences close enough for a changed figure to conflict, each figure is beside a
                    # name the other never mentions, so the equal values may be two holders' figures;
                    # no support (the pair stays related, for review)
                    continue
                if agree and not in_slot and not one_fact and _restatement(
                    a, qa, fa, b, qb, facts_b[j], fm, ca, cb, approximate
                ) and ctx.similarity >= self.p["specific_similarity"] / (2 if _held_alike(fm, qa, qb) else 1):
                    # the same precise figure written again, of one measure and of no two holders
                    # (:func:`_restatement`): a support however far apart the sentences are worded
                    supported.add(i)
                    backed.add(id(qb))
                    matched.add(i)
                    anchored = anchored or _anchor(ca, cb)
                    verdicts.append(self._verdict(a, b, qa, qb, "supports", words, ctx, fm))
                    continue
                if crossing:
                    continue
                if agree and not one_fact and (
                    _of_two_populations(fm, a, qa, b, qb) or _measure_stated_elsewhere(a, fa, qa, b, facts_b[j], qb)
                ):
                    # equal values of two groups, wholes, statistics or holders ("40% of adults" / "40%
                    # of children", "Orrin's chief executive earned $22 million" / "Orrin earned $22
                    # million"), or of two measures ("net profit fell 12%, while revenue rose 4%" /
                    # "revenue fell 12%"): no support, no anchor; no counterpart either, but for one
                    # holder's equal figure at another time ("up from $0.9 billion a year earlier" /
                    # "$0.9 billion in the first quarter"), which may well be the other's figure of
                    # that time, so that it conflicts with neither of the sentence's other figures
                    # (not where both are dated: "$4.6 billion in 2023" / "$4.6 billion in 2022" is
                    # no figure of 2023 on the other side)
                    if _at_two_times(fm) and not (fa.time is not None and facts_b[j].time is not None) and _counterparts(ca, cb):
                        matched.add(i)
                        backed.add(id(qb))
                    continue
                if agree:
                    # an agreeing value of the same kind and unit is this figure's counterpart,
                    # even where the words around the two differ too much for a supports edge
                    if _counterparts(ca, cb):
                        matched.add(i)
                        backed.add(id(qb))
                    anchored = anchored or _anchor(ca, cb)
                    two_holders = "holder" not in fm.slots and _lent(fa, a, qa) and _lent(facts_b[j], b, qb)
                    if not two_holders and (
                        (in_slot and ctx.similarity >= self.p["support_similarity"]) or one_fact
                        or self._supports(a, b, ca, cb, words, ctx.similarity)
                    ):
                        # (not where each figure's holder is its page's, lent by a heading or the title,
                        # and the two are not one: "Power: 21 MW." under two machines' titles)
                        supported.add(i)
                        backed.add(id(qb))
                        verdicts.append(self._verdict(a, b, qa, qb, "supports", words, ctx, fm))
                    elif _counterparts(ca, cb):
                        agreeing.append((i, qb, words))
                elif (approximate or qa.equivalent_of is not None or qb.equivalent_of is not None) and not (
                    clearly_apart(ca, cb, self.p["conversion_margin"])
                ):
                    # miles against kilometres, or "($43 million)" restating "EUR 40 million" against
                    # $43.5 million: a loose conversion or another day's rate, no disagreement; a gap
                    # wider than either explains (940,000 miles / 1.5 million km) is one
                    continue
                elif fm.one_thing and _one_dated(fm, a, b, ctx) and ctx.similarity < self.p["conflict_similarity"]:
                    # one holder's measure, dated on one side only ("1.10 exaflops in June 2022" / "topped
                    # the list with 1.21 exaflops" on a page of no date), in two sentences worded apart:
                    # another value may be another time (a sentence restated with another figure is a change)
                    verdicts.append(self._scope_verdict(a, b, qa, qb, fm, ctx, but=f"only one is dated ({_one_dated(fm, a, b, ctx)})"))
                    continue
                elif one_fact and _placed_one_side(fa, a, facts_b[j], b) and _own_region(fa, a, qa, facts_b[j], b, qb):
                    # one holder's measure counted in a place on one side only ("market share in
                    # Europe was 18%" / "market share was 11%"): a part and, maybe, its whole
                    place = (fa.place if fa.place is not None else facts_b[j].place)
                    verdicts.append(self._scope_verdict(a, b, qa, qb, fm, ctx, but=f"only one is placed ({place.text or place.value})"))
                    continue
                elif one_fact and not (derived(qb, a) or derived(qa, b)):
                    conflicting.append((qa, qb, words))
                elif in_slot:
                    if ctx.similarity >= self.p["conflict_similarity"] and not _apart_however_alike(
                        fm, a, fa, qa, b, facts_b[j], qb
                    ):
                        conflicting.append((qa, qb, words))
                elif self._conflicts(a, b, ca, cb, words, ctx.similarity) and not (
                    derived(qb, a) or derived(qa, b) or _apart_however_alike(fm, a, fa, qa, b, facts_b[j], qb)
                ):
                    conflicting.append((qa, qb, words))
                else:
                    rivals.append((i, qb, words))
        if anchored and ctx.similarity >= self.p["support_similarity"]:
            # and an agreeing figure that is the only one of its kind and unit on each side
            # ("or 3%" / "or 3%" beside one fine) states the same thing, whatever words surround it
            for i, qb, words in agreeing:
                if i not in supported and _alone(i, qb, partners_a, partners_b, matched, backed):
                    supported.add(i)
                    backed.add(id(qb))
                    verdicts.append(self._verdict(a, b, a.quantities[i], qb, "supports", words, ctx, facts.get((i, id(qb)))))
            # An equal specific figure in both ("3,215,776 cores") says the two sentences describe
            # one thing; a figure that is then the only one of its kind and unit on each side and
            # disagrees ("38.6 gigaflops/watt" / "44.9 Gflops/watt") is the same quantity stated
            # two ways, though the sentences are worded apart.
            for i, qb, words in rivals:
                qa = a.quantities[i]
                if _alone(i, qb, partners_a, partners_b, matched, backed) and _counterparts(qa, qb) and not (
                    derived(qb, a) or derived(qa, b)
                ):
                    conflicting.append((qa, qb, words))
        if ctx.similarity >= self.p["specific_similarity"]:
            # "EUR 7.5 million or 1.5%" / "up to EUR 7,500,000 or 1%": a tier of a list, one amount
            # with its alternative; the same precise amount makes the two alternatives one quantity
            for amount, qa2, qb2 in _tier_partners(a, b):
                because[(id(qa2), id(qb2))] = f"each the alternative to {amount}"
                if not values_agree(qa2, qb2, about_tolerance=self.p["about_tolerance"],
                                    relative_tolerance=self.p["relative_tolerance"], rounding_limit=self.p["rounding_limit"]):
                    conflicting.append((qa2, qb2, 1.0))  # (unless either figure also agrees with another)
        if conflicting and periods_nested(a, b):
            conflicting = []  # a year's figure and a quarter's (or a month's) are two quantities
        for qa, qb, words in conflicting:
            index = a.quantities.index(qa)
            if index in supported or index in matched or id(qb) in backed:
                continue  # either figure is also matched by an agreeing value
            if not supported and _names_a_kind(a, qa) and _names_a_kind(b, qb):
                # "the 10-year yield rose to 4.5%" / "the 2-year yield rose to 4.9%": each figure
                # says which kind of thing the sentence's other figure measures, and nothing else
                # agrees: two kinds of yield, not one yield stated twice with two changed figures
                # (where the rest agrees, "a three-year deal worth EUR 12 million" / "a four-year
                # deal worth EUR 12 million", the one deal's length conflicts)
                continue
            verdicts.append(self._verdict(a, b, qa, qb, "conflicts", words, ctx, facts.get((index, id(qb))),
                                          because.get((id(qa), id(qb)))))
        return _best_per_figure(verdicts)

    def _supports(self, a: Claim, b: Claim, qa: Quantity, qb: Quantity, words: float, sim: float) -> bool:
        if self._backs_summary(a, b, qa, qb, sim):
            return True
        if _specific_match(qa, qb) and (
            sim >= self.p["specific_similarity"]
            or sim >= self.p["specific_similarity"] / 2
            and (min(_significant_digits(qa), _significant_digits(qb)) >= 4 or _shared_specific(a, b) >= 2)
        ):
            return True
        if sim < self.p["support_similarity"]:
            return False
        if qa.kind == "count":
            if same_counted_thing(qa, qb):
                return True
            # "2,400 AI Firms" in a headline repeats "2,400 registered enterprises":
            # accept another noun for an exact, specific figure when the sentences are close.
            summary = a.section in _SUMMARY_SECTIONS or b.section in _SUMMARY_SECTIONS
            return summary and qa.value == qb.value and (words > 0 or sim >= 0.6)
        if _physical_measure(qa, qb):
            # a physical unit says what is measured ("273 square feet" / "270 square feet", "2.3
            # exaflops" / "2.315 Eflop/s"), as a currency or "percent" does not
            return True
        if qa.kind == "money" and qa.value == qb.value and qa.qualifier == qb.qualifier and words > 0:
            # the same amount in one currency, even a round one, with the same qualifier, beside
            # a word both use of it ("raising its Kestrel investment to €50 billion" / "total
            # investment ... EUR 50 billion"): one fact from the support similarity, however the
            # rest is worded (a share is not: "35% of installations" / "a 35% density surge")
            return True
        return words >= self.p["context_overlap"] or (qa.value == qb.value and sim >= 0.75)

    def _backs_summary(self, a: Claim, b: Claim, qa: Quantity, qb: Quantity, sim: float) -> bool:
        """A headline or takeaway figure repeated exactly by a body sentence of the same document."""
        sections = {a.section, b.section}
        if a.doc != b.doc or "body" not in sections or not sections & set(_SUMMARY_SECTIONS):
            return False
        return qa.value == qb.value and qa.unit == qb.unit and sim >= self.p["summary_similarity"]

    def _repeats_exactly(self, a: Claim, b: Claim, qa: Quantity, qb: Quantity, sim: float) -> bool:
        """A takeaway repeating a specific figure of its own document's body, in other words:
        "Zurich sells 503,481 EVs" / "buyers in Zurich registered 503,481 electric vehicles";
        "Oaxaca adds 2,191 MW" / "Oaxaca commissioned 2,191 megawatts". Three significant
        digits or more, so a coincidence within one document is unlikely."""
        if qa.value != qb.value or qa.kind != qb.kind or (qa.unit or "") != (qb.unit or "") and qa.kind != "count":
            return False
        sections = {a.section, b.section}
        if a.doc != b.doc or "body" not in sections or not sections & set(_SUMMARY_SECTIONS):
            return False
        if sim < self.p["summary_similarity"]:
            return False
        if _significant_digits(qa) >= 3:
            return True
        # "Crete adds 9.0 GW of wind (2021)" / "... connected in Crete came to 9.0 GW in 2021"
        same_period = bool(a.dates) and {d.value for d in a.dates} == {d.value for d in b.dates}
        return bool(qa.unit) and qa.unit == qb.unit and _significant_digits(qa) >= 2 and same_period

    def _conflicts(self, a: Claim, b: Claim, qa: Quantity, qb: Quantity, words: float, sim: float) -> bool:
        if sim < self.p["conflict_similarity"]:
            # a measure in one physical unit, named by the same two words just before it, of a
            # subject both sentences name ("Orca set a peak rate of 3.1 Pflop/s last week" / "the
            # Orca array ... with a peak rate of 2.8 Pflop/s") is one quantity from the support
            # similarity, as for a support: the unit and the words say what is measured, the name whose
            return (
                sim >= self.p["support_similarity"]
                and _physical_measure(qa, qb)
                and _named_alike(a, qa, b, qb)
                and bool(set(a.subjects) & set(b.subjects))
            )
        if qa.kind == "count":
            return same_counted_thing(qa, qb)
        return words >= self.p["context_overlap"]

    def _scope_verdict(self, a, b, qa, qb, fm: FactMatch, ctx, but: str | None = None) -> Verdict:
        """A related edge for two facts of one holder's measure whose time, place or modality differ
        (or ``but``: what else keeps them apart)."""
        return Verdict(
            claims=(a.id, b.id),
            relation="related",
            finding=False,
            reason=f"{describe(qa)} and {describe(qb)}: " + (
                f"{fm.explain()}, but {but or fm.difference()}" if fm.explain() else (but or fm.difference())
            ),
            score=round(ctx.similarity, 4),
            fields={"a": describe(qa), "b": describe(qb), "thing": qa.unit or qa.noun or qa.kind},
            key=f"{qa.start}:{qb.start}",
        )

    def _verdict(self, a, b, qa, qb, relation, words, ctx, fm: FactMatch | None = None, because: str | None = None) -> Verdict:
        """The verdict, its reason in words: the slots that matched (holder, measure, time), or
        ``because``: why the two figures are one quantity, never a similarity or a word list (the score says
        how close the sentences are)."""
        thing = qa.unit or qa.noun or qa.kind
        if qa.kind != qb.kind and fm is not None and "measure" in fm.slots:
            thing = dict(fm.same)["measure"]  # a count of "H800" in a "GPU Hours" row: the row's words
        slots = because or (fm.explain() if fm is not None and fm.one_thing else "")
        if not slots:
            why = []
            if qa.unit and qa.unit == qb.unit:
                why.append(f"both count {qa.unit}" if qa.kind == "count" else f"both in {qa.unit}")
            shared = sorted(set(a.subjects) & set(b.subjects))
            if shared:
                why.append("same subject " + ", ".join(shared[:3]))
            if fm is not None and "time" in fm.slots:
                why.append(f"same period {dict(fm.same)['time']}")
            elif a.dates and b.dates and not (fm is not None and any(slot == "time" for slot, *_ in fm.differ)):
                # a period both sentences state ("... in 2023, up from 35 million in 2022" / "in 2022": 2022)
                common = [d.value for d in a.dates if d.value in {e.value for e in b.dates}]
                if common:
                    why.append(f"same period {common[0]}")
            if not why:
                why.append("closely worded sentences")
            slots = "; ".join(why)
        if relation == "conflicts" and _opposite_changes(qa, qb):
            reason = f"{describe(qa)} ({qa.change}) vs {describe(qb)} ({qb.change}): opposite changes of the same {thing} ({slots})"
        elif relation == "conflicts":
            reason = f"{describe(qa)} vs {describe(qb)}: incompatible values for the same {thing} ({slots})"
        else:
            reason = f"{describe(qa)} agrees with {describe(qb)} ({slots})"
        score = round(min(1.0, 0.5 * ctx.similarity + 0.5 * max(words, 0.5)), 4)
        return Verdict(
            claims=(a.id, b.id),
            relation=relation,
            finding=relation == "conflicts",
            reason=reason,
            score=score,
            fields={"a": describe(qa), "b": describe(qb), "thing": thing},
            key=f"{qa.start}:{qb.start}",
        )


def _restated_slots(a: Claim, b: Claim, aligned: dict[int, int]) -> dict[int, list[int]]:
    """The figures of ``b`` each figure of ``a`` is compared with in a common slot: the aligned one,
    and where either side restates its figure in another currency ("EUR 40 million ($43
    million)"), the restatement too, so that the figure in the other's currency finds its match."""
    def family(quantities: tuple[Quantity, ...], k: int) -> list[int]:
        base = quantities[k].equivalent_of if quantities[k].equivalent_of is not None else k
        return [n for n, q in enumerate(quantities) if n == base or q.equivalent_of == base]

    slots: dict[int, list[int]] = {}
    for i, j in aligned.items():
        for ia in family(a.quantities, i):
            for jb in family(b.quantities, j):
                if jb not in slots.setdefault(ia, []):
                    slots[ia].append(jb)
    return slots


def _slots_by_time(a: Claim, b: Claim, slots: dict[int, list[int]]) -> dict[int, list[int]]:
    """``slots`` with a figure moved from a common slot whose partner's stated time differs to the
    one figure of the same sentence that states that time ("The airport handled 42 million
    passengers in 2023, up from 35 million in 2022" / "handled 38 million passengers in 2022": the 38
    million is compared with the 35 million, not with the 42 million of 2023 its words line up with)."""
    def time(claim: Claim, k: int) -> str | None:
        fact = quantity_fact(claim, k)
        return fact.time.value if fact is not None and fact.time is not None and fact.time.source == "sentence" else None

    out = {i: list(js) for i, js in slots.items()}
    for i, js in slots.items():
        for j in js:
            ta, tb = time(a, i), time(b, j)
            if ta is None or tb is None or ta == tb:
                continue
            taken = {n for ns in out.values() for n in ns}
            in_a = [k for k in range(len(a.quantities)) if k not in out and time(a, k) == tb]
            in_b = [k for k in range(len(b.quantities)) if k not in taken and time(b, k) == ta]
            if len(in_a) == 1:
                out[i].remove(j)
                out[in_a[0]] = [j]
            elif len(in_b) == 1:
                out[i][out[i].index(j)] = in_b[0]
    return {i: js for i, js in out.items() if js}


#: Words beside a figure that say nothing of what it measures ("a total of", "the new").
_NO_MEASURE_WORDS = frozenset("total new overall combined whole entire current last estimated reported".split())


def _restatement(a: Claim, qa: Quantity, fa, b: Claim, qb: Quantity, fb, fm: FactMatch, ca: Quantity, cb: Quantity,
                 approximate: bool) -> bool:
    """The same precise figure restated in another document: "Total power: 34 MW operational power
    budget" / "Power: 34 MW."; "4,512,768 combined GPU and CPU cores" / "from 4,512,768 cores";
    "up to €25 million or 4%" / "up to EUR 25,000,000 or 4%".

    * the values are equal in one unit (the same currency or physical unit, a percentage, or a
      count of the same noun or of a noun one side leaves out), with qualifiers that agree (the
      caller's values_agree), written exactly (no loose conversion) and neither a change;
    * the figure is precise: three significant digits or more, two for an amount of a million or
      more, or two for a measure in a physical unit (not time) whose measure words agree;
    * no slot of the two facts differs but the measure's wording (:class:`FactMatch`: no other
      holder, time, place or modality), and the measure words agree: the fact matcher's same
      measure, or a content word both figures' measure words or neighbours share (no contrast
      word on one side only: "peak" / "sustained"), or none stated on one side;
    * the holders agree, or at most one side has a holder (its own, or one taken from a heading,
      the title or the previous sentence); a heading that is only words of the figure's own
      measure (the heading "Power Consumption" above "Total Power: 34 MW") is no holder.

    The values are compared as stated, never by a threshold on a rounded difference."""
    if approximate or qa.change != qb.change or ca.kind != cb.kind or fm.apart:
        return False
    if any(slot != "measure" for slot, _, _ in fm.differ):
        return False
    if ca.value == 0:
        return False
    if not math.isclose(ca.value, cb.value, rel_tol=1e-9, abs_tol=0.0) and not (
        ("measure" in fm.slots or _physical_measure(ca, cb) and (fa is None or fa.measure is None or fb is None or fb.measure is None))
        and _rounded_alike(ca, _significant_digits(qa), cb, _significant_digits(qb))
    ):
        return False  # other values, unless one rounds the other for one measure ("$5.6 million" / "$5.57 million")
    digits = min(_significant_digits(qa), _significant_digits(qb))
    if ca.kind == "count":
        if not (ca.unit and cb.unit and same_counted_thing(ca, cb)):
            if ca.unit and cb.unit:
                return False  # two nouns counted: "24 segments" / "24 mirrors"
            # a noun on one side only ("12.6 trillion" / "12.6T tokens"): one holder's, or a count
            # too specific for a coincidence ("4,512,768")
            if not (digits >= 4 or (digits >= 3 and "holder" in fm.slots)):
                return False
    elif (ca.unit or "") != (cb.unit or ""):
        return False
    strong = digits >= 3 or (digits >= 2 and ca.kind == "money" and abs(ca.value) >= 1e6)
    if not strong and not (digits >= 2 and _physical_measure(ca, cb)):
        return False
    if "holder" not in fm.slots:
        held = [f for f, c, q in ((fa, a, qa), (fb, b, qb)) if _holds(f, c, q)]
        if len(held) == 2:
            # two holders the matcher did not join, the sentences' own or inherited (two pages'
            # subjects): a support would confirm one thing's figure by another's
            return False
    if "measure" in fm.slots:
        return True
    if "holder" in fm.slots and fm.same_day:
        # one holder's equal amount on one calendar day both sentences state ("operational since
        # December 31, 2024, the fund set aside an initial CN¥93 billion" / "injecting 93 billion
        # yuan ... on December 31 2024"): one fact, whichever words each writer chose
        return True
    if _contrasts(a, qa) != _contrasts(b, qb):
        return False
    wa, wb = _measure_words(a, qa, fa), _measure_words(b, qb, fb)
    if fa is not None and fb is not None and (fa.measure is None or fb.measure is None):
        # a measure stated on one side only; a physical unit ("GFLOPS/W") says what is measured
        return not (wa and wb) or bool(wa & wb) or _physical_measure(ca, cb)
    return bool(wa & wb)


def _held_alike(fm: FactMatch, qa: Quantity, qb: Quantity) -> bool:
    """One holder's figure of three significant digits or more on both sides: as unlikely a
    coincidence as two shared figures, so half the specific similarity will do."""
    return "holder" in fm.slots and min(_significant_digits(qa), _significant_digits(qb)) >= 3


def _rounded_alike(ca: Quantity, da: int, cb: Quantity, db: int) -> bool:
    """The figure written with fewer significant digits (two at least) is the other rounded to them:
    "$5.6 million" of "$5.57 million", "17 percent" of "17.44%"; never "5.58" of "5.57". One
    marked approximate ("~52", "about 52") may be the other cut off as well ("52.6")."""
    (coarse, digits, about), (fine, more, _) = sorted(
        ((ca.value, da, ca.qualifier == "about"), (cb.value, db, cb.qualifier == "about")), key=lambda x: x[1]
    )
    return 2 <= digits < more and rounds_to(fine, coarse, digits, cut=about)


def _holds(fact, claim: Claim, q: Quantity) -> bool:
    """The fact has a holder: the sentence's own, or one inherited that shares no word with what the
    figure measures (the heading "Power Consumption" above "Total Power: 34 MW" names the measure)."""
    if fact is None or fact.holder is None or not holder_key(fact, claim):
        return False
    if fact.holder.source in OWN_SOURCES:
        return True
    return not set(content_terms(fact.holder.value)) & _measure_words(claim, q, fact)


def _lent(fact, claim: Claim, q: Quantity) -> bool:
    """The fact has a holder (:func:`_holds`) that its page's title or a heading lent it: what the
    page is about (the sentence before lends a name too, more often a wrong one: a dateline's city)."""
    return _holds(fact, claim, q) and fact.holder.source in ("title", "heading")


def _measure_words(claim: Claim, q: Quantity, fact) -> frozenset[str]:
    """What the figure measures, in content words: its fact's measure and the words beside it,
    less its own unit's words and words that narrow nothing ("total", "new")."""
    words = set(context_terms(claim, q))
    if fact is not None and fact.measure is not None:
        words |= set(content_terms(fact.measure.text or fact.measure.value or ""))
    label = _LABEL.match(claim.text[: q.start])
    if label:  # "Power Efficiency: 52.6 GFLOPS/W": the label says what the figure measures
        words |= set(content_terms(label.group(1)))
    words -= set(content_terms(q.text))
    return frozenset(w for w in words if w not in _NO_MEASURE_WORDS)


#: A label that opens the sentence and ends in a colon just before the figure ("Peak Power: ~").
_LABEL = re.compile(r"^\W*([A-Za-z][\w \-/()]{0,40}):\s*[~≈]?\s*$")


#: Words between an amount and its alternative in a tier ("EUR 15 million or 3%").
_OR = re.compile(r"\s*,?\s+or\s+(?:up\s+to\s+)?$")


@by_identity
def _tiers(claim: Claim) -> dict[int, int]:
    """Each figure followed by " or " and a figure of another kind, its alternative: "EUR 15
    million or 3%" (of annual turnover, whichever is higher)."""
    qs = claim.quantities
    return {
        i: i + 1 for i in range(len(qs) - 1)
        if qs[i].kind != qs[i + 1].kind and _OR.fullmatch(claim.text[qs[i].end : qs[i + 1].start])
    }


def _tier_partners(a: Claim, b: Claim) -> list[tuple[str, Quantity, Quantity]]:
    """``(the amount in words, alternative in a, alternative in b)`` of two tiers whose amounts are the same precise amount
    (an equal money value of two significant digits and a million or more, in one currency, no
    change), comparable with each other."""
    out = []
    tiers_b = _tiers(b)
    for i, alt_a in _tiers(a).items():
        qa = a.quantities[i]
        if qa.kind != "money" or qa.change is not None or abs(qa.value) < 1e6 or _significant_digits(qa) < 2:
            continue
        for j, alt_b in tiers_b.items():
            qb = b.quantities[j]
            if qb.kind == "money" and qb.unit == qa.unit and qb.change is None and math.isclose(qa.value, qb.value, rel_tol=1e-9):
                x, y = a.quantities[alt_a], b.quantities[alt_b]
                if comparable(x, y)[0]:
                    same = describe(qa) if qa.text.strip() == qb.text.strip() else f"{describe(qa)} = {describe(qb)}"
                    out.append((same, x, y))
    return out


@by_identity
def _unheld(claim: Claim) -> bool:
    """Every figure of the claim has a fact and none has a holder: the parse bound the sentence's
    names to none of them ("a team in Hangzhou, China trained a model for $5.6 million": places),
    nor did a heading or the title lend one. Such names set nothing apart; only a restatement of
    the other side's figure is then compared (:func:`_restatement`), never a conflict."""
    facts = [quantity_fact(claim, i) for i in range(len(claim.quantities))]
    return bool(facts) and all(f is not None and f.holder is None for f in facts)


@by_identity
def _opener_names_only(claim: Claim) -> bool:
    """The claim's only names are its opening word and none of its figures has a holder: an ordinary
    word capitalised to open the sentence ("Breaching obligations - up to EUR 25,000,000"), no one's name."""
    words = claim.text.lstrip(" |*-#>\"'“").split()
    if not claim.subjects or not words:
        return False
    first = normalise(words[0].strip(",:;"))
    if any(normalise(s) != first for s in claim.subjects):
        return False
    return all(
        (f := quantity_fact(claim, i)) is None or not holder_key(f, claim) for i in range(len(claim.quantities))
    )


def _one_dated(fm: FactMatch, a: Claim, b: Claim, ctx: PairContext) -> str:
    """The date of the one figure of two that has one, where the other has none: its sentence's
    ("June 2022"), or its page's where the other's page states none, in a scan of pages; a draft
    being checked (``ctx.drafts``) is written now, and its figure is no figure of unknown time."""
    if fm.undated:
        return fm.undated
    return fm.page_dated if a.doc not in ctx.drafts and b.doc not in ctx.drafts else ""


def _some_fact_aligned(a: Claim, b: Claim, holder_only: bool = False) -> bool:
    """Some figure of ``a`` and some of ``b`` state one fact (:attr:`FactMatch.aligned`), or with
    ``holder_only`` have one holder (a restatement may state the measure in other words)."""
    facts_b = [quantity_fact(b, j) for j in range(len(b.quantities))]
    for i, qa in enumerate(a.quantities):
        fa = quantity_fact(a, i)
        if fa is None or fa.holder is None:
            continue
        for j, qb in enumerate(b.quantities):
            if facts_b[j] is not None and facts_b[j].holder is not None and same_holder(a, fa, b, facts_b[j]):
                fm = match_facts(a, fa, qa, b, facts_b[j], qb)
                if fm.aligned or holder_only and "holder" in fm.slots and not fm.differ:
                    return True
    return False


def _apart_by_acronyms(a: Claim, b: Claim) -> bool:
    """Every name of each sentence that the other does not mention is written as an acronym."""
    missing_a, missing_b = names_missing(a.subjects, a.text, b.subjects, b.text)
    if not missing_a and not missing_b:
        return False

    def acronym(name: str, text: str) -> bool:
        spots = re.findall(rf"(?<![\w]){re.escape(name)}(?![\w])", text, flags=re.I)
        return bool(spots) and all(w.isupper() and len(w) >= 2 for w in spots)

    return all(acronym(n, a.text) for n in missing_a) and all(acronym(n, b.text) for n in missing_b)


def _holders_swapped(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Each figure has a name among the words beside it (:func:`context_terms`) that the other
    sentence does not mention anywhere: "Beijing and Shanghai account for 62%" against "Beijing and
    Shenzhen already accounting for 62%", "80% of Shenzhen's startups" against "80% of Beijing's
    startups". One side alone naming more ("80% of Beijing's startups" / "80% of startups") is no swap."""

    def stray(x: Claim, qx: Quantity, y: Claim) -> bool:
        if not x.subjects:
            return False
        near, other = context_terms(x, qx), word_set(y.text)
        return any((n := normalise(s)) in near and n not in other for s in x.subjects)

    return stray(a, qa, b) and stray(b, qb, a)


def _physical_measure(qa: Quantity, qb: Quantity) -> bool:
    """Two measures in one physical unit, not a unit of time ("exaflop", "square foot")."""
    return qa.kind == "measure" and bool(qa.unit) and qa.unit not in TIME_UNITS and qa.unit == qb.unit


def _named_alike(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """The two content words just before each figure, in its clause, are the same two words
    ("a peak rate of 3.1 Pflop/s" / "its peak rate of 2.8 Pflop/s"): the figures name one measure."""
    before_a = context_terms(a, qa, before=2, after=0)
    return len(before_a) == 2 and before_a == context_terms(b, qb, before=2, after=0)


def _specific_match(qa: Quantity, qb: Quantity) -> bool:
    """Two agreeing figures specific enough that two writers are unlikely to give them by chance
    for different things: each has three significant digits or more ("2.315 exaflops",
    "$212 billion", "23.38%" / "23.4%"), or two for amounts of a million or more ("$38
    billion", "$7.3 million" / "$7.34 million"); of the same unit (counts of the same thing), and neither a bound."""
    generic = qa.kind == "count" and qb.kind == "count" and bool(qa.unit and qb.unit) and (
        qa.unit in _GENERIC_COUNTS or qb.unit in _GENERIC_COUNTS
    )  # "553,000 units" repeats "553,000 robots": "units" names no other thing
    if not generic:
        if qa.kind == "count" and not (qa.unit and same_counted_thing(qa, qb)):
            return False
        if (qa.unit or "") != (qb.unit or "") or not same_counted_thing(qa, qb):
            return False
    if not (_counterparts(qa, qb) or math.isclose(qa.value, qb.value)):
        return False  # a value within a bound is no repetition; "up to €4.2 million" / "€4.2 million" is
    digits = min(_significant_digits(qa), _significant_digits(qb))
    return digits >= 3 or (digits >= 2 and qa.kind == "money" and abs(qa.value) >= 1e6)


def _alone(i: int, qb: Quantity, partners_a, partners_b, matched: set[int], backed: set[int]) -> bool:
    """Whether figure ``i`` of a and ``qb`` are each other's only comparable figure once the
    figures matched by agreeing values are set aside: "61.35 and 118.42 billion yuan" against
    "87.6 billion yuan ... 118 billion yuan" leaves 61.35 and 87.6 facing each other."""
    others_a = [x for x in partners_a.get(i, []) if x not in backed or x == id(qb)]
    others_b = [x for x in partners_b.get(id(qb), []) if x not in matched or x == i]
    return others_a == [id(qb)] and others_b == [i]


def _anchor(qa: Quantity, qb: Quantity) -> bool:
    """The same specific figure, written the same way in both claims: an equal (or, with three
    digits on each side, rounding-equal) value of three significant digits or more, or two for an amount of a million or more, with the same
    qualifier ("up to €12.5 million" / "up to EUR 12,500,000"), of one unit or counted thing
    (or, with four significant digits, a count whose noun one side leaves out)."""
    digits = min(_significant_digits(qa), _significant_digits(qb))
    if qa.qualifier != qb.qualifier:
        return False
    if not math.isclose(qa.value, qb.value) and not (digits >= 3 and _counterparts(qa, qb)):
        return False  # "118 billion" rounds "118.42 billion": specific enough with three digits
    if qa.kind == "count":
        # a count of four significant digits or more ("6,412,208") is specific whatever noun it has
        if not (qa.unit and qb.unit and same_counted_thing(qa, qb)) and (digits < 4 or qa.unit and qb.unit):
            return False
    elif (qa.unit or "") != (qb.unit or ""):
        return False
    return digits >= 3 or (digits >= 2 and qa.kind == "money" and abs(qa.value) >= 1e6)


def _shared_specific(a: Claim, b: Claim) -> int:
    """How many distinct values the two claims share as specific figures (":func:`_specific_match`"):
    two sentences giving both "23.38%" and "11.62%" state one set of facts, however worded."""
    shared = set()
    for qa in a.quantities:
        for qb in b.quantities:
            ca, cb, _ = in_common_unit(qa, qb)
            if comparable(ca, cb)[0] and math.isclose(ca.value, cb.value) and _specific_match(ca, cb):
                shared.add(round(ca.value, 9))
    return len(shared)


def _counterparts(qa: Quantity, qb: Quantity) -> bool:
    """Two agreeing figures that state one value ("23%" / "23.38%"), not a value within a bound
    ("12 members" / "less than 50 representatives"), and for counts of the same thing."""
    finite = all(math.isfinite(x) for x in (*qa.bounds, *qb.bounds))
    return finite and same_counted_thing(qa, qb)


def _one_counted_measure(fa, qa: Quantity, fb, qb: Quantity) -> bool:
    """A count and a measure of one holder that their facts say measure one thing: a table's
    "GPU Hours" row read "2.79M H800" (a count of H800s, to the extractor) against "2.79 million
    GPU hours" in a sentence."""
    if {qa.kind, qb.kind} != {"count", "measure"} or qa.change is not None or qb.change is not None:
        return False
    ka, kb = measure_key(fa, qa), measure_key(fb, qb)
    return ka is not None and ka == kb and ka.startswith("noun:")


def _best_per_figure(verdicts: list[Verdict]) -> list[Verdict]:
    """At most one verdict per figure of the first claim: the highest score wins."""
    best: dict[str, Verdict] = {}
    for v in verdicts:
        figure = v.key.split(":")[0] + v.relation
        if figure not in best or v.score > best[figure].score:
            best[figure] = v
    return sorted(best.values(), key=lambda v: v.key)


def _significant_digits(q: Quantity) -> int:
    """Significant digits of the written figure ("2,191" 4, "2,000" 1, "9.0" 2, "0.25" 2)."""
    return significant_digits(q.text)


# --------------------------------------------------------------------------- two holders, two kinds (issue 16)


def _variant_of(product: str, variant: str, product_claim: Claim) -> bool:
    """``variant`` is ``product``'s name and more capitalised words, ``product`` is a model's name
    (it holds a model code or a number: "Kestrel X1", "Falcon 9", "Model S") and the sentence of
    ``product`` never writes the added words: another model ("Kestrel X1 Pro", "Falcon 9 Block 5",
    "Model S Plaid"), not the product. A company's suffix ("Orrin" / "Orrin Group") adds no model."""
    short, long = product.split(), variant.split()
    if len(long) <= len(short) or [w.lower() for w in long[: len(short)]] != [w.lower() for w in short]:
        return False
    extra = long[len(short):]
    if not all(w[:1].isupper() or w[:1].isdigit() for w in extra):
        return False
    if any(w.lower().strip(".") in COMPANY_SUFFIXES for w in extra):
        return False
    if not any(model_code(w) or w.isdigit() or (len(w) <= 2 and w.isupper()) for w in short):
        return False
    written = word_set(product_claim.text)
    return not any(w.lower() in written for w in extra)


def _received_by_two(fa: Fact | None, fb: Fact | None) -> bool:
    """Two amounts received, each by its sentence's own subject ("parks get $180 million",
    "public safety gets $1.3 billion": :mod:`checker.frame.binding`'s measure "receive")."""
    return all(
        f is not None and f.measure is not None and f.measure.value == "receive" and f.holder is not None
        and f.holder.source in OWN_SOURCES
        for f in (fa, fb)
    )


def _names_a_kind(claim: Claim, q: Quantity) -> bool:
    """``q`` is a number joined to a noun by a hyphen ("the *10-year* Treasury yield") that narrows
    the measure of another figure of its sentence (the 4.5% of the 10-year yield), or names the
    kind of thing that holds it ("*a 300-bed* hospital costs $400 million")."""
    kinds = hyphen_kinds(q.text)
    if not kinds:
        return False
    index = claim.quantities.index(q)
    return any(
        f.kind == "quantity" and f.figure != index
        and any(slot is not None and kinds & hyphen_kinds(slot.value) for slot in (f.measure, f.holder))
        for f in claim.facts
    )


# --------------------------------------------------------------------------- directions (issue 16)


def _opposite_changes(qa: Quantity, qb: Quantity) -> bool:
    """A rise against a fall ("rose 4%" / "fell 4%"): opposite signs, so never one value."""
    return {qa.change, qb.change} == {"increase", "decrease"}


#: Directions of events that add to or take from a level: a figure they govern counts what one
#: event changed ("*opened* 40 stores", "*laid off* 300 employees"), never the level itself.
_LEVEL_EVENTS = frozenset({"open", "close", "hire", "fire"})


def _event_against_level(fa: Fact | None, fb: Fact | None) -> bool:
    """One figure counts what opening, closing, hiring or firing changed and the other, with no
    direction, a level ("opened 40 stores in 2023" / "has 500 stores", "laid off 300 employees" /
    "had 1,200 employees"): two quantities. (Buying and selling are left out: "sold 3 million
    cars" is a year's sales, the measure itself.)"""
    if fa is None or fb is None:
        return False
    da, db = fa.direction, fb.direction
    return (da in _LEVEL_EVENTS and db is None) or (db in _LEVEL_EVENTS and da is None)


#: How far past an open bound ("at least 40", "more than 100", "up to 500") a figure may lie and
#: still be the figure the bound states loosely.
_BOUND_REACH = 3.0


def _far_past_bound(a: Quantity, b: Quantity) -> bool:
    """One figure is an open bound and the other lies more than :data:`_BOUND_REACH` times past it
    ("at least 40" / "200,000"; "up to 500" / "12"): they agree, but state no one quantity."""
    for bound, other in ((a, b), (b, a)):
        low, high = bound.bounds
        if low == float("-inf") and high > 0 and 0 < other.value * _BOUND_REACH < high and other.bounds[0] != float("-inf"):
            return True
        if high == float("inf") and low > 0 and other.value > low * _BOUND_REACH and other.bounds[1] != float("inf"):
            return True
    return False


def _apart_however_alike(fm: FactMatch, a: Claim, fa: Fact | None, qa: Quantity, b: Claim, fb: Fact | None, qb: Quantity) -> bool:
    """However alike the rest of the sentences, not one quantity: the two figures are one holder's,
    measure two things, and neither sentence writes the other's measure at all ("Orrin's debt stood
    at $12 billion" / "Orrin's cash stood at $3 billion"; with no holder in common, a measure
    misread from a reporting verb, "an audit found that ..." / "filings indicate that ...", would
    set one quantity apart); or one measure is narrowed by a word the other sentence never writes
    (:func:`checker.judge.factmatch.measures_narrowed_apart`: "cars" / "electric cars"); or one holder is
    written as a part of the other ("the plant's first phase"), or counted in a division of it ("in
    its retail division"); or the figures are the forecasts of two forecasters (the holder's own,
    analysts'); or one is a rate in time and the other not ("returned 12% a year" / "returned 8%
    last year"); or they are of two times (a time slot differs: "revenue in the first quarter" / "in
    the second quarter", with no holder in common to make them one holder's measure at two times), or
    of two places ("4,300 employees worldwide" / "1,100 employees in Germany"); or they are of two
    objects, two polls, two bases ("after fees" / "before fees") or two owners of no name ("the
    city's" / "the metro area's"), or two models ("Kestrel X1" / "Kestrel X1 Pro"), or two
    recipients ("parks get" / "public safety gets"), or two statistics ("median" / "average"), or two
    groups ("among young people" / none said, "for small businesses"), or two conditions ("after two
    doses" / "after one dose"), or an office holder's and another holder's ("Orrin's
    chief executive" / "Orrin"), or two things of no name one noun narrowed two ways ("the upper
    reservoir" / "the lower reservoir"); or one is placed and the other not (:func:`_placed_one_side`), or they are shares
    of two wholes (:func:`_shares_of_apart`), or of two names references were read as
    (:func:`checker.judge.factmatch.referred_apart`)."""
    if bool(_RATE.match(a.text, qa.end)) != bool(_RATE.match(b.text, qb.end)):
        return True  # "returned 12% a year since 2010" / "returned 8% last year": a rate and one period's figure
    if _placed_one_side(fa, a, fb, b) or _shares_of_apart(a, qa, b, qb) or referred_apart(fa, a, fb, b):
        return True
    for slot, *values in fm.differ:
        if slot in ("forecaster", "division", "phase", "object", "source", "basis", "owner", "statistic", "group", "condition"):
            # the holder's forecast and analysts' are two forecasts; a division's figure, the whole's; two
            # polls; a figure after fees and one before
            return True
        if slot == "time":
            return True  # "revenue in the first quarter" / "in the second quarter": two periods, whoever's
        if slot == "place":
            return True  # "has 4,300 employees worldwide" / "has 1,100 employees in Germany": two places' counts
        if slot == "holder" and len(values) == 2 and (_part_of(values[0], values[1], b) or _part_of(values[1], values[0], a)):
            return True  # "the plant will cost" / "the plant's first phase will cost": a whole and its part
        if slot == "holder" and len(values) == 2 and (_variant_of(values[0], values[1], a) or _variant_of(values[1], values[0], b)):
            return True  # "the Kestrel X1 costs $799" / "the Kestrel X1 Pro costs $1,099": two models
        if slot == "holder" and _received_by_two(fa, fb):
            return True  # "public safety gets $1.3 billion" / "parks get $180 million": two recipients
        if slot == "holder" and (office_holder(values[0]) or office_holder(values[-1])):
            return True  # "Orrin's chief executive earned" / "Orrin's chief financial officer earned"
        if slot == "holder" and described_apart(fa, a, fb, b):
            return True  # "the upper reservoir holds ..." / "the lower reservoir holds ...": two things of no name
        if slot == "measure" and len(values) == 2:
            if measures_narrowed_apart(values[0], a, values[1], b):
                return True  # "cars" / "electric cars": a part and its whole, whoever's
            wa, wb = word_set(values[0]), word_set(values[1])
            if "holder" in fm.slots and wa and wb and not wa & word_set(b.text) and not wb & word_set(a.text):
                return True
    return False


def _of_two_populations(fm: FactMatch, a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """The two figures are counted among two groups ("among nurses" / "among doctors"), as shares of
    two wholes ("35% of pensioners" / "35% of students"), as two statistics ("median" /
    "average") or under two conditions ("after two doses" / "after one dose"), are an office holder's and another holder's ("Orrin's chief executive earned" /
    "Orrin earned"), or one holder's at two times ("$4.6 billion in 2023" / "$4.6 billion in 2022",
    "up from $0.9 billion a year earlier" / "$0.9 billion in the first quarter"): equal values of
    two populations, two holders or two times back nothing."""
    return (any(slot in ("group", "statistic", "condition") for slot, *_ in fm.differ) or _shares_of_apart(a, qa, b, qb)
            or _offices_apart(fm) or _at_two_times(fm))


def _at_two_times(fm: FactMatch) -> bool:
    """One holder's figures whose times differ ("$4.6 billion in 2023" / "$4.6 billion in 2022")."""
    return "holder" in fm.slots and any(slot == "time" for slot, *_ in fm.differ)


def _measure_stated_elsewhere(a: Claim, fa: Fact | None, qa: Quantity, b: Claim, fb: Fact | None, qb: Quantity) -> bool:
    """The two figures' facts are of two measures, and one sentence states the other's measure for
    another of its figures ("Orrin's net profit fell 12% to $900 million, while revenue rose 4%" /
    "Orrin's revenue fell 12%": the 12% of a is the profit's, and a's revenue figure is the 4%)."""
    ka, kb = measure_key(fa, qa), measure_key(fb, qb)
    if not ka or not kb or ka == kb or not (_common_measure(fa, a) and _common_measure(fb, b)):
        return False

    def states(claim: Claim, q: Quantity, key: str) -> bool:
        return any(
            f.kind == "quantity" and f.figure is not None and claim.quantities[f.figure] is not q
            and measure_key(f, claim.quantities[f.figure]) == key
            for f in claim.facts
        )

    return states(a, qa, kb) or states(b, qb, ka)


def _common_measure(fact: Fact | None, claim: Claim) -> bool:
    """The fact's measure is written as common nouns (lower case, or opening the sentence): not a
    name the parse took for one ("Taiwan Semiconductor Manufacturing *Co*")."""
    words = fact.measure.text if fact is not None and fact.measure is not None else ""
    return bool(words) and (words[:1].islower() or claim.text.lstrip(" \"'“*#-").startswith(words))


def _offices_apart(fm: FactMatch) -> bool:
    """The facts' holders differ and one is an office ("Orrin chief executive" / "Orrin chief
    financial officer", or / "Orrin"): the office holder's figure is not the organisation's, nor
    another office holder's (:func:`checker.frame.keys.office_holder`)."""
    return any(slot == "holder" and (office_holder(x) or office_holder(y)) for slot, x, y in fm.differ)


def _shares_of_apart(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two percentages of two wholes their "of" phrases name, neither written in the other
    sentence ("40% of adults" / "62% of teenagers"): two shares, however alike the sentences."""
    if qa.kind != "percent" or qb.kind != "percent":
        return False
    oa, ob = _of_phrase(a, qa), _of_phrase(b, qb)
    if oa is None or ob is None or oa == ob:
        return False
    return not ((oa - ob) & word_set(b.text) or (ob - oa) & word_set(a.text))


def _placed_one_side(fa: Fact | None, a: Claim, fb: Fact | None, b: Claim) -> bool:
    """One figure counted in a place its sentence names ("employs 3,000 people in Germany") and
    the other in none, in body text: the one may be the whole of which the other is a part."""
    if fa is None or fb is None:
        return False
    pa = fa.place is not None and fa.place.source in OWN_SOURCES
    pb = fb.place is not None and fb.place.source in OWN_SOURCES
    if pa == pb or (fa.place if pb else fb.place) is not None:
        return False
    place, other = (fa.place, b) if pa else (fb.place, a)
    if place.value == WORLD:
        return False  # "worldwide" is the whole a figure of no place is too
    # (a place the other sentence writes too is one place, which the parse bound on one side only)
    return other.section == "body" and not word_set(place.text or place.value) & word_set(other.text)


def _own_region(fa: Fact | None, a: Claim, qa: Quantity, fb: Fact | None, b: Claim, qb: Quantity) -> bool:
    """The one place of :func:`_placed_one_side` is a region (a country, a state, a continent: not a
    word the recogniser took for one, "its LINPACK score") written in the figure's own clause (not
    "..., the largest in U.S. stock market history")."""
    fact, claim, q = (fa, a, qa) if fa is not None and fa.place is not None else (fb, b, qb)
    place = fact.place.text or fact.place.value
    if region_tier(place) is None:
        return False
    first, last = clause_of(claim.text, q.start, q.end)
    return place in claim.text[first:last]


def _part_of(whole: str, part: str, claim: Claim) -> bool:
    """``claim`` writes its holder ``part`` as a part of ``whole``, the other sentence's holder:
    "the plant's first phase", "the first phase of the plant"; or as a thing ``whole`` has, which
    the binder writes after its owner ("Valdor plant" of "Valdor's Bergen plant", or of "its plant"
    after a sentence about Valdor)."""
    text = claim.text.lower().replace("\u2019", "'")
    if part.lower().startswith(whole.lower() + " "):
        thing = re.escape(part[len(whole) + 1 :].lower())
        if re.search(rf"\b(?:{re.escape(whole.lower())}(?:'s|')|its|their) (?:[\w-]+ ){{0,2}}?{thing}\b", text):
            return True
    w, p = re.escape(whole.lower()), re.escape(part.lower())
    return bool(re.search(rf"\b{w}(?:'s|') (?:[\w-]+ ){{0,2}}?{p}\b", text) or re.search(rf"\b{p} of (?:the |its |their )?{w}\b", text))


def _bases_differ(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two changes each measured against a base the sentence names, and the bases differ ("down 5%
    from its peak" / "up 3% year on year"), or a rise and a fall with a base named on one side only:
    two changes (:func:`checker.frame.direction.comparison_base`)."""
    if qa.change is None or qb.change is None:
        return False
    base_a, base_b = comparison_base(a.text, qa.start, qa.end), comparison_base(b.text, qb.start, qb.end)
    if _opposite_changes(qa, qb):
        return base_a != base_b  # a rise and a fall: a base on one side only sets them apart too, as in DIR001
    return base_a is not None and base_b is not None and base_a != base_b
