"""The background work on an upload and a snapshot (``tasks`` runs these; so can a command).

Each run reports its progress on its row (``progress``, ``progress_message``) as it goes, and
writes its results in one transaction at the end: a run that fails leaves a message and no partial
results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone

from corparent.engine.indicators.catalogue import Catalogue, builtin_catalogue
from corparent.engine.indicators.engine import Scorecard, annual_reference_date, compute
from corparent.engine.validation.report import by_rule
from corparent.engine.validation.runner import validate
from corparent.returns import selectors
from corparent.returns.models import Finding, RuleSummary, Snapshot, Upload
from corparent.returns.selectors import upload_return
from corparent.returns.staging import year_label
from corparent.scorecard.models import IndicatorResult

log = logging.getLogger(__name__)


def _upload_progress(upload_id: int, percent: int, message: str) -> None:
    Upload.objects.filter(pk=upload_id).update(progress=percent, progress_message=message[:300])


def _la_code() -> str | None:
    try:
        from corparent.comparators.selectors import council
    except ImportError:
        return None
    # The return's PL_LA holds ONS codes (E10000002), so the rules compare with the council's ONS code.
    found = council()
    return found.new_la_code if found is not None and found.new_la_code else None


def upload_validation_run(*, upload_id: int) -> Upload:
    """Run DfE's rules for the upload's latest year (with the year before, when supplied) and store
    what they found: counts by rule (with the plain-English hint) and every flagged row."""
    upload = Upload.objects.get(pk=upload_id)
    try:
        _upload_progress(upload_id, 5, "Reading the files")
        with upload_return(upload=upload, lenient_dates=True) as ret:  # a malformed date is a finding
            what = f"the {year_label(upload.latest_year)} return"
            _upload_progress(upload_id, 20, f"Checking {what} against DfE's rules")
            # The engine runs rules on worker threads and reports progress from them; a database
            # write from those threads would open connections of their own, so progress here is
            # by stage.
            lists = selectors.provider_lists_current()
            providers = selectors.provider_lists_read(lists) if lists is not None else None
            result = validate(ret, year=upload.latest_year, la_code=_la_code(), providers=providers)
        _upload_progress(upload_id, 90, "Storing what the checks found")
        summaries = by_rule(result)
        findings = [
            Finding(
                upload_id=upload_id,
                rule=f.rule,
                level=f.level.value,
                table=f.table,
                child=f.child or "",
                row=f.row,
                fields=list(f.fields),
                message=f.message,
            )
            for f in result.findings
        ]
        not_run = [{"rule": c, "status": "failed", "reason": why} for c, why in result.failed.items()]
        not_run += [{"rule": c, "status": "skipped", "reason": why} for c, why in result.skipped.items()]
        with transaction.atomic():
            RuleSummary.objects.filter(upload_id=upload_id).delete()
            Finding.objects.filter(upload_id=upload_id).delete()
            RuleSummary.objects.bulk_create(
                RuleSummary(
                    upload_id=upload_id,
                    rule=s.rule,
                    level=s.level.value,
                    message=s.message,
                    hint=s.hint,
                    rows=s.count,
                    children=s.children,
                )
                for s in summaries
            )
            Finding.objects.bulk_create(findings, batch_size=2000)
            Upload.objects.filter(pk=upload_id).update(
                status=Upload.Status.VALIDATED,
                progress=100,
                progress_message=f"Checked: {len(result.ran)} rules ran",
                error_count=sum(f.level.value == "error" for f in result.findings),
                warning_count=sum(f.level.value == "warning" for f in result.findings),
                rules_failed=sorted(result.failed),
                rules_ran=len(result.ran),
                rules_not_run=not_run,
                previous_year=result.previous_year,
                validated_at=timezone.now(),
                provider_lists=lists,
            )
    except Exception as exc:
        log.exception("checking upload %s failed", upload_id)
        Upload.objects.filter(pk=upload_id).update(
            status=Upload.Status.FAILED,
            progress=100,
            progress_message=f"The checks could not run: {_first_line(exc)}"[:300],
        )
    upload.refresh_from_db()
    return upload


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _population(snapshot: Snapshot, when: date) -> tuple[int | None, str]:
    """The population aged 0-17 for a reference date, and where it came from."""
    try:
        from corparent.comparators.selectors import population_0_17
    except ImportError:
        population_0_17 = None
    published = population_0_17(year=when.year) if population_0_17 is not None else None
    if when == snapshot.reference_date and snapshot.population_0_17:
        return snapshot.population_0_17, "population aged 0-17 as given when the snapshot was published"
    if published:
        return int(published), f"population aged 0-17 for {when.year} from the imported estimates"
    if snapshot.population_0_17:
        return snapshot.population_0_17, (
            "population aged 0-17 as given when the snapshot was published (none imported for this year)"
        )
    return None, ""


def snapshot_compute_run(*, snapshot_id: int, progress: Callable[[int, str], None] | None = None) -> Snapshot:
    """Compute every indicator in the catalogue for each of the snapshot's reference dates and store
    the aggregates (numerator, denominator, value, interval); indicators that cannot be computed
    from this return are stored without a value, with the reason in ``note``."""
    snapshot = Snapshot.objects.select_related("upload").get(pk=snapshot_id)

    def report(percent: int, message: str) -> None:
        Snapshot.objects.filter(pk=snapshot_id).update(progress=percent, progress_message=message[:300])
        if progress:
            progress(percent, message)

    try:
        Snapshot.objects.filter(pk=snapshot_id).update(status=Snapshot.Status.COMPUTING, error="")
        report(5, "Reading the stored files")
        catalogue = builtin_catalogue()
        dates = [date.fromisoformat(d) for d in snapshot.reference_dates] or [snapshot.reference_date]
        rows: list[IndicatorResult] = []
        with upload_return(upload=snapshot.upload) as ret:
            for n, when in enumerate(dates):
                population, source = _population(snapshot, when)

                def step(cohort: str, done: int, total: int, n: int = n, when: date = when) -> None:
                    share = (n + done / max(total, 1)) / len(dates)
                    report(10 + int(80 * share), f"Computing the figures as at {when:%d %B %Y} ({cohort})")

                card = compute(ret, when, population=population, progress=step)
                rows.extend(_rows(snapshot, card, when, source, catalogue))
        report(92, "Storing the figures")
        with transaction.atomic():
            IndicatorResult.objects.filter(snapshot_id=snapshot_id).delete()
            IndicatorResult.objects.bulk_create(rows, batch_size=2000)
            Snapshot.objects.filter(pk=snapshot_id).update(
                status=Snapshot.Status.READY,
                progress=100,
                progress_message=f"{len(rows):,} figures for {len(dates)} reference date(s)",
                computed_at=timezone.now(),
                definition_version=catalogue.version,
                reference_dates=[d.isoformat() for d in dates],
            )
    except Exception as exc:
        log.exception("computing snapshot %s failed", snapshot_id)
        Snapshot.objects.filter(pk=snapshot_id).update(
            status=Snapshot.Status.FAILED,
            progress=100,
            progress_message="The figures could not be computed",
            error=str(exc) or type(exc).__name__,
        )
    snapshot.refresh_from_db()
    return snapshot


def _rows(
    snapshot: Snapshot, card: Scorecard, when: date, population_source: str, catalogue: Catalogue
) -> list[IndicatorResult]:
    annual = annual_reference_date(when)
    left_out: dict[str, str] = {}
    for note in card.notes:
        ind_id, sep, why = note.partition(": ")
        if sep and ind_id in catalogue.indicators:
            left_out[ind_id] = why
    out = []
    seen: set[tuple[str, str, str]] = set()
    for r in card.results:
        ind = catalogue[r.indicator]
        notes = []
        if ind.annual and annual != when:
            notes.append(f"an annual figure: for the collection year ending {annual:%d %B %Y}")
        if ind.uses_population and population_source:
            notes.append(population_source)
        key = (r.indicator, r.breakdown, r.group)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            IndicatorResult(
                snapshot=snapshot,
                indicator_id=r.indicator,
                reference_date=when,
                period_start=r.period_start,
                breakdown=r.breakdown,
                group=r.group[:80],
                numerator=r.numerator,
                denominator=r.denominator,
                value=r.value,
                lower=r.lower,
                upper=r.upper,
                unit=r.unit.value,
                definition_version=r.definition_version,
                note="; ".join(notes),
            )
        )
    for ind_id, why in left_out.items():
        ind = catalogue[ind_id]
        out.append(
            IndicatorResult(
                snapshot=snapshot,
                indicator_id=ind_id,
                reference_date=when,
                period_start=None,
                unit=ind.unit.value,
                definition_version=ind.version,
                note=why,
            )
        )
    return out
