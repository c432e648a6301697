"""Direction of a figure: which way the change or event that the figure counts goes.

"revenue *rose* 12%", "a 5% *decline*", "*cut* 300 jobs", "*sold* 2 million shares", "*opened* 40
stores": a figure is often the size of a change or of an event, and the verb or noun that
governs it says which way it goes. :func:`figure_direction` reads that word on the sentence's
dependency parse (spaCy, :mod:`checker.frame.nlp`) and folds it, by :data:`DIRECTIONS`, to a
general key. Keys come in opposite pairs (:data:`OPPOSITES`): ``up``/``down`` (a measure
rises or falls), ``buy``/``sell``, ``open``/``close``, ``hire``/``fire``. One holder's
measure does not both rise and fall over one period, and one figure is not both bought and
sold (rule DIR001, :mod:`checker.judge.rulekinds.direction`).

Each figure gets its own direction: in "revenue rose 5% while costs fell 3%" the 5% is ``up``
and the 3% ``down``. A figure that is the level a change reached or started from ("fell 4% *to*
$3 billion", "rose *from* $2 billion") has none: the direction belongs to the change, not to
the level. A negated word ("did not rise") gives None, and so does a word the table does not
know ("reported 300 jobs").

:func:`comparison_base` reads, without a parse, what a change is measured against ("from its
peak", "year on year", "since 2020", "compared with 2023"): a fall from a peak and a rise
year on year are two changes, not one stated two ways.
"""

from __future__ import annotations

import re
from .inflection import stem_candidates

#: Lemma of a governing verb or noun (a phrasal verb as "verb particle") -> direction key.
#: Small and general on purpose: no word here is there for a particular document.
DIRECTIONS: dict[str, str] = {
    # a measure goes up ...
    **dict.fromkeys(
        """rise increase grow climb jump gain add expand surge soar advance rebound raise boost lift
        growth expansion hike rally widen""".split(), "up"),
    "go up": "up",
    # ... or down
    **dict.fromkeys(
        """fall drop decline decrease shrink lose cut shed slump slide slip plunge tumble sink dip
        contract reduce lower slash trim loss reduction contraction ease retreat narrow""".split(), "down"),
    "go down": "down",
    "cut back": "down",
    # something changes hands
    **dict.fromkeys("buy purchase acquire acquisition".split(), "buy"),
    **dict.fromkeys("sell divest divestment sale".split(), "sell"),
    "sell off": "sell",
    # a site or a line opens or closes
    **dict.fromkeys("open opening".split(), "open"),
    **dict.fromkeys("close closure closing shut shutdown".split(), "close"),
    "shut down": "close",
    # people are taken on or let go
    **dict.fromkeys("hire recruit hiring".split(), "hire"),
    **dict.fromkeys("fire dismiss layoff dismissal firing".split(), "fire"),
    "lay off": "fire",
}

#: The pairs of opposite directions: two facts of one measure, one on each side, conflict.
OPPOSITES: tuple[tuple[str, str], ...] = (("up", "down"), ("buy", "sell"), ("open", "close"), ("hire", "fire"))

#: Adverbs and comparatives right above a figure ("is down 5%", "closed 3% higher").
_ADVERBS = {"up": "up", "higher": "up", "down": "down", "lower": "down"}
#: Words that give a direction only through one preposition: "the sale *of* 2 million shares"
#: (as the figure's own noun, "2 million sales" names a measure), "raised prices *by* 5%" ("raised
#: $40 million" is money collected, no change of a measure).
_ONLY_THROUGH = {"sale": "of", "raise": "by", "boost": "by", "lift": "by"}
#: Prepositions through which a figure is the size of the change ("rose by 4%", "a decline of 5%");
#: any other ("to $3 billion", "from $2 billion", "at $42") makes it a level.
_SIZE_PREPS = frozenset({"by", "of"})
#: Dependencies that lead from a figure to the word that governs it.
_UPWARD = frozenset(
    """nummod compound quantmod npadvmod dobj nsubj nsubjpass appos amod advmod attr conj nmod
    pobj prep""".split()
)


def opposite(a: str | None, b: str | None) -> bool:
    """Whether directions ``a`` and ``b`` are the two sides of one pair of :data:`OPPOSITES`."""
    return a is not None and b is not None and ((a, b) in OPPOSITES or (b, a) in OPPOSITES)


