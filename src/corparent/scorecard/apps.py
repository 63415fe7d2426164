from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "corparent.scorecard"
    label = "scorecard"
    verbose_name = "Indicator results, targets, RAG, commentary and drill-down"
