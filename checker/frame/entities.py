"""Entity facts of a parsed claim sentence: a place or an organisation bound to a thing by a relation.

"The Orrin supercomputer is housed in Lisbon" states a fact with no figure: the *location* of
the Orrin supercomputer is Lisbon. Another document that houses it in Porto conflicts with it,
as two figures of one measure do. :func:`entity_bindings` reads such facts off the dependency
parse of one sentence (spaCy, :mod:`checker.frame.nlp`); :mod:`checker.frame.facts` turns each
into a :class:`~checker.model.Fact` of kind ``entity`` (``figure`` None, ``value`` the name,
``measure`` the relation key, ``qualifier`` the value's entity label, ``place`` where the value
itself lies when the sentence says so). Relations, by the words that state them:

* **location**: a thing located, based, housed, sited, situated, installed or stationed in or at
  a place ("the Orrin machine is housed in Lisbon", "installed at the Halden Centre", "Housed in
  Lisbon, the machine ...", "the Lisbon-based firm Orvane"); the thing is the verb's passive
  subject, the noun the participle modifies, the main clause's subject for a participle clause,
  or the object of an active verb ("Norden installed the machine in Porto").
* **headquarters**: headquartered in or at a place, or a "headquarters in/at" a place ("Velmar
  Bank, which is headquartered in Porto", "the headquarters of Velmar are in Porto").
* **winner**: who won, secured, landed or clinched a contract, tender, bid, concession, licence,
  order or deal ("Halvard won the Velmar contract"), or to whom a thing was awarded or granted
  ("the contract was awarded to Halvard", "Norden awarded Halvard the contract", "Halvard was
  awarded the contract"); the thing is the contract.
* **builder**: by whom a thing was built, made, manufactured, constructed or assembled ("built
  by Korvell"), or who built, manufactured, constructed or assembled it ("Korvell built the
  Tessaly cluster").
* **adopter**: the body by which a thing was passed, adopted, approved, ratified or enacted, or
  which passed a law, bill, regulation, treaty or budget ("the Tarn Act was passed by the Senate",
  "the Senate passed the Tarn Act"; not "the Tarn Act passed the Senate").
* **operator**: by whom a thing is operated, run or managed, or who operates or manages it.

A value is a name (a proper noun or a named entity that is not a date or a figure), the whole
entity it is part of, and each name joined to it by "and" ("in Lisbon and Porto"). A value's
own place comes from an "in" phrase after it or an appositive ("the Halden Centre in
Knoxville", "Knoxville, Tennessee"). The thing (the fact's holder) is named through the
binder's name helpers (:mod:`checker.frame.binding`): a name, a name compounded with a noun
("the Orrin supercomputer"), a noun with a named possessor or "of" name ("Velmar's data
centre"); a pronoun or a definite description ("it", "the contract") is a reference that the
caller resolves from the context around the sentence (:mod:`checker.frame.context`). A thing
that is neither (an indefinite "a supercomputer", a plural class of things: "AI firms located
in Lisbon") gives no fact.

Claims are sentences that state a figure or a date (:mod:`checker.extract.claims`), so entity
facts are read only in those sentences; "The Orrin machine is housed in Lisbon." with no
figure and no date is no claim and states no fact here. General English patterns only; nothing
is tuned to any evaluation text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .binding import VALUE_LABELS, _REFERRING, _compound_name, _is_named, _name_of, _strip

#: Verbs (lemmas, with the forms a tagger may leave unlemmatised) that place a thing, and the
#: relation they state.
_PLACING = {
    "locate": "location", "base": "location", "house": "location", "site": "location",
    "situate": "location", "install": "location", "instal": "location", "station": "location",
    "headquarter": "headquarters", "headquartered": "headquarters",
}
#: Verbs that tie a thing to an organisation, the relation, and whether the active voice counts
#: too ("Korvell built X"; "made" and "run" only with a "by" agent: "made a profit", "run tests").
_TYING = {
    "build": ("builder", True), "manufacture": ("builder", True), "construct": ("builder", True),
    "assemble": ("builder", True), "make": ("builder", False),
    "pass": ("adopter", True), "adopt": ("adopter", True), "approve": ("adopter", True),
    "ratify": ("adopter", True), "enact": ("adopter", True),
    "operate": ("operator", True), "manage": ("operator", True), "run": ("operator", False),
    "win": ("winner", True), "secure": ("winner", True), "land": ("winner", True), "clinch": ("winner", True),
}
#: Verbs that give a thing to a winner ("awarded to O", "awarded O the contract").
_GIVING = frozenset({"award", "grant"})
#: What is won: a winner fact needs its thing to be one of these (not "won 30% of the market").
_WON = frozenset("contract tender bid concession licence license order deal franchise procurement".split())
#: What is passed or adopted in the active voice ("the Senate passed the Tarn Act"; not "the Tarn
#: Act passed the Senate", where the law is the subject): a law by its label or its head noun.
_LAWS = frozenset("act bill law regulation directive ordinance treaty statute budget resolution amendment charter code".split())
#: Prepositions that place a thing.
_AT = frozenset({"in", "at"})


@dataclass(frozen=True)
class EntityBinding:
    """One entity fact of a sentence; offsets are into the sentence's text."""

    relation: str  # "location", "headquarters", "winner", "builder", "adopter", "operator"
    value: str  # the name, as written ("Lisbon", "Kestrel Systems")
    label: str  # the value's entity label ("GPE", "ORG", "FAC", ...), "" when the tagger gave none
    start: int
    end: int
    words: str  # the words that state the relation ("housed in", "awarded to")
    holder: str | None  # the thing, as named in the sentence
    holder_ref: bool = False  # the thing is a pronoun or a definite description
    place: str | None = None  # where the value itself lies ("Knoxville" for "the Halden Centre in Knoxville")


