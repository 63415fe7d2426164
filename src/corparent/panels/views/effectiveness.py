"""How well the panel works: the year's measures and each meeting's, with the annual report."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from corparent.accounts.permissions import capability_required
from corparent.accounts.roles import Capability
from corparent.panels.presenters import effectiveness as present
from corparent.panels.selectors.effectiveness import PanelYear, panel_years, year_figures, year_named
from corparent.panels.views._shared import panel_or_404


def year_from(request: HttpRequest, years: list[PanelYear]) -> PanelYear:
    """The year asked for (?year=2025 for 2025/26), else the current one; 404 for a year not offered."""
    year = year_named(years, request.GET.get("year", ""))
    if year is None:
        raise Http404("The panel has no meetings in that year.")
    return year


@capability_required(Capability.VIEW_PANELS)
def effectiveness(request: HttpRequest, panel_id: int) -> HttpResponse:
    panel = panel_or_404(panel_id)
    years = panel_years(panel=panel)
    figures = year_figures(panel=panel, year=year_from(request, years))
    return render(request, "panels/effectiveness.html", {"page": present.year_page(figures, years)})
