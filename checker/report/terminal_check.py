"""Plain-text report of a ``check``, by draft sentence (see :mod:`checker.report.editorial`).

Each draft sentence that has something to act on is shown once, with all its places, then
each finding or statement to review under it: severity and kind, what matched and what
differed in plain words, the archive statement with all its places, and one suggested
action. The ledger line ("23 draft claims: 12 confirmed, ...") and the summary line close
the report. Document text is shortened around its figures and made inert as in
:mod:`checker.report.terminal`.
"""

from __future__ import annotations

from checker.ledger import ledger_line
from checker.model import Report

from ._common import ReportView, figure_spans, inert_controls, one_line, paint as _paint, shorten, summary_line
from .editorial import review

#: Sentences longer than this many code points are shortened around their figures.
WIDTH = 160

_STATUS_WORDS = {"conflicting": "conflicting", "review": "to review", "confirmed": "confirmed", "unverified": "unverified"}


def _sentence(claim) -> str:
    spans = [(s, e) for s, e, _, _ in figure_spans(claim)]
    return inert_controls(one_line(shorten(claim.text, spans, WIDTH)))


def _places(view: ReportView, claims) -> str:
    return inert_controls(", ".join(view.location(c).label for c in claims))


def render(report: Report, color: bool = False, summary: bool = True) -> str:
    """Render a check's report as plain text, grouped by draft sentence; ``color`` and
    ``summary`` as in :func:`checker.report.terminal.render` (the ledger line goes with the summary)."""
    view = ReportView(report)
    groups, ledger = review(report)
    out: list[str] = []
    backing = {entry.claim: entry.backing_line() for entry in ledger if entry.backing}
    acted = [g for g in groups if g.items]
    if not acted:
        out += ["Nothing to act on.", ""]
    for g in acted:
        out.append(f"{_places(view, g.draft.claims)}  [{_STATUS_WORDS.get(g.status, g.status)}]")
        out.append(f"  \"{_sentence(g.draft.claim)}\"")
        if backing.get(g.draft.claim.id):
            out.append(f"  archive  {inert_controls(one_line(backing[g.draft.claim.id]))}")
        for item in g.items:
            if item.finding is not None:
                f = item.finding
                head = f"{_paint(inert_controls(f.severity), f.severity, color)}  {inert_controls(f.kind)}  {_paint(inert_controls(f'{f.rule} {f.name}'), 'rule', color)}"
            else:
                head = "review  an archive statement no rule could decide"
            out.append(f"    {head}")
            out.append(f"      {inert_controls(one_line(item.explanation))}")
            if item.other is not None:
                side = "draft  " if item.other_is_draft else "archive"
                out.append(f"      {side}  {_places(view, item.other.claims)}  \"{_sentence(item.other.claim)}\"")
            out.append(f"      action   {inert_controls(one_line(item.action))}")
        out.append("")
    if summary:
        out.append(ledger_line(ledger))
        out.append(summary_line(report))
    elif out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
