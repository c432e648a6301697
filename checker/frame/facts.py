"""Facts of a document's claims: one :class:`~checker.model.Fact` per figure and per date, and
(parsed claims only) one per place or organisation a relation binds to a thing
(:mod:`checker.frame.entities`: "housed in Lisbon", "awarded to Halvard"), after them.

With a spaCy pipeline (the default, :mod:`checker.frame.nlp`) each claim sentence is parsed
once (``nlp.pipe`` over the claims of a batch of documents, :func:`documents_facts`) and each figure bound by
:mod:`checker.frame.binding` to its measure, holder, place and (for a date) event; a holder
the sentence leaves to a pronoun, a definite description or nothing is taken from the
discourse around it (:mod:`checker.frame.context`: the previous sentence, the heading, the
title), and the slot says which. A figure or date of an ordinal thing ("Kessler's second mill",
"the second mill") is held by its owner and the thing ("Kessler second mill"), the owner taken
from the sentence or the discourse as above, else by the thing alone ("second mill"). The time comes from
:func:`checker.frame.timeframe.fact_time` anchored at the document's date (a month or a day of no
year, "in April", "on October 2", read by the tense of the verb it hangs on); modality from the
sentence's words, and a body figure in the simple present dated after its page is a plan ("goes
on sale on October 2"); a claim whose main verb the parse finds in the past is told in the past
(``Claim.past_tense``), whatever the verb; a figure's direction from the word that governs it
(:func:`checker.frame.direction.figure_direction`: "rose 5%" up, "cut 300 jobs" down), a date's
the side of the event it dates (:func:`checker.frame.direction.event_side`: "joined" begins,
"left" ends, "rejoined" begins again).

A Chinese sentence, which the English pipeline cannot parse, is bound by its own markers
(:mod:`checker.frame.chinese`: an organisation's name, an event verb beside its date, a measure
before its figure). Without a pipeline (``nlp=None``) the cheap path binds the rest: the measure is the noun the quantity
extractor read after the figure, the holder the sentence's first proper name, the direction
the sentence's (:func:`direction`: up or down when its words go one way only).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import Sequence

from ..extract.claims import document_claims
from ..extract.terms import is_past_tense
from ..model import Claim, Document, Fact, Slot
from .binding import EXPECTING, WORLD, Binding, bind, governing_verb, mark_values, unbound_names
from .cells import cell_reading
from .chinese import bind_chinese, is_chinese
from .context import REPORTING, DocumentContext, of_an_organisation, referring_subject
from .direction import event_side, figure_direction
from .entities import entity_bindings
from .events import event_key
from .keys import name_within
from .nlp import one_thread
from .timeframe import fact_time, period_bounds

#: Sentences the spaCy pipeline parses together (``nlp.pipe``'s batch size): all the claims of a
#: batch of documents at once; the parses are the same whatever the batch (the parser and the
#: recogniser read each sentence alone), and larger batches are a little faster than 64.
PIPE_BATCH = 256

#: Words that make a figure a plan or target, a forecast or estimate, or a reported claim.
_MODALITY = (
    ("plan", re.compile(
        r"\b(plans? to|should|(?:is|are) set to|(?<!the )(?<!its )(?<!their )plans?(?=\s+(?:about |around |up to |some |more than |nearly )?\d)|planning|planned|aims? to|targets?|targeting|will|slated|scheduled|(?:(?<=\bis )|(?<=\bare ))due to (?=(?:open|start|begin|launch|"
        r"close|complete|be|take|come|enter|end|finish|expire|arrive|reopen|resume|deliver|ship|go)\b))", re.I)),
    ("forecast", re.compile(r"\b(expected|expects?|forecasts?|estimated?|projected|projects?|predicted|on track to|poised to)\b", re.I)),
    ("reported", re.compile(r"\b(reportedly|according to|said to|is reported)\b", re.I)),
)
_UP = re.compile(r"\b(rose|rises?|risen|increased?|increases|grew|grow|up|climbed|jumped|gained)\b", re.I)
_DOWN = re.compile(r"\b(fell|falls?|fallen|dropped|drops?|declined?|decreased?|down|shrank|slipped)\b", re.I)


def modality(sentence: str, parsed=None, span: tuple[int, int] | None = None) -> str:
    """``actual``, ``plan``, ``forecast`` or ``reported`` for the words of ``sentence``; with its
    parse, an estimate of what happened ("researchers estimated that Bern *produced* 3 million
    tonnes", a past tense under the estimating verb) is a reported outcome, not a forecast; and
    with the span of one figure, a word that governs no clause above the figure says nothing of
    it ("The joint venture, capitalised at ¥2.3 billion, *will* deploy ...": the figure sits in
    the subject, the plan is the deploying)."""
    for name, pattern in _MODALITY:
        for m in _modal_words(name, pattern, sentence):
            if m.group(0).lower() in _NOUN_TOO and not _verb_at(sentence, parsed, m):
                continue  # "the project received $40 million": the thing, not a projection
            if parsed is not None and span is not None and not _governs(parsed, m.start(), span):
                continue
            if name == "forecast" and parsed is not None and _estimates_the_past(parsed, m.start()):
                return "reported"
            return name
    return "actual"


#: A reported intention: "would" in what a named speaker said, announced or promised ("Northwind
#: said it would cut 1,200 jobs" is its plan, as "Northwind plans to cut" is); a "would" with no
#: such verb before it in its clause is a condition or a hypothesis ("would have cost $2 billion").
_WOULD = re.compile(r"\bwould\b", re.I)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|pledged|promised|vowed|agreed|decided|told)\b[^.;:]{0,60}$", re.I
)


def _modal_words(name: str, pattern: re.Pattern, sentence: str):
    """The matches of ``pattern`` in ``sentence``, and for plans each reported "would" too."""
    yield from pattern.finditer(sentence)
    if name == "plan":
        for m in _WOULD.finditer(sentence):
            if _SAID_BEFORE.search(sentence, 0, m.start()):
                yield m


#: Words of :data:`_MODALITY` that are as often a noun that is no forecast ("the project", "the
#: projects"): modal only as a verb ("Orrin projects revenue of $5 billion", "projects to").
_NOUN_TOO = frozenset({"project", "projects"})


def _verb_at(sentence: str, parsed, m: re.Match) -> bool:
    """The word ``m`` matched is a verb: so tagged in the parse, or, with no parse, followed by
    "to" or "that" ("projects to reach", "projects that")."""
    if parsed is not None:
        word = next((t for t in parsed if t.idx == m.start()), None)
        if word is not None:
            return word.pos_ in ("VERB", "AUX")
    return re.match(r"\s+(?:to|that)\b", sentence[m.end():]) is not None


def _governs(parsed, offset: int, span: tuple[int, int]) -> bool:
    """The word at ``offset`` (a modal, a verb of planning, "according to") bears on the figure at
    ``span``: its clause's head is an ancestor of the figure reached without passing through the
    clause's subject (a figure in the subject's phrase, or in a clause describing it, is stated,
    not planned)."""
    word = next((t for t in parsed if t.idx == offset), None)
    figure = parsed.char_span(span[0], span[1], alignment_mode="expand")
    if word is None or figure is None:
        return True  # no alignment: the sentence's word stands
    head = word if word.pos_ in ("VERB", "AUX", "ADJ") and word.dep_ not in ("aux", "auxpass") else word.head
    tok = figure.root
    for _ in range(40):
        if tok.i == head.i:
            return True
        if tok.dep_ in ("nsubj", "nsubjpass", "csubj") and tok.head.i == head.i:
            return False  # the figure is in the subject of the clause the word governs
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _estimates_the_past(parsed, offset: int) -> bool:
    """The estimating word at ``offset`` governs a clause in the past tense with no "will"."""
    for tok in parsed:
        if tok.idx == offset:
            for c in tok.children:
                if c.dep_ == "ccomp" and c.tag_ == "VBD" and not any(a.lower_ in ("will", "would") for a in c.children):
                    return True
            return False
    return False


def direction(sentence: str) -> str | None:
    """``up`` or ``down`` when the sentence states a change one way only, else None."""
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    return "up" if up and not down else "down" if down and not up else None


def claim_facts(
    claim: Claim, anchor: str | None, anchor_source: str = "document date", parsed=None,
    context: DocumentContext | None = None, memo: dict | None = None,
) -> tuple[Fact, ...]:
    """The facts of one claim, ids ``<claim id>.f<n>``; ``parsed``: the claim's sentence as the
    spaCy pipeline parsed it (None: the cheap path). ``memo``: a dict kept for this claim across
    calls (:func:`documents_facts` binds twice), in which what depends on the parse alone (the
    bindings, modalities, directions, entities, unbound names) is computed once."""
    facts: list[Fact] = []
    cheap_holder = Slot(claim.subjects[0], claim.subjects[0], "sentence") if claim.subjects else None
    mode, sense = modality(claim.text, parsed), direction(claim.text)
    chinese = parsed is None and is_chinese(claim.text)  # bound by its own markers (frame/chinese)
    if parsed is not None:
        mark_values(parsed, [_with_unit(claim.text, q) for q in claim.quantities] + [(d.start, d.end) for d in claim.dates])
    asides = _once(memo, "asides", aside_spans, parsed) if parsed is not None and claim.dates else ()
    past = claim.past_tense  # (on the parse, already read from it: :func:`_parsed_facts`)
    # how a month or a day of no year reads: by the sentence's modality and tense, or, on the
    # parse, by the tense of the verb it hangs on ("opened in May and will employ 120 ...")
    ahead = True if mode in ("plan", "forecast") else False if past else None
    if parsed is not None:
        ahead = partial(_tense_at, parsed, ahead)
    for i, q in enumerate(claim.quantities):
        part = None
        dates = tuple(d for d in claim.dates if not _set_aside(d, (q.start, q.end), asides)) if asides else claim.dates
        time = fact_time(dates, (q.start, q.end), anchor, sentence=claim.text, anchor_source=anchor_source,
                         change=q.change is not None, ahead=ahead)
        if parsed is None and chinese:
            b = bind_chinese(claim.text, q.start, q.end, "quantity")
            words = b.measure or q.noun
            measure = Slot(words.lower(), words, "sentence") if words else None
            holder, place = _slot(b.holder) or cheap_holder, None
        elif parsed is None:
            measure = Slot(q.noun.lower(), q.noun, "sentence") if q.noun else None
            holder, place = cheap_holder, None
        else:
            b = _once(memo, ("bind", i), bind, parsed, q.start, q.end, "quantity", q.noun, q.kind)
            measure = Slot(b.measure, b.measure_words or b.measure, "sentence") if b.measure else None
            holder, place = _holder_slot(b, claim, context, parsed, (q.start, q.end), memo), _slot(b.place)
            part = _slot(b.part)
            cell = _once(memo, "cell", cell_reading, claim.text, parsed)
            if cell is not None and q.start >= cell.value_start:  # a table cell: its labels say whose and what
                holder = Slot(cell.holder, cell.holder, "table header")
                measure = Slot(cell.measure, cell.measure_words, "table header")
                part = None
        if q.equivalent_of is not None and q.equivalent_of < len(facts):
            # "344 billion yuan ($47.5 billion)": a restatement is the same fact in another currency
            restated = facts[q.equivalent_of]
            measure, holder, place, part = restated.measure, restated.holder, restated.place, restated.part
        figure_mode = _once(memo, ("mode", i), _mode, claim, parsed, q, mode)
        if figure_mode == "actual" and parsed is not None and claim.section in ("body", "quote") and _after(time, anchor) and (
            _present_at(parsed, q.start)
        ):
            # "goes on sale on October 2 in 16 countries" on a page of October 1: to happen (not a
            # headline's or a summary's present, which tells what happened: "Sulawesi installs 16 GW")
            figure_mode = "plan"
        facts.append(
            Fact(f"{claim.id}.f{len(facts) + 1}", "quantity", i, q.text, measure=measure, holder=holder,
                 time=time, place=place, modality=figure_mode, qualifier=q.qualifier,
                 direction=sense if parsed is None else _once(memo, ("direction", i), figure_direction, parsed, q.start, q.end),
                 part=part)
        )
    for i, d in enumerate(claim.dates):
        measure, holder, place, side = None, cheap_holder, None, None
        if parsed is None and chinese:
            b = bind_chinese(claim.text, d.start, d.end, "date")
            measure = Slot(b.event, b.event_words, "sentence") if b.event else None
            holder = _slot(b.holder) or cheap_holder
        if parsed is not None:
            b = _once(memo, ("bind date", i), bind, parsed, d.start, d.end, "date")
            # the event folded to a general key ("went live", "opened" -> "open"); a verb that is no
            # event that happens once ("registered 559,386 cars in 2019") is none
            key = event_key(b.event) if b.event else None
            side = event_side(b.event, _after_words(claim.text, b.event_words))  # "joined" begins what "left" ends
            measure = Slot(key, b.event_words or b.event, "sentence") if key else None
            timeline = key is None and context is not None and context.timeline
            label = entry_label(claim.text, d.start, d.end) if timeline else None
            if label is not None:
                measure = _entry_event(label, claim, context)
            holder, place = _holder_slot(b, claim, context, parsed, (d.start, d.end), memo), _slot(b.place)
        date_mode = _once(memo, ("mode date", i), _mode, claim, parsed, d, mode)
        if parsed is not None and b.rescheduled and date_mode not in ("plan", "forecast"):
            date_mode = "plan"  # "the opening was postponed to 2028": the date the event is now planned for
        facts.append(
            Fact(f"{claim.id}.f{len(facts) + 1}", "date", i, d.text, measure=measure, holder=holder,
                 time=Slot(d.value, d.text, "sentence"), place=place, modality=date_mode, qualifier=d.qualifier,
                 direction=side)
        )
    for e in _once(memo, "entities", entity_bindings, parsed) if parsed is not None else ():  # places and organisations (frame/entities)
        holder = _holder_slot(Binding(holder=e.holder, holder_ref=e.holder_ref), claim, context, parsed)
        if holder is None or name_within(holder.value, e.value) or (e.holder_ref and holder.source == "sentence"):
            # no thing named, the context's name is the value itself ("Halvard" / "Halvard Systems"),
            # or a description nothing around resolves ("the contract was awarded to ...")
            continue
        time = fact_time(claim.dates, (e.start, e.end), anchor, sentence=claim.text, anchor_source=anchor_source,
                         ahead=mode in ("plan", "forecast"))
        facts.append(
            Fact(f"{claim.id}.f{len(facts) + 1}", "entity", None, e.value, measure=Slot(e.relation, e.words, "sentence"),
                 holder=holder, time=time, place=_slot(e.place), modality=mode, qualifier=e.label or None)
        )
    return tuple(facts)


def _after_words(text: str, words: str | None) -> str:
    """The text just after the first place ``text`` writes ``words`` (an event's verb as written)."""
    at = text.find(words) if words else -1
    return text[at + len(words):at + len(words) + 24] if at >= 0 else ""


#: A timeline entry: a date opening its line, a dash, colon or bar, then a short label with no
#: sentence end ("February 2, 2025 — Prohibitions and AI Literacy", "**2026**: Phase two"); a
#: document's entries are a timeline where it has two or more (one alone is a dateline, "June 5,
#: 2024 — Reuters", or a byline).
_ENTRY = re.compile(r"\s*[*_]*\s*[—–:|-]+\s*(?P<label>[^.;!?|]{2,100}?)[\s*_|]*")
_MARKUP = re.compile(r"[\s*_#>|-]*")


def entry_label(text: str, start: int, end: int) -> str | None:
    """The label of a timeline entry whose date is at ``start:end`` of ``text``, or None when the
    text is not one: the date first (markup before it aside), the label at most ten words."""
    if _MARKUP.fullmatch(text[:start]) is None:
        return None
    m = _ENTRY.fullmatch(text[end:])
    if m is None or len(m.group("label").split()) > 10:
        return None
    return m.group("label").strip()


def _entry_event(label: str, claim: Claim, context: DocumentContext | None) -> Slot | None:
    """The event a timeline entry's date dates: one its label names ("1 August 2024 — Entry into
    force"), else the one the text under it tells of ("February 2, 2025 — Prohibitions" / "The
    prohibitions began to apply."), with the label's words, which say which part of a law it is
    ("prohibitions"); source ``text below``."""
    key = event_key(label)
    if key is not None:
        return Slot(key, label, "sentence")
    below = context.event_below(claim.start, claim.end) if context is not None else None
    key = event_key(below[0]) if below is not None else None
    if key is None:
        return None
    return Slot(key, f"{below[1]} ({label})", "text below")


def _with_unit(text: str, q) -> tuple[int, int]:
    """The figure's span, with the unit phrase written after it ("280K *GPU hours*"): a word of a
    unit is no name of whose the figure is. A count's noun ("2,048 H800 GPUs") is left out."""
    if q.kind == "measure" and q.noun:
        after = text[q.end :]
        gap = len(after) - len(after.lstrip())
        if after[gap:].startswith(q.noun):
            return q.start, q.end + gap + len(q.noun)
    return q.start, q.end


def _once(memo: dict | None, key, fn, *args):
    """``fn(*args)``, computed once per ``key`` of ``memo`` (each call when ``memo`` is None)."""
    if memo is None:
        return fn(*args)
    if key not in memo:
        memo[key] = fn(*args)
    return memo[key]


def _mode(claim: Claim, parsed, figure, sentence_mode: str) -> str:
    """The figure's modality: the sentence's, narrowed on the parse to the words that govern the
    figure (:func:`modality`)."""
    if parsed is None or sentence_mode == "actual":
        return sentence_mode
    return modality(claim.text, parsed, (figure.start, figure.end))


def _slot(name: str | None, source: str = "sentence") -> Slot | None:
    return Slot(name, name, source) if name else None


def _names_other(names: list[str], page_names) -> bool:
    """Some of ``names`` is a word of none of ``page_names`` (the heading's and the title's
    ``(name, words)``, None where there is none)."""
    words = {w.lower() for got in page_names if got for part in got for w in part.split()}
    return any(n.lower() not in words for n in names)


def _holder_slot(
    b: Binding, claim: Claim, context: DocumentContext | None, parsed=None, span=None, memo: dict | None = None
) -> Slot | None:
    """The figure's holder: the sentence's own name; for a pronoun or a definite description the
    previous sentence's name, the heading's or the title's (else the description itself); for
    no holder at all the place the sentence counts in ("capacity connected in Cyprus"), else the
    heading's or the title's. An ordinal thing (``b.thing``: "Kessler's second mill", "the
    second mill") is the holder with its owner, the sentence's name or the context's as above
    ("Kessler second mill", the slot's source the owner's), else the thing alone ("second mill");
    a thing its owner has ("its new wing", ``b.possessed``) is the sentence's own whatever its
    owner's source ("Tarn Museum new wing", from "sentence"): never its owner."""
    if b.thing:
        owner = _holder_slot(Binding(holder=b.holder, holder_ref=b.holder_ref), claim, context, parsed, span, memo)
        noun = b.thing.split()[-1].lower()
        if owner is None or noun in owner.value.lower().split():
            # no owner, or one that is another of the series ("Arizona's first fab" before "the
            # second fab"): the thing alone
            return Slot(b.thing, b.thing, "sentence")
        # a thing its owner has ("its new wing") is the sentence's own, wherever its owner's name
        # came from: it is never that owner, as an inherited holder may be
        source = "sentence" if b.possessed else owner.source
        return Slot(f"{owner.value} {b.thing}", f"{owner.text or owner.value} {b.thing}", source)
    if b.holder and not b.holder_ref:
        name = context.full_name(b.holder, parsed) if context is not None else b.holder
        return Slot(name, b.holder, "sentence")
    if not b.holder and not b.holder_ref and b.place and b.place != WORLD:
        # "output in Punjab reached 6.98 million tonnes": the place the sentence counts in is
        # whose figure it is, not the page's subject (the world is no one's)
        return Slot(b.place, b.place, "sentence")
    if context is not None:
        found = None
        if b.holder_ref:
            description = b.holder
            if description is None and parsed is not None:
                # "The club, founded in 1912, plays ..., and its revenue grew 14%": a pronoun in a
                # sentence whose subject describes an organisation is that organisation
                subject = _once(memo, "subject", referring_subject, parsed)
                description = subject if of_an_organisation(subject) else None
            got = context.previous_holder(claim.start, description)
            found = (got, "previous sentence") if got else None
        if found is None:
            heading, title = context.heading_holder(claim.start), context.title_holder()
            names = (
                _once(memo, ("unbound", *span), unbound_names, parsed, *span)
                if not b.holder_ref and parsed is not None and span is not None else []
            )
            # a sentence naming something the parse bound to nothing ("Lima lithium output 1.01
            # million tonnes") is not about the heading's or the title's name
            if not _names_other(names, (heading, title)):
                found = (heading, "heading") if heading else (title, "title") if title else None
            if found is None and not names and not b.holder_ref:
                got = context.paragraph_holder(claim.start)
                found = (got, "previous sentence") if got else None
        if found is not None:
            (name, words), source = found
            return Slot(context.full_name(name), words, source)
    if b.holder:  # "the council", with nothing around to say which
        return Slot(b.holder, b.holder, "sentence")
    return None


def aside_spans(parsed) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` (characters) of each clause or phrase a sentence sets aside between commas
    to describe its subject ("The club, *founded in 1912*, plays ...", "Kress, *who joined from Brno in
    2028*, scored ...", "Orrin, *a maker of drones*, ..."), or opens with a participle ("*Founded
    in 1912*, the club plays ..."): what it says of that noun, and its date, is its own. (One that
    ends the sentence, "... into the Tarn Fund, set up on 1 May 2030", may date what the sentence
    did, and is left in, as is one of an object, "injected $2 billion into the Tarn Fund, set up on
    1 May 2030, according to ...".)"""
    spans = []
    for tok in parsed:
        if tok.dep_ in ("relcl", "acl", "appos"):
            first, last = tok.left_edge.i, tok.right_edge.i
            closed = last + 1 < len(parsed) and parsed[last + 1].text in (",", "\u2014", "\u2013")
            subject = tok.head.dep_ in ("nsubj", "nsubjpass")  # between a subject and its verb
            if first > 0 and parsed[first - 1].text == "," and first > tok.head.i and closed and subject:
                spans.append((parsed[first].idx, parsed[last].idx + len(parsed[last].text)))
        elif tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.left_edge.i == 0:
            last = tok.right_edge.i
            if last + 1 < len(parsed) and parsed[last + 1].text == ",":
                spans.append((0, parsed[last].idx + len(parsed[last].text)))
    return tuple(spans)


def _set_aside(d, figure: tuple[int, int], asides) -> bool:
    """The date ``d`` lies in a span set aside (:func:`aside_spans`) that the figure is not in."""
    return any(s <= d.start and d.end <= e and not (s <= figure[0] and figure[1] <= e) for s, e in asides)


def document_facts(doc: Document, claims: Sequence[Claim], nlp=None) -> list[Claim]:
    """``claims`` of ``doc`` with their facts filled: bound on each sentence's parse with the
    spaCy pipeline ``nlp``, or by the cheap path when ``nlp`` is None."""
    return documents_facts([(doc, claims)], nlp)[0]


def documents_facts(items: Sequence[tuple[Document, Sequence[Claim]]], nlp=None) -> list[list[Claim]]:
    """:func:`document_facts` of several documents at once: their claim sentences, and then the
    context sentences, headings and titles the claims take holders from, are parsed in one
    ``nlp.pipe`` batch each (a sentence written alike in two documents is parsed once), which
    is much faster than a few sentences per document. Each document's facts are those
    :func:`document_facts` gives it alone."""
    if nlp is None:
        return [_cheap(doc, claims) for doc, claims in items]
    with one_thread():  # the same products, and parses, in a pool's worker and in this process
        return _parsed_facts(items, nlp)


def _parsed_facts(items: Sequence[tuple[Document, Sequence[Claim]]], nlp) -> list[list[Claim]]:
    """:func:`documents_facts` on the parse."""
    texts = sorted({c.text for _, claims in items for c in claims if not _foreign(c.text)})
    parses = dict(zip(texts, nlp.pipe(texts, batch_size=PIPE_BATCH)))
    # a main verb the parse finds in the past makes a claim told in the past, whatever the verb
    told = {t for t, p in parses.items() if _told_in_past(t, p)}
    items = [(doc, [replace(c, past_tense=True) if not c.past_tense and c.text in told else c for c in claims])
             for doc, claims in items]
    english = [[c for c in claims if not _foreign(c.text)] for _, claims in items]
    contexts = []
    # id() of a claim (claim ids repeat across a batch's documents) -> its final facts from the
    # first pass, or what that pass computed on the parse alone (see :func:`claim_facts`)
    done: dict[int, tuple[Fact, ...]] = {}
    memos: dict[int, dict] = {}
    for (doc, _), claims in zip(items, english):
        context = DocumentContext(doc, nlp)
        for c in claims:
            context.seed(c.text, parses[c.text])
        context.timeline = sum(1 for c in claims if c.dates and entry_label(c.text, c.dates[0].start, c.dates[0].end)) >= 2
        # a first pass notes the sentences, headings and titles the claims take holders from,
        # which are then parsed in one batch; a claim that looked up no text still unparsed has
        # its final facts from it (every lookup was answered as the second pass answers it)
        context.collecting = True
        anchor, source = _anchor(doc), _source(doc)
        for c in claims:
            missed, memo = context.missed, {}
            facts = claim_facts(c, anchor, source, parses[c.text], context, memo)
            if context.missed == missed:
                done[id(c)] = facts
            else:
                memos[id(c)] = memo
        context.collecting = False
        contexts.append(context)
    DocumentContext.parse_all(contexts)
    out = []
    for (doc, claims), context in zip(items, contexts):
        anchor, source = _anchor(doc), _source(doc)
        out.append(
            [
                replace(c, facts=done[id(c)] if id(c) in done else claim_facts(c, anchor, source, parses[c.text], context, memos[id(c)]))
                if c.text in parses  # an English sentence (a foreign one keeps the cheap path)
                else replace(c, facts=claim_facts(c, anchor, source))
                for c in claims
            ]
        )
    return out


def _after(time: Slot | None, anchor: str | None) -> bool:
    """The time its sentence gives a figure (a date, or a relative time resolved) begins after the
    page's date ends."""
    if time is None or anchor is None or time.source not in ("sentence", "relative"):
        return False
    own, page = period_bounds(time.value), period_bounds(anchor)
    return own is not None and page is not None and own[0] > page[1]


def _governing_verb(parsed, offset: int):
    """The verb (or auxiliary, or adjective predicate) that governs the word at character
    ``offset`` (:func:`~checker.frame.binding.governing_verb`; the word itself if a verb), or None."""
    tok = next((t for t in parsed if t.idx <= offset < t.idx + len(t.text)), None)
    if tok is None or tok.pos_ in ("VERB", "AUX"):
        return tok
    return governing_verb(tok)


def _present_at(parsed, offset: int) -> bool:
    """The verb that governs the figure at ``offset`` is in the simple present, with no auxiliary
    ("goes on sale", "opens"; not "exported", "has opened", "will open")."""
    verb = _governing_verb(parsed, offset)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in verb.children)


def _tense_at(parsed, default: bool | None, offset: int) -> bool | None:
    """True where the verb that governs the word at character ``offset`` looks ahead ("will open
    in May", "plans to open in May"), False where it is in the past ("opened in May"), else
    ``default``."""
    tok = _governing_verb(parsed, offset)
    if tok is None:
        return default
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in EXPECTING
    ):
        return True
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and (
        any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
        or not any(c.dep_ in ("aux", "auxpass") for c in tok.children)  # a participle the tagger took for "opened"
    )):
        return False
    return default


def _told_in_past(text: str, parsed) -> bool:
    """The sentence's main verb is in the simple past ("The carrier flew 31.4 million passengers"),
    which the word list of :func:`~checker.extract.terms.is_past_tense` need not know, and nothing
    in it speaks of the future; a reporting verb's is its clause's ("officials said the plant opens
    in 2031" tells of no past)."""
    verb = next((t for t in parsed if t.dep_ == "ROOT"), None)
    while verb is not None and verb.lemma_.lower() in REPORTING:
        verb = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBD" and is_past_tense(text, past_verb=True)


def _anchor(doc: Document):
    return getattr(doc, "date", None)


def _source(doc: Document) -> str:
    return getattr(doc, "date_source", "document date")


def _cheap(doc: Document, claims: Sequence[Claim]) -> list[Claim]:
    return [replace(c, facts=claim_facts(c, _anchor(doc), _source(doc))) for c in claims]


def _foreign(text: str) -> bool:
    """A sentence the English pipeline cannot parse: mostly CJK, Cyrillic, Greek or Arabic letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    other = sum(1 for ch in letters if ord(ch) > 0x2FF)
    return other * 3 > len(letters)


def document_claims_with_facts(doc: Document, first_number: int = 1, nlp_model: str | None = None) -> list[Claim]:
    """The extraction stage with facts: :func:`checker.extract.claims.document_claims`, then
    :func:`document_facts` with the spaCy pipeline ``nlp_model`` (the default one when None),
    so the claims cache and the extraction pool keep the facts."""
    from .nlp import load_nlp

    return document_facts(doc, document_claims(doc, first_number), load_nlp(nlp_model))
