"""Reads the demo seeding needs."""

from __future__ import annotations

from datetime import date

from corparent.scorecard.models import IndicatorResult


def headline_values(*, snapshot: object, indicator_ids: list[str], reference_date: date) -> dict[str, float]:
    """Each indicator's whole-council figure (breakdown "all") at the reference date, where there is one."""
    rows = IndicatorResult.objects.filter(
        snapshot=snapshot, indicator_id__in=indicator_ids, reference_date=reference_date, breakdown="all"
    ).values_list("indicator_id", "value")
    return {indicator_id: value for indicator_id, value in rows if value is not None}
