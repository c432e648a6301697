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
)

_PAST = re.compile(
    r"\b(?:was|were|had|did|unveiled|launched|released|announced|reported|reached|hit|rose|fell|grew|"
    r"declined|increased|decreased|authorized|authorised|approved|achieved|completed|opened|built|"
    r"introduced|signed|passed|won|became|surpassed|recorded|posted|topped|took|began|started|ended|"
    r"finished|delivered|shipped|acquired|merged|raised|invested|spent|sold|bought|made|found|showed|"
    r"revealed|estimated|adopted|enacted|entered|went|came|saw|grew|doubled|tripled|halved)\b"
)
_FUTURE = re.compile(r"\b(?:will|plans? to|planned|expects?|expected|aims? to|targets?|targeting|by \d{4}|could|would)\b")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


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


@lru_cache(maxsize=1 << 15)
def content_terms(text: str) -> tuple[str, ...]:
    """Distinct normalised content words of ``text``, in order."""
    seen: dict[str, None] = {}
    for w in words(text):
        n = normalise(w)
        if len(n) > 1 and n not in STOPWORDS:
            seen.setdefault(n, None)
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
        base = w.replace("’", "'")
        if base.endswith("'s"):
            base = base[:-2]
        if base in _NOT_NAMES or len(base) < 2:
            continue
        if title and base.lower() not in known:
            continue
        found.setdefault(base.lower(), None)
    return tuple(found)


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


def is_title_case(text: str) -> bool:
    """True for headline-style text where most words are capitalised."""
    ws = [w for w in words(text) if len(w) > 3]
    if len(ws) < 3:
        return False
    caps = sum(1 for w in ws if w[0].isupper())
    return caps / len(ws) >= 0.7


def subjects_disjoint(a_subjects, a_text: str, b_subjects, b_text: str) -> bool:
    """True when both sentences name someone and share no name.

    A name of one sentence counts as shared when it appears among the other's words
    (case-insensitive), which copes with title-case headlines.
    """
    if not a_subjects or not b_subjects:
        return False
    if set(a_subjects) & set(b_subjects):
        return False
    a_words = word_set(a_text)
    b_words = word_set(b_text)
    if any(normalise(s) in b_words for s in a_subjects):
        return False
    if any(normalise(s) in a_words for s in b_subjects):
        return False
    return True


@lru_cache(maxsize=1 << 15)
def word_set(text: str) -> frozenset[str]:
    """The normalised words of ``text``; memoised, since rules ask for the same sentences again and again."""
    return frozenset(normalise(w) for w in words(text))


def is_past_tense(text: str) -> bool:
    """A rough reading of whether the sentence reports something that has happened."""
    lowered = text.lower()
    return bool(_PAST.search(lowered)) and not _FUTURE.search(lowered)
