"""Seeding the demo: a synthetic council in a migrated database, through the apps' own services.

`demo_seed` is idempotent: what is already there (the council, its comparators, a person, the
published return, a target, a commentary) is left alone, so running it twice adds nothing.
"""

from __future__ import annotations

import io
import json
import math
import signal
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from corparent.accounts.models import Organisation, User
from corparent.accounts.roles import Role
from corparent.accounts.selectors import DEMO_SECOND_PARTNER, DEMO_USERNAMES
from corparent.accounts.services import user_create
from corparent.demo import selectors
from corparent.demo.password import demo_password
from corparent.engine.indicators.catalogue import builtin_catalogue
from corparent.engine.ssda903.synth import generate, write_council
from corparent.engine.ssda903.synth.params import OWN_LA

COUNCIL_NAME = "Northshire County Council (synthetic)"
LA_CODE = "999"  # made up: no English council has it (DfE's codes run 201 to 938)
REFERENCE_DATE = date(2025, 3, 31)
CHILDREN, YEARS, SEED = 400, 3, 1
RETURN_LABEL = "Northshire SSDA903 return, 2022-23 to 2024-25 (synthetic)"
PARTNER_ORGANISATION = ("Northshire Integrated Care Board (synthetic)", "health")
SECOND_PARTNER_ORGANISATION = ("Northshire Virtual School (synthetic)", "education")
NAMES = {
    Role.ADMIN: ("Alex", "Admin"),
    Role.ANALYST: ("Priya", "Analyst"),
    Role.OFFICER: ("Olu", "Officer"),
    Role.MEMBER: ("Cllr Morgan", "Member"),
    Role.PARTNER: ("Pat", "Partner"),
    Role.YOUNG_PERSON: ("Jordan", "Young person"),
}

# Targets for a dozen indicators, each planned to come out green, amber or red against the demo
# council's own latest figure: (indicator id, plan). The figures are invented, so are the targets.
TARGET_PLAN: tuple[tuple[str, str], ...] = (
    ("placed_foster_pct", "green"),
    ("placed_outside_la_pct", "red"),
    ("placements_3plus_pct", "green"),
    ("long_term_stability_pct", "amber"),
    ("sw_changes_3plus_pct", "amber"),
    ("missing_pct", "green"),
    ("health_assessment_pct", "red"),
    ("dental_check_pct", "amber"),
    ("sdq_completion_pct", "green"),
    ("cl_19_21_eet_pct", "red"),
    ("cl_in_touch_pct", "green"),
    ("reviews_on_time_pct", "green"),
)
# How a plan becomes a target, in percentage points from the figure: (shift towards better, tolerance).
_SHIFT = {"green": (-3.0, 2.0), "amber": (2.0, 3.0), "red": (8.0, 2.0)}

COMMENTARY: dict[str, tuple[str, str]] = {
    "placed_outside_la_pct": (
        "Too few local foster carers for teenagers, so older children are placed outside Northshire.",
        "A recruitment campaign for carers of teenagers, and a review of every placement outside the "
        "county at the placement panel each month.",
    ),
    "long_term_stability_pct": (
        "Several long-standing placements ended this year as children moved to independence early.",
        "Stability meetings for any placement showing strain, and more support for carers of children "
        "who have been with them two years or more.",
    ),
    "sw_changes_3plus_pct": (
        "Agency social workers left two teams in the autumn, so some children had new workers.",
        "Permanent recruitment to both teams, and a handover visit whenever a child's worker changes.",
    ),
    "health_assessment_pct": (
        "Health assessments were delayed by a shortage of looked-after children's nurses.",
        "The health partners have funded two more nurses; a weekly list of overdue assessments goes "
        "to the designated nurse.",
    ),
    "dental_check_pct": (
        "Few dentists are taking on new patients, and children placed at a distance struggle most.",
        "Agreement with the community dental service to see any child in care within six weeks.",
    ),
    "cl_19_21_eet_pct": (
        "Fewer apprenticeships were offered to care leavers than in previous years.",
        "Ring-fenced council apprenticeships for care leavers and a personal adviser for education "
        "and work in the leaving care team.",
    ),
}


class DemoSeedError(RuntimeError):
    """The demo could not be seeded; the message says which step failed and why."""


