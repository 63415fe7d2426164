"""The voice of children and young people: forums, "you said, we did", the Pledge, the local offer
for care leavers, surveys and complaints."""

from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "corparent.voice"
    label = "voice"
    verbose_name = "The voice of children and young people"

    def ready(self) -> None:
        from corparent.accounts.roles import Capability
        from corparent.voice.evidence import register_provider
        from corparent.web.navigation import NavItem, register

        register(NavItem("Voice", "voice:index", Capability.VIEW_VOICE))
        register_provider()
