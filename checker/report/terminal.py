"""Plain-text report for a terminal, grouped by finding.

Each finding is a header line (severity, rule id, rule name, kind), its message, and
one ``path:line:col  "sentence"`` line per claim. Long sentences are shortened around
their figures with an ellipsis; the figures themselves are always shown whole.
Control characters in document text are shown escaped so they cannot drive the
terminal.

``color=True`` marks the severities (error red, warning yellow, info cyan), the rule and
the locations with ANSI colours, for a terminal (the command line decides: ``--color``,
``NO_COLOR``, whether stdout is a terminal). ``summary=False`` leaves out the closing
summary line, which the command line prints on stderr when the report goes to stdout.
"""

from __future__ import annotations

from checker.model import Report

from ._common import ReportView, figure_spans, inert_controls, one_line, paint as _paint, shorten, summary_line

#: Sentences longer than this many code points are shortened around their figures.
WIDTH = 160


def _sentence(claim) -> str:
    spans = [(s, e) for s, e, _, _ in figure_spans(claim)]
    return inert_controls(one_line(shorten(claim.text, spans, WIDTH)))


def _discrepancies(report: Report, color: bool) -> list[str]:
    """One block per fact group whose documents disagree (or whose value was revised)."""
    from ._groups import disagreeing, value_places

    out: list[str] = []
    claims, docs = report.claim_by_id(), report.document_by_id()
    for g in disagreeing(report):
        out.append(_paint(inert_controls(one_line(f"{g.label}")), "rule", color) + f"  {g.status}")
        for v in g.values:
            n = len(v.documents)
            places = value_places(report, v, claims, docs)
            shown = ", ".join(places[:3]) + (f" (+{len(places) - 3})" if len(places) > 3 else "")
            mark = " (majority)" if g.majority == v.value else ""
            out.append(f"    {inert_controls(one_line(v.text))}{mark}: {n} document{'s' if n != 1 else ''}  {inert_controls(shown)}")
        out.append("")
    return out


def render(report: Report, color: bool = False, summary: bool = True) -> str:
    """Render ``report`` as plain text (see the module docstring for ``color`` and ``summary``)."""
    if report.draft_paths is not None:
        from .terminal_check import render as render_check

        return render_check(report, color=color, summary=summary)
    view = ReportView(report)
    out: list[str] = _discrepancies(report, color)
    if not view.findings:
        out.append("No findings.")
        out.append("")
    for finding in view.findings:
        sev = _paint(inert_controls(finding.severity), finding.severity, color)
        rule = _paint(inert_controls(f"{finding.rule} {finding.name}"), "rule", color)
        out.append(f"{sev}  {rule}  {inert_controls(finding.kind)}")
        out.append("  " + inert_controls(one_line(finding.message)))
        claims = view.claims_of(finding)
        labels = [view.location(c).label for c in claims]
        pad = max((len(lab) for lab in labels), default=0)
        for claim, label in zip(claims, labels):
            loc = _paint(inert_controls(label).ljust(pad), "location", color)
            out.append(f"    {loc}  \"{_sentence(claim)}\"")
        missing = [c for c in finding.claims if c not in view.claims]
        for cid in missing:
            out.append(f"    (claim {inert_controls(cid)} not in report)")
        out.append("")
    if summary:
        out.append(summary_line(report))
    elif out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
