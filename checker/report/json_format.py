"""Machine-readable JSON report, schema ``claimgraph/report@1``.

The output is deterministic: keys appear in the contract order, findings in the one
order every format shares, documents, claims and edges in report order, integer-valued
numbers as ints and scores rounded to 4 decimals; the text ends with a newline.

A check's report (one with drafts) has a ``ledger`` after the edges: one entry per draft
claim (:mod:`checker.ledger`), and ``summary.ledger`` counts them by status; a scan's has none.

Claim ``start``/``end`` (and ``line``/``column``) are positions in the document's
ORIGINAL text. Quantity and date ``start``/``end`` are offsets RELATIVE TO THE CLAIM
TEXT (``claim["text"][q["start"]:q["end"]] == q["text"]``), as in the model.

A Word document's or a PDF's text is the text claimgraph extracted, one paragraph a line,
so ``line`` is a paragraph; their claims and finding locations add ``paragraph`` (a PDF's
counted on its page) and, for a PDF, ``page`` (additive fields of ``claimgraph/report@1``).
"""

from __future__ import annotations


import checker
from checker.ledger import compute_ledger, status_counts
from checker.model import Claim, DateExpr, Document, Edge, Fact, Quantity, Report, Slot

from ._common import ReportView, kind_counts, number, score, severity_counts
from .json_text import json_text

SCHEMA = "claimgraph/report@1"


def _document(doc: Document) -> dict:
    return {"id": doc.id, "path": doc.path, "title": doc.title, "date": doc.date}


def _quantity(q: Quantity) -> dict:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": number(q.value),
        "unit": q.unit,
        "qualifier": q.qualifier,
        "kind": q.kind,
        "of_total": number(q.of_total),
        "equivalent_of": q.equivalent_of,
        "change": q.change,
    }


def _date(d: DateExpr) -> dict:
    return {
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "value": d.value,
        "granularity": d.granularity,
        "qualifier": d.qualifier,
    }


def _claim(c: Claim) -> dict:
    return {
        "id": c.id,
        "doc": c.doc,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "section": c.section,
        "quantities": [_quantity(q) for q in c.quantities],
        "dates": [_date(d) for d in c.dates],
        "citations": [ci.text for ci in c.citations],
        "facts": [_fact(f) for f in c.facts],
    }


def _slot(s: Slot | None) -> dict | None:
    return None if s is None else {"value": s.value, "text": s.text, "from": s.source}


def _fact(f: Fact) -> dict:
    return {
        "id": f.id,
        "kind": f.kind,
        "figure": f.figure,
        "value": f.value,
        "measure": _slot(f.measure),
        "holder": _slot(f.holder),
        "time": _slot(f.time),
        "place": _slot(f.place),
        "modality": f.modality,
        "direction": f.direction,
        "qualifier": f.qualifier,
        "part": _slot(f.part),
    }


def _edge(e: Edge) -> dict:
    return {
        "source": e.source,
        "target": e.target,
        "relation": e.relation,
        "rule": e.rule,
        "score": score(e.score),
        "explanation": e.explanation,
    }


def _placed(entry: dict, loc) -> dict:
    """``entry`` with the claim's ``page`` (PDF) and ``paragraph`` (PDF: on its page; Word: its
    ``line``) where the document has them; other documents' entries are left as they were."""
    if loc.page is not None:
        entry["page"] = loc.page
    if loc.paragraph is not None:
        entry["paragraph"] = loc.paragraph
    return entry


def _number(x: float | None):
    """A base value as JSON, to twelve significant digits (no float noise from a unit's factor:
    1.2 exaflops is ``1200000000000000000``); an integral value as an integer."""
    if x is None or x != x or x in (float("inf"), float("-inf")):
        return None
    x = float(f"{x:.12g}")
    return int(x) if x == int(x) and abs(x) < 1e21 else x


def _group(g) -> dict:
    return {
        "id": g.id,
        "label": g.label,
        "holder": g.holder,
        "measure": g.measure,
        "time": g.time,
        "place": g.place,
        "status": g.status,
        "majority": g.majority,
        "first_date": g.first_date,
        "last_date": g.last_date,
        "values": [
            {
                "text": v.text,
                "value": v.value,
                "unit": v.unit,
                "claims": list(v.claims),
                "documents": list(v.documents),
                "first_date": v.first_date,
                "last_date": v.last_date,
                "base_value": _number(v.base_value),
                "base_unit": v.base_unit,
            }
            for v in g.values
        ],
    }


def to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data, keys in contract order."""
    view = ReportView(report)
    ledger = compute_ledger(report) if report.draft_paths is not None else None
    from ..group import group_of_finding, groups_by_claim

    in_groups = groups_by_claim(report.groups)
    findings = []
    for f in view.findings:
        findings.append(
            {
                "id": f.id,
                "rule": f.rule,
                "name": f.name,
                "kind": f.kind,
                "severity": f.severity,
                "message": f.message,
                "claims": list(f.claims),
                "fingerprint": f.fingerprint,
                "locations": [
                    _placed({"claim": loc.claim, "path": loc.path, "line": loc.line, "column": loc.column}, loc)
                    for loc in view.locations(f)
                ],
            }
        )
        if f.kind == "conflict":
            findings[-1]["group"] = group_of_finding(f.claims, in_groups)
    data = {
        "schema": SCHEMA,
        "tool": {"name": "claimgraph", "version": checker.__version__, "model": report.model},
        "documents": [_document(d) for d in report.documents],
        "claims": [_placed(_claim(c), view.location(c)) for c in report.claims],
        "findings": findings,
        "edges": [_edge(e) for e in report.edges],
    }
    if ledger is not None:  # a check's: every draft claim
        data["ledger"] = [entry.as_json() for entry in ledger]
    data["clusters"] = [list(group) for group in report.clusters]
    data["groups"] = [_group(g) for g in report.groups]
    data["summary"] = {
        "documents": len(report.documents),
        "claims": len(report.claims),
        "findings": len(report.findings),
        "by_severity": severity_counts(report),
        "by_kind": kind_counts(report),
    }
    if ledger is not None:
        data["summary"]["ledger"] = status_counts(ledger)
    return data


def render(report: Report) -> str:
    """The report as JSON text (UTF-8 friendly, 2-space indent, trailing newline)."""
    return json_text(to_dict(report))
