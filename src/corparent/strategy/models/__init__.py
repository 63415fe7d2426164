from corparent.strategy.models.plan import (
    Consultation,
    Decision,
    Milestone,
    PlanItem,
    Priority,
    ProgressUpdate,
    Rag,
    Strategy,
)
from corparent.strategy.models.scrutiny import (
    Recommendation,
    RecommendationUpdate,
    ScrutinyMeeting,
    ScrutinyReview,
)

__all__ = [
    "Consultation",
    "Decision",
    "Milestone",
    "PlanItem",
    "Priority",
    "ProgressUpdate",
    "Rag",
    "Recommendation",
    "RecommendationUpdate",
    "ScrutinyMeeting",
    "ScrutinyReview",
    "Strategy",
]
