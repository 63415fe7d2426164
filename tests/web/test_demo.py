"""The demo council: what `corparent demo` puts in the database, and that doing it twice adds nothing.

Seeding runs through the apps' own services (upload, publish, targets, commentary) with the
background tasks run in process, so this also checks that those services fit together.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.demo.password import demo_password
from corparent.demo.services import LA_CODE, TARGET_PLAN, demo_seed, planned_target
from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.scorecard.rag import Rag, rag


def test_the_password_is_made_once_per_data_folder_and_kept_private(tmp_path: Path) -> None:
    first = demo_password(tmp_path / "a")
    assert len(first) >= 12
    assert demo_password(tmp_path / "a") == first
    assert stat.S_IMODE((tmp_path / "a" / "demo-password").stat().st_mode) == 0o600
    assert demo_password(tmp_path / "b") != first


@pytest.mark.parametrize(
    ("value", "plan", "polarity", "target", "tolerance", "colour"),
    [
        (62.4, "green", "up", 59.0, 2.0, Rag.GREEN),  # 62.4 - 3 = 59.4, down to 59: met
        (62.4, "amber", "up", 65.0, 3.0, Rag.AMBER),  # up to 65: 2.6 short, within 3
        (62.4, "red", "up", 71.0, 2.0, Rag.RED),  # 70.4 up to 71: 8.6 short, beyond 2
        (12.3, "green", "down", 16.0, 2.0, Rag.GREEN),  # lower is better: 15.3 up to 16
        (12.3, "red", "down", 4.0, 2.0, Rag.RED),  # 4.3 down to 4: 8.3 over
        (97.0, "red", "up", 100.0, 2.0, Rag.RED),  # capped at 100%: still 3 short
    ],
)
def test_planned_targets_come_out_the_colour_planned(
    value: float, plan: str, polarity: str, target: float, tolerance: float, colour: Rag
) -> None:
    assert planned_target(value, plan, polarity) == (target, tolerance)
    assert rag(value=value, target=target, amber_tolerance=tolerance, polarity=polarity) is colour


def _counts() -> dict[str, int]:
    from corparent.comparators.models import ComparatorImport, Council
    from corparent.returns.models import Snapshot, Upload
    from corparent.scorecard.models import Commentary, IndicatorResult, Target

    models = {
        "users": User,
        "councils": Council,
        "imports": ComparatorImport,
        "uploads": Upload,
        "snapshots": Snapshot,
        "results": IndicatorResult,
        "targets": Target,
        "commentary": Commentary,
    }
    return {name: model.objects.count() for name, model in models.items()}


@pytest.mark.django_db
def test_the_demo_council_has_everything_the_issue_lists_and_seeding_twice_adds_nothing(
    tmp_path: Path,
) -> None:
    from corparent.comparators.selectors import council
    from corparent.returns.models import Snapshot
    from corparent.scorecard.models import Commentary, IndicatorResult, Target

    # Given an empty, migrated database; when the demo is seeded
    seeded = demo_seed(data_dir=tmp_path)

    # Then the council is the synthetic one, with a made-up LA code and synthetic comparators
    here = council()
    assert here is not None and here.synthetic and here.la_code == LA_CODE
    assert "synthetic" in here.name
    # one person in every role, and a second partner, each signing in with the printed password
    assert [name for name, _ in seeded.accounts] == [
        "admin", "analyst", "officer", "member", "partner", "youngperson", "school",
    ]  # fmt: skip
    request = RequestFactory().post("/accounts/sign-in/")
    for username, _ in seeded.accounts:
        assert authenticate(request, username=username, password=seeded.password) is not None, username
    assert {u.username: u.role for u in User.objects.all()}["youngperson"] == Role.YOUNG_PERSON
    partners = {u.username: u.organisation for u in User.objects.filter(role=Role.PARTNER)}
    assert partners["partner"] is not None and partners["school"] is not None
    assert partners["partner"] != partners["school"]  # two partners, each with its own organisation
    # each partner has entered its own organisation's local measures, and no one else's
    from corparent.measures.models import MeasureValue

    for username, organisation in partners.items():
        entered = MeasureValue.objects.filter(entered_by__username=username).select_related("measure")
        assert entered.exists(), username
        assert {v.measure.owner_organisation_id for v in entered} == {organisation.pk}
    # three years of the return, published, with figures for each year's 31 March
    snapshot = Snapshot.objects.get(pk=seeded.snapshot_id)
    assert snapshot.status == Snapshot.Status.READY
    assert snapshot.reference_date == date(2025, 3, 31)
    dates = set(IndicatorResult.objects.filter(snapshot=snapshot).values_list("reference_date", flat=True))
    assert {date(2023, 3, 31), date(2024, 3, 31), date(2025, 3, 31)} <= dates
    cla = IndicatorResult.objects.get(
        snapshot=snapshot, indicator_id="cla", reference_date=date(2025, 3, 31), breakdown="all"
    )
    assert 300 <= cla.value <= 500  # about 400 children looked after
    # targets for a dozen indicators, some missed, each missed one with commentary saying by when
    statutory_targets = Target.objects.exclude(indicator_id__startswith="local:")
    assert statutory_targets.count() == len(TARGET_PLAN) == 12  # local measures have targets of their own
    missed = set()
    for target in statutory_targets:
        figure = IndicatorResult.objects.get(
            snapshot=snapshot,
            indicator_id=target.indicator_id,
            reference_date=date(2025, 3, 31),
            breakdown="all",
        )
        polarity = builtin_catalogue().indicators[target.indicator_id].polarity
        colour = rag(
            value=figure.value,
            target=target.target,
            amber_tolerance=target.amber_tolerance,
            polarity=polarity,
        )
        if colour is not Rag.GREEN:
            missed.add(target.indicator_id)
    assert len(missed) >= 3
    commentary = Commentary.objects.filter(snapshot=snapshot)
    assert set(commentary.values_list("indicator_id", flat=True)) == missed
    assert all(c.by_when is not None and c.why and c.action for c in commentary)

    # When it is seeded again (the same data folder): nothing is added and the password is the same
    before = _counts()
    again = demo_seed(data_dir=tmp_path)
    assert _counts() == before
    assert again.password == seeded.password
    assert again.snapshot_id == seeded.snapshot_id
    assert sum(again.created.values()) == 0
