"""CSV report: the findings table (:func:`checker.tables.findings_frame`), one row per finding and claim.

For spreadsheets and ``pandas.read_csv``: a header row, then the rows in the order every
format shows the findings; UTF-8, ``\\n`` line ends, fields quoted where they need it.
A report without findings is the header alone.
"""

from __future__ import annotations

from checker.model import Report

from checker.tables import findings_frame


def render(report: Report) -> str:
    """The findings of ``report`` as CSV text."""
    return findings_frame(report).to_csv(index=False, lineterminator="\n")


def render_groups(report: Report) -> str:
    """The fact groups of ``report`` as CSV text: one row per group and value
    (:func:`checker.tables.groups_frame`). ``--format csv -o x.csv`` writes it beside the findings
    as ``x.groups.csv``; the findings CSV itself is unchanged."""
    from checker.tables import groups_frame

    return groups_frame(report).to_csv(index=False, lineterminator="\n")


def groups_path(path: str) -> str:
    """Where the groups table goes beside a findings CSV: ``out/x.csv`` -> ``out/x.groups.csv``."""
    return (path[:-4] if path.lower().endswith(".csv") else path) + ".groups.csv"