def figure_direction(doc, start: int, end: int) -> str | None:
    """The direction key of the figure at ``[start, end)`` of the parsed sentence ``doc``: the
    nearest verb, noun or adverb above it that :data:`DIRECTIONS` (or "up", "down", "higher",
    "lower") knows; None for a level ("to $3 billion"), a negated word or an unknown one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    own = {t.i for t in span}
    if any(c.dep_ == "quantmod" and c.lower_ in ("to", "from") and c.i not in own for t in span for c in t.children):
        return None  # "fell by a third to 12,000 tonnes", parsed as a range: a level
    tok, via = span.root, None
    for _ in range(8):
        if tok.i not in own:
            found = _direction_of(tok, via)
            if found is not None:
                return found or None  # "" marks a negated word
            if tok.pos_ in ("VERB", "AUX"):
                return None  # the governing verb names no direction ("reported 300 jobs")
        if tok.head.i == tok.i or tok.dep_ not in _UPWARD:
            return None
        if tok.dep_ == "prep" and tok.i not in own:
            if tok.lower_ not in _SIZE_PREPS:
                return None  # "fell 4% to $3 billion": a level, not the change's size
            via = tok.lower_
        elif tok.dep_ != "pobj":
            via = None
        tok = tok.head
    return None


def _direction_of(tok, via: str | None) -> str | None:
    """The key of one token above a figure; "" for a known word that is negated; None for none."""
    lower, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ in ("ADV", "ADJ") and lower in _ADVERBS:
        return _ADVERBS[lower]
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma not in ("be", "have", "do")):
        particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        key = next((DIRECTIONS[f"{lemma} {p}"] for p in particles if f"{lemma} {p}" in DIRECTIONS), None)
        key = key or DIRECTIONS.get(lemma)
    elif tok.pos_ == "NOUN":
        key = DIRECTIONS.get(lemma)
    else:
        return None
    if key is None or _ONLY_THROUGH.get(lemma, via) != via:
        return None
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in tok.children):
        return ""
    return key


# --------------------------------------------------------------------------- words, no parse

#: Irregular forms of the table's verbs -> lemma.
_IRREGULAR = {
    "rose": "rise", "risen": "rise", "grew": "grow", "grown": "grow", "fell": "fall", "fallen": "fall",
    "lost": "lose", "sold": "sell", "bought": "buy", "shrank": "shrink", "shrunk": "shrink",
    "sank": "sink", "sunk": "sink", "slid": "slide", "laid": "lay", "went": "go", "gone": "go",
    "shed": "shed", "cut": "cut", "shut": "shut", "upped": "up",
}
_WORD = re.compile(r"[A-Za-z]+")


def word_lemma(word: str) -> str:
    """A lower-case lemma of ``word`` as :data:`DIRECTIONS` spells it, by an irregular-form table
    and inflection stripping ("climbed" -> "climb", "layoffs" -> "layoff"); the word itself else."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in DIRECTIONS or w in _ADVERBS:
        return w
    candidates = stem_candidates(w)
    return next((c for c in candidates if c in DIRECTIONS), w)


def direction_word(text: str, start: int, end: int, key: str) -> str | None:
    """The word of ``text`` nearest the figure at ``[start, end)`` whose direction is ``key``
    ("rose" for ``up`` in "revenue rose 4%"), as written; None when there is none. For messages."""
    span = direction_span(text, start, end, key)
    return text[span[0] : span[1]] if span else None


def direction_span(text: str, start: int, end: int, key: str) -> tuple[int, int] | None:
    """Where :func:`direction_word`'s word is in ``text``: ``(start, end)``, or None."""
    best = None
    words = list(_WORD.finditer(text))
    for n, m in enumerate(words):
        w, lemma = m.group(0), word_lemma(m.group(0))
        after = words[n + 1].group(0).lower() if n + 1 < len(words) else ""
        stop = m.end()
        if f"{lemma} {after}" in DIRECTIONS:  # "laid off"
            lemma, stop = f"{lemma} {after}", words[n + 1].end()
        if DIRECTIONS.get(lemma, _ADVERBS.get(lemma)) != key:
            continue
        distance = abs(start - m.end() if m.end() <= start else m.start() - end + 0.5)  # a tie: the word before
        if best is None or distance < best[0]:
            best = (distance, (m.start(), stop))
    return best[1] if best else None


#: Words that measure a change against a base. "year on year" and its variants fold into one base.
_YEAR_ON_YEAR = re.compile(
    r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y|yoy|on the year|from a year (?:earlier|ago|before)|"
    r"(?:compared (?:with|to)|over|from|versus|vs\.?) (?:the )?(?:same (?:period|quarter|month) (?:of |a )?)?"
    r"(?:a year (?:earlier|ago|before)|last year|the (?:previous|prior) year|the year before))\b",
    re.I,
)
#: A change against the period before, of another length than a year: "quarter on quarter", "q/q",
#: "month-over-month", "from the previous quarter" (or "three months"), "sequentially" (against the
#: period just before).
_PERIOD_ON_PERIOD = re.compile(
    r"\b(?:(?P<unit>quarter|month|week|day)[- ](?:on|over)[- ](?P=unit)|(?P<short>q/q|qoq|m/m|w/w)|"
    r"(?:from|over|compared (?:with|to)|versus|vs\.?) (?:the |a )?(?:previous|prior|preceding|last) (?P<prior>quarter|month|week)|"
    r"(?:from|over|compared (?:with|to)|versus|vs\.?) (?:the )?(?:previous|prior|preceding|last) (?P<months>three|3) months|"
    r"(?:from|over) a (?P<ago>quarter|month|week) (?:earlier|ago|before)|(?P<seq>sequential(?:ly)?))\b",
    re.I,
)
_SHORT = {"q/q": "quarter", "qoq": "quarter", "m/m": "month", "w/w": "week"}
_BASE = re.compile(r"\b(from|since|compared (?:with|to)|versus|vs\.?|against|relative to)\s+((?:[\w'’$€£.,%-]+\s*){1,4})", re.I)
#: Where a figure's clause ends: a base phrase after it belongs to it only up to here.
_CLAUSE_END = re.compile(r"[;:!?]|,\s|\.\s|\.$|\b(?:while|whereas|but|and|as)\b", re.I)
#: A sentence that opens on a base sets it for all its figures ("Compared with 2023, ...").
_OPENER = re.compile(r"^\s*((?:compared (?:with|to)|from|since|versus|relative to)\b[^,]{1,60}),", re.I)
_DROP = frozenset("the its their a an his her our this that".split())


