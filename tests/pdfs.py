"""Real PDFs made for tests: text pages with fpdf2, encryption with pypdf."""

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