@dataclass
class DemoSeed:
    council_name: str
    password: str
    accounts: list[tuple[str, str]]  # (username, role label): one per role, and a second partner
    snapshot_id: int | None
    return_folder: Path
    created: dict[str, int] = field(default_factory=dict)


def demo_seed(*, data_dir: Path, reference_date: date = REFERENCE_DATE) -> DemoSeed:
    """Seed the demo council into the (migrated) database; return what the demo prints."""
    created: dict[str, int] = {}
    password = demo_password(data_dir)
    folder = _return_folder(data_dir / "demo-return", reference_date)
    population = int(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["population_0_17"])

    created["council"] = _council_seed()
    people, created["people"] = _people_seed(password)
    snapshot, created["snapshots"] = _return_seed(
        folder, analyst=people[Role.ANALYST], reference_date=reference_date, population=population
    )
    created["targets"], created["commentary"] = _targets_seed(
        officer=people[Role.OFFICER], snapshot=snapshot, reference_date=reference_date
    )
    from corparent.demo.panels import demo_panels_seed  # after the snapshot: its scorecard is frozen in

    created.update({f"panel_{kind}": n for kind, n in demo_panels_seed(people=people).items()})
    from corparent.demo.measures import demo_measures_seed

    created.update({f"measures_{kind}": n for kind, n in demo_measures_seed(people=people).items()})
    from corparent.demo.members import demo_members_seed  # these three use the panel's councillors
    from corparent.demo.strategy import demo_strategy_seed
    from corparent.demo.voice import demo_voice_seed

    created.update({f"members_{kind}": n for kind, n in demo_members_seed(people=people).items()})
    created.update({f"strategy_{kind}": n for kind, n in demo_strategy_seed(people=people).items()})
    created.update({f"voice_{kind}": n for kind, n in demo_voice_seed(people=people).items()})
    return DemoSeed(
        council_name=COUNCIL_NAME,
        password=password,
        accounts=[(name, role.label) for role, name in DEMO_USERNAMES.items()] + [DEMO_SECOND_PARTNER],
        snapshot_id=snapshot.pk,
        return_folder=folder,
        created=created,
    )


def _return_folder(folder: Path, reference_date: date) -> Path:
    """The synthetic council's return (the engine's generator; the same seed gives the same files)."""
    if not (folder / "manifest.json").is_file():
        council = generate(children=CHILDREN, years=YEARS, reference_date=reference_date, seed=SEED)
        write_council(council, folder)
    return folder


def _council_seed() -> int:
    from corparent.comparators import selectors as comparators
    from corparent.comparators.models import ComparatorImport
    from corparent.comparators.services import council_configure, synthetic_comparators_create

    made = 0
    council = comparators.council()
    if council is None:
        council = council_configure(name=COUNCIL_NAME, la_code=LA_CODE, synthetic=True, new_la_code=OWN_LA)
        made += 1
    if not ComparatorImport.objects.filter(synthetic=True).exists():
        synthetic_comparators_create(council=council)
        made += 1
    return made


def _people_seed(password: str) -> tuple[dict[Role, User], int]:
    made = 0
    people: dict[Role, User] = {}
    for role, username in DEMO_USERNAMES.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            organisation = None
            if role == Role.PARTNER:
                name, kind = PARTNER_ORGANISATION
                organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
            first, last = NAMES[role]
            user = user_create(
                username=username,
                password=password,
                role=role,
                first_name=first,
                last_name=last,
                organisation=organisation,
            )
            made += 1
        elif not user.check_password(password):
            # the same database seeded from another data folder: its password is the one printed now
            user.set_password(password)
            user.save(update_fields=["password"])
        people[role] = user
    made += _second_partner_seed(password)
    return people, made


def _second_partner_seed(password: str) -> int:
    """The virtual school head: a partner of their own organisation, with measures of their own."""
    username = DEMO_SECOND_PARTNER[0]
    user = User.objects.filter(username=username).first()
    if user is not None:
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        return 0
    name, kind = SECOND_PARTNER_ORGANISATION
    organisation, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
    user_create(
        username=username,
        password=password,
        role=Role.PARTNER,
        first_name="Sam",
        last_name="School",
        organisation=organisation,
    )
    return 1


