"""Plain data records that flow through the pipeline.

Every stage of claimgraph reads and writes these records and nothing else, so each
stage can be tested on hand-made values. Offsets are character (code point) offsets
into the ORIGINAL text of a document; lines and columns are 1-based.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

#: The section a claim sits in. Claims in ``summary``, ``headline`` and ``quote``
#: sections repeat the body and should be backed by it.
SECTIONS = ("body", "summary", "headline", "quote")

#: Date granularities, coarse to fine; ``range`` is a span of years or dates.
GRANULARITIES = ("range", "year", "quarter", "month", "day")


@dataclass(frozen=True)
class Block:
    """A run of plain text taken from one structural element of a document.

    ``text`` is the text with markup removed; ``offsets[i]`` is the offset in the
    original document of ``text[i]``, and ``offsets[len(text)]`` is the offset just
    past the last character, so any plain span maps back to the original file.
    """

    kind: str  # "title", "heading", "paragraph", "list_item", "table_cell", "quote", "dateline"
    section: str  # one of SECTIONS
    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to a span of the original text."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Document:
    """One input file: its original text, where its lines start and its blocks."""

    id: str
    path: str
    text: str
    format: str  # "text", "markdown", "html", "docx", "pdf"
    title: str | None = None
    date: str | None = None  # ISO date of publication when the document states it
    blocks: list[Block] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    #: where ``date`` comes from: "document date" (the document states it) or "given date" (``--date``)
    date_source: str = "document date"

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts = line_starts(self.text)

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an offset into ``text``."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def page_paragraph(self, offset: int) -> tuple[int | None, int | None]:
        """Where an offset sits in a Word or PDF document, as a person finds it: ``(page,
        paragraph)``, 1-based; ``(None, None)`` for text, Markdown and HTML.

        The text of a Word or PDF document is the text claimgraph extracted from it, one
        paragraph a line (:mod:`checker.ingest.office_docx`, :mod:`checker.ingest.office_pdf`),
        so a Word document's paragraph is its line (``(None, line)``). A PDF's text ends each
        page with :data:`PAGE_BREAK` (one for each page, so a page with no text adds one more);
        its paragraph is counted from the top of its page.
        """
        line = self.line_column(offset)[0]
        if self.format == "docx":
            return None, line
        if self.format != "pdf":
            return None, None
        text = self.text
        offset = max(0, min(offset, len(text)))
        page = text.count(PAGE_BREAK, 0, offset) + 1
        last = text.rfind(PAGE_BREAK, 0, offset)
        if last < 0:
            return page, line
        top = last + 1  # the page's text starts after its break and the line break that follows it
        if text.startswith("\r\n", top):
            top += 2
        elif text[top : top + 1] in ("\n", "\r"):
            top += 1
        return page, line - self.line_column(min(top, offset))[0] + 1


#: Ends each page of a PDF's extracted text (form feed; whitespace, so no reader keeps it).
PAGE_BREAK = "\f"

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (``\\n``, ``\\r\\n`` or ``\\r``)."""
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK_RE.finditer(text))
    return starts


