"""The constitution API: panels, terms of reference, political groups and the council's composition,
people, membership and political balance. Read with VIEW_PANELS; write with MANAGE_PANELS, through
the same services as the pages (so the same rules, and the audit log). A refused change is a 400
with the reason per field, and changes nothing."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.models import Organisation, User
from corparent.accounts.permissions import HasCapability, has_capability
from corparent.accounts.roles import Capability
from corparent.panels.balance import BalanceError
from corparent.panels.models import (
    BalanceSettings,
    Meeting,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.selectors import constitution as selectors
from corparent.panels.services import constitution as services
from corparent.panels.services.constitution import ConstitutionError


def _refused(refusal: ConstitutionError) -> ValidationError:
    return ValidationError(
        {(field or "non_field_errors"): [message] for field, message in refusal.errors.items()}
    )


class _Constitution:
    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_PANELS
    write_capability = Capability.MANAGE_PANELS


# Serializers -------------------------------------------------------------------------------------


class PanelSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Panel.Kind.choices, default=Panel.Kind.PANEL)
    current_terms = serializers.SerializerMethodField(
        help_text="the version of the terms of reference in force"
    )

    class Meta:
        model = Panel
        fields = ["id", "name", "kind", "size", "politically_balanced", "current_terms", "created_at"]
        read_only_fields = ["id", "current_terms", "created_at"]

    def get_current_terms(self, panel: Panel) -> int | None:
        current = selectors.terms_current(panel=panel)
        return current.version if current else None


class TermsSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", read_only=True)
    approved_at_meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = TermsOfReference
        fields = [
            "version",
            "purpose",
            "quorum",
            "frequency",
            "reporting_line",
            "body",
            "approved_by",
            "approved_on",
            "approved_at_meeting",
            "created_by",
            "created_at",
        ]
        read_only_fields = ["version", "created_by", "created_at"]
        extra_kwargs = {"quorum": {"min_value": 1}}


class ApprovalSerializer(serializers.Serializer):
    approved_by = serializers.CharField(max_length=200)
    approved_on = serializers.DateField()
    approved_at_meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = PoliticalGroup
        fields = ["id", "name", "council_seats"]
        read_only_fields = ["id"]


class CouncilSerializer(serializers.ModelSerializer):
    other_bodies = serializers.DictField(
        child=serializers.IntegerField(min_value=1), required=False, default=dict
    )

    class Meta:
        model = BalanceSettings
        fields = ["council_seats", "ungrouped_councillors", "other_bodies"]


class PersonSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Person.Kind.choices)
    political_group = serializers.PrimaryKeyRelatedField(
        queryset=PoliticalGroup.objects.all(), required=False, allow_null=True
    )
    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    login = serializers.PrimaryKeyRelatedField(
        source="user",
        queryset=User.objects.all(),
        required=False,
        allow_null=True,
        help_text="their login, if any",
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "kind",
            "political_group",
            "ward",
            "job_title",
            "organisation",
            "email",
            "login",
        ]
        read_only_fields = ["id"]

    def to_representation(self, instance: Person) -> dict[str, Any]:
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not has_capability(request, Capability.MANAGE_PANELS):
            data.pop("email", None)  # contact details are for democratic services
            data.pop("login", None)
        return data


class MembershipSerializer(serializers.ModelSerializer):
    person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True, help_text="empty for a vacancy"
    )
    seat_kind = serializers.ChoiceField(choices=Person.Kind.choices, required=False, allow_null=True)
    political_group = serializers.PrimaryKeyRelatedField(
        queryset=PoliticalGroup.objects.all(), required=False, allow_null=True
    )
    fills = serializers.PrimaryKeyRelatedField(
        queryset=Membership.objects.all(),
        required=False,
        allow_null=True,
        write_only=True,
        help_text="the vacancy this seat fills",
    )

    class Meta:
        model = Membership
        fields = [
            "id",
            "person",
            "seat_kind",
            "political_group",
            "role",
            "voting",
            "start_date",
            "end_date",
            "fills",
        ]
        read_only_fields = ["id", "end_date"]


class EndSerializer(serializers.Serializer):
    end_date = serializers.DateField()
    leave_vacant = serializers.BooleanField(default=False)


class EntitlementSerializer(serializers.Serializer):
    name = serializers.CharField()
    members = serializers.IntegerField(help_text="the group's councillors")
    share = serializers.CharField(help_text="its exact share of the seats, to two places")
    entitled = serializers.IntegerField()
    held = serializers.IntegerField()
    provisional = serializers.BooleanField()


BalanceResponse = inline_serializer(
    "PanelBalance",
    {
        "panel": serializers.IntegerField(),
        "size": serializers.IntegerField(),
        "status": serializers.ChoiceField(choices=["ok", "departs", "unknown"]),
        "problem": serializers.CharField(allow_null=True),
        "entitlements": EntitlementSerializer(many=True),
        "explanations": serializers.ListField(child=serializers.CharField()),
        "departures": serializers.ListField(child=serializers.CharField()),
        "ties": serializers.ListField(child=serializers.CharField()),
        "what_if": serializers.ListField(child=serializers.CharField(), allow_null=True),
    },
)


# Views -------------------------------------------------------------------------------------------


class PanelList(_Constitution, generics.ListCreateAPIView):
    """Panels, boards and committees; POST sets one up."""

    serializer_class = PanelSerializer

    def get_queryset(self) -> Any:
        return selectors.panel_list()

    def perform_create(self, serializer: Any) -> None:
        try:
            serializer.instance = services.panel_create(
                user=self.request.user, request=self.request, **serializer.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class PanelDetail(_Constitution, generics.RetrieveUpdateAPIView):
    """One panel; PUT or PATCH changes its name, kind, seats or whether it is politically balanced."""

    serializer_class = PanelSerializer
    lookup_url_kwarg = "panel_id"
    queryset = Panel.objects.all()

    def perform_update(self, serializer: Any) -> None:
        panel = serializer.instance
        data = {
            "name": panel.name,
            "kind": panel.kind,
            "size": panel.size,
            "politically_balanced": panel.politically_balanced,
            **serializer.validated_data,
        }
        try:
            services.panel_update(user=self.request.user, request=self.request, panel=panel, **data)
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class TermsList(_Constitution, generics.ListCreateAPIView):
    """Every version of a panel's terms of reference, newest first; POST writes a new version (a
    draft unless approved_by and approved_on are given). An approved version is never changed."""

    serializer_class = TermsSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.terms_history(panel=selectors.panel_get(panel_id=self.kwargs["panel_id"]))

    def perform_create(self, serializer: Any) -> None:
        panel = selectors.panel_get(panel_id=self.kwargs["panel_id"])
        try:
            serializer.instance = services.terms_create(
                user=self.request.user, request=self.request, panel=panel, **serializer.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


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
        try:
            terms = services.terms_approve(
                user=request.user, request=request, terms=terms, **given.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal
        return Response(TermsSerializer(terms).data)


class GroupList(_Constitution, generics.ListCreateAPIView):
    """The council's political groups and their councillors; POST adds one."""

    serializer_class = GroupSerializer
    pagination_class = None

    def get_queryset(self) -> Any:
        return selectors.group_list()

    def perform_create(self, serializer: Any) -> None:
        try:
            serializer.instance = services.group_create(
                user=self.request.user, request=self.request, **serializer.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class GroupDetail(_Constitution, generics.RetrieveUpdateAPIView):
    serializer_class = GroupSerializer
    lookup_url_kwarg = "group_id"
    queryset = PoliticalGroup.objects.all()

    def perform_update(self, serializer: Any) -> None:
        group = serializer.instance
        data = {"name": group.name, "council_seats": group.council_seats, **serializer.validated_data}
        try:
            services.group_update(user=self.request.user, request=self.request, group=group, **data)
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class CouncilDetail(_Constitution, generics.GenericAPIView):
    """The council's seats, its councillors in no group and its other politically balanced bodies."""

    serializer_class = CouncilSerializer

    def get(self, request: Request) -> Response:
        found = selectors.council_settings() or BalanceSettings(council_seats=0)
        return Response(CouncilSerializer(found).data)

    def put(self, request: Request) -> Response:
        given = CouncilSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            saved = services.council_composition_update(
                user=request.user, request=request, **given.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal
        return Response(CouncilSerializer(saved).data)


class PersonList(_Constitution, generics.ListCreateAPIView):
    """People who sit on or report to panels; POST adds one."""

    serializer_class = PersonSerializer

    def get_queryset(self) -> Any:
        return selectors.person_list()

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data["login"] = data.pop("user", None)
        try:
            serializer.instance = services.person_create(user=self.request.user, request=self.request, **data)
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class PersonDetail(_Constitution, generics.RetrieveUpdateAPIView):
    serializer_class = PersonSerializer
    lookup_url_kwarg = "person_id"
    queryset = Person.objects.all()

    def perform_update(self, serializer: Any) -> None:
        person = serializer.instance
        fields = ("name", "kind", "political_group", "ward", "job_title", "organisation", "email", "user")
        data = {f: getattr(person, f) for f in fields}
        data.update(serializer.validated_data)
        data["login"] = data.pop("user", None)
        try:
            services.person_update(user=self.request.user, request=self.request, person=person, **data)
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


class MembershipList(_Constitution, generics.ListCreateAPIView):
    """A panel's seats in force today (vacancies have no person); ?all=1 for every seat ever held.
    POST adds a seat (no person: a vacancy; with `fills`, the vacancy it fills)."""

    serializer_class = MembershipSerializer
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("all", OpenApiTypes.BOOL, description="every seat, past too")]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        panel = selectors.panel_get(panel_id=self.kwargs["panel_id"])
        if self.request.query_params.get("all") in ("1", "true"):
            return panel.memberships.all()
        return selectors.memberships_active(panel=panel)

    def perform_create(self, serializer: Any) -> None:
        panel = selectors.panel_get(panel_id=self.kwargs["panel_id"])
        data = dict(serializer.validated_data)
        try:
            serializer.instance = services.membership_add(
                user=self.request.user,
                request=self.request,
                panel=panel,
                person=data.get("person"),
                seat_kind=data.get("seat_kind") or None,
                political_group=data.get("political_group"),
                role=data.get("role", Membership.Role.MEMBER),
                voting=data.get("voting", True),
                start_date=data["start_date"],
                fills=data.get("fills"),
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal


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
        try:
            vacancy = services.membership_end(
                user=request.user, request=request, membership=membership, **given.validated_data
            )
        except ConstitutionError as refusal:
            raise _refused(refusal) from refusal
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
