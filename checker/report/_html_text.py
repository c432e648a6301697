"""Text in the HTML report: escaping and sentences with their figures marked.

Shared by :mod:`checker.report.html` and the check's ledger view
(:mod:`checker.report.html_ledger`). Every piece of text from a document, a path or a
rule goes through :func:`e` (:func:`html.escape`, quotes included).
"""

from __future__ import annotations

import math
from html import escape as _escape

from checker.model import Claim

from ._common import figure_spans


def e(value) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return _escape("" if value is None else str(value), quote=True)


def segments(claim: Claim) -> list[tuple[str, str | None, str | None]]:
    """The claim sentence in pieces ``(text, kind, tip)``: a figure with its kind ("quantity",
    "date") and the value it reads as, the text between with ``None``; empty pieces left out."""
    out: list[tuple[str, str | None, str | None]] = []
    pos = 0
    text = claim.text
    for start, end, kind, item in figure_spans(claim):
        out.append((text[pos:start], None, None))
        if kind == "quantity":
            tip = " ".join(str(x) for x in (_fmt_value(item.value), item.unit or "") if x).strip()
        else:
            tip = f"{item.value} ({item.granularity})"
        out.append((text[start:end], kind, tip))
        pos = end
    out.append((text[pos:], None, None))
    return [piece for piece in out if piece[0] or piece[1]]


def highlight(claim: Claim) -> str:
    """The claim sentence, escaped, with ``<mark>`` around each quantity and date."""
    return "".join(
        f'<mark class="{kind}" title="{e(tip)}">{e(text)}</mark>' if kind else e(text)
        for text, kind, tip in segments(claim)
    )


def _fmt_value(value: float) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, (int, float)) and math.isfinite(value) else str(value)
