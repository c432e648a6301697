"""Rule kind ``entity_mismatch``: one thing bound to two places or two organisations.

Entity facts (:mod:`checker.frame.entities`) bind a place or an organisation to a thing by a
relation: the Orrin supercomputer's *location* is Lisbon, the Velmar contract's *winner* is
Halvard. Two claims' entity facts with the same holder (:func:`checker.frame.keys.holder_key`),
the same relation, times that do not differ (:func:`checker.frame.timeframe.times_differ`: a
machine moved in 2030 was somewhere else in 2026) and both outcomes or both plans are about
one thing:

* the same name, folded, or one name within the other ("Oak Ridge" / "Oak Ridge National
  Laboratory"), or one value the place the other's lies in ("the Halden Centre in Knoxville" /
  "Knoxville") **supports** ("same holder (Orrin supercomputer), same relation (location): Lisbon
  agrees with Lisbon");
* names that are surely apart **conflict** ("same holder (Orrin supercomputer), same relation
  (location): Lisbon vs Porto"). Conservatively: both values carry the same entity label
  (place against place, organisation against organisation: "GPE", "FAC", "LOC", "ORG"), neither
  name is within the other, and a region is set only against a region of its own tier (two
  countries, two states; :func:`checker.frame.regions.region_tier`) or one it surely does not
  overlap (a state and another country, a country and a continent it is not on:
  :func:`checker.frame.regions.regions_apart`), for a city may lie in a
  region that claimgraph cannot know ("Knoxville" / "Tennessee" is no conflict). A claim that
  gives several values ("in Lisbon and Porto") conflicts only when none of them agrees with the
  other claim's and every pair is apart;
* anything else (another label, a plan against an outcome, another time) says nothing; nor do
  two values of a relation a thing may have several of (:data:`SEVERAL_VALUES`: a law passed by
  the Senate and by the Assembly, a machine built by two contractors).

Entity facts come from the parsed path only (``scan``, ``check`` and ``compare`` parse by
default); with ``nlp_model: none`` there are none, and nothing is judged here.

Failing: "The Orrin supercomputer, commissioned in 2031, is housed in Lisbon." / "The Orrin
supercomputer, commissioned in 2031, is housed in Porto." Passing: "... housed in Lisbon." /
"... housed in Lisbon, the capital." (one place), "... is housed in Knoxville." / "... is
housed in Tennessee." (a city and a region).
"""

from __future__ import annotations

from ...frame.keys import holder_key, name_within as _within
from ...frame.regions import region_tier, regions_apart
from ...frame.timeframe import times_differ
from ...model import Claim, Fact
from ..eventmatch import AHEAD
from .base import PairContext, RuleKind, Verdict

#: Relations one thing may have several values of, each true: a law is passed by both chambers
#: ("passed by the Senate" / "passed by the Assembly"), a machine built by two contractors. Two
#: values of these support nothing and conflict with nothing.
SEVERAL_VALUES = frozenset({"adopter", "builder"})

#: Entity labels whose names can be told apart: places and organisations.
_APART_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
#: Region tiers whose names exclude each other (one country is not another).
_EXCLUSIVE_TIERS = frozenset({"country", "division"})


def entity_facts(claim: Claim) -> dict[tuple[str, str], list[Fact]]:
    """The claim's entity facts with a holder and a relation, by ``(holder key, relation)``."""
    out: dict[tuple[str, str], list[Fact]] = {}
    for f in claim.facts:
        if f.kind != "entity" or not f.value or f.measure is None or not f.measure.value:
            continue
        holder = holder_key(f, claim)
        if holder:
            out.setdefault((holder, f.measure.value), []).append(f)
    return out


def names_agree(x: Fact, y: Fact) -> bool:
    """The same name, one within the other, or one the place the other lies in."""
    return _within(x.value, y.value) or _within(x.value, _place(y)) or _within(_place(x), y.value)


def names_apart(x: Fact, y: Fact) -> bool:
    """Surely two places or two organisations (see the module docstring)."""
    if names_agree(x, y) or not x.qualifier or x.qualifier != y.qualifier or x.qualifier not in _APART_LABELS:
        return False
    if x.qualifier in ("GPE", "LOC"):
        tx, ty = region_tier(x.value), region_tier(y.value)
        if (tx or ty) and not (tx == ty and tx in _EXCLUSIVE_TIERS) and not (tx and ty and regions_apart(x.value, y.value)):
            return False  # a region against a city, or regions that may overlap
    return True


def _place(f: Fact) -> str | None:
    return f.place.value if f.place is not None else None


def _compatible(x: Fact, y: Fact) -> bool:
    return (x.modality in AHEAD) == (y.modality in AHEAD) and not times_differ(x.time, y.time)


class EntityMismatch(RuleKind):
    name = "entity_mismatch"
    params = {}

    def compare(self, a: Claim, b: Claim, ctx: PairContext) -> list[Verdict]:
        ours = entity_facts(a)
        if not ours:
            return []
        theirs = entity_facts(b)
        verdicts = []
        for key, xs in ours.items():
            ys = theirs.get(key)
            if not ys:
                continue
            pairs = [(x, y) for x in xs for y in ys if _compatible(x, y)]
            if not pairs:
                continue
            holder = xs[0].holder.text or xs[0].holder.value
            same = f"same holder ({holder}), same relation ({key[1]})"
            fitted = round(min(1.0, 0.5 * ctx.similarity + 0.5), 4)  # one thing by its facts, however worded
            agreeing = [(x, y) for x, y in pairs if names_agree(x, y)]
            if agreeing:
                x, y = agreeing[0]
                verdicts.append(Verdict((a.id, b.id), "supports", False, f"{same}: {x.value} agrees with {y.value}",
                                        fitted, {"a": x.value, "b": y.value}, f"e:{x.id}:{y.id}"))
            elif key[1] not in SEVERAL_VALUES and all(names_apart(x, y) for x, y in pairs):
                x, y = pairs[0]
                verdicts.append(Verdict((a.id, b.id), "conflicts", True, f"{same}: {x.value} vs {y.value}",
                                        fitted, {"a": x.value, "b": y.value}, f"e:{x.id}:{y.id}"))
        return verdicts
