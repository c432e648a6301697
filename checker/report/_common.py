"""Helpers shared by every report format.

Everything here is pure and deterministic: the same :class:`~checker.model.Report`
always gives the same order, the same counts and the same locations, so every format
shows the same line and column for the same claim.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from checker.model import SEVERITIES, Claim, Document, Finding, Report

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

    @property
    def label(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def severity_rank(severity: str) -> int:
    return SEVERITY_RANK.get(severity, len(SEVERITIES))


def claim_location(claim: Claim, doc: Document | None = None) -> Location:
    """The location of ``claim``; with its document, also where the claim ends.

    The start is always the claim's own ``line``/``column`` so that every format
    agrees; the end is computed from the document text when the document is known.
    """
    end_line = end_column = None
    if doc is not None and doc.line_starts:
        end = max(claim.end, claim.start)
        # A claim ending with a line break ends on that line, not at the next one.
        while end > claim.start and doc.text[end - 1 : end] in ("\n", "\r"):
            end -= 1
        end_line, end_column = doc.line_column(end)
        if (end_line, end_column) < (claim.line, claim.column):
            end_line, end_column = claim.line, claim.column
    return Location(claim.id, claim.path, claim.line, claim.column, end_line, end_column)


class ReportView:
    """Lookups and the canonical finding order over one report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = report.claim_by_id()
        self.documents = report.document_by_id()
        self.findings = sort_findings(report.findings, self.claims)

    def claims_of(self, finding: Finding) -> list[Claim]:
        """The finding's claims that exist in the report, in the finding's order."""
        return [self.claims[c] for c in finding.claims if c in self.claims]

    def location(self, claim: Claim) -> Location:
        return claim_location(claim, self.documents.get(claim.doc))

    def locations(self, finding: Finding) -> list[Location]:
        return [self.location(c) for c in self.claims_of(finding)]

    def doc_ids(self, finding: Finding) -> list[str]:
        """Ids of the documents a finding's claims come from, first-seen order."""
        out: list[str] = []
        for c in self.claims_of(finding):
            if c.doc not in out:
                out.append(c.doc)
        return out

    def sorted_edges(self):
        return sorted(
            self.report.edges,
            key=lambda e: (RELATION_RANK.get(e.relation, 9), e.relation, e.source, e.target, e.rule or ""),
        )


def _finding_key(finding: Finding, claims: dict[str, Claim]):
    first = next((claims[c] for c in finding.claims if c in claims), None)
    where = (first.path, first.line, first.column) if first else ("\uffff", 0, 0)
    return (severity_rank(finding.severity), finding.severity, finding.kind, where, finding.rule, finding.id)


def sort_findings(findings, claims: dict[str, Claim]) -> list[Finding]:
    """Findings in the one order every format uses: severity rank, kind, first
    claim's path/line/column, rule id (and finding id to break remaining ties)."""
    return sorted(findings, key=lambda f: _finding_key(f, claims))


def severity_counts(report: Report) -> dict[str, int]:
    counts = {s: 0 for s in SEVERITIES}
    for f in report.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def kind_counts(report: Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return dict(sorted(counts.items()))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary_line(report: Report) -> str:
    """E.g. ``"2 documents, 41 claims, 3 findings (1 error, 0 warnings, 2 info)"``."""
    sev = severity_counts(report)
    parts = [_plural(sev.get("error", 0), "error"), _plural(sev.get("warning", 0), "warning"), f"{sev.get('info', 0)} info"]
    parts += [_plural(n, s) for s, n in sev.items() if s not in SEVERITIES]
    return (
        f"{_plural(len(report.documents), 'document')}, {_plural(len(report.claims), 'claim')}, "
        f"{_plural(len(report.findings), 'finding')} ({', '.join(parts)})"
    )


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


def figure_spans(claim: Claim) -> list[tuple[int, int, str, object]]:
    """Non-overlapping, in-bounds ``(start, end, "quantity"|"date", item)`` spans of
    the claim's figures, relative to ``claim.text``, in text order."""
    n = len(claim.text)
    raw = [(q.start, q.end, "quantity", q) for q in claim.quantities]
    raw += [(d.start, d.end, "date", d) for d in claim.dates]
    raw.sort(key=lambda s: (s[0], -s[1], s[2]))
    out = []
    pos = 0
    for start, end, kind, item in raw:
        if start < pos or start < 0 or end > n or end <= start:
            continue
        out.append((start, end, kind, item))
        pos = end
    return out


def one_line(text: str) -> str:
    """Collapse all runs of whitespace (line breaks included) to single spaces."""
    return " ".join(text.split())


def inert_controls(text: str) -> str:
    """Replace control characters (ANSI escapes, bells, ...) except tab/newline with
    a visible ``\\xNN`` form so document text cannot drive a terminal."""
    out = []
    for ch in text:
        if ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\u200d\u200c":
            out.append(ch)
        else:
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
    return "".join(out)


def shorten(text: str, spans: list[tuple[int, int]], width: int = 160) -> str:
    """Shorten ``text`` to about ``width`` code points, keeping every figure span
    whole and visible, with an ellipsis where text was cut."""
    if len(text) <= width:
        return text
    if spans:
        lo = min(s for s, _ in spans)
        hi = max(e for _, e in spans)
    else:
        lo, hi = 0, 0
    if hi - lo >= width:
        # The figures alone fill the width: keep them all, cut only around them.
        start, end = lo, hi
    else:
        slack = width - (hi - lo)
        start = max(0, lo - slack // 2)
        end = min(len(text), start + width)
        start = max(0, end - width)
        # Cut at word boundaries where that keeps the figures.
        if start > 0:
            sp = text.find(" ", start, lo)
            if sp != -1:
                start = sp + 1
        if end < len(text):
            sp = text.rfind(" ", hi, end)
            if sp != -1:
                end = sp
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
