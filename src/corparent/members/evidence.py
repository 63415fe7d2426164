"""The members app's principles evidence: training completed, visits to homes and champions'
reports, each under the principles `principles.py` maps it to, linking to its source page."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from corparent.members import selectors
from corparent.members.principles import PORTFOLIO_PRINCIPLES, VISIT_PRINCIPLES
from corparent.strategy.evidence import Evidence


def training_evidence() -> Iterator[Evidence]:
    today = timezone.localdate()
    people = list(selectors.councillors())
    for session in selectors.sessions().filter(date__lte=today).prefetch_related("completions"):
        owed = [p for p in people if selectors.session_applies(session, selectors.tier_value(p))]
        done = sum(1 for c in session.completions.all() if c.how != c.How.EXEMPT)
        exempt = sum(1 for c in session.completions.all() if c.how == c.How.EXEMPT)
        summary = f"{done} of {len(owed) - exempt} councillors it is for have completed it."
        for letter in session.principles:
            yield Evidence(
                principle=letter,
                title=f"Councillors' training: {session.title}",
                summary=summary,
                url=reverse("members:session", kwargs={"training_session_id": session.pk}),
                source="Training",
                when=session.date,
            )


def visit_evidence() -> Iterator[Evidence]:
    for visit in selectors.visits():
        who = ", ".join(p.name for p in visit.visitors.all())
        open_actions = sum(1 for a in visit.actions.all() if a.status == a.Status.OPEN)
        summary = f"Visited by {who}; {len(visit.actions.all())} actions raised, {open_actions} open."
        for letter in VISIT_PRINCIPLES:
            yield Evidence(
                principle=letter,
                title=f"Councillors' visit to {visit.home.name}",
                summary=summary,
                url=reverse("members:visit", kwargs={"visit_id": visit.pk}),
                source="Visits",
                when=visit.visited_on,
            )


def champion_evidence() -> Iterator[Evidence]:
    for report in selectors.champion_reports():
        champion = report.champion
        for letter in PORTFOLIO_PRINCIPLES.get(champion.portfolio, ()):
            yield Evidence(
                principle=letter,
                title=f"{champion.get_portfolio_display()} champion's report: {report.title}",
                summary=f"{champion.person.name}: {report.summary[:200]}",
                url=reverse("members:councillor", kwargs={"person_id": champion.person_id}) + "#champion",
                source="Champions",
                when=report.reported_on,
            )
