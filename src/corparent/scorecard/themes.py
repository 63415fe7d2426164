"""The scorecard's themes, in the order a panel reads them, and the indicators each holds.

Declared as data: the engine's catalogue owns what each indicator is; this says only where it sits
on the page. An indicator from an extension catalogue that no theme names goes under "Other
indicators", so nothing computed is left off the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    indicators: tuple[str, ...]


THEMES: Final[tuple[Theme, ...]] = (
    Theme(
        "volume",
        "How many children are in our care",
        ("cla", "cla_rate", "starts", "ceases", "cla_in_period", "short_breaks_only"),
    ),
    Theme("profile", "Who is in our care", ("uasc", "uasc_pct", "starts_uasc")),
    Theme(
        "placements",
        "Where children live",
        (
            "placed_foster_pct",
            "placed_childrens_home_pct",
            "placed_independent_pct",
            "placed_with_parents_pct",
            "placed_for_adoption_pct",
            "placed_outside_la_pct",
            "placed_over_20_miles_pct",
        ),
    ),
    Theme(
        "stability",
        "Stability",
        ("placements_3plus_pct", "long_term_stability_pct", "sw_changes_3plus_pct"),
    ),
    Theme(
        "missing",
        "Missing and away from placement",
        ("missing_pct", "missing_incidents", "missing_incidents_per_child", "away_pct", "missing_at_r"),
    ),
    Theme(
        "health",
        "Health",
        (
            "oc2_cohort",
            "health_assessment_pct",
            "immunisations_pct",
            "dental_check_pct",
            "development_check_pct",
            "sdq_completion_pct",
            "sdq_average",
            "sdq_concern_pct",
            "convicted_pct",
            "substance_misuse_pct",
        ),
    ),
    Theme(
        "care-leavers",
        "Care leavers",
        (
            "cl_17_18_eet_pct",
            "cl_19_21_eet_pct",
            "cl_19_21_neet_pct",
            "cl_17_18_suitable_accom_pct",
            "cl_19_21_suitable_accom_pct",
            "cl_in_touch_pct",
            "cl_cohort",
        ),
    ),
    Theme(
        "leaving-care",
        "Leaving care and adoption",
        (
            "ceased_home_pct",
            "ceased_adopted_pct",
            "ceased_sgo_pct",
            "ceased_cao_pct",
            "ceased_independent_pct",
            "ceased_stayed_18_pct",
            "adoptions",
            "adoption_entry_to_placed_days",
            "adoption_order_to_match_days",
            "adoption_entry_to_placed_days_3yr",
            "adoption_order_to_match_days_3yr",
        ),
    ),
    Theme("reviews", "Reviews", ("review_participation_pct", "reviews_on_time_pct")),
)
OTHER: Final = Theme("other", "Other indicators", ())

# How each breakdown is named on screen.
BREAKDOWN_TITLES: Final[dict[str, str]] = {
    "all": "All children",
    "age_band": "Age",
    "sex": "Sex",
    "ethnicity_group": "Ethnicity",
    "legal_status_group": "Legal status",
    "placement_group": "Placement",
    "category_of_need": "Category of need",
    "uasc": "Unaccompanied asylum-seeking",
}

# Groups shown in their natural order (age bands by age); others alphabetically after these.
GROUP_ORDER: Final[dict[str, int]] = {
    g: i for i, g in enumerate(("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"))
}


def theme_of(indicator_id: str) -> Theme:
    for theme in THEMES:
        if indicator_id in theme.indicators:
            return theme
    return OTHER
