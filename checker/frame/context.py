"""Discourse context of a document: the holder a sentence's figures inherit when it names none.

"Acme unveiled its X2 drone last week. Priced at $900, it ..." -- the price sentence has a
pronoun for a subject; "The regulation entered into force on 1 August 2024" names the
regulation of the heading or the title; "Compute: 9,408 nodes" in a page about one machine
names nothing. :class:`DocumentContext` answers, for the claim at an offset of the document:

* :meth:`~DocumentContext.previous_holder`: the name the sentence before it is about (its
  subject when that is a name, else its first organisation, product, place or person), from
  the same block or the block before when the claim opens its block;
* :meth:`~DocumentContext.heading_holder`: the name of the nearest heading above it;
* :meth:`~DocumentContext.title_holder`: the name of the document's title.

A pronoun or a definite description ("it", "the company") takes the previous sentence's
name first; a figure with no holder at all takes the heading's, then the title's. Sentences
are parsed only when asked for (a few per document), through the same spaCy pipeline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.terms import STOPWORDS, normalise
from ..ingest.segment import split_sentences
from ..model import Document
from ..extract.quantities import CURRENCY_PREFIXES, CURRENCY_SUFFIXES
from .binding import (
    ACTORS, COMPANY_SUFFIXES, HOLDER_LABELS, LAW_WORDS, ORGANISATION_NOUNS, PLACE_LABELS, ROLE_NOUNS, VALUE_LABELS, _name_of,
    _strip, an_age, model_code, sentence_event,
)
from .inflection import stem_candidates

#: Block kinds that are headings of what follows them.
_HEADINGS = ("heading", "title")
#: Names a heading or a sentence can be about that hold no figures (a month, "Table", "Note").
_NO_NAMES = frozenset("table figure note source update summary overview introduction conclusion faq".split())
#: Currencies' codes and words, which the recogniser may take for an organisation with the amount
#: after them ("a dividend of EUR 1.20": no one the next sentence's "it" is).
_CURRENCIES = frozenset([code.lower() for code in CURRENCY_PREFIXES if code.isalpha()] + list(CURRENCY_SUFFIXES))


def _a_name(name: str | None) -> bool:
    """``name`` may be what a sentence is about: not a word of :data:`_NO_NAMES`, nor an amount
    led by a currency's code ("EUR", "EUR 1.05")."""
    return bool(name) and name.lower() not in _NO_NAMES and name.split()[0].lower() not in _CURRENCIES