def entity_bindings(doc) -> list[EntityBinding]:
    """The entity facts of the parsed sentence ``doc``, in the order of their values."""
    found: list[EntityBinding] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        text = tok.lower_
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.tag_ in ("VBN", "VBD"):
            stems = (text[:-1], text[:-2]) if text.endswith("ed") else (text[:-1],) if text.endswith(("d", "s")) else ()
            placing = next((_PLACING[w] for w in (lemma, text, *stems) if w in _PLACING), None)
            if placing is not None:  # the lemma, else the form stripped of "-d", "-ed", "-s" ("sited" read as "sit")
                found += _placed(tok, placing)
            elif lemma in _TYING:
                found += _tied(tok, *_TYING[lemma])
            elif lemma in _GIVING:
                found += _given(tok)
        if tok.pos_ == "NOUN" and text == "headquarters":
            found += _headquarters(tok)
    seen: set[tuple[str, int]] = set()
    out = []
    for b in sorted(found, key=lambda b: (b.start, b.relation)):
        if (b.relation, b.start) not in seen and b.holder != b.value:
            seen.add((b.relation, b.start))
            out.append(b)
    return out


# --------------------------------------------------------------------------- values

def _value_tokens(tok) -> list:
    """The name ``tok`` heads and the names joined to it by "and"/"or"."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _value_tokens(c)
    return out


def _names(tok) -> list:
    return [t for t in _value_tokens(tok) if _is_named(t) and t.ent_type_ not in VALUE_LABELS and not t.like_num]


def _binding(relation: str, value_tok, words: str, holder: tuple[str | None, bool]) -> EntityBinding | None:
    name, ref = holder
    if name is None and not ref:
        return None
    value = _name_of(value_tok)
    if not value:
        return None
    span = _entity_span(value_tok)
    return EntityBinding(relation, value, value_tok.ent_type_, span[0], span[1], words, name, ref, _own_place(value_tok))


def _entity_span(tok) -> tuple[int, int]:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.start_char, ent.end_char
    return tok.idx, tok.idx + len(tok.text)


def _own_place(tok) -> str | None:
    """Where a value lies: an "in" phrase after it or an appositive place ("Knoxville, Tennessee")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and _is_named(p) and p.ent_type_ not in VALUE_LABELS:
                    return _name_of(p)
        if c.dep_ == "appos" and c.ent_type_ in ("GPE", "LOC") and c.i > tok.i:
            return _name_of(c)
    return None


# --------------------------------------------------------------------------- things (holders)

def _thing(tok) -> tuple[str | None, bool]:
    """``(name, is a reference)`` of the thing a noun or pronoun stands for; ``(None, False)``
    when it names nothing ("a supercomputer", "30%")."""
    if tok is None or tok.ent_type_ in VALUE_LABELS or tok.like_num:
        return None, False
    if tok.pos_ == "PRON" or tok.lower_ in _REFERRING:
        return None, True
    if _is_named(tok):
        return _name_of(tok), False
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS":
        return None, False  # a plural noun is a class of things ("1,200 AI enterprises"), not one thing
    name = _compound_name(tok)
    if name is not None:
        return _strip(name), False
    for c in tok.children:
        if c.dep_ == "poss":
            if _is_named(c):
                return f"{_name_of(c)} {tok.text}", False  # "Velmar's data centre": the centre, not Velmar
            return None, True  # "its data centre"
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and _is_named(p):
                    return f"{_name_of(p)} {tok.text}", False
    if any(d.lower_ in ("the", "this", "that", "these", "those") for d in tok.lefts):
        # "the contract": a definite description, its words kept for the context to resolve (the
        # previous sentence's subject of the same noun is the same thing)
        words = [t.text for t in tok.lefts if t.dep_ in ("amod", "compound") and not t.like_num] + [tok.text]
        return " ".join(words), True
    return None, False


def _subject(verb, deps=("nsubjpass", "nsubj")):
    for dep in deps:
        for c in verb.children:
            if c.dep_ == dep:
                return c
    return None


def _object(verb):
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    return None


