"""Forms for scrutiny reviews, recommendations, cabinet's responses and the tracker."""

from __future__ import annotations

from django import forms

from corparent.panels.models import Person
from corparent.strategy.forms.fields import Checkboxes, date_field, text_field
from corparent.strategy.models import Recommendation


class ReviewForm(forms.Form):
    title = text_field("What the review looked at", max_length=300)
    committee = text_field("Scrutiny committee", max_length=300)
    members = forms.ModelMultipleChoiceField(
        label="Members",
        queryset=Person.objects.filter(kind=Person.Kind.COUNCILLOR).order_by("name"),
        required=False,
        widget=Checkboxes,
        help_text="The councillors on the review.",
    )
    started_on = date_field("Start date")
    reported_on = date_field("Date reported", required=False)
    findings = text_field("Findings", required=False, long=True)


class ScrutinyMeetingForm(forms.Form):
    held_on = date_field("Date of the meeting")
    purpose = text_field("Purpose", required=False, max_length=300)


class RecommendationForm(forms.Form):
    text = text_field("Recommendation", long=True)


class ResponseForm(forms.Form):
    response = forms.ChoiceField(
        label="Cabinet's response",
        choices=[c for c in Recommendation.Response.choices if c[0] != Recommendation.Response.AWAITING],
        error_messages={"required": "Choose cabinet's response"},
    )
    reason = text_field("Reasons", long=True)
    responded_on = date_field("Date of the response")


class TrackForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=Recommendation.Status.choices)
    text = text_field("Implementation update", long=True)