class DocumentContext:
    """The title, headings and sentences around a document's claims, parsed on demand."""

    def __init__(self, doc: Document, nlp) -> None:
        self.doc = doc
        self.nlp = nlp
        self._parsed: dict[str, object] = {}
        self._blocks = [b for b in doc.blocks if b.offsets]
        #: while True, a text not parsed yet is noted in :attr:`wanted` and answers nothing; then
        #: :meth:`parse_all` parses them all in one ``nlp.pipe`` (see :func:`checker.frame.facts.documents_facts`)
        self.collecting = False
        self.wanted: set[str] = set()
        self._runs: dict[str, set[str]] | None = None
        self._names: dict[str, bool] = {}  # word -> written capitalised within a sentence of the running text
        self._lower: frozenset[str] | None = None  # words the running text writes in lower case
        self._abouts: dict[tuple[str, bool], tuple[str, str] | None] = {}  # (text, heading) -> what _about found
        #: how many lookups while :attr:`collecting` found their text not parsed yet (and so
        #: answered nothing): a claim whose facts asked for none has its final facts already
        self.missed = 0
        #: the document lists dated entries ("April 1, 2031 — Scoring Bans", two or more): set by
        #: :func:`checker.frame.facts.documents_facts`; one such line alone is a dateline or a byline
        self.timeline = False

    def seed(self, text: str, parsed) -> None:
        """A sentence already parsed (a claim's), so that a claim after it does not parse it again."""
        self._parsed.setdefault(_key(text), parsed)

    @staticmethod
    def parse_all(contexts: "list[DocumentContext]") -> None:
        """Parse the texts each of ``contexts`` noted while :attr:`collecting`, all in one batch
        (a text two documents want is parsed once)."""
        todo = sorted({t for c in contexts for t in c.wanted if t not in c._parsed})
        if todo:
            parsed = dict(zip(todo, contexts[0].nlp.pipe(todo, batch_size=256)))
            for c in contexts:
                for t in c.wanted:
                    if t in parsed:
                        c._parsed.setdefault(t, parsed[t])
        for c in contexts:
            c.wanted.clear()

    def _parse(self, text: str):
        parsed = self._parsed.get(text)
        if parsed is None and not self.collecting:
            parsed = self._parsed[text] = self.nlp(text)
        elif parsed is None:
            self.wanted.add(text)
            self.missed += 1
        return parsed

    def _block_at(self, offset: int) -> int | None:
        for i, block in enumerate(self._blocks):
            if block.offsets[0] <= offset < block.offsets[-1]:
                return i
        return None

    def previous_sentence(self, offset: int) -> str | None:
        """The text of the sentence before the one that starts at ``offset`` (original text)."""
        found = self._previous(offset)
        return found[0] if found is not None else None

    def _previous(self, offset: int) -> tuple[str, int] | None:
        """``(text, original start)`` of the sentence before the one that starts at ``offset``."""
        i = self._block_at(offset)
        if i is None:
            return None
        block = self._blocks[i]
        before = [(s, e) for s, e in split_sentences(block.text) if block.original_span(s, e)[1] <= offset]
        if before:
            s, e = before[-1]
            return block.text[s:e], block.original_span(s, e)[0]
        if i > 0 and self._blocks[i - 1].kind not in _HEADINGS and self._blocks[i - 1].kind != "dateline":
            prev = self._blocks[i - 1]
            spans = split_sentences(prev.text)
            if spans:
                s, e = spans[-1]
                return prev.text[s:e], prev.original_span(s, e)[0]
        return None

    def event_below(self, start: int, end: int) -> tuple[str, str] | None:
        """``(lemmas, words)`` of the event the sentence after the one at ``start:end`` (original
        offsets) tells of (:func:`~checker.frame.binding.sentence_event`): the next sentence of its
        block, else the first of the next block, not a heading's: a timeline entry's paragraph
        ("February 2, 2025 — Prohibitions" / "The prohibitions began to apply.")."""
        i = self._block_at(start)
        if i is None:
            return None
        block = self._blocks[i]
        after = [(s, e) for s, e in split_sentences(block.text) if block.original_span(s, e)[0] >= end]
        if not after:
            if i + 1 >= len(self._blocks) or self._blocks[i + 1].kind in _HEADINGS:
                return None
            block = self._blocks[i + 1]
            after = split_sentences(block.text)[:1]
        if not after:
            return None
        parsed = self._parse(_key(block.text[after[0][0] : after[0][1]]))
        return sentence_event(parsed) if parsed is not None else None

    def previous_holder(self, offset: int, description: str | None = None, depth: int = 0,
                        block: int | None = None) -> tuple[str, str] | None:
        """``(name, words)`` of what the previous sentence is about, or None. For a definite
        ``description`` ("the joint venture", not "the company") after a sentence that creates
        something named ("X and Y launched the Kunlun Consortium"), the thing created. For a
        pronoun or an organisation's description, a previous sentence about no name whose subject
        is such a reference too ("It", "The company") is about what its own previous sentence is
        about, up to :data:`_CHAIN` sentences back ("Halvard Foods said ... The company will pay
        ... It employs 21,500 people": Halvard Foods'; not "The total model required ..." after
        "The training used 2,048 H800 GPUs": a thing, not an actor). ``block``: the paragraph a
        chain may not leave, unless the sentence before speaks of ``description`` too."""
        previous = self._previous(offset)
        text = previous[0] if previous is not None else None
        if not text:
            return None
        if block is not None and self._block_at(previous[1]) != block and not (
            description and _mentions(self._parse(_key(text)), description)
        ):
            # a chain past a sentence about a person stays in its paragraph, unless the paragraph
            # before speaks of the organisation in the same words ("..., the club said on Friday.")
            return None
        if description and normalise(description.split()[-1]) in LAW_WORDS:
            # "the regulation", "the rules": a law the previous sentence names, not its subject
            # ("the European Parliament adopted the AI Act. The regulation ..."); none named: the
            # subject, whose rule it is ("Porto has become the first city to require ... The regulation")
            parsed = self._parse(_key(text))
            if parsed is None:
                return None
            return _law(parsed) or _subject(parsed)  # not a name in passing ("between the Parliament and ...")
        if description and description.split()[-1].lower() not in ACTORS:
            parsed = self._parse(_key(text))
            created = _created(parsed) if parsed is not None else None
            if created is not None:
                return created
            described = _described_subject(parsed, description) if parsed is not None else None
            if described is not None:
                # "The stadium, built by Halvard Construction, opened in 2019. The stadium was ...":
                # the same description as the previous sentence's subject is that thing, not a
                # name the sentence mentions in passing; an organisation's, the organisation that
                # sentence names ("Ostrava Nova FC has sold ..., the club said") or one before it does
                if of_an_organisation(description):
                    named = _organisation(parsed) or (
                        self.previous_holder(previous[1], description, depth + 1) if depth < _CHAIN else None)
                    return named or described
                return described
        if depth < _CHAIN and (_an_actor(description) or of_an_organisation(description)):
            parsed = self._parse(_key(text))
            referring = referring_subject(parsed) if parsed is not None else None
            if not (referring and (_an_actor(referring) or of_an_organisation(referring))):
                # "He joined the club from Brno in 2029. The club, founded in 1921, ...": the same
                # description in the previous sentence refers to what the one before names
                referring = description if of_an_organisation(description) and _mentions(parsed, description) else None
            if referring:
                # "The club, founded in 1921, plays at the Městský stadium. Its revenue rose ...": the
                # organisation the previous sentence's subject refers to, not a name in passing
                chained = self.previous_holder(previous[1], referring, depth + 1)
                if chained is not None:
                    return chained
        found = self._about(text)
        if found is not None and of_an_organisation(description):
            parsed = self._parse(_key(text))
            if parsed is not None and _a_person(parsed, found[0]):
                # "Maria Okonjo became chief executive of Northbridge General. The hospital employs
                # 4,800 people": the hospital is an organisation the sentence names, not the person
                # it is about; none named, the organisation a sentence before names ("Ostrava Nova FC
                # sold Kress ... Kress, who joined in 2028, scored ... The club, founded in 1912"), or no one
                named = _organisation(parsed, found[0])
                if named is None and depth < _CHAIN:
                    return self.previous_holder(previous[1], description, depth + 1, self._block_at(offset))
                return named
        if found is None and depth < _CHAIN and _an_actor(description):
            parsed = self._parse(_key(text))
            referring = referring_subject(parsed) if parsed is not None else None
            if referring is not None and _an_actor(referring):
                return self.previous_holder(previous[1], referring or None, depth + 1)
        return found

    def paragraph_holder(self, offset: int) -> tuple[str, str] | None:
        """:meth:`previous_holder` of the sentence at ``offset`` for a figure of no holder and no
        reference, where the previous sentence is in the same paragraph: "Halden University's lab
        opened in May. Building work started in March 2031." (what a page of no named title or
        heading is about there)."""
        return self.previous_holder(offset, None, 0, self._block_at(offset))

    def heading_holder(self, offset: int) -> tuple[str, str] | None:
        """``(name, words)`` of the nearest heading above ``offset``, or None."""
        i = self._block_at(offset)
        if i is None:
            return None
        for block in reversed(self._blocks[:i]):
            if block.kind == "heading":
                return self._about(block.text, heading=True)
        return None

    def _plain_words(self, text: str, found: tuple[str, str]) -> bool:
        """A title-case heading ("Complete Rollout Schedule") whose name no word of the running
        text writes as a name, under a title whose name it does: common words a heading
        capitalised; the title says whose its figures are. (A page that names nothing in its
        running text keeps its heading's name: "Kestrel Supercomputer" over "Power: 34 MW".)"""
        if not _title_case(text) or self._written_as_name(found[0]):
            return False
        title = self.title_holder()
        return title is not None and self._written_as_name(title[0])

    def title_holder(self) -> tuple[str, str] | None:
        """``(name, words)`` the document's title is about, or None."""
        title = self.doc.title
        if not title:
            titles = [b.text for b in self._blocks if b.kind == "title"]
            title = titles[0] if titles else None
        return self._about(title) if title else None

    def full_name(self, name: str, parsed=None) -> str:
        """The document's longer name for a one-word ``name``: "Webb" in a page that writes "James
        Webb Space Telescope" is that telescope, so another page's "JWST" can meet it. Only a
        run of three capitalised words or more with no small word ("of", "and": "Bank of China" is
        no longer name of China), in which ``name`` is not the first word, the only such run of the
        page's running text (a title-case heading capitalises verbs too), and never for a place
        (``parsed``: a parse that may label ``name``)."""
        if " " in name or not name.isalpha() or name.isupper() or not name[:1].isupper():
            return name
        if parsed is not None and any(e.text == name and e.label_ in _PLACES for e in parsed.ents):
            return name
        found = sorted(self._name_runs().get(name, ()), key=len)
        if not found:
            return name
        # a sentence's first word may run into the name ("The James Webb Space Telescope",
        # "Since James Webb Space Telescope"): the shortest run, when every other ends with it
        shortest = found[0]
        return shortest if all(r == shortest or r.endswith(" " + shortest) for r in found) else name

    def _name_runs(self) -> dict[str, set[str]]:
        if self._runs is None:
            self._runs = {}
            body = "\n".join(b.text for b in self._blocks if b.kind in ("paragraph", "list_item", "quote"))
            for m in _RUN.finditer(body):  # not a title-case heading's words ("Aurora Joins Frontier")
                words = m.group(0).split()
                if words[0] in _OPENERS:
                    words = words[1:]
                if len(words) < 3:
                    continue
                for w in words[1:]:
                    self._runs.setdefault(w, set()).add(" ".join(words))
        return self._runs

    def _about(self, text: str, heading: bool = False) -> tuple[str, str] | None:
        """``(name, words)`` a title or heading ``text`` is about, or None; remembered once every
        text it looked up was parsed (the claims of a page ask their title's many times)."""
        key = (text, heading)
        if key in self._abouts:
            return self._abouts[key]
        missed = self.missed
        found = self._about_parsed(text, heading)
        if self.missed == missed:
            self._abouts[key] = found
        return found

    def _about_parsed(self, text: str, heading: bool) -> tuple[str, str] | None:
        text = _ENUMERATION.sub("", _key(text), count=1)  # "6. Tencent Launches ...": a list's number
        if not text:
            return None
        if not _title_case(text):  # (a title-case heading's words are weighed by sentence_cased)
            text = self._first_word_cased(text)
        parsed = self._parse(self.sentence_cased(text))
        mark = _kicker(parsed) if parsed is not None else None
        if mark is not None:
            # "Draft: Tarnia's vaccines", "Analysis: Orrin's new drone", "Draft - Halvard's year": a
            # label of what kind of page this is, then what the page is about
            text = text[mark:].strip()
            parsed = self._parse(self.sentence_cased(text)) if text else None
        found = about(parsed) if parsed is not None else None
        head, colon, _ = text.partition(": ")
        if colon and len(head.split()) >= 3 and parsed is not None and _label_name(parsed) is None and _subject(parsed) is None:
            # "Tencent Launches AI Archaeologist: Oracle Bone Scripts Digitised": a headline and its
            # subtitle, which the parse may join into one clause, is about the headline's subject;
            # a subject the tagger did not know for a name is one where the page writes it capitalised
            before = self._parse(self.sentence_cased(head))
            subject = _subject(before, self._written_as_name) if before is not None else None
            if subject is not None:
                found = subject
        if found is None and parsed is not None:
            found = _untagged_name(parsed, self._capitalised_within)
        if found is not None and _lower_case(found[0]):
            return None  # "erek", a forum member's handle over the post: no name
        if found is not None and heading and _label_name(parsed) is None and self._plain_words(text, found):
            return None  # "Complete Rollout Schedule": capitalised as a heading, no name
        return found

    def _first_word_cased(self, text: str) -> str:
        """``text`` with its first word in lower case where the running text writes that word in
        lower case and never capitalised past a sentence's start: "Magnitude 6.8 earthquake strikes
        Vellmar" is about Vellmar (the body writes "a magnitude 6.8 earthquake"), not "Magnitude 6.8"."""
        m = re.match(r"[A-Z][a-z]+\b", text)
        if m is None or m.group(0).lower() not in self._lower_words() or self._capitalised_within(m.group(0)):
            return text
        return m.group(0).lower() + text[m.end():]

    def sentence_cased(self, text: str) -> str:
        """A title-case heading or title as the running text would write it, for the parser: "Orrin
        Opens Plant in Texas" is "Orrin opens plant in Texas" where the page writes "plant" in lower
        case, so that the name is Orrin, not "Orrin Opens Plant". A word is put in lower case where
        the running text never writes it capitalised past a sentence's start, and it is a small
        word ("In", "With"), a verb's form ("Opens", "Unveiled", "Sold"), or a word the running text
        writes in lower case; the first word, acronyms, codes, names and words the page never
        writes stay as they are. Other texts are returned unchanged."""
        if not _title_case(text):
            return text
        first = True

        def word(m: re.Match) -> str:
            nonlocal first
            w = m.group(0)
            if first:
                first = False
                return w
            if len(w) < 2 or not (w[0].isupper() and w[1:].islower()) or self._capitalised_within(w):
                return w
            low = w.lower()
            return low if low in STOPWORDS or low in self._lower_words() or _verb_form(self.nlp, low) else w

        return re.sub(r"[^\W\d_]+", word, text)

    def _lower_words(self) -> frozenset[str]:
        """The words the running text writes in lower case."""
        if self._lower is None:
            self._lower = frozenset(
                w for b in self._blocks if b.kind in _RUNNING for w in re.findall(r"[^\W\d_]+", b.text) if w.islower()
            )
        return self._lower

    def _written_as_name(self, name: str) -> bool:
        """A word of ``name`` is an acronym or a code ("EU", "TSMC", "V2") or one the page's
        running text writes capitalised somewhere other than at a sentence's start: a name, not
        common words a title-case heading capitalised ("Complete Rollout Schedule")."""
        return any(
            (w.isupper() and len(w) > 1) or any(ch.isdigit() for ch in w) or self._capitalised_within(w)
            for w in re.findall(r"\w+", name)
        )

    def _capitalised_within(self, word: str) -> bool:
        if word not in self._names:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            self._names[word] = word[:1].isupper() and any(
                (before := b.text[: m.start()].rstrip()) and before[-1] not in _SENTENCE_ENDS
                for b in self._blocks if b.kind in _RUNNING for m in pattern.finditer(b.text)
            )
        return self._names[word]


