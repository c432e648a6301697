"""Bind one figure or date of a parsed sentence to its measure, holder, place and event.

The extractors (:mod:`checker.extract`) find the figures and dates and their spans; this
module reads the dependency parse of the sentence around a span (spaCy, see
:mod:`checker.frame.nlp`) and says:

* **measure**: what the figure counts or is an attribute of. A figure that modifies a noun
  measures that noun ("a $12 billion *plant*", "41 *labs*"), but a noun of a rise or a fall
  measures what rose or fell ("a 5% decline in *revenue*", "12% growth in *exports*"); one in
  an "of" phrase measures the noun it follows ("a benchmark *score* of 1.19 exaflops"); one a
  verb reaches ("*revenue* rose to $4.2 billion", "market *value* fell by $12 billion")
  measures the verb's subject when that is a common noun, else the noun after it ("wiped out
  $59 billion in market *capitalization*"), else the verb ("*priced* at $900", "plans to
  *invest* $40 billion"). A count of one side of a vote measures that side, "votes for", "votes
  against" or "abstentions", however it is worded: the people who are the subject of "vote"
  with a side ("12 councillors *voted against*", "22 voted *in favour*", "voted *no*") or of
  "abstain"; votes with their side ("523 votes *in favour*", "votes *against*: 461"); a bare
  count with its side in a sentence about a vote ("..., 461 *against* and 49 abstentions"); a
  tally after a verb that decides a vote ("approved the budget by 31 votes to 12", "passed
  61-39": the first figure is the votes for, the second the votes against; after "rejected" or
  "defeated" the larger is the votes against). A count of votes with no side stays "vote".
* **holder**: whose measure it is: a possessive ("Acme's revenue"), an "of" name ("the revenue
  of Acme"), a name compounded with the measure ("the Halden plant"), else the subject of the
  nearest verb above the figure that has one (or its agent: "followed by Germany with 12").
  A pronoun or a definite description ("it", "the company", "the regulation") is a *reference*:
  :mod:`checker.frame.context` resolves it from the sentences and headings around. A side of a
  vote that names no holder is the body that voted: the subject (or agent) of a verb of the vote
  elsewhere in the sentence ("the Tarn council approved the budget; 12 councillors voted against").
  An **ordinal thing**, a singular common noun an ordinal modifies ("the *second mill*", "its
  *3rd* plant"; not a period or an occasion, "the second quarter", "the first time", nor a rank,
  "the first company to ..."), is one of a series of things, whose figures and dates are its
  own: where it is the subject of the figure's clause ("Kessler's first mill started production
  in 2024"), the possessive or "of/at/for/by/from" noun of the measure ("the second fab's
  capacity", "output at the third plant"), the noun a relative clause above the figure describes
  ("the second mill in Toledo, which is expected to be ready ... in 2026", the clause hung on the
  place), or the "of/at/on" noun of a date's event ("production at the second fab", "construction
  of its third plant"), it is the holder, as :attr:`Binding.thing` ("second mill", lower case,
  "2nd" read "second") with its owner as ``holder``: a possessive name, a name compounded with
  it or its "of" name, else the named subject of its clause (past a pronoun subject, the name
  that reports it: "Kessler said it has begun construction of the second mill"), else a
  reference (``holder_ref``: "its", "the") or none. Its place ("in Toledo", "its second *Ohio*
  mill", "*Arizona's* first fab") is the place, not the owner. An **office** (:data:`ROLE_NOUNS`:
  "Orrin's *chief executive* earned $22 million", "the *mayor* of Tarn") that is the subject of
  the figure's clause is held as an ordinal thing is ("chief executive", "CEO" folded to it, of
  its owner Orrin): the office holder's pay is not Orrin's; a person named beside it ("Orrin's new
  chief executive, Ada Lind, ...") is the holder. So is a **thing its owner has**, a common noun
  with a possessive that is the subject of a verb stating a figure of it ("the museum's new *wing*
  cost $90 million", "Orrin's Ohio *plant* employs 2,300 people", "the river's navigable *section*
  is 210 km long"; not a measure, "the museum's budget", nor a subject acting for its owner, "the
  board approved"): :attr:`Binding.possessed`.
* **place**: a place name in an "in"/"at" phrase of the figure's verb or noun (of a date, only an
  ordinal thing's place).
* **event** (dates): the verb or noun the date is attached to, with the words that make it
  one event ("entered into force", "ready for commercial production", "production ... begin").

Everything here is a function of one parsed sentence; nothing is read from other sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.dates import MONTHS
from ..extract.numberwords import NUMBER_WORDS
from .direction import DIRECTIONS
from .events import OFFICES, CHANGE_WORDS, PART_EVENTS, event_key
from .regions import adjective_place, region_tier

#: Entity labels that can hold a measure (an organisation, a place, a person, a product, a law...).
HOLDER_LABELS = frozenset({"ORG", "GPE", "PERSON", "PRODUCT", "NORP", "FAC", "LOC", "LAW", "EVENT", "WORK_OF_ART"})
#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels that are values, never holders.
VALUE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
#: Subject dependencies.
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: Verbs through which a figure states the value of the subject ("revenue rose to $4 billion").
_LINKING = frozenset(
    """be reach total hit stand rise fall grow climb drop decline increase decrease jump surge slip
    amount come remain exceed top double triple sink soar edge plunge tumble shrink expand swell
    gain lose evaporate hover average ease slow cool accelerate rebound recover retreat rally slide
    dip widen narrow contract last""".split()
)
#: Verbs that say nothing of what an amount is ("has $4 billion", "achieved this with $5 million").
_EMPTY_VERBS = frozenset("have do make get set achieve see take give put keep hold show mark say".split())
#: Nouns that count or frame a figure without saying what it measures ("a total of", "some").
_FRAME_NOUNS = frozenset(
    """total sum amount figure number level majority minority record average estimate value tally
    count share rate""".split()
)
#: Pronouns and determiners that refer back to a holder named elsewhere.
_REFERRING = frozenset("it its they their them this that these those he his she her which who".split())
#: Verbs too light to name an event alone: the event is their object or subject ("begin
#: production", "production is slated to begin", "ready for commercial production").
_LIGHT = frozenset("be begin start commence ready set slate schedule due expect plan aim target".split())
#: Particles and fixed phrases that complete an event verb ("enter into force", "go live").
_COMPLETING_PREPS = frozenset({"into", "live", "effect", "online", "operational"})
#: The measures of a vote's sides: each is a measure of its own, however the count is worded
#: ("12 councillors voted against", "12 votes against", "by 31 votes to 12").
VOTES_FOR, VOTES_AGAINST, ABSTENTIONS = "votes for", "votes against", "abstentions"
VOTE_MEASURES = frozenset({VOTES_FOR, VOTES_AGAINST, ABSTENTIONS})
#: Verbs that decide a vote: a tally beside one ("passed 61-39", "approved by 31 votes to 12")
#: gives the votes for and against.
_VOTING = frozenset("vote pass adopt approve reject carry defeat ratify confirm endorse".split())
#: Verbs of a vote lost: the larger side of their tally is the votes against.
_REJECTING = frozenset("reject defeat".split())
#: Words that name a side of a vote after "voted", "votes" or a bare count ("12 against").
_SIDE_WORDS = {"against": VOTES_AGAINST, "for": VOTES_FOR, "yes": VOTES_FOR, "aye": VOTES_FOR,
               "yea": VOTES_FOR, "no": VOTES_AGAINST, "nay": VOTES_AGAINST}
#: Nouns of "in favour of", "in support of".
_FAVOUR = frozenset({"favour", "favor", "support"})
#: Ordinal words, in order ("the *second* mill", "its *3rd* plant"; "2nd" is read as "second").
ORDINALS = tuple(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
)
_ORDINAL_NUMBER = re.compile(r"^([0-9]+)(?:st|nd|rd|th)$")
#: Nouns an ordinal orders in time or rank, not in a series of things: periods and occasions
#: ("the second quarter", "the first half", "for the second time", "took first place").
_ORDERED_TIMES = frozenset(
    """time times occasion quarter half year month week day night hour minute season decade century
    period term round anniversary place attempt try instance""".split()
)


@dataclass(frozen=True)
class Binding:
    """What one figure or date of a sentence is bound to. ``*_words`` are as written."""

    measure: str | None = None  # lemmas, lower case ("market capitalization")
    measure_words: str | None = None
    holder: str | None = None  # a name as written ("Acme", "the Halden plant")
    holder_ref: bool = False  # the holder is a pronoun or a definite description: resolve from context
    place: str | None = None
    event: str | None = None  # a date's event, lemmas ("enter into force", "production begin")
    event_words: str | None = None
    # an ordinal thing ("second mill", lower case): the holder is it, of its owner (``holder``, or
    # the context's name when ``holder_ref``; none stated: the thing alone)
    thing: str | None = None
    # the thing is one its owner has, named by a common noun ("the museum's new wing"), not one of
    # a series nor an office: the sentence states the thing, whoever's it is
    possessed: bool = False
    # a date an event was moved to ("the opening was postponed to 2028"): the event's new plan
    rescheduled: bool = False
    # the part of a whole a share is of, as written ("cloud" of "cloud accounted for 60% of revenue")
    part: str | None = None


def figure_token(doc, start: int, end: int):
    """The syntactic head of the tokens covering ``[start, end)`` of ``doc``'s text, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, ()
    return span.root, frozenset(t.i for t in span)


def bind(doc, start: int, end: int, kind: str = "quantity", noun: str | None = None, figure_kind: str = "count") -> Binding:
    """The binding of the figure (``kind`` "quantity") or date (``kind`` "date") at
    ``[start, end)`` of the parsed sentence ``doc``. ``noun``: the noun the extractor read after
    the figure, if any (a count's noun is its measure); ``figure_kind``: the quantity's kind
    (only an amount of money is measured by its verb: "priced at $900", "raised $40 million")."""
    root, own = figure_token(doc, start, end)
    if root is None:
        return Binding()
    if kind == "date":
        return _bind_date(doc, root, own)
    if figure_kind == "count" and not noun and an_age(root):
        return Binding("age", "age", _name_of(root.head), False)  # "Kress, 24, scored ...": Kress's age
    noun_tok = _changed_thing(_measured_noun(root, own, noun))
    if noun_tok is not None and figure_kind == "money" and _price_phrase(noun_tok, root):
        noun_tok = None  # "signed Kress for a fee of EUR 38 million" is "for EUR 38 million": what the verb did cost
    measure_tok = noun_tok
    verb = None
    if measure_tok is None:
        verb = governing_verb(root)
        measure_tok = _measure_through_verb(root, own, verb)
    if measure_tok is None:
        measure_tok = _headline_changed(root)
    if measure_tok is None and figure_kind == "count" and not noun:
        # "18,000 homes were damaged and 4,300 were destroyed": the homes, which the count leaves out
        measure_tok = _elided_counted(root, own)
    measure, words = _phrase(measure_tok, own) if measure_tok is not None else (None, None)
    flow = _flow_verb(noun_tok) if figure_kind == "count" and noun_tok is not None and measure else None
    if flow is not None:
        # "sold 2 million cars", "2 million cars were sold": the cars sold, as "car sales" says,
        # not the cars a fleet has
        measure, words = f"{measure} {FLOW_NOMINALS[flow.lemma_.lower()]}", f"{words} {flow.text}"
    counted = _counted_property(root, own, noun_tok) if figure_kind == "count" else None
    if counted is not None:
        measure, words = counted  # "the 520-bed hospital": the hospital's 520 beds
    container = _container(measure_tok) if noun_tok is not None else None
    if container is not None and measure:  # "a fleet of 50,000 GPUs" is not "2,048 GPUs to train"
        measure, words = f"{container.lemma_.lower()} {measure}", f"{container.text} of {words}"
    if measure is None and figure_kind == "money" and verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _RECEIVING:
        measure, words = "receive", verb.text  # "parks get $180 million" / "parks receive $210 million": one amount received
    elif (
        measure is None and figure_kind == "money" and verb is not None and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _LINKING and verb.lemma_.lower() not in _EMPTY_VERBS
    ):
        measure, words = verb.lemma_.lower(), verb.text  # "priced at $900", "plans to invest $40 billion"
    vote = _vote_side(root, own, noun_tok, noun) if figure_kind == "count" else None
    if vote is not None:
        measure, words = vote  # "12 councillors voted against", "by 31 votes to 12": a side of a vote
    if _negated(verb if verb is not None else governing_verb(root)):
        measure, words = None, None  # "was not up to 5,000": a figure denied measures nothing here
    holder, ref = _holder(root, measure_tok, own)
    if counted is not None:
        holder, ref = _property_holder(noun_tok, own)  # the hospital's beds, whoever runs it
    priced = _priced_thing(verb, root, own) if measure and verb is not None and measure == verb.lemma_.lower() else None
    if priced is not None:
        holder, ref = priced, False  # "Orrin acquired Valdor for $2 billion": the price of Valdor, not of all Orrin paid
    # "cloud accounted for 60% of Orrin's revenue": the share of the revenue that is cloud's, not of
    # all of it ("devices accounted for 25%" is another part)
    part = _share_part(root, own) if measure else None
    if part is not None and holder and part[1].lower() in holder.lower():
        part = None  # "Tesla accounted for 20% of EV sales": Tesla's share, Tesla the holder
    if vote is not None and (holder, ref) == (None, False):
        holder, ref = _voting_body(root.doc, own, measure_tok)  # "the council approved ...; 12 councillors voted against"
    thing = holder if isinstance(holder, _Thing) else None
    if thing is not None:  # "the second mill's capacity": the mill's, of its owner
        holder, ref = thing.owner, thing.owner_ref
    place = thing.place if thing is not None and thing.place else _place(root, measure_tok, holder)
    return Binding(measure, words, holder, ref, place, thing=thing.words if thing is not None else None,
                   possessed=thing is not None and thing.possessed, part=part[1] if part is not None else None)


