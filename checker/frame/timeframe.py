"""The time a fact holds for: a date of its own sentence, a relative expression resolved
against the document's date, or the document's date itself ("as of")."""

from __future__ import annotations

from ..model import DateExpr, Slot


def fact_time(dates: tuple[DateExpr, ...], figure: tuple[int, int], anchor: str | None) -> Slot | None:
    """The time slot of the figure at ``figure`` (``(start, end)`` in the sentence): the
    sentence's date nearest to it, else the document's date ``anchor`` (ISO, or None)."""
    if dates:
        start, end = figure
        nearest = min(dates, key=lambda d: (abs((d.start + d.end) - (start + end)), d.start))
        return Slot(nearest.value, nearest.text, "sentence")
    if anchor:
        return Slot(anchor, anchor, "document date")
    return None
