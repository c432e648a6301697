"""Keys of a fact that stages compare and join on: its holder folded, what its figure measures.

Read where candidate pairs are joined on facts (:func:`checker.pair.value_join.fact_pairs`) and
where two claims' facts are aligned (:mod:`checker.judge.factmatch`), so both see one key.

A holder that is an ordinal thing ("Kessler second mill", "second fab": see
:mod:`checker.frame.binding`) is keyed by its owner, its ordinal and its noun, a site noun
folded (:data:`SITE_SYNONYMS`: "second fab" and "second plant" are one key); :func:`things_join`
says whether two holders that are ordinal things name one thing.

The rules ask these keys of each fact once per candidate pair it is in, hundreds of thousands of
times a scan: :func:`by_identity` remembers them per fact (and other functions of a claim or a
fact, elsewhere in the judge), by the objects themselves, which are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, wraps

from ..extract.terms import STOPWORDS, normalise
from ..extract.units import TIME_UNITS, UNIT_BASES
from ..extract.quantities import SCALE_UNITS
from ..model import OWN_SOURCES, Claim, Fact, Quantity
from .chinese import fold_chinese
from .binding import ABSTENTIONS, FLOW_NOMINALS, LAW_WORDS, ROLE_FOLDS, ROLE_NOUNS, VOTES_AGAINST, VOTES_FOR, ordinal_word
from .regions import canonical_place, region_tier

#: Calls :func:`by_identity` remembers at most per function (then it forgets them all and starts again).
REMEMBERED = 1 << 18


def by_identity(fn):
    """``fn`` remembering its value per arguments, told by identity (``is``): for functions of
    immutable objects (a :class:`~checker.model.Claim`, a :class:`~checker.model.Fact`), where
    hashing the objects would cost about what the function does. The arguments are kept with the
    value, so an id is not reused while it is remembered; an argument that is equal but another
    object is only a miss. Functions of one, two and three arguments, asked millions of times a
    scan, have a wrapper of their own (no tuple of ids built, no loop over the arguments)."""
    remembered: dict = {}
    arity = fn.__code__.co_argcount if not fn.__code__.co_flags & 0x04 else -1  # 0x04: *args

    def keep(key, entry) -> None:
        if len(remembered) >= REMEMBERED:
            remembered.clear()
        remembered[key] = entry

    if arity == 1:
        def remembering(x):
            got = remembered.get(id(x))
            if got is not None and got[0] is x:
                return got[1]
            value = fn(x)
            keep(id(x), (x, value))
            return value
    elif arity == 2:
        def remembering(x, y):
            key = (id(x), id(y))
            got = remembered.get(key)
            if got is not None and got[0] is x and got[1] is y:
                return got[2]
            value = fn(x, y)
            keep(key, (x, y, value))
            return value
    elif arity == 3:
        def remembering(x, y, z):
            key = (id(x), id(y), id(z))
            got = remembered.get(key)
            if got is not None and got[0] is x and got[1] is y and got[2] is z:
                return got[3]
            value = fn(x, y, z)
            keep(key, (x, y, z, value))
            return value
    else:
        def remembering(*args):
            key = tuple(map(id, args))
            got = remembered.get(key)
            if got is not None and all(x is y for x, y in zip(got[0], args)):
                return got[1]
            value = fn(*args)
            keep(key, (args, value))
            return value

    remembering = wraps(fn)(remembering)
    remembering.cache_clear = remembered.clear
    return remembering


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
    "price": "cost",  # "is priced at $900" / "costs $1,100": what it costs a buyer
    # the size of a staff: "its global workforce totals 38,000" / "employs 41,000 people" (whom a
    # verb of employing counts are employees: :mod:`checker.extract.quantities`)
    "workforce": "employee",
    "headcount": "employee",
    "staff": "employee",
    # a place's residents or inhabitants are its population ("had 8.3 million residents" / "a
    # population of 8.3 million")
    "resident": "population",
    "inhabitant": "population",
    # a country's economy grows as its GDP does ("the economy expanded 2.6%" / "GDP grew 2.1%")
    "gross domestic product": "gdp",
    "economy": "gdp",
    # a transit system's or an airline's riders are its passengers, counted as its ridership ("carried
    # 182 million passengers" / "ridership reached 182 million" / "182 million riders")
    "passenger": "ridership",
    "rider": "ridership",
    "quake": "earthquake",
}
#: Measures that a count states however it is written, with the noun counted or as the measure's
#: name ("41,000 employees" / "a workforce of 41,000"): their key is the counted noun's.
_COUNTED_MEASURES = frozenset({"employee", "population", "ridership"})
#: The nouns of flows of goods (deliveries, shipments ...): a count of one is keyed as a count's
#: noun however worded.
_FLOWS = frozenset(normalise(n) for n in FLOW_NOMINALS.values())
#: The nouns of a trade: a count of "car sales" (deliveries, shipments) counts the cars sold or
#: bought (the verbs' counts, "sold 2 million cars", keep their noun; the direction, sell or buy,
#: tells the sides apart).
_TRADES = frozenset({"sale", "purchase", "shipment", "delivery"})


def traded(measure: str | None) -> str | None:
    """The goods a count of a trade counts: "car" of "car sales", None for anything else."""
    words = [normalise(w) for w in folded_measure(measure).split()] if measure else []
    return words[-2] if len(words) > 1 and words[-1] in _TRADES and words[-2] not in STOPWORDS else None


#: The keys of the sides of a vote (:data:`checker.frame.binding.VOTE_MEASURES`): one key
#: however the count is worded ("12 councillors voted against", "12 votes against", "by 31
#: votes to 12"), and "votes for" never the key of "votes against" (nor of a bare "31 votes").
VOTE_MEASURE_KEYS = {VOTES_FOR: "noun:vote for", VOTES_AGAINST: "noun:vote against", ABSTENTIONS: "noun:abstention"}
#: The keys themselves: two different ones are never one quantity (:mod:`checker.judge.factmatch`).
VOTE_KEYS = frozenset(VOTE_MEASURE_KEYS.values())


#: Measures that are the two sides of one flow or balance: exports and imports, births and deaths,
#: assets and liabilities. Two figures of opposite sides are never one quantity, whoever's and
#: however alike their sentences ("exports to China fell 8%" / "imports from China fell 3%").
_OPPOSITE_SIDES = (
    ("export", "import"), ("birth", "death"), ("inflow", "outflow"), ("arrival", "departure"),
    ("asset", "liability"), ("deposit", "withdrawal"), ("admission", "discharge"), ("supply", "demand"),
    ("immigration", "emigration"), ("immigrant", "emigrant"), ("buyer", "seller"), ("lender", "borrower"),
    ("winner", "loser"), ("purchase", "sale"), ("hire", "layoff"), ("hiring", "layoff"),
)
OPPOSITE_MEASURES = {x: y for pair in _OPPOSITE_SIDES for x, y in (pair, pair[::-1])}


def opposite_measures(key_a: str | None, key_b: str | None) -> bool:
    """Two measure keys (:func:`measure_key`) whose head nouns are the two sides of one flow or
    balance (:data:`OPPOSITE_MEASURES`): "export" / "import", "noun:birth" / "noun:death"."""
    if not key_a or not key_b:
        return False
    head_a, head_b = key_a.split(":")[-1].split()[-1], key_b.split(":")[-1].split()[-1]
    return OPPOSITE_MEASURES.get(head_a) == head_b


def flows_apart(key_a: str | None, key_b: str | None) -> bool:
    """Two measure keys of which one or both count a flow of goods (:data:`_FLOWS`), not the same
    one: "exported 30,000 vans" / "sold 30,000 vans", "van production" / "van recalls" count what
    two things happened to, never one quantity."""
    if not key_a or not key_b or key_a == key_b or not (key_a.startswith("noun:") and key_b.startswith("noun:")):
        return False  # (counts only: an amount's verb, "exported machinery worth EUR 2 billion", is no count's flow)
    head_a, head_b = key_a.split(":")[-1].split()[-1], key_b.split(":")[-1].split()[-1]
    return head_a != head_b and (head_a in _FLOWS or head_b in _FLOWS)


@lru_cache(maxsize=1 << 16)
def folded_measure(measure: str) -> str:
    """``measure`` with a synonym of :data:`MEASURE_SYNONYMS` at its end folded ("single-day market
    capitalization" -> "market value")."""
    measure = fold_chinese(measure)  # "註冊資本" is "注册资本"
    for words, folded in MEASURE_SYNONYMS.items():
        for form in (words, folded):
            if measure == form or measure.endswith(" " + form):
                return folded
    return measure


@lru_cache(maxsize=1 << 16)
def narrowed_folded_measure(measure: str) -> str:
    """``measure`` with a synonym of :data:`MEASURE_SYNONYMS` at its end folded and the words before
    it kept ("median home price" -> "median home cost"): what narrows the measure, for comparing
    two measures' narrowing words (:func:`folded_measure` gives the measure's key, which drops them)."""
    measure = fold_chinese(measure)
    for words, folded in MEASURE_SYNONYMS.items():
        for form in (words, folded):
            if measure == form:
                return folded
            if measure.endswith(" " + form):
                return measure[: -len(form)] + folded
    return measure


def quantity_fact(claim: Claim, index: int) -> Fact | None:
    """The fact of the claim's quantity number ``index``, if its facts are filled."""
    for f in claim.facts:
        if f.kind == "quantity" and f.figure == index:
            return f
    return None


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A name folded for comparison: lower case, a leading "the", possessive and plural dropped;
    a Chinese name in simplified characters and mainland phrasing (:func:`checker.frame.chinese.fold_chinese`)."""
    parts = [normalise(w) for w in fold_chinese(name).replace("’", "'").split()]
    if parts and parts[0] == "the":
        parts = parts[1:]
    return " ".join(parts)


def name_within(x: str | None, y: str | None) -> bool:
    """One name is the other's words or part of them, folded ("Oak Ridge" / "Oak Ridge National
    Laboratory", "Halvard" / "Halvard Systems"); a country's two names are one ("US" / "the
    United States": :func:`checker.frame.regions.canonical_place`)."""
    if not x or not y:
        return False
    if canonical_place(x) == canonical_place(y):
        return True
    wx, wy = set(fold(x).split()), set(fold(y).split())
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def acronym_within(x: str | None, y: str | None) -> bool:
    """Two folded names alike but that one writes some words of the other as their initials:
    "ai act" / "artificial intelligence act", "us senate" / "united states senate" (the
    initials two to five letters, for as many words; the other words the same)."""
    if not x or not y or x == y:
        return False
    for short, long in ((x.split(), y.split()), (y.split(), x.split())):
        extra = len(long) - len(short)
        if extra < 1:
            continue
        for i, w in enumerate(short):
            n = extra + 1
            if (
                w.isalpha() and len(w) == n and 2 <= n <= 5 and short[:i] == long[:i] and short[i + 1 :] == long[i + n :]
                and "".join(p[0] for p in long[i : i + n]) == w
            ):
                return True
    return False


def qualified_within(x: str | None, y: str | None) -> bool:
    """One folded name is the other with one word before it that only qualifies it: a name of
    three words or more ("chinese ministry of finance" / "ministry of finance"), or a law's name
    of two words or more after a place ("eu ai act" / "ai act"). A short name is not ("bank of
    china" / "china", "equity fund" / "fund")."""
    if not x or not y:
        return False
    short, long = sorted((x.split(), y.split()), key=len)
    if len(long) != len(short) + 1 or long[1:] != short:
        return False
    return len(short) >= 3 or (len(short) == 2 and short[-1] in LAW_WORDS and region_tier(long[0]) is not None)


def law_without_place(key: str) -> str | None:
    """A folded law's name without the place before it ("eu ai act" -> "ai act"), else None."""
    words = key.split()
    if len(words) >= 3 and words[-1] in LAW_WORDS and region_tier(words[0]) is not None:
        return " ".join(words[1:])
    return None


#: Nouns of one kind of site, folded to one for ordinal things: "the second fab", "the second
#: factory" and "the second plant" of one owner are one site. ("works" is plural to the parser and
#: never an ordinal thing.)
SITE_SYNONYMS = {"fab": "plant", "factory": "plant", "facility": "plant", "mill": "plant", "plant": "plant"}


@dataclass(frozen=True)
class OrdinalThing:
    """A holder that is an ordinal thing, folded: ``owner`` ("" when none is stated),
    ``ordinal`` ("second"), ``kind`` (the words before the noun: "assembly") and ``noun``
    (a site noun folded: "plant")."""

    owner: str
    ordinal: str
    kind: tuple[str, ...]
    noun: str

    @property
    def key(self) -> str:
        return " ".join(w for w in (self.owner, self.ordinal, *self.kind, self.noun) if w)


@lru_cache(maxsize=1 << 14)
def _thing(value: str) -> OrdinalThing | None:
    words = value.split()
    for i, w in enumerate(words):
        if i + 1 < len(words) and w.islower() and ordinal_word(w) and all(x.islower() for x in words[i + 1:]):
            noun = normalise(words[-1])
            return OrdinalThing(fold(" ".join(words[:i])), ordinal_word(w), tuple(normalise(x) for x in words[i + 1:-1]),
                                SITE_SYNONYMS.get(noun, noun))
    return None


def ordinal_thing(fact: Fact | None) -> OrdinalThing | None:
    """The fact's holder as an ordinal thing ("Kessler second mill": the binder writes the
    ordinal and its noun in lower case, so "First Solar", a name, is none), or None."""
    if fact is None or fact.holder is None or not fact.holder.value:
        return None
    return _thing(fact.holder.value)


#: The last words of an office, or of another party named by what it is to its owner, as the binder
#: writes it (:data:`checker.frame.binding.ROLE_NOUNS`, folded: "CEO" is "chief executive",
#: "chairwoman" is "chair").
_OFFICE_WORDS = ROLE_NOUNS | {folded.split()[-1] for folded in ROLE_FOLDS.values()}


def office_holder(value: str | None) -> bool:
    """The holder is an office of an organisation or a place as the binder writes it ("Orrin chief
    executive", "Tarn mayor"; "rival", whose owner nothing named): a figure of the office holder,
    not of the organisation."""
    words = value.split() if value else []
    return bool(words) and words[-1].islower() and words[-1] in _OFFICE_WORDS


_OWNING_SOURCES = OWN_SOURCES | {"previous sentence"}


def things_join(fa: Fact, fb: Fact) -> bool | None:
    """Whether two facts' holders name one ordinal thing: None when neither is one; False when
    only one is (the second mill is not its owner), or their ordinals, nouns (site nouns folded)
    or kinds ("second assembly plant" / "second battery plant"; a kind on one side only may
    join: "second steel mill" / "second mill") differ, or both state owners and these differ.
    An owner on one side only joins, and an owner a heading or the title gave sets nothing apart
    (it may be the page's subject, not the thing's); one that a reference in the sentence before
    was read as ("Valdor reported results. The company opened its first store") does."""
    ta, tb = ordinal_thing(fa), ordinal_thing(fb)
    if ta is None and tb is None:
        return None
    if ta is None or tb is None or (ta.ordinal, ta.noun) != (tb.ordinal, tb.noun):
        return False
    ka, kb = set(ta.kind), set(tb.kind)
    if not (ka <= kb or kb <= ka):
        return False
    # an owner a heading or the title gave (the page's subject, maybe not the thing's) may join
    # but never sets apart; one a reference in the sentence before was read as ("The company
    # opened its first store") does
    own_a = ta.owner if fa.holder is not None and fa.holder.source in _OWNING_SOURCES else None
    own_b = tb.owner if fb.holder is not None and fb.holder.source in _OWNING_SOURCES else None
    return not own_a or not own_b or name_within(own_a, own_b)


@by_identity
def holder_key(fact: Fact, claim: Claim) -> str | None:
    """The fact's holder, folded; None when there is none or it is an ordinary word."""
    if fact.holder is None or not fact.holder.value:
        return None
    thing = ordinal_thing(fact)
    if thing is not None:
        return thing.key
    key = fold(fact.holder.value)
    if not key or key in STOPWORDS or key in _NO_HOLDER:
        return None
    if fact.holder.source == "sentence" and fact.holder.value.islower() and _opener_only(fact.holder.text or fact.holder.value, claim.text):
        # only the cheap path's holder (a subject word, folded to lower case) is checked: the
        # parse tags an opening "Misinforming" or "Phased" a verb and never binds it, and its
        # "Beijing" or "Boeing" is a name however it ends
        return None
    return key


@lru_cache(maxsize=1 << 16)
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


def _spent_on(words: list[str]) -> str | None:
    """``noun:gpu hour`` for a time unit with what it is spent on ("GPU hours"), else None."""
    folded = [normalise(w) for w in words]
    if len(folded) > 1 and folded[-1] in TIME_UNITS:
        return "noun:" + " ".join(folded[-2:])
    return None


def measure_key(fact: Fact | None, q: Quantity) -> str | None:
    """What the figure measures: a side of a vote (votes for, votes against, abstentions: the
    count's noun, "councillors", "votes", says nothing more), a physical unit's base ("m" for km
    and miles; not a unit of time, which measures anything), else the head noun of the fact's
    measure or a count's noun."""
    if fact is not None and fact.measure is not None and fact.measure.value in VOTE_MEASURE_KEYS:
        return VOTE_MEASURE_KEYS[fact.measure.value]
    if fact is not None and fact.measure is not None and fact.measure.source == "table header" and fact.measure.value:
        # a table's label says what its cells measure ("GPU Hours | 2.79M H800"): the count's
        # own noun there says what kind, and a physical unit what dimension
        words = [normalise(w) for w in folded_measure(fact.measure.value).split()]
        if spent := _spent_on(words):
            return spent
        if not (q.kind == "measure" and q.unit and q.unit not in TIME_UNITS):
            return ("noun:" if q.kind == "count" else f"{q.kind}:") + words[-1]
    if q.kind == "measure" and q.unit and q.unit not in TIME_UNITS:
        base = UNIT_BASES.get(q.unit)
        return "unit:" + (base[0] if base else q.unit)
    if q.kind == "measure" and q.unit and q.noun and (spent := _spent_on(q.noun.split())):
        return spent  # "280K GPU hours", as a count's "GPU hours"
    if q.kind == "count" and q.unit and fact is not None and fact.measure is not None and fact.measure.value:
        head = normalise(folded_measure(fact.measure.value).split()[-1])
        if head in _FLOWS and len(fact.measure.value.split()) > 1:
            return "noun:" + head  # "exported 2 million cars": car exports, as "2 million car exports" are
    if q.kind == "count" and (goods := traded(q.unit)):
        return "noun:" + goods  # "2.3 million car sales": cars sold, as "sold 2.3 million cars" counts
    if q.kind == "count" and q.unit in SCALE_UNITS:
        # "a magnitude 6.9 earthquake" / "a 6.8-magnitude quake": a reading on a scale of the thing
        # named after it (not the strongest aftershock's "of magnitude 5.2")
        thing = folded_measure(normalise(q.noun.split()[0].lower())) if q.noun else ""
        return f"noun:{q.unit}" + (f" of {thing}" if thing else "")
    if q.kind == "count" and q.unit:
        words = q.unit.lower().split()
        if words[-1] not in TIME_UNITS:
            return "noun:" + folded_measure(normalise(words[-1]))
        if spent := _spent_on(words):
            return spent
    if fact is not None and fact.measure is not None and fact.measure.value:
        head = folded_measure(fact.measure.value).split()[-1]
        if q.kind == "count" and (goods := traded(fact.measure.value)):
            return "noun:" + goods  # "car sales reached 2.3 million": cars sold
        if q.kind == "count" and (normalise(head) in _COUNTED_MEASURES or normalise(head) in _FLOWS):
            # "a workforce of 41,000": a count of employees; "car exports reached 2.3 million": a
            # count of exports, as "exported 2.3 million cars" is
            return "noun:" + normalise(head)
        if head.lower() not in STOPWORDS:
            return f"{q.kind}:{normalise(head)}"
    return None