def an_age(tok) -> bool:
    """A number of two digits set off by commas right after a proper noun: a person's age ("Kress,
    24, scored 31 goals"), as news writes it."""
    doc, i = tok.doc, tok.i
    return (
        tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.head.i == i - 2 and doc[i - 1].text == ","
        and i + 1 < len(doc) and doc[i + 1].text == "," and re.fullmatch(r"[1-9][0-9]", tok.text) is not None
    )


# --------------------------------------------------------------------------- measure

#: Verbs whose subject is the part of a whole that a figure is the share of, with the particle or
#: preposition the verb needs ("cloud *accounted for* 60% of revenue", "women *make up* 35% of the
#: workforce", "exports *represented* 40% of output"; None: the figure is the verb's object).
_PART_VERBS = {"account": "for", "make": "up", "represent": None, "constitute": None}
#: Verbs whose subject is a share, with the preposition that names its part ("60% of revenue
#: *came from* cloud", "30% of the budget *goes to* defence").
_PART_SOURCES = {"come": "from", "stem": "from", "derive": "from", "go": "to"}


#: The adverbs of a headline's change with no verb ("Exports *down* 4% in March").
_HEADLINE_CHANGE = frozenset({"up", "down", "higher", "lower"})


def _headline_changed(root):
    """The noun a headline's verbless change is of: "Robot *installations* up 35% in Korea",
    "*Revenue* up 12% to $4 billion" (the figure under "up" or "down", which hangs on the
    line's root noun; the tagger may take a plural for a verb there)."""
    tok = root
    if tok.dep_ not in ("npadvmod", "pobj", "dobj", "nummod") or tok.head.lower_ not in _HEADLINE_CHANGE:
        return None
    thing = tok.head.head
    if tok.head.dep_ != "advmod" or thing.dep_ != "ROOT" or thing.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    if thing.pos_ == "VERB" and not thing.lemma_.lower().endswith(_NOUN_ENDINGS) and any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in thing.children
    ):
        return None  # a verb with its subject ("Orrin *shipped* up to 5% ..."), not a plural taken for one
    return thing


#: Endings of nouns, never of verbs: a plural the tagger took for a verb ("installations").
_NOUN_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "ship", "ure", "age")


def _share_part(root, own) -> tuple[str, str] | None:
    """``(lemmas, words)`` of the part a figure is the share of, where a verb of parts says it (see
    :data:`_PART_VERBS`, :data:`_PART_SOURCES`): a common noun with its modifiers, or a name."""
    tok, via = root, None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        via, tok = tok.head.lower_, tok.head
    verb = tok.head
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    part = None
    if tok.dep_ in ("dobj", "prep") and lemma in _PART_VERBS:
        needed = _PART_VERBS[lemma]
        if needed is not None and via != needed and not any(c.dep_ == "prt" and c.lower_ == needed for c in verb.children):
            return None
        if needed is None and tok.dep_ != "dobj":
            return None
        part = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in own), None)
    elif tok.dep_ == "nsubj" and lemma in _PART_SOURCES:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == _PART_SOURCES[lemma]:
                part = next((p for p in c.children if p.dep_ == "pobj" and p.i not in own), None)
    if part is None or part.pos_ not in ("NOUN", "PROPN", "ADJ") or part.like_num:
        return None
    words = [c for c in part.lefts if c.dep_ in ("compound", "amod") and c.i not in own and not c.like_num] + [part]
    return " ".join(t.lemma_.lower() for t in words), " ".join(t.text for t in words)

def _measured_noun(root, own, noun: str | None):
    """The noun the figure modifies or counts ("41 labs", "a $12 billion plant", "a score of 1.19")."""
    tok = root
    if tok.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "appos") and tok.head.i not in own:
        head = tok.head
        if head.pos_ == "PROPN" and head.dep_ in ("nmod", "compound") and head.head.pos_ == "NOUN":
            head = head.head  # "Valdor Solar 2,995 invention patents" misread: the count is of the patents
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in VALUE_LABELS and not head.like_num:
            if head.lemma_.lower() in _FRAME_NOUNS:
                return _of_owner(head) or head
            # a unit's figure before a noun compound whose head says what the holder is ("JWST is
            # a 6.5 meter diameter telescope"): the compound is what the figure measures; where the
            # head is an attribute of the thing ("an 8-hour battery life"), the whole phrase is, as
            # a count's noun is ("2,995 invention patents")
            between = head.doc[max(own) + 1] if own and tok.pos_ == "NOUN" and max(own) + 1 < head.i else None
            if (
                between is not None and between.dep_ == "compound" and between.head.i == head.i
                and between.pos_ == "NOUN" and head.dep_ in ("attr", "appos")
            ):
                return between
            return head
    for t in (root, *[root.doc[i] for i in own]):
        if t.pos_ == "NOUN" and t.i in own and not t.like_num and t.ent_type_ not in ("MONEY", "PERCENT") and t.text not in "%$€£¥":
            if noun and t.text.lower() == noun.lower().split()[-1]:
                return t  # the figure's own noun ("9,408 nodes")
    if tok.pos_ in ("NOUN", "PROPN") and not noun_is_generic(tok):
        for c in tok.children:  # "7.9 GW of capacity", "3.04 million tonnes of lithium carbonate"
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ not in VALUE_LABELS:
                        return p
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ == "of":
        owner = tok.head.head
        if owner.pos_ in ("NOUN", "PROPN") and owner.ent_type_ not in VALUE_LABELS:
            if owner.lemma_.lower() in _FRAME_NOUNS and owner.lemma_.lower() not in ("share", "rate", "value"):
                return _of_owner(owner) or owner
            return owner
    return None


def _changed_thing(noun):
    """For a noun of a rise or a fall with an "in" phrase ("a 5% decline in revenue"), the noun
    of that phrase (what declined); else ``noun`` itself."""
    if noun is None or DIRECTIONS.get(noun.lemma_.lower()) not in ("up", "down"):
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for p in prep.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ not in VALUE_LABELS:
                    return p
    return noun


def noun_is_generic(tok) -> bool:
    """A word that frames a figure without saying what it counts ("total", "share")."""
    return tok.lemma_.lower() in _FRAME_NOUNS


def _container(noun):
    """The noun a counted noun is "of", when that noun frames a collection of it ("a *fleet* of
    GPUs", "a *network* of stores"), not a total ("a total of 9 plants")."""
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head
        if owner.pos_ == "NOUN" and not noun_is_generic(owner) and owner.ent_type_ not in VALUE_LABELS:
            return owner
    return None


def _of_owner(noun):
    """The noun a framing noun is "of" ("a total of ... *votes*" is read as votes by the extractor)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


#: Verbs of a flow of goods and their nouns: what such a verb does to a count's noun is that flow
#: of the noun ("exported 2 million cars" counts car exports, "produced 300,000 cars" car
#: production), not the things a fleet has. Not selling, buying, shipping or delivering, one trade
#: however written (a maker's shipments and deliveries are its sales, DIR001 sets a seller against
#: a buyer): "sold 2 million cars" counts cars, as "car sales" and "car deliveries" do
#: (:func:`checker.frame.keys.measure_key`).
FLOW_NOMINALS = {
    "export": "export", "import": "import", "produce": "production", "manufacture": "production", "make": "production",
    "recall": "recall",
}


def _flow_verb(noun):
    """The verb of a flow (:data:`FLOW_NOMINALS`) whose object a counted noun is ("sold 2 million
    *cars*", "2 million cars were sold"), or None."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or verb.lemma_.lower() not in FLOW_NOMINALS:
        return None
    if verb.lemma_.lower() == "make" and _ACT_NOUN.search(noun.lemma_.lower()):
        return None  # "made 3 acquisitions", "made 40 payments": acts, not goods made
    return verb


#: The endings of a noun of an act ("acquisition", "payment", "proposal", "appearance").
_ACT_NOUN = re.compile(r"(?:ion|ment|al|ance|ence|ure)$")


#: Words after a company's name that name the company still ("Orrin" / "Orrin Group").
COMPANY_SUFFIXES = frozenset("inc corp corporation co company ltd limited plc group holdings llc ag sa se nv gmbh".split())


#: Nouns that name the amount paid in a deal ("for a *fee* of EUR 38 million", "at a *price* of $900").
_PRICE_NOUNS = frozenset("fee price sum amount consideration cost".split())


def _price_phrase(noun, root) -> bool:
    """``noun`` is a price noun (:data:`_PRICE_NOUNS`, however narrowed: "a club-record fee") in a
    "for" or "at" phrase of a verb, and the figure (``root``) its "of" object: "signed Kress *for a
    fee of* EUR 38 million", "sold the plant *at a price of* $900 million", of a verb of a deal
    (:data:`_DEALS`). The amount is then what the verb did cost, as "for EUR 36 million" is."""
    return (
        noun.lemma_.lower() in _PRICE_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "at")
        and noun.head.head.pos_ == "VERB" and noun.head.head.lemma_.lower() in _DEALS
        and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == noun.i
    )


#: Nouns a definite description uses for the actor of a sentence ("the company said ...").
ACTORS = frozenset("company firm group maker business corporation government ministry agency it".split())
#: Nouns that describe an organisation ("the company", "the club", "the hospital"): never a person.
ORGANISATION_NOUNS = (ACTORS - {"it", "government"}) | frozenset(
    """conglomerate manufacturer carmaker automaker chipmaker retailer lender bank insurer airline carrier
    operator club team side hospital university college school charity regulator startup start-up developer
    publisher studio broadcaster utility""".split()
)
#: Verbs of a deal, whose price phrase says what the deal cost ("sold ... for a fee of"); a price
#: phrase of another verb is the cost of its thing ("is due to open in 2038 at a cost of 1.9 billion").
_DEALS = frozenset(
    "buy sell acquire purchase sign pay transfer agree win award lease rent hire order book fund finance bid "
    "buy back take over settle".split()
)


