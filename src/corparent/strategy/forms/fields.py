"""Field helpers for the strategy's forms: dates, text, the principles as checkboxes."""

from __future__ import annotations

from typing import Any

from django import forms

from corparent.strategy.principles import CHOICES

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class Checkboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose field label points at the first box, so the error summary can link to it."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return f"{id_}_{index or 0}" if id_ else ""


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, like 30/06/2026",
        },
    )


def text_field(
    label: str, *, required: bool = True, long: bool = False, help_text: str = "", **kw: Any
) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea if long else None,
        error_messages={"required": f"Enter the {label.lower()}"},
        **kw,
    )


def principles_field(label: str, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=CHOICES,
        widget=Checkboxes,
        help_text=help_text or "Children and Social Work Act 2017, section 1. Choose all that apply.",
        error_messages={
            "required": "Choose at least one of the seven corporate parenting principles",
            "invalid_choice": "Choose principles from the list",
        },
    )
