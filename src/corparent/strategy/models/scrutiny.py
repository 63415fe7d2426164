"""Scrutiny reviews: members, meetings, findings, recommendations, cabinet's response and the
implementation tracker updated until each recommendation is closed."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ScrutinyReview(models.Model):
    title = models.CharField(max_length=300)
    committee = models.CharField(
        max_length=300, help_text="e.g. Children and Young People Scrutiny Committee"
    )
    members = models.ManyToManyField("panels.Person", blank=True, related_name="scrutiny_reviews")
    started_on = models.DateField()
    reported_on = models.DateField(null=True, blank=True)
    findings = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.title


class ScrutinyMeeting(models.Model):
    review = models.ForeignKey(ScrutinyReview, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    purpose = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["review", "held_on", "id"]


class Recommendation(models.Model):
    class Response(models.TextChoices):
        AWAITING = "awaiting", "Awaiting cabinet's response"
        ACCEPTED = "accepted", "Accepted"
        PARTLY = "partly", "Partly accepted"
        REJECTED = "rejected", "Rejected"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        CLOSED = "closed", "Closed"

    review = models.ForeignKey(ScrutinyReview, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    response = models.CharField(max_length=20, choices=Response.choices, default=Response.AWAITING)
    response_reason = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="strategy_recommendation_number_once")
        ]


class RecommendationUpdate(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Recommendation.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "at", "id"]
