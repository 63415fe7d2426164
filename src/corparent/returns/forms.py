"""Forms for uploading a return and publishing it as a snapshot."""

from __future__ import annotations

from typing import Any

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True
    input_type = "file"


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not items and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="The return's files",
        allow_empty_file=True,  # the service names an empty file, with the rest of the upload's problems
        help_text="The 903 tables as CSV files, or a zip of them. For more than one year, upload a zip "
        "with a folder for each year (named 2025 or 2024-25), or one zip a year.",
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".csv,.zip"}),
        error_messages={"required": "Choose the return's CSV files, or a zip of them"},
    )
    label = forms.CharField(
        label="Label (optional)",
        required=False,
        max_length=200,
        help_text="For example, 2024-25 final return, or June extract",
    )


class ProviderListsForm(forms.Form):
    files = MultipleFileField(
        label="Ofsted's provider lists",
        allow_empty_file=True,  # the service names an empty file, with the rest of the problems
        help_text="Ofsted's children's homes list and its social care providers list, or the combined "
        "list, as downloaded (Excel workbooks, .xlsx). Choose both files at once.",
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".xlsx"}),
        error_messages={"required": "Choose Ofsted's provider lists (Excel workbooks, .xlsx)"},
    )


class PublishForm(forms.Form):
    reference_date = forms.DateField(
        label="Reference date",
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"],
        help_text="The date the figures are as at, for example 31/03/2025",
        error_messages={"invalid": "Enter the reference date as a date, for example 31/03/2025"},
    )
    population_0_17 = forms.IntegerField(
        label="Population aged 0 to 17 (optional)",
        required=False,
        min_value=1,
        help_text="The council's mid-year estimate, for rates per 10,000 children. Leave it empty to use "
        "the imported estimates.",
        error_messages={"invalid": "Enter the population as a whole number, like 52000"},
    )
    confirm_errors = forms.BooleanField(
        label="I understand the checks found errors, and want to publish these figures anyway",
        required=False,
    )
