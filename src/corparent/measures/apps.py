"""Local measures: figures the SSDA903 return does not hold, defined by the council, entered or
imported by the council or by the partner that owns them, shown on the scorecard."""

from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "corparent.measures"
    label = "measures"
    verbose_name = "Local measures and partners' figures"

    def ready(self) -> None:
        from corparent.web.glossary import register

        register("PEP", "personal education plan: a looked-after child's plan for their education")
        register("IHA", "initial health assessment: a child's first health check on coming into care")
        register("RHI", "return home interview: a talk with a child after they have been missing")
