"""What the members pages show, worked out here so the templates hold no logic."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from corparent.members import selectors
from corparent.members.models import Champion, Tier, TrainingSession, Visit, VisitAction
from corparent.members.principles import PORTFOLIO_PRINCIPLES, VISIT_PRINCIPLES
from corparent.panels.models import Person
from corparent.strategy.principles import PRINCIPLES

STATUS_CSS = {
    VisitAction.Status.OPEN: "govuk-tag--blue",
    VisitAction.Status.DONE: "govuk-tag--green",
    VisitAction.Status.DROPPED: "govuk-tag--grey",
}


def day(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def principles_text(letters: str | tuple[str, ...]) -> str:
    names = {p.letter: p.short_name for p in PRINCIPLES}
    return "; ".join(f"({letter}) {names.get(letter, '')}" for letter in letters)


@dataclass(frozen=True)
class CouncillorRow:
    name: str
    href: str
    group: str
    tier: str
    role_title: str


def councillor_row(person: Person) -> CouncillorRow:
    assignment = selectors.tier_of(person)
    return CouncillorRow(
        name=person.name,
        href=reverse("members:councillor", kwargs={"person_id": person.pk}),
        group=person.political_group.name if person.political_group else "",
        tier=Tier(assignment.tier).label if assignment else Tier.EVERY.label,
        role_title=assignment.role_title if assignment else "",
    )


@dataclass(frozen=True)
class CompletionRow:
    tier: str
    councillors: int
    done: str
    percent: str
    fully_trained: int


def completion_rows(today: date) -> list[CompletionRow]:
    return [
        CompletionRow(
            tier=Tier(row.tier).label,
            councillors=row.councillors,
            done=f"{row.done} of {row.required}",
            percent=f"{row.percent}%" if row.percent is not None else "No mandatory training yet",
            fully_trained=row.fully_trained,
        )
        for row in selectors.completion_by_tier(today=today)
    ]


@dataclass(frozen=True)
class ChampionView:
    pk: int
    name: str
    person_href: str
    portfolio: str
    since: str
    ended: str
    targets: list[str]
    principles: str
    reports: list[dict[str, str]]


def champion_view(champion: Champion) -> ChampionView:
    return ChampionView(
        pk=champion.pk,
        name=champion.person.name,
        person_href=reverse("members:councillor", kwargs={"person_id": champion.person_id}),
        portfolio=champion.get_portfolio_display(),
        since=day(champion.started_on),
        ended=day(champion.ended_on),
        targets=[line.strip() for line in champion.targets.splitlines() if line.strip()],
        principles=principles_text(PORTFOLIO_PRINCIPLES.get(champion.portfolio, ())),
        reports=[
            {"title": r.title, "when": day(r.reported_on), "summary": r.summary}
            for r in champion.reports.all()
        ],
    )


@dataclass(frozen=True)
class VisitRow:
    href: str
    when: str
    home: str
    provider: str
    visitors: str
    actions: int
    open_actions: int


def visit_row(visit: Visit) -> VisitRow:
    actions = list(visit.actions.all())
    return VisitRow(
        href=reverse("members:visit", kwargs={"visit_id": visit.pk}),
        when=day(visit.visited_on),
        home=visit.home.name,
        provider=visit.home.provider,
        visitors=", ".join(p.name for p in visit.visitors.all()),
        actions=len(actions),
        open_actions=sum(1 for a in actions if a.status == VisitAction.Status.OPEN),
    )


@dataclass(frozen=True)
class ActionRow:
    pk: int
    description: str
    owner: str
    due: str
    status: str
    status_value: str
    css: str
    overdue: bool


def action_rows(visit: Visit, today: date) -> list[ActionRow]:
    return [
        ActionRow(
            pk=a.pk,
            description=a.description,
            owner=a.owner,
            due=day(a.due_date),
            status=a.get_status_display(),
            status_value=a.status,
            css=STATUS_CSS[VisitAction.Status(a.status)],
            overdue=a.status == VisitAction.Status.OPEN and a.due_date < today,
        )
        for a in visit.actions.all()
    ]


def visit_principles() -> str:
    return principles_text(VISIT_PRINCIPLES)


@dataclass(frozen=True)
class SessionRow:
    href: str
    title: str
    when: str
    tier: str
    mandatory: bool
    principles: str
    completed: int


def session_row(session: TrainingSession) -> SessionRow:
    return SessionRow(
        href=reverse("members:session", kwargs={"training_session_id": session.pk}),
        title=session.title,
        when=day(session.date),
        tier=Tier(session.tier).label,
        mandatory=session.mandatory,
        principles=principles_text(session.principles),
        completed=sum(1 for c in session.completions.all() if c.how != c.How.EXEMPT),
    )


@dataclass
class CouncillorPage:
    row: CouncillorRow
    person: Person
    training_done: list[dict[str, str]] = field(default_factory=list)
    training_to_do: list[dict[str, str]] = field(default_factory=list)
    champions: list[ChampionView] = field(default_factory=list)
    visits: list[VisitRow] = field(default_factory=list)


def councillor_page(person: Person, today: date) -> CouncillorPage:
    page = CouncillorPage(row=councillor_row(person), person=person)
    for line in selectors.councillor_training(person=person, today=today):
        item = {
            "title": line.session.title,
            "href": reverse("members:session", kwargs={"training_session_id": line.session.pk}),
            "when": day(line.session.date),
            "kind": "Mandatory" if line.session.mandatory else "Optional",
        }
        if line.completion is not None:
            item["how"] = f"{line.completion.get_how_display()}, {day(line.completion.completed_on)}"
            page.training_done.append(item)
        elif line.session.date > today:
            item["how"] = "Coming up"
            page.training_to_do.append(item)
        else:
            item["how"] = "Not done yet" if line.required else "Optional, not done"
            page.training_to_do.append(item)
    page.champions = [champion_view(c) for c in person.champion_roles.prefetch_related("reports")]
    page.visits = [visit_row(v) for v in selectors.visits_for(person=person)]
    return page
