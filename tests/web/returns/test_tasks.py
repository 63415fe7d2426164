"""Upload -> checked -> published -> figures stored for every reference date (tasks run in the
request in tests, as the immediate backend does)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from corparent.accounts.roles import Role
from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.engine.validation.rule import Level
from corparent.returns.models import Snapshot, Upload
from corparent.returns.runs import snapshot_compute_run
from corparent.returns.services import PublishRefused, snapshot_publish, upload_create
from corparent.scorecard.models import IndicatorResult
from tests.web.returns.conftest import council_zip

pytestmark = pytest.mark.django_db


def test_upload_check_publish_and_figures_for_each_reference_date(client_for, council: Path) -> None:
    client = client_for(Role.ANALYST)
    response = client.post(reverse("returns:upload"), {"files": [council_zip(council)], "label": "Final"})
    upload = Upload.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("returns:detail", args=[upload.pk])
    assert upload.status == Upload.Status.VALIDATED

    page = client.get(reverse("returns:publish", args=[upload.pk])).content.decode()
    assert 'value="31/03/2025"' in page  # 31 March of the latest year, by default
    response = client.post(
        reverse("returns:publish", args=[upload.pk]),
        {"reference_date": "31/03/2025", "population_0_17": "52000", "confirm_errors": "on"},
    )
    snapshot = Snapshot.objects.get()
    assert response["Location"] == reverse("returns:snapshot", args=[snapshot.pk])
    assert snapshot.status == Snapshot.Status.READY and snapshot.progress == 100
    assert snapshot.reference_dates == ["2024-03-31", "2025-03-31"]

    catalogue = builtin_catalogue()
    for when in (date(2024, 3, 31), date(2025, 3, 31)):
        rows = IndicatorResult.objects.filter(snapshot=snapshot, reference_date=when)
        assert set(rows.values_list("indicator_id", flat=True)) == set(catalogue.indicators)
        headline = rows.get(indicator_id="cla", breakdown="all", group="all")
        assert headline.value == headline.numerator and headline.value > 0
        assert headline.definition_version == catalogue["cla"].version
        assert headline.period_start is not None
    rate = IndicatorResult.objects.get(
        snapshot=snapshot, reference_date=date(2025, 3, 31), indicator_id="cla_rate", breakdown="all"
    )
    cla = IndicatorResult.objects.get(
        snapshot=snapshot, reference_date=date(2025, 3, 31), indicator_id="cla", breakdown="all"
    )
    assert rate.value == pytest.approx(cla.value / 52000 * 10_000)
    assert "given when the snapshot was published" in rate.note

    page = client.get(reverse("returns:snapshot", args=[snapshot.pk])).content.decode()
    assert "Published" in page and "31 March 2024" in page


def test_an_indicator_that_cannot_be_computed_is_stored_with_the_reason(people, council: Path) -> None:
    analyst = people[Role.ANALYST]
    upload = upload_create(user=analyst, files=[council_zip(council, years=("2025",))])
    snapshot = snapshot_publish(user=analyst, upload=upload, confirm_errors=True)

    rate = IndicatorResult.objects.get(snapshot=snapshot, indicator_id="cla_rate")
    assert rate.value is None and "no population aged 0-17" in rate.note
    assert snapshot.reference_dates == ["2025-03-31"]


def test_publishing_refuses_dates_the_return_does_not_cover(people, council: Path) -> None:
    analyst = people[Role.ANALYST]
    upload = upload_create(user=analyst, files=[council_zip(council)])
    for when in (date(2025, 4, 1), date(2023, 3, 31)):
        with pytest.raises(PublishRefused) as refused:
            snapshot_publish(user=analyst, upload=upload, reference_date=when, confirm_errors=True)
        assert "from 01/04/2023 to 31/03/2025" in refused.value.problems[0]
    assert not Snapshot.objects.exists()


def test_an_upload_with_errors_is_published_only_when_confirmed(client_for, people, council: Path) -> None:
    analyst = people[Role.ANALYST]
    upload = upload_create(user=analyst, files=[council_zip(council)])
    Upload.objects.filter(pk=upload.pk).update(error_count=3)  # as if the checks had found 3 errors
    url = reverse("returns:publish", args=[upload.pk])
    client = client_for(Role.ANALYST)
    assert "found 3 errors" in client.get(url).content.decode()

    response = client.post(url, {"reference_date": "31/03/2025"})
    assert response.status_code == 422
    assert "confirm that you want to publish" in response.content.decode()
    assert not Snapshot.objects.exists()

    response = client.post(url, {"reference_date": "31/03/2025", "confirm_errors": "on"})
    assert response.status_code == 302 and Snapshot.objects.count() == 1


def test_a_snapshot_whose_files_are_gone_fails_with_a_message_and_no_figures(people, council: Path) -> None:
    from corparent.returns import store

    analyst = people[Role.ANALYST]
    upload = upload_create(user=analyst, files=[council_zip(council, years=("2025",))])
    snapshot = snapshot_publish(user=analyst, upload=upload, confirm_errors=True)
    assert IndicatorResult.objects.filter(snapshot=snapshot).exists()
    gone = upload.files.get(table="Episodes").stored.sha256
    store.path_of(gone).unlink()

    snapshot = snapshot_compute_run(snapshot_id=snapshot.pk)  # computed again, over the missing file

    assert snapshot.status == Snapshot.Status.FAILED
    assert "is missing from the store" in snapshot.error
    assert IndicatorResult.objects.filter(snapshot=snapshot).exists()  # the earlier figures stand


def test_findings_match_what_the_engine_finds(people, council: Path) -> None:
    from corparent.engine.ssda903.reader import read_return
    from corparent.engine.validation.runner import validate

    upload = upload_create(user=people[Role.ANALYST], files=[council_zip(council)])
    ret = read_return(council)
    try:
        expected = validate(ret)
    finally:
        ret.con.close()
    stored = sorted(upload.findings.values_list("rule", "table", "row", "child"))
    assert stored == sorted((f.rule, f.table, f.row, f.child or "") for f in expected.findings)
    assert upload.error_count == sum(f.level is Level.ERROR for f in expected.findings)


def test_the_status_endpoint_says_when_the_checks_are_done(client_for, council: Path, people) -> None:
    upload = upload_create(user=people[Role.ANALYST], files=[council_zip(council, years=("2025",))])
    body = client_for(Role.OFFICER).get(reverse("returns:upload_status", args=[upload.pk])).json()
    assert body["running"] is False and body["progress"] == 100