#: Three capitalised words or more in a row (:meth:`DocumentContext.full_name`).
_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){2,}\b")
_PLACES = PLACE_LABELS | {"NORP"}
#: Capitalised sentence openers a run of names may start with ("The James Webb Space Telescope").
_OPENERS = frozenset("The A An This That These Those Its Our Their".split())


#: Blocks of running text (not headings), where a name is written as it is spelt.
_RUNNING = ("paragraph", "list_item", "quote", "table_cell")
#: What a sentence's first word may follow: a capital there says nothing of a name.
_SENTENCE_ENDS = frozenset(".!?:;—–-\"“”'‘’•*#|")


def _kicker(parsed) -> int | None:
    """Where what a title or heading is about begins, after a label of one or two common words and
    a colon or a spaced dash ("Draft: ...", "Draft explainer: ...", "Analysis: ...", "Draft -
    ..."), which says what kind of page it is, not whose; None where it opens with no such label."""
    mark = next((t for t in parsed if t.text == ":" or (t.text in _DASHES and parsed[t.i - 1].whitespace_)), None)
    if mark is None or not 1 <= mark.i <= 2 or mark.i == len(parsed) - 1:
        return None
    if all(t.pos_ in ("NOUN", "ADJ", "PROPN") and t.is_alpha and t.text[1:].islower() for t in parsed[: mark.i]) and (
        all(t.pos_ != "PROPN" for t in parsed[: mark.i]) or parsed[0].lower_ in _PAGE_LABELS
    ):
        return mark.idx + len(mark.text)
    return None


