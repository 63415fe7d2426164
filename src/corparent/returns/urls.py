from django.urls import path

from corparent.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("provider-lists/", views.provider_lists, name="provider_lists"),
    path("<int:upload_id>/", views.detail, name="detail"),
    path("<int:upload_id>/status/", views.upload_status, name="upload_status"),
    path("<int:upload_id>/check-again/", views.recheck, name="recheck"),
    path("<int:upload_id>/findings/", views.findings, name="findings"),
    path("<int:upload_id>/findings.<str:fmt>", views.export, name="export"),
    path("<int:upload_id>/publish/", views.publish, name="publish"),
    path("snapshots/<int:snapshot_id>/", views.snapshot, name="snapshot"),
    path("snapshots/<int:snapshot_id>/status/", views.snapshot_status, name="snapshot_status"),
]
