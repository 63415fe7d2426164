"""Forms for targets and commentary: they parse input; the services decide what is allowed."""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TargetForm(forms.Form):
    target = forms.FloatField(
        label="Target",
        help_text="In the same unit as the figure, for example 75 for 75%.",
        error_messages={"required": "Enter the target", "invalid": "Enter the target as a number, like 75"},
    )
    amber_tolerance = forms.FloatField(
        label="How far from the target is still amber",
        initial=0,
        min_value=0,
        help_text="A figure on the wrong side of the target by this much or less is amber; beyond it is red.",
        error_messages={
            "required": "Enter how far from the target is amber (0 for none)",
            "invalid": "Enter how far from the target is amber as a number, like 5",
            "min_value": "Enter how far from the target is amber as 0 or more",
        },
    )
    reason = forms.CharField(
        label="Why this target (optional)", required=False, widget=forms.Textarea, max_length=2000
    )


class CommentaryForm(forms.Form):
    why = forms.CharField(
        label="Why is the figure where it is?",
        widget=forms.Textarea,
        max_length=4000,
        error_messages={"required": "Say why the figure is where it is"},
    )
    action = forms.CharField(
        label="What are we doing about it?",
        widget=forms.Textarea,
        max_length=4000,
        error_messages={"required": "Say what we are doing about it"},
    )
    by_when = forms.DateField(
        label="By when",
        required=False,
        widget=DateInput(),
        help_text="The date by which the action should show in the figure. Needed for red and amber figures.",
        error_messages={"invalid": "Enter a real date, for example 31 March 2027"},
    )
