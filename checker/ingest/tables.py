"""Table cells with their context: a cell's figure read with its row label and column header.

A table cell such as ``921,000`` says nothing on its own; the row it sits in ("Invention
patents granted") and its column ("2023") say what it counts. Every reader gives a data cell
(any column but the first, any row but the header) the text
``"<row label> — <column header>: <cell>"`` (parts that are missing left out), so the
extractor sees the figure with what it is about, as a sentence would state it:

* Markdown and HTML (:func:`with_context`): the context is put before the cell's own text in
  its :class:`~checker.model.Block`, every added character mapped to the offset of the cell's
  first character, so the claim's line and column are the cell's;
* Word (:func:`cell_line`): the extracted text holds the sentence itself, one cell a line.

The first row is the header when the format says so (``<th>``, a Markdown table's head, a Word
table's first row); the first cell of each row is its label.
"""

from __future__ import annotations

from ..model import Block

#: Between the row label and the column header.
DASH = " — "


def context_prefix(row_label: str | None, header: str | None) -> str:
    """``"Row — Header: "``, ``"Row: "``, ``"Header: "`` or ``""``."""
    row_label = " ".join((row_label or "").split())
    header = " ".join((header or "").split())
    if row_label and header:
        return f"{row_label}{DASH}{header}: "
    if row_label or header:
        return f"{row_label or header}: "
    return ""


def cell_line(value: str, row_label: str | None, header: str | None) -> str:
    """One line of a Word document's extracted text for a data cell, ending as a sentence
    (so the plain-text reader takes it for a paragraph, not a heading)."""
    value = " ".join(value.split())
    line = context_prefix(row_label, header) + value
    return line if line.endswith((".", "!", "?")) else line + "."


def with_context(block: Block, row_label: str | None, header: str | None) -> Block:
    """``block`` (a cell) with its row label and column header before its text; the added
    characters map to the cell's first character, so the block still points at the cell."""
    prefix = context_prefix(row_label, header)
    if not prefix or not block.text:
        return block
    at = block.offsets[0]
    return Block(block.kind, block.section, prefix + block.text, (at,) * len(prefix) + tuple(block.offsets))


def apply_to_rows(blocks: list, rows: list[list[int | None]], header_rows: int) -> None:
    """Give the data cells of one table their context, in place.

    ``blocks`` is the reader's list of blocks; ``rows`` holds, for each row, the index in
    ``blocks`` of each cell's block (None for an empty cell); the first ``header_rows`` rows
    (0 or 1) are the header.
    """
    header = [blocks[i].text if i is not None else "" for i in rows[0]] if header_rows and rows else []
    for cells in rows[header_rows:]:
        label = blocks[cells[0]].text if cells and cells[0] is not None else ""
        for j, i in enumerate(cells):
            if j == 0 or i is None:
                continue
            blocks[i] = with_context(blocks[i], label, header[j] if j < len(header) else "")
