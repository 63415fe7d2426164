"""The strategy, its priorities and action plan, consultation and approval, the principles page and
decisions. Thin: parse, call one service or selector, present, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.strategy import evidence
from corparent.strategy.forms.plan import (
    ApproveForm,
    ConsultationForm,
    DecisionForm,
    MilestoneForm,
    PlanItemForm,
    PriorityForm,
    ProgressForm,
    StrategyForm,
)
from corparent.strategy.presenters import plan as present
from corparent.strategy.selectors import plan as selectors
from corparent.strategy.selectors import scrutiny as scrutiny_selectors
from corparent.strategy.services import plan as services
from corparent.strategy.views._shared import form_page, get_or_404
from corparent.web.forms import form_submit

MANAGE = Capability.MANAGE_STRATEGY


def _strategy(strategy_id: int) -> object:
    return get_or_404(selectors.strategy_get, "strategy", strategy_id=strategy_id)


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/index.html",
        {
            "strategies": present.strategy_rows(selectors.strategy_list()),
            "open_recommendations": scrutiny_selectors.tracker().count(),
            "decisions": selectors.decision_list().count(),
            "can_manage": has_capability(request, MANAGE),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def strategy_create(request: HttpRequest) -> HttpResponse:
    form = StrategyForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.strategy_create(user=request.user, request=request, **data),
        success=lambda strategy: (
            "Strategy drafted. Add its priorities next.",
            redirect("strategy:strategy", strategy_id=strategy.pk),
        ),
        page=lambda: form_page(
            request,
            form=form,
            title="Draft a strategy",
            button="Save the draft",
            back=reverse("strategy:index"),
        ),
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def strategy_detail(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = _strategy(strategy_id)
    page = present.strategy_page(
        strategy=strategy,
        priorities=selectors.priorities_with_items(strategy=strategy),
        consultations=selectors.consultations(strategy=strategy),
    )
    return render(
        request, "strategy/strategy.html", {"page": page, "can_manage": has_capability(request, MANAGE)}
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def priority_create(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = _strategy(strategy_id)
    form = PriorityForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.priority_create(
            user=request.user, strategy=strategy, request=request, **data
        ),
        success=lambda _: ("Priority added.", redirect("strategy:strategy", strategy_id=strategy.pk)),
        page=lambda: form_page(
            request,
            form=form,
            title="Add a priority",
            caption=strategy.title,
            button="Add the priority",
            back=reverse("strategy:strategy", kwargs={"strategy_id": strategy.pk}),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def item_create(request: HttpRequest, priority_id: int) -> HttpResponse:
    priority = get_or_404(selectors.priority_get, "priority", priority_id=priority_id)
    form = PlanItemForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.plan_item_create(
            user=request.user, priority=priority, request=request, **data
        ),
        success=lambda item: ("Action plan item added.", redirect("strategy:item", plan_item_id=item.pk)),
        page=lambda: form_page(
            request,
            form=form,
            title="Add an action plan item",
            caption=present.priority_caption(priority),
            button="Add the item",
            back=reverse("strategy:strategy", kwargs={"strategy_id": priority.strategy_id}),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.VIEW_STRATEGY)
def item_detail(request: HttpRequest, plan_item_id: int) -> HttpResponse:
    """An item, its milestones, linked indicators and progress; those who may update it see the form."""
    item = get_or_404(selectors.item_get, "action plan item", plan_item_id=plan_item_id)
    may = services.may_update_item(request.user, item)
    form = ProgressForm(request.POST or None, initial={"rag": item.rag}) if may else None
    if request.method == "POST" and form is None:  # the service refuses (403, audited): someone else's item
        services.plan_item_update(user=request.user, item=item, text="", rag="", request=request)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.plan_item_update(user=request.user, item=item, request=request, **data),
        success=lambda _: ("Progress recorded.", redirect("strategy:item", plan_item_id=item.pk)),
        page=lambda: _item_page(request, item=item, form=form, may=may),
    )


def _item_page(request: HttpRequest, *, item: Any, form: Any, may: bool) -> HttpResponse:
    return render(
        request,
        "strategy/item.html",
        {
            "item": present.item_row(item),
            "plan_item": item,
            "caption": present.priority_caption(item.priority),
            "strategy": item.priority.strategy,
            "principles": present.principles_of(item.priority.principles),
            "indicators": present.indicator_rows(selectors.linked_indicators(item=item, user=request.user)),
            "milestones": present.milestone_rows(
                selectors.item_milestones(item=item), today=timezone.localdate()
            ),
            "updates": present.update_rows(selectors.item_updates(item=item)),
            "form": form,
            "may_update": may,
            "can_manage": has_capability(request, MANAGE),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def milestone_create(request: HttpRequest, plan_item_id: int) -> HttpResponse:
    item = get_or_404(selectors.item_get, "action plan item", plan_item_id=plan_item_id)
    form = MilestoneForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.milestone_create(user=request.user, item=item, request=request, **data),
        success=lambda _: ("Milestone added.", redirect("strategy:item", plan_item_id=item.pk)),
        page=lambda: form_page(
            request,
            form=form,
            title="Add a milestone",
            caption=item.title,
            button="Add the milestone",
            back=reverse("strategy:item", kwargs={"plan_item_id": item.pk}),
        ),
    )


@require_POST
@capability_required(Capability.UPDATE_PLAN_ACTIONS)
def milestone_done(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = get_or_404(selectors.milestone_get, "milestone", milestone_id=milestone_id)
    services.milestone_complete(user=request.user, milestone=milestone, request=request)
    messages.success(request, f"Milestone met: {milestone.title}.")
    return redirect("strategy:item", plan_item_id=milestone.item_id)


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def consultation_create(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = _strategy(strategy_id)
    form = ConsultationForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.consultation_record(
            user=request.user, strategy=strategy, request=request, **data
        ),
        success=lambda _: (
            "Consultation recorded.",
            redirect(reverse("strategy:strategy", kwargs={"strategy_id": strategy.pk}) + "#consultation"),
        ),
        page=lambda: form_page(
            request,
            form=form,
            title="Record consultation on the draft",
            caption=strategy.title,
            button="Record the consultation",
            back=reverse("strategy:strategy", kwargs={"strategy_id": strategy.pk}),
        ),
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def strategy_approve(request: HttpRequest, strategy_id: int) -> HttpResponse:
    strategy = _strategy(strategy_id)
    form = ApproveForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.strategy_approve(
            user=request.user,
            strategy=strategy,
            request=request,
            approved_on=data["approved_on"],
            approved_by=data["approved_by"],
            note=data["note"],
        ),
        success=lambda _: ("Strategy approved.", redirect("strategy:strategy", strategy_id=strategy.pk)),
        page=lambda: form_page(
            request,
            form=form,
            title="Record the strategy's approval",
            caption=strategy.title,
            intro="A strategy is approved after its draft has been consulted on.",
            button="Record the approval",
            back=reverse("strategy:strategy", kwargs={"strategy_id": strategy.pk}),
        ),
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def principles(request: HttpRequest) -> HttpResponse:
    return render(
        request, "strategy/principles.html", {"principles": present.principles_page(evidence.gather())}
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def decision_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/decisions.html",
        {
            "decisions": [present.decision_row(d) for d in selectors.decision_list()],
            "can_manage": has_capability(request, MANAGE),
        },
    )


@require_GET
@capability_required(Capability.VIEW_STRATEGY)
def decision_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    decision = get_or_404(selectors.decision_get, "decision", decision_id=decision_id)
    return render(
        request,
        "strategy/decision.html",
        {"decision": present.decision_row(decision)},
    )


@require_http_methods(["GET", "POST"])
@capability_required(MANAGE)
def decision_create(request: HttpRequest) -> HttpResponse:
    form = DecisionForm(request.POST or None)
    return form_submit(
        request,
        form=form,
        save=lambda data: services.decision_record(user=request.user, request=request, **data),
        success=lambda decision: (
            "Decision recorded.",
            redirect("strategy:decision", decision_id=decision.pk),
        ),
        page=lambda: form_page(
            request,
            form=form,
            title="Record a decision's corporate parenting implications",
            button="Record the decision",
            back=reverse("strategy:decisions"),
        ),
    )
