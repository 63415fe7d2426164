"""Seeding the demo council's corporate parents: councillors' tiers, a year of training and who has
done it, three Member Champions with targets and reports, three children's homes and visits to them
with the actions they raised. All synthetic; homes are named "(synthetic)" and hold no children's data.

Runs after the panels seed and uses its councillors (the demo `member` sign-in is Cllr Morgan Member,
the panel's chair); any named councillor missing is added. Idempotent: when a home is there already
nothing is added. Dates are relative to today, so the demo always has a year of history."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from corparent.accounts.models import User
from corparent.accounts.roles import Role
from corparent.members import services
from corparent.members.models import Home, Tier, TrainingCompletion
from corparent.panels.models import Person

TIERS = (
    # name, tier, role
    ("Cllr Anne Baxter", Tier.KEY, "Lead Member for Children's Services"),
    ("Cllr Morgan Member", Tier.KEY, "Chair of the Corporate Parenting Panel"),
    ("Cllr Sam Okafor", Tier.TARGETED, "Vice-chair of the Corporate Parenting Panel"),
    ("Cllr Rhiannon Price", Tier.TARGETED, "Corporate Parenting Panel member"),
    ("Cllr Tom Hughes", Tier.TARGETED, "Corporate Parenting Panel member"),
    ("Cllr Janet Carter", Tier.TARGETED, "Corporate Parenting Panel member"),
    ("Cllr Imran Shah", Tier.TARGETED, "Corporate Parenting Panel member"),
    ("Cllr Helen Moss", Tier.TARGETED, "Corporate Parenting Panel member"),
    ("Cllr Gareth Lewis", Tier.EVERY, ""),
)
SESSIONS = (
    # title, days ago (negative: to come), tier, mandatory, principles
    ("Corporate parenting induction: the seven principles", 300, Tier.EVERY, True, "ae"),
    ("Hearing children's voices: working with the Children in Care Council", 200, Tier.TARGETED, True, "bc"),
    ("Lead member and panel chair briefing: Ofsted inspections", 150, Tier.KEY, True, "af"),
    ("Preparing for adulthood: the local offer for care leavers", 90, Tier.EVERY, False, "g"),
    ("Safeguarding refresher", -21, Tier.EVERY, True, "f"),
)
# who has not done which session (by index in SESSIONS), and who was exempt; everyone else did
NOT_DONE = {("Cllr Gareth Lewis", 0), ("Cllr Imran Shah", 1), ("Cllr Tom Hughes", 1), ("Cllr Anne Baxter", 2)}
EXEMPT = {("Cllr Helen Moss", 0)}
OPTIONAL_DONE = {"Cllr Morgan Member", "Cllr Sam Okafor", "Cllr Janet Carter"}
CHAMPIONS = (
    (
        "Cllr Rhiannon Price",
        "education",
        400,
        "Every child in care has a personal education plan reviewed each term\n"
        "Visit the virtual school head every term",
        (
            "Education champion's autumn report",
            40,
            "Attendance of children in care is up; two schools asked "
            "for training on attachment, which the virtual school will give in the spring.",
        ),
    ),
    (
        "Cllr Janet Carter",
        "housing",
        300,
        "No care leaver placed in bed and breakfast\nCare leavers exempt from council tax until 25",
        (
            "Housing champion's report to the panel",
            75,
            "Council tax exemption agreed by Cabinet; eight "
            "new training flats with the housing partner, the first two let.",
        ),
    ),
    (
        "Cllr Morgan Member",
        "participation",
        250,
        "Attend the Children in Care Council twice a year\nReport back what changed after each visit",
        (
            "Participation champion's report",
            20,
            "Met the Children in Care Council; their ask about "
            "Wi-Fi in placements is now an action on the plan.",
        ),
    ),
)
HOMES = (
    ("Beech House (synthetic)", "Northshire County Council", "SC900001"),
    ("Elm Lodge (synthetic)", "Bright Futures Care Ltd (synthetic)", "SC900002"),
    ("Harbour View (synthetic)", "Northshire County Council", ""),
)
VISITS = (
    # home index, days ago, visitors, report, actions (description, owner, days until due, status)
    (
        0,
        60,
        ("Cllr Morgan Member", "Cllr Helen Moss"),
        "A warm welcome from staff and the young people, who showed us the garden they have planted. "
        "They told us the Wi-Fi drops out in the evenings, which makes homework hard.",
        (
            ("Fix the evening Wi-Fi at Beech House", "Council digital services team", -20, "done"),
            ("Ask the young people what they want from the new games room", "Home manager", 30, "open"),
        ),
    ),
    (
        1,
        20,
        ("Cllr Sam Okafor",),
        "A calm, well-kept home. Staff turnover has been high this year; the manager has a plan to "
        "recruit, and asked for help advertising.",
        (("Advertise Elm Lodge's vacancies through the council's jobs page", "Human resources", 14, "open"),),
    ),
    (
        2,
        200,
        ("Cllr Anne Baxter",),
        "The home is being redecorated with the young people choosing colours. No concerns.",
        (),
    ),
)


def demo_members_seed(*, people: dict[Role, User], today: dt.date | None = None) -> dict[str, int]:
    if Home.objects.exists():
        return {"tiers": 0, "sessions": 0, "completions": 0, "champions": 0, "homes": 0, "visits": 0}
    with transaction.atomic():
        return _seed(people=people, today=today or timezone.localdate())


def _councillor(name: str) -> Person:
    person = Person.objects.filter(name=name, kind=Person.Kind.COUNCILLOR).first()
    return person or Person.objects.create(name=name, kind=Person.Kind.COUNCILLOR)


def _seed(*, people: dict[Role, User], today: dt.date) -> dict[str, int]:
    officer = people[Role.OFFICER]
    councillors = {name: _councillor(name) for name, _, _ in TIERS}
    for name, tier, role in TIERS:
        services.tier_assign(user=officer, person=councillors[name], tier=tier, role_title=role)

    completions = 0
    for index, (title, ago, tier, mandatory, principles) in enumerate(SESSIONS):
        day = today - dt.timedelta(days=ago)
        session = services.training_session_create(
            user=officer, title=title, date=day, tier=tier, mandatory=mandatory, principles=principles
        )
        if day > today:
            continue
        for name, person_tier, _ in TIERS:
            if (name, index) in NOT_DONE or Tier.values.index(person_tier) < Tier.values.index(tier):
                continue
            if not mandatory and name not in OPTIONAL_DONE:
                continue
            how = (
                TrainingCompletion.How.EXEMPT
                if (name, index) in EXEMPT
                else TrainingCompletion.How.ONLINE
                if len(name) % 3 == 0
                else TrainingCompletion.How.ATTENDED
            )
            services.training_completion_record(
                user=officer, session=session, person=councillors[name], how=how, completed_on=day
            )
            completions += 1

    for name, portfolio, since, targets, (title, ago, summary) in CHAMPIONS:
        champion = services.champion_create(
            user=officer,
            person=councillors[name],
            portfolio=portfolio,
            started_on=today - dt.timedelta(days=since),
            targets=targets,
        )
        services.champion_report_create(
            user=officer,
            champion=champion,
            title=title,
            reported_on=today - dt.timedelta(days=ago),
            summary=summary,
        )

    homes = [services.home_create(user=officer, name=n, provider=p, ofsted_urn=u) for n, p, u in HOMES]
    for home_index, ago, visitors, report, actions in VISITS:
        visit = services.visit_record(
            user=officer,
            home=homes[home_index],
            visited_on=today - dt.timedelta(days=ago),
            visitors=[councillors[v] for v in visitors],
            report=report,
        )
        for description, owner, due_in, status in actions:
            action = services.visit_action_create(
                user=officer,
                visit=visit,
                description=description,
                owner=owner,
                due_date=visit.visited_on + dt.timedelta(days=ago + due_in),
            )
            if status != "open":
                services.visit_action_update(user=officer, action=action, status=status)
    return {
        "tiers": len(TIERS),
        "sessions": len(SESSIONS),
        "completions": completions,
        "champions": len(CHAMPIONS),
        "homes": len(HOMES),
        "visits": len(VISITS),
    }
