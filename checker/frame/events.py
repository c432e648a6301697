"""Event keys: the words that say what a date dates, folded to a small set of general events.

A date fact's measure is the event it dates ("launched in 2024", "the opening in May",
"entered into force on 1 August"). Two writers name one event in many words: "launched",
"released", "debuted"; "opened", "went live", "began operations". :func:`event_key` folds the
words of an event, as written (a verb, a verb phrase or a short noun phrase), to one key of
:data:`EVENT_KEYS`, so that rules compare events, not wordings.

The folding is plain string handling, no parse: the words are lower-cased and split, each is
brought to its lemma by a small table of irregular forms and nominalisations
(:data:`IRREGULAR`: "went" -> "go", "began" -> "begin", "publication" -> "publish") and by
stripping an inflection (-ed, -ing, -s, -es, -ies) where that gives a word the table knows;
auxiliaries, articles and a few adverbs are dropped ("was officially founded"); modifiers of a
production ("volume", "mass", "commercial") fold into one. Then the longest phrase of
:data:`EVENT_KEYS` found among the words, the first of equally long ones, gives the key.
Words that tell of a change of a date ("delayed", "postponed", "pushed back"), not of an event,
give None, as do words the table does not know. Every key folds to itself. Without a parse a
word has one reading: "found" is the lemma of "founded" (and the past of "find" reads as it).

Some milestones that sound alike are kept apart on purpose: a law *enters into force* (key
``effect``) on one date and *applies* (key ``apply``) from another; a plant *starts
construction* and later *starts production*; trial (pilot, risk) production comes before volume
production. General English only: no word of the table is there for a particular document.
"""

from __future__ import annotations

import re
from functools import lru_cache
from .inflection import stem_candidates

#: Words that name a production; before "production" they fold into ``massproduction``
#: ("begin volume production", "ready for commercial production", "high-volume manufacturing").
_PRODUCTION_MODIFIERS = frozenset("mass volume commercial serial series full scale large high".split())

#: Ways of starting something, each with what it starts (for the production phrases below).
_STARTS = ("start", "begin", "commence", "enter", "go into", "ready for", "start of", "launch")

#: Verbs that set a date for something to happen ("production targeted for 2027").
_PLANS = ("target", "plan", "schedule", "expect", "slate", "due")