def _passive_thing(verb):
    """What a passive verb or participle is about: its passive subject, the noun it modifies
    ("the machine, installed in ...", "a bank which is headquartered in ..."), or the main
    clause's subject for a participle clause ("Housed in Lisbon, the machine ...")."""
    subj = _subject(verb, ("nsubjpass",))
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        return verb.head
    if subj is not None:
        return subj
    if verb.dep_ in ("acl", "amod", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return _subject(verb.head)
    if verb.dep_ == "conj":
        return _passive_thing(verb.head) if verb.head.tag_ == "VBN" else _subject(verb.head, ("nsubjpass",))
    return None


def _is_passive(verb) -> bool:
    return (
        any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
        or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl", "relcl"))
    )


# --------------------------------------------------------------------------- relations

def _placed(verb, relation: str) -> list[EntityBinding]:
    """A thing located, housed, headquartered ... in or at a place."""
    out = []
    if _is_passive(verb) or verb.dep_ in ("acl", "amod"):
        thing = _thing(_passive_thing(verb))
    else:
        thing = _thing(_object(verb))
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _AT:
            for p in c.children:
                if p.dep_ == "pobj":
                    for v in _names(p):
                        b = _binding(relation, v, f"{verb.text} {c.text}", thing)
                        if b is not None:
                            out.append(b)
        elif c.dep_ in ("npadvmod", "compound") and c.i < verb.i and verb.dep_ == "amod":
            for v in _names(c):  # "the Lisbon-based firm"
                b = _binding(relation, v, f"{c.text}-{verb.text}", thing)
                if b is not None:
                    out.append(b)
    return out


def _headquarters(noun) -> list[EntityBinding]:
    """"Its headquarters in Porto", "the headquarters of Velmar are in Porto", "Velmar has its
    headquarters in Porto"."""
    owner: tuple[str | None, bool] = (None, False)
    for c in noun.children:
        if c.dep_ == "poss":
            owner = (_name_of(c), False) if _is_named(c) else (None, True)
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    owner = _thing(p)
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _AT]
    verb = noun.head if noun.dep_ in ("nsubj", "dobj", "attr") else None
    if verb is not None and verb.lemma_.lower() in ("be", "have", "keep", "maintain"):
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _AT]
        if owner == (None, False) or (owner[1] and noun.dep_ == "dobj"):
            subj = _subject(verb, ("nsubj",))
            if subj is not None and subj.i != noun.i:
                owner = _thing(subj)
    out = []
    for c in preps:
        for p in c.children:
            if p.dep_ == "pobj":
                for v in _names(p):
                    b = _binding("headquarters", v, f"{noun.text} {c.text}", owner)
                    if b is not None:
                        out.append(b)
    return out


def _tied(verb, relation: str, active: bool) -> list[EntityBinding]:
    """A thing built, passed, operated, won ... by a named organisation."""
    out = []
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        thing_tok = _passive_thing(verb)
        for a in agents:
            for v in _names(a):
                if relation == "winner" and not _won(thing_tok):
                    continue
                b = _binding(relation, v, f"{verb.text} by", _thing(thing_tok))
                if b is not None:
                    out.append(b)
        return out
    if not active or _is_passive(verb):
        return out
    subj, obj = _subject(verb, ("nsubj",)), _object(verb)
    if obj is not None and obj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        obj = verb.head  # "the Tarn Act, which the Senate passed"
    if subj is None or obj is None or (relation == "winner" and not _won(obj)):
        return out
    if relation == "adopter" and (not _law(obj) or _law(subj)):
        return out  # "Kestrel passed the milestone", "the Tarn Act passed the Senate"
    for v in _names(subj):
        b = _binding(relation, v, verb.text, _thing(obj))
        if b is not None:
            out.append(b)
    return out


def _law(tok) -> bool:
    return tok.ent_type_ == "LAW" or tok.lemma_.lower() in _LAWS


def _won(tok) -> bool:
    return tok is not None and tok.lemma_.lower() in _WON


def _given(verb) -> list[EntityBinding]:
    """"The contract was awarded to Halvard", "Norden awarded Halvard the contract", "Halvard
    was awarded the contract"."""
    out = []
    passive = _is_passive(verb)
    obj = _object(verb)
    winners, thing_tok = [], None
    for c in verb.children:
        if c.dep_ == "dative" and c.lower_ == "to" or (c.dep_ == "prep" and c.lower_ == "to"):
            winners += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
            winners.append(c)  # "awarded Halvard the contract"
    if winners:
        thing_tok = _passive_thing(verb) if passive else obj
    elif passive and obj is not None:
        subj = _subject(verb, ("nsubjpass",))
        if subj is not None:
            winners, thing_tok = [subj], obj  # "Halvard was awarded the contract"
    words = f"{verb.text} to" if passive and thing_tok is not obj else verb.text
    for w in winners:
        for v in _names(w):
            b = _binding("winner", v, words, _thing(thing_tok))
            if b is not None:
                out.append(b)
    return out
