"""Every page and API endpoint, as every role, on the demo council.

For each URL the app serves (read from Django's URL resolver, so a new page is covered without
editing this test), signed in as each of the six roles:

- the status is what the page's capability says: 200 where the role has it, 403 where it does
  not (405 for a form that is only posted to); a view with no capability check fails the test
  unless it is one of the few pages every signed-in person may open;
- every HTML page that opens passes axe (WCAG 2.2 AA) with zero violations;
- every acronym in a page's text is in the glossary and explained on the page (an <abbr> with its
  meaning, or a link to the glossary entry);
- a refused child-level request is written to the audit log.

One test, so the demo council is seeded once (a few seconds) and every failure is listed together.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from corparent.accounts.models import AuditEvent, User
from corparent.accounts.roles import Capability, Role
from corparent.accounts.selectors import DEMO_USERNAMES
from corparent.web.glossary import GLOSSARY, NOT_ACRONYMS
from tests.web.system.conftest import axe_violations

# Pages any signed-in person may open (or that need no sign-in at all).
OPEN_TO_ALL = {
    "web:home",
    "web:glossary",
    "web:accessibility",
    "web:health",
    "accounts:login",
    "accounts:logout",
    "api:schema",
    "api:docs",
}
ACRONYM = re.compile(r"\b[A-Z][A-Za-z]?[A-Z0-9]+(?:-[0-9]+)?\b")


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str, Any]]:
    found: list[tuple[str, str, Any]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(p for p in (namespace, entry.namespace or "") if p)
            found += _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}:{entry.name}", prefix + str(entry.pattern), entry.callback))
    return found


def _capability(callback: Any) -> Capability | None:
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    return getattr(callback, "required_capability", None) or getattr(view_class, "required_capability", None)


def _fill(route: str, values: dict[str, str]) -> str | None:
    """The route with its <converters> filled from sample values; None when one is unknown."""
    missing: list[str] = []

    def sub(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in values:
            missing.append(name)
            return ""
        return values[name]

    path = "/" + re.sub(r"<(?:(\w+):)?(\w+)>", sub, route).lstrip("^").rstrip("$")
    return None if missing else path


# Each URL parameter names the model whose first row (in the demo council) fills it.
SAMPLE_MODELS = {
    "upload_id": "returns.Upload",
    "snapshot_id": "returns.Snapshot",
    "panel_id": "panels.Panel",
    "meeting_id": "panels.Meeting",
    "action_id": "panels.Action",
    "group_id": "panels.PoliticalGroup",
    "item_id": "panels.WorkProgrammeItem",
    "membership_id": "panels.Membership",
    "paper_id": "panels.Paper",
    "person_id": "panels.Person",
    "question_id": "panels.Question",
    "measure_id": "measures.Measure",
    "training_session_id": "members.TrainingSession",
    "champion_id": "members.Champion",
    "visit_id": "members.Visit",
    "visit_action_id": "members.VisitAction",
    "forum_id": "voice.Forum",
    "forum_session_id": "voice.Session",
    "issue_id": "voice.Issue",
    "promise_id": "voice.Promise",
    "strategy_id": "strategy.Strategy",
    "priority_id": "strategy.Priority",
    "plan_item_id": "strategy.PlanItem",
    "milestone_id": "strategy.Milestone",
    "decision_id": "strategy.Decision",
    "scrutiny_review_id": "strategy.ScrutinyReview",
    "recommendation_id": "strategy.Recommendation",
}


def _samples() -> dict[str, str]:
    from django.apps import apps
    from django.utils import timezone

    from corparent.panels.selectors.effectiveness import PanelYear

    values = {
        "indicator_id": "placed_foster_pct",
        "fmt": "csv",
        "format": "json",
        "year": str(PanelYear.containing(timezone.localdate()).start_year),  # the council year 2026/27
    }
    for name, label in SAMPLE_MODELS.items():
        row = apps.get_model(label).objects.order_by("pk").first()
        if row is not None:
            values[name] = str(row.pk)
    # A councillor (the demo member's own record), whose page the members app shows.
    councillor = (
        apps.get_model("panels.Person").objects.filter(user__username=DEMO_USERNAMES[Role.MEMBER]).first()
    )
    if councillor is not None:
        values["person_id"] = str(councillor.pk)
    paper = apps.get_model("panels.Paper").objects.order_by("pk").first()
    if paper is not None:  # a paper's URL names its meeting
        values["meeting_id"] = str(paper.meeting_id)
    # The work programme item asked of the demo partner's organisation, which the partner may open.
    partner = apps.get_model("accounts.User").objects.get(username=DEMO_USERNAMES[Role.PARTNER])
    item = apps.get_model("panels.WorkProgrammeItem").objects.filter(partner=partner.organisation).first()
    if item is not None:
        values["item_id"] = str(item.pk)
    terms = apps.get_model("panels.TermsOfReference").objects.order_by("-version").first()
    if terms is not None:
        values["version"] = str(terms.version)
    return values


@cache
def _dfe_vocabulary() -> frozenset[str]:
    """DfE's field names and code values, shown as DfE writes them in its validation messages."""
    from types import MappingProxyType

    from corparent.engine.ssda903 import codes, tables

    words = {"NOTE"}  # DfE's messages say "[NOTE: ...]"
    for spec in tables.TABLES:
        for column in spec.columns:
            words.update(column.name.split("_"))
    for value in vars(codes).values():
        if isinstance(value, (dict, MappingProxyType, frozenset)):
            words.update(str(k) for k in value)
    return frozenset(words)


