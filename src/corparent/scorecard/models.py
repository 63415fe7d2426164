"""Indicator results (aggregates only), targets and commentary."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class IndicatorResult(models.Model):
    """One figure: an indicator for one breakdown group at one reference date of a snapshot.

    Aggregates only (numerator, denominator, value, 95% interval); small numbers are suppressed
    when shown, not when stored, because analysts see them."""

    snapshot = models.ForeignKey("returns.Snapshot", on_delete=models.CASCADE, related_name="results")
    indicator_id = models.CharField(max_length=60, db_index=True)
    reference_date = models.DateField()
    period_start = models.DateField(null=True)
    breakdown = models.CharField(max_length=40, default="all")
    group = models.CharField(max_length=80, default="all")
    numerator = models.FloatField(null=True)
    denominator = models.FloatField(null=True)
    value = models.FloatField(null=True)
    lower = models.FloatField(null=True)
    upper = models.FloatField(null=True)
    unit = models.CharField(max_length=20)
    definition_version = models.CharField(max_length=40)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator_id", "reference_date", "breakdown", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "indicator_id", "reference_date", "breakdown", "group"],
                name="one_result_per_group",
            )
        ]
        indexes = [models.Index(fields=["snapshot", "breakdown"])]


class Target(models.Model):
    """The council's target for an indicator, and how far from it is amber rather than red.
    Kept as history: the latest row for an indicator is the current target."""

    indicator_id = models.CharField(max_length=60, db_index=True)
    target = models.FloatField()
    amber_tolerance = models.FloatField(
        default=0,
        help_text="how far on the wrong side of the target is still amber (same unit as the figure)",
    )
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator_id", "-set_at", "-id"]


class Commentary(models.Model):
    """Why a figure is where it is, what is being done and by when: required on red and amber."""

    snapshot = models.ForeignKey("returns.Snapshot", on_delete=models.CASCADE, related_name="commentary")
    indicator_id = models.CharField(max_length=60, db_index=True)
    why = models.TextField()
    action = models.TextField(help_text="what we are doing about it")
    by_when = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator_id", "-written_at", "-id"]
        verbose_name_plural = "commentary"
