from django.apps import AppConfig


class ComparatorsConfig(AppConfig):
    name = "corparent.comparators"
    label = "comparators"
    verbose_name = "DfE published figures: England, regions, statistical neighbours; the council's settings"
