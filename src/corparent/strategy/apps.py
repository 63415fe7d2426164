from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "corparent.strategy"
    label = "strategy"
    verbose_name = "Strategy, action plan, scrutiny and the corporate parenting principles"

    def ready(self) -> None:
        from corparent.accounts.roles import Capability
        from corparent.strategy import evidence
        from corparent.strategy.selectors.evidence import builtin_providers
        from corparent.web.navigation import NavItem, register

        register(NavItem("Strategy", "strategy:index", Capability.VIEW_STRATEGY), before="returns:index")
        for provider in builtin_providers():
            evidence.register(provider)
