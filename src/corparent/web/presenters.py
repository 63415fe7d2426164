"""What the home page shows each role: the jobs they came to do."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from corparent.accounts.permissions import has_capability
from corparent.accounts.roles import Capability

CARDS = [
    (
        Capability.VIEW_SCORECARD,
        "scorecard:index",
        "Scorecard",
        "How the council's children in care are doing, compared with England and similar councils.",
    ),
    (
        Capability.VIEW_SCORECARD,
        "scorecard:easy_read",
        "Easy-read scorecard",
        "The same figures in plain words, for young people.",
    ),
    (
        Capability.UPLOAD_RETURN,
        "returns:upload",
        "Upload a return",
        "Load the SSDA903 files, check them against DfE's rules and publish the figures.",
    ),
    (
        Capability.VIEW_RETURNS,
        "returns:index",
        "Returns and snapshots",
        "Every return uploaded, its checks and the snapshots published from it.",
    ),
    (
        Capability.MANAGE_COMPARATORS,
        "comparators:index",
        "Comparators",
        "DfE's published figures for England, regions and statistical neighbours.",
    ),
    (
        Capability.VIEW_AUDIT_LOG,
        "accounts:audit_log",
        "Audit log",
        "Who looked at child-level data, who was refused, and what changed.",
    ),
]


def home_cards(request: HttpRequest) -> list[dict[str, str]]:
    return [
        {"title": title, "href": reverse(url), "text": text}
        for cap, url, title, text in CARDS
        if has_capability(request, cap)
    ]