def governing_verb(tok):
    """The nearest verb (or adjective predicate) above ``tok``."""
    seen = 0
    while tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT")):
            return tok
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _measure_through_verb(root, own, verb):
    """What a figure a verb reaches measures: what a change verb changed, for an amount in its
    "by" phrase (before an "in" phrase after it: "cut the risk of death by 70% in the trial"
    measures the risk, not the trial), else the noun of an "in"/"of" phrase after the figure,
    else the verb's common-noun subject (for a linking or change verb)."""
    if verb is None:
        return None
    if root.dep_ == "pobj" and (
        root.head.lower_ == "by" or root.head.lower_ in ("to", "from") and DIRECTIONS.get(verb.lemma_.lower()) in ("up", "down")
    ):
        # an amount of change in a "by" phrase measures what the verb changed ("cut the risk of
        # death by 20%", "raised prices by 5%", "reduced its emissions by 30%"; the phrase may hang
        # on the object's last noun, "cut the likelihood of a relapse by 40%"), as does the level a
        # change verb took it to or from ("raised the minimum wage to $15 an hour")
        for c in verb.children:
            if (
                c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in own and c.ent_type_ not in VALUE_LABELS
                and not noun_is_generic(c) and (root.head.head.i == verb.i or root.head.head in c.subtree)
            ):
                return c
    counted = _counted_before_change(root, own, verb)
    if counted is not None:
        return counted
    after = [
        c for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i > root.i and c.i not in own
    ]
    for prep in after:
        for pobj in prep.children:
            if (
                pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.ent_type_ not in VALUE_LABELS
                and not any(c.lower_ in ("a", "an") or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in pobj.lefts)
                and not any(c.dep_ == "prep" for c in pobj.children)  # "in line with", "in response to"
            ):
                return pobj  # "wiped out $59 billion in market capitalization" (not "in a Series B round")
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.lemma_.lower() in _LINKING:
        return verb.head  # "with its market value evaporating by $589 billion"
    if verb.lemma_.lower() in _LINKING:
        for c in _subjects(verb):
            if c.pos_ == "NOUN" and c.ent_type_ not in VALUE_LABELS and c.i not in own:
                return c  # "revenue rose to ...", "the price is $900"
    return None


#: Roles of a bare count and of the counted noun it leaves out in the clause it is joined to.
_COUNT_ROLES = {"nsubj": ("nsubj", "nsubjpass"), "nsubjpass": ("nsubj", "nsubjpass"), "dobj": ("dobj",)}


def _elided_counted(root, own):
    """The noun a bare count leaves out because the clause it is joined to by "and" or "or" counts
    it in the same role: "About 18,000 *homes* were damaged and 4,300 were destroyed", "killing 214
    *people* and injuring more than 1,300"; None where that clause counts no noun so."""
    if root.pos_ != "NUM" or root.dep_ not in _COUNT_ROLES or root.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = root.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "NOUN", "PRON") and before.head.i != verb.i:
        return None  # "Orrin sold 300 drones and Valdor sold 200": a subject the parse hung elsewhere
    siblings = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    for other in siblings:
        if other.pos_ not in ("VERB", "AUX"):
            continue
        for c in other.children:
            if c.dep_ in _COUNT_ROLES[root.dep_] and c.i not in own and _counted_with_figure(c):
                return c
    return None


def _counted_with_figure(noun) -> bool:
    """A common noun that a figure of its own counts or measures: "18,000 *homes*", "182 million
    *passengers*", "*revenue* of $5 billion"."""
    if noun.pos_ != "NOUN" or noun.ent_type_ in VALUE_LABELS:
        return False
    return any(
        g.dep_ == "nummod" or g.like_num
        or (g.dep_ == "prep" and g.lower_ == "of" and any(p.like_num or p.ent_type_ in VALUE_LABELS for p in g.children))
        for g in noun.children
    )


def _counted_before_change(root, own, verb):
    """The object a verb counts with a figure of its own, for a change set after it with "up" or
    "down" ("Orrin sold 2 million *cars* in 2030, up 9% from 2029", "carried 182 million
    *passengers*, up 9%", "posted *revenue* of $5 billion, down 3%"): the change is that count's, as
    is the base it is up or down from ("hired 300 *engineers*, up from 250")."""
    change = root.head
    if root.dep_ == "pobj" and change.lower_ == "from" and change.head.lower_ in _HEADLINE_CHANGE:
        change = change.head  # "hired 300 engineers, up from 250 a year earlier": the base of the change
    elif root.dep_ not in ("npadvmod", "pobj", "dobj", "nummod") or change.lower_ not in _HEADLINE_CHANGE:
        return None
    if change.dep_ != "advmod" or change.head.i != verb.i or change.i < 1 or root.doc[change.i - 1].text != ",":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i not in own and c.i < change.i and _counted_with_figure(c)), None)


def _counted_property(root, own, thing) -> tuple[str, str] | None:
    """``(lemma, words)`` of the noun a count joined to it by a hyphen counts, where the count says
    how many of them one particular thing has: "*the* 520-bed hospital" has 520 beds (as "the
    hospital has 520 beds" says), "*Orrin's* 1,200-seat theatre" 1,200 seats. A thing no article or
    owner makes particular ("a 520-bed hospital", "1,200-seat theatres") may be a kind of thing:
    the figure keeps measuring the whole phrase. None where the count is not such a property."""
    if thing is None or root.pos_ != "NOUN" or root.i not in own or root.i < 2 or root.head.i != thing.i:
        return None
    if root.doc[root.i - 1].text != "-" or not root.doc[root.i - 2].like_num or thing.tag_ in ("NNS", "NNPS"):
        return None
    return (root.lemma_.lower(), root.text) if _particular(thing) else None


def _particular(noun) -> bool:
    """An article, an owner or a name before ``noun`` makes it one particular thing ("*the* 520-bed
    hospital", "*Orrin's* theatre", "the 1,200-seat *Lyric* Theatre"), not a kind ("a 300-bed
    hospital", "10-year bonds")."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
        or (c.dep_ == "compound" and c.pos_ == "PROPN" and _is_named(c))
        for c in noun.lefts
    )


def _kind_of_thing(noun, own) -> str | None:
    """The words of a kind of thing a hyphened number names, where no article or owner makes the
    thing particular ("*a 300-bed hospital* costs about $400 million", "*10-year bonds* yield
    4.5%"): the kind holds the sentence's other figures, so that "a 500-bed hospital" is another
    holder; None for anything else ("the 520-bed hospital" is one hospital)."""
    dets = [d for d in noun.lefts if d.dep_ in ("det", "poss")]  # "a", "an" or none before a plural: no _particular thing
    if not (all(d.lower_ in ("a", "an") for d in dets) and (dets or noun.tag_ == "NNS")):
        return None
    mods = [m for m in noun.lefts if m.dep_ in ("compound", "amod", "nmod", "npadvmod") and _hyphen_number(m, own)]
    if not mods:
        return None
    return noun.doc[_mod_start(mods[0], own) : noun.i + 1].text


def _property_holder(thing, own) -> tuple[str | None, bool]:
    """``(holder, is a reference)`` of a count a particular ``thing`` has (:func:`_counted_property`):
    its name ("the 1,200-seat Lyric Theatre"), its owner's ("Orrin's 1,200-seat theatre"), or, for a
    definite description ("the 520-bed hospital"), the noun, which the discourse names."""
    holder, ref = _subject_holder(thing, None, own)
    if ref:
        return thing.text, True
    return holder, ref


def _phrase(tok, own=()) -> tuple[str | None, str | None]:
    """A noun's lemma with the lower-case words that narrow it (compounds and adjectives), and the
    words as written; names and figures beside it are left out (they are holders and values)."""
    if tok is None:
        return None, None
    parts = []
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "VERB") and not c.like_num and (
            c.ent_type_ == "" or _hyphen_number(c, own)
        ):
            parts.append(c)
        elif c.dep_ in ("nmod", "npadvmod") and c.pos_ == "NOUN" and _hyphen_number(c, own):
            parts.append(c)  # "the 2-year bond yield", which the parse may hang on the yield as a modifier of a noun
    parts.append(tok)
    lemma = " ".join(t.lemma_.lower() if t.i == tok.i else _mod_word(t, own) for t in parts)
    words = tok.doc[_mod_start(parts[0], own) : tok.i + 1].text if parts[0].i <= tok.i else tok.text
    narrowing = _narrowed_by(tok)
    if narrowing and tok.lemma_.lower() not in RELATIONAL_NOUNS:
        # "revenue from cloud services", "rent for a one-bedroom flat": the measure of a part
        lemma = " ".join([_mod_word(t, own) for t in narrowing[:-1]] + [narrowing[-1].lemma_.lower(), lemma])
        words = tok.doc[_mod_start(parts[0], own) : narrowing[-1].i + 1].text
    if tok.lemma_.lower() in RELATIONAL_NOUNS:
        # a share is of what its "of" phrase or its compounds name ("share of the EV market", "EV
        # market share"): the whole it is a share of narrows it, names and acronyms too
        whole = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and not c.like_num]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.like_num:
                        whole = [m for m in p.lefts if m.dep_ in ("compound", "amod") and not m.like_num] + [p]
                        words = tok.doc[tok.i : p.i + 1].text if p.i > tok.i else words
        if whole:
            lemma = " ".join([t.lower_ for t in whole if t.i != tok.i] + [tok.lemma_.lower()])
    return lemma, words


def _hyphen_number(tok, own=()) -> str | None:
    """The number joined to a modifier by a hyphen ("*two*-bedroom", "*10*-year"), in digits; else
    None, and None where that number is the figure itself (``own``: "a *12*-hour battery life" is
    the battery life's figure, no kind of battery life)."""
    i = tok.i
    if i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].like_num and tok.doc[i - 2].head.i == i and i - 2 not in own:
        word = tok.doc[i - 2].lower_
        return str(NUMBER_WORDS[word]) if word in NUMBER_WORDS else word.replace(",", "")
    return None


def _mod_word(tok, own=()) -> str:
    """A modifier of a measure as it narrows it, with its hyphened number: "a two-bedroom flat" and
    "a one-bedroom flat" are rents of two kinds of flat, "2-bedroom" is "two-bedroom"."""
    number = _hyphen_number(tok, own)
    return f"{number}-{tok.lower_}" if number else tok.lower_


def _mod_start(tok, own=()) -> int:
    """Where a modifier's words begin: at its hyphened number, if it has one."""
    return tok.i - 2 if _hyphen_number(tok, own) else tok.i


#: Prepositions whose common-noun object narrows a measure ("revenue *from cloud services*", "rent
#: *for a one-bedroom flat*"); a name there is a holder's or a place's, a time a time.
_NARROWING_PREPS = frozenset({"from", "for"})


#: Nouns of a flow of goods whose "of" phrase names what flows ("sales *of electric cars*",
#: "production of steel"): the measure of that thing, as "electric car sales" and "steel production" are.
_FLOW_NOUNS = frozenset(
    "sale export import production output consumption shipment delivery purchase demand supply".split()
)


def _narrowed_by(tok) -> list:
    """The words (modifiers and noun) of a common noun that narrows the measure noun ``tok`` in a
    "from"/"for" phrase, or in an "of" phrase of a flow (:data:`_FLOW_NOUNS`), else []."""
    preps = _NARROWING_PREPS | {"of"} if tok.lemma_.lower() in _FLOW_NOUNS else _NARROWING_PREPS
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if (
                    p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ == "" and not p.like_num
                    and p.lemma_.lower() not in _ORDERED_TIMES and not noun_is_generic(p)
                ):
                    mods = [
                        m for m in p.lefts
                        if m.dep_ in ("compound", "amod") and m.pos_ in ("NOUN", "ADJ") and (m.ent_type_ == "" or _hyphen_number(m))
                    ]
                    return mods + [p]
    return []


#: Nouns of a part of a whole, which the whole narrows ("share of the EV market"), and nouns of a
#: chance, which what it is the chance of narrows ("the risk of death", "the death risk").
RELATIONAL_NOUNS = frozenset({"share", "proportion", "percentage", "portion", "fraction",
                         "risk", "chance", "likelihood", "probability", "incidence"})


def _counts_something(verb) -> bool:
    """The verb's object is a figure or counted by one ("registered 559,386 cars")."""
    values = verb.doc.user_data.get(VALUES, ())
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd") and (c.i in values or any(g.i in values for g in c.children if g.dep_ in ("nummod", "quantmod", "compound"))):
            return True
    return False


def _negated(tok) -> bool:
    """The verb, or a verb it hangs from, is negated ("did not rise", "was never introduced")."""
    for _ in range(4):
        if tok is None:
            return False
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "acomp", "auxpass", "aux") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# --------------------------------------------------------------------------- votes

