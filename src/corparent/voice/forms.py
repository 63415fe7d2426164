"""Forms for the voice area: they parse input; the services validate and write."""

from __future__ import annotations

from django import forms

from corparent.voice.models import Forum, Issue, Rating


class ForumForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind of forum", choices=Forum.Kind.choices)
    description = forms.CharField(label="What it is for (optional)", widget=forms.Textarea, required=False)


class SessionForm(forms.Form):
    held_on = forms.DateField(label="Date", help_text="For example, 2025-05-14")
    title = forms.CharField(label="Title", max_length=200, help_text="For example, Spring get-together")
    notes = forms.CharField(
        label="Notes (optional)",
        widget=forms.Textarea,
        required=False,
        help_text="What was talked about. Do not write any young person's name.",
    )


class IssueForm(forms.Form):
    you_said = forms.CharField(
        label="You said",
        widget=forms.Textarea,
        help_text="What young people said, in their words. Do not write anyone's name.",
    )


class AnswerForm(forms.Form):
    owner = forms.CharField(label="Who is answering it", max_length=200, help_text="The service or partner")
    status = forms.ChoiceField(label="Status", choices=Issue.Status.choices)
    we_did = forms.CharField(
        label="We did",
        widget=forms.Textarea,
        required=False,
        help_text="What we did, in plain words young people will read.",
    )
    publish = forms.BooleanField(label='Publish on "you said, we did"', required=False)


class PromiseForm(forms.Form):
    number = forms.IntegerField(label="Number", min_value=1)
    text = forms.CharField(label="The promise", widget=forms.Textarea)
    owner = forms.CharField(label="Who keeps it", max_length=200)
    evidence = forms.CharField(label="Evidence (optional)", widget=forms.Textarea, required=False)
    evidence_url = forms.URLField(
        label="Link to the evidence (optional)", required=False, assume_scheme="https"
    )
    principles = forms.CharField(
        label="Corporate parenting principles (optional)",
        max_length=20,
        required=False,
        help_text="The letters of the principles it serves, for example aef",
    )


class RatingForm(forms.Form):
    verdict = forms.ChoiceField(label="Is this promise kept?", choices=Rating.Verdict.choices)
    comment = forms.CharField(label="Why? (optional)", widget=forms.Textarea, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file", widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"})
    )
