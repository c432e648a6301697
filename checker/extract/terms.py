"""What a sentence measures and of whom: content words, proper-name subjects, tense.

No English NER model is available offline, so subjects are read from capitalisation
(a capitalised word that does not open the sentence, or any capitalised word that is
not a common sentence opener), which is reliable for the places, companies and
institutions report prose names. Title-case headlines capitalise everything, so
subject comparison (see :func:`subjects_disjoint`) looks the other sentence's names
up among a headline's words rather than trusting its capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .dates import MONTHS
from .quantities import CURRENCY_CODES

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&+\-]*(?:['’][A-Za-z]+)?")

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being has have had
    its it this that these those their there than then so such which who whom whose what when where while
    into over under up down out about after before between through during per via not no nor only also
    very more most less least much many some any each every other another same new now yet still already
    will would can could may might should must do does did done said says say just like including include
    year years annual annually percent per cent around nearly almost roughly approximately about up
    whose whereas however although though despite amid among across within without toward towards upon""".split()
)

# Capitalised words that open sentences or headlines without naming anyone.
_NOT_NAMES = frozenset(
    """The A An In On At By For From To With As Of And Or But This That These Those Its It Their There
    While When Where After Before During Since Until Despite Meanwhile However Although Though Paradoxically
    Privately Domestically Early Critics Experts Analysts Officials Local Private Pharma Partners Companies
    Key Top Global New National State AI Over Under About Up Down Now Then Some Many Most All Each
    Several Both Such Other Another Our We They He She I You His Her Ethical Creative Labour Traditional
    Open Ethical Startups Derived Using Built Priced Planned Partnering Developed High Cross Tariff
    Reporting Leave Share Follow RSS Wordpress Divisions Greenpeace""".split()
) | frozenset(
    # month and weekday names date a statement; they do not say whom it is about
    [name.capitalize() for name in MONTHS] + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)

_PAST = re.compile(
    r"\b(?:was|were|had|did|unveiled|launched|released|announced|reported|reached|hit|rose|fell|grew|"
    r"declined|increased|decreased|authorized|authorised|approved|achieved|completed|opened|built|"
    r"introduced|signed|passed|won|became|surpassed|recorded|posted|topped|took|began|started|ended|"
    r"finished|delivered|shipped|acquired|merged|raised|invested|spent|sold|bought|made|found|showed|"
    r"revealed|estimated|adopted|enacted|entered|went|came|saw|grew|doubled|tripled|halved)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|plans? to|planned|expects?|expected|aims? to|targets?|targeting|by \d{4}|could|would|scheduled|slated|"
    r"(?:is|are) due to (?:open|start|begin|launch|close|complete|be|take|come|enter|end|finish|expire|arrive|reopen|"
    r"resume|deliver|ship|go|hold|vote|sign|report|publish|release))\b"
)


def future_marked(text: str) -> bool:
    """``text`` says what will or is to happen ("will", "plans to", "is due to open", "scheduled")."""
    return bool(_FUTURE.search(text.lower()))


_AFTER_NUMBER = re.compile(r"[0-9](?:[0-9.,]*[0-9])?[^\S\n]?$")

#: ISO currency codes and the letters of currency prefixes ("US$", "HK$", "CN¥", "NT$"): an
#: amount's currency, never whom the sentence is about ("USD 40 billion" and "US$40 billion"
#: name no one). "US" counts as a name unless a currency sign follows it.
_CURRENCY_CODES = frozenset(CURRENCY_CODES) | {"RMB", "NTD"}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")
_CURRENCY_SIGN_AFTER = re.compile(r"[^\S\n]?[$¥￥€£₹₩]")


@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, in order; memoised, since the subject, title-case, content and
    word-set tests each read the same sentences."""
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=1 << 16)
def normalise(word: str) -> str:
    """Lower case, possessive and plural ``s`` stripped: enough to match metric words."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


