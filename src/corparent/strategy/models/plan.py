"""The strategy: its period and priorities (each mapped to the seven principles), the action plan
with milestones, RAG and progress, the consultation on its draft and its approval; and the
"corporate parenting implications" recorded for council decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Rag(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


class Strategy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CONSULTATION = "consultation", "Out for consultation"
        APPROVED = "approved", "Approved"

    title = models.CharField(max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.CharField(max_length=300, blank=True, help_text="e.g. Cabinet")
    approval_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "-id"]
        verbose_name_plural = "strategies"

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="priorities")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    principles = models.JSONField(default=list, help_text="letters of the principles it serves, a to g")

    class Meta:
        ordering = ["strategy", "order", "id"]


class PlanItem(models.Model):
    """An action plan item, owned by a council service or a partner organisation."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owner_service = models.CharField(max_length=200, blank=True, help_text="the council service that owns it")
    owner_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    rag = models.CharField(max_length=20, choices=Rag.choices, default=Rag.NOT_STARTED)
    rag_narrative = models.TextField(blank=True)
    indicator_ids = models.JSONField(default=list, blank=True, help_text="catalogue ids of linked indicators")
    target = models.CharField(max_length=300, blank=True, help_text="what success looks like, in words")

    class Meta:
        ordering = ["priority__order", "id"]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_date = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["item", "due_date", "id"]


class ProgressUpdate(models.Model):
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    evidence = models.TextField(blank=True)
    evidence_url = models.URLField(blank=True, max_length=500)
    rag = models.CharField(max_length=20, choices=Rag.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "-at", "-id"]


class Consultation(models.Model):
    """Who was consulted on the draft, when, what they said and what changed because of it."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="consultations")
    consulted = models.CharField(max_length=300, help_text="e.g. Children in Care Council")
    held_on = models.DateField()
    responses = models.TextField()
    what_changed = models.TextField(blank=True)

    class Meta:
        ordering = ["strategy", "held_on", "id"]


class Decision(models.Model):
    """A council decision's corporate parenting implications: which principles were considered."""

    title = models.CharField(max_length=300)
    decided_on = models.DateField()
    decision_maker = models.CharField(max_length=200, help_text="e.g. Cabinet, Full Council, a director")
    principles = models.JSONField(default=list, help_text="letters of the principles considered, a to g")
    considered_by = models.CharField(max_length=300, help_text="who considered the implications")
    implications = models.TextField(help_text="the corporate parenting implications found")
    outcome = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-decided_on", "-id"]
