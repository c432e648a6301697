"""Word documents (``.docx``): their text, one paragraph a line, read with python-docx.

The document text claimgraph keeps for a Word file is this extracted text, so a claim's
``line`` is the paragraph it sits in (empty paragraphs are not counted: a reader does not
see them) and its ``column`` the character in that paragraph. The body is read in order,
paragraphs and tables as they come:

* a paragraph is one line (its line breaks and tabs read as spaces); a list paragraph
  (a bullet or numbering, or a "List" style) starts with ``• `` so the plain-text reader
  (:mod:`checker.ingest.markup_text`, which reads the lines) takes it for a list item;
* a table gives one line per data cell, ``"<row label> — <column header>: <value>."``
  (:func:`checker.ingest.tables.cell_line`): the first row is the header, the first cell of
  a row its label; a one-row table gives a line per cell. Merged cells count once.

Headers, footers, footnotes, comments and text boxes are not read. A file that is not a
readable Word document (a broken or truncated zip, another format with a ``.docx`` name,
a password-protected document, which Word stores as an encrypted OLE container) raises
:class:`~checker.errors.InputError`, which the reader turns into a warning and a skip.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .tables import cell_line

#: The first bytes of an OLE compound file: an encrypted .docx, or an old binary .doc.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_BULLET = "• "


def docx_text(data: bytes, name: str) -> str:
    """The text of a Word document's bytes, one paragraph a line (see the module docstring)."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name}: password-protected (encrypted) Word document, or an old binary .doc; cannot read it")
    if not data.startswith(b"PK"):
        raise InputError(f"{name}: not a Word document (not a .docx zip package)")
    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading Word documents needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise InputError(f"{name}: not a readable Word document ({_reason(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds on broken XML
        raise InputError(f"{name}: not a readable Word document ({_reason(exc)})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{name}: no text in the Word document")
    return text + "\n"


def _reason(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message[:120]}" if message else type(exc).__name__


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(document):
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_lines(item)
            continue
        text = _one_line(item.text)
        if not text:
            continue
        yield (_BULLET + text) if _is_list(item) else text


def _is_list(paragraph) -> bool:
    """A bulleted or numbered paragraph: numbering properties, or a list style."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    try:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return False
    return style.lower().startswith("list")


def _cells(row) -> list[str]:
    """The text of each cell of a row, a merged cell once."""
    out: list[str] = []
    seen = None
    for cell in row.cells:
        if seen is not None and cell._tc is seen:
            continue
        seen = cell._tc
        out.append(_one_line(cell.text))
    return out


def _table_lines(table):
    rows = [_cells(row) for row in table.rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return
    if len(rows) == 1:
        for value in rows[0]:
            if value:
                yield cell_line(value, None, None)
        return
    header, body = rows[0], rows[1:]
    for cells in body:
        label = cells[0] if cells else ""
        if len(cells) == 1 and label:
            yield cell_line(label, None, header[0] if header else None)
            continue
        for j, value in enumerate(cells[1:], 1):
            if value:
                yield cell_line(value, label, header[j] if j < len(header) else None)