#: Dashes that set a title's label apart when spaced ("Draft - Halvard's year", "Update — ...").
_DASHES = frozenset({"-", "–", "—", "|"})
#: Labels of a kind of page the tagger may take for a name ("Draft", "Update", "Explainer").
_PAGE_LABELS = frozenset("draft update explainer analysis opinion exclusive breaking review preview".split())


def _title_case(text: str) -> bool:
    """A text of two words or more that capitalises each word of four letters or more, as a
    title-case heading does ("Complete Rollout Schedule", "Frontier Keeps Its Lead")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text)]
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 2 and bool(long) and all(w[0].isupper() for w in long)


def _verb_form(nlp, word: str) -> bool:
    """``word`` (lower case) is a form of an English verb that the pipeline's lemmatizer knows:
    its base form ("open"), an irregular form ("sold", "built"), or a base form once an inflection
    is stripped (:func:`~checker.frame.inflection.stem_candidates`: "opens", "unveiled", "planned")."""
    tables = _verb_tables(nlp)
    if tables is None:
        return False
    verbs, irregular = tables
    return word in verbs or word in irregular or any(stem in verbs for stem in stem_candidates(word))


@lru_cache(maxsize=4)
def _verb_tables(nlp) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(base forms, irregular forms)`` of the verbs the pipeline's rule lemmatizer lists, or None
    (no such lemmatizer: no word counts as a verb's form)."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
        return frozenset(index["verb"]), frozenset(exceptions["verb"])
    except Exception:  # another pipeline: no lemmatizer, or not a rule one
        return None


def _lower_case(name: str) -> bool:
    """Written in lower-case letters only: names are capitalised ("eBay" and "iPhone" too)."""
    cased = [ch for ch in name if ch.isalpha() and ch.lower() != ch.upper()]
    return bool(cased) and not any(ch.isupper() for ch in cased)


def _key(text: str) -> str:
    """A context text as it is parsed and looked up: whitespace collapsed, at most 300 characters."""
    return " ".join(text.split())[:300]


#: Words that end a heading's name without being part of what it names ("Frontier System
#: Specifications", "EU AI Act Timeline").
_HEADING_WORDS = frozenset(
    """specification specifications architecture timeline overview review report update updates analysis
    guide facts explained explainer details summary profile system systems""".split()
)


def _trimmed(name: str | None) -> str | None:
    if not name:
        return None
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _HEADING_WORDS:
        words.pop()
    return " ".join(words)


#: Verbs that attribute a sentence to a source ("X said", "Y reported"): their subject says who
#: told it, not what it is about.
REPORTING = frozenset("say report tell state write note add claim announce confirm cite quote".split())


def _reports(verb) -> bool:
    """A reporting verb with a clause of what was told ("Nikkei reported [that] TSMC plans ...",
    "TSMC plans ..., Nikkei reported")."""
    if verb.lemma_.lower() not in REPORTING:
        return False
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


#: How many sentences back a chain of references is followed (:meth:`DocumentContext.previous_holder`).
_CHAIN = 3


def _an_actor(description: str | None) -> bool:
    """A reference that may name the same actor a sentence before named: a pronoun (no
    description, or "it"/"they") or a description of an organisation ("the company", "the group"),
    not of a thing ("the total model", "the training")."""
    return not description or description.split()[-1].lower() in ACTORS | {"they"}


def referring_subject(parsed) -> str | None:
    """The main verb's subject where it refers back: "" for "it" or "they", the noun of a definite
    description ("the company" -> "company"); else None."""
    for tok in parsed:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            if tok.pos_ == "PRON" and tok.lower_ in ("it", "they"):
                return ""
            if tok.pos_ == "NOUN" and any(d.lower_ in ("the", "this") for d in tok.lefts):
                return tok.text
            return None
    return None


def about(parsed) -> tuple[str, str] | None:
    """``(name, words)`` a parsed sentence or heading is about: the subject of its main verb when
    that is a name, else its first name (an organisation, product, place, person or law); a
    heading that opens with a name and a colon ("Orrin X2: Building a Drone for $900") is about
    that name."""
    labelled = _label_name(parsed)
    if labelled is not None:
        return labelled, labelled
    subject = _subject(parsed)
    if subject is not None:
        return subject
    for ent in parsed.ents:
        if ent.label_ in HOLDER_LABELS and ent.label_ not in VALUE_LABELS:
            law = _law_run(ent)
            name = law or _trimmed(_strip(_before_verb(ent)))
            if _a_name(name) and any(ch.isalpha() for ch in name):
                return name, law or ent.text
    for tok in parsed:
        if tok.pos_ == "PROPN" and tok.ent_type_ not in VALUE_LABELS and tok.dep_ != "compound":
            name = _trimmed(_name_of(tok))
            if _a_name(name) and len(name) > 1:
                return name, name
    return None


def _untagged_name(parsed, capitalised_within) -> tuple[str, str] | None:
    """``(name, words)`` of a name the tagger and the recogniser did not know, in a title, a
    heading or a sentence before that :func:`about` found no name in: the first capitalised word
    that modifies the head of its phrase or is its subject ("*Halvard* annual review", "*Kestrel*
    results 2024", "*Tarvo* quarterly figures") and that the page's running text writes
    capitalised within a sentence (``capitalised_within``), with the capitalised words after it
    so written too ("Orrin Drones"); not a common word a title-case heading capitalised, which
    the running text writes in lower case."""
    for tok in parsed:
        if tok.dep_ not in _NAME_DEPS or tok.ent_type_ in VALUE_LABELS or not tok.text.isalpha():
            continue
        if tok.head.dep_ != "ROOT" or not capitalised_within(tok.text):
            continue
        end = tok.i + 1
        while end < len(parsed) and parsed[end].text.isalpha() and capitalised_within(parsed[end].text):
            end += 1
        name = parsed[tok.i:end].text
        return (name, name) if _a_name(name) else None
    return None


#: How a name the tagger did not know may stand in a title (:func:`_untagged_name`): a noun's
#: modifier or compound, or the subject.
_NAME_DEPS = frozenset({"nmod", "compound", "amod", "nsubj", "poss"})


#: A list's number or letter opening a heading or a sentence ("6. ", "iv) ", "B. ").
_ENUMERATION = re.compile(r"^\s*(?:[0-9]{1,2}|[ivxIVX]{1,4}|[A-Za-z])[.)]\s+(?=\S)")
#: Fine tags of a finite verb, which no name holds ("*Shanghai* Showcases Humanoid Robots").
_FINITE = frozenset({"VBZ", "VBD", "VBP"})


def _before_verb(ent) -> str:
    """An entity's words before its first finite verb (a title-case heading's verb the recogniser
    took into the name), else all of them."""
    for tok in ent:
        if tok.tag_ in _FINITE and tok.i > ent.start:
            return ent.doc[ent.start : tok.i].text
    return ent.text


def _law_run(ent) -> str | None:
    """A law's name an entity opens, which the recogniser cut short: the run of capitalised proper
    nouns after it up to a law's word ("*EU* AI Act Deadline" -> "EU AI Act"), else None."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.end < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        if doc[end].lower_ in LAW_WORDS:
            return _strip(doc[ent.start : end + 1].text)
        end += 1
    return None


