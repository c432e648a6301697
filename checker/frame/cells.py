"""Whose figure a table cell states, and what it measures, from its row label and column header.

The readers give a table's data cell the text ``"<row label> — <column header>: <cell>"``
(:mod:`checker.ingest.tables`). One of the two labels usually names the thing the row or the
column is about (a company, a model, a country: "DeepSeek-V3", "Acme Corp") and the other says
what is measured ("Parameters (Total)", "GPU Hours", "Employees"). A sentence parse reads such a
line poorly ("Parameters (Total) — DeepSeek-V3: 671B" has no verb), so :func:`cell_reading`
reads it from the labels: the label that is a name is the holder, the other the measure; where
neither is a name, the row label is the holder ("North — Share of adults: 71%": the north's share,
not the share of the page's subject). Where both are names, or a label is a year or a period (a
year header), it answers nothing and the parse stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest.tables import DASH
from .binding import HOLDER_LABELS, model_code

#: The prefix :func:`checker.ingest.tables.context_prefix` writes: row label, dash, header, colon.
_CELL_RE = re.compile(
    rf"(?P<row>[^—:\n]{{1,80}}?){re.escape(DASH)}(?P<head>[^—\n]{{1,80}}?): (?P<value>\S.{{0,80}})\Z"
)
_BRACKETS_RE = re.compile(r"\s*\(([^()]*)\)")


@dataclass(frozen=True)
class CellReading:
    """The holder and the measure a table cell's labels give."""

    holder: str
    measure: str  # lower case, a bracketed qualifier put before its noun: "total parameters"
    measure_words: str  # the label as written: "Parameters (Total)"
    value_start: int  # where the cell's own text starts: only its figures are read so


def is_table_cell(text: str) -> bool:
    """Whether ``text`` is a table cell as the readers write it ("Revenue — 2023: $4.1 billion")."""
    return _CELL_RE.match(text) is not None


def cell_reading(text: str, parsed) -> CellReading | None:
    """The reading of a table cell's text (see the module docstring), or None when ``text`` is
    no cell of a table or its labels do not say which is the name."""
    m = _CELL_RE.match(text)
    if m is None or len(m.group("value").split()) > 8:
        return None
    row, head = (m.start("row"), m.end("row")), (m.start("head"), m.end("head"))
    named = [part for part in (row, head) if _a_label(text, part) and _is_name(text, part, parsed)]  # "FY2031": a period
    if not named and _a_label(text, row) and _a_label(text, head) and len(text[row[0] : row[1]].split()) <= 4:
        # neither label a name ("North — Share of adults: 71%"): the row is the thing, the column what
        # is measured of it, as a table is read, so two rows' cells are two things' figures
        named = [row]
    if len(named) != 1:
        return None
    other = head if named[0] == row else row
    label = text[other[0] : other[1]].strip()
    if not _a_label(text, other):
        return None
    return CellReading(_bare(text[named[0][0] : named[0][1]]), _measure(label), label, m.start("value"))


def _a_label(text: str, part: tuple[int, int]) -> bool:
    """The label at ``part`` of ``text`` has words, and is no year or period ("2023", "2023 Q4")."""
    label = text[part[0] : part[1]].strip()
    return any(ch.isalpha() for ch in label) and not re.fullmatch(r"[\d\s/–-]+(?:Q[1-4]|H[12])?", label) and not (
        re.fullmatch(r"(?:Q[1-4]|H[12]|FY)\s*[\d/–-]*", label)
    )


def _bare(label: str) -> str:
    """A label without its bracketed note ("GPT-4 (est.)" -> "GPT-4")."""
    return " ".join(_BRACKETS_RE.sub(" ", label).split())


def _measure(label: str) -> str:
    """"Parameters (Active)" -> "active parameters"; a bracketed unit ("Rmax (PFlop/s)") is dropped."""
    notes = [n for n in _BRACKETS_RE.findall(label) if n.replace(" ", "").isalpha()]
    return " ".join([*notes, _bare(label)]).lower()


def _is_name(text: str, part: tuple[int, int], parsed) -> bool:
    """The label at ``part`` of ``text`` is a name: an entity of a holder's kind covers all of it
    but a bracketed note, or it is a model's code ("GPT-4", "DeepSeek-V3", "H100")."""
    bare = _bare(text[part[0] : part[1]])
    if not bare:
        return False
    if all(model_code(w) for w in bare.split()) or (len(bare.split()) == 1 and model_code(bare.split("-")[-1])):
        return True
    for ent in parsed.ents if parsed is not None else ():
        if ent.label_ in HOLDER_LABELS and part[0] <= ent.start_char and ent.end_char <= part[1]:
            if _bare(ent.text) == bare:
                return True
    return False


