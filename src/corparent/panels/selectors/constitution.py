"""Reads of a panel's constitution: panels, terms of reference (and what changed between versions),
people, membership on a date, the council's composition and the panel's political balance."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from corparent.panels.balance import (
    UNGROUPED,
    AggregateBalance,
    BalanceError,
    BodyBalance,
    Council,
    MembershipCheck,
    WhatIf,
    allocate_bodies,
    allocate_body,
    compare_membership,
    what_if,
)
from corparent.panels.models import (
    BalanceSettings,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.services.constitution import SEATED_ROLES


def panel_list() -> QuerySet[Panel]:
    return Panel.objects.all()


def panel_get(*, panel_id: int) -> Panel:
    return get_object_or_404(Panel, pk=panel_id)


def terms_get(*, panel: Panel, version: int) -> TermsOfReference:
    return get_object_or_404(TermsOfReference, panel=panel, version=version)


def terms_history(*, panel: Panel) -> QuerySet[TermsOfReference]:
    """Every version, newest first."""
    return panel.terms.select_related("created_by", "approved_at_meeting").order_by("-version")


def terms_current(*, panel: Panel) -> TermsOfReference | None:
    """The version in force: the latest approved one."""
    return terms_history(panel=panel).filter(approved_on__isnull=False).first()


def terms_latest(*, panel: Panel) -> TermsOfReference | None:
    """The latest version, approved or draft (a new version starts from it)."""
    return terms_history(panel=panel).first()


def _quoted(words: list[str]) -> str:
    text = " ".join(words)
    return f"“{text}”" if len(text) <= 160 else f"“{text[:157]}…”"


def _text_changes(label: str, old: str, new: str) -> list[str]:
    a, b = old.split(), new.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "insert":
            parts.append(f"added {_quoted(b[j1:j2])}")
        elif op == "delete":
            parts.append(f"removed {_quoted(a[i1:i2])}")
        elif op == "replace":
            parts.append(f"replaced {_quoted(a[i1:i2])} with {_quoted(b[j1:j2])}")
    if not parts:
        return []
    if len(parts) > 4:
        return [f"{label}: {'; '.join(parts[:4])}; and {len(parts) - 4} more change(s)."]
    return [f"{label}: {'; '.join(parts)}."]


def terms_differences(*, older: TermsOfReference, newer: TermsOfReference) -> list[str]:
    """What changed from ``older`` to ``newer``, in words ("Quorum changed from 3 to 4.")."""
    lines: list[str] = []
    if older.quorum != newer.quorum:
        lines.append(f"Quorum changed from {older.quorum} to {newer.quorum} voting members.")
    for label, field in (("Frequency", "frequency"), ("Reporting line", "reporting_line")):
        before, after = getattr(older, field), getattr(newer, field)
        if before != after:
            lines.append(f"{label} changed from “{before}” to “{after}”.")
    lines += _text_changes("Purpose", older.purpose, newer.purpose)
    lines += _text_changes("Full text", older.body, newer.body)
    return lines or ["No change to the wording: the same terms, approved again."]


@dataclass(frozen=True)
class TermsVersion:
    terms: TermsOfReference
    changes: tuple[str, ...]


def terms_versions(*, panel: Panel) -> list[TermsVersion]:
    """Every version, newest first, each with what changed from the version before."""
    versions = list(terms_history(panel=panel))
    out = []
    for i, terms in enumerate(versions):
        older = versions[i + 1] if i + 1 < len(versions) else None
        changes = terms_differences(older=older, newer=terms) if older else ["The first version."]
        out.append(TermsVersion(terms, tuple(changes)))
    return out


# People and membership ---------------------------------------------------------------------------


def person_list(*, kind: str | None = None) -> QuerySet[Person]:
    people = Person.objects.select_related("political_group", "organisation", "user")
    return people.filter(kind=kind) if kind else people


def person_get(*, person_id: int) -> Person:
    return get_object_or_404(Person, pk=person_id)


def group_list() -> QuerySet[PoliticalGroup]:
    return PoliticalGroup.objects.all()


def group_get(*, group_id: int) -> PoliticalGroup:
    return get_object_or_404(PoliticalGroup, pk=group_id)


def membership_get(*, panel: Panel, membership_id: int) -> Membership:
    return get_object_or_404(Membership, panel=panel, pk=membership_id)


def _on(on: dt.date | None) -> dt.date:
    return on or dt.date.today()


def memberships_active(*, panel: Panel, on: dt.date | None = None) -> QuerySet[Membership]:
    """Seats in force on ``on`` (today by default), vacancies included."""
    day = _on(on)
    return (
        panel.memberships.filter(start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=day))
        .select_related("person", "person__organisation", "political_group")
    )


def memberships_past(*, panel: Panel, on: dt.date | None = None) -> QuerySet[Membership]:
    return (
        panel.memberships.filter(end_date__lte=_on(on), person__isnull=False)
        .select_related("person", "political_group")
        .order_by("-end_date")
    )


def vacancies(*, panel: Panel, on: dt.date | None = None) -> QuerySet[Membership]:
    return memberships_active(panel=panel, on=on).filter(person__isnull=True)


def seats_held(*, panel: Panel, on: dt.date | None = None) -> dict[str, int]:
    """Councillor seats filled on ``on``, per group (chairs, vice-chairs and members; not observers
    or substitutes). A seat with no group is counted with the members not in a political group."""
    held: dict[str, int] = {}
    seats = memberships_active(panel=panel, on=on).filter(
        seat_kind=Person.Kind.COUNCILLOR, role__in=SEATED_ROLES, person__isnull=False
    )
    for seat in seats:
        name = seat.political_group.name if seat.political_group else UNGROUPED
        held[name] = held.get(name, 0) + 1
    return held


# The council and the panel's balance -------------------------------------------------------------


def council_settings() -> BalanceSettings | None:
    return BalanceSettings.objects.first()


def council() -> Council:
    """The council's composition for the balance rules (raises BalanceError if it cannot be used)."""
    groups = {g.name: g.council_seats for g in PoliticalGroup.objects.all()}
    found = council_settings()
    return Council.from_counts(groups, found.ungrouped_councillors if found else 0)


