from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "corparent.panels"
    label = "panels"
    verbose_name = "The Corporate Parenting Panel: constitution, meetings, actions, work programme"
