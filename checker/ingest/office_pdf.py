"""PDF documents: their text, one paragraph a line and pages marked, read with pdfminer.six.

pdfminer.six rather than pypdf: its layout analysis groups a page's text lines into text
boxes, which are the page's paragraphs, so a claim can be located by page and paragraph;
pypdf gives a page's lines with no grouping, and paragraphs would have to be guessed from
line spacing here.

The document text claimgraph keeps for a PDF is this extracted text: each text box (a
paragraph) one line, its lines joined with spaces (a word hyphenated at a line end is
joined again), and each page's last line followed by :data:`checker.model.PAGE_BREAK`
(a form feed; a page without text adds one more), so a claim's page and its paragraph on
the page follow from its offset (:meth:`checker.model.Document.page_paragraph`), while its
``line`` counts paragraphs from the top of the document.

A file that cannot be read raises :class:`~checker.errors.InputError`, which the reader
turns into a warning and a skip: a password-protected PDF, a broken or truncated one, and
one with no text at all (scanned pages are images; claimgraph does no OCR).
"""

from __future__ import annotations

import io
import logging
import re

from ..errors import InputError
from ..model import PAGE_BREAK

_HYPHENATED = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF's bytes, one paragraph a line, pages marked (see the module docstring)."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: not a PDF (no %PDF header)")
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading PDF documents needs pdfminer.six (pip install pdfminer.six)") from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on odd files are not ours to print
    pages: list[list[str]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            pages.append([p for p in (_paragraph(box.get_text()) for box in layout if isinstance(box, LTTextContainer)) if p])
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{name}: password-protected (encrypted) PDF; cannot read it") from None
    except RecursionError:
        raise InputError(f"{name}: not a readable PDF (too deeply nested)") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a broken file
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise InputError(f"{name}: password-protected (encrypted) PDF; cannot read it") from None
        message = " ".join(str(exc).split())[:120]
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}{': ' + message if message else ''})") from None
    if not any(pages):
        what = "no pages" if not pages else "no text (scanned pages are images; claimgraph does no OCR)"
        raise InputError(f"{name}: {what}")
    return _join(pages)


def _paragraph(text: str) -> str:
    """One text box as one line: line breaks read as spaces, a hyphenated word joined."""
    text = text.replace(PAGE_BREAK, " ").replace("\r", "\n")
    text = _HYPHENATED.sub("", text)
    return " ".join(text.split())


def _join(pages: list[list[str]]) -> str:
    """Paragraphs one a line, :data:`PAGE_BREAK` at the end of each page.

    Each break goes at the end of the page's last line (after the previous page's breaks,
    when a page has no text), so line numbers stay paragraph numbers; breaks of pages
    before the first text open the first line.
    """
    lines: list[str] = []
    pending = ""  # breaks of the pages before the first line
    for paragraphs in pages:
        for p in paragraphs:
            lines.append((pending + p) if not lines else p)
            if len(lines) == 1:
                pending = ""
        if lines:
            lines[-1] += PAGE_BREAK
        else:
            pending += PAGE_BREAK
    return "\n".join(lines) + "\n"
