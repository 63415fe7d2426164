"""Charts: control limits hand-worked; every chart is an image with a title, a description, and
nothing unescaped."""

from __future__ import annotations

import math

import pytest

from corparent.scorecard import charts


def test_95_percent_limits_for_a_percentage_of_100_children_around_50() -> None:
    # 1.96 x sqrt(0.5 x 0.5 / 100) x 100 = 1.96 x 5 = 9.8 points either side
    lo, hi = charts.control_limits(50.0, 100, "%", charts.Z_95)
    assert lo == pytest.approx(40.2, abs=0.01)
    assert hi == pytest.approx(59.8, abs=0.01)


def test_998_limits_are_wider_and_narrow_as_the_denominator_grows() -> None:
    lo95, hi95 = charts.control_limits(70.0, 100, "%", charts.Z_95)
    lo998, hi998 = charts.control_limits(70.0, 100, "%", charts.Z_998)
    assert lo998 < lo95 < 70 < hi95 < hi998
    wide = charts.control_limits(70.0, 50, "%", charts.Z_95)
    narrow = charts.control_limits(70.0, 5000, "%", charts.Z_95)
    assert wide[1] - wide[0] > narrow[1] - narrow[0]


def test_limits_for_a_percentage_stay_between_0_and_100() -> None:
    lo, hi = charts.control_limits(98.0, 10, "%", charts.Z_998)
    assert lo >= 0 and hi == 100.0


def test_poisson_limits_for_a_rate_per_10000() -> None:
    # a rate of 70 per 10,000 among 10,000 children is 70 children: sd sqrt(70), x 1.96 = 16.40
    lo, hi = charts.control_limits(70.0, 10_000, "per 10,000", charts.Z_95)
    assert hi - 70 == pytest.approx(1.96 * math.sqrt(70), rel=1e-3)
    assert 70 - lo == pytest.approx(hi - 70)


@pytest.mark.parametrize(
    "svg",
    [
        charts.sparkline([1.0, None, 3.0, 4.0], title="Trend <x>", desc="a & b"),
        charts.trend_chart(
            [("2024", 60.0), ("2025", 70.0)], title="Trend <x>", desc="a & b", unit="%", target=75
        ),
        charts.funnel_plot(
            [charts.FunnelPoint("A <council>", 100, 60.0), charts.FunnelPoint("Us", 120, 70.0, ours=True)],
            centre=67.0,
            unit="%",
            title="Trend <x>",
            desc="a & b",
        ),
    ],
)
def test_each_chart_is_a_described_image_with_its_text_escaped(svg: str) -> None:
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title" in svg and "Trend &lt;x&gt;</title>" in svg
    assert "a &amp; b</desc>" in svg
    assert "<council>" not in svg


def test_a_sparkline_described_by_its_figures_beside_it_does_not_repeat_them() -> None:
    svg = charts.sparkline([60.0, None, 70.0], title="Trend: foster care", described_by="trend-foster")
    assert 'aria-describedby="trend-foster"' in svg and "<desc" not in svg
    assert 'aria-labelledby="chart-' in svg and "Trend: foster care</title>" in svg
    # points to a tenth, without trailing ".0": the gap leaves two single points, the last ringed
    assert "<polyline" not in svg and '<circle cx="116" cy="4" r="3"' in svg


def test_the_funnel_plot_marks_our_council_by_shape_and_label() -> None:
    svg = charts.funnel_plot(
        [charts.FunnelPoint("Elsewhere", 100, 60.0), charts.FunnelPoint("Our council", 120, 70.0, ours=True)],
        centre=67.0,
        unit="%",
        title="t",
        desc="d",
    )
    assert "<path" in svg and ">Our council</text>" in svg
    assert ">Elsewhere<" not in svg  # others are dots; their names are in the data table