def _acronym_problems(page: Any) -> list[str]:
    # Text outside <code>: field names and codes from DfE's specification are shown as code.
    text = page.eval_on_selector(
        "main",
        "m => { const c = m.cloneNode(true); c.querySelectorAll('code, kbd, pre').forEach(e => e.remove());"
        " return c.innerText; }",
    )
    explained = set(
        page.eval_on_selector_all("main abbr[title]", "els => els.map(e => e.textContent.trim())")
    )
    linked = page.locator("main a[href*='/glossary/']").count() > 0
    problems = []
    for term in sorted(set(ACRONYM.findall(text))):
        if term in NOT_ACRONYMS or term in _dfe_vocabulary() or re.fullmatch(r"[A-Z]\d+|\d+", term):
            continue  # DfE's field names and codes (C2, E11, ACTIV) are shown as DfE writes them
        if term not in GLOSSARY:
            problems.append(f"{term!r} is not in the glossary")
        elif term not in explained and not linked:
            problems.append(f"{term!r} is not explained on the page")
    return problems


def test_every_page_for_every_role(page: Any, transactional_db: None, tmp_path: Path) -> None:
    from corparent.demo.services import demo_seed

    # Given the demo council, with people in every role
    seed = demo_seed(data_dir=tmp_path)
    samples = _samples()
    routes = [(name, _fill(route, samples), _capability(cb)) for name, route, cb in _patterns(get_resolver())]
    failures: list[str] = []
    unfilled = [name for name, path, _ in routes if path is None]
    assert not unfilled, f"no sample value for the URL parameters of {unfilled}: add them to _samples()"
    for name, _path, capability in routes:
        if capability is None and name not in OPEN_TO_ALL:
            failures.append(f"{name}: the view checks no capability")

    for role in Role:
        # When someone in that role signs in and opens every page
        user = User.objects.get(username=DEMO_USERNAMES[role])
        page.context.clear_cookies()
        page.goto("/accounts/sign-in/")
        page.get_by_label("User name").fill(user.username)
        page.get_by_label("Password").fill(seed.password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/")
        for name, path, capability in routes:
            if name == "accounts:logout":
                continue
            assert path is not None
            denied_before = AuditEvent.objects.filter(outcome="denied").count()
            response = page.request.get(path, max_redirects=0)
            allowed = capability is None or user.can(capability)
            # Then each answers as the role's capabilities say
            if response.status == 405:
                continue  # a form that is only posted to
            expected = 200 if allowed else 403
            if name == "accounts:login":
                expected = 302  # a signed-in person is sent on to the home page
            if response.status != expected:
                failures.append(f"{role.value} GET {path} ({name}): {response.status}, expected {expected}")
                continue
            audited = AuditEvent.objects.filter(outcome="denied").count() == denied_before + 1
            if capability == Capability.VIEW_CHILD_LEVEL and not allowed and not audited:
                failures.append(f"{role.value} GET {path}: refused child-level request not audited")
            if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
                continue
            # And every page that opens passes axe and explains its acronyms
            page.goto(path)
            for violation in axe_violations(page):
                targets = [n["target"] for n in violation["nodes"]][:3]
                failures.append(
                    f"{role.value} {path}: axe {violation['id']}: {violation['help']} at {targets}"
                )
            if name != "web:glossary":  # the glossary is where the terms are explained
                failures += [f"{role.value} {path}: {problem}" for problem in _acronym_problems(page)]

    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures)
