"""Uploaded returns: immutable files, validation results, snapshots."""

from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "corparent.returns"
    label = "returns"
    verbose_name = "Uploaded returns: immutable files, validation results, snapshots"

    def ready(self) -> None:
        from corparent.web.glossary import register

        # Acronyms in DfE's rule messages, shown on the checks pages.
        register("AD1", "the return's table of adoptions: the decision, the match and the adopters")
        register("DOB", "date of birth")
        register("UPN", "unique pupil number: the number a child has in school records")
        register("URN", "unique reference number: Ofsted's number for a children's home or other provider")
