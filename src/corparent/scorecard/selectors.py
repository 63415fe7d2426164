"""Reads for the scorecard: snapshots, their figures (suppressed for everyone but analysts), targets,
commentary and comparators.

Suppression happens here and only here: ``snapshot_results`` is what every page and API endpoint
reads figures through, and it applies the engine's policy (ADR 0004) to every figure of the
snapshot at once - complementary suppression spans breakdowns and indicators - before it filters.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils.timezone import localdate as today

from corparent.engine.indicators.catalogue import Catalogue, Indicator, builtin_catalogue
from corparent.engine.indicators.cohorts.base import minus_years
from corparent.engine.indicators.result import ALL, Result, Unit
from corparent.engine.indicators.suppression import Audience, suppress
from corparent.engine.ssda903.model import collection_year_of
from corparent.returns.models import Snapshot
from corparent.returns.selectors import latest_ready_snapshot
from corparent.scorecard.models import Commentary, IndicatorResult, Target
from corparent.scorecard.rag import Rag, rag


def catalogue() -> Catalogue:
    return builtin_catalogue()


def indicator_get(indicator_id: str) -> Indicator | None:
    return catalogue().indicators.get(indicator_id)


def audience_for(user: Any) -> Audience:
    """Analysts (who may see small numbers) get every figure; everyone else the MEMBER policy."""
    from corparent.accounts.roles import Capability

    if user is not None and user.is_authenticated and user.can(Capability.VIEW_UNSUPPRESSED):
        return Audience.ANALYST
    return Audience.MEMBER


# ------------------------------------------------------------------ snapshots


def snapshots_ready() -> QuerySet[Snapshot]:
    return Snapshot.objects.filter(status=Snapshot.Status.READY).order_by(
        "-reference_date", "-computed_at", "-id"
    )


def snapshot_get(*, snapshot_id: int | str | None = None) -> Snapshot | None:
    """The ready snapshot chosen (by id), or the latest ready one (the returns app says which that
    is). None when there is none, or the id is not a ready snapshot's."""
    if snapshot_id in (None, ""):
        return latest_ready_snapshot()
    ready = snapshots_ready()
    try:
        return ready.filter(pk=int(str(snapshot_id))).first()
    except ValueError:
        return None


# ------------------------------------------------------------------ figures


def _as_result(row: IndicatorResult, titles: dict[str, str]) -> Result:
    period_start = row.period_start or minus_years(row.reference_date, 1) + timedelta(days=1)
    return Result(
        indicator=row.indicator_id,
        title=titles.get(row.indicator_id, row.indicator_id),
        reference_date=row.reference_date,
        period_start=period_start,
        period_end=row.reference_date,
        breakdown=row.breakdown,
        group=row.group,
        numerator=row.numerator,
        denominator=row.denominator,
        value=row.value,
        unit=Unit(row.unit),
        lower=row.lower,
        upper=row.upper,
        definition_version=row.definition_version,
        snapshot=str(row.snapshot_id),
    )


def snapshot_results(
    *,
    snapshot: Snapshot,
    audience: Audience,
    indicator_id: str | None = None,
    breakdown: str | None = None,
    reference_date: date | None = None,
) -> list[Result]:
    """The snapshot's figures as ``audience`` may see them, optionally filtered.

    Suppression is applied to all of the snapshot's figures before filtering, so a figure hidden on
    one page is hidden on every page and in the API."""
    shown = _suppressed(snapshot, audience)
    return [
        r
        for r in shown
        if (indicator_id is None or r.indicator == indicator_id)
        and (breakdown is None or r.breakdown == breakdown)
        and (reference_date is None or r.reference_date == reference_date)
    ]


_SUPPRESSED: OrderedDict[tuple[int, str, str], list[Result]] = OrderedDict()
_SUPPRESSED_LOCK = threading.Lock()
_SUPPRESSED_KEPT = 8


def _suppressed(snapshot: Snapshot, audience: Audience) -> list[Result]:
    """All of the snapshot's figures after suppression. A computed snapshot's figures never change,
    so the process keeps the last few by snapshot, computation time and audience (in memory, not in
    Django's cache, which would unpickle thousands of figures on every request)."""

    def compute() -> list[Result]:
        titles = {ind.id: ind.title for ind in catalogue()}
        return suppress(
            [_as_result(r, titles) for r in IndicatorResult.objects.filter(snapshot=snapshot)], audience
        )

    if snapshot.status != Snapshot.Status.READY or snapshot.computed_at is None:
        return compute()
    key = (snapshot.pk, snapshot.computed_at.isoformat(), audience.value)
    with _SUPPRESSED_LOCK:
        found = _SUPPRESSED.get(key)
        if found is not None:
            _SUPPRESSED.move_to_end(key)
            return found
    found = compute()
    with _SUPPRESSED_LOCK:
        _SUPPRESSED[key] = found
        while len(_SUPPRESSED) > _SUPPRESSED_KEPT:
            _SUPPRESSED.popitem(last=False)
    return found


