"""pandas tables of a report: its claims, its findings (one row per finding and claim) and its edges.

The tables are the Python interface to a report (``Report.claims_frame()``,
``Report.findings_frame()``, ``Report.edges_frame()``) and the source of ``--format csv``
(:mod:`checker.report.csv_format`). The functions read the records by their attributes and
import only :mod:`checker.ordering`, so :class:`checker.model.Report` can offer them as methods.
They hold what the JSON report holds, in the same order (findings in the one order every
format shares), with each claim's place as every format shows it (``path``, ``line``,
``column``). pandas is imported here only, when a table is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ordering import claim_location, score, sort_edges, sort_findings

if TYPE_CHECKING:  # pragma: no cover
    import pandas

#: Columns of :func:`claims_frame`.
CLAIM_COLUMNS = (
    "claim", "doc", "path", "line", "column", "start", "end", "section", "text",
    "quantities", "dates", "document_title", "document_date",
)
#: Columns of :func:`findings_frame`: one row per finding and claim.
FINDING_COLUMNS = (
    "finding", "rule", "name", "kind", "severity", "message", "fingerprint",
    "claim", "path", "line", "column", "section", "text",
)
#: Columns of :func:`facts_frame`: one row per fact; a slot is its value (its source in ``*_from``).
FACT_COLUMNS = (
    "fact", "claim", "kind", "figure", "value", "measure", "measure_from", "holder", "holder_from",
    "time", "time_from", "place", "place_from", "modality", "direction", "qualifier", "part",
)
#: Columns of :func:`edges_frame`.
EDGE_COLUMNS = ("source", "target", "relation", "rule", "score", "explanation")


def _frame(rows: list[dict], columns: tuple[str, ...]) -> "pandas.DataFrame":
    import pandas

    return pandas.DataFrame(rows, columns=list(columns))


def claims_frame(report) -> "pandas.DataFrame":
    """One row per claim, in report order; ``quantities`` and ``dates`` are the figures' and
    dates' texts joined by ``"; "``."""
    documents = report.document_by_id()
    rows = []
    for c in report.claims:
        doc = documents.get(c.doc)
        rows.append(
            {
                "claim": c.id, "doc": c.doc, "path": c.path, "line": c.line, "column": c.column,
                "start": c.start, "end": c.end, "section": c.section, "text": c.text,
                "quantities": "; ".join(q.text for q in c.quantities),
                "dates": "; ".join(d.text for d in c.dates),
                "document_title": doc.title if doc else None,
                "document_date": doc.date if doc else None,
            }
        )
    return _frame(rows, CLAIM_COLUMNS)


def facts_frame(report) -> "pandas.DataFrame":
    """One row per fact of each claim, in report order (claims, then their facts)."""
    rows = []
    for c in report.claims:
        for f in c.facts:
            row = {"fact": f.id, "claim": c.id, "kind": f.kind, "figure": f.figure, "value": f.value,
                   "modality": f.modality, "direction": f.direction, "qualifier": f.qualifier,
                   "part": f.part.value if f.part else None}
            for slot in ("measure", "holder", "time", "place"):
                s = getattr(f, slot)
                row[slot], row[f"{slot}_from"] = (s.value, s.source) if s else (None, None)
            rows.append(row)
    return _frame(rows, FACT_COLUMNS)


def findings_frame(report) -> "pandas.DataFrame":
    """One row per finding and claim, findings in the order every format shows them."""
    claims = report.claim_by_id()
    documents = report.document_by_id()
    rows = []
    for f in sort_findings(report.findings, claims):
        for claim in (claims[c] for c in f.claims if c in claims):
            where = claim_location(claim, documents.get(claim.doc))
            rows.append(
                {
                    "finding": f.id, "rule": f.rule, "name": f.name, "kind": f.kind,
                    "severity": f.severity, "message": f.message, "fingerprint": f.fingerprint,
                    "claim": claim.id, "path": where.path, "line": where.line, "column": where.column,
                    "section": claim.section, "text": claim.text,
                }
            )
    return _frame(rows, FINDING_COLUMNS)


def edges_frame(report) -> "pandas.DataFrame":
    """One row per edge of the claim graph, in the order the reports list them; scores as in JSON."""
    rows = [
        {"source": e.source, "target": e.target, "relation": e.relation, "rule": e.rule,
         "score": score(e.score), "explanation": e.explanation}
        for e in sort_edges(report.edges)
    ]
    return _frame(rows, EDGE_COLUMNS)


__all__ = ["claims_frame", "findings_frame", "edges_frame"]


#: Columns of :func:`groups_frame`: one row per fact group and value.
GROUP_COLUMNS = (
    "group", "label", "status", "holder", "measure", "time", "place", "majority",
    "value", "text", "unit", "documents", "claims", "paths", "first_date", "last_date", "base_value", "base_unit",
)


def groups_frame(report) -> "pandas.DataFrame":
    """One row per fact group and value: the discrepancy report as a table (issue 18)."""
    docs = {d.id: d for d in report.documents}
    rows = []
    for g in report.groups:
        for v in g.values:
            rows.append(
                {
                    "group": g.id, "label": g.label, "status": g.status, "holder": g.holder,
                    "measure": g.measure, "time": g.time, "place": g.place, "majority": g.majority,
                    "value": v.value, "text": v.text, "unit": v.unit, "documents": len(v.documents),
                    "claims": " ".join(v.claims),
                    "paths": " ".join(docs[d].path if d in docs else d for d in v.documents),
                    "first_date": v.first_date, "last_date": v.last_date,
                    "base_value": v.base_value, "base_unit": v.base_unit,
                }
            )
    return _frame(rows, GROUP_COLUMNS)
