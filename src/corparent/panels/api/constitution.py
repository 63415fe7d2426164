"""The constitution API: panels, terms of reference, political groups and the council's composition,
people, membership and political balance. Read with VIEW_PANELS; write with MANAGE_PANELS, through
the same services as the pages (so the same rules, and the audit log). A refused change is a 400
with the reason per field, and changes nothing."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.panels.api._base import ServiceListCreate, ServiceRetrieveUpdate, refusal_as_400
from corparent.panels.api.serializers.constitution import (
    ApprovalSerializer,
    BalanceResponse,
    CouncilSerializer,
    EndSerializer,
    EntitlementSerializer,
    GroupSerializer,
    MembershipSerializer,
    PanelSerializer,
    PersonSerializer,
    TermsSerializer,
)
from corparent.panels.balance import BalanceError
from corparent.panels.models import BalanceSettings, Membership, Panel, Person, PoliticalGroup
from corparent.panels.selectors import constitution as selectors
from corparent.panels.services import constitution as services
from corparent.panels.services.constitution import ConstitutionError


class _Constitution:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_PANELS
    write_capability = Capability.MANAGE_PANELS
    refusal = ConstitutionError


def _panel(view: Any) -> dict[str, Any]:
    return {"panel": selectors.panel_get(panel_id=view.kwargs["panel_id"])}


class PanelList(_Constitution, ServiceListCreate):
    """Panels, boards and committees; POST sets one up."""

    serializer_class = PanelSerializer
    list_selector = selectors.panel_list
    create_service = services.panel_create


class PanelDetail(_Constitution, ServiceRetrieveUpdate):
    """One panel; PUT or PATCH changes its name, kind, seats or whether it is politically balanced."""

    serializer_class = PanelSerializer
    lookup_url_kwarg = "panel_id"
    queryset = Panel.objects.all()
    update_service = services.panel_update
    instance_kwarg = "panel"
    kept_fields = ("name", "kind", "size", "politically_balanced")


class TermsList(_Constitution, ServiceListCreate):
    """Every version of a panel's terms of reference, newest first; POST writes a new version (a
    draft unless approved_by and approved_on are given). An approved version is never changed."""

    serializer_class = TermsSerializer
    pagination_class = None
    list_selector = selectors.terms_history
    create_service = services.terms_create
    scope = _panel


class TermsApprove(_Constitution, generics.GenericAPIView):
    """Record who approved a draft version of the terms of reference, and when."""

    serializer_class = ApprovalSerializer
    required_capability = Capability.MANAGE_PANELS

    @extend_schema(request=ApprovalSerializer, responses={200: TermsSerializer})
    def post(self, request: Request, panel_id: int, version: int) -> Response:
        panel = selectors.panel_get(panel_id=panel_id)
        terms = selectors.terms_get(panel=panel, version=version)
        given = ApprovalSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        with refusal_as_400(self.refusal):
            terms = services.terms_approve(
                user=request.user, request=request, terms=terms, **given.validated_data
            )
        return Response(TermsSerializer(terms).data)


class GroupList(_Constitution, ServiceListCreate):
    """The council's political groups and their councillors; POST adds one."""

    serializer_class = GroupSerializer
    pagination_class = None
    list_selector = selectors.group_list
    create_service = services.group_create


class GroupDetail(_Constitution, ServiceRetrieveUpdate):
    serializer_class = GroupSerializer
    lookup_url_kwarg = "group_id"
    queryset = PoliticalGroup.objects.all()
    update_service = services.group_update
    instance_kwarg = "group"
    kept_fields = ("name", "council_seats")


class CouncilDetail(_Constitution, generics.GenericAPIView):
    """The council's seats, its councillors in no group and its other politically balanced bodies."""

    serializer_class = CouncilSerializer

    def get(self, request: Request) -> Response:
        found = selectors.council_settings() or BalanceSettings(council_seats=0)
        return Response(CouncilSerializer(found).data)

    def put(self, request: Request) -> Response:
        given = CouncilSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        with refusal_as_400(self.refusal):
            saved = services.council_composition_update(
                user=request.user, request=request, **given.validated_data
            )
        return Response(CouncilSerializer(saved).data)


def _login(data: dict[str, Any]) -> dict[str, Any]:
    """The serializer's "user" (its field "login") is the services' login."""
    data = dict(data)
    data["login"] = data.pop("user", None)
    return data


class PersonList(_Constitution, ServiceListCreate):
    """People who sit on or report to panels; POST adds one."""

    serializer_class = PersonSerializer
    list_selector = selectors.person_list
    create_service = services.person_create

    def create_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return _login(data)


class PersonDetail(_Constitution, ServiceRetrieveUpdate):
    serializer_class = PersonSerializer
    lookup_url_kwarg = "person_id"
    queryset = Person.objects.all()
    update_service = services.person_update
    instance_kwarg = "person"
    kept_fields = ("name", "kind", "political_group", "ward", "job_title", "organisation", "email", "user")

    def update_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return _login(data)


