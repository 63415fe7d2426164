"""Uploaded SSDA903 returns.

The files are stored immutable in the file store, named by their SHA-256; the database keeps only
their names, fingerprints and what validation found. A snapshot is a return published as at a
reference date; the indicator engine's aggregates for it live in the scorecard app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StoredFile(models.Model):
    """One file's bytes in the file store, at files/<sha256[:2]>/<sha256>. Never changed or removed
    while an upload refers to it."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    stored_at = models.DateTimeField(auto_now_add=True)

    @property
    def relative_path(self) -> str:
        return f"{self.sha256[:2]}/{self.sha256}"

    def __str__(self) -> str:
        return self.sha256[:12]


class ProviderLists(models.Model):
    """Ofsted's provider lists as uploaded together (the children's homes list with the social care
    providers list, or the combined list): what the URN rules (219 to 1008) check placements against.
    The latest is used by every check from then on; none is ever changed or removed."""

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    providers = models.PositiveIntegerField(help_text="providers on the lists, open and closed")
    councils_known = models.BooleanField(
        default=False, help_text="whether each provider's council was worked out from its postcode"
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"Ofsted's provider lists {self.pk}"


class ProviderListFile(models.Model):
    lists = models.ForeignKey(ProviderLists, on_delete=models.CASCADE, related_name="files")
    stored = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="provider_list_uses")
    name = models.CharField(max_length=300, help_text="the file's name as uploaded")
    kind = models.CharField(max_length=60, help_text="which of Ofsted's lists it is")

    class Meta:
        ordering = ["kind", "name"]


class Upload(models.Model):
    """One upload of a return: a set of files (several CSVs or a zip), one or more collection years."""

    class Status(models.TextChoices):
        VALIDATING = "validating", "Checking against DfE's rules"
        VALIDATED = "validated", "Checked"
        FAILED = "failed", "Check could not run"

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    label = models.CharField(max_length=200, blank=True)
    collection_years = models.JSONField(
        default=list, help_text="collection years in the files, e.g. [2024, 2025]"
    )
    latest_year = models.PositiveSmallIntegerField(help_text="the latest collection year (2025 = 2024-25)")
    previous_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="the year before the latest, when supplied (its rules compare the two)",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.VALIDATING)
    progress = models.PositiveSmallIntegerField(default=0, help_text="percent done of the current task")
    progress_message = models.CharField(max_length=300, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    rules_failed = models.JSONField(default=list, help_text="codes of rules that could not run")
    rules_ran = models.PositiveIntegerField(default=0)
    rules_not_run = models.JSONField(
        default=list, help_text='rules that did not run: [{"rule", "status" (failed/skipped), "reason"}]'
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    provider_lists = models.ForeignKey(
        ProviderLists,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uploads",
        help_text="Ofsted's provider lists the checks used (none: the URN rules did not run)",
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.label or f"Upload {self.pk}"


class UploadFile(models.Model):
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="files")
    stored = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="uses")
    name = models.CharField(max_length=300, help_text="the file's name as uploaded (path inside a zip)")
    table = models.CharField(max_length=40, help_text="the DfE table it holds (Header, Episodes, ...)")
    year = models.PositiveSmallIntegerField()
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["year", "table"]
        constraints = [models.UniqueConstraint(fields=["upload", "year", "table"], name="one_table_per_year")]


class RuleSummary(models.Model):
    """What one DfE rule found in an upload, as counts: safe for officers to see."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="rule_summaries")
    rule = models.CharField(max_length=20)
    level = models.CharField(max_length=10)
    message = models.TextField()
    hint = models.TextField(blank=True)
    rows = models.PositiveIntegerField()
    children = models.PositiveIntegerField()

    class Meta:
        ordering = ["level", "-rows", "rule"]


class Finding(models.Model):
    """One row a rule flagged. Child-level: analysts only, and every view of them is audited."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField(max_length=20, db_index=True)
    level = models.CharField(max_length=10)
    table = models.CharField(max_length=40)
    child = models.CharField(max_length=40, blank=True, db_index=True)
    row = models.IntegerField(null=True)
    fields = models.JSONField(default=list)
    message = models.TextField()

    class Meta:
        ordering = ["rule", "table", "row"]


class Snapshot(models.Model):
    """A return published as at its reference date; its figures are computed in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        COMPUTING = "computing", "Computing the figures"
        READY = "ready", "Published"
        FAILED = "failed", "Failed"

    upload = models.ForeignKey(Upload, on_delete=models.PROTECT, related_name="snapshots")
    reference_date = models.DateField(
        help_text="the date the figures are as at (31 March for a year's return)"
    )
    reference_dates = models.JSONField(
        default=list, help_text="every reference date computed (for trends), ISO dates"
    )
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    progress_message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    definition_version = models.CharField(
        max_length=40, blank=True, help_text="the indicator catalogue's version"
    )
    population_0_17 = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-reference_date", "-published_at"]

    def __str__(self) -> str:
        return f"Snapshot {self.pk} as at {self.reference_date:%d %B %Y}"
