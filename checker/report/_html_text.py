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


def highlight(claim: Claim) -> str:
    """The claim sentence, escaped, with ``<mark>`` around each quantity and date."""
    out: list[str] = []
    pos = 0
    text = claim.text
    for start, end, kind, item in figure_spans(claim):
        out.append(e(text[pos:start]))
        if kind == "quantity":
            tip = " ".join(str(x) for x in (_fmt_value(item.value), item.unit or "") if x).strip()
        else:
            tip = f"{item.value} ({item.granularity})"
        out.append(f'<mark class="{kind}" title="{e(tip)}">{e(text[start:end])}</mark>')
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def _fmt_value(value: float) -> str:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, (int, float)) and math.isfinite(value) else str(value)