class MembershipList(_Constitution, ServiceListCreate):
    """A panel's seats in force today (vacancies have no person); ?all=1 for every seat ever held.
    POST adds a seat (no person: a vacancy; with `fills`, the vacancy it fills)."""

    serializer_class = MembershipSerializer
    pagination_class = None
    list_selector = selectors.memberships_active
    create_service = services.membership_add
    scope = _panel

    @extend_schema(
        parameters=[OpenApiParameter("all", OpenApiTypes.BOOL, description="every seat, past too")]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        if self.request.query_params.get("all") in ("1", "true"):
            return self.scope()["panel"].memberships.all()
        return super().get_queryset()

    def create_kwargs(self, data: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.scope(),
            "person": data.get("person"),
            "seat_kind": data.get("seat_kind") or None,
            "political_group": data.get("political_group"),
            "role": data.get("role", Membership.Role.MEMBER),
            "voting": data.get("voting", True),
            "start_date": data["start_date"],
            "fills": data.get("fills"),
        }


class MembershipEnd(_Constitution, generics.GenericAPIView):
    """End a seat; with leave_vacant, the seat stays as a vacancy (returned)."""

    serializer_class = EndSerializer
    required_capability = Capability.MANAGE_PANELS

    @extend_schema(request=EndSerializer, responses={200: MembershipSerializer})
    def post(self, request: Request, panel_id: int, membership_id: int) -> Response:
        panel = selectors.panel_get(panel_id=panel_id)
        membership = selectors.membership_get(panel=panel, membership_id=membership_id)
        given = EndSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        with refusal_as_400(self.refusal):
            vacancy = services.membership_end(
                user=request.user, request=request, membership=membership, **given.validated_data
            )
        membership.refresh_from_db()
        body = {"ended": MembershipSerializer(membership).data}
        body["vacancy"] = MembershipSerializer(vacancy).data if vacancy else None
        return Response(body)


class PanelBalanceView(_Constitution, generics.GenericAPIView):
    """Each group's entitlement on the panel (Local Government and Housing Act 1989 s15), the seats it
    holds, how the membership departs from the entitlement, and with ?size=N what the entitlement
    would be at N seats."""

    serializer_class = EntitlementSerializer

    @extend_schema(
        parameters=[OpenApiParameter("size", OpenApiTypes.INT, description="a size to compare with")],
        responses={200: BalanceResponse},
    )
    def get(self, request: Request, panel_id: int) -> Response:
        panel = selectors.panel_get(panel_id=panel_id)
        found = selectors.panel_balance(panel=panel)
        what_if = None
        size = request.query_params.get("size")
        if size is not None:
            if not size.isdigit():
                raise ValidationError({"size": [f"expected a whole number of seats, not {size!r}"]})
            try:
                what_if = list(selectors.panel_what_if(panel=panel, new_size=int(size)).lines)
            except BalanceError as e:
                raise ValidationError({"size": [str(e)]}) from e
        body: dict[str, Any] = {
            "panel": panel.pk,
            "size": panel.size,
            "status": found.status,
            "problem": found.problem,
            "entitlements": [],
            "explanations": [],
            "departures": [],
            "ties": [],
            "what_if": what_if,
        }
        if found.balance is not None and found.check is not None:
            from corparent.panels.balance_model import fmt

            body["entitlements"] = [
                {
                    "name": e.name,
                    "members": e.members,
                    "share": fmt(e.quota),
                    "entitled": e.seats,
                    "held": found.held.get(e.name, 0),
                    "provisional": e.provisional,
                }
                for e in found.balance.entitlements
            ]
            body["explanations"] = list(
                (found.aggregate.explanations if found.aggregate else ()) + found.balance.explanations
            )
            body["departures"] = [d.message for d in found.check.departures] + list(found.check.warnings)
            ties = found.aggregate.ties if found.aggregate else found.balance.ties
            body["ties"] = [t.message for t in ties]
        return Response(body, status=status.HTTP_200_OK)


constitution_api_patterns = [
    path("panels/", PanelList.as_view(), name="panels"),
    path("panels/<int:panel_id>/", PanelDetail.as_view(), name="panel"),
    path("panels/<int:panel_id>/terms/", TermsList.as_view(), name="terms"),
    path("panels/<int:panel_id>/terms/<int:version>/approve/", TermsApprove.as_view(), name="terms-approve"),
    path("panels/<int:panel_id>/memberships/", MembershipList.as_view(), name="memberships"),
    path(
        "panels/<int:panel_id>/memberships/<int:membership_id>/end/",
        MembershipEnd.as_view(),
        name="membership-end",
    ),
    path("panels/<int:panel_id>/balance/", PanelBalanceView.as_view(), name="balance"),
    path("political-groups/", GroupList.as_view(), name="groups"),
    path("political-groups/<int:group_id>/", GroupDetail.as_view(), name="group"),
    path("council-composition/", CouncilDetail.as_view(), name="council"),
    path("people/", PersonList.as_view(), name="people"),
    path("people/<int:person_id>/", PersonDetail.as_view(), name="person"),
]
