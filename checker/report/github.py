"""GitHub Actions workflow commands: one annotation line per finding.

``::error file=PATH,line=L,col=C,title=RULE name::message`` at the finding's first
claim; the other claims' locations are named in the message. For a Word document or a
PDF, whose lines are the paragraphs of its extracted text, the message adds where a person
finds the claim ("page 2, paragraph 3"). Severity ``warning``
gives ``::warning`` and ``info`` gives ``::notice``. In the message (data) ``%``,
``\\r`` and ``\\n`` are escaped as ``%25``, ``%0D``, ``%0A``; in properties ``:`` and
``,`` are escaped too, as ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from checker.model import Report

from ._common import ReportView

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    view = ReportView(report)
    lines = []
    for f in view.findings:
        command = COMMANDS.get(f.severity, "notice")
        locs = view.locations(f)
        props = []
        if locs:
            first = locs[0]
            props += [f"file={escape_property(first.path)}", f"line={first.line}", f"col={first.column}"]
        props.append(f"title={escape_property(f'{f.rule} {f.name}')}")
        message = f.message or f.name
        if locs and locs[0].where:  # a Word document or a PDF: its line is a paragraph
            message += f" ({locs[0].where})"
        if len(locs) > 1:
            message += " (also at " + ", ".join(loc.label for loc in locs[1:]) + ")"
        lines.append(f"::{command} {','.join(props)}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)
