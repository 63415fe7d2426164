"""Forms for meetings, the action log, questions and the work programme: they parse the shape of
input; the services decide what is allowed and say what is wrong."""

from __future__ import annotations

from typing import Any

from django import forms

from corparent.accounts.models import Organisation
from corparent.panels.models import (
    Action,
    AgendaItem,
    Attendance,
    Meeting,
    Panel,
    Person,
    WorkProgrammeItem,
)
from corparent.panels.services.work_programme import THEMES

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
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


def _text(label: str, *, required: bool = True, long: bool = False, help_text: str = "", **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea if long else None,
        error_messages={"required": f"Enter the {label.lower()}"},
        **kw,
    )


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(
        label="Date and time",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        widget=DateTimeInput(),
        help_text="For example, 14/05/2026 at 18:00.",
        error_messages={
            "required": "Enter the date and time of the meeting",
            "invalid": "Enter the date and time as a real date and time, like 14/05/2026 18:00",
        },
    )
    location = _text("Where", required=False, max_length=300, help_text="For example, Committee Room 1.")


class MeetingStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Meeting.Status.choices)


class AgendaItemForm(forms.Form):
    title = _text("Item title", max_length=300)
    kind = forms.ChoiceField(
        label="Kind of item",
        choices=[(AgendaItem.Kind.REPORT, "Report"), (AgendaItem.Kind.OTHER, "Other business")],
    )
    presenter = _text("Presented by (optional)", required=False, max_length=200)


class AgendaMoveForm(forms.Form):
    item = forms.IntegerField()
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down"), ("remove", "remove")])


