"""Reads for comparators and the council's settings."""

from __future__ import annotations

from django.db.utils import DatabaseError

from corparent.comparators.models import Council


def council() -> Council | None:
    return Council.objects.first()


def council_name() -> str:
    try:
        found = council()
    except DatabaseError:  # before migrations have run
        return ""
    return found.name if found else ""
