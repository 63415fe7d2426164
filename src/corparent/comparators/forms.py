from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text=(
            "A CSV file downloaded from Explore Education Statistics (for example "
            "cla_number_and_rate_per_10k_children.csv, or the education files ks2_la.csv, ks4_la.csv and "
            "absence_la.csv), DfE's statistical neighbours model "
            "(sn_model_2025_wide.csv) or the Office for National Statistics' population estimates of "
            "children aged 0 to 17."
        ),
        error_messages={"required": "Choose a file to import", "empty": "The file is empty"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            limit = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise forms.ValidationError(f"{upload.name}: expected a file of {limit} MB or less")
        return upload


class CouncilForm(forms.Form):
    USE_MODEL = "model"
    OWN_LIST = "own"

    name = forms.CharField(
        label="Council name", max_length=200, error_messages={"required": "Enter the council's name"}
    )
    la_code = forms.ChoiceField(
        label="Council in the imported files",
        required=False,
        help_text="The councils known from the files imported so far.",
    )
    la_code_typed = forms.CharField(
        label="Or type the council's code",
        required=False,
        max_length=3,
        help_text=(
            "The three-digit code the Department for Education gives the council (old_la_code), "
            "for example 202 for Camden."
        ),
    )
    neighbours_from = forms.ChoiceField(
        label="Statistical neighbours",
        choices=[(USE_MODEL, "DfE's statistical neighbours model 2025"), (OWN_LIST, "A list I choose")],
        widget=forms.RadioSelect,
        initial=USE_MODEL,
    )
    neighbours = forms.CharField(
        label="Statistical neighbours' codes",
        required=False,
        help_text="Three-digit codes, closest first, separated by commas. Used when you choose a list.",
    )

    def __init__(self, *args: Any, councils: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["la_code"].choices = [("", "Choose a council")] + [
            (code, f"{name} ({code})") for code, name in councils.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        typed = (data.get("la_code_typed") or "").strip()
        chosen = data.get("la_code") or ""
        if not typed and not chosen:
            self.add_error("la_code", "Choose the council from the list or type its three-digit code")
        data["code"] = typed or chosen
        if data.get("neighbours_from") == self.OWN_LIST:
            data["neighbour_list"] = [c for c in (data.get("neighbours") or "").replace(";", ",").split(",")]
        else:
            data["neighbour_list"] = None
        return data
