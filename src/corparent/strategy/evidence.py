"""The principles evidence registry.

Any app that gathers evidence of a corporate parenting principle being met registers a provider:
a callable taking no arguments and returning an iterable of `Evidence`. The principles page asks
every provider and shows the evidence under each of the seven principles, with a link to its source.

    from corparent.strategy import evidence

    def _voice_evidence() -> Iterable[evidence.Evidence]:
        ...

    class VoiceConfig(AppConfig):
        def ready(self) -> None:
            evidence.register(_voice_evidence)

This module imports no models, so it is safe to import from any AppConfig.ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from corparent.strategy.principles import LETTERS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Evidence:
    principle: str  # letter 'a'..'g'
    title: str
    summary: str
    url: str
    source: str  # e.g. "Voice", "Training", "Action plan", "Decision", "Indicator"
    when: date | None = None

    def __post_init__(self) -> None:
        if self.principle not in LETTERS:
            raise ValueError(
                f"Evidence {self.title!r}: principle {self.principle!r} is not one of {', '.join(LETTERS)}"
            )


Provider = Callable[[], Iterable[Evidence]]

_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider (once; registering the same callable again does nothing). Usable as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def providers() -> tuple[Provider, ...]:
    return tuple(_PROVIDERS)


def gather(*, only: Iterable[Provider] | None = None) -> list[Evidence]:
    """All evidence from every registered provider, newest first within each principle.

    A provider that fails is logged and skipped, so one app's fault does not blank the page.
    """
    found: list[Evidence] = []
    for provider in only if only is not None else _PROVIDERS:
        try:
            found.extend(provider())
        except Exception:
            logger.exception("principles evidence provider %r failed", provider)
    found.sort(key=lambda e: (e.principle, -(e.when.toordinal() if e.when else 0), e.source, e.title))
    return found


def by_principle(items: Iterable[Evidence]) -> dict[str, list[Evidence]]:
    grouped: dict[str, list[Evidence]] = {letter: [] for letter in LETTERS}
    for item in items:
        grouped[item.principle].append(item)
    return grouped