@dataclass(frozen=True)
class ScorecardState:
    """Which snapshot the scorecard page shows and the version of everything on it."""

    snapshot_id: int
    ready: bool
    version: str


def scorecard_state(*, snapshot_id: int | None, audience: Audience) -> ScorecardState | None:
    """The snapshot the page shows (``snapshot_id``, else the latest ready one) and a version that
    changes whenever anything the scorecard page shows changes: the snapshot and its figures, the
    published snapshots offered in its picker, the audience, targets, the snapshot's commentary,
    comparators, the council (its name heads every page) and local measures. None when there is no
    such snapshot. One query of counts and latest ids: the page asks it on every request."""
    from django.apps import apps

    from corparent.measures.selectors import scorecard_version_sql as local_measures_version_sql

    def table(label: str) -> str:
        return connection.ops.quote_name(apps.get_model(label)._meta.db_table)

    snapshots, ready = table("returns.Snapshot"), Snapshot.Status.READY.value
    if snapshot_id is None:
        chosen = (
            f"SELECT id, status, computed_at FROM {snapshots} WHERE status = %s "
            "ORDER BY reference_date DESC, computed_at DESC, id DESC LIMIT 1"
        )
        params: list[Any] = [ready]
    else:
        chosen = f"SELECT id, status, computed_at FROM {snapshots} WHERE id = %s"
        params = [snapshot_id]
    commentary, results = table("scorecard.Commentary"), table("scorecard.IndicatorResult")
    scalars_sql = [
        f"(SELECT COUNT(*) FROM {commentary} WHERE snapshot_id = s.id)",
        f"(SELECT MAX(id) FROM {commentary} WHERE snapshot_id = s.id)",
        # A computed snapshot's figures are written with its computed_at, in one transaction
        # (returns.runs), so only one not computed that way needs them counted.
        f"CASE WHEN s.computed_at IS NULL THEN (SELECT COUNT(*) FROM {results} WHERE snapshot_id = s.id) END",
        *local_measures_version_sql(table),
    ]
    sql = (
        f"SELECT s.id, s.status, s.computed_at, {', '.join(scalars_sql)}, p.*, t.*, i.*, c.* "
        f"FROM ({chosen}) s "
        # the snapshot picker: every published snapshot (becoming ready always sets computed_at)
        f"CROSS JOIN (SELECT COUNT(*), SUM(id), MAX(computed_at) FROM {snapshots} WHERE status = %s) p "
        f"CROSS JOIN (SELECT COUNT(*), MAX(id) FROM {table('scorecard.Target')}) t "
        f"CROSS JOIN (SELECT COUNT(*), MAX(id) FROM {table('comparators.ComparatorImport')}) i "
        f"LEFT JOIN (SELECT * FROM {table('comparators.Council')} ORDER BY id LIMIT 1) c ON 1 = 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, ready])
        row = cursor.fetchone()
    if row is None:
        return None
    parts = [*row, audience.value, today()]
    return ScorecardState(
        snapshot_id=int(row[0]),
        ready=row[1] == ready,
        version=hashlib.sha256(repr(parts).encode()).hexdigest()[:32],
    )


def scorecard_version(*, snapshot: Snapshot, audience: Audience) -> str:
    """The version of the scorecard page for ``snapshot`` (see ``scorecard_state``)."""
    state = scorecard_state(snapshot_id=snapshot.pk, audience=audience)
    return state.version if state is not None else ""


def headlines(results: Iterable[Result]) -> dict[str, list[Result]]:
    """Each indicator's headline figures (breakdown "all"), oldest reference date first: the trend."""
    series: dict[str, list[Result]] = {}
    for r in sorted(
        (r for r in results if r.breakdown == ALL and r.group == ALL), key=lambda r: r.reference_date
    ):
        series.setdefault(r.indicator, []).append(r)
    return series


def current(series: list[Result], snapshot: Snapshot) -> Result | None:
    """The figure as at the snapshot's reference date: the latest on or before it (OC2 and OC3
    indicators are annual, so theirs may be for the year ending earlier)."""
    on_or_before = [r for r in series if r.reference_date <= snapshot.reference_date]
    return on_or_before[-1] if on_or_before else None


# ------------------------------------------------------------------ targets, RAG and commentary


def current_targets() -> dict[str, Target]:
    """The latest target set for each indicator."""
    found: dict[str, Target] = {}
    for t in Target.objects.order_by("indicator_id", "-set_at", "-id"):
        found.setdefault(t.indicator_id, t)
    return found


def target_current(*, indicator_id: str) -> Target | None:
    return Target.objects.filter(indicator_id=indicator_id).order_by("-set_at", "-id").first()


def target_history(*, indicator_id: str) -> QuerySet[Target]:
    return (
        Target.objects.filter(indicator_id=indicator_id).select_related("set_by").order_by("-set_at", "-id")
    )


def latest_commentary(*, snapshot: Snapshot) -> dict[str, Commentary]:
    """The latest commentary on each indicator for this snapshot."""
    found: dict[str, Commentary] = {}
    for c in (
        Commentary.objects.filter(snapshot=snapshot)
        .select_related("author")
        .order_by("indicator_id", "-written_at", "-id")
    ):
        found.setdefault(c.indicator_id, c)
    return found


def commentary_history(*, indicator_id: str) -> QuerySet[Commentary]:
    return (
        Commentary.objects.filter(indicator_id=indicator_id)
        .select_related("author", "snapshot")
        .order_by("-written_at", "-id")
    )


def rag_for(*, indicator: Indicator, figure: Result | None, target: Target | None) -> Rag | None:
    """RAG of a figure as shown: a hidden (suppressed) figure gets none, so it cannot hint at it."""
    if figure is None or target is None or figure.suppressed:
        return None
    return rag(
        value=figure.value,
        target=target.target,
        amber_tolerance=target.amber_tolerance,
        polarity=indicator.polarity,
    )


def rag_unsuppressed(*, snapshot: Snapshot, indicator_id: str) -> Rag | None:
    """RAG on the true figure (for deciding whether commentary is required)."""
    indicator = indicator_get(indicator_id)
    if indicator is None:
        return None
    series = headlines(
        snapshot_results(
            snapshot=snapshot, audience=Audience.ANALYST, indicator_id=indicator_id, breakdown=ALL
        )
    ).get(indicator_id, [])
    return rag_for(
        indicator=indicator,
        figure=current(series, snapshot),
        target=target_current(indicator_id=indicator_id),
    )


# ------------------------------------------------------------------ comparators


@dataclass(frozen=True)
class FunnelData:
    figures: list[Any]  # comparators' CouncilFigure rows
    council_code: str
    year: int


def comparator_year(reference_date: date) -> int:
    """The comparators' year for a reference date: its collection year (2025 = 31 March 2025)."""
    return collection_year_of(reference_date)


def comparison(*, indicator_id: str, reference_date: date) -> Any | None:
    """England, region and statistical-neighbour figures for the reference date's year, or for the
    latest year published when that year has none. None when no comparators are available."""
    return comparisons(indicator_ids=[indicator_id], reference_date=reference_date)[indicator_id]


def comparisons(*, indicator_ids: Iterable[str], reference_date: date) -> dict[str, Any | None]:
    """`comparison` for many indicators at once (a few queries for the whole scorecard)."""
    ids = list(indicator_ids)
    try:
        from corparent.comparators.selectors import comparisons as _comparisons
    except ImportError:  # the comparators app does not offer comparisons (yet)
        return dict.fromkeys(ids)
    found: dict[str, Any | None] = dict(_comparisons(indicator_ids=ids, year=comparator_year(reference_date)))
    missing = [i for i in ids if not _any_value(found[i])]
    if missing:
        found.update(_comparisons(indicator_ids=missing, year=None))
    return {i: (c if _any_value(c) else None) for i, c in found.items()}


def _any_value(found: Any) -> bool:
    return found is not None and any(
        c is not None and (c.value is not None or c.marker)
        for c in (found.england, found.region, found.neighbours, found.council)
    )


def funnel(*, indicator_id: str, reference_date: date) -> FunnelData | None:
    """Every council's published figure for the indicator (for a funnel plot), for the reference
    date's year or else the latest year published."""
    try:
        from corparent.comparators.selectors import all_councils, council
    except ImportError:
        return None
    year = comparator_year(reference_date)
    figures = all_councils(indicator_id=indicator_id, year=year)
    if not figures:
        found = comparison(indicator_id=indicator_id, reference_date=reference_date)
        latest = _year_of(found)
        if latest is not None and latest != year:
            year = latest
            figures = all_councils(indicator_id=indicator_id, year=year)
    if not figures:
        return None
    ours = council()
    return FunnelData(figures=list(figures), council_code=ours.la_code if ours else "", year=year)


def _year_of(found: Any) -> int | None:
    if found is None:
        return None
    years = [c.year for c in (found.england, found.region, found.neighbours) if c is not None]
    return max(years) if years else None