def comparison_base(text: str, start: int, end: int) -> str | None:
    """What the change at ``[start, end)`` of ``text`` is measured against, folded ("year on
    year", "peak", "2023"), from the words after the figure in its clause or from a sentence
    opener ("Compared with 2023, ..."); None when the sentence names no base. A level the change
    went from ("fell 4% from $3 billion") is a base too."""
    rest = text[end:]
    stop = _CLAUSE_END.search(rest)
    clause = rest[: stop.start()] if stop else rest
    found = _fold_base(clause)
    if found is None:
        opener = _OPENER.match(text)
        if opener is not None and opener.end() <= start:
            found = _fold_base(opener.group(1))
    return found


def _fold_base(words: str) -> str | None:
    if _YEAR_ON_YEAR.search(words):
        return "year on year"
    period = _PERIOD_ON_PERIOD.search(words)
    if period is not None:
        if period.group("seq"):
            return "period on period"
        unit = (period.group("unit") or period.group("prior") or period.group("ago")
                or ("quarter" if period.group("months") else None)  # "the previous three months": a quarter
                or _SHORT[period.group("short").lower()]).lower()
        return f"{unit} on {unit}"
    m = _BASE.search(words)
    if m is None:
        return None
    kept = [w.strip(".,").lower().replace("’", "'").removesuffix("'s") for w in m.group(2).split()]
    kept = [w for w in kept if w and w not in _DROP]
    return " ".join(kept) or m.group(1).lower()


#: Which side of a state an event a date dates is on: it begins the state (a membership, an
#: office, a listing, a product's or a site's life, an ownership), ends it, or begins it again.
#: "Joined Orrin in 2015" and "left Orrin in 2019", "opened in 1990" and "reopened in 2021" date
#: two events however alike their sentences. General English only, lemmas of the event's verb.
EVENT_SIDES: dict[str, str] = {
    **dict.fromkeys(
        """join enter open launch start begin become list hire appoint elect introduce debut found
        establish create acquire buy assume arrive inaugurate release unveil""".split(), "begin"),
    **dict.fromkeys(
        """leave exit quit close shut discontinue retire end finish stop cease resign delist depart
        withdraw sell divest dissolve fire dismiss oust suspend abandon cancel scrap terminate expire
        demolish decommission""".split(), "end"),
    **dict.fromkeys("reopen relaunch restart resume rejoin return reinstate reelect re-elect revive".split(), "again"),
    # phrasal verbs, read with the particle after the verb ("stepped down as chief executive")
    **dict.fromkeys("set up|take over|take office|roll out|sign up".split("|"), "begin"),
    **dict.fromkeys("step down|shut down|wind down|close down|phase out|pull out|drop out|bow out|step aside".split("|"), "end"),
}

_PARTICLE = re.compile(r"\s+(down|up|out|over|aside|off)\b", re.I)


def event_side(event: str | None, after: str = "") -> str | None:
    """The side (:data:`EVENT_SIDES`: ``begin``, ``end``, ``again``) of the event whose verb is
    the first word of ``event``, a lemma as the binding gives it ("leave") or a regular inflected
    form ("joined"), with the particle that opens ``after``, the text just after the verb, where
    the pair is a phrasal verb the table knows ("step" and " down as chief executive": "step
    down"); None for another word or none."""
    words = (event or "").lower().split()
    if not words:
        return None
    forms = [words[0], *stem_candidates(words[0])]
    particle = _PARTICLE.match(after) if len(words) == 1 else None
    second = words[1] if len(words) > 1 else particle.group(1).lower() if particle else None
    if second is not None:
        for form in forms:
            if f"{form} {second}" in EVENT_SIDES:
                return EVENT_SIDES[f"{form} {second}"]
    for form in forms:
        if form in EVENT_SIDES:
            return EVENT_SIDES[form]
    return None