#: A word, or a run of Chinese or Japanese ideographs (written without spaces between words).
_WORD_OR_IDEOGRAPHS = re.compile(_WORD.pattern + r"|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1 << 16)
def content_terms(text: str) -> tuple[str, ...]:
    """Distinct normalised content words of ``text``, in order. A run of ideographs, which has
    no spaces to split it into words, gives its overlapping character pairs ("注册资本" gives
    "注册", "册资", "资本"), as Chinese text search does."""
    seen: dict[str, None] = {}
    for m in _WORD_OR_IDEOGRAPHS.finditer(text):
        w = m.group(0)
        if w[0].isascii():
            n = normalise(w)
            if len(n) > 1 and n not in STOPWORDS:
                seen.setdefault(n, None)
        else:
            for i in range(len(w) - 1):
                seen.setdefault(w[i:i + 2], None)
    return tuple(seen)


def subjects(text: str, known: set[str] | None = None) -> tuple[str, ...]:
    """Proper names the sentence is about: capitalised words that are not sentence furniture.

    A title-case headline capitalises every word; there only the ``known`` names (those
    the document capitalises in ordinary sentences) count.
    """
    found: dict[str, None] = {}
    title = known is not None and is_title_case(text)
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not w[0].isupper():
            continue
        if _AFTER_NUMBER.search(text, max(0, m.start() - 8), m.start()):
            continue  # "28 GW", "40 TOPS": a unit or a counted noun, not whom the sentence is about
        base = w.replace("’", "'")
        if base.endswith("'s"):
            base = base[:-2]
        if base in _NOT_NAMES or len(base) < 2 or is_currency_code(text, m.start(), m.end()):
            continue
        if title and base.lower() not in known:
            continue
        found.setdefault(base.lower(), None)
    return tuple(found)


def is_currency_code(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` writes a currency: an ISO code ("EUR 35 million")
    or the letters of a prefix glued to a currency sign ("US$", "CN¥", "HK$")."""
    word = text[start:end]
    return word in _CURRENCY_CODES or (word.isupper() and bool(_CURRENCY_SIGN_AFTER.match(text, end)))


def known_names(sentences) -> set[str]:
    """Lower-cased names a document capitalises inside ordinary (not title-case) sentences."""
    names: set[str] = set()
    for sentence in sentences:
        if is_title_case(sentence):
            continue
        for m in _WORD.finditer(sentence):
            if m.start() == 0:
                continue
            w = m.group(0)
            if w[0].isupper():
                base = w.replace("’", "'")
                names.add((base[:-2] if base.endswith("'s") else base).lower())
    return names


@lru_cache(maxsize=1 << 16)
def is_title_case(text: str) -> bool:
    """True for headline-style text where most words are capitalised."""
    ws = [w for w in words(text) if len(w) > 3]
    if len(ws) < 3:
        return False
    caps = sum(1 for w in ws if w[0].isupper())
    return caps / len(ws) >= 0.7


def subjects_disjoint(a_subjects, a_text: str, b_subjects, b_text: str) -> bool:
    """True when both sentences name someone and share no name (see :func:`_subjects_disjoint`);
    memoised, since each rule asks it of the same pair."""
    if not a_subjects or not b_subjects:
        return False
    return _subjects_disjoint(tuple(a_subjects), a_text, tuple(b_subjects), b_text)


@lru_cache(maxsize=1 << 16)
def _subjects_disjoint(a_subjects, a_text: str, b_subjects, b_text: str) -> bool:
    """True when both sentences name someone and share no name.

    A name of one sentence counts as shared when it appears among the other's words
    (case-insensitive), which copes with title-case headlines, unless it is part of a
    longer name that the other sentence does not use (:func:`_name_shared`).
    """
    if not a_subjects or not b_subjects:
        return False
    if _acronym_spelled_out(a_text, b_text) or _acronym_spelled_out(b_text, a_text):
        return False  # "the KMT plant" / "the Kestrel Motor Trust plant": one name, short and long
    a, b = _names_of(a_subjects, a_text), _names_of(b_subjects, b_text)
    if _ordinary_opener_only(a, b) or _ordinary_opener_only(b, a):
        return False  # "Robot installations reached ..." names no one: "robot installations hit ..."
    if a.normalised.isdisjoint(b.words) and b.normalised.isdisjoint(a.words):
        return True  # no name of one among the other's words (the checks below only remove names)
    # A capitalised sentence opener ("Sales in Germany ...") may be an ordinary word, so it
    # counts as a shared name only when neither sentence has names written mid-sentence:
    # "Sales in Germany" and "Sales in France" name different places.
    a_names, b_names = (a.confirmed, b.confirmed) if a.confirmed and b.confirmed else (a.names, b.names)
    for s, n in a_names:
        if n in b.words and (b.title or n in b.capitalised) and _name_shared(s, a, b):
            return False
    for s, n in b_names:
        if n in a.words and (a.title or n in a.capitalised) and _name_shared(s, b, a):
            return False
    return True


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
#: A run of capitalised words, with the small words a name may hold ("Bank of the North").
_NAME_RUN = re.compile(r"[A-Z][A-Za-z0-9\-]*(?:\s+(?:(?:of|the|and|for|de|&)\s+)*[A-Z][A-Za-z0-9\-]*)+")


def _ordinary_opener_only(own: "_Names", other: "_Names") -> bool:
    """Whether ``own``'s only names are words it capitalises nowhere but at its opening, each of
    which ``other`` (not a title-case headline) writes in lower case: an ordinary word opening the
    sentence ("Robot installations reached 535,000 units" / "... shows robot installations hit
    553,000 units"), not a name. "Germany's exports ..." / "France's exports ..." keep their names."""
    if not own.names or own.confirmed or own.title or other.title:
        return False
    return all(n in other.words and n not in other.capitalised for _, n in own.names)


@lru_cache(maxsize=1 << 16)
def _acronym_spelled_out(short: str, long: str) -> bool:
    """Whether an acronym of ``short`` (two to six capitals: "KMT") is spelled out in ``long``
    as the initials of consecutive capitalised words of one name ("Kestrel Motor Trust"; the
    small words of a name, "of", "the", "and", left out). A one-word name in ``long`` that
    is the acronym itself is left to the word comparison."""
    acronyms = {m.group(0) for m in _ACRONYM.finditer(short) if not is_currency_code(short, m.start(), m.end())}
    if not acronyms:
        return False
    for m in _NAME_RUN.finditer(long):
        capitals = [w for w in re.split(r"[\s\-]+", m.group(0)) if w and w[0].isupper()]
        initials = "".join(w[0] for w in capitals)
        for size in range(2, len(capitals) + 1):
            for start in range(len(capitals) - size + 1):
                if initials[start:start + size] in acronyms:
                    return True
    return False


class _Names:
    """What :func:`_subjects_disjoint` reads of one sentence, worked out once per sentence."""

    __slots__ = ("text", "words", "names", "normalised", "confirmed", "title", "capitalised", "_phrases")

    def __init__(self, subjects: tuple[str, ...], text: str) -> None:
        self.text = text
        self._phrases: dict[str, str] | None = None
        self.words = word_set(text)
        self.names = tuple((s, normalise(s)) for s in subjects)  # (name, normalised)
        self.normalised = frozenset(n for _, n in self.names)
        confirmed = confirmed_names(subjects, text)
        self.confirmed = tuple((s, n) for s, n in self.names if s in confirmed)
        self.title = is_title_case(text)
        # a word is written as a name where it is capitalised, or anyhow in a title-case
        # headline: "Official data show ..." does not name anyone "officials said" names
        self.capitalised = frozenset() if self.title else _capitalised(text)

    @property
    def phrases(self) -> dict[str, str]:
        """:func:`name_phrases` of the sentence, worked out when first asked for."""
        if self._phrases is None:
            self._phrases = name_phrases(self.text)
        return self._phrases


@lru_cache(maxsize=1 << 16)
def _names_of(subjects: tuple[str, ...], text: str) -> _Names:
    return _Names(subjects, text)


@lru_cache(maxsize=1 << 16)
def _capitalised(text: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words(text) if w[0].isupper())


def _name_shared(name: str, own: _Names, other: _Names) -> bool:
    """Whether ``other``, which has the word ``name``, mentions the name ``own`` means: the
    whole capitalised run ``name`` sits in ("Kingsley Networks") appears there, or the run it
    sits in there appears in ``own``. "Kingsley Networks" and "Kingsley Capital" share a
    word, not a name; "Apple" and "Apple Inc." share one."""
    phrase = own.phrases.get(name)
    if phrase is None or _mentions(other.text, phrase):
        return True
    theirs = other.phrases.get(name)
    return theirs is None or _mentions(own.text, theirs)


@lru_cache(maxsize=1 << 16)
def name_phrases(text: str) -> dict[str, str]:
    """For each capitalised word of ``text`` (lower case, possessive dropped), the run of
    capitalised words it belongs to ("kingsley" -> "kingsley networks"), leading sentence
    furniture ("The", "In") left out. Empty for a title-case headline, whose capitals
    mark no names."""
    if is_title_case(text):
        return {}
    out: dict[str, str] = {}
    run: list[str] = []
    last_end = -1

    def close() -> None:
        phrase = " ".join(run)
        for w in run:
            out.setdefault(w, phrase)

    for m in _WORD.finditer(text):
        w = m.group(0)
        base = w.replace("’", "'")
        base = base[:-2] if base.endswith("'s") else base
        capital = w[0].isupper() and not (not run and base in _NOT_NAMES)
        if capital and run and text[last_end:m.start()].strip() == "":
            run.append(base.lower())
        else:
            if run:
                close()
            run = [base.lower()] if capital else []
        last_end = m.end() if run else -1
        if run and w.endswith(("'s", "’s")):
            close()  # "Kingsley's Networks unit": the possessive ends the name
            run = []
    if run:
        close()
    return out


@lru_cache(maxsize=1 << 16)
def _lower_words(text: str) -> str:
    return " " + " ".join(words(text)).replace("’", "'").lower() + " "  # the words are ASCII but for ’


def _mentions(text: str, phrase: str) -> bool:
    """Whether the lower-cased word sequence ``phrase`` occurs in ``text`` (whole words)."""
    return f" {phrase} " in _lower_words(text) or f" {phrase}'s " in _lower_words(text)


def confirmed_names(names, text: str) -> tuple[str, ...]:
    """The ``names`` that ``text`` capitalises somewhere other than its opening word."""
    inside = _names_inside(text)
    return tuple(n for n in names if n in inside)


@lru_cache(maxsize=1 << 16)
def _names_inside(text: str) -> frozenset[str]:
    inside = set()
    for i, w in enumerate(words(text)):
        # an acronym opening the sentence ("KVX's plant ...") is a name, as no ordinary word is
        # written in capitals; a capitalised ordinary opener ("Sales in Germany") is not confirmed
        if (i or _ACRONYM.fullmatch(w.replace("’", "'").removesuffix("'s"))) and w[0].isupper():
            base = w.replace("’", "'")
            inside.add((base[:-2] if base.endswith("'s") else base).lower())
    return frozenset(inside)


def names_missing(a_subjects, a_text: str, b_subjects, b_text: str) -> tuple[set[str], set[str]]:
    """The names of each sentence that the other does not mention (case-insensitive)."""
    a_words, b_words = word_set(a_text), word_set(b_text)
    return ({s for s in a_subjects if normalise(s) not in b_words},
            {s for s in b_subjects if normalise(s) not in a_words})


def names_within(a_subjects, a_text: str, b_subjects, b_text: str) -> bool:
    """The sentence with fewer names mentions none the other lacks ("Jasper Motors" / "Jasper
    Networks" differ; a statement naming only "Lorentz" fits a passage about Lorentz and Zeeman)."""
    missing_a, missing_b = names_missing(a_subjects, a_text, b_subjects, b_text)
    return not (missing_a if len(a_subjects) <= len(b_subjects) else missing_b)


@lru_cache(maxsize=1 << 16)
def word_set(text: str) -> frozenset[str]:
    """The normalised words of ``text``; memoised, since rules ask for the same sentences again and again."""
    return frozenset(normalise(w) for w in words(text))


def is_past_tense(text: str, past_verb: bool = False) -> bool:
    """A rough reading of whether the sentence reports something that has happened; ``past_verb``:
    a parse found its main verb in the past tense, whatever verb it is ("flew", "carried")."""
    lowered = text.lower()
    return (past_verb or bool(_PAST.search(lowered))) and not _FUTURE.search(lowered)


_EVENT_VERB = re.compile(r"\b[a-z]{3,}ed\b")
_NOT_EVENTS = frozenset(
    """based called named located used need needed red bed shed seed feed speed indeed hundred
    united limited red-listed advanced related concerned interested supposed expected
    estimated reported said""".split()
)


def event_verbs(text: str) -> frozenset[str]:
    """The past-tense verbs that say what happened ("released", "unveiled", "won"), lower case.

    Words ending in -ed that usually describe rather than narrate ("based", "called",
    "located", "reported") are left out.
    """
    lowered = text.lower()
    found = {m.group(0) for m in _PAST.finditer(lowered)} | set(_EVENT_VERB.findall(lowered))
    return frozenset(w for w in found if w not in _NOT_EVENTS and w not in ("was", "were", "had", "did"))


_DETERMINER_BEFORE = re.compile(r"(?i)(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['’]s)\s+$")
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")


def naming_years(claim, proper: bool = False) -> frozenset[str]:
    """Years that name or describe an instance rather than date an event: "the 2014 Abu Dhabi
    Grand Prix", "a 2012 film", "the 1902 Nobel Prize" (a determiner before, a word after).

    With ``proper``, only years inside a proper name ("the"/"'s", the year, a capitalised word):
    "the 2014 Abu Dhabi Grand Prix" but not "a 2012 film" or "the 2015 season".
    """
    out = set()
    for d in claim.dates:
        if d.granularity != "year":
            continue
        before = _DETERMINER_BEFORE.search(claim.text[max(0, d.start - 12):d.start])
        after = _WORD_AFTER.match(claim.text, d.end)
        if not before or not after:
            continue
        if proper and not (
            claim.text[after.end() - 1].isupper() and before.group(0).strip().lower() in ("the", "'s", "’s")
        ):
            continue
        out.add(d.value)
    return frozenset(out)