#: Phrase (lemmas, space-separated) -> event key. The keys are general events:
#:
#: - ``launch``: a product, service or model made public (launch, release, debut, unveil, roll out);
#: - ``open``: a site, line or service starts operating (open, go live, begin operations, inaugurate);
#: - ``found``: an organisation comes into being (found, establish, set up, incorporate);
#: - ``effect``: a rule becomes law (take effect, enter / come into force, become effective);
#: - ``apply``: a law's obligations start to apply (apply, application, become applicable);
#: - ``production start``: volume production begins (start / begin production, mass production);
#: - ``trial production``: trial, pilot or risk production;
#: - ``production end``: production stops;
#: - ``construction start``: building begins (start construction, break ground);
#: - ``publish``, ``adopt`` (adopt, pass, approve, vote, enact), ``sign``, ``complete`` (complete,
#:   finish), ``announce``, ``propose`` (propose, proposal), ``merge`` (merge, merger), ``discover``
#:   (discover, discovery).
EVENT_KEYS: dict[str, str] = {
    # launch
    "launch": "launch",
    "release": "launch",
    "debut": "launch",
    "unveil": "launch",
    "roll out": "launch",
    "rollout": "launch",
    "lift off": "launch",  # a rocket's launch
    "liftoff": "launch",
    "blast off": "launch",
    # open
    "open": "open",
    "go live": "open",
    "begin operation": "open",
    "start operation": "open",
    "commence operation": "open",
    "begin operate": "open",
    "start operate": "open",
    "become operational": "open",
    "operational": "open",
    "enter service": "open",
    "enter into service": "open",
    "inaugurate": "open",
    # birth and death
    "bear": "birth",
    "born": "birth",
    "birth": "birth",
    "die": "death",
    "death": "death",
    "pass away": "death",
    # found
    "found": "found",
    "establish": "found",
    "set up": "found",
    "incorporate": "found",
    # effect (entry into force)
    "effect": "effect",
    "take effect": "effect",
    "come into effect": "effect",
    "go into effect": "effect",
    "enter into force": "effect",
    "enter in force": "effect",
    "come into force": "effect",
    "into force": "effect",
    "effective": "effect",
    "become effective": "effect",
    # apply (application: another milestone than entry into force)
    "apply": "apply",
    "implement": "apply",
    "implementation": "apply",
    "applicable": "apply",
    "become applicable": "apply",
    # production
    "massproduction": "production start",
    "production start": "production start",
    "production begin": "production start",
    **{f"{s} production": "production start" for s in _STARTS},
    **{f"{s} massproduction": "production start" for s in _STARTS},
    # a production a plan dates ("3-nanometer production targeted for 2027", "production planned
    # for 2026", "production is expected in 2028") is its start
    **{f"{p} {w}": "production start" for p in _PLANS for w in ("production", "massproduction")},
    **{f"{w} {p}": "production start" for p in _PLANS for w in ("production", "massproduction")},
    "trial production": "trial production",
    "pilot production": "trial production",
    "risk production": "trial production",
    "test production": "trial production",
    "end production": "production end",
    "stop production": "production end",
    "cease production": "production end",
    "halt production": "production end",
    "production end": "production end",
    # construction
    "construction start": "construction start",
    "start construction": "construction start",
    "begin construction": "construction start",
    "commence construction": "construction start",
    "start of construction": "construction start",
    "break ground": "construction start",
    # "building (work) started" (the gerund's lemma, "build", where the tagger reads it as a verb)
    **{f"{s} {w}": "construction start" for s in ("start", "begin", "commence") for w in ("building", "build")},
    "groundbreaking": "construction start",
    # the acts of a text or a deal
    "publish": "publish",
    "adopt": "adopt",
    "pass": "adopt",
    "approve": "adopt",
    "vote": "adopt",
    "enact": "adopt",
    "sign": "sign",
    "complete": "complete",
    "finish": "complete",
    "announce": "announce",
    # a plan or a law first put forward; two bodies joined into one; something found
    "propose": "propose",
    "merge": "merge",
    "discover": "discover",
    # a person takes an office (the binder folds "took over", "was sworn in" to this phrase, and
    # "became chief executive", "took over as mayor" to the office's: :func:`checker.frame.binding._taking_office`)
    "take office": "take office",
}
#: The offices whose taking is an event of its own ("became mayor" and "became governor" are two
#: events; "took over", with no office said, is neither): the binder's folded office words.
OFFICES = frozenset(
    f"take office {o}" for o in (
        "chief executive", "chief financial officer", "chief technology officer", "chair", "president",
        "director", "manager", "minister", "prime minister", "secretary", "governor", "mayor",
        "chancellor", "treasurer",
    )
)
EVENT_KEYS.update({key: key for key in OFFICES})

#: Words that tell of a change of an event's date, not of an event: the words give no key.
CHANGE_WORDS = frozenset("delay postpone defer reschedule push slip".split())

#: Irregular forms and nominalisations -> lemma.
IRREGULAR: dict[str, str] = {
    "went": "go", "gone": "go", "going": "go", "goes": "go",
    "began": "begin", "begun": "begin", "beginning": "begin",
    "came": "come", "become": "become", "became": "become",
    "took": "take", "taken": "take",
    "set": "set", "broke": "break", "broken": "break",
    "entry": "enter",
    "publication": "publish",
    "adoption": "adopt", "approval": "approve", "passage": "pass", "enactment": "enact",
    "signature": "sign",
    "completion": "complete",
    "establishment": "establish", "incorporation": "incorporate", "foundation": "found",
    "application": "apply",
    "announcement": "announce",
    "proposal": "propose", "merger": "merge", "discovery": "discover",
    "inauguration": "inaugurate",
    "commencement": "commence",
    "operations": "operation", "operating": "operate",
    "manufacture": "production", "manufacturing": "production", "produce": "production",
    "producing": "production", "output": "production",
    "ground-breaking": "groundbreaking",
}

#: Words dropped before matching: auxiliaries, articles, possessives and adverbs of manner.
_FILLERS = frozenset(
    """be is are was were been being am have has had having do does did will would shall should may
    might can could the a an its their his her our my your this that officially formally finally first
    fully publicly successfully eventually already also only initially originally now""".split()
)

