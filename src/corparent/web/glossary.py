"""Every acronym and term of art the app shows, explained once in plain English.

Templates wrap an acronym with the `abbr` filter ({{ "CLA"|abbr }}) or use `explain` on a sentence;
the glossary page lists them all. A test fails when a page shows an acronym that is not here.
"""

from __future__ import annotations

GLOSSARY: dict[str, str] = {
    "AA": "the level of the accessibility guidelines (WCAG) that public sector websites must meet",
    "API": "application programming interface: how other software reads and writes this app's data",
    "CAO": "child arrangements order: a court order saying who a child lives with",
    "CHNE": "Chinese (an ethnicity code in the return)",
    "CiCC": "Children in Care Council: the forum where children in care speak to the council",
    "CIN": "child in need: the category of need recorded when a child comes into care",
    "CLA": "children looked after: children in the council's care",
    "CSV": "comma-separated values: a plain spreadsheet file",
    "DfE": "Department for Education",
    "DOCX": "a Microsoft Word document",
    "EET": "in education, employment or training",
    "FWP": "forward work programme: what the panel plans to look at in coming meetings",
    "ILACS": "Ofsted's inspection of local authority children's services",
    "IT": "information technology: computers, networks and the people who look after them",
    "IRO": "independent reviewing officer: checks each child's care plan",
    "JSON": "JavaScript Object Notation: a data format for software",
    "LA": "local authority: a council",
    "NEET": "not in education, employment or training",
    "OC2": "the return's table of outcomes for children looked after continuously for 12 months",
    "OC3": "the return's table of care leavers aged 17 to 21",
    "ONS": "Office for National Statistics",
    "PA": "personal adviser: supports a care leaver up to age 25",
    "PDF": "portable document format: a file that prints the same everywhere",
    "RAG": "red, amber, green: how a figure compares with the council's target",
    "SDQ": "strengths and difficulties questionnaire: a score of a child's emotional health (high is worse)",
    "SGO": "special guardianship order: a court order giving a carer parental responsibility",
    "SHA-256": "a fingerprint of a file's contents: two files with the same fingerprint are the same file",
    "SN": "statistical neighbours: the 10 councils most like this one, chosen by DfE",
    "SSDA903": "the return on children looked after that every council sends DfE each year (the 903)",
    "UASC": "unaccompanied asylum-seeking children",
    "ToR": "terms of reference: what a panel is for and how it works",
    "WCAG": "Web Content Accessibility Guidelines",
    "XLSX": "a Microsoft Excel workbook",
}

# Words in capitals that are not acronyms needing explanation (units, codes shown as codes).
NOT_ACRONYMS = frozenset(
    {"OK", "UK", "GOV", "MB", "GB", "KB", "A4", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
)


def explain(term: str) -> str | None:
    return GLOSSARY.get(term) or {k.upper(): v for k, v in GLOSSARY.items()}.get(term.upper())


def register(term: str, meaning: str) -> None:
    """Apps of later issues add their terms the same way the built-ins are added."""
    GLOSSARY.setdefault(term, meaning)
