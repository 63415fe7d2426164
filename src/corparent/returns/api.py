"""The returns API: uploads (with their checks) and snapshots. Read for roles that may see returns;
write (upload, publish) for analysts; findings (child-level) for analysts only, audited."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from corparent.accounts.permissions import HasCapability
from corparent.accounts.roles import Capability
from corparent.accounts.services import audit_record
from corparent.returns import selectors, services
from corparent.returns.models import (
    Finding,
    ProviderListFile,
    ProviderLists,
    RuleSummary,
    Snapshot,
    Upload,
    UploadFile,
)
from corparent.returns.staging import megabytes
from corparent.returns.uploads import UploadLimit, limit_uploads

FINDINGS_API = "returns.findings.api"


class UploadFileSerializer(serializers.ModelSerializer):
    sha256 = serializers.CharField(source="stored.sha256", read_only=True)
    size = serializers.IntegerField(source="stored.size", read_only=True)

    class Meta:
        model = UploadFile
        fields = ["name", "table", "year", "rows", "sha256", "size"]


class RuleSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = RuleSummary
        fields = ["rule", "level", "message", "hint", "rows", "children"]


class UploadSerializer(serializers.ModelSerializer):
    uploaded_by = serializers.CharField(source="uploaded_by.username", read_only=True)
    snapshots = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Upload
        fields = [
            "id",
            "label",
            "uploaded_by",
            "uploaded_at",
            "collection_years",
            "latest_year",
            "previous_year",
            "status",
            "progress",
            "progress_message",
            "error_count",
            "warning_count",
            "rules_ran",
            "rules_failed",
            "validated_at",
            "snapshots",
        ]
        read_only_fields = fields


class ProviderListFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProviderListFile
        fields = ["name", "kind"]


class ProviderListsSerializer(serializers.ModelSerializer):
    """Ofsted's provider lists a check used (the URN rules' reference data)."""

    files = ProviderListFileSerializer(many=True, read_only=True)

    class Meta:
        model = ProviderLists
        fields = ["uploaded_at", "providers", "councils_known", "files"]


class UploadDetailSerializer(UploadSerializer):
    files = UploadFileSerializer(many=True, read_only=True)
    rule_summaries = RuleSummarySerializer(many=True, read_only=True)
    rules_not_run = serializers.JSONField(read_only=True)
    provider_lists = ProviderListsSerializer(read_only=True, allow_null=True)

    class Meta(UploadSerializer.Meta):
        fields = [*UploadSerializer.Meta.fields, "rules_not_run", "provider_lists", "files", "rule_summaries"]
        read_only_fields = fields


class UploadCreateSerializer(serializers.Serializer):
    files = serializers.ListField(
        child=serializers.FileField(), allow_empty=False, help_text="the return's CSV files, or zips of them"
    )
    label = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["rule", "level", "table", "child", "row", "fields", "message"]


class SnapshotSerializer(serializers.ModelSerializer):
    published_by = serializers.CharField(source="published_by.username", read_only=True)

    class Meta:
        model = Snapshot
        fields = [
            "id",
            "upload",
            "reference_date",
            "reference_dates",
            "population_0_17",
            "published_by",
            "published_at",
            "status",
            "progress",
            "progress_message",
            "error",
            "computed_at",
            "definition_version",
        ]
        read_only_fields = fields


class PublishSerializer(serializers.Serializer):
    upload = serializers.PrimaryKeyRelatedField(queryset=Upload.objects.all())
    reference_date = serializers.DateField(
        required=False, allow_null=True, help_text="default: 31 March of the upload's latest year"
    )
    population_0_17 = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    confirm_errors = serializers.BooleanField(
        required=False, default=False, help_text="publish although the checks found errors"
    )


Problems = inline_serializer("Problems", {"problems": serializers.ListField(child=serializers.CharField())})


class UploadList(generics.ListCreateAPIView):
    """Uploads, newest first; POST a new upload (multipart: `files`, one or more; `label`)."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_RETURNS
    write_capability = Capability.UPLOAD_RETURN
    serializer_class = UploadSerializer
    queryset = Upload.objects.none()
    parser_classes = [MultiPartParser]

    def initialize_request(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Request:
        self.upload_limit: UploadLimit | None = limit_uploads(request) if request.method == "POST" else None
        return super().initialize_request(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return selectors.upload_list()

    @extend_schema(
        request={"multipart/form-data": UploadCreateSerializer},
        responses={
            201: UploadDetailSerializer,
            413: OpenApiResponse(Problems, description="larger than the upload limit"),
            422: OpenApiResponse(Problems, description="the files cannot be read; nothing was stored"),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        limit = self.upload_limit
        if limit is not None and limit.exceeded:
            most = megabytes(limit.limit)
            problem = f"The upload is larger than {most}: expected at most {most}"
            return Response({"problems": [problem]}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        files = request.FILES.getlist("files")
        if not files:
            problems = ["files: expected one or more CSV files, or zips of them (multipart field `files`)"]
            return Response({"problems": problems}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        label = str(request.data.get("label", "") or "")
        try:
            upload = services.upload_create(user=request.user, files=files, label=label)
        except services.UploadRejected as e:
            return Response({"problems": e.problems}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        upload = selectors.upload_get(upload_id=upload.pk)
        return Response(UploadDetailSerializer(upload).data, status=status.HTTP_201_CREATED)


class UploadDetail(generics.RetrieveAPIView):
    """One upload: its files and what DfE's rules found, counted by rule."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_RETURNS
    serializer_class = UploadDetailSerializer
    queryset = Upload.objects.select_related("uploaded_by").prefetch_related(
        "files__stored", "rule_summaries"
    )
    lookup_url_kwarg = "upload_id"


class UploadFindings(generics.ListAPIView):
    """Every row DfE's rules flagged in an upload (child-level: analysts only; audited)."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_CHILD_LEVEL
    audit_action = FINDINGS_API
    serializer_class = FindingSerializer
    queryset = Finding.objects.none()

    def get_queryset(self) -> Any:
        try:
            upload = selectors.upload_get(upload_id=int(self.kwargs["upload_id"]))
        except Upload.DoesNotExist as exc:
            from django.http import Http404

            raise Http404("No such upload") from exc
        return selectors.upload_findings(upload=upload)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        audit_record(request=request, action=FINDINGS_API, target=f"upload:{self.kwargs['upload_id']}")
        return response


class SnapshotList(generics.ListCreateAPIView):
    """Snapshots, newest first; POST publishes an upload as a snapshot (its figures are computed in
    the background: follow `status` and `progress`)."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_SCORECARD
    write_capability = Capability.PUBLISH_SNAPSHOT
    serializer_class = SnapshotSerializer
    queryset = Snapshot.objects.none()

    def get_queryset(self) -> Any:
        return selectors.snapshot_list()

    @extend_schema(
        request=PublishSerializer,
        responses={
            201: SnapshotSerializer,
            422: OpenApiResponse(Problems, description="the upload cannot be published (yet)"),
        },
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = PublishSerializer(data=request.data)
        if not given.is_valid():
            problems = [f"{name}: {' '.join(str(e) for e in errs)}" for name, errs in given.errors.items()]
            return Response({"problems": problems}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        data = given.validated_data
        try:
            snapshot = services.snapshot_publish(
                user=request.user,
                upload=data["upload"],
                reference_date=data.get("reference_date"),
                population_0_17=data.get("population_0_17"),
                confirm_errors=data.get("confirm_errors", False),
            )
        except services.PublishRefused as e:
            return Response({"problems": e.problems}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        return Response(SnapshotSerializer(snapshot).data, status=status.HTTP_201_CREATED)


class SnapshotDetail(generics.RetrieveAPIView):
    """One snapshot: its reference dates and the progress of its figures."""

    permission_classes = [HasCapability]
    required_capability = Capability.VIEW_SCORECARD
    serializer_class = SnapshotSerializer
    queryset = Snapshot.objects.select_related("published_by")
    lookup_url_kwarg = "snapshot_id"


api_patterns = [
    path("uploads/", UploadList.as_view(), name="uploads"),
    path("uploads/<int:upload_id>/", UploadDetail.as_view(), name="upload"),
    path("uploads/<int:upload_id>/findings/", UploadFindings.as_view(), name="findings"),
    path("snapshots/", SnapshotList.as_view(), name="snapshots"),
    path("snapshots/<int:snapshot_id>/", SnapshotDetail.as_view(), name="snapshot"),
]
