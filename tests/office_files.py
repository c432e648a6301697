"""Real Word and PDF files for the tests, written on the spot: python-docx writes ``.docx``,
fpdf2 (a test dependency) writes PDF, an encrypted PDF and a PDF that is one image."""

from __future__ import annotations

import io
from pathlib import Path

CONFLICT = "In 2023, China authorized 798,000 invention patents, representing a 15.3% year-on-year increase."


def write_docx(path: Path, paragraphs=(), table=None, bullets=()) -> Path:
    """A Word document: a title, then ``paragraphs`` (strings), ``bullets`` (list paragraphs)
    and ``table`` (rows of cell texts, the first the header)."""
    import docx

    document = docx.Document()
    document.add_heading("Patent Statistics Draft For Review", 0)
    document.add_paragraph("")  # an empty paragraph: not counted
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                t.cell(i, j).text = value
    document.save(str(path))
    return path


def write_pdf(path: Path, pages, password: str | None = None) -> Path:
    """A PDF with one page per item of ``pages``, each a list of paragraphs (an empty list:
    a blank page); ``password``: encrypted with that user password."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for p in paragraphs:
            pdf.multi_cell(0, 6, p)
            pdf.ln(8)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def write_image_pdf(path: Path) -> Path:
    """A PDF whose only page is an image (a scanned page): no text to read."""
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("RGB", (200, 100), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=100)
    pdf.output(str(path))
    return path