def _vote_side(root, own, noun_tok, noun: str | None) -> tuple[str, str] | None:
    """``(measure, words)`` of a figure that counts one side of a vote, else None: the people
    who voted one way ("12 councillors voted against", "22 voted in favour", "eight abstained"),
    votes with their side ("523 votes in favour", "votes against: 461"), abstentions, a bare
    count with its side in a sentence about a vote ("..., 461 against and 49 abstentions"), or
    one figure of a tally after a verb of a vote ("by 31 votes to 12", "passed 61-39"). A count
    of votes with no side ("received 31 votes") is none."""
    tally = _tally_side(root, noun)
    if tally is not None:
        return tally
    voters = noun_tok if noun_tok is not None else (root if root.dep_ in _SUBJECTS else None)
    if voters is not None and voters.dep_ == "nsubj" and voters.head.pos_ == "VERB":
        lemma = voters.head.lemma_.lower()
        if lemma == "abstain":
            return ABSTENTIONS, voters.head.text
        if lemma == "vote":
            side = _side_of(voters.head)
            return (side[0], f"{voters.head.text} {side[1]}") if side else None
    if noun_tok is not None and noun_tok.lemma_.lower() == "abstention":
        return ABSTENTIONS, noun_tok.text
    counted = noun_tok is not None and root.dep_ in ("nummod", "quantmod", "compound") and root.head.i == noun_tok.i
    if not counted:
        side = _side_of(root, own)  # "523 in favour, 461 against", "the vote was 12 for and 3 against"
        if side is not None and _about_a_vote(root.doc, side[1]):
            return side
    ballot = noun_tok
    if ballot is None and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.lemma_.lower() == "vote":
        ballot = root.head.head  # "votes against: 461"
    if ballot is not None and ballot.lemma_.lower() == "vote":
        side = _side_of(ballot, own)
        if side is not None:
            return side[0], f"{ballot.text} {side[1]}"
    return None


def _side_of(tok, own=frozenset()) -> tuple[str, str] | None:
    """``(measure, words)`` of the side of a vote that the words after ``tok`` name: an
    "against", "for" or "in favour (of)" phrase or a "yes"/"no" of its own, else the word just
    after it ("461 votes against" parsed with "against" on the verb)."""
    for c in tok.children:
        if c.i in own or c.i < tok.i:
            continue
        side = _side_word(c)
        if side is not None:
            return side
    nxt = tok.i + 1
    while nxt < len(tok.doc) and nxt in own:
        nxt += 1
    if nxt < len(tok.doc):
        return _side_word(tok.doc[nxt])
    return None


def _side_word(t) -> tuple[str, str] | None:
    """The side a word (with its "in favour" noun) names, or None."""
    word = t.lower_
    if word == "in":
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.lower_ in _FAVOUR:
            return VOTES_FOR, f"in {nxt.text}"
        return None
    if word in ("against", "for") and t.pos_ == "ADP":
        return _SIDE_WORDS[word], t.text
    if word in _SIDE_WORDS and t.pos_ in ("INTJ", "ADV", "DET", "NOUN", "ADJ", "PROPN") and t.dep_ != "det":
        return _SIDE_WORDS[word], t.text  # "voted no", "voted yes"
    return None


def _about_a_vote(doc, side_words: str) -> bool:
    """A bare count's side (``side_words``) is of a vote: the sentence says "vote", "abstain" or
    "abstention", or it has a verb that decides a vote and "against" or "in favour" (the side's
    own or another figure's: "approved 14 for sale" is no vote)."""
    lemmas = [t.lemma_.lower() for t in doc]
    if {"vote", "abstain", "abstention"} & set(lemmas):
        return True
    deciding = any(t.pos_ == "VERB" and t.lemma_.lower() in _VOTING for t in doc)
    sided = side_words.split()[0].lower() in ("against", "in") or any(w in ("against", "favour", "favor") for w in lemmas)
    return deciding and sided


_TALLY_JOINERS = frozenset({"to", "-", "–", "—"})


def _tally_side(root, noun: str | None) -> tuple[str, str] | None:
    """The side of a figure of a tally after a verb of a vote: "approved by 31 *votes* to 12",
    "passed 61-39", "voted 61 to 39 to reject": the first figure is the votes for and the second
    the votes against, but after a verb of a vote lost ("rejected by 40 votes to 12") the larger
    is the votes against. Not a tally: a range ("between 20 and 30", "20-30 new homes").
    ``noun``: the noun the extractor read after the figure (a tally counts votes or nothing)."""
    doc = root.doc
    if not root.like_num or (noun and noun.lower().split()[-1] not in ("vote", "votes")):
        return None
    first = second = None
    j = root.i + 1
    if j < len(doc) and doc[j].lemma_.lower() == "vote":
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in _TALLY_JOINERS and doc[j + 1].like_num:
        first, second = root, doc[j + 1]
    else:
        k = root.i - 1
        if k >= 1 and doc[k].lower_ in _TALLY_JOINERS:
            k -= 1
            if k >= 1 and doc[k].lemma_.lower() == "vote":
                k -= 1
            if k >= 0 and doc[k].like_num:
                first, second = doc[k], root
    if first is None:
        return None
    if first.i > 0 and doc[first.i - 1].lower_ in ("from", "between"):
        return None  # "from 61 to 39": a change or a range
    after = second.i + 1
    while after < len(doc) and doc[after].pos_ == "ADJ":
        after += 1
    if after < len(doc) and (doc[after].pos_ in ("NOUN", "PROPN", "NUM") or doc[after].text == "%") and doc[after].lemma_.lower() != "vote":
        return None  # "approved 20-30 new homes": a range of what it counts
    if any(t.dep_ in ("nummod", "compound") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() != "vote" for t in (first, second)):
        return None
    verb = governing_verb(first)
    if verb is None or verb.lemma_.lower() not in _VOTING:
        return None
    decisive = verb
    if verb.lemma_.lower() == "vote":  # "voted 61-39 to reject the bill"
        decisive = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _VOTING), verb)
    a, b = _number(first), _number(second)
    lost = decisive.lemma_.lower() in _REJECTING and a is not None and b is not None and a > b
    first_side, second_side = (VOTES_AGAINST, VOTES_FOR) if lost else (VOTES_FOR, VOTES_AGAINST)
    return (first_side, first_side) if root.i == first.i else (second_side, second_side)


