"""Keys of a fact that stages compare and join on: its holder folded, what its figure measures.

Read where candidate pairs are joined on facts (:func:`checker.pair.value_join.fact_pairs`) and
where two claims' facts are aligned (:mod:`checker.judge.factmatch`), so both see one key.
"""

from __future__ import annotations

from ..extract.terms import STOPWORDS, normalise
from ..extract.units import TIME_UNITS, UNIT_BASES
from ..model import Claim, Fact, Quantity
from .binding import ABSTENTIONS, VOTES_AGAINST, VOTES_FOR

#: Capitalised openers the cheap path takes for names that hold nothing ("Total: 9 nodes").
_NO_HOLDER = frozenset(
    """total overall average compute training once phased entry source note according
    researchers analysts officials experts company firm government report study
    unlike despite although however while after before since during""".split()
)


#: Measures written several ways that are one measure, folded to the last one's words.
MEASURE_SYNONYMS = {
    "market capitalization": "market value",
    "market capitalisation": "market value",
    "market cap": "market value",
    "stock market value": "market value",
    "price tag": "cost",
    "total cost": "cost",
}


#: The keys of the sides of a vote (:data:`checker.frame.binding.VOTE_MEASURES`): one key
#: however the count is worded ("12 councillors voted against", "12 votes against", "by 31
#: votes to 12"), and "votes for" never the key of "votes against" (nor of a bare "31 votes").
VOTE_MEASURE_KEYS = {VOTES_FOR: "noun:vote for", VOTES_AGAINST: "noun:vote against", ABSTENTIONS: "noun:abstention"}
#: The keys themselves: two different ones are never one quantity (:mod:`checker.judge.factmatch`).
VOTE_KEYS = frozenset(VOTE_MEASURE_KEYS.values())


def folded_measure(measure: str) -> str:
    """``measure`` with a synonym of :data:`MEASURE_SYNONYMS` at its end folded ("single-day market
    capitalization" -> "market value")."""
    for words, folded in MEASURE_SYNONYMS.items():
        for form in (words, folded):
            if measure == form or measure.endswith(" " + form):
                return folded
    return measure


def quantity_fact(claim: Claim, index: int) -> Fact | None:
    """The fact of the claim's quantity number ``index``, if its facts are filled."""
    for f in claim.facts:
        if f.kind == "quantity" and f.figure == index:
            return f
    return None


def fold(name: str) -> str:
    """A name folded for comparison: lower case, a leading "the", possessive and plural dropped."""
    parts = [normalise(w) for w in name.replace("’", "'").split()]
    if parts and parts[0] == "the":
        parts = parts[1:]
    return " ".join(parts)


def name_within(x: str | None, y: str | None) -> bool:
    """One name is the other's words or part of them, folded ("Oak Ridge" / "Oak Ridge National
    Laboratory", "Halvard" / "Halvard Systems")."""
    if not x or not y:
        return False
    wx, wy = set(fold(x).split()), set(fold(y).split())
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def holder_key(fact: Fact, claim: Claim) -> str | None:
    """The fact's holder, folded; None when there is none or it is an ordinary word."""
    if fact.holder is None or not fact.holder.value:
        return None
    key = fold(fact.holder.value)
    if not key or key in STOPWORDS or key in _NO_HOLDER:
        return None
    if fact.holder.source == "sentence" and _opener_only(fact.holder.text or fact.holder.value, claim.text):
        return None
    return key


def _opener_only(name: str, text: str) -> bool:
    """The name is a word written capitalised only as the sentence's first word and ends like an
    ordinary word ("Misinforming", "Phased") or a plural noun ("Patients", "Analysts"): no name."""
    word = name.split()[0] if name.split() else name
    lowered = word.lower()
    stripped = text.lstrip(" |*-#>\"'“")
    if not stripped.lower().startswith(lowered) or text.count(word) > 1:
        return False
    if word.isupper():
        return False
    plural = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "as", "os"))
    return plural or lowered.endswith(("ing", "ed", "ly", "ion", "ment"))


def measure_key(fact: Fact | None, q: Quantity) -> str | None:
    """What the figure measures: a side of a vote (votes for, votes against, abstentions: the
    count's noun, "councillors", "votes", says nothing more), a physical unit's base ("m" for km
    and miles; not a unit of time, which measures anything), else the head noun of the fact's
    measure or a count's noun."""
    if fact is not None and fact.measure is not None and fact.measure.value in VOTE_MEASURE_KEYS:
        return VOTE_MEASURE_KEYS[fact.measure.value]
    if q.kind == "measure" and q.unit and q.unit not in TIME_UNITS:
        base = UNIT_BASES.get(q.unit)
        return "unit:" + (base[0] if base else q.unit)
    if q.kind == "count" and q.unit:
        words = q.unit.lower().split()
        if words[-1] not in TIME_UNITS:
            return "noun:" + normalise(words[-1])
        if len(words) > 1:  # "GPU hours": a time unit with what it is spent on
            return "noun:" + " ".join(words[-2:])
    if fact is not None and fact.measure is not None and fact.measure.value:
        head = folded_measure(fact.measure.value).split()[-1]
        if head.lower() not in STOPWORDS:
            return f"{q.kind}:{normalise(head)}"
    return None
