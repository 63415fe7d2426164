from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "corparent.reports"
    label = "reports"
    verbose_name = "Documents: the panel pack"
