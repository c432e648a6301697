"""Markdown report suited to a pull-request comment (GitHub-flavoured Markdown).

A heading, the summary line, a table of findings and a details section per finding
that quotes each claim. Every piece of text that comes from a document, a path or a
rule is made inert: ``&``, ``<`` and ``>`` become entities (so no raw HTML renders)
and Markdown punctuation is backslash-escaped (so no emphasis, code, link, image,
heading, list, table cell break or ``$math$`` can be formed).

A check's report (:func:`render_check`) is grouped by draft sentence, as the records of
:mod:`checker.report.editorial` give it: each draft sentence with something to act on,
once, with all its places and its figures in bold; under it each finding or archive
statement to review in plain words, the archive statement (all its places, the archive's
title and date) and a suggested action; then the claim ledger, every draft claim with its
status and the places of its evidence. No claim ids, scores or rule messages appear there.
"""

from __future__ import annotations

import re

from checker.ledger import ledger_line
from checker.model import Report

from ._common import ReportView, one_line, summary_line
from .editorial import marked_segments, review

#: Markdown punctuation escaped with a backslash wherever it appears.
_PUNCT = set("\\`*_[]#|~$")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_BULLET = re.compile(r"^([-+])")

#: Table messages longer than this many code points are cut with an ellipsis.
MESSAGE_WIDTH = 100


def escape(text: str) -> str:
    """Make ``text`` inert inline Markdown on a single line."""
    text = one_line(text)
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _PUNCT:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    # "2023. Revenue ..." at the start of a line would open an ordered list.
    escaped = _BULLET.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)