def _number(tok) -> float | None:
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _voting_body(doc, own, voters) -> tuple[str | None, bool]:
    """The holder of a count of votes that names none: the subject (or agent) of a verb of a
    vote elsewhere in the sentence ("the Tarn council approved the budget; 12 councillors
    voted against"), not the voters themselves nor a count of votes."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VOTING:
            continue
        # the active subject or the agent: a passive subject is what was voted on ("the plan was approved by ...")
        bodies = [c for c in verb.children if c.dep_ == "nsubj"]
        bodies += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        for c in bodies:
            if c.i in own or (voters is not None and c.i == voters.i) or c.lemma_.lower() in ("vote", "abstention"):
                continue
            if any(g.i in own or g.like_num for g in c.subtree):
                continue  # "12 councillors" counted, "by 31 votes"
            found = _subject_holder(c, None, own)
            if found != (None, False):
                return found
    return None, False


# --------------------------------------------------------------------------- holder

def _subjects(verb):
    return [c for c in verb.children if c.dep_ in _SUBJECTS]


def _holder(root, measure_tok, own) -> tuple[str | None, bool]:
    """``(holder, is a reference)`` of the figure."""
    if measure_tok is not None:
        named = _owner_of_noun(measure_tok, own, compounds=False)
        if named == (None, True) and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in measure_tok.children):
            # "Acme cut its workforce by 10%": "its" is the clause's named subject's, when it names one
            above = _holder_above(root, measure_tok, own)
            if above[0] is not None and not above[1]:
                return above
        if named is not None:
            return named
    if measure_tok is None and root.dep_ in ("nummod", "compound", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        for c in root.head.children:  # "Orrin 3's 30.8M GPU hours": the unit's possessor
            if c.dep_ == "poss" and c.i not in own and _is_named(c):
                return _name_of(c), False
    found = _holder_above(root, measure_tok, own)
    if found == (None, False) and measure_tok is not None:
        name = _compound_name(measure_tok, with_noun=False)  # "Acme revenue" when no clause names a holder
        if name is not None:
            return name, False
    return found


#: Verbs of expecting or planning whose clause tells what their subject expects of its own
#: ("Orrin expects 16 new jets to arrive", "plans for 300 stores to open").
EXPECTING = frozenset("expect plan want aim intend anticipate forecast project hope need schedule set".split())


def _holder_above(root, measure_tok, own) -> tuple[str | None, bool]:
    """The holder named by the nearest clause above the figure (its subject or agent)."""
    tok = root
    for _ in range(12):
        if tok.head.i == tok.i:
            break
        below, tok = tok, tok.head
        if not same_clause(root.doc, tok.i, root.i):
            break  # "... debuted at 1.2 exaflops; later Vexa results are about 1.4": another clause's subject
        if tok.pos_ not in ("VERB", "AUX", "ADJ") and tok.dep_ != "ROOT":
            follower = _followed_by(tok, below, own)
            if follower is not None:
                return follower, False
            if below.dep_ in ("relcl", "acl") and tok.pos_ in ("NOUN", "PROPN"):
                # "the second mill, which is expected to open in 2026"; a relative clause the
                # parse hangs on the mill's place ("the second mill in Toledo, which ...") is the mill's
                described = tok
                if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.ent_type_ in PLACE_LABELS:
                    described = tok.head.head
                thing = _ordinal_thing(described, own)
                if thing is not None:
                    return thing, False
            if (
                tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "appos") and tok.i not in own
                and (measure_tok is None or tok.i != measure_tok.i)  # "2,048 H800 GPUs": the measure, not its holder
            ):
                # "Borealis Tech, with a score of 1.19 exaflops, ...": the figure hangs off a name
                name = _name_of(tok)
                if name is not None and _is_named(tok):
                    return name, False
            continue
        if below.dep_ == "prep" and below.lower_ == "with":
            site = _site_of_clause(tok, own)
            if site is not None:
                return site, False  # "installing tools at its second factory, with production targeted for 2027"
        for c in tok.children:
            if c.dep_ == "dative" and _is_named(c) and c.i not in own:
                return _name_of(c), False  # "the patent office granted Valdor Solar 2,995 patents"
        passive = any(c.dep_ == "nsubjpass" and c.i not in own for c in tok.children)
        for c in tok.children:
            if c.dep_ == "agent" and not (passive and not c.i <= root.i <= max(t.i for t in c.subtree)):
                # "followed by Germany with 12"; not the agent of a passive with a subject, for a
                # figure outside its phrase ("Orrin was founded in 1998 by Jane Smith": Orrin's)
                for p in c.children:
                    if p.dep_ == "pobj" and _is_named(p):
                        return _name_of(p), False
        subjects = [c for c in _subjects(tok) if c.i not in own and not _place_continued(c)]
        named = _copula_name(tok, subjects, own)
        if named is not None:
            return named, False
        if subjects:
            # a misparse may give several subjects ("the AI startup register of Zealand listed ..."):
            # the first that names a holder wins; else the first's reading
            fallback = None
            for c in subjects:
                if c.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                    fallback = fallback or ("climb",)  # "a plant ... which will produce 30,000 cars": the plant's holder
                    continue
                found = _subject_holder(c, measure_tok, own)
                if found[0] is not None:
                    return found
                reporter = _reporting_name(c, tok, own) if found[1] else None
                if reporter is not None:
                    return reporter, False
                fallback = fallback or found
            if fallback == (None, False) and measure_tok is not None and measure_tok.lemma_.lower() in _OWN_ACCOUNTS:
                # "Halvard Foods said on Thursday that revenue rose 6%": a company's own accounts,
                # which it reports (not "the IMF said growth slowed": growth is no account of the IMF's)
                reporter = _reporting_name(subjects[0], tok, own, any_subject=True)
                if reporter is not None:
                    return reporter, False
            if fallback == (None, False):
                fronted = _fronted_name(tok, own)
                if fronted is not None:
                    return fronted, False  # "At Orrin, revenue rose 5%": Orrin's revenue
            if fallback == (None, False) and measure_tok is not None and all(c.i == measure_tok.i for c in subjects) and (
                tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in EXPECTING
            ):
                continue  # "Orrin expects 16 new jets to arrive in 2033": the jets Orrin expects, Orrin's
            if fallback != ("climb",):
                return fallback
        if tok.dep_ in ("ccomp", "parataxis"):
            break  # a clause of its own: "Analysts noted that ..." says nothing of whose figure it is
    return None, False


#: Prepositions of a phrase put before its clause, and set off by a comma, that name whose the
#: clause's figures are: "*At Orrin*, revenue rose 5%", "*For Halvard*, sales reached EUR 8 billion",
#: "*On the Riverside Metro*, riders took 182 million trips" ("In Germany, sales rose" is a place).
_FRONTED = frozenset({"at", "for", "on"})


def _fronted_name(verb, own) -> str | None:
    """The name of a fronted phrase (:data:`_FRONTED`) opening ``verb``'s clause, or the clause
    ``verb`` is joined to by "and" ("On the Metro, riders took 182 million trips, and ridership
    rose 11%"), ahead of a subject that names no holder; None where none opens it."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in _FRONTED or c.i >= verb.i or c.i != verb.left_edge.i:
                continue
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            after = obj.right_edge.i + 1 if obj is not None else len(verb.doc)
            if (
                obj is not None and obj.i not in own and _is_named(obj) and obj.ent_type_ not in ("DATE", "TIME")
                and after < len(verb.doc) and verb.doc[after].text == ","
            ):
                return _name_of(obj)
        if verb.dep_ != "conj":
            break
        verb = verb.head
    return None


#: Measures of a company's own accounts, which the company that reports them holds.
_OWN_ACCOUNTS = frozenset(
    "revenue sale profit earnings income loss margin turnover dividend debt booking order shipment delivery".split()
)


def _site_of_clause(verb, own) -> _Thing | None:
    """The ordinal thing a clause happens at or in ("installing equipment *at its second Arizona
    factory*"), through its object's phrases too: a "with" phrase on that clause tells of the same site."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ in ("dobj", "xcomp")]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "in", "for"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in own:
                        thing = _ordinal_thing(p, own)
                        if thing is not None:
                            return thing
    return None


def _followed_by(noun, below, own) -> str | None:
    """The name a ranking puts before a "with" phrase: "the ministry, with a 17 percent stake,
    followed by Halden Capital, with a 10.5 percent stake" -- the parse hangs the second "with"
    phrase on the first stake, beside "followed by Halden Capital"; the 10.5 percent is Halden's."""
    if below.dep_ != "prep" or below.lower_ != "with":
        return None
    clauses = [t for t in noun.subtree if t.dep_ == "acl" and noun.i < t.i < below.i]
    for a in clauses[-1].children if clauses else ():  # the nearest before the "with" phrase
        if a.dep_ == "agent":
            for p in a.children:
                if p.dep_ == "pobj" and _is_named(p) and p.i not in own:
                    return _name_of(p)
    return None


def _place_continued(tok) -> bool:
    """A place written after another place and a comma ("a team in Hangzhou, China achieved ..."):
    the small parser may make it a subject, but it only says which Hangzhou; it holds nothing."""
    if tok.ent_type_ not in PLACE_LABELS or tok.i < 2:
        return False
    comma, before = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    return comma.text == "," and before.ent_type_ in PLACE_LABELS and before.pos_ == "PROPN"


def _copula_name(verb, subjects, own) -> str | None:
    """The name a copula says a role is ("Its biggest shareholder is the Ministry of Finance, with a
    17 percent stake"): the figure beside it is that name's, not the role's owner's. Only where the
    subject is a common noun (a role) and the complement a name."""
    if verb.lemma_ != "be" or not subjects or any(_is_named(c) for c in subjects):
        return None
    for c in verb.children:
        if c.dep_ == "attr" and c.i not in own and _is_named(c) and c.ent_type_ in HOLDER_LABELS:
            return _name_of(c)
    return None


def _reporting_name(subject, clause, own, any_subject: bool = False) -> str | None:
    """The name that reports a clause whose subject is "it" or "they": "*Northwind Bank* said it
    would cut 1,200 jobs", "Orrin announced that they will build ..." (the organisation speaks of
    itself). Not a person's ("Ms Lind said it would cost $5 billion": "it" is not Ms Lind) nor a
    common noun's ("analysts said it would ...")."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said revenue rose and that it would hire 500 people"
    if (not any_subject and subject.lower_ not in ("it", "they")) or clause.dep_ != "ccomp":
        return None
    for c in _subjects(clause.head):
        if c.i not in own and _is_named(c) and c.ent_type_ not in ("PERSON", *PLACE_LABELS):
            return _name_of(c)
    return None


def _subject_holder(c, measure_tok, own) -> tuple[str | None, bool]:
    """``(holder, is a reference)`` that the subject ``c`` of the figure's clause gives."""
    if c.lower_ in _REFERRING or c.pos_ == "PRON":
        return None, True
    if measure_tok is not None and c.i == measure_tok.i:
        owner = _owner_of_noun(c, own, with_noun=False)
        return owner if owner is not None else (None, False)  # "revenue rose ...": no holder stated
    thing = _ordinal_thing(c, own)
    if thing is not None:
        return thing, False  # "Kessler's first mill started production in 2024": the mill's, not Kessler's
    role = _role(c, own)
    if role is not None:
        # "Orrin's chief executive earned $22 million": the office holder's pay, not Orrin's; "Orrin's
        # new chief executive, Ada Lind, earned ...": the person's
        person = next((a for a in c.children if a.dep_ == "appos" and a.i not in own and a.ent_type_ == "PERSON"), None)
        return (_name_of(person), False) if person is not None else (role, False)
    part = _possessed_thing(c, own)
    if part is not None:
        return part, False  # "the museum's new wing cost $90 million": the wing's cost, not the museum's
    if _is_named(c):
        return _name_of(c), False
    if c.pos_ == "NOUN" and c.i > 0 and c.doc[c.i - 1].dep_ == "compound" and c.doc[c.i - 1].head.i == c.i and (
        model_code(c.doc[c.i - 1].text)
    ):
        # "Orrin's X2 drone is priced at $900": the drone's price, which "the X2 drone costs $1,100" contradicts
        return _compound_name(c), False
    if c.pos_ == "NOUN":
        named = _owner_of_noun(c, own)
        if named is not None:
            return named
        for a in c.children:
            if a.dep_ == "appos" and a.i > c.i and a.i not in own and _is_named(a):
                return _name_of(a), False  # "the Chinese carmaker BYD sold ...", "chipmaker Nvidia": the name's
        if _compound_name(c) is not None:
            return _compound_name(c), False
        kind = _kind_of_thing(c, own)
        if kind is not None:
            return kind, False  # "a 300-bed hospital costs $400 million": what that kind of hospital costs
        if any(d.lower_ in ("the", "this", "that", "its", "their") for d in c.lefts):
            return _strip(_phrase(c)[1] or c.text), True  # "the company raised ...": a definite description
        if measure_tok is None and c.head.lemma_.lower() in _RECEIVING and not any(d.dep_ in ("det", "poss") for d in c.lefts):
            # "parks get $180 million": what the parks receive (not "shareholders will get a dividend
            # of EUR 1.25": the payer's dividend, whoever gets it)
            return _strip(_phrase(c)[1] or c.text), False
    return None, False


#: Verbs whose subject receives the amount they govern ("parks *get* $180 million", "schools were
#: *allocated* $2 billion"): a common noun with no article there is what the amount goes to.
_RECEIVING = frozenset({"get", "receive", "obtain", "win", "secure", "allocate", "award", "grant"})


def _owner_of_noun(noun, own, compounds: bool = True, with_noun: bool = True) -> tuple[str | None, bool] | None:
    """A noun's possessor or "of" name (or, with ``compounds``, a name compounded with it):
    ``(name, False)``, ``(None, True)`` for "its"/"the company's", or None when it has neither."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i not in own:
            thing = _ordinal_thing(c, own)
            if thing is not None:
                return thing, False  # "the second fab's capacity"
            if c.pos_ == "PRON" or c.lower_ in _REFERRING:
                return None, True
            if _is_named(c):
                return _name_of(c), False
            if c.pos_ == "NOUN" and c.lemma_.lower() in ORGANISATION_NOUNS and any(d.lower_ in ("the", "this", "that") for d in c.lefts):
                # "the hospital's budget": an organisation's description, which the sentences
                # before resolve as they do the subject "the hospital" (not "the city's population")
                return _strip(_phrase(c)[1] or c.text), True
            return None, True
    for c in noun.children:
        if c.dep_ in ("nmod", "poss") and c.i not in own and _is_named(c) and not (c.text.isupper() and len(c.text) <= 4):
            return _name_of(c), False  # "granted Valdor Solar 2,995 patents" read as a name beside the noun
    for c in noun.children:
        if c.dep_ == "acl" and c.i > noun.i and not any(t.is_punct for t in noun.doc[noun.i + 1 : c.i]):
            # "fabs operated by Brightwater Materials" (not "41 labs, followed by Germany")
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        if p.dep_ == "pobj" and _is_named(p) and p.i not in own:
                            return _name_of(p), False
    for c in _owner_preps(noun):
        for p in c.children:
            thing = _ordinal_thing(p, own) if p.dep_ == "pobj" else None
            if thing is not None:
                return thing, False  # "output at the second plant", "the cost of its third fab"
            if p.dep_ == "pobj" and _is_named(p) and p.i not in own and not (c.lower_ == "at" and p.ent_type_ in PLACE_LABELS):
                return _name_of(p), False
            if p.dep_ == "pobj" and c.lower_ == "of":
                for g in p.subtree:  # "the diameter of Vega's primary mirror": Vega's
                    if g.i < p.i and g.dep_ == "poss" and _is_named(g) and g.i not in own:
                        return _name_of(g), False
    name = _compound_name(noun, with_noun) if compounds else None
    if name is not None:
        return name, False
    return None


#: Key of ``Doc.user_data`` holding the token indices of every figure and date of the sentence
#: (:func:`mark_values`): a currency code or a unit is never a name ("EUR 15 million or 3%").
VALUES = "claimgraph.values"


def mark_values(doc, spans) -> None:
    """Record the tokens of the sentence's figures and dates (``(start, end)`` character spans)."""
    marked: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            marked.update(t.i for t in span)
    doc.user_data[VALUES] = frozenset(marked)


#: Counts of people or trips a line, a network or a carrier carries, whose "on" phrase names it
#: ("ridership *on the Tarn Valley Railway*", "passengers on Pellam Air"), as "of" does; another
#: noun's "on" phrase is what it is about or where it is sold ("spending on defence", "sales on Amazon").
_RIDDEN = frozenset("ridership passenger rider trip journey commuter traveller traveler".split())


def _owner_preps(noun) -> list:
    """The noun's "of/at/for/by/from" phrases, and those of its "of" phrase's noun ("output of chips
    *at Denholm*", "the value of machinery exports *from Corsica*")."""
    preps = [
        c for c in noun.children
        if c.dep_ == "prep" and (c.lower_ in ("of", "at", "for", "by", "from") or c.lower_ == "on" and noun.lemma_.lower() in _RIDDEN)
    ]
    for c in list(preps):
        if c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    preps += [g for g in p.children if g.dep_ == "prep" and g.lower_ in ("at", "for", "by", "from")]
    return preps


def _common_noun(tok) -> bool:
    """A common noun, or a lower-case word the tagger took for a proper noun ("Arizona's first *fab*")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower() and tok.ent_type_ == "")


def _is_named(tok) -> bool:
    if tok.ent_type_ in VALUE_LABELS or tok.i in tok.doc.user_data.get(VALUES, ()):
        return False
    if tok.pos_ == "PROPN" and _common_noun(tok):
        return False  # "fab": a lower-case word is no name
    if tok.text.isupper() and len(tok.text) <= 3 and tok.dep_ == "compound":
        return False  # "AI startups", "EV sales": an acronym beside a noun says what kind, not whose
    return tok.pos_ == "PROPN" or tok.ent_type_ in HOLDER_LABELS


def _compound_name(noun, with_noun: bool = True) -> str | None:
    """The name compounded with a common noun: "*Blackmoor Materials* revenue", "the *Halden*
    plant" (an entity's name only, and no short acronym: an acronym beside a noun names a kind of
    it as often as a holder, "its HPL score", "AI startups")."""
    names = [
        c for c in noun.lefts
        if c.dep_ == "compound" and not (c.text.isupper() and len(c.text) <= 4)
        and (c.ent_type_ in HOLDER_LABELS or _unlabelled_name(c))
        and c.i not in noun.doc.user_data.get(VALUES, ())  # "1.102 EFLOPS LINPACK": the unit is no name
    ]
    if not names and with_noun:
        # "the DeepSeek-V3 model", "the Orrin X2 drone": a model's code right before the noun names
        # the thing, with the names compounded with it (an acronym there says what kind: "AI startups")
        code = noun.doc[noun.i - 1] if noun.i > 0 else None
        if code is not None and code.dep_ == "compound" and code.head.i == noun.i and model_code(code.text):
            start = code.i
            while start > 0 and noun.doc[start - 1].head.i in (code.i, noun.i) and (
                noun.doc[start - 1].dep_ == "compound" or noun.doc[start - 1].text in ("-", "‑")
            ):
                start -= 1
            return _strip(noun.doc[start : noun.i + 1].text)
    if not names:
        return None
    if with_noun:  # a thing: "the Halden plant", "the Orrin supercomputer"
        return noun.doc[names[0].i : noun.i + 1].text
    return _name_of(names[-1])  # a measure: "Blackmoor Materials revenue" is Blackmoor Materials's


def _unlabelled_name(tok) -> bool:
    """A capitalised proper noun the recogniser gave no label, inside a sentence written in lower
    case ("the *Porto* site"): a name all the same (in a title-case line every word is capitalised)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or tok.i == 0 or not tok.text[:1].isupper() or not _is_named(tok):
        return False
    words = [t for t in tok.doc if t.is_alpha and t.i > 0 and t.i != tok.i]
    return bool(words) and sum(t.text[:1].islower() for t in words) * 2 >= len(words)


