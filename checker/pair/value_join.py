"""Extra candidate pairs for summary claims: the same figure stated elsewhere.

A headline ("Tesla's $20,000 Humanoid Hits Production") and the body sentence that
backs it ("Priced at $20,000 ...") can be worded too differently to be nearest
neighbours. Every summary, headline or quote claim is therefore also paired with
each claim of its own document, and up to ``limit`` claims elsewhere, that state a
figure of the same kind, unit (any noun for counts) and value: a hash join, linear in
the number of figures.

Two body claims of different documents are worded by different writers, and the same
figure often sits in sentences about different sides of one fact ("auditors tallied
$9.74 billion in outlays" / "the $9.74 billion canal"). They are paired too when they
state the same *specific* figure (three significant digits or more, in the same unit, or
an amount of a million or more with two: "2.315 exaflops", "$212 billion", "$38 billion") or the
same calendar day (a count whose noun is missing, with four), and their masked sentences are at least ``floor`` alike (half of it
for two claims that share two such values, or one of four significant digits: coincidences
that are far less likely);
the rules decide what the pair means. A figure is joined in its base unit ("615 Pflop/s" with
"0.615 Eflop/s").
"""

from __future__ import annotations

import math

import numpy as np

from ..model import OWN_SOURCES, Claim
from ..extract.quantities import significant_digits
from ..extract.units import UNIT_BASES
from ..frame.keys import holder_key, law_without_place, measure_key, ordinal_thing, quantity_fact
from .similarity import pair_scores

SUMMARY_SECTIONS = ("summary", "headline", "quote")


def same_value_pairs(
    claims: list[Claim], vectors: np.ndarray, limit: int = 20, floor: float = 0.3
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)``, ``i < j``: a summary claim and a claim with an equal figure,
    and two body claims of different documents with an equal specific figure or calendar day
    whose similarity is at least ``floor``.

    ``limit`` caps the partners per figure so that a very common value ("100%") cannot
    make the join quadratic.
    """
    index: dict[tuple, list[int]] = {}
    specific: dict[tuple, list[int]] = {}
    strong: set[tuple] = set()  # values of four significant digits or more
    for n, claim in enumerate(claims):
        for q in claim.quantities:
            index.setdefault(_join_key(q), []).append(n)
            if _specific(q):
                specific.setdefault(_base_key(q), []).append(n)
                if significant_digits(getattr(q, "text", "")) >= 4:
                    strong.add(_base_key(q))
        for d in getattr(claim, "dates", ()):
            if d.granularity == "day":
                specific.setdefault(("date", d.value), []).append(n)
    pairs: set[tuple[int, int]] = set()
    for n, claim in enumerate(claims):
        if claim.section not in SUMMARY_SECTIONS:
            continue
        for q in claim.quantities:
            partners = index.get(_join_key(q), [])
            # the claim's own document always (that is where a takeaway's backing usually is),
            # and at most ``limit`` others
            chosen = [m for m in partners if claims[m].doc == claim.doc] + partners[:limit]
            for m in chosen:
                if m != n:
                    pairs.add((min(n, m), max(n, m)))
    across: dict[tuple[int, int], int] = {}  # pair -> how many specific values it shares
    for key, members in specific.items():
        members = sorted(set(members))[:limit]
        for x, n in enumerate(members):
            for m in members[x + 1 :]:
                if claims[n].doc != claims[m].doc and (n, m) not in pairs:
                    across[(n, m)] = across.get((n, m), 0) + (2 if key in strong else 1)
    if not pairs and not across:
        return []
    ordered = sorted(pairs | set(across))
    ends = np.asarray(ordered, dtype=np.int64)
    scores = pair_scores(vectors, ends[:, 0], vectors, ends[:, 1])
    return [
        (i, j, round(s, 6))
        for (i, j), s in zip(ordered, scores.tolist())
        if (i, j) in pairs or s >= (floor if across[(i, j)] < 2 else floor / 2)
    ]


def _specific(q) -> bool:
    """A figure unlikely to recur by chance in another document: three significant digits or
    more ("2.315", "212", "9,800"), or two for an amount of a million or more ("$38 billion");
    never a change, nor a count of unnamed things but of four significant digits or more
    ("8,699,904 combined GPU and CPU cores", whose noun the extractor may miss). Bounds are joined
    too ("up to EUR 35,000,000" with "EUR 35 million"): the rules judge them."""
    if getattr(q, "change", None) is not None:
        return False
    digits = significant_digits(getattr(q, "text", ""))
    if q.kind == "count" and not q.unit:
        return digits >= 4
    return digits >= 3 or (digits >= 2 and q.kind == "money" and abs(q.value) >= 1e6)



def _base_key(q) -> tuple:
    """:func:`_join_key` in the figure's base unit, to nine significant digits."""
    unit, value = q.unit, q.value
    base = UNIT_BASES.get(unit or "") if q.kind == "measure" else None
    if base is not None:
        unit, value = base[0], value * base[1]
    return (q.kind, None if q.kind == "count" else unit, float(f"{value:.9g}"))


