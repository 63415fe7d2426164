"""Forms for councillors as corporate parents: they parse input; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms

from corparent.members import selectors
from corparent.members.models import Portfolio, Tier, TrainingCompletion, VisitAction
from corparent.scorecard.forms import DateInput


def _date(label: str, what: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as a date, like 2025-03-31",
        },
        **kwargs,
    )


class _CouncillorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


class TierForm(forms.Form):
    tier = forms.ChoiceField(label="Tier", choices=Tier.choices)
    role_title = forms.CharField(
        label="Role (optional)",
        required=False,
        max_length=200,
        help_text="The role that puts them in this tier, for example: Lead Member for Children's Services.",
    )


class SessionForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the session's title"}
    )
    date = _date("Date", "session's date")
    tier = forms.ChoiceField(
        label="Who it is for",
        choices=Tier.choices,
        help_text="A session for every councillor is also for targeted and key roles.",
    )
    mandatory = forms.BooleanField(label="Mandatory", required=False, initial=True)
    principles = forms.CharField(
        label="Principles it serves",
        max_length=20,
        initial="a",
        help_text="The corporate parenting principles, as letters a to g, for example: a, e",
    )
    description = forms.CharField(label="Description (optional)", required=False, widget=forms.Textarea)


class CompletionForm(forms.Form):
    person = _CouncillorChoice(
        label="Councillor",
        queryset=selectors.councillors(),
        empty_label="Choose a councillor",
        error_messages={
            "required": "Choose the councillor",
            "invalid_choice": "Choose a councillor from the list",
        },
    )
    how = forms.ChoiceField(label="How", choices=TrainingCompletion.How.choices)
    completed_on = _date("Date completed", "date they completed it")


class ChampionForm(forms.Form):
    person = _CouncillorChoice(
        label="Councillor",
        queryset=selectors.councillors(),
        empty_label="Choose a councillor",
        error_messages={"required": "Choose the councillor"},
    )
    portfolio = forms.ChoiceField(label="Portfolio", choices=Portfolio.choices)
    started_on = _date("Champion since", "date they started")
    targets = forms.CharField(
        label="Targets (optional)", required=False, widget=forms.Textarea, help_text="One target a line."
    )


class ChampionReportForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the report's title"}
    )
    reported_on = _date("Date of the report", "report's date")
    summary = forms.CharField(
        label="What the report says",
        widget=forms.Textarea,
        error_messages={"required": "Summarise the report"},
    )


class ChampionEndForm(forms.Form):
    ended_on = _date("Date the role ended", "date the role ended")


class HomeForm(forms.Form):
    name = forms.CharField(
        label="Name of the home", max_length=200, error_messages={"required": "Enter the name"}
    )
    provider = forms.CharField(
        label="Provider",
        max_length=200,
        help_text="The council, or the company or charity that runs it.",
        error_messages={"required": "Enter who runs the home"},
    )
    ofsted_urn = forms.CharField(
        label="Ofsted reference number (optional)",
        required=False,
        max_length=20,
        help_text="The reference on the home's Ofsted inspection reports.",
    )


class VisitForm(forms.Form):
    home = forms.ModelChoiceField(
        label="Home",
        queryset=selectors.homes(),
        empty_label="Choose a home",
        error_messages={"required": "Choose the home you visited"},
    )
    visited_on = _date("Date of the visit", "date of the visit")
    visitors = forms.ModelMultipleChoiceField(
        label="Who visited",
        queryset=selectors.councillors(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the councillors who made the visit"},
    )
    report = forms.CharField(
        label="Visit report",
        widget=forms.Textarea,
        help_text="What you saw and heard. Do not name children or write anything that identifies them.",
        error_messages={"required": "Write the visit report"},
    )


class VisitActionForm(forms.Form):
    description = forms.CharField(
        label="Action", widget=forms.Textarea, error_messages={"required": "Say what needs to be done"}
    )
    owner = forms.CharField(label="Owner", max_length=200, error_messages={"required": "Say who will do it"})
    due_date = _date("Due by", "date it is due")


class VisitActionStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=VisitAction.Status.choices)