def _return_zip(folder: Path) -> SimpleUploadedFile:
    """The return's year folders (2023/episodes.csv, ...) as one zip, as an analyst would upload it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*/*.csv")):
            archive.write(path, arcname=path.relative_to(folder).as_posix())
    return SimpleUploadedFile("northshire-903.zip", buffer.getvalue(), content_type="application/zip")


def _return_seed(folder: Path, *, analyst: User, reference_date: date, population: int) -> tuple[object, int]:
    from corparent.returns.models import Snapshot, Upload
    from corparent.returns.services import PublishRefused, UploadRejected, snapshot_publish, upload_create

    ready = Snapshot.objects.filter(upload__label=RETURN_LABEL, status=Snapshot.Status.READY).first()
    if ready is not None:
        return ready, 0
    upload = Upload.objects.filter(label=RETURN_LABEL).first()
    if upload is None:
        try:
            upload = upload_create(user=analyst, files=[_return_zip(folder)], label=RETURN_LABEL)
        except UploadRejected as exc:
            raise DemoSeedError("the demo return was refused: " + "; ".join(exc.problems)) from exc
        run_queued_tasks()
    try:  # the synthetic return passes DfE's rules (warnings only), so no confirmation is needed
        snapshot = snapshot_publish(
            user=analyst, upload=upload, reference_date=reference_date, population_0_17=population
        )
    except PublishRefused as exc:
        raise DemoSeedError("the demo return could not be published: " + "; ".join(exc.problems)) from exc
    run_queued_tasks()
    snapshot.refresh_from_db()
    if snapshot.status != Snapshot.Status.READY:
        why = snapshot.error or "no error given"
        raise DemoSeedError(f"the demo snapshot was not computed (status {snapshot.status}): {why}")
    return snapshot, 1


def run_queued_tasks() -> None:
    """Run every queued background task now, in this process (database backend), and return.

    With the immediate backend the tasks have already run. django-tasks-db's worker installs its own
    Ctrl-C handlers; they are put back afterwards so that the caller's handling is unchanged.
    """
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, queue_name="*", reload=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def planned_target(value: float, plan: str, polarity: str) -> tuple[float, float]:
    """A whole-number percentage target that puts `value` in the planned colour, and its tolerance."""
    shift, tolerance = _SHIFT[plan]
    if polarity == "up":
        target = math.ceil(value + shift) if shift > 0 else math.floor(value + shift)
    else:
        target = math.floor(value - shift) if shift > 0 else math.ceil(value - shift)
    return float(min(100, max(0, target))), tolerance


def _targets_seed(*, officer: User, snapshot: object, reference_date: date) -> tuple[int, int]:
    from corparent.scorecard.models import Commentary, Target
    from corparent.scorecard.rag import Rag, rag
    from corparent.scorecard.services import commentary_write, target_set

    catalogue = builtin_catalogue().indicators
    values = selectors.headline_values(
        snapshot=snapshot, indicator_ids=[i for i, _ in TARGET_PLAN], reference_date=reference_date
    )
    targets = commentaries = 0
    for indicator_id, plan in TARGET_PLAN:
        value = values.get(indicator_id)
        if value is None or indicator_id not in catalogue:
            continue
        polarity = catalogue[indicator_id].polarity
        current = Target.objects.filter(indicator_id=indicator_id).first()
        if current is None:
            target, tolerance = planned_target(value, plan, polarity)
            current = target_set(
                user=officer,
                indicator_id=indicator_id,
                target=target,
                amber_tolerance=tolerance,
                reason="Demo target (synthetic council), set for the panel's annual plan.",
            )
            targets += 1
        colour = rag(
            value=value, target=current.target, amber_tolerance=current.amber_tolerance, polarity=polarity
        )
        if colour is None or colour is Rag.GREEN:
            continue
        if Commentary.objects.filter(snapshot=snapshot, indicator_id=indicator_id).exists():
            continue
        title = catalogue[indicator_id].title.lower()
        why, action = COMMENTARY.get(
            indicator_id,
            (f"The figure for {title} is below target.", "The service manager is reviewing it."),
        )
        commentary_write(  # red: by 30 September; amber: by 30 December
            user=officer,
            snapshot=snapshot,
            indicator_id=indicator_id,
            why=why,
            action=action,
            by_when=date(reference_date.year, 9, 30 if colour is Rag.RED else 12),
        )
        commentaries += 1
    return targets, commentaries
