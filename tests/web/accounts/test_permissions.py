"""The permission model: capabilities per role, refusals as 403, child-level refusals audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import ROLE_CAPABILITIES, Capability, Role, can


def test_only_analysts_see_child_level_data() -> None:
    assert [r for r in Role if can(r, Capability.VIEW_CHILD_LEVEL)] == [Role.ANALYST]


def test_members_partners_and_young_people_see_no_returns_and_nothing_unsuppressed() -> None:
    for role in (Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON):
        for capability in (
            Capability.VIEW_RETURNS,
            Capability.VIEW_UNSUPPRESSED,
            Capability.UPLOAD_RETURN,
            Capability.MANAGE_PANELS,
            Capability.MANAGE_PEOPLE,
            Capability.VIEW_AUDIT_LOG,
        ):
            assert capability not in ROLE_CAPABILITIES[role], (role, capability)


def test_nobody_without_a_role_can_do_anything() -> None:
    assert not any(can(None, cap) for cap in Capability)
    assert not any(can("", cap) for cap in Capability)


def test_an_unknown_role_is_an_error_not_a_silent_refusal() -> None:
    with pytest.raises(ValueError):
        can("superhero", Capability.VIEW_SCORECARD)


@capability_required(Capability.VIEW_CHILD_LEVEL, audit_action="child_rows.view")
def _child_rows(request: HttpRequest, upload_id: int) -> HttpResponse:
    return HttpResponse("rows")


@pytest.mark.parametrize("role", [Role.MEMBER, Role.PARTNER, Role.YOUNG_PERSON, Role.OFFICER, Role.ADMIN])
def test_a_refused_child_level_request_is_403_and_audited(people: dict[Role, User], role: Role) -> None:
    request = RequestFactory().get("/returns/7/findings/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="pytest")
    request.user = people[role]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _child_rows(request, upload_id=7)
    event = AuditEvent.objects.get()
    assert (event.username, event.role, event.action, event.outcome) == (
        people[role].username,
        role.value,
        "child_rows.view",
        "denied",
    )
    assert (event.target, event.path, event.ip_address, event.user_agent) == (
        "upload_id:7",
        "/returns/7/findings/",
        "10.1.2.3",
        "pytest",
    )


def test_an_analyst_passes_the_check(people: dict[Role, User]) -> None:
    request = RequestFactory().get("/returns/7/findings/")
    request.user = people[Role.ANALYST]
    assert _child_rows(request, upload_id=7).content == b"rows"
    assert not AuditEvent.objects.exists()  # the view itself records what was seen


def test_the_audit_log_page_is_for_administrators(client_for: Callable[[Role], Client]) -> None:
    for role in Role:
        status = client_for(role).get("/accounts/audit-log/").status_code
        assert status == (200 if role == Role.ADMIN else 403), role
