"""Meetings and what comes of them: agenda, papers, attendance, minutes, actions, questions, and the
forward work programme with partners' reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    snapshot = models.ForeignKey(
        "returns.Snapshot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="the published figures frozen into this meeting's papers",
    )
    frozen_scorecard = models.JSONField(
        default=list, blank=True, help_text="the scorecard as it was when frozen"
    )
    frozen_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="the meeting that approved these minutes",
    )

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.panel} {self.starts_at:%d %B %Y}"


class WorkProgrammeItem(models.Model):
    """A themed deep dive in the forward work programme, usually a partner's report."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        REQUESTED = "requested", "Report requested"
        RECEIVED = "received", "Report received"
        PRESENTED = "presented", "Presented"
        DEFERRED = "deferred", "Deferred"

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="work_programme")
    theme = models.CharField(max_length=100, help_text="e.g. housing, mental health, transitions")
    title = models.CharField(max_length=300)
    partner = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="fwp_items"
    )
    due_date = models.DateField(null=True, blank=True, help_text="when the report is due")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)

    class Meta:
        ordering = ["due_date", "title"]


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        APOLOGIES = "apologies", "Apologies for absence"
        DECLARATIONS = "declarations", "Declarations of interest"
        MINUTES = "minutes", "Minutes of the last meeting"
        ACTION_LOG = "action_log", "Action log"
        SCORECARD = "scorecard", "Performance scorecard"
        VOICE = "voice", "Voice of children and young people"
        FWP = "fwp", "Forward work programme"
        REPORT = "report", "Report"
        OTHER = "other", "Other business"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    fwp_item = models.ForeignKey(WorkProgrammeItem, null=True, blank=True, on_delete=models.SET_NULL)
    presenter = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "order"]


class Paper(models.Model):
    """A document attached to a meeting, stored immutable by SHA-256 like returns."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL)
    title = models.CharField(max_length=300)
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.BigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("panels.Person", on_delete=models.PROTECT)
    status = models.CharField(max_length=20, choices=Status.choices)
    substitute_for = models.ForeignKey(
        "panels.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attends_once")]


class Minute(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField()
    resolution = models.TextField(blank=True, help_text="what the panel resolved, if anything")

    class Meta:
        ordering = ["meeting", "agenda_item__order", "id"]


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="actions")
    raised_at = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    agenda_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL)
    description = models.TextField()
    owner_person = models.ForeignKey("panels.Person", null=True, blank=True, on_delete=models.PROTECT)
    owner_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT
    )
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "id"]


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Action.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "at"]


class Question(models.Model):
    """A question a member raised, in a meeting or on an indicator, and its answer."""

    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="questions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    indicator_id = models.CharField(max_length=60, blank=True)
    asked_by = models.ForeignKey("panels.Person", on_delete=models.PROTECT, related_name="questions_asked")
    text = models.TextField()
    answerer = models.ForeignKey(
        "panels.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="questions_to_answer"
    )
    answer_by = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class PartnerReport(models.Model):
    """A partner's report for a work programme item, submitted in the app."""

    item = models.ForeignKey(WorkProgrammeItem, on_delete=models.CASCADE, related_name="reports")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    body = models.TextField(blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
