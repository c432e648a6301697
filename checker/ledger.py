"""The claim ledger of a ``check``: one status for every draft claim, with its evidence.

* ``conflicting``: a conflict finding (kind ``conflict`` or ``contradiction``) or a
  ``conflicts`` edge joins the draft claim to an archive claim;
* ``confirmed``: a ``supports`` edge joins it to an archive claim;
* ``review``: an archive statement about the same thing that no rule could decide: a
  ``related`` edge to an archive claim with a comparable figure or date (same kind of
  quantity, or both dated), or a finding of another kind (``scope``, ...) with an archive
  claim. Shown to a person, never dropped;
* ``unverified``: nothing in the archive speaks to it.

The first that applies wins, in that order. ``evidence`` holds the archive claims that
give the status, in the order of their places (path, line, column), so the ledger reads
the same whatever the archive's form (a folder or a saved index, whose claim ids differ).

Pure functions of the records by their attributes (like :mod:`checker.ordering`), with no
import of :mod:`checker.model`, so :class:`checker.model.Report` can offer
:meth:`~checker.model.Report.ledger` without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from .choices import REVIEW_SEVERITIES as _REVIEW_SEVERITIES
from .ordering import SEVERITIES, sort_findings

#: The statuses, in the order reports list and count them.
STATUSES = ("confirmed", "conflicting", "review", "unverified")

#: Finding kinds that make a draft claim ``conflicting`` when they name an archive claim.
CONFLICT_KINDS = frozenset({"conflict", "contradiction"})

#: ``review_severity`` (configuration key, ``--review-severity``; defined in :mod:`checker.choices`): the
#: severity a ``review`` entry counts as for ``--fail-on``; ``none`` (the default): it never fails a run.
REVIEW_SEVERITIES = _REVIEW_SEVERITIES

#: Quantity units that say nothing about what is counted (any count may be compared with them).
_GENERIC_UNITS = frozenset({None, "", "unit", "units"})


@dataclass(frozen=True)
class LedgerEntry:
    """One draft claim's status, the archive claims that give it and the finding, if any."""

    claim: str
    status: str  # one of STATUSES
    evidence: tuple[str, ...] = ()
    finding: str | None = None
    # From the fact group the draft claim sits in (checker.group): per value, how many archive
    # documents state it, most first: (value as written, archive documents, is the draft's value).
    backing: tuple[tuple[str, int, bool], ...] = ()
    group: str | None = None

    def as_json(self) -> dict:
        data = {"claim": self.claim, "status": self.status, "evidence": list(self.evidence), "finding": self.finding}
        if self.group is not None:
            data["group"] = self.group
            data["backing"] = [{"text": t, "documents": n, "draft": mine} for t, n, mine in self.backing]
        return data

    def backing_line(self) -> str:
        """"921,000 in 4 archive documents (the draft's), 798,000 in 1"; empty without a group."""
        parts = []
        for text, n, mine in self.backing:
            parts.append(f"{text} in {n} archive document{'s' if n != 1 else ''}" + (" (the draft's)" if mine else ""))
        return ", ".join(parts)


def _with_backing(entries, report, drafts_docs) -> list:
    """Each entry with the archive documents behind each value of its claim's fact group."""
    from dataclasses import replace

    groups = getattr(report, "groups", None) or []
    if not groups:
        return entries
    where: dict[str, tuple] = {}
    for g in groups:
        for v in g.values:
            for cid in v.claims:
                where.setdefault(cid, (g, v))
    out = []
    for entry in entries:
        hit = where.get(entry.claim)
        if hit is None:
            out.append(entry)
            continue
        g, mine = hit
        backing = []
        for v in g.values:
            n = sum(1 for d in v.documents if d not in drafts_docs)
            if n or v is mine:
                backing.append((v.text, n, v is mine))
        backing.sort(key=lambda b: -b[1])
        out.append(replace(entry, backing=tuple(backing), group=g.id))
    return out


def draft_doc_ids(report) -> set[str] | None:
    """The ids of a check report's draft documents (by its ``draft_paths``); None for a scan."""
    paths = getattr(report, "draft_paths", None)
    if paths is None:
        return None
    return {d.id for d in report.documents if d.path in paths}


