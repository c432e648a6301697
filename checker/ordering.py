"""The one order and the one place of everything a report shows: severities, finding order, claim locations.

Pure functions of the records (``Claim``, ``Document``, ``Finding``) by their attributes,
with no import of the rest of claimgraph, so that the records themselves
(:class:`checker.model.Report`'s tables) and every report format share them: the same
report always gives the same order, and every format the same line and column for the
same claim. Numbers are made JSON-friendly here too (``number``, ``score``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Severities from most to least severe.
SEVERITIES = ("error", "warning", "info")

#: Rank of each severity, most severe first; unknown severities sort last.
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

#: Order in which edge relations are listed.
RELATION_RANK = {"conflicts": 0, "supports": 1, "related": 2}


@dataclass(frozen=True)
class Location:
    """Where a claim sits: 1-based line and column (code points), plus its end."""

    claim: str
    path: str
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None  # a PDF's page
    paragraph: int | None = None  # a Word document's paragraph, or a PDF's on its page

    @property
    def where(self) -> str:
        """``"page 2, paragraph 3"`` (PDF), ``"paragraph 7"`` (Word), else ``""``."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        return ", ".join(parts)

    @property
    def label(self) -> str:
        """``path:line:column``, and for Word and PDF documents where a person finds it:
        ``report.pdf:14:1 (page 3, paragraph 2)``."""
        where = self.where
        return f"{self.path}:{self.line}:{self.column}" + (f" ({where})" if where else "")


def severity_rank(severity: str) -> int:
    return SEVERITY_RANK.get(severity, len(SEVERITIES))


def claim_location(claim, doc=None) -> Location:
    """The location of ``claim``; with its document, also where the claim ends.

    The start is always the claim's own ``line``/``column`` so that every format
    agrees; the end is computed from the document text when the document is known.
    """
    end_line = end_column = page = paragraph = None
    if doc is not None and getattr(doc, "format", None) in ("docx", "pdf"):
        page, paragraph = doc.page_paragraph(claim.start)
    if doc is not None and doc.line_starts:
        end = max(claim.end, claim.start)
        # A claim ending with a line break ends on that line, not at the next one.
        while end > claim.start and doc.text[end - 1 : end] in ("\n", "\r"):
            end -= 1
        end_line, end_column = doc.line_column(end)
        if (end_line, end_column) < (claim.line, claim.column):
            end_line, end_column = claim.line, claim.column
    return Location(claim.id, claim.path, claim.line, claim.column, end_line, end_column, page, paragraph)


def _finding_key(finding, claims: dict):
    first = next((claims[c] for c in finding.claims if c in claims), None)
    where = (first.path, first.line, first.column) if first else ("\uffff", 0, 0)
    places = tuple((claims[c].path, claims[c].line, claims[c].column) for c in finding.claims if c in claims)
    return (severity_rank(finding.severity), finding.severity, finding.kind, where, finding.rule, places, finding.id)


def sort_findings(findings, claims: dict) -> list:
    """Findings in the one order every format uses: severity rank, kind, first
    claim's path/line/column, rule id, every claim's path/line/column (and finding id to break
    remaining ties), so that the order does not depend on what the claims are called."""
    return sorted(findings, key=lambda f: _finding_key(f, claims))


def number(value):
    """A JSON-friendly number: integer-valued floats as ints, non-finite as None."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer():
            return int(value)
    return value


def score(value) -> float | int | None:
    """A score rounded to 4 decimals (integer-valued scores as ints)."""
    if value is None:
        return None
    return number(round(float(value), 4))


def sort_edges(edges) -> list:
    """Edges in the order the reports list them: conflicts, supports, related, then by ends and rule."""
    return sorted(edges, key=lambda e: (RELATION_RANK.get(e.relation, 9), e.relation, e.source, e.target, e.rule or ""))
