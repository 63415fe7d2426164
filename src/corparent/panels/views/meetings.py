"""Meeting pages: the list and schedule, the meeting with its agenda, papers, frozen scorecard,
attendance and quorum, minutes. Thin: parse, call one service or selector, present, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from corparent.accounts.permissions import capability_required, has_capability
from corparent.accounts.roles import Capability
from corparent.panels.forms.meetings import (
    AgendaItemForm,
    AgendaMoveForm,
    AttendanceForm,
    MeetingForm,
    MeetingStatusForm,
    MinutesForm,
    PaperForm,
)
from corparent.panels.models import Paper, Person
from corparent.panels.presenters import effectiveness
from corparent.panels.presenters import meetings as present
from corparent.panels.selectors import actions as action_selectors
from corparent.panels.selectors import meetings as selectors
from corparent.panels.selectors.effectiveness import meeting_figures
from corparent.panels.services import meetings as services
from corparent.panels.views._shared import form_page, meeting_or_404, panel_or_404
from corparent.web.forms import add_service_errors


@require_GET
@capability_required(Capability.VIEW_PANELS)
def meeting_list(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    return render(
        request,
        "panels/meeting_list.html",
        {
            "panel": panel,
            "meetings": present.meeting_rows(selectors.meeting_list(panel=panel)),
            "can_manage": has_capability(request, Capability.MANAGE_PANELS),
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def meeting_schedule(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    form = MeetingForm(request.POST or None)
    page = {"title": "Schedule a meeting", "button": "Schedule", "caption": panel.name}
    back = reverse("panels:meetings", kwargs={"panel_id": panel.pk})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(
                user=request.user,
                panel=panel,
                starts_at=form.cleaned_data["starts_at"],
                location=form.cleaned_data["location"],
                request=request,
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Meeting scheduled, with its agenda built from the standing items.")
            return redirect("panels:meeting", meeting_id=meeting.pk)
    status = 422 if request.method == "POST" else 200
    return form_page(request, form=form, back=back, status=status, **page)


@require_GET
@capability_required(Capability.VIEW_PANELS)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    day = selectors.meeting_date(meeting)
    recorded = selectors.attendance(meeting=meeting)
    seats = list(selectors.memberships_on(panel=meeting.panel, on=day))
    seated = {m.person_id for m in seats}
    page = present.meeting_page(
        meeting=meeting,
        agenda=list(selectors.agenda(meeting=meeting)),
        papers=list(selectors.papers(meeting=meeting)),
        minutes=list(selectors.minutes(meeting=meeting)),
        action_log=list(action_selectors.action_log_for(meeting=meeting)),
        raised=list(action_selectors.actions_raised_at(meeting=meeting)),
        quorum=selectors.quorum(meeting=meeting),
        attendance=present.attendance_rows(
            seats, recorded, [a for pid, a in recorded.items() if pid not in seated]
        ),
        questions=list(action_selectors.questions_for_meeting(meeting=meeting)),
        today=timezone.localdate(),
    )
    return render(
        request,
        "panels/meeting_detail.html",
        {
            "page": page,
            "can_manage": has_capability(request, Capability.MANAGE_PANELS),
            "can_ask": has_capability(request, Capability.RAISE_QUESTIONS),
            "status_form": MeetingStatusForm(initial={"status": meeting.status}),
            "works": (
                effectiveness.meeting_summary(meeting_figures(meeting=meeting))
                if meeting.status == meeting.Status.HELD
                else None
            ),
        },
    )


@require_POST
@capability_required(Capability.MANAGE_PANELS)
def meeting_status(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    form = MeetingStatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Status: expected scheduled, held or cancelled.", status=422)
    services.meeting_status_set(
        user=request.user, meeting=meeting, status=form.cleaned_data["status"], request=request
    )
    messages.success(request, f"The meeting is now {meeting.get_status_display().lower()}.")
    return redirect("panels:meeting", meeting_id=meeting.pk)


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def meeting_agenda(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Edit the agenda: add an item; move one up or down; remove one."""
    meeting = meeting_or_404(meeting_id)
    form = AgendaItemForm(request.POST if "title" in request.POST else None)
    status = 200
    if request.method == "POST":
        move = AgendaMoveForm(request.POST)
        if "title" not in request.POST and move.is_valid():
            item = meeting.agenda.filter(pk=move.cleaned_data["item"]).first()
            if item is None:
                raise Http404("That item is not on this meeting's agenda.")
            if move.cleaned_data["direction"] == "remove":
                services.agenda_item_remove(user=request.user, item=item, request=request)
                messages.success(request, f"Removed “{item.title}” from the agenda.")
            else:
                services.agenda_item_move(
                    user=request.user, item=item, direction=move.cleaned_data["direction"], request=request
                )
            return redirect("panels:meeting_agenda", meeting_id=meeting.pk)
        if form.is_valid():
            try:
                services.agenda_item_add(
                    user=request.user, meeting=meeting, request=request, **form.cleaned_data
                )
            except ValidationError as e:
                add_service_errors(form, e)
            else:
                messages.success(request, f"Added “{form.cleaned_data['title']}” to the agenda.")
                return redirect("panels:meeting_agenda", meeting_id=meeting.pk)
        status = 422
    rows = list(selectors.agenda(meeting=meeting))
    return render(
        request,
        "panels/meeting_agenda.html",
        {"meeting": meeting, "title": present.meeting_title(meeting), "agenda": rows, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def meeting_attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    day = selectors.meeting_date(meeting)
    recorded = selectors.attendance(meeting=meeting)
    roster = [
        (m.person, recorded[m.person_id].status if m.person_id in recorded else "")
        for m in selectors.memberships_on(panel=meeting.panel, on=day)
    ]
    seated = {p.pk for p, _ in roster}
    others = Person.objects.exclude(pk__in=seated).order_by("name")
    form = AttendanceForm(request.POST or None, roster=roster, people=others)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(
                user=request.user, meeting=meeting, entries=form.entries(), request=request
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            quorum = present.quorum_text(selectors.quorum(meeting=meeting))
            messages.success(request, f"Attendance recorded. {quorum[0]}")
            return redirect("panels:meeting", meeting_id=meeting.pk)
    return render(
        request,
        "panels/meeting_attendance.html",
        {
            "meeting": meeting,
            "title": present.meeting_title(meeting),
            "form": form,
            "quorum": present.quorum_text(selectors.quorum(meeting=meeting)),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def meeting_minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    agenda = list(selectors.agenda(meeting=meeting))
    existing = {m.agenda_item_id: m for m in selectors.minutes(meeting=meeting) if m.agenda_item_id}
    form = MinutesForm(request.POST or None, agenda=agenda, minutes=existing)
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_record(
                user=request.user, meeting=meeting, entries=form.entries(), request=request
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, "Minutes saved.")
            return redirect("panels:meeting", meeting_id=meeting.pk)
    return render(
        request,
        "panels/meeting_minutes.html",
        {"meeting": meeting, "title": present.meeting_title(meeting), "form": form},
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@capability_required(Capability.MANAGE_PANELS)
def meeting_paper_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    form = PaperForm(request.POST or None, request.FILES or None, meeting=meeting)
    back = reverse("panels:meeting", kwargs={"meeting_id": meeting.pk})
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_attach(
                user=request.user,
                meeting=meeting,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                agenda_item=form.cleaned_data["agenda_item"],
                request=request,
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, f"Attached “{form.cleaned_data['title']}”.")
            return redirect("panels:meeting", meeting_id=meeting.pk)
    return form_page(
        request,
        form=form,
        title="Attach a paper",
        caption=present.meeting_title(meeting),
        button="Attach",
        back=back,
        multipart=True,
        status=422 if request.method == "POST" else 200,
    )


@require_GET
@capability_required(Capability.VIEW_PANELS)
def paper_download(request: HttpRequest, meeting_id: int, paper_id: int) -> FileResponse:
    from corparent.returns import store

    meeting = meeting_or_404(meeting_id)
    try:
        paper = selectors.paper_get(meeting=meeting, paper_id=paper_id)
    except Paper.DoesNotExist as exc:
        raise Http404("There is no such paper for this meeting.") from exc
    path = store.path_of(paper.sha256)
    if not path.exists():
        raise Http404("The paper's file is missing from the store.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=paper.file_name)


@require_POST
@capability_required(Capability.MANAGE_PANELS)
def meeting_scorecard_freeze(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = meeting_or_404(meeting_id)
    try:
        services.scorecard_freeze(user=request.user, meeting=meeting, request=request)
    except ValidationError as e:
        for message in e.messages:
            messages.error(request, message)
    else:
        messages.success(request, "The scorecard as published today is frozen into the meeting's papers.")
    return redirect(reverse("panels:meeting", kwargs={"meeting_id": meeting.pk}) + "#scorecard")
