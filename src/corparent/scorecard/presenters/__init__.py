"""What the scorecard pages show, worked out before the template sees it (templates keep no logic).

Every figure here has already been through ``selectors.snapshot_results``, so it is suppressed for
everyone but analysts; a hidden figure shows as "hidden", never as a number. By concept:
``text`` (figures, dates, targets and intervals as words), ``scorecard`` (the one-page scorecard's
rows and themes), ``indicator`` (the drill-down page) and ``easy_read``.
"""

from corparent.scorecard.presenters.easy_read import EASY_HIDDEN, EASY_READ, EasyFact, easy_read
from corparent.scorecard.presenters.indicator import (
    BreakdownRow,
    BreakdownTable,
    FunnelRow,
    IndicatorPage,
    indicator_page,
)
from corparent.scorecard.presenters.scorecard import (
    ComparatorView,
    IndicatorRow,
    ThemeView,
    TrendPoint,
    row_of,
    scorecard,
)
from corparent.scorecard.presenters.text import (
    HIDDEN,
    HIDDEN_REASON,
    count_text,
    figure_text,
    interval_text,
    marker_text,
    number,
    polarity_text,
    target_text,
    tolerance_text,
    when,
)

__all__ = [
    "EASY_HIDDEN",
    "EASY_READ",
    "HIDDEN",
    "HIDDEN_REASON",
    "BreakdownRow",
    "BreakdownTable",
    "ComparatorView",
    "EasyFact",
    "FunnelRow",
    "IndicatorPage",
    "IndicatorRow",
    "ThemeView",
    "TrendPoint",
    "count_text",
    "easy_read",
    "figure_text",
    "indicator_page",
    "interval_text",
    "marker_text",
    "number",
    "polarity_text",
    "row_of",
    "scorecard",
    "target_text",
    "tolerance_text",
    "when",
]
