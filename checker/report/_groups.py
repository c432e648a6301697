"""What the formats share about fact groups: where each value is stated, and the headline of a group."""

from __future__ import annotations

from ..model import FactGroup, GroupValue, Report


def value_places(report: Report, value: GroupValue, claims=None, docs=None) -> list[str]:
    """``path:line`` of each claim stating the value, in claim order."""
    claims = claims if claims is not None else report.claim_by_id()
    docs = docs if docs is not None else report.document_by_id()
    out = []
    for cid in value.claims:
        c = claims.get(cid)
        if c is not None:
            out.append(f"{c.path}:{c.line}")
    return out


def value_line(value: GroupValue) -> str:
    n = len(value.documents)
    return f"{value.text} in {n} document{'s' if n != 1 else ''}"


def headline(group: FactGroup) -> str:
    """"<label>: 921,000 in 4 documents, 798,000 in 1" """
    return f"{group.label}: " + ", ".join(value_line(v) for v in group.values)


def disagreeing(report: Report) -> list[FactGroup]:
    return [g for g in report.groups if g.status != "agree"]


def agreeing(report: Report) -> list[FactGroup]:
    return [g for g in report.groups if g.status == "agree"]
