"""SARIF 2.1.0 log with one run, for code-scanning tools.

One ``reportingDescriptor`` per distinct rule id (its default level is the most
severe level any of its findings has), one result per finding: the first claim is
the result's location, the other claims are ``relatedLocations``. Columns are
counted in Unicode code points (``columnKind: "unicodeCodePoints"``), the same
1-based line and column every other format shows; the region's end is computed from
the document text (``endColumn`` is the column just past the claim's last character).
A Word document's or a PDF's lines are the paragraphs of its extracted text; their
locations carry ``page 2, paragraph 3`` as a message and ``page``/``paragraph`` properties.
"""

from __future__ import annotations

from urllib.parse import quote

import checker
from checker.model import Claim, Report

from ._common import ReportView, severity_rank
from .json_text import json_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def level(severity: str) -> str:
    return LEVELS.get(severity, "none")


def artifact_uri(path: str) -> str:
    """A relative URI reference for a file path (``/`` separators, percent-encoded)."""
    return quote(path.replace("\\", "/"), safe="/")


def _physical(view: ReportView, claim: Claim) -> dict:
    loc = view.location(claim)
    region: dict = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
        region["endColumn"] = loc.end_column
    region["snippet"] = {"text": claim.text}
    return {"artifactLocation": {"uri": artifact_uri(claim.path)}, "region": region}


def _location(view: ReportView, claim: Claim) -> dict:
    """A result's location; for a Word document or a PDF, whose lines are the paragraphs of
    its extracted text, with where a person finds it (``page 2, paragraph 3``) as its
    message and ``page``/``paragraph`` as properties."""
    out: dict = {"physicalLocation": _physical(view, claim)}
    loc = view.location(claim)
    if loc.where:
        out["message"] = {"text": loc.where}
        out["properties"] = {k: v for k, v in (("page", loc.page), ("paragraph", loc.paragraph)) if v is not None}
    return out


def to_dict(report: Report) -> dict:
    view = ReportView(report)
    rules: dict[str, dict] = {}
    rule_level: dict[str, str] = {}
    for f in view.findings:
        if f.rule not in rules:
            rules[f.rule] = {
                "id": f.rule,
                "name": f.name,
                "shortDescription": {"text": f.name},
                "defaultConfiguration": {"level": level(f.severity)},
            }
            rule_level[f.rule] = f.severity
        elif severity_rank(f.severity) < severity_rank(rule_level[f.rule]):
            rule_level[f.rule] = f.severity
            rules[f.rule]["defaultConfiguration"]["level"] = level(f.severity)
    rule_ids = sorted(rules)
    rule_index = {r: i for i, r in enumerate(rule_ids)}

    results = []
    for f in view.findings:
        claims = view.claims_of(f)
        result: dict = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": level(f.severity),
            "message": {"text": f.message or f.name},
        }
        if claims:
            result["locations"] = [_location(view, claims[0])]
        if len(claims) > 1:
            result["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": _physical(view, c),
                    "message": {"text": f"{c.id}: {view.location(c).label}"},
                    **({"properties": _location(view, c)["properties"]} if view.location(c).where else {}),
                }
                for i, c in enumerate(claims[1:], 1)
            ]
        result["partialFingerprints"] = {"claimgraph/v1": f.fingerprint}
        result["properties"] = {"findingId": f.id, "kind": f.kind, "claims": list(f.claims)}
        results.append(result)

    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimgraph",
                        "version": checker.__version__,
                        "rules": [rules[r] for r in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"model": report.model},
            }
        ],
    }


def render(report: Report) -> str:
    return json_text(to_dict(report))
