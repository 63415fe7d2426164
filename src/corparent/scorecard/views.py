"""The scorecard pages: parse the request, call a selector or service, wrap it in a presenter."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.engine.indicators.catalogue import Indicator
from corparent.engine.indicators.suppression import Audience
from corparent.returns.models import Snapshot
from corparent.scorecard import caching, presenters, selectors, services
from corparent.scorecard.forms import CommentaryForm, TargetForm
from corparent.web.forms import add_service_errors


def _snapshot(request: HttpRequest) -> Snapshot | None:
    """The snapshot asked for with ?snapshot= (404 when it is not a published one), else the latest."""
    chosen = request.GET.get("snapshot") or request.POST.get("snapshot")
    snapshot = selectors.snapshot_get(snapshot_id=chosen)
    if chosen and snapshot is None:
        raise Http404("There is no published snapshot with that number.")
    return snapshot


def _indicator(indicator_id: str) -> Indicator:
    indicator = selectors.indicator_get(indicator_id)
    if indicator is None:
        raise Http404("There is no indicator with that name.")
    return indicator


def _abilities(request: HttpRequest) -> dict[str, bool]:
    return {
        "can_comment": has_capability(request, Capability.EDIT_COMMENTARY),
        "can_target": has_capability(request, Capability.EDIT_TARGETS),
        "sees_all": has_capability(request, Capability.VIEW_UNSUPPRESSED),
    }


@capability_required(Capability.VIEW_SCORECARD)
def index(request: HttpRequest) -> HttpResponse:
    audience = selectors.audience_for(request.user)
    chosen = request.GET.get("snapshot") or None
    # A snapshot number as the database holds one; anything else is left to _snapshot (a 404).
    number = int(chosen) if chosen and chosen.isascii() and chosen.isdigit() and len(chosen) < 16 else None
    state = (
        selectors.scorecard_state(snapshot_id=number, audience=audience)
        if chosen is None or number is not None
        else None
    )
    if state is None or not state.ready:  # no published snapshot, or not one asked for: nothing kept
        return _index(request, snapshot=_snapshot(request), audience=audience, version="")
    # The whole page is kept for each reader until anything it shows changes (see caching.py).
    return caching.cached_page(
        request,
        key=caching.page_key(request=request, snapshot_id=state.snapshot_id, version=state.version),
        render=lambda extra: _index(
            request,
            snapshot=selectors.snapshot_get(snapshot_id=state.snapshot_id),
            audience=audience,
            version=state.version,
            extra=extra,
        ),
    )


def _index(
    request: HttpRequest,
    *,
    snapshot: Snapshot | None,
    audience: Audience,
    version: str,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context: dict[str, Any] = {
        "snapshot": snapshot,
        "snapshots": list(selectors.snapshots_ready()[:20]),
        **_abilities(request),
        **(extra or {}),
    }
    if snapshot is not None:
        # The page body is cached (see the template) by everything it shows: the snapshot, the
        # audience, targets, commentary and comparators. Themes are only worked out on a miss.
        context["version"] = version or selectors.scorecard_version(snapshot=snapshot, audience=audience)
        context["themes"] = cache(lambda: presenters.scorecard(snapshot=snapshot, audience=audience))
    return render(request, "scorecard/index.html", context)


@capability_required(Capability.VIEW_SCORECARD)
def easy_read(request: HttpRequest) -> HttpResponse:
    snapshot = _snapshot(request)
    facts = (
        presenters.easy_read(snapshot=snapshot, audience=selectors.audience_for(request.user))
        if snapshot is not None
        else []
    )
    return render(request, "scorecard/easy_read.html", {"snapshot": snapshot, "facts": facts})


@capability_required(Capability.VIEW_SCORECARD)
def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    found = _indicator(indicator_id)
    snapshot = _snapshot(request)
    if snapshot is None:
        return render(request, "scorecard/index.html", {"snapshot": None, **_abilities(request)})
    page = presenters.indicator_page(
        snapshot=snapshot, audience=selectors.audience_for(request.user), indicator=found
    )
    return render(
        request, "scorecard/indicator.html", {"page": page, "snapshot": snapshot, **_abilities(request)}
    )


@capability_required(Capability.EDIT_TARGETS)
def target_edit(request: HttpRequest, indicator_id: str) -> HttpResponse:
    found = _indicator(indicator_id)
    current = selectors.target_current(indicator_id=indicator_id)
    if request.method == "POST":
        form = TargetForm(request.POST)
        if form.is_valid():
            try:
                services.target_set(
                    user=request.user, request=request, indicator_id=indicator_id, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Target set for {found.title}.")
                return redirect("scorecard:indicator", indicator_id=indicator_id)
    else:
        initial = {"target": current.target, "amber_tolerance": current.amber_tolerance} if current else {}
        form = TargetForm(initial=initial)
    return render(
        request,
        "scorecard/target_form.html",
        {"form": form, "indicator": found, "current": current},
        status=400 if form.errors else 200,
    )


@capability_required(Capability.EDIT_COMMENTARY)
def commentary_edit(request: HttpRequest, indicator_id: str) -> HttpResponse:
    found = _indicator(indicator_id)
    snapshot = _snapshot(request)
    if snapshot is None:
        raise Http404("There is no published snapshot to comment on.")
    if request.method == "POST":
        form = CommentaryForm(request.POST)
        if form.is_valid():
            try:
                services.commentary_write(
                    user=request.user,
                    request=request,
                    snapshot=snapshot,
                    indicator_id=indicator_id,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Commentary saved for {found.title}.")
                url = reverse("scorecard:index") + f"?snapshot={snapshot.pk}#indicator-{indicator_id}"
                return redirect(url)
    else:
        form = CommentaryForm()
    status = selectors.rag_unsuppressed(snapshot=snapshot, indicator_id=indicator_id)
    return render(
        request,
        "scorecard/commentary_form.html",
        {"form": form, "indicator": found, "snapshot": snapshot, "rag": status},
        status=400 if form.errors else 200,
    )
