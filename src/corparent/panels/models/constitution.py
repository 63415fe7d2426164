"""Panels, their terms of reference, the council's political groups, people and membership."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Panel(models.Model):
    """A Corporate Parenting Panel (or board, or committee)."""

    class Kind(models.TextChoices):
        PANEL = "panel", "Panel"
        BOARD = "board", "Board"
        COMMITTEE = "committee", "Committee"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PANEL)
    size = models.PositiveSmallIntegerField(
        default=0, help_text="councillor seats on the panel (for balance)"
    )
    politically_balanced = models.BooleanField(default=True, help_text="LGHA 1989 s15 applies to its seats")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TermsOfReference(models.Model):
    """One version of a panel's terms of reference, with its approval."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="terms")
    version = models.PositiveSmallIntegerField()
    purpose = models.TextField()
    quorum = models.PositiveSmallIntegerField(
        help_text="voting members present for the meeting to be quorate"
    )
    frequency = models.CharField(max_length=200, help_text="e.g. every two months")
    reporting_line = models.CharField(max_length=300, help_text="e.g. reports to Cabinet once a year")
    body = models.TextField(blank=True, help_text="the full text")
    approved_by = models.CharField(max_length=200, blank=True, help_text="e.g. Full Council")
    approved_on = models.DateField(null=True, blank=True)
    approved_at_meeting = models.ForeignKey(
        "panels.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["panel", "-version"]
        constraints = [models.UniqueConstraint(fields=["panel", "version"], name="one_tor_version")]


class PoliticalGroup(models.Model):
    """A political group on the council, with its seats on the council."""

    name = models.CharField(max_length=100, unique=True)
    council_seats = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-council_seats", "name"]

    def __str__(self) -> str:
        return self.name


class BalanceSettings(models.Model):
    """The council's size and its other politically balanced bodies (one row)."""

    council_seats = models.PositiveSmallIntegerField(help_text="all councillors, including those in no group")
    ungrouped_councillors = models.PositiveSmallIntegerField(default=0)
    other_bodies = models.JSONField(
        default=dict,
        blank=True,
        help_text="other balanced bodies and their sizes, for the aggregate rule (c)",
    )


class Person(models.Model):
    """Someone who sits on or reports to a panel: a councillor, officer, partner, co-optee."""

    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        OFFICER = "officer", "Officer"
        PARTNER = "partner", "Partner"
        YOUNG_PERSON = "young_person", "Co-opted young person"
        FOSTER_CARER = "foster_carer", "Co-opted foster carer"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    political_group = models.ForeignKey(PoliticalGroup, null=True, blank=True, on_delete=models.PROTECT)
    ward = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey("accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT)
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A seat on a panel and who holds it (no person: a vacancy)."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        OBSERVER = "observer", "Participating observer"
        SUBSTITUTE = "substitute", "Substitute"

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    seat_kind = models.CharField(max_length=20, choices=Person.Kind.choices)
    political_group = models.ForeignKey(
        PoliticalGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="the group whose seat it is",
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    voting = models.BooleanField(default=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["panel", "role", "start_date"]
