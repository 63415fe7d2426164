"""The panel's records, split by concept: its constitution and membership (constitution.py), and its
meetings, actions, questions and forward work programme (meetings.py)."""

from corparent.panels.models.constitution import (
    BalanceSettings,
    Membership,
    Panel,
    Person,
    PoliticalGroup,
    TermsOfReference,
)
from corparent.panels.models.meetings import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Paper,
    PartnerReport,
    Question,
    WorkProgrammeItem,
)

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "BalanceSettings",
    "Meeting",
    "Membership",
    "Minute",
    "Panel",
    "Paper",
    "PartnerReport",
    "Person",
    "PoliticalGroup",
    "Question",
    "TermsOfReference",
    "WorkProgrammeItem",
]