def comparable(a, b) -> bool:
    """Whether two claims state a figure or a date that could be the same quantity: a
    quantity of the same kind on both sides (same unit, or a generic one), or a date on both,
    unless ``b`` states each date of ``a`` too and ``a`` dates no event with them ("Velhaven
    transport review 2035" / "... handled 24.6 million passengers in 2035": nothing to decide)."""
    if a.dates and b.dates:
        own, other = {d.value for d in a.dates}, {d.value for d in b.dates}
        if not own <= other or any(f.kind == "date" and f.measure is not None for f in a.facts):
            return True
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.kind != qb.kind:
                continue
            if qa.kind in ("money", "percent") or qa.unit == qb.unit or qa.unit in _GENERIC_UNITS or qb.unit in _GENERIC_UNITS:
                return True
    return False


def _place(claim) -> tuple:
    return (claim.path, claim.line, claim.column, claim.id)


def compute_ledger(report, drafts: set[str] | None = None) -> list[LedgerEntry]:
    """The ledger of ``report``: one entry per claim of the ``drafts`` documents (default:
    the report's own drafts, :func:`draft_doc_ids`), in document then text order. Empty
    for a report with no drafts (a scan)."""
    if drafts is None:
        drafts = draft_doc_ids(report) or set()
    if not drafts:
        return []
    claims = {c.id: c for c in report.claims}
    doc_order = {d.id: n for n, d in enumerate(report.documents)}
    in_draft = lambda cid: cid in claims and claims[cid].doc in drafts  # noqa: E731
    archive = lambda cid: cid in claims and claims[cid].doc not in drafts  # noqa: E731

    conflicting: dict[str, dict[str, None]] = {}
    conflict_finding: dict[str, str] = {}
    review: dict[str, dict[str, None]] = {}
    review_finding: dict[str, str] = {}
    for f in sort_findings(report.findings, claims):
        others = [c for c in f.claims if archive(c)]
        if not others:
            continue
        target, first = (conflicting, conflict_finding) if f.kind in CONFLICT_KINDS else (review, review_finding)
        for cid in f.claims:
            if in_draft(cid):
                target.setdefault(cid, {}).update(dict.fromkeys(others))
                first.setdefault(cid, f.id)
    confirmed: dict[str, dict[str, None]] = {}
    for e in report.edges:
        for mine, other in ((e.source, e.target), (e.target, e.source)):
            if not (in_draft(mine) and archive(other)):
                continue
            if e.relation == "conflicts":
                conflicting.setdefault(mine, {})[other] = None
            elif e.relation == "supports":
                confirmed.setdefault(mine, {})[other] = None
            elif e.relation == "related" and e.rule is None and comparable(claims[mine], claims[other]):
                review.setdefault(mine, {})[other] = None

    def ordered(ids) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda cid: _place(claims[cid])))

    entries = []
    draft_claims = [c for c in report.claims if c.doc in drafts]
    draft_claims.sort(key=lambda c: (doc_order.get(c.doc, len(doc_order)), c.start, c.end, c.id))
    for c in draft_claims:
        if c.id in conflicting:
            entries.append(LedgerEntry(c.id, "conflicting", ordered(conflicting[c.id]), conflict_finding.get(c.id)))
        elif c.id in confirmed:
            entries.append(LedgerEntry(c.id, "confirmed", ordered(confirmed[c.id])))
        elif c.id in review:
            entries.append(LedgerEntry(c.id, "review", ordered(review[c.id]), review_finding.get(c.id)))
        else:
            entries.append(LedgerEntry(c.id, "unverified"))
    return _with_backing(entries, report, draft_doc_ids(report) or set())


def status_counts(entries) -> dict[str, int]:
    """Entries per status, every status listed, in :data:`STATUSES` order."""
    counts = {s: 0 for s in STATUSES}
    for entry in entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    return counts


def ledger_line(entries) -> str:
    """E.g. ``"23 draft claims: 12 confirmed, 3 conflicting, 2 to review, 6 unverified"``."""
    counts = status_counts(entries)
    total = sum(counts.values())
    words = {"review": "to review"}
    parts = ", ".join(f"{n} {words.get(s, s)}" for s, n in counts.items())
    return f"{total} draft claim{'' if total == 1 else 's'}: {parts}"


def review_fails(entries, fail_on: str, review_severity: str) -> bool:
    """Whether the ledger's ``review`` entries fail a run under ``fail_on`` when they count
    as ``review_severity`` (``none``: never)."""
    if review_severity == "none" or fail_on == "never" or fail_on not in SEVERITIES:
        return False
    if SEVERITIES.index(review_severity) > SEVERITIES.index(fail_on):
        return False
    return any(e.status == "review" for e in entries)
