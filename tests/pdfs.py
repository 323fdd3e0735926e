"""Real PDFs made for tests: text pages and laid-out lines with fpdf2, encryption with pypdf."""

from __future__ import annotations

import io

from fpdf import FPDF
from pypdf import PdfWriter


def text_pdf(pages: list[str]) -> bytes:
    """A real PDF (fpdf2), one page per string; an empty string gives a blank page."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def encrypted_pdf(text: str = "Budget confidentiel du projet.") -> bytes:
    """A one-page PDF that opens only with a user password."""
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf([text])))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lines_pdf(
    pages: list[list[str | tuple[str, float]]],
    title: str | None = None,
    header: str = "",
    footer: str = "",
) -> bytes:
    """A real PDF laid out line by line, as a word processor does (fpdf2, Helvetica).

    A line is a string in 11 pt, or ``(text, size)``; ``header`` and ``footer`` are
    printed on every page, with ``{page}`` and ``{pages}`` filled in.
    """
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title is not None:
        pdf.set_title(title)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, header.format(page=number, pages=len(pages)))
            pdf.ln(10)
        for line in lines:
            text, size = (line, 11.0) if isinstance(line, str) else line
            pdf.set_font("Helvetica", size=size)
            pdf.cell(0, size * 0.5, text)
            pdf.ln(size * 0.5)
        if footer:
            pdf.set_y(-15)
            pdf.set_font("Helvetica", size=8)
            pdf.cell(0, 6, footer.format(page=number, pages=len(pages)))
    return bytes(pdf.output())
