from django.apps import AppConfig


class ComparatorsConfig(AppConfig):
    name = "corparent.comparators"
    label = "comparators"
    verbose_name = "DfE published figures: England, regions, statistical neighbours; the council's settings"

    def ready(self) -> None:
        from corparent.accounts.roles import Capability
        from corparent.web.glossary import register
        from corparent.web.navigation import NavItem
        from corparent.web.navigation import register as register_page

        register_page(
            NavItem("Education", "comparators:education", Capability.VIEW_SCORECARD), before="panels:index"
        )
        register("GCSE", "General Certificate of Secondary Education: the exams most pupils take at 16")