def _short(text: str, width: int = MESSAGE_WIDTH) -> str:
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return text[: cut if cut > width // 2 else width].rstrip() + "…"


def discrepancies(report: Report) -> list[str]:
    """The "Discrepancies" section: a table per group whose documents disagree, agreeing groups collapsed."""
    from ._groups import agreeing, disagreeing, value_places

    if not report.groups:
        return []
    claims, docs = report.claim_by_id(), report.document_by_id()
    out = ["### Discrepancies", ""]
    for g in disagreeing(report):
        out += [f"#### {escape(g.label)} \\({escape(g.status)}\\)", "", "| Value | Documents | Where |", "| --- | ---: | --- |"]
        for v in g.values:
            where = ", ".join(escape(p) for p in value_places(report, v, claims, docs))
            mark = " \\(majority\\)" if g.majority == v.value else ""
            out.append(f"| {escape(v.text)}{mark} | {len(v.documents)} | {where} |")
        out.append("")
    agree = agreeing(report)
    if agree:
        out += [f"<details><summary>{len(agree)} agreeing group{'s' if len(agree) != 1 else ''}</summary>", ""]
        for g in agree:
            v = g.values[0]
            out.append(f"- {escape(g.label)}: {escape(v.text)} in {len(v.documents)} documents")
        out += ["", "</details>", ""]
    return out


def render(report: Report) -> str:
    """The report as Markdown (a check's by draft sentence, with its ledger: :mod:`checker.report.markdown_check`)."""
    if report.draft_paths is not None:
        return render_check(report)
    view = ReportView(report)
    out = ["## claimgraph report", "", summary_line(report), ""]
    out += discrepancies(report)
    if not view.findings:
        out += ["No findings.", ""]
        return "\n".join(out)

    if report.groups:
        out += ["### Findings", ""]
    out += [
        "| # | Severity | Rule | Kind | Location | Message |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for i, f in enumerate(view.findings, 1):
        locs = view.locations(f)
        where = escape(locs[0].label) if locs else "—"
        if len(locs) > 1:
            where += f" \\(\\+{len(locs) - 1}\\)"
        out.append(
            f"| {i} | {escape(f.severity)} | {escape(f.rule)} | {escape(f.kind)} | {where} | {escape(_short(f.message))} |"
        )
    out += ["", "### Details", ""]
    for i, f in enumerate(view.findings, 1):
        out.append(f"#### {i}\\. {escape(f.severity)} {escape(f.rule)} {escape(f.name)} \\({escape(f.kind)}\\)")
        out.append("")
        out.append(escape(f.message))
        out.append("")
        for claim in view.claims_of(f):
            loc = view.location(claim)
            out.append(f"- **{escape(loc.label)}** \\({escape(claim.id)}, {escape(claim.section)}\\)")
            out.append("")
            out.append(f"  > {escape(claim.text)}")
            out.append("")
        for cid in f.claims:
            if cid not in view.claims:
                out.append(f"- claim {escape(cid)} is not in the report")
                out.append("")
    return "\n".join(out)


_STATUS_WORDS = {"conflicting": "conflicting", "review": "to review", "confirmed": "confirmed", "unverified": "unverified"}


def _piece(text: str) -> str:
    """A run of a sentence, escaped, keeping a space at either end (``escape`` trims them)."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape(text) + (" " if text[-1].isspace() else "")


def _marked(claim) -> str:
    """The sentence, escaped, its figures in bold."""
    out = "".join(f"**{escape(piece)}**" if fig and piece.strip() else _piece(piece) for piece, fig in marked_segments(claim))
    return out.strip()


def render_check(report: Report) -> str:
    """A check's report: what to act on by draft sentence (:mod:`checker.report.editorial`), then the claim ledger."""
    view = ReportView(report)
    groups, ledger = review(report)
    out = ["## claimgraph report", "", summary_line(report), "", f"**{ledger_line(ledger)}**", ""]
    acted = [g for g in groups if g.items]
    out += ["### To act on, by draft sentence", ""]
    if not acted:
        out += ["Nothing to act on.", ""]
    for n, g in enumerate(acted, 1):
        places = ", ".join(escape(view.location(c).label) for c in g.draft.claims)
        out += [f"#### {n}\\. {places} \\({escape(_STATUS_WORDS.get(g.status, g.status))}\\)", "", f"> {_marked(g.draft.claim)}", ""]
        entry = next((x for x in ledger if x.claim == g.draft.claim.id and x.backing), None)
        if entry is not None:
            out += [f"In the archive: {escape(entry.backing_line())}", ""]
        for item in g.items:
            if item.finding is not None:
                f = item.finding
                head = f"**{escape(f.severity)} · {escape(f.kind)}** \\({escape(f.rule)} {escape(f.name)}\\)"
            else:
                head = "**to review** \\(no rule could decide\\)"
            out.append(f"- {head}: {escape(item.explanation)}")
            if item.other is not None:
                doc = view.documents.get(item.other.claim.doc)
                about = [escape(doc.title)] if doc is not None and doc.title else []
                about += [escape(doc.date)] if doc is not None and doc.date else []
                side = "other draft sentence" if item.other_is_draft else "archive"
                where = ", ".join(escape(view.location(c).label) for c in item.other.claims)
                out.append(f"  - {side}: {where}" + (f" \\({'; '.join(about)}\\)" if about else ""))
                out.append("")
                out.append(f"    > {_marked(item.other.claim)}")
                out.append("")
            out.append(f"  - suggested action: {escape(item.action)}")
            out.append("")
    out += ["### Claim ledger", "", "| # | Draft claim | Where | Status | Evidence |", "| ---: | --- | --- | --- | --- |"]
    claims = view.claims
    for n, entry in enumerate(ledger, 1):
        claim = claims[entry.claim]
        evidence = [view.location(claims[c]).label for c in entry.evidence if c in claims]
        shown = ", ".join(escape(e) for e in evidence[:3]) + (f" \\(\\+{len(evidence) - 3}\\)" if len(evidence) > 3 else "")
        out.append(
            f"| {n} | {escape(_short(claim.text, 80))} | {escape(view.location(claim).label)} | "
            f"{escape(_STATUS_WORDS.get(entry.status, entry.status))} | {shown or '—'} |"
        )
    out.append("")
    return "\n".join(out)