@dataclass(frozen=True)
class Quantity:
    """A figure stated in a sentence.

    ``value`` has the scale applied (``"¥300 billion"`` -> ``3e11``). ``start`` and
    ``end`` are offsets into the string the extractor was given.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None  # "percent", "CNY", "USD", "EUR", "exaflop", "MW", "TOPS/watt", "qubit", noun lemma...
    kind: str = "count"  # "count", "money", "percent", "measure", "ratio"
    qualifier: str | None = None  # "over", "about", "up to", "below", "at least", "under", "exactly"
    scale: str | None = None  # "thousand", "million", "billion", "trillion" as written
    of_total: float | None = None  # "24 of the world's top 100" -> 100
    equivalent_of: int | None = None  # index of the quantity this one restates in another currency
    noun: str | None = None  # what is counted or measured, as written after the figure
    change: str | None = None  # "increase", "decrease", "faster", "slower", "below", "above", "growth"

    @property
    def bounds(self) -> tuple[float, float]:
        """The closed interval of values the quantity, with its qualifier, allows."""
        v = self.value
        q = self.qualifier
        if q in ("over", "more than", "above", "exceeding", "at least", "surpassing", "tops"):
            return (v, float("inf"))
        if q in ("under", "below", "less than", "up to", "at most", "fewer than"):
            return (float("-inf"), v)
        return (v, v)


@dataclass(frozen=True)
class DateExpr:
    """A temporal expression: a day, month, quarter, year or a range of them.

    ``value`` is ISO-like: ``"2023"``, ``"2025-Q3"``, ``"2025-07"``, ``"2025-04-12"``,
    ``"2025/2030"`` for a range. ``first`` and ``last`` are the first and last day it
    covers (ISO dates), so two expressions can be compared whatever their granularity.
    """

    text: str
    start: int
    end: int
    value: str
    granularity: str  # one of GRANULARITIES
    first: str
    last: str
    qualifier: str | None = None  # "by", "before", "after", "since", "until", "in"


@dataclass(frozen=True)
class Citation:
    """A reference marker such as ``[1, 4]``; its numbers are not figures."""

    text: str
    start: int
    end: int
    refs: tuple[int, ...]


#: Where a slot of a fact came from, nearest first: the claim's own sentence, the sentence
#: before it, the text under a timeline entry (a date and a label over a paragraph), the
#: section heading over it, the document's title, the headers of the table cell it sits in, a
#: relative expression resolved against the document's date ("last year"), the document's own
#: date (a figure stated with no time is "as of" it), or a date the user gave.
SLOT_SOURCES = (
    "sentence",
    "previous sentence",
    "text below",
    "heading",
    "title",
    "table header",
    "relative",
    "document date",
    "given date",
)
#: The sources of a slot that the claim's own text states (a table cell's headers are part of
#: the cell's text): such a holder sets two facts apart, where an inherited one only joins them.
OWN_SOURCES = frozenset({"sentence", "table header"})

#: What a fact states: an outcome, a plan or target, a forecast or estimate, or what someone
#: reportedly said ("according to", "reportedly").
MODALITIES = ("actual", "plan", "forecast", "reported")

#: Kinds of fact: a figure (one of the claim's quantities), a date (one of its dates), or a
#: non-numeric value (a place or an organisation an event is bound to).
FACT_KINDS = ("quantity", "date", "entity")


@dataclass(frozen=True)
class Slot:
    """One slot of a fact (its measure, holder, time or place).

    ``value`` is the normalised key rules compare (lower-case lemmas for a measure, a name for a
    holder or place, an ISO-like period for a time: ``"2024"``, ``"2025-Q3"``); ``text`` is the
    words as written where they were found; ``source`` is one of :data:`SLOT_SOURCES`.
    """

    value: str
    text: str
    source: str


@dataclass(frozen=True)
class Fact:
    """One figure, date or non-numeric value of a claim, bound to what it is about.

    ``figure`` indexes the claim's ``quantities`` (kind ``quantity``) or ``dates`` (kind
    ``date``); it is None for kind ``entity``, whose value is ``value`` itself. ``measure`` is
    what the figure counts or is an attribute of ("registered capital", "price"), or for a date
    the event it dates, synonyms folded ("launch" for opened, launched, went live); ``holder``
    whose measure it is; ``time`` the period it holds for; ``place`` where. ``direction`` is the
    sense of a change or event ("up", "down"; "open", "close"; "buy", "sell"): opposite
    directions of one measure conflict; a date's direction is the side of the event it dates
    ("begin", "end", "again": "joined" / "left" / "rejoined", :data:`checker.frame.direction.EVENT_SIDES`).
    ``part`` is the part of the whole a share is of, where
    the sentence names it ("*cloud* accounted for 60% of revenue", "60% of revenue came from
    *cloud*"): two parts' shares of one measure are two facts. An ``entity`` fact (:mod:`checker.frame.entities`) binds
    a place or an organisation (``value``) to a thing (``holder``) by a relation (``measure``:
    "location", "headquarters", "winner", "builder", "adopter", "operator"); its ``place`` is
    where the value itself lies, if said, and its ``qualifier`` the value's entity label ("GPE",
    "ORG", "FAC", ...).
    """

    id: str  # "<claim id>.f<n>", n from 1 in the claim's order of facts
    kind: str  # one of FACT_KINDS
    figure: int | None
    value: str  # as written: "$900", "March 2026", "Phoenix"
    measure: Slot | None = None
    holder: Slot | None = None
    time: Slot | None = None
    place: Slot | None = None
    modality: str = "actual"  # one of MODALITIES
    direction: str | None = None
    qualifier: str | None = None
    part: Slot | None = None  # the part of a whole a share is of ("cloud" of "cloud accounted for 60% of revenue")


@dataclass(frozen=True)
class Claim:
    """One sentence (or list item, headline, quote) that states a figure or a date."""

    id: str
    doc: str
    path: str
    start: int
    end: int
    line: int
    column: int
    text: str
    section: str
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    citations: tuple[Citation, ...] = ()
    terms: tuple[str, ...] = ()  # lower-case content words: what is measured and of whom
    subjects: tuple[str, ...] = ()  # proper names (places, organisations) the sentence is about
    past_tense: bool = False
    facts: tuple[Fact, ...] = ()  # the claim's figures and dates bound to measure, holder, time, place

    @property
    def masked_text(self) -> str:
        """The sentence with every figure, date and citation replaced by a placeholder."""
        spans = sorted(
            [(q.start, q.end, "#") for q in self.quantities]
            + [(d.start, d.end, "DATE") for d in self.dates]
            + [(c.start, c.end, "") for c in self.citations]
        )
        out: list[str] = []
        pos = 0
        for s, e, token in spans:
            if s < pos:
                continue
            out.append(self.text[pos:s])
            out.append(token)
            pos = e
        out.append(self.text[pos:])
        return " ".join("".join(out).split())


from .ordering import SEVERITIES  # noqa: E402 - defined with the order of findings; kept here for importers


@dataclass(frozen=True)
class Finding:
    """A problem a rule found, with the claims it involves."""

    id: str
    rule: str
    name: str
    kind: str  # "conflict", "scope", "unsupported", "citation", ...
    severity: str  # one of SEVERITIES
    message: str
    claims: tuple[str, ...]
    fingerprint: str
    score: float = 1.0


@dataclass(frozen=True)
class Edge:
    """A relation between two claims in the claim graph."""

    source: str
    target: str
    relation: str  # "supports", "conflicts", "related"
    rule: str | None
    score: float
    explanation: str = ""
    #: Which figures the rules related, one ``(relation, figure in source, figure in target)`` per
    #: verdict, a figure named ``q<n>`` (the claim's n-th quantity) or ``d<n>`` (its n-th date), or
    #: "" when the verdict did not say: what the fact groups join (:mod:`checker.group`); ``e<n>``
    #: names the claim's n-th entity fact (ENT001), which is no figure: its group's values are names.
    figures: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class GroupValue:
    """One reading of a fact group: a distinct value (qualifiers and rounding folded) and who states it."""

    text: str  # as written by the first claim that states it
    value: str  # normalised key: a number ("921000"), an ISO-like date, or a name (unit "entity")
    unit: str | None
    claims: tuple[str, ...]
    documents: tuple[str, ...]  # document ids
    first_date: str | None = None  # earliest document date among its documents
    last_date: str | None = None
    #: The value as a number in its base unit, so that values can be compared across wordings
    #: ("1.2 exaflops" and "1,150 petaflops" both in flop/s): a measure in the base unit of
    #: :data:`checker.extract.units.UNIT_BASES`, money in its currency, a percentage in percent, a
    #: count of its noun. None for a date or a name, whose ``value`` is already normalised.
    base_value: float | None = None
    base_unit: str | None = None


@dataclass(frozen=True)
class FactGroup:
    """Facts of several claims that state the same thing (joined by supports and conflicts)."""

    id: str  # "g<n>"
    label: str  # holder, measure, time, place in words; "holder: relation (time)" for entity facts
    holder: str | None
    measure: str | None
    time: str | None
    place: str | None
    status: str  # "agree", "disagree", "revised"
    values: tuple[GroupValue, ...]  # most documents first
    majority: str | None = None  # the value most documents give (None on a tie)
    first_date: str | None = None
    last_date: str | None = None


@dataclass
class Report:
    """Everything a report format renders: one record shared by all formats."""

    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    edges: list[Edge]
    model: str = ""
    clusters: list[list[str]] = field(default_factory=list)  # claim ids of each group of related claims
    groups: list[FactGroup] = field(default_factory=list)  # fact groups (checker.group), disagreeing first
    # What the gate reads, never rendered: doc id -> (start, end, claim id) of EVERY claim the run
    # read (a check's report keeps only some), for in-place suppressions; and a check's drafts'
    # paths, whose unused directives are reported. ``draft_paths`` is also what makes a report a
    # check's: its documents at those paths are the drafts of the claim ledger (``ledger()``).
    claim_spans: dict[str, list[tuple[int, int, str]]] | None = field(default=None, compare=False, repr=False)
    draft_paths: set[str] | None = field(default=None, compare=False, repr=False)

    def claim_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def document_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def ledger(self):
        """The claim ledger of a check: one :class:`checker.ledger.LedgerEntry` per draft claim
        (status ``confirmed``, ``conflicting``, ``review`` or ``unverified``, with its evidence);
        empty for a scan (:func:`checker.ledger.compute_ledger`)."""
        from .ledger import compute_ledger

        return compute_ledger(self)

    def claims_frame(self):
        """The claims as a ``pandas.DataFrame`` (:func:`checker.tables.claims_frame`)."""
        from .tables import claims_frame

        return claims_frame(self)

    def facts_frame(self):
        """One row per fact of each claim, as a ``pandas.DataFrame`` (:func:`checker.tables.facts_frame`)."""
        from .tables import facts_frame

        return facts_frame(self)

    def findings_frame(self):
        """One row per finding and claim, as a ``pandas.DataFrame`` (:func:`checker.tables.findings_frame`)."""
        from .tables import findings_frame

        return findings_frame(self)

    def groups_frame(self):
        """One row per fact group and value, as a ``pandas.DataFrame`` (:func:`checker.tables.groups_frame`)."""
        from .tables import groups_frame

        return groups_frame(self)

    def edges_frame(self):
        """The claim graph's edges as a ``pandas.DataFrame`` (:func:`checker.tables.edges_frame`)."""
        from .tables import edges_frame

        return edges_frame(self)
