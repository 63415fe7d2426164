"""The voice of children and young people: forums and their sessions, issues raised ("you said") and
what was done ("we did"), the Pledge and young people's ratings of it, the local offer for care
leavers, and aggregate survey results and complaints/compliments counts.

Nothing here names a child: issues are written as the forum said them, ratings are by session or
by a young people's representative, and surveys and complaints are aggregate counts only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Forum(models.Model):
    class Kind(models.TextChoices):
        CHILDREN_IN_CARE_COUNCIL = "cicc", "Children in Care Council"
        CARE_LEAVERS = "care_leavers", "Care leavers' forum"
        OTHER = "other", "Other group"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    """One meeting of a forum."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    title = models.CharField(max_length=200, help_text="e.g. Spring get-together")
    notes = models.TextField(blank=True, help_text="what was talked about (no names of children)")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.forum.name}: {self.title} ({self.held_on:%d %b %Y})"


class Issue(models.Model):
    """Something young people raised ("you said") and the answer ("we did")."""

    class Status(models.TextChoices):
        RAISED = "raised", "Raised"
        IN_PROGRESS = "in_progress", "Being worked on"
        DONE = "done", "Done"
        NOT_POSSIBLE = "not_possible", "We could not do this"

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="issues")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="issues"
    )
    you_said = models.TextField()
    raised_on = models.DateField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner = models.CharField(max_length=200, blank=True, help_text="the service or partner answering it")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RAISED)
    we_did = models.TextField(blank=True)
    answered_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on", "-id"]

    def __str__(self) -> str:
        return self.you_said[:60]


class Promise(models.Model):
    """One promise of the Pledge."""

    number = models.PositiveSmallIntegerField(unique=True)
    text = models.TextField(help_text="the promise, as young people wrote it")
    owner = models.CharField(max_length=200, help_text="the service or partner that keeps it")
    evidence = models.TextField(blank=True, help_text="how we know whether it is kept")
    evidence_url = models.URLField(blank=True)
    principles = models.CharField(
        max_length=7, blank=True, help_text="corporate parenting principles it serves, as letters, e.g. aef"
    )

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Promise {self.number}"


class Rating(models.Model):
    """Young people's own rating of whether a promise is kept."""

    class Verdict(models.TextChoices):
        KEPT = "kept", "Kept"
        PARTLY = "partly", "Partly kept"
        NOT_KEPT = "not_kept", "Not kept"

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="ratings")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    comment = models.TextField(blank=True)
    rated_on = models.DateField()
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-rated_on", "-id"]


class OfferArea(models.TextChoices):
    """The six areas of a local offer for care leavers (Children and Social Work Act 2017 s2)."""

    HEALTH = "health", "Health and wellbeing"
    RELATIONSHIPS = "relationships", "Relationships"
    EDUCATION = "education", "Education and training"
    EMPLOYMENT = "employment", "Employment"
    ACCOMMODATION = "accommodation", "Accommodation"
    PARTICIPATION = "participation", "Participation in society"


class LocalOffer(models.Model):
    """One version of the local offer for care leavers, with its consultation and publication."""

    version = models.PositiveSmallIntegerField(unique=True)
    consulted_from = models.DateField(null=True, blank=True)
    consulted_to = models.DateField(null=True, blank=True)
    consultation = models.TextField(blank=True, help_text="who was consulted and what changed")
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-version"]


class OfferEntry(models.Model):
    class Basis(models.TextChoices):
        STATUTORY = "statutory", "Statutory (the law says we must)"
        DISCRETIONARY = "discretionary", "Discretionary (we choose to)"

    offer = models.ForeignKey(LocalOffer, on_delete=models.CASCADE, related_name="entries")
    area = models.CharField(max_length=20, choices=OfferArea.choices)
    title = models.CharField(max_length=200)
    description = models.TextField()
    basis = models.CharField(max_length=20, choices=Basis.choices)

    class Meta:
        ordering = ["area", "id"]


class SurveyResult(models.Model):
    """An aggregate survey result: of `respondents` who answered about a domain, `positive` said
    something good (e.g. "I feel safe where I live")."""

    survey = models.CharField(max_length=200, help_text="e.g. Bright Spots wellbeing survey")
    year = models.PositiveSmallIntegerField()
    domain = models.CharField(max_length=200)
    respondents = models.PositiveIntegerField()
    positive = models.PositiveIntegerField()

    class Meta:
        ordering = ["survey", "domain", "year"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "year", "domain"], name="one_survey_result"),
            models.CheckConstraint(
                condition=models.Q(positive__lte=models.F("respondents")), name="positive_le_n"
            ),
        ]


class FeedbackCount(models.Model):
    """How many complaints or compliments about children in care came in a quarter, on a theme."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", "Complaints"
        COMPLIMENT = "compliment", "Compliments"

    quarter_start = models.DateField(help_text="the first day of the quarter, e.g. 2025-04-01")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    theme = models.CharField(max_length=200)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-quarter_start", "kind", "theme"]
        constraints = [
            models.UniqueConstraint(fields=["quarter_start", "kind", "theme"], name="one_feedback_count")
        ]
