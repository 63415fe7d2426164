"""What the constitution pages show, worked out here so the templates only lay it out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from corparent.panels.balance import UNGROUPED, WhatIf
from corparent.panels.balance_model import fmt
from corparent.panels.models import (
    BalanceSettings,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.selectors import constitution as selectors
from corparent.panels.selectors.constitution import PanelBalance, TermsVersion


def day(value: dt.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def approval_text(terms: TermsOfReference) -> str:
    if terms.approved_on is None:
        return "Draft: not yet approved"
    text = f"Approved by {terms.approved_by} on {day(terms.approved_on)}"
    if terms.approved_at_meeting is not None:
        text += f" at the meeting of {day(terms.approved_at_meeting.starts_at.date())}"
    return text


def person_description(person: Person) -> str:
    parts = [person.get_kind_display()]
    if person.kind == Person.Kind.COUNCILLOR:
        parts.append(person.political_group.name if person.political_group else "not in a political group")
        if person.ward:
            parts.append(f"{person.ward} ward")
    if person.job_title:
        parts.append(person.job_title)
    if person.organisation is not None:
        parts.append(person.organisation.name)
    return ", ".join(parts)


@dataclass(frozen=True)
class Seat:
    id: int
    holder: str
    description: str
    role: str
    voting: str
    since: str
    vacant: bool


def seat(m: Membership) -> Seat:
    if m.person is None:
        whose = f" ({m.political_group.name} seat)" if m.political_group else ""
        holder, description = "Vacant", f"{Person.Kind(m.seat_kind).label} seat{whose}"
    else:
        holder, description = m.person.name, person_description(m.person)
        if m.political_group and m.person.political_group_id != m.political_group_id:
            description += f" (in a {m.political_group.name} seat)"
    return Seat(
        m.pk,
        holder,
        description,
        m.get_role_display(),
        "Voting" if m.voting else "Non-voting",
        day(m.start_date),
        m.person is None,
    )


@dataclass(frozen=True)
class RoleGroup:
    role: str
    seats: tuple[Seat, ...]


@dataclass(frozen=True)
class BalanceStatus:
    text: str
    tag: str  # a govuk-tag colour modifier


def balance_status(found: PanelBalance) -> BalanceStatus:
    if found.status == "ok":
        return BalanceStatus("Balanced", "govuk-tag--green")
    if found.status == "departs":
        check = found.check
        assert check is not None
        n = len(check.departures) + len(check.warnings)
        return BalanceStatus(
            f"{n} difference{'s' if n != 1 else ''} from the entitlement", "govuk-tag--orange"
        )
    return BalanceStatus("Not worked out", "govuk-tag--grey")


@dataclass(frozen=True)
class TermsSummary:
    version: int
    purpose: str
    quorum: int
    frequency: str
    reporting_line: str
    approval: str


def terms_summary(terms: TermsOfReference | None) -> TermsSummary | None:
    if terms is None:
        return None
    return TermsSummary(
        terms.version,
        terms.purpose,
        terms.quorum,
        terms.frequency,
        terms.reporting_line,
        approval_text(terms),
    )


@dataclass(frozen=True)
class PanelRow:
    id: int
    name: str
    kind: str
    seats: int
    terms: str


def index_page() -> list[PanelRow]:
    rows = []
    for panel in selectors.panel_list():
        current = selectors.terms_current(panel=panel)
        rows.append(
            PanelRow(
                panel.pk,
                panel.name,
                panel.get_kind_display(),
                panel.size,
                f"Version {current.version}, {approval_text(current).lower()}"
                if current
                else "None approved yet",
            )
        )
    return rows


@dataclass(frozen=True)
class PanelPage:
    panel: Panel
    kind: str
    terms: TermsSummary | None
    draft_waiting: int | None
    roles: tuple[RoleGroup, ...]
    vacancies: tuple[Seat, ...]
    past: tuple[Seat, ...]
    status: BalanceStatus
    balance_problem: str | None


def panel_page(panel: Panel, *, on: dt.date | None = None) -> PanelPage:
    current = selectors.terms_current(panel=panel)
    latest = selectors.terms_latest(panel=panel)
    draft = latest.version if latest is not None and latest.approved_on is None else None
    active = list(selectors.memberships_active(panel=panel, on=on))
    filled = [m for m in active if m.person is not None]
    roles = []
    for value, label in Membership.Role.choices:
        seats = tuple(seat(m) for m in sorted(filled, key=lambda m: m.person.name) if m.role == value)
        if seats:
            roles.append(RoleGroup(label if len(seats) == 1 else _plural(label), seats))
    found = selectors.panel_balance(panel=panel, on=on)
    return PanelPage(
        panel,
        panel.get_kind_display(),
        terms_summary(current),
        draft,
        tuple(roles),
        tuple(seat(m) for m in active if m.person is None),
        tuple(seat(m) for m in selectors.memberships_past(panel=panel, on=on)[:20]),
        balance_status(found),
        found.problem,
    )


def _plural(label: str) -> str:
    return {"Chair": "Chairs", "Vice-chair": "Vice-chairs", "Member": "Members"}.get(label, label + "s")


# Terms of reference ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermsRow:
    version: int
    approval: str
    approved: bool
    created: str
    changes: tuple[str, ...]
    terms: TermsOfReference


def terms_rows(versions: list[TermsVersion]) -> list[TermsRow]:
    return [
        TermsRow(
            v.terms.version,
            approval_text(v.terms),
            v.terms.approved_on is not None,
            f"Written by {v.terms.created_by.get_full_name() or v.terms.created_by.username} on "
            f"{day(v.terms.created_at.date())}",
            v.changes,
            v.terms,
        )
        for v in versions
    ]


# Groups, council and people ----------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilPage:
    groups: tuple[PoliticalGroup, ...]
    council_seats: int | None
    in_groups: int
    ungrouped: int
    vacant: int | None
    other_bodies: tuple[tuple[str, int], ...]
    notes: tuple[str, ...]


def council_page() -> CouncilPage:
    groups = tuple(selectors.group_list())
    found: BalanceSettings | None = selectors.council_settings()
    in_groups = sum(g.council_seats for g in groups)
    ungrouped = found.ungrouped_councillors if found else 0
    vacant = found.council_seats - in_groups - ungrouped if found else None
    notes: list[str] = []
    try:
        notes += selectors.council().notes
    except ValueError as e:
        notes.append(str(e))
    return CouncilPage(
        groups,
        found.council_seats if found else None,
        in_groups,
        ungrouped,
        vacant,
        tuple((found.other_bodies or {}).items()) if found else (),
        tuple(notes),
    )


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    description: str
    email: str


def people_rows(*, kind: str | None = None) -> list[PersonRow]:
    return [PersonRow(p.pk, p.name, person_description(p), p.email) for p in selectors.person_list(kind=kind)]


# Balance -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BalanceRow:
    name: str
    council_members: int
    share: str
    entitled: int
    held: int
    difference: str


@dataclass(frozen=True)
class BalancePage:
    panel: Panel
    problem: str | None
    rows: tuple[BalanceRow, ...] = ()
    held_total: int = 0
    membership: int = 0
    explanations: tuple[str, ...] = ()
    aggregate: tuple[str, ...] = ()
    ties: tuple[str, ...] = ()
    departures: tuple[str, ...] = ()
    status: BalanceStatus = field(default_factory=lambda: BalanceStatus("Not worked out", "govuk-tag--grey"))
    what_if: tuple[str, ...] = ()
    what_if_problem: str | None = None


def _difference(held: int, entitled: int) -> str:
    if held == entitled:
        return "As entitled"
    n = abs(held - entitled)
    return f"{n} {'more' if held > entitled else 'fewer'} than entitled"


def balance_page(
    found: PanelBalance, *, what_if: WhatIf | None = None, what_if_problem: str | None = None
) -> BalancePage:
    lines = what_if.lines if what_if is not None else ()
    if found.balance is None:
        return BalancePage(found.panel, found.problem, what_if=lines, what_if_problem=what_if_problem)
    balance, check = found.balance, found.check
    assert check is not None
    rows = tuple(
        BalanceRow(
            e.name,
            e.members,
            fmt(e.quota),
            e.seats,
            found.held.get(e.name, 0),
            _difference(found.held.get(e.name, 0), e.seats),
        )
        for e in balance.entitlements
    )
    extra = tuple(
        BalanceRow(name, 0, "0.00", 0, n, _difference(n, 0))
        for name, n in found.held.items()
        if name not in balance.seats() and name != UNGROUPED
    )
    aggregate = found.aggregate
    return BalancePage(
        found.panel,
        None,
        rows + extra,
        sum(found.held.values()),
        balance.membership,
        balance.explanations + (found.council.notes if found.council else ()),
        aggregate.explanations if aggregate else (),
        tuple(t.message for t in (aggregate.ties if aggregate else balance.ties)),
        tuple(d.message + "." for d in check.departures) + check.warnings,
        balance_status(found),
        lines,
        what_if_problem,
    )
