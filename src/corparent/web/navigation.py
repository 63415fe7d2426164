"""The service navigation, declared once: each item shows only to roles with its capability."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from corparent.accounts.permissions import has_capability
from corparent.accounts.roles import Capability


@dataclass(frozen=True)
class NavItem:
    text: str
    url_name: str
    capability: Capability | None = None


NAVIGATION: list[NavItem] = [
    NavItem("Home", "web:home"),
    NavItem("Scorecard", "scorecard:index", Capability.VIEW_SCORECARD),
    NavItem("Easy read", "scorecard:easy_read", Capability.VIEW_SCORECARD),
    NavItem("Panels", "panels:index", Capability.VIEW_PANELS),
    NavItem("Local measures", "measures:index", Capability.SUBMIT_MEASURE_VALUES),
    NavItem("Returns", "returns:index", Capability.VIEW_RETURNS),
    NavItem("Comparators", "comparators:index", Capability.MANAGE_COMPARATORS),
    NavItem("Audit log", "accounts:audit_log", Capability.VIEW_AUDIT_LOG),
    NavItem("Glossary", "web:glossary"),
]


def register(item: NavItem, *, before: str | None = None) -> None:
    """Add a navigation item (apps of later issues register theirs the same way)."""
    if any(existing.url_name == item.url_name for existing in NAVIGATION):
        return
    names = [n.url_name for n in NAVIGATION]
    NAVIGATION.insert(names.index(before) if before in names else len(NAVIGATION) - 1, item)


def items_for(request: HttpRequest) -> list[dict[str, object]]:
    user = getattr(request, "user", None)  # absent when a request fails before authentication
    if user is None or not user.is_authenticated:
        return []
    current = request.path
    shown = []
    for item in NAVIGATION:
        if item.capability is not None and not has_capability(request, item.capability):
            continue
        href = reverse(item.url_name)
        active = current == href or (href != "/" and current.startswith(href))
        shown.append({"text": item.text, "href": href, "current": current == href, "active": active})
    return shown
