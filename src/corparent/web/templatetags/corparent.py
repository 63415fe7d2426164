"""Template filters: acronyms explained with <abbr>, numbers formatted the GOV.UK way."""

from __future__ import annotations

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from corparent.web.glossary import GLOSSARY, explain

register = template.Library()

_PATTERN: tuple[int, re.Pattern[str]] | None = None


def _acronyms() -> re.Pattern[str]:
    """The glossary's terms as one pattern, made again when apps have registered more terms."""
    global _PATTERN
    if _PATTERN is None or _PATTERN[0] != len(GLOSSARY):
        terms = sorted((re.escape(k) for k in GLOSSARY), key=len, reverse=True)
        _PATTERN = (len(GLOSSARY), re.compile(r"\b(" + "|".join(terms) + r")\b"))
    return _PATTERN[1]


@register.filter
def abbr(term: str) -> SafeString:
    meaning = explain(str(term))
    if meaning is None:
        return conditional_escape(term)
    return format_html('<abbr title="{}">{}</abbr>', meaning, term)


@register.filter
def explain_acronyms(text: str) -> SafeString:
    """Wrap every known acronym in the (escaped) text in <abbr title="...">."""
    escaped = str(conditional_escape(text))
    return mark_safe(_acronyms().sub(lambda m: str(abbr(m.group(1))), escaped))
