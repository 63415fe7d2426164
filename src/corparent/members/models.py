"""Councillors as corporate parents: their tier, training, champion roles and visits to homes.

A councillor is a `panels.Person` of kind councillor. Nothing here holds a child's data: homes are
named with their provider (and Ofsted's number, when registered), never the children living there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Tier(models.TextChoices):
    """The three tiers of corporate parent; each tier's training includes the tiers below it."""

    EVERY = "every", "Every councillor"
    TARGETED = "targeted", "Targeted role"
    KEY = "key", "Key role"


TIER_ORDER: dict[str, int] = {Tier.EVERY: 0, Tier.TARGETED: 1, Tier.KEY: 2}


class Portfolio(models.TextChoices):
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health and wellbeing"
    HOUSING = "housing", "Housing"
    EMPLOYMENT = "employment", "Employment and training"
    PARTICIPATION = "participation", "Participation and voice"
    SAFETY = "safety", "Safety and stability"
    LEISURE = "leisure", "Leisure and culture"


class TierAssignment(models.Model):
    """A councillor's tier and the role that puts them in it (none recorded: every councillor)."""

    person = models.OneToOneField(
        "panels.Person", on_delete=models.CASCADE, related_name="corporate_parent_tier"
    )
    tier = models.CharField(max_length=10, choices=Tier.choices, default=Tier.EVERY)
    role_title = models.CharField(
        max_length=200, blank=True, help_text="e.g. Lead Member for Children's Services, panel chair"
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)


class TrainingSession(models.Model):
    """A training session for corporate parents; `tier` is the lowest tier it is for."""

    title = models.CharField(max_length=200)
    date = models.DateField()
    tier = models.CharField(max_length=10, choices=Tier.choices, default=Tier.EVERY)
    mandatory = models.BooleanField(default=True)
    description = models.TextField(blank=True)
    principles = models.CharField(
        max_length=7, default="a", help_text="the corporate parenting principles it serves, as letters"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.title


class TrainingCompletion(models.Model):
    class How(models.TextChoices):
        ATTENDED = "attended", "Attended"
        ONLINE = "online", "Completed online"
        EXEMPT = "exempt", "Exempt"

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="completions")
    person = models.ForeignKey("panels.Person", on_delete=models.CASCADE, related_name="training_completions")
    how = models.CharField(max_length=10, choices=How.choices)
    completed_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["session", "person__name"]
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="one_completion_each")]


class Champion(models.Model):
    """A Member Champion: a councillor with a portfolio and the targets they have set."""

    person = models.ForeignKey("panels.Person", on_delete=models.PROTECT, related_name="champion_roles")
    portfolio = models.CharField(max_length=20, choices=Portfolio.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    targets = models.TextField(blank=True, help_text="one target a line")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["portfolio", "-started_on"]


class ChampionReport(models.Model):
    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="reports")
    title = models.CharField(max_length=200)
    reported_on = models.DateField()
    summary = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reported_on", "title"]


class Home(models.Model):
    """A children's home councillors visit: its name and provider only, never who lives there."""

    name = models.CharField(max_length=200, unique=True)
    provider = models.CharField(max_length=200)
    ofsted_urn = models.CharField(max_length=20, blank=True, help_text="Ofsted's unique reference number")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Visit(models.Model):
    home = models.ForeignKey(Home, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField()
    visitors = models.ManyToManyField("panels.Person", related_name="home_visits")
    report = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-visited_on", "-pk"]


class VisitAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="the service or person who will do it")
    due_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["due_date", "pk"]
