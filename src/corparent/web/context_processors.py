from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from corparent.web.navigation import items_for


def site(request: HttpRequest) -> dict[str, object]:
    from corparent.comparators.selectors import council_name

    return {
        "service_name": "Corporate parenting",
        "council_name": council_name(),
        "navigation": items_for(request),
        "demo_mode": settings.DEMO,
    }
