"""Forms for the panel's constitution. They parse and check the shape of input; the rules are in
services.constitution, whose refusals are shown against the field they are about."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from corparent.accounts.models import Organisation, User
from corparent.panels.models import Meeting, Membership, Panel, Person, PoliticalGroup
from corparent.panels.services.constitution import ConstitutionError


def _today() -> str:
    """Today as the date input shows it (ISO: the template would otherwise localise a date)."""
    return dt.date.today().isoformat()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date(label: str, *, required: bool = True, help_text: str = "", initial: Any = None) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        initial=initial,
        widget=DateInput(),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": "Enter a real date, like 2026-03-31",
        },
    )


def _int(label: str, *, min_value: int, help_text: str = "", initial: Any = None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        help_text=help_text,
        initial=initial,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label}: enter a whole number",
            "min_value": f"{label}: enter {min_value} or more",
        },
    )


class ConstitutionForm(forms.Form):
    def add_refusal(self, refusal: ConstitutionError) -> None:
        """Show a service's refusal beside the field it is about (or at the top)."""
        for field, message in refusal.errors.items():
            self.add_error(field if field in self.fields else None, message)


class PanelForm(ConstitutionForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the panel's name"}
    )
    kind = forms.ChoiceField(label="Kind of body", choices=Panel.Kind.choices)
    size = _int(
        "Councillor seats",
        min_value=0,
        initial=0,
        help_text="How many councillors sit on it; the political balance rules share these seats.",
    )
    politically_balanced = forms.BooleanField(
        label="The political balance rules apply to its seats",
        required=False,
        initial=True,
        help_text="Section 15 of the Local Government and Housing Act 1989.",
    )


class TermsForm(ConstitutionForm):
    purpose = forms.CharField(
        label="Purpose", widget=forms.Textarea, error_messages={"required": "Enter the panel's purpose"}
    )
    quorum = _int("Quorum", min_value=1, help_text="Voting members present for the meeting to be quorate.")
    frequency = forms.CharField(
        label="How often it meets", max_length=200, help_text="For example, every two months."
    )
    reporting_line = forms.CharField(
        label="Reporting line", max_length=300, help_text="For example, reports to Cabinet once a year."
    )
    body = forms.CharField(label="Full text", widget=forms.Textarea, required=False)
    approved_by = forms.CharField(
        label="Approved by",
        max_length=200,
        required=False,
        help_text="Leave empty to save a draft, to be approved later. For example, Full Council.",
    )
    approved_on = _date("Date approved", required=False)
    approved_at_meeting = forms.ModelChoiceField(
        label="At which meeting of the panel (if any)",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not at a meeting of the panel",
    )

    def __init__(self, *args: Any, panel: Panel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_at_meeting"].queryset = Meeting.objects.filter(panel=panel)
        self.fields["frequency"].error_messages["required"] = "Enter how often the panel meets"
        self.fields["reporting_line"].error_messages["required"] = "Enter whom the panel reports to"


class ApprovalForm(ConstitutionForm):
    approved_by = forms.CharField(
        label="Approved by",
        max_length=200,
        help_text="For example, Full Council.",
        error_messages={"required": "Enter who approved it"},
    )
    approved_on = _date("Date approved")
    approved_at_meeting = forms.ModelChoiceField(
        label="At which meeting of the panel (if any)",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not at a meeting of the panel",
    )

    def __init__(self, *args: Any, panel: Panel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_at_meeting"].queryset = Meeting.objects.filter(panel=panel)


class GroupForm(ConstitutionForm):
    name = forms.CharField(
        label="Group name", max_length=100, error_messages={"required": "Enter the group's name"}
    )
    council_seats = _int("Councillors in the group", min_value=1)


class CouncilForm(ConstitutionForm):
    council_seats = _int("Seats on the council", min_value=1, help_text="Every seat, filled or vacant.")
    ungrouped_councillors = _int(
        "Councillors in no political group",
        min_value=0,
        initial=0,
        help_text="Independents who have not formed a group of two or more.",
    )
    other_bodies = forms.CharField(
        label="The council's other politically balanced committees",
        required=False,
        widget=forms.Textarea,
        help_text=(
            "One a line, as name: seats (for example, Planning Committee: 12). With these, seats are "
            "shared across all the committees as well as on each one."
        ),
    )

    def clean_other_bodies(self) -> dict[str, int]:
        bodies: dict[str, int] = {}
        for number, line in enumerate((self.cleaned_data.get("other_bodies") or "").splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, seats = line.rpartition(":")
            if not sep or not name.strip() or not seats.strip().isdigit() or int(seats) < 1:
                raise forms.ValidationError(
                    f"Line {number} ({line.strip()!r}): expected a name, a colon and a number of seats, "
                    "like Planning Committee: 12"
                )
            if name.strip() in bodies:
                raise forms.ValidationError(f"Line {number}: {name.strip()} is listed twice")
            bodies[name.strip()] = int(seats)
        return bodies

    @staticmethod
    def bodies_text(bodies: dict[str, int]) -> str:
        return "\n".join(f"{name}: {seats}" for name, seats in bodies.items())


class PersonForm(ConstitutionForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the person's name"}
    )
    kind = forms.ChoiceField(label="Who they are", choices=Person.Kind.choices)
    political_group = forms.ModelChoiceField(
        label="Political group (councillors)",
        queryset=PoliticalGroup.objects.all(),
        required=False,
        empty_label="None",
    )
    ward = forms.CharField(label="Ward (councillors)", max_length=200, required=False)
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation (partners)",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="None",
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )
    login = forms.ModelChoiceField(
        label="Their login to this app (if any)",
        queryset=User.objects.order_by("username"),
        required=False,
        empty_label="None",
    )


class MembershipForm(ConstitutionForm):
    person = forms.ModelChoiceField(
        label="Person",
        queryset=Person.objects.order_by("name"),
        required=False,
        empty_label="Nobody yet: record a vacancy",
    )
    seat_kind = forms.ChoiceField(
        label="Kind of seat",
        choices=[("", "The person's own kind"), *Person.Kind.choices],
        required=False,
        help_text="Needed for a vacancy.",
    )
    political_group = forms.ModelChoiceField(
        label="Whose seat it is (councillor seats)",
        queryset=PoliticalGroup.objects.all(),
        required=False,
        empty_label="The councillor's own group",
    )
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices, initial=Membership.Role.MEMBER)
    voting = forms.BooleanField(label="Voting member", required=False, initial=True)
    start_date = _date("Start date", initial=_today)


class EndForm(ConstitutionForm):
    end_date = _date(
        "End date", initial=_today, help_text="The first day they no longer hold the seat."
    )
    leave_vacant = forms.BooleanField(
        label="Keep the seat as a vacancy to fill", required=False, initial=True
    )


class FillForm(ConstitutionForm):
    person = forms.ModelChoiceField(
        label="Person",
        queryset=Person.objects.order_by("name"),
        error_messages={"required": "Choose who fills the seat"},
    )
    start_date = _date("Start date", initial=_today)


class WhatIfForm(forms.Form):
    change = forms.IntegerField(
        label="Change in councillor seats",
        help_text="For example, 3 for three more seats, or -2 for two fewer.",
        min_value=-200,
        max_value=200,
        error_messages={
            "required": "Enter how many seats to add (or take away, with a minus sign)",
            "invalid": "Enter a whole number of seats, like 3 or -2",
            "min_value": "Enter a change of -200 seats or more",
            "max_value": "Enter a change of 200 seats or fewer",
        },
    )
