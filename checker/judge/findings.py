"""Findings from verdicts: messages, stable fingerprints, deterministic order and ids.

A fingerprint hashes the rule id with each involved claim's path, sentence text and
the figures the verdict is about, and never a line number, so it survives edits
elsewhere in the file (baselines key on it).
"""

from __future__ import annotations

import hashlib

from ..model import SEVERITIES, Claim, Finding
from .rulekinds import Verdict
from .ruleset import Rule


def fingerprint(rule_id: str, claims: list[Claim], verdict_key: str) -> str:
    h = hashlib.sha256(rule_id.encode())
    for claim in sorted(claims, key=lambda c: (c.path, c.text)):
        h.update(b"\0" + claim.path.encode() + b"\0" + " ".join(claim.text.split()).encode())
    h.update(b"\0" + verdict_key.encode())
    return h.hexdigest()[:32]


def make_finding(rule: Rule, verdict: Verdict, claims: dict[str, Claim]) -> Finding:
    involved = [claims[c] for c in verdict.claims]
    key = "|".join(f"{k}={v}" for k, v in sorted(verdict.fields.items()))
    return Finding(
        id="",
        rule=rule.id,
        name=rule.name,
        kind=rule.finding,
        severity=rule.severity,
        message=rule.format_message(verdict.fields, verdict.reason),
        claims=tuple(verdict.claims),
        fingerprint=fingerprint(rule.id, involved, key),
        score=verdict.score,
    )


def order_findings(findings: list[Finding], claims: dict[str, Claim]) -> list[Finding]:
    """Sort by severity, kind, first location and rule, then every claim's location and the
    message; number f1, f2, ...; drop duplicates. Claim ids only break what is left, so the order
    is the same whatever the claims are called (a check against a folder or its index)."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}

    def location(f: Finding):
        c = claims[f.claims[0]]
        return (c.path, c.line, c.column)

    def places(f: Finding):
        # every claim's place, not its id: ids differ between --against FOLDER and --against INDEX
        return tuple((claims[c].path, claims[c].line, claims[c].column) for c in f.claims)

    unique = {f.fingerprint: f for f in findings}
    ordered = sorted(
        unique.values(),
        key=lambda f: (rank[f.severity], f.kind, location(f), f.rule, places(f), f.message, f.claims),
    )
    return [Finding(**{**f.__dict__, "id": f"f{i}"}) for i, f in enumerate(ordered, 1)]