_VOCABULARY = frozenset(w for phrase in EVENT_KEYS for w in phrase.split()) | CHANGE_WORDS | frozenset(
    IRREGULAR.values()
) | {"operation", "operate"}
_LONGEST = max(len(p.split()) for p in EVENT_KEYS)
_WORD = re.compile(r"[a-z]+")


def lemma(word: str) -> str:
    """The lemma of one lower-case word as :data:`EVENT_KEYS` spells it: an irregular form or a
    nominalisation looked up, else an inflection stripped where that gives a known word
    ("launched" -> "launch", "released" -> "release", "applied" -> "apply", "setting" ->
    "set"); the word itself when nothing fits."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in _VOCABULARY:
        return word
    candidates = stem_candidates(word)
    for c in candidates:
        if c in IRREGULAR:
            return IRREGULAR[c]
        if c in _VOCABULARY:
            return c
    return word


def _lemmas(words: str) -> list[str]:
    """The lemmas of ``words``, fillers dropped, production modifiers folded."""
    out: list[str] = []
    for w in _WORD.findall(words.lower().replace("-", " ")):
        if w in _FILLERS:
            continue
        out.append(lemma(w))
    folded: list[str] = []
    for w in out:
        if w == "production" and folded and folded[-1] in _PRODUCTION_MODIFIERS:
            while folded and folded[-1] in _PRODUCTION_MODIFIERS:
                folded.pop()
            w = "massproduction"
        folded.append(w)
    return folded


def is_change(words: str) -> bool:
    """Whether the words tell of a change of a date ("postponed", "was delayed", "pushed back")."""
    lemmas = _lemmas(words)
    return any(w in CHANGE_WORDS for w in lemmas)


#: Events of a law whose date depends on what part of it is meant: a law's provisions apply (or
#: take effect) on dates of their own ("the prohibitions apply from February 2025", "obligations for
#: model providers apply from August 2025"); :func:`event_object` says which part a date is of.
PART_EVENTS = frozenset({"apply", "effect"})
#: The words of events, of starting and of planning: what an event's words are besides its part.
_EVENT_VOCABULARY = frozenset({w for phrase in EVENT_KEYS for w in phrase.split()} | set(_STARTS) | set(_PLANS))
#: Words that name no particular part of a law ("obligations", "rules", "the Act").
_GENERIC_PARTS = frozenset(
    """obligation requirement rule provision part article chapter section act law regulation directive
    measure general full phase phased ai eu list listed""".split()
)
_FUNCTION = frozenset("a an the of for with on to in under by and or its their this that these those".split())


def _stem(word: str) -> str:
    """A word cut to a stem shared by its forms: "prohibited", "prohibition", "prohibitions" -> "prohibit"."""
    w = word.lower().strip(".,;:()\"'’")
    for end in ("ions", "ion", "ed", "ing", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 4 and not (end == "s" and w.endswith("ss")):
            return w[: -len(end)]
    return w


@lru_cache(maxsize=1 << 14)
def event_object(words: str, key: str | None) -> frozenset[str]:
    """The part of a law an event of :data:`PART_EVENTS` is of, as word stems, from the event's words
    as the binder wrote them ("application begins with prohibited practices" -> {"prohibit",
    "practic"}); empty for another event, or words that name the event alone ("entered into force")."""
    if key not in PART_EVENTS or not words:
        return frozenset()
    out = set()
    for word in words.replace("-", " ").split():
        w = word.lower().strip(".,;:()\"'’")
        if not w or w in _FUNCTION or w in _EVENT_VOCABULARY or lemma(w) in _EVENT_VOCABULARY:
            continue
        stem = _stem(w)
        if stem in _GENERIC_PARTS or w in _GENERIC_PARTS or lemma(w) in _GENERIC_PARTS:
            continue
        out.add(stem)
    return frozenset(out)


def event_key(words: str) -> str | None:
    """The general event (a key of :data:`EVENT_KEYS`' values) that ``words`` name, or None for
    words that name no event the table knows, or a change of a date (see the module docstring)."""
    lemmas = _lemmas(words or "")
    if not lemmas or any(w in CHANGE_WORDS for w in lemmas):
        return None
    for n in range(min(_LONGEST, len(lemmas)), 0, -1):
        for i in range(len(lemmas) - n + 1):
            key = EVENT_KEYS.get(" ".join(lemmas[i:i + n]))
            if key is not None:
                return key
    return None
