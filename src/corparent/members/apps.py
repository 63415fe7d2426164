"""Councillors as corporate parents: tiers, training, Member Champions and visits to children's homes."""

from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "corparent.members"
    label = "members"
    verbose_name = "Councillors as corporate parents"

    def ready(self) -> None:
        from corparent.accounts.roles import Capability
        from corparent.members import evidence as members_evidence
        from corparent.strategy import evidence
        from corparent.web.glossary import register
        from corparent.web.navigation import NavItem
        from corparent.web.navigation import register as nav_register

        register("URN", "unique reference number: the number Ofsted gives each registered children's home")
        nav_register(NavItem("Councillors", "members:index", Capability.VIEW_MEMBERS), before="web:glossary")
        evidence.register(members_evidence.training_evidence)
        evidence.register(members_evidence.visit_evidence)
        evidence.register(members_evidence.champion_evidence)