class PaperForm(forms.Form):
    title = _text("Paper title", max_length=300)
    file = forms.FileField(
        label="The paper",
        allow_empty_file=True,  # the service names an empty file
        help_text="A document: PDF, Word, OpenDocument, Excel, PowerPoint, text or an image, up to 25 MB.",
        error_messages={"required": "Choose the paper's file"},
    )
    agenda_item = forms.ModelChoiceField(
        label="For agenda item (optional)",
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label="None",
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        field.queryset = meeting.agenda.order_by("order")  # type: ignore[attr-defined]
        field.label_from_instance = lambda item: f"{item.order}. {item.title}"  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    """A status for each person on the panel that day, and one substitute at a time."""

    CHOICES = [("", "Not recorded"), *Attendance.Status.choices]

    def __init__(self, *args: Any, roster: list[tuple[Person, str]], people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roster = roster
        for person, initial in roster:
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=person.name, choices=self.CHOICES, required=False, initial=initial
            )
        self.fields["substitute"] = forms.ModelChoiceField(
            label="Substitute present (optional)",
            queryset=people,
            required=False,
            empty_label="No substitute",
        )
        self.fields["substitute_for"] = forms.ModelChoiceField(
            label="Substituting for",
            queryset=Person.objects.filter(pk__in=[p.pk for p, _ in roster]),
            required=False,
            empty_label="Choose a member",
        )

    def status_fields(self) -> list[Any]:
        return [self[f"status_{p.pk}"] for p, _ in self.roster]

    def entries(self) -> list[tuple[Person, str, Person | None]]:
        found = [(p, self.cleaned_data.get(f"status_{p.pk}") or "", None) for p, _ in self.roster]
        sub = self.cleaned_data.get("substitute")
        if sub is not None:
            found.append((sub, Attendance.Status.PRESENT, self.cleaned_data.get("substitute_for")))
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("substitute") is not None and data.get("substitute_for") is None:
            self.add_error("substitute_for", "Choose the member the substitute is standing in for")
        return data


class MinutesForm(forms.Form):
    """The minute and resolution of each agenda item."""

    def __init__(self, *args: Any, agenda: list[AgendaItem], minutes: dict[int, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agenda = agenda
        for number, item in enumerate(agenda, start=1):
            found = minutes.get(item.pk)
            self.fields[f"text_{item.pk}"] = forms.CharField(
                label=f"{number}. {item.title}: minute",
                required=False,
                widget=forms.Textarea,
                initial=found.text if found else "",
            )
            self.fields[f"resolution_{item.pk}"] = forms.CharField(
                label=f"{number}. {item.title}: resolved (optional)",
                required=False,
                widget=forms.Textarea,
                initial=found.resolution if found else "",
            )

    def pairs(self) -> list[tuple[Any, Any]]:
        return [(self[f"text_{i.pk}"], self[f"resolution_{i.pk}"]) for i in self.agenda]

    def entries(self) -> list[tuple[AgendaItem, str, str]]:
        return [
            (i, self.cleaned_data.get(f"text_{i.pk}", ""), self.cleaned_data.get(f"resolution_{i.pk}", ""))
            for i in self.agenda
        ]


def owner_choices() -> list[tuple[str, str]]:
    people = [
        (f"person:{p.pk}", f"{p.name}{f' ({p.organisation.name})' if p.organisation else ''}")
        for p in Person.objects.select_related("organisation").order_by("name")
    ]
    orgs = [(f"organisation:{o.pk}", f"{o.name} (the organisation)") for o in Organisation.objects.all()]
    return [("", "Choose an owner"), *people, *orgs]


class ActionForm(forms.Form):
    description = _text("What is to be done", long=True)
    owner = forms.ChoiceField(
        label="Owner",
        choices=[],
        help_text="A person, or a partner organisation (whose people may then update the action).",
        error_messages={"required": "Choose who owns the action"},
    )
    due_date = _date("Due date")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owner_choices()  # type: ignore[attr-defined]

    def owners(self) -> tuple[Person | None, Organisation | None]:
        kind, _, pk = str(self.cleaned_data.get("owner", "")).partition(":")
        if kind == "person":
            return Person.objects.filter(pk=pk).first(), None
        if kind == "organisation":
            return None, Organisation.objects.filter(pk=pk).first()
        return None, None


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Action.Status.choices)
    text = _text("Update", long=True, help_text="What has been done, and what is still to do.")


class QuestionForm(forms.Form):
    text = _text("Question", long=True)
    answerer = forms.ModelChoiceField(
        label="Who should answer (optional)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Democratic services will decide",
    )
    answer_by = _date("Answer by (optional)", required=False)
    indicator_id = _text(
        "Indicator (optional)",
        required=False,
        max_length=60,
        help_text="The indicator the question is about, for example placed_foster_pct.",
    )

    def __init__(self, *args: Any, panel: Panel, can_choose_asker: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answerer"].queryset = Person.objects.exclude(  # type: ignore[attr-defined]
            kind__in=[Person.Kind.YOUNG_PERSON, Person.Kind.FOSTER_CARER]
        ).order_by("name")
        self.fields["meeting"] = forms.ModelChoiceField(
            label="Raised at meeting (optional)",
            queryset=Meeting.objects.filter(panel=panel).order_by("-starts_at"),
            required=False,
            empty_label="Not at a meeting",
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.starts_at:%d %B %Y}"  # type: ignore[attr-defined]
        if can_choose_asker:
            self.fields["asked_by"] = forms.ModelChoiceField(
                label="Asked by",
                queryset=Person.objects.filter(kind=Person.Kind.COUNCILLOR).order_by("name"),
                required=False,
                empty_label="Me",
            )


class AnswerForm(forms.Form):
    answer = _text("Answer", long=True)


class FwpItemForm(forms.Form):
    theme = forms.ChoiceField(
        label="Theme",
        choices=[("", "Choose a theme"), *((t, t) for t in THEMES)],
        error_messages={"required": "Choose the theme"},
    )
    title = _text("What the panel will look at", max_length=300)
    partner = forms.ModelChoiceField(
        label="Partner asked to report (optional)",
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="No partner",
    )
    due_date = _date("Report due (optional)", required=False)
    status = forms.ChoiceField(label="Status", choices=WorkProgrammeItem.Status.choices, required=False)

    def __init__(self, *args: Any, panel: Panel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = forms.ModelChoiceField(
            label="For the meeting (optional)",
            queryset=Meeting.objects.filter(panel=panel)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at"),
            required=False,
            empty_label="Not planned yet",
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.starts_at:%d %B %Y}"  # type: ignore[attr-defined]


class PartnerReportForm(forms.Form):
    title = _text("Report title", max_length=300)
    summary = _text(
        "Summary for the panel", long=True, help_text="What the panel should know, in a few sentences."
    )
    body = _text("The report (optional)", required=False, long=True)