def model_code(word: str) -> bool:
    """A model's code: capitals and digits, maybe joined by a hyphen ("H100", "GPT-4", "V3"), which
    a tagger may take for a common noun."""
    w = word.replace("-", "")
    return w.isalnum() and any(ch.isdigit() for ch in w) and any(ch.isupper() for ch in w)


def _name_of(tok) -> str | None:
    """The whole name a token is part of: its entity, widened to its run of compound proper
    nouns (the small model's entity may hold only the last word: "Lumen *Solar*")."""
    start, end = tok.i, tok.i + 1
    if tok.ent_type_ in HOLDER_LABELS:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                start, end = ent.start, ent.end
                break
    for c in tok.lefts:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            start = min(start, c.i)
            break
    return _strip(tok.doc[start:end].text)


def _a_proper_noun(tok) -> bool:
    """A proper noun, or a place's or an organisation's name the tagger read as an adjective
    ("*Fujian* lithium output 8.75 million tonnes"; not "*European* revenue", a people's adjective)."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "ADJ" and tok.text[:1].isupper() and tok.ent_type_ in HOLDER_LABELS and tok.ent_type_ != "NORP"
    )


def unbound_names(doc, start: int, end: int) -> list[str]:
    """The proper nouns that may say whose the figure at characters ``start:end`` is even where
    the parse binds none: those in the subject, a compound, a possessive or a noun modifier of a
    word on the figure's path to the root ("*Lima* lithium output 1.01 million tonnes", a name the
    tagger read as an adjective too, "*Fujian* lithium output",
    "capacity connected in *Jutland* came to 40.7 GW", Jutland tagged a date), outside the
    sentence's figures and dates (:func:`mark_values`); not month names, not a label before a
    colon, not a first word the tagger took for a name with no entity on it, and not the names of
    a list beside the figure ("Architecture: Varda CPU + Brant GPU, total 8,730 nodes")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    marked = doc.user_data.get(VALUES, ())
    colon = next((t.i for t in doc[:6] if t.text == ":"), -1)  # "Peak Performance: 1.2 exaflops": a label
    near: set[int] = set()
    tok = span.root
    for _ in range(12):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "compound", "poss", "nmod", "amod"):
                near.update(t.i for t in c.subtree)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    # a clause after a semicolon tells of something else ("... debuted at 1.1 exaflops; later Top500
    # results are about 1.35"): its names are not this figure's
    return [
        t.text for t in doc
        if t.i in near and same_clause(doc, t.i, span.root.i) and _a_proper_noun(t) and t.i not in marked and not t.like_num
        and t.lower_.rstrip(".") not in MONTHS and t.i > colon and (t.i > 0 or t.ent_type_ in HOLDER_LABELS)
    ]


def same_clause(doc, i: int, j: int) -> bool:
    """Tokens ``i`` and ``j`` of ``doc`` have no semicolon between them: a clause after one tells
    of something else ("... debuted at 1.2 exaflops; later Vexa results are about 1.4")."""
    return not any(t.text == ";" for t in doc[min(i, j) + 1 : max(i, j)])


def _strip(name: str) -> str:
    if name.count("(") > name.count(")"):
        name = name[: name.rfind("(")]  # "Data Act (Regulation": the name before the parenthesis it opens
    name = name.strip(" ,.;:'\"“”’")
    if name.lower().startswith("the "):
        name = name[4:]
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return name


# --------------------------------------------------------------------------- ordinal things

@dataclass(frozen=True)
class _Thing:
    """An ordinal thing of the sentence (:func:`_ordinal_thing`)."""

    words: str  # lower case, the ordinal as a word: "second mill", "third assembly plant"
    owner: str | None  # "Kessler" of "Kessler's second mill"
    owner_ref: bool  # "its second mill", "the second mill" with no name of its owner in the sentence
    place: str | None  # "Toledo" of "the second mill in Toledo", "Ohio" of "its second Ohio mill"
    possessed: bool = False  # a thing its owner has, of no series ("the museum's new wing": :func:`_possessed_thing`)


def ordinal_word(word: str) -> str | None:
    """The ordinal ``word`` is, as a word ("2nd" -> "second", "third" -> "third"), or None."""
    w = word.lower()
    if w in ORDINALS:
        return w
    m = _ORDINAL_NUMBER.match(w)
    if m is None:
        return None
    n = int(m[1])
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else w


def _ordinal_thing(noun, own) -> _Thing | None:
    """The ordinal thing ``noun`` is: a singular common noun an ordinal modifies, one of a series
    of things ("the *second mill*", "its *third* Ohio *plant*", "Arizona's *first fab*"), not a
    period or an occasion ("the second quarter", "the first time") nor a rank ("the first
    company to ..."). Its owner is a possessive name, a name compounded with it or an "of" name
    ("Kessler's second mill", "the first phase of the Brisa project"), else the named subject of the clause it is in ("Kessler plans to
    ... at its second mill"; through a reported clause whose subject is a pronoun: "Kessler said
    it ..."); a place compounded with it, a place's possessive or an "in"/"at" place is its place
    ("its second Ohio mill", "the second mill in Toledo")."""
    if (
        noun is None or not _common_noun(noun) or noun.i in own or noun.tag_ in ("NNS", "NNPS")
        or noun.lemma_.lower() in _ORDERED_TIMES or noun.ent_type_ in ("DATE", "TIME")
    ):
        return None
    doc = noun.doc
    ordinal = next(
        (c for c in noun.lefts if c.dep_ in ("amod", "nummod") and c.i not in own and ordinal_word(c.text)
         and not (c.i + 1 < len(doc) and doc[c.i + 1].text in ("-", "–"))),  # "second-largest"
        None,
    )
    if ordinal is None or any(c.dep_ == "nummod" and c.i != ordinal.i for c in noun.children):
        return None  # "the first two plants"
    for c in noun.rights:
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children):
            return None  # "the first company to build ...": a rank, not one of a series
    mods = _kind_words(noun, after=ordinal.i)
    words = " ".join([ordinal_word(ordinal.text), *mods, noun.lemma_.lower()])
    owner, ref, place = _owner_of_thing(noun, own)
    if owner is None:
        owner = _clause_owner(noun, own)
    return _Thing(words, owner, ref and owner is None, place)


def _kind_words(noun, after: int = -1, skip: frozenset[str] = frozenset()) -> list[str]:
    """The lower-case words before a thing's noun that say which of its kind it is ("third
    *assembly* plant", "chief *financial* officer", "the *east* stand"): compounds and adjectives
    that are no name and no figure, after the token ``after`` and not in ``skip``."""
    return [
        c.lower_ for c in noun.lefts
        if c.i > after and c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and c.ent_type_ == ""
        and not c.like_num and c.lower_ not in skip
    ]


def _owner_of_thing(noun, own, places_own: bool = False) -> tuple[str | None, bool, str | None]:
    """``(owner, is a reference, place)`` of a thing's noun: a possessive name, a name compounded
    with it or an "of" name owns it ("Kessler's second mill", "the first phase of the Brisa
    project"); "its", "the company's" or "the" make it a reference; a place's possessive, compound
    or "in"/"at" name places it ("Arizona's first fab", "the second mill in Toledo"), unless
    ``places_own``: an office is a place's own ("Tarn's mayor", "the chief executive at Orrin"),
    and a person's name beside it is no owner ("chief executive Ada Lind")."""
    owner, ref, place = None, False, None
    for c in noun.children:
        if c.i in own:
            continue
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that"):
            ref = True
        elif c.dep_ == "poss":
            if _is_named(c) and c.ent_type_ in ("GPE", "LOC") and not places_own:
                place = _name_of(c)  # "Arizona's first fab": the first in Arizona, whosever
            elif _is_named(c):
                owner = _name_of(c)
            else:
                ref = True  # "its", "the company's"
        elif c.dep_ == "compound" and _is_named(c) and not (places_own and c.ent_type_ == "PERSON"):
            if c.ent_type_ in PLACE_LABELS and not places_own:
                place = place or _name_of(c)
            else:
                owner = owner or _name_of(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "in", "at"):
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ == "of" and p.pos_ == "NOUN" and _compound_name(p):
                    owner = owner or _compound_name(p)  # "the first phase of the Brisa project"
                if p.dep_ != "pobj" or not _is_named(p):
                    continue
                if not places_own and (p.ent_type_ in PLACE_LABELS or c.lower_ != "of"):
                    place = place or _name_of(p)
                else:
                    owner = owner or _name_of(p)
    return owner, ref, place


#: Nouns of an office a person holds in an organisation or a place ("Orrin's chief executive",
#: "the city's mayor"): a figure the office holder is the subject of (pay, a stake) is the office
#: holder's, not the organisation's, as an ordinal thing's is the thing's.
ROLE_NOUNS = frozenset(
    """executive officer ceo cfo coo cto chairman chairwoman chairperson president founder cofounder
    co-founder director boss manager minister secretary governor mayor spokesman spokeswoman
    spokesperson shareholder treasurer chancellor""".split()
) | frozenset(
    # and another party named by what it is to the owner ("the company's Chinese rival sold 2
    # million phones": the rival's sales, not the company's)
    "rival competitor subsidiary partner customer supplier client acquirer".split()
)
#: One office written several ways, folded to one name.
ROLE_FOLDS = {
    "ceo": "chief executive", "chief executive officer": "chief executive", "cfo": "chief financial officer",
    "coo": "chief operating officer", "cto": "chief technology officer", "chairman": "chair",
    "chairwoman": "chair", "chairperson": "chair", "cofounder": "founder", "co-founder": "founder",
}
#: Words before an office that do not say which office it is.
_ROLE_NOT_NARROWING = frozenset("new current incoming sitting".split())


def _role(noun, own) -> _Thing | None:
    """The office ``noun`` names, as an ordinal thing is held: a singular noun of :data:`ROLE_NOUNS`
    with the words before it that say which office ("chief financial officer"; not "new"), folded
    (:data:`ROLE_FOLDS`: "CEO" is "chief executive"), its owner a possessive name, a name
    compounded with it or an "of" name ("Orrin's chief executive", "the Orrin chief executive",
    "the chief executive of Orrin"), else the clause's named subject; "its" or "the company's"
    leave the owner to the sentence before. None for any other noun."""
    if noun is None or noun.i in own or noun.tag_ in ("NNS", "NNPS") or noun.lower_ not in ROLE_NOUNS and noun.lemma_.lower() not in ROLE_NOUNS:
        return None
    if noun.pos_ not in ("NOUN", "PROPN") or (noun.pos_ == "PROPN" and not (noun.text.islower() or noun.text.isupper())):
        return None  # "President Lind": a title of a name
    mods = _kind_words(noun, skip=_ROLE_NOT_NARROWING)
    words = " ".join([*mods, noun.lower_])
    words = ROLE_FOLDS.get(words, words)
    owner, ref, _ = _owner_of_thing(noun, own, places_own=True)
    if owner is None and not ref:
        owner = _clause_owner(noun, own)
    return _Thing(words, owner, ref and owner is None, None)


#: Verbs that state a figure of their subject itself ("the new wing *cost* $90 million", "the Ohio
#: plant *employs* 2,300 people"), not an act its owner does through it ("the board *approved* a $5
#: billion buyback" is the company's buyback).
_OWN_FIGURE_VERBS = frozenset(
    """cost employ weigh measure carry seat house hold have produce sell generate earn contain
    cover span stretch serve attract draw handle use consume ship deliver run require need""".split()
)
#: Adjectives of a size a copula states of its subject ("the navigable section is 210 km *long*").
_SIZE_ADJECTIVES = frozenset("long tall high wide deep thick old heavy large big".split())


