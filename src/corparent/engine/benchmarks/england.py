"""England's figures quoted in the indicator catalogue's orientation table (indicators.md): real
DfE published statistics (year ending 31 March, latest revised series), carried as facts so the demo
can show true England comparators without any downloaded file. Percentages are DfE's rounded
figures; ``cla_rate`` is per 10,000 children aged under 18."""

from __future__ import annotations

from typing import Final

SOURCE: Final = "DfE, Children looked after in England including adoptions (as quoted in indicators.md)"

ENGLAND_FIGURES: Final[dict[str, dict[int, float]]] = {
    "cla": {2023: 83_750, 2024: 83_530, 2025: 81_770},
    "cla_rate": {2023: 70, 2024: 69, 2025: 67},
    "starts": {2023: 33_090, 2024: 33_130, 2025: 32_270},
    "ceases": {2023: 31_850, 2024: 33_780, 2025: 34_450},
    "uasc_pct": {2023: 9, 2024: 9, 2025: 8},
    "placed_foster_pct": {2023: 68, 2024: 67, 2025: 67},
    "placed_over_20_miles_pct": {2023: 21, 2024: 22, 2025: 22},
    "placements_3plus_pct": {2023: 11, 2024: 11, 2025: 10},
    "long_term_stability_pct": {2023: 68, 2024: 68, 2025: 69},
    "health_assessment_pct": {2023: 89, 2024: 89, 2025: 90},
    "dental_check_pct": {2023: 76, 2024: 79, 2025: 81},
    "sdq_average": {2023: 14.4, 2024: 14.7, 2025: 14.9},
    "sdq_concern_pct": {2023: 40, 2024: 41, 2025: 42},
    "cl_19_21_eet_pct": {2023: 56, 2024: 54, 2025: 54},
    "cl_19_21_suitable_accom_pct": {2023: 88, 2024: 88, 2025: 89},
    "ceased_adopted_pct": {2023: 9, 2024: 9, 2025: 9},
    "ceased_sgo_pct": {2023: 12, 2024: 12, 2025: 12},
}