def _described_subject(parsed, description: str) -> tuple[str, str] | None:
    """``(words, words)`` of the main verb's subject where it is a common noun of the same head as
    ``description`` ("The stadium, built by ..., opened" for "the stadium"), else None."""
    head = normalise(description.split()[-1]) if description.split() else ""
    for tok in parsed:
        # (or the root itself: the small parser reads "The depot, designed by ..., opened in 2030"
        # as a noun with two participles)
        if (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" or tok.dep_ == "ROOT") and tok.pos_ == "NOUN":
            if normalise(tok.text) == head or tok.lemma_.lower() == head:
                return description, description
    return None


def _subject(parsed, written_as_name=None) -> tuple[str, str] | None:
    """``(name, words)`` of the main verb's subject where it is a name, else None.
    ``written_as_name``: a test of a word, which makes a capitalised common noun a name where it
    holds (the tagger did not know "Tencent", the page writes it capitalised within sentences)."""
    for tok in parsed:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            if _reports(tok.head):
                continue  # "..., Nikkei reported": the source, not what the sentence is about
            if tok.ent_type_ in HOLDER_LABELS or tok.pos_ == "PROPN" or (
                written_as_name is not None and tok.pos_ == "NOUN" and tok.text[:1].isupper() and written_as_name(tok.text)
            ):
                name = _trimmed(_name_of(tok))
                if _a_name(name):
                    return name, name
    return None


def _label_name(parsed) -> str | None:
    """The name before a colon that opens a text ("Orrin X2: ...", "Frontier (2022): ..."): a run
    of proper nouns, then at most a parenthesis or a number; None for anything else ("Key
    metrics:", "February 2, 2025:")."""
    colon = next((t.i for t in parsed[:8] if t.text == ":"), None)
    if not colon:
        return None
    run = 0
    while run < colon and (parsed[run].pos_ in ("PROPN", "NUM") or model_code(parsed[run].text)) and (
        parsed[run].ent_type_ not in VALUE_LABELS
    ):
        run += 1
    if run == 0 or parsed[0].pos_ != "PROPN":
        return None
    if any(not (t.is_punct or t.like_num) for t in parsed[run:colon]):
        return None
    name = _trimmed(_strip(parsed[:run].text))
    return name if _a_name(name) else None



#: Verbs that bring a thing into being: a definite description in the next sentence ("the joint
#: venture", "the fund") is the thing they made, not their subject.
_CREATING = frozenset(
    """launch form establish create found set unveil introduce open announce register build produce
    mass-produce make release debut ship deliver develop design""".split()
)

#: Last words of an organisation's name ("Ostrava Nova *FC*", "Halvard *Foods*"), which a
#: person's name never ends with: the small recogniser labels many such names persons.
_ORGANISATION_ENDS = COMPANY_SUFFIXES | frozenset(
    """systems technologies technology foods motors bank airlines airways energy pharma pharmaceuticals fc afc
    cf sc club united hospital university college institute capital partners ventures labs industries networks
    media studios games robotics semiconductor semiconductors electronics insurance mining resources steel
    railways telecom communications solutions software health healthcare therapeutics biotech foundation
    council agency authority ministry association federation""".split()
)


def of_an_organisation(description: str | None) -> bool:
    """A definite description of an organisation ("the company", "the football club")."""
    return bool(description) and normalise(description.split()[-1]) in ORGANISATION_NOUNS


def _a_person(parsed, name: str) -> bool:
    """``name`` is a person's in ``parsed``: an entity the recogniser labels a person, of two proper
    nouns or more, whose last word ends no organisation's name, in a sentence that gives someone an
    office or speaks of a man or a woman ("Maria Okonjo became chief executive", "John Kessler ...
    his"); or a proper noun (labelled a person or nothing) that a "who" clause or an age follows
    ("Kress, who joined ...", "Kress, 24, scored ..."); not one labelled a person without either
    ("Orrin Oil has launched ...", "Orrin opened": the small recogniser calls many companies persons)."""
    for ent in parsed.ents:
        if ent.label_ != "PERSON" or name not in ent.text or ent[-1].lower_.strip(".") in _ORGANISATION_ENDS:
            continue
        someone = any(t.lower_ in ROLE_NOUNS or t.lower_ in _PERSONAL for t in parsed)
        if len(ent) >= 2 and all(t.pos_ == "PROPN" for t in ent) and someone:
            return True
    # a name the recogniser did not label, which a "who" clause or an age follows ("Kress, who
    # joined from Brno in 2028, scored ...", "Kress, 24, scored ..."): said of people
    last = name.split()[-1]
    for tok in parsed:
        if tok.text == last and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and last.lower() not in _ORGANISATION_ENDS:
            for c in tok.children:
                if c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") and w.dep_ in ("nsubj", "nsubjpass", "dobj") for w in c.children):
                    return True
                if an_age(c):
                    return True
    return False


def _mentions(parsed, description: str) -> bool:
    """``parsed`` speaks of "the <description's noun>" ("He joined *the club* from Brno")."""
    head = normalise(description.split()[-1])
    return parsed is not None and any(
        tok.pos_ == "NOUN" and (tok.lemma_.lower() == head or normalise(tok.text) == head)
        and any(d.lower_ in ("the", "this") for d in tok.lefts)
        for tok in parsed
    )


#: Pronouns of a man or a woman.
_PERSONAL = frozenset("he she him her his hers himself herself".split())


def _organisation(parsed, other_than: str | None = None) -> tuple[str, str] | None:
    """``(name, words)`` of the first organisation a parsed sentence names (not ``other_than``): an
    entity the recogniser labels one, or a name that ends as an organisation's does; None where
    there is none."""
    for ent in parsed.ents:
        if other_than and other_than in ent.text:
            continue
        if ent.label_ == "ORG" or (ent.label_ in HOLDER_LABELS and ent[-1].lower_.strip(".") in _ORGANISATION_ENDS):
            name = _strip(ent.text)
            if _a_name(name):
                return name, name
    return None


def _law(parsed) -> tuple[str, str] | None:
    """The first law a parsed sentence names (an entity the recogniser calls a law, or a name
    ending in "Act", "Law", "Regulation" ...), or None."""
    for ent in parsed.ents:
        words = ent.text.split()
        if ent.label_ == "LAW" or (words and words[-1].lower() in LAW_WORDS and words[-1][:1].isupper()):
            name = _trimmed(_strip(ent.text))
            if name:
                return name, ent.text
    return None


def _created(parsed) -> tuple[str, str] | None:
    """The name a sentence's main verb creates ("... have launched the *Kunlun Consortium*"), or None."""
    roots = [t for t in parsed if t.dep_ == "ROOT"]
    # "Tesla has begun mass-producing its Optimus humanoid": the verb a "begin" or "start" governs
    roots += [c for t in roots if t.lemma_.lower() in ("begin", "start") for c in t.children if c.dep_ == "xcomp"]
    for tok in roots:
        if tok.lemma_.lower() in _CREATING:
            for c in tok.children:
                if c.dep_ == "dobj":
                    names = [t for t in c.subtree if t.pos_ == "PROPN" or t.ent_type_ in HOLDER_LABELS]
                    if names and (c.pos_ == "PROPN" or any(t.dep_ == "compound" and t.head.i == c.i for t in names)):
                        words = parsed[min(t.i for t in names) : c.i + 1].text
                        name = _trimmed(_strip(words))
                        if name:
                            return name, name
    return None
