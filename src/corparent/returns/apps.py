from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "corparent.returns"
    label = "returns"
    verbose_name = "Uploaded returns: immutable files, validation results, snapshots"