def _possessed_thing(noun, own) -> _Thing | None:
    """A thing its owner has, the subject of a verb that states a figure of it ("the museum's new
    wing cost $90 million", "Orrin's Ohio factory employs 2,300 people", "the river's navigable
    section is 210 km long"): held as an ordinal thing is, the words before it that say which
    with its noun ("new wing"), of its owner (a possessive name, else a reference: "its", "the
    museum's"). None for a noun with no possessor or another verb."""
    if noun.pos_ != "NOUN" or noun.i in own or not any(c.dep_ == "poss" and c.i not in own for c in noun.children):
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    if not (
        lemma in _OWN_FIGURE_VERBS
        or lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in _SIZE_ADJECTIVES for c in verb.children)
    ):
        return None
    mods = _kind_words(noun)
    owner, ref, place = _owner_of_thing(noun, own)
    return _Thing(" ".join([*mods, noun.lemma_.lower()]), owner, ref and owner is None, place, possessed=True)


def _clause_owner(noun, own) -> str | None:
    """The name that is the subject of the clause ``noun`` is in ("*Kessler* plans to begin
    installing furnaces at its second mill"), past a pronoun subject to the name of the clause
    that reports it ("*Kessler* said it has begun construction of the second mill"); None when a
    common noun or nothing is the subject ("analysts said the second mill ...")."""
    tok, pronoun = noun, False
    for _ in range(12):
        if tok.head.i == tok.i:
            break
        below, tok = tok, tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [
            c for c in _subjects(tok)
            if c.i not in own and c.i != below.i and not any(t.i == noun.i for t in c.subtree)
        ]
        if subjects:
            c = subjects[0]
            if c.pos_ == "PRON" or c.lower_ in _REFERRING:
                pronoun = True  # "it has begun construction of ...": whose is said above, if anywhere
            elif _is_named(c) and c.ent_type_ not in PLACE_LABELS:
                return _name_of(c)
            else:
                return None
        if tok.dep_ in ("ccomp", "parataxis") and not pronoun:
            return None  # "Analysts said the second mill ...": the reporter owns nothing
    return None


def _event_thing(words, own) -> _Thing | None:
    """An ordinal thing in an "of/at/on" phrase of the event's noun or an "at" phrase of its verb:
    "production at the second fab", "construction of its third plant", "begin at the second mill"."""
    for t in words:
        preps = ("of", "at", "on") if t.pos_ == "NOUN" else ("at",) if t.pos_ in ("VERB", "AUX", "ADJ") else ()
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    thing = _ordinal_thing(p, own) if p.dep_ == "pobj" else None
                    if thing is not None:
                        return thing
    return None


# --------------------------------------------------------------------------- place

def _place(root, measure_tok, holder: str | None) -> str | None:
    """A place in an "in"/"at" phrase of the figure's noun, of a clause describing that noun
    ("capacity *connected in Cyprus*"), or of its verb (not the holder itself); an organisation
    "in" which a figure is counted is its place too ("installations in Elbridge Biotech"); a
    place's name or adjective before such a noun where none is ("Orrin's *US* sales", "*European*
    revenue", "*Chinese* exports": :func:`_place_before`)."""
    verb = governing_verb(root)
    anchors = [t for t in (measure_tok, verb) if t is not None]
    if verb is not None:
        anchors += _subjects(verb)  # "wind farms in Azores added 7.9 GW"
    # the figure's own nouns: "21.2% of households in Asturias", "registrations of electric vehicles in Estonia"
    nouns = [t for t in root.subtree if t.pos_ == "NOUN" and t.i != root.i]
    if measure_tok is not None:
        nouns += [t for t in measure_tok.subtree if t.pos_ == "NOUN" and t.i != measure_tok.i]
    anchors += nouns
    # a place's short name or adjective before the measure or the figure's nouns, never before the
    # subject that only describes the holder ("US chipmaker Nvidia", "the Chinese carmaker BYD")
    measured = {t.i for t in nouns} | ({measure_tok.i} if measure_tok is not None else set())
    for noun in list(anchors):
        if noun.pos_ in ("NOUN", "PROPN"):
            anchors += [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if root.pos_ == "NUM":
        anchors.append(root)  # the figure's own "in" phrase: "grossed $120 million *in North America*"
    for anchor in anchors:
        for c in anchor.children:
            if (
                c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS
                and (_is_named(c) or (anchor.i in measured and region_tier(c.text) == "country"))
                and anchor.pos_ == "NOUN" and anchor.i != root.i
            ):
                name = _name_of(c)  # "95.2% of Punjab homes"
                if name and (holder is None or name.lower() not in holder.lower()):
                    return name
            if c.dep_ == "prep" and c.lower_ in ("in", "at") and not _partitive_between(root, c):
                for p in c.children:
                    if p.dep_ == "pobj" and (
                        p.ent_type_ in PLACE_LABELS
                        or (c.lower_ == "in" and (p.ent_type_ in HOLDER_LABELS or (p.pos_ == "PROPN" and _is_named(p))))
                    ):
                        name = _name_of(p)
                        if name and (holder is None or name.lower() not in holder.lower()):
                            return name
    own_nouns = [t for t in (measure_tok, *nouns) if t is not None]
    return _place_before(root, own_nouns, holder) or _worldwide([t for t in (measure_tok, verb) if t is not None])


#: Pronouns a partitive figure counts a part of ("3,000 *of them*").
_PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "which", "whom"})


def _partitive_between(root, prep) -> bool:
    """Another figure, a part of the figure's count ("employs 12,000 people, *3,000 of them* in
    Germany"), stands between the figure and the place phrase ``prep``: the place is the part's,
    though the parser may hang it on the verb."""
    doc = root.doc
    for t in doc[root.i + 1 : prep.i]:
        if t.like_num and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of" and doc[t.i + 2].lower_ in _PARTITIVE_PRONOUNS:
            return True
    return False


#: Words that say a figure counts the whole world ("500 stores *worldwide*", "sold *globally*").
_WORLDWIDE = frozenset({"worldwide", "globally"})
#: The place of a figure counted worldwide.
WORLD = "World"


def _worldwide(anchors) -> str | None:
    """"World" where the figure's verb or measure is said to count the whole world ("has 500
    stores worldwide", "employs 12,000 people around the world"): against a figure counted in one
    country, another place. (Not a word on another noun: "34 MW, among the highest-power
    facilities worldwide" ranks the facility.) Never a holder (:data:`WORLD`)."""
    for anchor in anchors:
        for c in anchor.children:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _WORLDWIDE:
                return WORLD
            if c.dep_ == "prep" and c.lower_ in ("around", "across", "throughout"):
                if any(p.dep_ == "pobj" and p.lower_ in ("world", "globe") for p in c.children):
                    return WORLD
    return None


def _place_before(root, anchors, holder: str | None) -> str | None:
    """The place an adjective of place before one of ``anchors`` names ("*European* sales",
    "the *South Korean* market": :func:`checker.frame.regions.adjective_place`), as a name
    ("Europe"); not one that is the holder's ("the Chinese carmaker")."""
    for anchor in anchors:
        if anchor.pos_ != "NOUN" or anchor.i == root.i:
            continue
        for c in anchor.children:
            if c.dep_ != "amod" or c.i > anchor.i:
                continue
            words = " ".join(t.text for t in c.subtree)
            place = adjective_place(words) or adjective_place(c.text)
            if place is not None and (holder is None or c.lower_ not in holder.lower() and place not in holder.lower()):
                return place.title()
    return None


# --------------------------------------------------------------------------- dates

def _bind_date(doc, root, own) -> Binding:
    """A date's event: the verb or noun it is attached to, completed ("enter into force"); the
    date an event was moved to is its new plan (:func:`_moved_event`)."""
    prep = root.head.lower_ if root.dep_ == "pobj" and root.head.dep_ == "prep" else None
    tok = root
    while tok.dep_ in ("pobj", "nummod", "compound", "npadvmod", "nmod", "appos") and tok.head.i != tok.i:
        nxt = tok.head
        if nxt.dep_ == "prep" and nxt.head.i != nxt.i:
            nxt = nxt.head
        if nxt.i in own:
            tok = nxt
            continue
        tok = nxt
        break
    else:
        if tok.i in own:
            return Binding()
    if tok.i in own:
        return Binding()
    while (
        tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and tok.head.pos_ == "VERB"
        and event_key(tok.lemma_.lower()) is None and tok.head.i not in own
    ):
        # "to start production using 4nm technology in 2025": a participle that names no event
        # tells how; the date is of the event it describes
        tok = tok.head
    office = _taking_office(tok, own)
    if office is not None:
        return _bound_event(root, own, office[0], office[1], tok=tok)
    if prep == "since" and tok.pos_ == "NOUN" and root.head.head.i == tok.i:
        key = _office_of(tok, own)
        if key is not None:
            # "Lena Hartvig, chief executive since 2028": in the office from that date, as "took over
            # as chief executive in 2028" says
            return _bound_event(root, own, [tok], key, tok=tok)
    moved = _moved_event(tok, prep, own)
    if moved is not None:
        return _bound_event(root, own, moved[0], moved[1], rescheduled=True)
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        if _negated(tok):
            return Binding()  # "was not introduced in the 1980s" dates no event
        if _counts_something(tok):
            return Binding()  # "launched 3 products in 2024": when they were counted, not one event
        words = _event_of_verb(tok, own)
    elif tok.pos_ == "NOUN":
        words = _noun_event_words(tok)
    else:
        words = []
    if not words:
        return Binding()
    event = " ".join(t.lemma_.lower() for t in words)
    return _bound_event(root, own, words, event, tok=tok)


