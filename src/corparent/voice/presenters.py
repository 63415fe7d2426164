"""Shapes the voice pages show, so templates stay free of logic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corparent.voice.models import FeedbackCount, Issue, OfferArea, Rating
from corparent.voice.selectors import FeedbackRow, SurveyRow

STATUS_TAGS = {
    Issue.Status.RAISED: "govuk-tag--grey",
    Issue.Status.IN_PROGRESS: "govuk-tag--yellow",
    Issue.Status.DONE: "govuk-tag--green",
    Issue.Status.NOT_POSSIBLE: "govuk-tag--red",
}
VERDICT_TAGS = {
    Rating.Verdict.KEPT: "govuk-tag--green",
    Rating.Verdict.PARTLY: "govuk-tag--yellow",
    Rating.Verdict.NOT_KEPT: "govuk-tag--red",
}
SUPPRESSED = "Fewer than 6"


def status_tag(issue: Issue) -> dict[str, str]:
    return {"text": issue.get_status_display(), "class": STATUS_TAGS[Issue.Status(issue.status)]}


def verdict_tag(rating: Rating | None) -> dict[str, str]:
    if rating is None:
        return {"text": "Not rated yet", "class": "govuk-tag--grey"}
    return {"text": rating.get_verdict_display(), "class": VERDICT_TAGS[Rating.Verdict(rating.verdict)]}


@dataclass(frozen=True)
class SurveyLine:
    survey: str
    year: int
    domain: str
    respondents: str
    percent: str


def survey_lines(rows: list[SurveyRow]) -> list[SurveyLine]:
    return [
        SurveyLine(
            r.survey,
            r.year,
            r.domain,
            SUPPRESSED if r.suppressed else str(r.respondents),
            "Hidden (small numbers)" if r.suppressed else ("" if r.percent is None else f"{r.percent:g}%"),
        )
        for r in rows
    ]


def feedback_lines(rows: list[FeedbackRow]) -> list[dict[str, str]]:
    return [
        {
            "quarter": f"Quarter from {r.quarter_start.day} {r.quarter_start:%B %Y}",
            "kind": FeedbackCount.Kind(r.kind).label,
            "theme": r.theme,
            "count": SUPPRESSED if r.count is None else str(r.count),
        }
        for r in rows
    ]


def offer_areas(offer: Any) -> list[dict[str, Any]]:
    """The six areas in order, each with its entries (an area with none says so)."""
    entries = list(offer.entries.all()) if offer else []
    return [
        {"label": area.label, "entries": [e for e in entries if e.area == area.value]} for area in OfferArea
    ]
