"""The catalogue as documentation: Markdown for docs/indicators.md and a table for the terminal."""

from __future__ import annotations

from rich.table import Table

from corparent.engine.indicators.catalogue import Catalogue, Indicator
from corparent.engine.indicators.cohorts import COHORTS
from corparent.engine.indicators.result import Unit

_HOW = {
    Unit.COUNT: "count",
    Unit.PERCENT: "percentage, with a Wilson 95% interval",
    Unit.PER_10K: "rate per 10,000 children aged 0-17, with an exact Poisson 95% interval",
    Unit.MEAN: "mean, with a t 95% interval",
    Unit.DAYS: "mean number of calendar days, with a t 95% interval",
}


def _definition(ind: Indicator) -> str:
    if ind.unit is Unit.COUNT:
        return f"sum of `{ind.sum}`" if ind.sum else f"rows where `{ind.numerator}`"
    if ind.unit is Unit.PER_10K:
        return f"rows where `{ind.numerator}` ÷ population aged 0-17 × 10,000"
    if ind.unit is Unit.PERCENT:
        return f"rows where `{ind.numerator}` ÷ rows where `{ind.denominator}`"
    return f"mean of `{ind.measure}` over rows where `{ind.denominator}`"


def catalogue_markdown(cat: Catalogue) -> str:
    lines = [
        f"# Indicator catalogue (v{cat.version})",
        "",
        "Generated from `src/corparent/engine/indicators/builtin/catalogue.toml` by "
        "`corparent indicators --markdown`; a test fails when this file and the catalogue differ.",
        "The definitions follow `shared/indicators.md`. Each indicator is computed over a cohort "
        "(below) for a reference date R and the 12 months ending on R.",
        "",
        "## Cohorts",
        "",
    ]
    for c in COHORTS.values():
        annual = " Annual: uses the collection year ending on or before R." if c.annual else ""
        lines.append(f"- **{c.name}**: {c.description}.{annual}")
    lines.append("")
    for ind in cat:
        lines += [
            f"## `{ind.id}`: {ind.title}",
            "",
            ind.meaning,
            "",
            f"- Unit: {_HOW[ind.unit]}",
            f"- Which way is good: {ind.polarity.label}",
            f"- Cohort: `{ind.cohort}`; computed as {_definition(ind)}",
            f"- Breakdowns: {', '.join(ind.breakdowns) or 'none'}",
            f"- Needs: {', '.join(ind.requires) or 'Episodes and Header'}",
            f"- DfE reference: {ind.dfe_reference}",
            f"- Definition version: {ind.version}",
            "",
        ]
    return "\n".join(lines)


def catalogue_table(cat: Catalogue) -> Table:
    table = Table(title=f"Indicator catalogue v{cat.version}")
    for col in ("id", "title", "unit", "which way is good", "cohort"):
        table.add_column(col)
    for ind in cat:
        table.add_row(ind.id, ind.title, ind.unit.value, ind.polarity.label, ind.cohort)
    return table