def _join_key(q) -> tuple:
    """Figures that may restate each other: the same kind and value, and the same unit but for
    counts ("503,481 EVs" / "503,481 electric vehicles" / "rose to 503,481"); a change ("adds
    2,191 MW") and a level ("commissioned 2,191 MW") may state one amount."""
    return (q.kind, None if q.kind == "count" else q.unit, q.value)


def fact_pairs(
    claims: list[Claim], vectors: np.ndarray, limit: int = 2, held_limit: int = 4, reach: int = 16
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)``, ``i < j``, of claims of different documents whose facts have the
    same measure (a count's head noun, a physical unit's base, the fact's measure noun) and kind:
    each figure with its ``limit`` nearest values of that measure elsewhere, and its ``held_limit``
    nearest among figures whose holder is the same too ("Kestrel's peak score of 2.41 exaflops" /
    "engineers measured 2.38 exaflops on Kestrel"), however differently the sentences are worded,
    these spread over the values they state (:func:`_spread`: a value echoed on many pages takes
    half the places at most, so a page stating another value is reached too).
    Entity facts (a place or an organisation, :mod:`checker.frame.entities`) of one holder and one
    relation are joined the same way: each with its ``held_limit`` nearest claims in that group
    ("the Orrin machine is housed in Lisbon" / "Orrin, installed in Porto, ..."), and so are date
    facts of one holder and one event, nearest by year ("the second mill ... production in 2028" /
    "Kessler's second mill ... ready for commercial production in 2026").

    Sorted groups, each figure looking at most ``reach`` places either way for partners of other
    documents: ``O(n log n)`` in the number of figures, at most ``limit + held_limit`` partners
    each whatever the corpus holds. The similarity is the exact :func:`pair_scores` (thresholds
    downstream never see a rounded or split-dependent value); the rules decide what the pair means.
    """
    groups: dict[tuple, list[tuple[float, int]]] = {}
    resolved: set[tuple] = set()  # (event, holder, claim): a date fact whose holder the context resolved
    for n, claim in enumerate(claims):
        if not claim.facts:
            continue
        for i, q in enumerate(claim.quantities):
            fact = quantity_fact(claim, i)
            measure = measure_key(fact, q)
            if measure is None or q.change is not None or not math.isfinite(q.value):
                continue
            kind, unit, value = _base_key(q)
            holder = holder_key(fact, claim) if fact is not None else None
            groups.setdefault((measure, kind, unit, None), []).append((value, n))
            if holder:
                groups.setdefault((measure, kind, unit, holder), []).append((value, n))
        for f in claim.facts:  # a place or an organisation of one holder's relation (frame/entities)
            if f.kind == "entity" and f.measure is not None and f.measure.value:
                holder = holder_key(f, claim)
                if holder:
                    groups.setdefault((f.measure.value, "entity", None, holder), []).append((0.0, n))
            elif f.kind == "date" and f.measure is not None and f.measure.value and f.figure is not None:
                # one holder's one event, however dated ("production at the second fab ... 2028" /
                # "the second facility ... ready for commercial production in 2026"); an ordinal
                # thing also under its ordinal and noun alone. A holder the context resolved ("The
                # regulation, effective July 2025" after a sentence naming Shenzhen) pairs only
                # with one a sentence names itself, never with another resolved one
                year = _year(claim, f.figure)
                for holder in _event_holders(f, claim):
                    if not _own_holder(f):
                        resolved.add((f.measure.value, holder, n))
                    groups.setdefault((f.measure.value, "date", None, holder), []).append((year, n))
    found: set[tuple[int, int]] = set()
    for key, members in groups.items():
        if len(members) < 2:
            continue
        members.sort()
        want = held_limit if key[3] is not None else limit
        for x, (value, n) in enumerate(members):
            doc = claims[n].doc
            near: list[tuple[float, int, int, float]] = []  # (distance, position, claim, its value)
            for y in range(max(0, x - reach), min(len(members), x + reach + 1)):
                m = members[y][1]
                if m != n and claims[m].doc != doc and not (
                    key[1] == "date" and (key[0], key[3], n) in resolved and (key[0], key[3], m) in resolved
                ):
                    near.append((abs(members[y][0] - value), y, m, members[y][0]))
            near.sort()
            for m in _spread(near, value, want) if key[3] is not None else [m for _, _, m, _ in near[:want]]:
                found.add((min(n, m), max(n, m)))
    if not found:
        return []
    ordered = sorted(found)
    ends = np.asarray(ordered, dtype=np.int64)
    scores = pair_scores(vectors, ends[:, 0], vectors, ends[:, 1])
    return [(i, j, round(s, 6)) for (i, j), s in zip(ordered, scores.tolist())]


def _spread(near: list[tuple[float, int, int, float]], value: float, want: int) -> list[int]:
    """Up to ``want`` of ``near`` (``(distance, position, claim, value)``, nearest first) spread over
    values: the figure's own value at most ``want - want // 2`` times, each other value once. One
    holder's measure stated in many places under a few values ("1.102 exaflops" five times,
    "1.194" three times) gives each figure partners that state it otherwise, not only its echoes."""
    taken: list[int] = []
    seen: dict[float, int] = {}
    for _, _, m, theirs in near:
        cap = want - want // 2 if theirs == value else 1
        if seen.get(theirs, 0) < cap:
            seen[theirs] = seen.get(theirs, 0) + 1
            taken.append(m)
            if len(taken) == want:
                break
    return taken


def _own_holder(fact) -> bool:
    return fact.holder is not None and fact.holder.source in OWN_SOURCES


def _year(claim: Claim, n: int) -> float:
    """The year a date of the claim starts in (0 when it names none), to sort its event's dates."""
    value = claim.dates[n].value if 0 <= n < len(claim.dates) else ""
    return float(value[:4]) if value[:4].isdigit() else 0.0


def _event_holders(fact, claim: Claim) -> list[str]:
    """The keys a date fact's event joins under: its holder's, and an ordinal thing's without its
    owner and kind words (:func:`checker.frame.keys.things_join` joins an owner or a kind stated
    on one side only; the rules decide), or a law's name without the place before it ("eu ai
    act": "ai act")."""
    key = holder_key(fact, claim)
    if not key:
        return []
    thing = ordinal_thing(fact)
    # no owner, no kind words; a law's name without the place before it ("eu ai act": "ai act")
    bare = f"{thing.ordinal} {thing.noun}" if thing is not None else law_without_place(key)
    return [key] + ([bare] if bare and bare != key else [])


def merge_pairs(*lists: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The union of candidate pair lists, one entry per pair."""
    merged: dict[tuple[int, int], float] = {}
    for pairs in lists:
        for i, j, s in pairs:
            merged[(i, j)] = max(s, merged.get((i, j), -1.0))
    return sorted((i, j, s) for (i, j), s in merged.items())
