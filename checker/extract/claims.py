"""Claims: the sentences of a document that state a figure or a date, cite a source, or may state
a fact with no figure.

For each block of a document, each sentence is run through the citation, date and
quantity extractors (in that order, each excluding what the previous ones took).
A sentence with a quantity, a date or a citation marker becomes a :class:`~checker.model.Claim` whose
offsets, line and column point into the original file; so does one with the words of a fact
with no figure (:mod:`checker.extract.relations`: "the machine is housed in Calder"), whose
entity facts the parse reads.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .citations import extract_citations
from .dates import extract_dates
from ..model import Claim, Document
from .quantities import extract_quantities
from .relations import states_relation
from ..ingest.segment import split_sentences
from .terms import content_terms, is_past_tense, known_names, subjects


def document_claims(doc: Document, first_number: int = 1) -> list[Claim]:
    """All claims of one document, numbered ``c<first_number>``, ``c<first_number+1>``, ..."""
    claims: list[Claim] = []
    # a block that is only the document's dateline states no claim: it dates the document
    spans = [(block, split_sentences(block.text)) for block in doc.blocks if block.kind != "dateline"]
    names = known_names(block.text[s:e] for block, found in spans for s, e in found)
    seen: dict[str, dict | None] = {}  # a sentence the document repeats is read once
    for block, found in spans:
        for s, e in found:
            sentence = block.text[s:e]
            if sentence in seen:
                claim = seen[sentence]
            else:
                claim = seen[sentence] = sentence_claim(sentence, names)
            if claim is None:
                continue
            start, end = block.original_span(s, e)
            line, column = doc.line_column(start)
            claims.append(
                Claim(
                    id=f"c{first_number + len(claims)}",
                    doc=doc.id,
                    path=doc.path,
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    text=sentence,
                    section=block.section,
                    **claim,
                )
            )
    return claims


def sentence_claim(sentence: str, names: set[str] | None = None) -> dict | None:
    """The structured content of one sentence, or None when it states no figure, date or citation.

    ``names`` are the proper names its document uses (see :func:`checker.extract.terms.known_names`).
    """
    citations = extract_citations(sentence)
    taken = [(c.start, c.end) for c in citations]
    dates = extract_dates(sentence, exclude=taken)
    taken += [(d.start, d.end) for d in dates]
    quantities = extract_quantities(sentence, exclude=taken, dated=True)
    if not quantities and not dates and not citations and not states_relation(sentence):
        return None  # (a sentence of where a thing is, or who built or won it, is read for its entity facts)
    return {
        "quantities": tuple(quantities),
        "dates": tuple(dates),
        "citations": tuple(citations),
        "terms": content_terms(sentence),
        "subjects": subjects(sentence, names),
        "past_tense": is_past_tense(sentence),
    }


def corpus_claims(documents: Iterable[Document]) -> Iterator[Claim]:
    """Claims of every document, numbered across the corpus in document order."""
    number = 1
    for doc in documents:
        claims = document_claims(doc, number)
        number += len(claims)
        yield from claims
