"""Indicator results, targets, RAG, commentary and drill-down."""

from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "corparent.scorecard"
    label = "scorecard"
    verbose_name = "Indicator results, targets, RAG, commentary and drill-down"

    def ready(self) -> None:
        from corparent.web.glossary import register

        # Codes the indicator catalogue's plain-English meanings mention.
        register("V3", "legal status code for a single short break (respite care)")
        register("V4", "legal status code for a series of short breaks (respite care)")
        # DfE's names for its tables and adoption scorecard measures, quoted in indicator titles and
        # references. "Children looked after in England" is DfE's annual statistics release.
        register(
            "A1",
            "adoption scorecard measure A1 (days from entering care to moving in with the adoptive "
            "family); also table A1 of Children looked after in England (children in care at 31 March)",
        )
        register("A2", "adoption scorecard measure A2 (days from placement order to match with adopters)")
        register("A3", "table A3 of Children looked after in England (where children are placed)")
        register("C1", "table C1 of Children looked after in England (children who came into care)")
        register("D1", "table D1 of Children looked after in England (children who left care)")
