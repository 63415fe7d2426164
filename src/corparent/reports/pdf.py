"""The panel pack as a tagged PDF (PDF/UA-1): HTML from ``templates/reports/pack.html`` through
WeasyPrint. A4, page numbers and the meeting in the footer, headings h1 to h3 in order, tables with
captions and header cells, charts with alt text, the document's language and title set."""

from __future__ import annotations

from django.template.loader import render_to_string

from corparent.reports.document import Document


def pack_html(document: Document) -> str:
    return render_to_string("reports/pack.html", {"document": document})


def pack_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: Pango loads only when a PDF is made

    return HTML(string=pack_html(document)).write_pdf(pdf_variant="pdf/ua-1")
