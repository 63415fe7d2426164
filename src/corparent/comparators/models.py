"""DfE's published figures for every council, and this council's own settings."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Council(models.Model):
    """The council running this app (one row). Its LA code picks its comparators."""

    name = models.CharField(max_length=200)
    la_code = models.CharField(max_length=3, help_text="DfE's three-digit LA code (old_la_code), e.g. 202")
    new_la_code = models.CharField(max_length=9, blank=True, help_text="ONS code, e.g. E09000007")
    region = models.CharField(max_length=100, blank=True)
    region_code = models.CharField(max_length=12, blank=True, help_text="e.g. E13000001 (Inner London)")
    statistical_neighbours = models.JSONField(
        default=list, help_text="the three-digit LA codes of its statistical neighbours, closest first"
    )
    neighbour_model = models.CharField(max_length=100, default="DfE statistical neighbours model 2025")
    synthetic = models.BooleanField(default=False, help_text="a demo council: its data is invented")

    def __str__(self) -> str:
        return self.name


class ComparatorImport(models.Model):
    """One DfE file imported (kept as a record of where comparator figures came from)."""

    kind = models.CharField(max_length=60, help_text="which DfE file shape, e.g. cla_number_and_rate")
    title = models.CharField(max_length=200, blank=True, help_text="what the file holds, in words")
    file_name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(default=0, help_text="figures (or councils, or estimates) read")
    years = models.JSONField(default=list, help_text="the years the file holds")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    synthetic = models.BooleanField(default=False, help_text="invented figures (demo only), labelled as such")

    class Meta:
        ordering = ["-imported_at", "-id"]


class ComparatorValue(models.Model):
    """One published figure: an indicator for one area (England, a region, a council) in one year."""

    class Level(models.TextChoices):
        NATIONAL = "national", "England"
        REGIONAL = "regional", "Region"
        LOCAL = "local", "Local authority"

    source = models.ForeignKey(ComparatorImport, on_delete=models.CASCADE, related_name="values")
    indicator_id = models.CharField(max_length=60, db_index=True)
    year = models.PositiveSmallIntegerField(
        help_text="the year the figure is for (2025 = at 31 March 2025 or 2024-25)"
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    area_code = models.CharField(max_length=12, help_text="old_la_code for a council; region or country code")
    area_name = models.CharField(max_length=200)
    region_code = models.CharField(max_length=12, blank=True)
    region_name = models.CharField(max_length=100, blank=True)
    value = models.FloatField(null=True)
    numerator = models.FloatField(null=True, help_text="where DfE publishes it (for funnel plots)")
    denominator = models.FloatField(null=True, help_text="where DfE publishes it (for funnel plots)")
    marker = models.CharField(
        max_length=3, blank=True, help_text="DfE's symbol when there is no value: c, z, x, k, low, u"
    )

    class Meta:
        ordering = ["indicator_id", "-year", "level", "area_name"]
        indexes = [models.Index(fields=["indicator_id", "year", "level"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "indicator_id", "year", "level", "area_code"], name="one_value"
            )
        ]


class PopulationEstimate(models.Model):
    """ONS mid-year estimate of children aged 0 to 17 in a council (for rates per 10,000).
    ``year`` is the estimate's mid-year: DfE's rates for the year ending 31 March 2025 use mid-2024."""

    la_code = models.CharField(max_length=3)
    la_name = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    population_0_17 = models.PositiveIntegerField()
    source = models.ForeignKey(ComparatorImport, on_delete=models.CASCADE, related_name="populations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["la_code", "year"], name="one_estimate")]


class NeighbourSet(models.Model):
    """One council's statistical neighbours in DfE's imported model, closest first."""

    la_code = models.CharField(max_length=3, unique=True)
    la_name = models.CharField(max_length=200)
    region_name = models.CharField(max_length=100, blank=True)
    neighbours = models.JSONField(default=list)
    closeness = models.JSONField(default=list, help_text="DfE's words: very close, close, somewhat close...")
    source = models.ForeignKey(ComparatorImport, on_delete=models.CASCADE, related_name="neighbour_sets")

    class Meta:
        ordering = ["la_name"]
