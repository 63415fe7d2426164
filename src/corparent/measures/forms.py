"""Forms for local measures: they parse input; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms

from corparent.accounts.models import Organisation
from corparent.measures.models import Measure
from corparent.measures.periods import Frequency
from corparent.scorecard.forms import DateInput
from corparent.scorecard.themes import THEMES

NUMBER_ERRORS = {"invalid": "Enter a number, like 42"}


class MeasureForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the measure's title"}
    )
    meaning = forms.CharField(
        label="What it means",
        widget=forms.Textarea,
        max_length=2000,
        help_text="In plain English, as a councillor or young person would read it.",
        error_messages={"required": "Say what the measure means, in plain English"},
    )
    unit = forms.ChoiceField(label="Unit", choices=Measure.Unit.choices)
    polarity = forms.ChoiceField(label="Which direction is good", choices=Measure.Polarity.choices)
    frequency = forms.ChoiceField(
        label="How often",
        choices=[(f.value, f.label) for f in Frequency],
        help_text="Quarters and years follow the financial year (quarter 1 is April to June).",
    )
    owner_organisation = forms.ChoiceField(label="Owned by", required=False)
    owner_team = forms.CharField(
        label="Council team (when the council owns it)", required=False, max_length=200
    )
    source = forms.CharField(
        label="Source",
        max_length=300,
        help_text="Where the figure comes from, for example the health record.",
        error_messages={"required": "Say where the figure comes from"},
    )
    numerator_label = forms.CharField(
        label="Numerator label (optional)",
        required=False,
        max_length=200,
        help_text="What is counted, for example: assessments done within 20 working days. "
        "Leave both labels empty to enter one value a period.",
    )
    denominator_label = forms.CharField(
        label="Denominator label (optional)",
        required=False,
        max_length=200,
        help_text="What it is counted out of, for example: children who came into care.",
    )
    first_period = forms.DateField(
        label="First period",
        widget=DateInput(),
        help_text="Any date in the first period values are collected for.",
        error_messages={
            "required": "Enter the first period",
            "invalid": "Enter a real date, like 1 April 2024",
        },
    )
    theme = forms.ChoiceField(label="Show on the scorecard under", required=False)
    due_days = forms.IntegerField(
        label="Days after a period ends that its value is due",
        initial=20,
        min_value=0,
        max_value=365,
        error_messages={"invalid": "Enter a whole number of days, like 20", "required": "Enter the days"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].choices = [("", "The council")] + [
            (str(o.pk), o.name) for o in Organisation.objects.order_by("name")
        ]
        self.fields["theme"].choices = [("local", "Local measures")] + [(t.slug, t.title) for t in THEMES]

    def clean_owner_organisation(self) -> Organisation | None:
        chosen = self.cleaned_data.get("owner_organisation")
        return Organisation.objects.filter(pk=chosen).first() if chosen else None


class ValueForm(forms.Form):
    numerator = forms.FloatField(required=False, error_messages=NUMBER_ERRORS)
    denominator = forms.FloatField(required=False, error_messages=NUMBER_ERRORS)
    value = forms.FloatField(label="Value", required=False, error_messages=NUMBER_ERRORS)
    note = forms.CharField(label="Note (optional)", required=False, widget=forms.Textarea, max_length=2000)

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if measure.has_parts:
            del self.fields["value"]
            self.fields["numerator"].label = f"Numerator: {measure.numerator_label}"
            self.fields["denominator"].label = f"Denominator: {measure.denominator_label}"
        else:
            del self.fields["numerator"]
            del self.fields["denominator"]
            self.fields["value"].label = f"Value ({measure.get_unit_display().lower()})"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The filled-in template",
        help_text="A CSV file with the columns of the template. Rows left blank are skipped.",
        error_messages={"required": "Choose the CSV file to import", "empty": "The file is empty"},
    )
