"""Helpers shared by every report format.

Everything here is pure and deterministic: the same :class:`~checker.model.Report`
always gives the same order, the same counts and the same locations, so every format
shows the same line and column for the same claim.
"""

from __future__ import annotations

import unicodedata

from checker.model import Claim, Finding, Report
from checker.ordering import (  # noqa: F401 - re-exported for the formats
    RELATION_RANK,
    SEVERITIES,
    SEVERITY_RANK,
    Location,
    claim_location,
    number,
    score,
    severity_rank,
    sort_edges,
    sort_findings,
)

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
        return sort_edges(self.report.edges)


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


#: ANSI SGR codes: each severity's colour, the rule's bold, the locations' dim.
COLOURS = {"error": "1;31", "warning": "1;33", "info": "1;36", "rule": "1", "location": "2"}


def paint(text: str, what: str, color: bool) -> str:
    """``text`` in the colour of ``what`` (a severity, ``rule`` or ``location``) when ``color``."""
    code = COLOURS.get(what) if color else None
    return f"\x1b[{code}m{text}\x1b[0m" if code else text
