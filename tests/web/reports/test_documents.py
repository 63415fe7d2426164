"""The pack opens: the PDF is rendered once for this module, then read back with pypdfium2 (pages
drawn to PNG, text extracted, the structure tree walked) and the Word file reopened with python-docx.
"""

from __future__ import annotations

import ctypes
import io
import itertools
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from django.db import transaction

from corparent.accounts.models import User
from corparent.panels.models import Action, Meeting, Panel
from corparent.reports.document import Document
from corparent.reports.docx import pack_docx
from corparent.reports.pack import panel_pack
from corparent.reports.pdf import pack_pdf

from .conftest import at, build_pack_world

# Marked so that pytest-django sets up the test database, which the module's fixture writes to.
pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)
PAGES = 8  # cover, agenda, minutes, actions, scorecard, work programme, voice, terms: each from a new page


@dataclass(frozen=True)
class Rendered:
    document: Document
    pdf: bytes
    docx: bytes


@pytest.fixture(scope="module")
def rendered(django_db_setup: None, django_db_blocker: Any) -> Rendered:
    """The pack of the 12 March 2026 meeting, made once; the rows are rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_pack_world()
        document = panel_pack(meeting=world.meeting)
        made = Rendered(document, pack_pdf(document), pack_docx(document))
        transaction.set_rollback(True)
    return made


@pytest.fixture(scope="module")
def pdf(rendered: Rendered) -> Iterator[pdfium.PdfDocument]:
    opened = pdfium.PdfDocument(rendered.pdf)
    yield opened
    opened.close()


def page_texts(pdf: pdfium.PdfDocument) -> list[str]:
    return [pdf[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(pdf))]


def streams(pdf: bytes) -> list[bytes]:
    """The PDF's streams, inflated where they are compressed."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            found.append(match.group(1))
    return found


def _utf16(call: Callable[..., int], handle: Any) -> str:
    size = call(handle, None, 0)
    if not size:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    call(handle, buffer, size)
    return bytes(buffer).decode("utf-16-le").rstrip("\x00")


def structure(pdf: pdfium.PdfDocument) -> list[tuple[str, str]]:
    """Every tagged element (type, alt text), page by page in reading order."""
    found: list[tuple[str, str]] = []

    def walk(element: Any) -> None:
        found.append(
            (
                _utf16(pdfium_c.FPDF_StructElement_GetType, element),
                _utf16(pdfium_c.FPDF_StructElement_GetAltText, element),
            )
        )
        for i in range(pdfium_c.FPDF_StructElement_CountChildren(element)):
            child = pdfium_c.FPDF_StructElement_GetChildAtIndex(element, i)
            if child:
                walk(child)

    for i in range(len(pdf)):
        page = pdf[i]  # held while its structure tree is read
        tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
        for j in range(pdfium_c.FPDF_StructTree_CountChildren(tree)):
            walk(pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, j))
        pdfium_c.FPDF_StructTree_Close(tree)
        page.close()
    return found


# ------------------------------------------------------------------ the PDF


def test_every_page_is_a4_and_has_something_printed_on_it(pdf: pdfium.PdfDocument) -> None:
    assert len(pdf) == PAGES
    for i in range(len(pdf)):
        page = pdf[i]
        assert page.get_size() == pytest.approx(A4_POINTS, abs=0.5)
        image = page.render(scale=1).to_pil().convert("L")
        assert image.size == pytest.approx(A4_POINTS, abs=1)  # a point to a pixel: 210 by 297 mm
        png = io.BytesIO()
        image.save(png, format="PNG")
        assert png.getvalue().startswith(b"\x89PNG")
        dark = sum(image.histogram()[:128])
        assert dark > 500, f"page {i + 1} is (nearly) blank"


def test_each_section_starts_its_own_page_in_order(pdf: pdfium.PdfDocument) -> None:
    texts = page_texts(pdf)

    firsts = [t.split("\n", 1)[0] for t in texts]
    assert firsts[1:] == [
        "Agenda",
        "Minutes of the previous meeting",
        "Action log",
        "Performance scorecard",
        "Forward work programme",
        "Voice of children and young people",
        "Terms used in this pack",
    ]
    assert "Meeting details" in texts[0] and "Membership" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"Corporate Parenting Panel, 12 March 2026 Page {number} of {PAGES}" in " ".join(text.split())


