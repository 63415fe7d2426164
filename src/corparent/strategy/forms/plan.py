"""Forms for the strategy and action plan: they parse the shape of input; the services decide what
is allowed and say what is wrong."""

from __future__ import annotations

from django import forms

from corparent.accounts.models import Organisation
from corparent.strategy.forms.fields import date_field, principles_field, text_field
from corparent.strategy.models import Rag


class StrategyForm(forms.Form):
    title = text_field("Title", max_length=300)
    period_start = date_field("Start date", help_text="For example, 1/4/2026.")
    period_end = date_field("End date", help_text="For example, 31/3/2029.")
    summary = text_field("Summary", required=False, long=True)


class PriorityForm(forms.Form):
    title = text_field("Priority", max_length=300)
    description = text_field("What it means", required=False, long=True)
    principles = principles_field("Corporate parenting principles it serves")


class PlanItemForm(forms.Form):
    title = text_field("What is to be done", max_length=300)
    description = text_field("Detail", required=False, long=True)
    owner_service = text_field(
        "Council service that owns it",
        required=False,
        max_length=200,
        help_text="For example, Leaving care service. Leave empty if a partner owns it.",
    )
    owner_organisation = forms.ModelChoiceField(
        label="Or the partner organisation that owns it",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="None: a council service owns it",
    )
    due_date = date_field("Due date", required=False)
    indicator_ids = text_field(
        "Linked indicators",
        required=False,
        max_length=500,
        help_text="Indicator ids from the scorecard, separated by commas.",
    )
    target = text_field("Target", required=False, max_length=300, help_text="What success looks like.")

    def clean_indicator_ids(self) -> list[str]:
        raw = self.cleaned_data.get("indicator_ids") or ""
        return [part.strip() for part in raw.split(",") if part.strip()]


class ProgressForm(forms.Form):
    rag = forms.ChoiceField(
        label="Status: red, amber or green",
        choices=Rag.choices,
        error_messages={"required": "Choose a status"},
    )
    text = text_field(
        "Progress and narrative", long=True, help_text="What has happened and what happens next."
    )
    evidence = text_field("Evidence", required=False, long=True, help_text="What shows the progress.")
    evidence_url = text_field(
        "Link to the evidence", required=False, max_length=500, help_text="Optional: a web address."
    )


class MilestoneForm(forms.Form):
    title = text_field("Milestone", max_length=300)
    due_date = date_field("Due date")


class ConsultationForm(forms.Form):
    consulted = text_field(
        "Who was consulted", max_length=300, help_text="For example, Children in Care Council."
    )
    held_on = date_field("Date consulted")
    responses = text_field("What they said", long=True)
    what_changed = text_field("What changed because of it", required=False, long=True)


class ApproveForm(forms.Form):
    approved_on = date_field("Date approved")
    approved_by = text_field("Approved by", max_length=300, help_text="For example, Cabinet.")
    note = text_field("Note", required=False, long=True)


class DecisionForm(forms.Form):
    title = text_field("Decision", max_length=300)
    decided_on = date_field("Date of the decision")
    decision_maker = text_field("Decision maker", max_length=200, help_text="For example, Cabinet.")
    principles = principles_field("Principles considered")
    considered_by = text_field("Considered by", max_length=300, help_text="Who considered the implications.")
    implications = text_field("Corporate parenting implications", long=True)
    outcome = text_field("Outcome", long=True)
