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