def test_the_tables_values_read_back_in_order(pdf: pdfium.PdfDocument) -> None:
    text = " ".join(" ".join(page_texts(pdf)).split())
    expected = [
        "Committee Room 1, Town Hall",
        "Vacant seat",
        "Emotional wellbeing and mental health services Riverside Integrated Care Board",
        "Resolved: That the panel notes the report and asks for termly updates.",
        "Open: overdue (was due 1 February 2026)",
        "Children looked after 212",
        "Annual health assessment done 88.5%",
        "Dental check done hidden",
        "Housing for care leavers",
        "Young people asked for health checks at school, not at clinics.",
        "CiCC Children in Care Council",
    ]
    positions = [text.find(e) for e in expected]
    assert -1 not in positions, [e for e, p in zip(expected, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


def test_the_pdf_is_tagged_in_english_with_its_title(rendered: Rendered, pdf: pdfium.PdfDocument) -> None:
    assert pdfium_c.FPDFCatalog_IsTagged(pdf.raw)  # MarkInfo /Marked true and a StructTreeRoot
    assert _utf16(pdfium_c.FPDFCatalog_GetLanguage, pdf.raw) == "en-GB"
    meta = pdf.get_metadata_dict()
    assert meta["Title"] == "Corporate Parenting Panel, 12 March 2026: meeting pack"
    assert meta["Author"] == "Corporate Parenting Panel"
    assert b'pdfuaid:part="1"' in b"".join(streams(rendered.pdf))  # PDF/UA-1, declared in the XMP metadata


def test_headings_tables_and_charts_are_tagged(rendered: Rendered, pdf: pdfium.PdfDocument) -> None:
    tags = structure(pdf)
    types = [t for t, _ in tags]

    headings = [t for t in types if t in ("H1", "H2", "H3")]
    assert headings == [f"H{level}" for level, _ in rendered.document.headings()]
    # No level is skipped on the way down.
    levels = [int(h[1]) for h in headings]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    tables = types.count("Table")
    assert tables == 8
    assert types.count("Caption") >= tables  # every table has its caption (and the chart its own)
    assert types.count("THead") == tables and "TH" in types
    figures = [alt for t, alt in tags if t == "Figure"]
    assert figures == [
        "Bar chart of the percentages in Health, each out of 100: Annual health assessment done 88.5%. "
        "The same figures are in the table below."
    ]


# ------------------------------------------------------------------ the Word document


@pytest.fixture(scope="module")
def word(rendered: Rendered) -> Any:
    return docx.Document(io.BytesIO(rendered.docx))


def test_the_word_document_has_real_headings(rendered: Rendered, word: Any) -> None:
    headings = [
        (int(p.style.name.removeprefix("Heading ")), p.text)
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert headings == rendered.document.headings()
    assert headings[:4] == [
        (1, "Corporate Parenting Panel, 12 March 2026: meeting pack"),
        (2, "Meeting details"),
        (3, "Membership"),
        (2, "Agenda"),
    ]
    starts_page = [p.text for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert starts_page == [
        "Agenda",
        "Minutes of the previous meeting",
        "Action log",
        "Performance scorecard",
        "Forward work programme",
        "Voice of children and young people",
        "Terms used in this pack",
    ]


def test_the_word_tables_have_header_rows_and_the_figures(word: Any) -> None:
    assert len(word.tables) == 8
    by_first_header = {t.rows[0].cells[0].text: t for t in word.tables}
    actions = by_first_header["No."]
    assert [c.text for c in actions.rows[0].cells] == [
        "No.",
        "Action",
        "Owner",
        "Due",
        "Status",
        "Latest update",
    ]
    assert actions.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None  # repeats on each page
    assert [c.text for c in actions.rows[1].cells][1:5] == [
        "Share health assessment timeliness by team",
        "Riverside Integrated Care Board",
        "1 February 2026",
        "Open: overdue (was due 1 February 2026)",
    ]
    health = next(t for t in word.tables if t.rows[1].cells[0].text == "Annual health assessment done")
    assert [c.text for c in health.rows[2].cells][:2] == ["Dental check done", "hidden"]


def test_the_word_document_says_what_it_is(word: Any) -> None:
    props = word.core_properties
    assert props.title == "Corporate Parenting Panel, 12 March 2026: meeting pack"
    assert props.author == "Corporate Parenting Panel"
    assert props.language == "en-GB"
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "Corporate Parenting Panel, 12 March 2026" in section.footer.paragraphs[0].text


# ------------------------------------------------------------------ a long action log


def test_a_long_action_log_runs_on_with_its_header_row_repeated(db: None) -> None:
    # Given a panel with 45 open actions and nothing else recorded
    clerk = User.objects.create(username="long-log-clerk", role="officer")
    panel = Panel.objects.create(name="Corporate Parenting Panel")
    meeting = Meeting.objects.create(panel=panel, starts_at=at(2026, 3, 12))
    Action.objects.bulk_create(
        Action(
            panel=panel,
            description=f"Action number {n} on the placement sufficiency plan",
            due_date=date(2026, 6, 1),
            created_by=clerk,
        )
        for n in range(1, 46)
    )

    # When its pack is made
    pdf = pdfium.PdfDocument(pack_pdf(panel_pack(meeting=meeting)))
    firsts = [t.split("\n", 1)[0] for t in page_texts(pdf)]

    # Then the action log takes more than one page, every page of it starts its table with the
    # header row, and each other section still has its own page (no acronyms: no terms page)
    start, end = firsts.index("Action log"), firsts.index("Performance scorecard")
    assert end - start >= 2
    texts = page_texts(pdf)
    for page in range(start, end):
        assert "No. Action Owner Due Status Latest update" in " ".join(texts[page].split())
    assert len(pdf) == 6 + (end - start)
    assert "Action number 45 on the placement sufficiency plan" in " ".join(texts[end - 1].split())
