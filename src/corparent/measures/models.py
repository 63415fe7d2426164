"""Local measures, their values (kept as versions: a correction adds a row) and commentary.

Targets are the scorecard's ``Target`` rows, keyed by ``Measure.indicator_id`` ("local:<slug>"),
so a local measure's target is set, kept and audited the way a statutory indicator's is.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from corparent.measures.periods import Frequency


class Measure(models.Model):
    class Unit(models.TextChoices):
        PERCENT = "percent", "Percentage"
        COUNT = "count", "Count"
        RATE = "rate", "Rate per 10,000"
        DAYS = "days", "Days"
        NUMBER = "number", "Number (for example an average)"

    class Polarity(models.TextChoices):
        UP = "up", "Higher is better"
        DOWN = "down", "Lower is better"
        NEUTRAL = "neutral", "No better direction"

    slug = models.SlugField(max_length=50, unique=True)
    title = models.CharField(max_length=200)
    meaning = models.TextField(help_text="what the figure means, in plain English")
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    owner_organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="measures",
        help_text="the partner that owns the figure; empty when a council team owns it",
    )
    owner_team = models.CharField(
        max_length=200, blank=True, help_text="the council team, when the council owns it"
    )
    source = models.CharField(max_length=300, help_text="where the figure comes from")
    frequency = models.CharField(max_length=10, choices=[(f.value, f.label) for f in Frequency])
    numerator_label = models.CharField(max_length=200, blank=True)
    denominator_label = models.CharField(max_length=200, blank=True)
    theme = models.CharField(max_length=40, default="local", help_text="the scorecard theme it shows under")
    first_period = models.DateField(help_text="the start of the first period values are collected for")
    due_days = models.PositiveSmallIntegerField(
        default=20, help_text="days after a period ends its value is due"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def indicator_id(self) -> str:
        return f"local:{self.slug}"

    @property
    def has_parts(self) -> bool:
        """Whether values are entered as a numerator and a denominator (else as one value)."""
        return bool(self.numerator_label and self.denominator_label)

    @property
    def owner_name(self) -> str:
        if self.owner_organisation_id:
            return self.owner_organisation.name
        return self.owner_team or "The council"


class MeasureValue(models.Model):
    """One version of one period's value. The highest version of a period is its value; earlier
    versions are the history of corrections and are never changed."""

    class Source(models.TextChoices):
        FORM = "form", "Entered in the app"
        IMPORT = "import", "Imported from a file"
        API = "api", "Sent through the API"
        DEMO = "demo", "Demo data"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField()
    period_end = models.DateField()
    version = models.PositiveIntegerField(default=1)
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField()
    note = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    file_name = models.CharField(max_length=200, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "period_start", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period_start", "version"], name="one_value_version")
        ]


class MeasureCommentary(models.Model):
    """Why a local figure is where it is, what is being done and by when (for one period)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="commentary")
    period_start = models.DateField()
    why = models.TextField()
    action = models.TextField(help_text="what we are doing about it")
    by_when = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measure", "-written_at", "-id"]
        verbose_name_plural = "measure commentary"
