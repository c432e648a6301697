"""Markdown report suited to a pull-request comment (GitHub-flavoured Markdown).

A heading, the summary line, a table of findings and a details section per finding
that quotes each claim. Every piece of text that comes from a document, a path or a
rule is made inert: ``&``, ``<`` and ``>`` become entities (so no raw HTML renders)
and Markdown punctuation is backslash-escaped (so no emphasis, code, link, image,
heading, list, table cell break or ``$math$`` can be formed).
"""

from __future__ import annotations

import re

from checker.model import Report

from ._common import ReportView, one_line, summary_line

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


def render(report: Report) -> str:
    view = ReportView(report)
    out = ["## claimgraph report", "", summary_line(report), ""]
    if not view.findings:
        out += ["No findings.", ""]
        return "\n".join(out)

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