def other_bodies() -> dict[str, int]:
    found = council_settings()
    return dict(found.other_bodies) if found and found.other_bodies else {}


@dataclass(frozen=True)
class PanelBalance:
    """The panel's entitlement per group and how its membership compares; or why there is none."""

    panel: Panel
    council: Council | None
    balance: BodyBalance | None
    aggregate: AggregateBalance | None
    check: MembershipCheck | None
    held: dict[str, int]
    problem: str | None

    @property
    def status(self) -> str:
        """ "ok", "departs", or "unknown"."""
        if self.check is None:
            return "unknown"
        return "ok" if self.check.ok else "departs"


def panel_balance(*, panel: Panel, on: dt.date | None = None) -> PanelBalance:
    held = seats_held(panel=panel, on=on)

    def none(problem: str, the_council: Council | None = None) -> PanelBalance:
        return PanelBalance(panel, the_council, None, None, None, held, problem)

    if not panel.politically_balanced:
        return none(f"{panel.name} is not a politically balanced body, so no group is entitled to seats.")
    if panel.size < 1:
        return none(f"Set the number of councillor seats on {panel.name} to see each group's entitlement.")
    try:
        the_council = council()
    except BalanceError as e:
        return none(str(e))
    try:
        aggregate = None
        bodies = other_bodies()
        bodies.pop(panel.name, None)
        if bodies:
            aggregate = allocate_bodies(the_council, {**bodies, panel.name: panel.size})
            balance = aggregate.body(panel.name)
        else:
            balance = allocate_body(the_council, panel.size, panel.name)
    except BalanceError as e:
        return none(str(e), the_council)
    check = compare_membership(balance, held)
    return PanelBalance(panel, the_council, balance, aggregate, check, held, None)


def panel_what_if(*, panel: Panel, new_size: int) -> WhatIf:
    """The entitlement at the panel's size and at ``new_size`` (raises BalanceError)."""
    bodies = other_bodies()
    bodies.pop(panel.name, None)
    return what_if(council(), panel.size, new_size, body=panel.name, other_bodies=bodies or None)


def organisations() -> Any:
    from corparent.accounts.models import Organisation

    return Organisation.objects.order_by("name")