def _taking_office(verb, own) -> tuple[list, str] | None:
    """``(words, event)`` of a person's taking an office, which a date dates: "*became chief
    executive* in 2026", "*took over as* mayor", "The chief executive, Ada Lind, *took over* in
    2027" ("take office chief executive", "take office mayor": :data:`checker.frame.events.OFFICES`),
    "*took office*", "was *sworn in*" with no office said ("take office"). None for anything else:
    an office the events do not know, or a takeover of a company ("Orrin *took over* Valdor")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    kids = [c for c in verb.children if c.i not in own]
    prt = [c for c in kids if c.dep_ == "prt"]
    objects = [c for c in kids if c.dep_ == "dobj"]
    if lemma == "become":
        attr = next((c for c in kids if c.dep_ == "attr" and c.tag_ in ("NN", "NNP")), None)
        office = _office_of(attr, own)
        return ([verb, attr], office) if office is not None else None
    if lemma == "take" and [p.lower_ for p in prt] == ["over"] and not objects:
        words = [verb, *prt]
    elif lemma in ("take", "assume") and [o.lower_ for o in objects] == ["office"]:
        words = [verb, *objects]
    elif lemma == "swear" and [p.lower_ for p in prt] == ["in"]:
        words = [verb, *prt]
    else:
        return None
    # the office: "took over *as mayor*", or the subject's ("the chief executive, Ada Lind, took over",
    # "Ada Lind, the new chief executive, took over")
    said = [p for c in kids if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    for s in (c for c in kids if c.dep_ in ("nsubj", "nsubjpass")):
        if s.lower_ in ("who", "that") and verb.dep_ == "relcl":
            # "Chief executive Lena Hartvig, who took over in 2029": the office of whom the clause is said
            s = verb.head
            said += [c for c in s.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        said += [s] + [a for a in s.children if a.dep_ == "appos"]
    offices = [o for o in (_office_of(t, own) for t in said) if o is not None]
    if offices:
        return words, offices[0]
    if any(_role(t, own) is not None for t in said):
        return None  # an office the events do not know
    return words, "take office"


def _office_of(noun, own) -> str | None:
    """The event key of taking the office ``noun`` names ("chief executive": "take office chief
    executive"; "CEO" folds to it), None where it names none the events know, or names whose
    office it is ("CEO of Orrin")."""
    role = _role(noun, own) if noun is not None else None
    if role is None or isinstance(_owner_of_thing(noun, own, places_own=True)[0], str):
        return None  # "became CEO of Orrin" / "became CEO of Valdor": two offices, which one key would join
    key = f"take office {role.words}"
    return key if key in OFFICES else None


def _noun_event_words(noun) -> list:
    """An event noun with the phrase that completes it ("entry *into force*")."""
    words = [noun]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _COMPLETING_PREPS:
            words += [c] + [p for p in c.children if p.dep_ == "pobj"]
    return words


def _bound_event(root, own, words: list, event: str, tok=None, rescheduled: bool = False) -> Binding:
    """The binding of a date whose event is ``words`` (lemmas ``event``): whose event it is."""
    if tok is not None and event_key(event) in PART_EVENTS:
        # "the prohibition of listed systems is implemented", "application begins with prohibited
        # practices": the part of the law the date is of, written with the event's words
        words = sorted(set(words) | set(_part_of_law(tok, words, own)), key=lambda t: t.i)
    # the event's noun may name its holder ("construction of the Brisa bridge", "production at Valdor")
    nouns = [t for t in words if t.pos_ == "NOUN" and t.i not in own]
    # an ordinal thing the event is of or at ("production at the second fab", "construction of
    # its third plant") is whose event it is, before the clause's subject
    thing = _event_thing(words, own)
    owner = _event_owner(nouns[-1], own) if rescheduled and thing is None and nouns else None
    verb = tok if tok is not None and tok.pos_ == "VERB" else None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i not in own and c.pos_ in ("NOUN", "PROPN")), None) if verb else None
    if thing is None and obj is not None:
        thing = _ordinal_thing(obj, own)  # "Orrin opened its first store in 2010": the first store's opening
    named = _named_object(obj) if obj is not None and thing is None else None
    if owner is not None:  # "the opening of the Brisa bridge was postponed": the moved event's noun says whose
        holder, ref = owner, False
    elif named is not None:  # "Orrin launched the X2 drone in 2023": the drone's launch, not Orrin's
        holder, ref = named, False
    elif thing is None and obj is not None and event_key(event) in _DONE_TO_OBJECT and obj.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in obj.lefts
    ):
        # "the commission proposed the act in 2028": the act's proposal, as "the act was proposed in
        # 2028" says; which act, the sentences before say
        holder, ref = _strip(_phrase(obj)[1] or obj.text), True
    else:
        holder, ref = (thing, False) if thing is not None else _holder(root, None, own)
    if holder is None and not ref and nouns:
        holder = _event_owner(nouns[-1], own)
    place = None
    if isinstance(holder, _Thing):  # "the second mill will start production": the mill's, of its owner
        thing, holder, ref, place = holder, holder.owner, holder.owner_ref, holder.place
    if place is None and tok is not None:
        # where the event happened: "opened a store in Lyon in 2024", "opened its Austin plant"
        place = _place(root, obj, holder if isinstance(holder, str) else None)
    return Binding(holder=holder, holder_ref=ref, place=place, event=event, event_words=" ".join(t.text for t in words),
                   thing=thing.words if thing is not None else None, rescheduled=rescheduled)


#: Events done to the object of their verb, whose date is the object's ("proposed the act", "signed
#: the treaty", "launched the drone"), as the passive says ("the act was proposed").
_DONE_TO_OBJECT = frozenset({"propose", "adopt", "publish", "sign", "launch", "announce", "complete"})


def _priced_thing(verb, root, own) -> str | None:
    """The named thing an amount measured by its verb is paid or asked for: the verb's named object
    ("acquired *Valdor* for $2 billion") or a named "for" object ("paid $2 billion *for Valdor*"),
    a product, organisation or law (:func:`_named_object`), the "for" phrase on the verb or on the
    amount (``root``); None otherwise ("raised $40 million from investors", "invested $40 billion in
    Arizona": a place says where)."""
    for c in [*verb.children, *(c for c in root.children if c.dep_ in ("prep", "dative"))]:
        if c.dep_ == "dobj" and c.i not in own and c.pos_ in ("NOUN", "PROPN"):
            named = _named_object(c)
            if named is not None:
                return named
        if c.dep_ in ("prep", "dative") and c.lower_ == "for":
            for p in c.children:
                if p.dep_ == "pobj" and p.i not in own and p.pos_ in ("NOUN", "PROPN"):
                    named = _named_object(p)
                    if named is not None:
                        return named
    return None


def _named_object(obj) -> str | None:
    """The name of the thing an event verb's object names, where it is a product, an organisation or
    a law rather than a place: "launched *the X2 drone*", "released *Kestrel*", "adopted *the
    Harbour Act*"; None for a common noun ("opened a store") or a place's thing ("its Austin
    plant": the place says which)."""
    if _is_named(obj) and obj.ent_type_ not in PLACE_LABELS and not obj.like_num:
        return _name_of(obj)
    if obj.pos_ == "NOUN" and not any(c.dep_ == "compound" and c.ent_type_ in PLACE_LABELS for c in obj.lefts):
        return _compound_name(obj)
    return None


#: Verbs that move an event's date ("postponed", "delayed", "pushed back", "moved").
_MOVING = CHANGE_WORDS | {"move"}
#: Prepositions before the date an event is moved to ("postponed *to* 2028", "*until* May",
#: "slipped *into* 2026", "rescheduled *for* June"); "from" gives the date it was moved from.
_NEW_DATE_PREPS = frozenset({"to", "until", "till", "into", "for"})


def _moved_event(verb, prep: str | None, own) -> tuple[list, str] | None:
    """``(words, lemmas)`` of the event a verb of moving a date moves to the date after ``prep``:
    its passive subject, object or subject that names an event ("the opening was postponed to
    2028", "Velda delayed the launch to 2027", "production slipped into 2026"), or the event noun
    the verb's participle describes ("the opening, postponed to 2028"). A thing that happens over
    time (production, construction) is moved at its start. None for another verb, the date it
    was moved *from* (the plan it replaced, which no longer dates the event), or a moved thing
    that names no event ("the second plant was delayed to 2028": its opening or its production?)."""
    if verb.pos_ == "ADV" and verb.dep_ in ("advmod", "prt") and verb.head.i != verb.i:
        verb = verb.head  # "pushed back to 2029": the date's "to" hangs on the particle
    if verb.pos_ != "VERB" or prep not in _NEW_DATE_PREPS or verb.lemma_.lower() not in _MOVING or _negated(verb):
        return None
    candidates = [c for dep in ("nsubjpass", "dobj", "nsubj") for c in verb.children if c.dep_ == dep]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        candidates.append(verb.head)
    for noun in candidates:
        if noun.pos_ != "NOUN" or noun.i in own:
            continue
        words = sorted(_noun_event_words(noun), key=lambda t: t.i)
        event = " ".join(t.lemma_.lower() for t in words)
        if event_key(event) is not None:
            return words, event
        if event_key(f"start {event}") is not None:
            return words, f"start {event}"
    return None


#: Nouns that name a law (singular): not a part of it ("the regulation applies"), the head of a
#: description that refers to one ("the rules"), the last word of its name ("the AI Act").
LAW_WORDS = frozenset("act law regulation directive rule bill code legislation statute ordinance".split())


def _part_of_law(tok, words, own) -> list:
    """The words naming which part of a law an event of :data:`~checker.frame.events.PART_EVENTS`
    is of: the event verb's subject or object that is a common noun ("the *prohibition* of the
    listed *scoring systems* is implemented", "*obligations* for model *providers* apply"), a
    "with" phrase ("application begins *with prohibited practices*"), an event noun's "of/for"
    phrase; each noun with its modifiers, never a name (the law's own) nor a phrase with a number
    (another date's)."""
    taken = {t.i for t in words}
    out = []

    def noun(t) -> None:
        if t.pos_ != "NOUN" or t.i in own or t.i in taken or t.lemma_.lower() in LAW_WORDS:
            return
        if any(x.like_num for x in t.subtree):
            return
        out.append(t)
        out.extend(c for c in t.children if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN" and c.i not in own)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "on"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.i not in own:
                        out.append(p)
                        out.extend(m for m in p.children if m.dep_ in ("amod", "compound") and m.pos_ != "PROPN")

    heads = [tok] + ([tok.head] if tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                noun(c)
            elif c.dep_ == "prep" and c.lower_ == "with" and not any(x.like_num for x in c.subtree):
                for p in c.children:
                    if p.dep_ == "pobj":
                        noun(p)
    for t in words:
        if t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "with"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            noun(p)
    return out


def sentence_event(doc) -> tuple[str, str] | None:
    """``(lemmas, words)`` of the event a sentence with no date of its own tells of, from its main
    verb or the verb that verb governs ("obligations *began to apply*", "provisions *took
    effect*"), with the part of a law an apply or take-effect event is of (see
    :func:`_part_of_law`); None for a sentence with a date (its event is that date's), a verb
    that names no event, or a negated one. The paragraph under a timeline entry ("February 2,
    2025 — Prohibitions") says what happened on the entry's date."""
    if any(t.ent_type_ == "DATE" or (t.like_num and len(t.text) == 4) for t in doc):
        return None
    for root in (t for t in doc if t.dep_ == "ROOT"):
        # the main verbs: the root and the verbs joined to it ("... (prohibited practices) and
        # ... obligations began to apply", parsed with "prohibited" for the root), each after the
        # verb it governs ("began to *apply*")
        mains = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        for tok in [t for v in mains for t in [c for c in v.children if c.dep_ == "xcomp"] + [v]]:
            if tok.pos_ not in ("VERB", "AUX") or _negated(tok) or _negated(root):
                continue
            words = _event_of_verb(tok, frozenset())
            event = " ".join(t.lemma_.lower() for t in words)
            key = event_key(event)
            if key is None:
                continue
            if key in PART_EVENTS:
                words = sorted(set(words) | set(_part_of_law(tok, words, frozenset())), key=lambda t: t.i)
            return event, " ".join(t.text for t in words)
        break  # the first sentence's main clause only
    return None


def _event_of_verb(verb, own) -> list:
    """The verb with its particle or completing phrase; a light verb with its object or subject."""
    words = [verb]
    for c in verb.children:
        if c.dep_ == "prt":
            words.append(c)
        elif c.dep_ == "prep" and c.lower_ in _COMPLETING_PREPS:
            words += [c] + [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("acomp", "advmod", "dobj") and c.lower_ in _COMPLETING_PREPS:
            words.append(c)  # "go live", "take effect"
    if verb.lemma_.lower() in _LIGHT:
        content = _light_content(verb, own)
        if content is None and verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
            content = _light_content(verb.head, own)  # "production is slated to begin"
        if content is None:
            content = _described_noun(verb, own)  # "with production slated to begin in 2028"
        if content is not None:
            ready = [t for t in verb.subtree if t.lower_ == "ready" and t.i < content.i]
            if ready:  # "ready for commercial production"
                return [ready[0]] + ([content.head] if content.head.lower_ == "for" else []) + [content]
            kind = []
            if content.lemma_.lower() == "work":
                # "building work started", "construction work began": the work its noun says
                kind = [c for c in content.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "VERB") and c.i not in own][-1:]
            return ([] if verb.lemma_.lower() == "be" else [verb]) + kind + [content]  # "begin production"
    return sorted(set(words), key=lambda t: t.i)


def _event_owner(noun, own) -> str | None:
    """The thing an event's noun names in an "of/at/on" phrase: "construction of the Brisa
    bridge", "production at the Valdor plant" (a name, or a name compounded with a noun)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "on"):
            for p in c.children:
                if p.dep_ == "pobj" and p.i not in own:
                    if c.lower_ == "at" and p.ent_type_ in PLACE_LABELS:
                        continue  # "production at Phoenix": where, not whose
                    if _is_named(p):
                        return _name_of(p)
                    if p.pos_ == "NOUN":
                        return _compound_name(p)
    return None


def _described_noun(verb, own):
    """The common noun a participle clause describes, which is the light verb's subject:
    "production slated to begin" (the verb an xcomp of the participle), "production starting"."""
    clause = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else verb
    if clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG") and clause.head.pos_ == "NOUN" and clause.head.i not in own:
        return clause.head
    return None


def _light_content(verb, own):
    """The noun a light verb is about: its object, its "for" noun, or its common-noun subject."""
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN" and c.i not in own:
            return c
    for c in verb.children:
        if c.dep_ in ("acomp",):
            got = _light_content(c, own)
            if got is not None:
                return got
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN":
                    return p
    for c in _subjects(verb):
        if c.pos_ == "NOUN" and c.i not in own:
            return c
    return None
