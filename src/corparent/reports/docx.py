"""The panel pack as a Word document (python-docx), for the council's committee system.

Real Word structure, so the document is accessible and edits well: the title and sections are
Heading 1 to 3, tables are Word tables with a repeating header row and a caption (also set as the
table's alternative-text title), and the core properties carry title, author, subject and language.
A4, the meeting and the page number in the footer. Charts are left out: each chart in the PDF
draws a table that is here in full.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_word_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from corparent.reports.document import Document, Paragraph, Section, Table


def _on(element: Any, tag: str, **attrs: str) -> Any:
    child = OxmlElement(tag)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    element.append(child)
    return child


def _language(word: object, language: str) -> None:
    """Set the document's default proofing language (Word reads text in it aloud correctly)."""
    styles = word.styles.element  # type: ignore[attr-defined]
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = _on(rpr, "w:lang")
    lang.set(qn("w:val"), language)


def _page_number_footer(word: object, text: str) -> None:
    footer = word.sections[0].footer  # type: ignore[attr-defined]
    para = footer.paragraphs[0]
    para.text = ""
    para.add_run(f"{text}    Page ")
    run = para.add_run()
    _on(run._r, "w:fldChar", fldCharType="begin")
    instr = _on(run._r, "w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    _on(run._r, "w:fldChar", fldCharType="separate")
    shown = _on(run._r, "w:t")
    shown.text = "1"
    _on(run._r, "w:fldChar", fldCharType="end")


def _table(word: object, table: Table) -> None:
    caption = word.add_paragraph(table.caption, style="Caption")  # type: ignore[attr-defined]
    caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.headers))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    header = grid.rows[0]
    _on(header._tr.get_or_add_trPr(), "w:tblHeader", val="true")
    for cell, text in zip(header.cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row, values in zip(grid.rows[1:], table.rows, strict=True):
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = bool(table.row_headers and i == 0)
    if table.widths:
        grid.autofit = False
        usable = Mm(210 - 2 * 18)
        for column, share in zip(grid.columns, table.widths, strict=True):
            for cell in column.cells:
                cell.width = int(usable * share / 100)
    _on(grid._tbl.tblPr, "w:tblCaption", val=table.caption)
    word.add_paragraph()  # type: ignore[attr-defined]


def _paragraph(word: object, block: Paragraph) -> None:
    para = word.add_paragraph()  # type: ignore[attr-defined]
    if block.label:
        para.add_run(f"{block.label} ").bold = True
    para.add_run(block.text)


def _section(word: object, section: Section) -> None:
    heading = word.add_heading(section.heading, level=section.level)  # type: ignore[attr-defined]
    heading.paragraph_format.page_break_before = section.new_page
    for block in section.blocks:
        if isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
    for sub in section.subsections:
        _section(word, sub)


def pack_docx(document: Document) -> bytes:
    word = new_word_document()
    page = word.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(18)
    page.top_margin, page.bottom_margin = Mm(20), Mm(20)
    word.styles["Normal"].font.size = Pt(10.5)
    _language(word, document.language)
    props = word.core_properties
    props.title = document.title
    props.author = document.author
    props.subject = document.subject
    props.language = document.language
    props.comments = "Made by corparent"
    title = word.add_heading(document.title, level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for section in document.sections:
        _section(word, section)
    _page_number_footer(word, document.footer)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
