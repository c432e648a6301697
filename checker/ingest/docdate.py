"""A document's own date, and the date a user gives for documents that state none.

The date a document states about itself, first found of:

* its metadata: YAML front matter ``date:`` (or ``published:``, ...) of a Markdown file,
  an HTML ``<meta>`` date (``article:published_time``, ``date``, ``dc.date``, ...) or a
  ``<time datetime>`` in the page's header (inside ``<header>``, marked ``pubdate`` or
  ``itemprop="datePublished"``, or before the first paragraph), read by the markup readers;
* a dateline in one of the first blocks of the text: "March 3, 2024 — ...",
  "Published: 2024-03-03", "Updated 12 Jan 2025", "By Ann Lee | 3 March 2025"
  (:func:`checker.extract.dates.locate_dateline`).

Dates further down are never taken: a date in the body dates an event, not the document.
A document that states none takes the date given with ``--date`` (:func:`with_given_date`),
marked ``date_source = "given date"``, so that a fact's time slot says so.
"""

from __future__ import annotations

from ..extract.dates import locate_dateline, parse_date
from ..model import Block, Document

#: ``Document.date_source`` of a date the document states, and of one given by the user.
STATED, GIVEN = "document date", "given date"


def document_date(meta_date: str | None, blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """The ISO date a document states (``meta_date``, the raw metadata value, first, else a
    dateline) and its blocks, a block that is nothing but the dateline marked ``"dateline"``
    (the document's own metadata states no claim)."""
    dateline = locate_dateline([b.text for b in blocks])
    date = parse_date(meta_date) or (dateline[1] if dateline else None)
    if dateline and dateline[2]:
        b = blocks[dateline[0]]
        blocks = list(blocks)
        blocks[dateline[0]] = Block(kind="dateline", section=b.section, text=b.text, offsets=b.offsets)
    return date, blocks


def with_given_date(doc: Document, given: str | None) -> Document:
    """``doc``, dated ``given`` (ISO, ``--date``) when it states no date of its own."""
    if given and doc.date is None:
        doc.date = given
        doc.date_source = GIVEN
    return doc


def stated_date(doc: Document) -> str | None:
    """The date ``doc`` states itself (None when it only took a given one)."""
    return None if doc.date_source == GIVEN else doc.date
