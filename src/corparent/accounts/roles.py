"""The six roles and what each may do, declared once as data.

Views and API endpoints ask for a capability, never for a role by name, so the table below is the
whole permission model. `docs/roles.md` is generated from it and a test keeps the page in step.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    OFFICER = "officer"
    MEMBER = "member"
    PARTNER = "partner"
    YOUNG_PERSON = "young_person"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Administrator",
    Role.ANALYST: "Performance analyst",
    Role.OFFICER: "Officer",
    Role.MEMBER: "Panel member (councillor)",
    Role.PARTNER: "Partner",
    Role.YOUNG_PERSON: "Young person",
}


class Capability(StrEnum):
    VIEW_CHILD_LEVEL = "view_child_level"
    UPLOAD_RETURN = "upload_return"
    PUBLISH_SNAPSHOT = "publish_snapshot"
    VIEW_RETURNS = "view_returns"
    VIEW_SCORECARD = "view_scorecard"
    VIEW_UNSUPPRESSED = "view_unsuppressed"
    EDIT_TARGETS = "edit_targets"
    EDIT_COMMENTARY = "edit_commentary"
    MANAGE_COMPARATORS = "manage_comparators"
    MANAGE_PEOPLE = "manage_people"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_PANELS = "view_panels"
    MANAGE_PANELS = "manage_panels"
    UPDATE_ACTIONS = "update_actions"
    SUBMIT_PARTNER_REPORTS = "submit_partner_reports"
    RAISE_QUESTIONS = "raise_questions"
    ANSWER_QUESTIONS = "answer_questions"
    MANAGE_MEASURES = "manage_measures"
    SUBMIT_MEASURE_VALUES = "submit_measure_values"
    VIEW_STRATEGY = "view_strategy"
    MANAGE_STRATEGY = "manage_strategy"
    UPDATE_PLAN_ACTIONS = "update_plan_actions"
    MANAGE_SCRUTINY = "manage_scrutiny"
    VIEW_VOICE = "view_voice"
    MANAGE_VOICE = "manage_voice"
    SPEAK_IN_VOICE = "speak_in_voice"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    RECORD_VISITS = "record_visits"


CAPABILITY_LABELS: dict[Capability, str] = {
    Capability.VIEW_CHILD_LEVEL: "See child-level rows (validation findings by child, drill-down to records)",
    Capability.UPLOAD_RETURN: "Upload SSDA903 returns",
    Capability.PUBLISH_SNAPSHOT: "Publish a return as a snapshot",
    Capability.VIEW_RETURNS: "See the list of returns and their validation summary (counts by rule)",
    Capability.VIEW_SCORECARD: "See the scorecard and the easy-read scorecard",
    Capability.VIEW_UNSUPPRESSED: "See small numbers (1 to 5) that others see suppressed",
    Capability.EDIT_TARGETS: "Set targets and amber thresholds",
    Capability.EDIT_COMMENTARY: "Write commentary on red and amber figures",
    Capability.MANAGE_COMPARATORS: "Import DfE comparator files; set the LA code and statistical neighbours",
    Capability.MANAGE_PEOPLE: "Add people and give them roles",
    Capability.VIEW_AUDIT_LOG: "Read the audit log",
    Capability.VIEW_PANELS: "See panels, their meetings, papers, minutes, actions and work programme",
    Capability.MANAGE_PANELS: "Run a panel: terms of reference, membership, meetings, agenda, minutes",
    Capability.UPDATE_ACTIONS: "Update actions (a partner: only its own organisation's)",
    Capability.SUBMIT_PARTNER_REPORTS: "Submit a report asked for in the work programme (a partner: its own)",
    Capability.RAISE_QUESTIONS: "Raise questions for officers or partners to answer",
    Capability.ANSWER_QUESTIONS: "Answer questions put to them",
    Capability.MANAGE_MEASURES: "Define local measures, import their values and see what is due",
    Capability.SUBMIT_MEASURE_VALUES: "Enter values of local measures (a partner: only the measures it owns)",
    Capability.VIEW_STRATEGY: "See the strategy, action plan, scrutiny reviews and principles evidence",
    Capability.MANAGE_STRATEGY: "Write the strategy and action plan; record consultation and decisions",
    Capability.UPDATE_PLAN_ACTIONS: "Update action plan items (a partner: only its own organisation's)",
    Capability.MANAGE_SCRUTINY: "Record scrutiny reviews, recommendations and cabinet's responses",
    Capability.VIEW_VOICE: "See the voice of children: forums, you said and we did, the Pledge, local offer",
    Capability.MANAGE_VOICE: "Run the voice area: forums, sessions, responses, surveys, complaints",
    Capability.SPEAK_IN_VOICE: "Raise issues and rate the Pledge as a young people's representative",
    Capability.VIEW_MEMBERS: "See councillors' corporate parent roles: tiers, training, champions, visits",
    Capability.MANAGE_MEMBERS: "Record training, champion roles and tiers",
    Capability.RECORD_VISITS: "Record visits to children's homes and the actions they raise",
}

_C = Capability
ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.ADMIN: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_STRATEGY,
            _C.VIEW_VOICE,
            _C.VIEW_MEMBERS,
            _C.VIEW_RETURNS,
            _C.MANAGE_COMPARATORS,
            _C.MANAGE_PEOPLE,
            _C.VIEW_AUDIT_LOG,
            _C.EDIT_TARGETS,
            _C.MANAGE_PANELS,
            _C.MANAGE_STRATEGY,
            _C.MANAGE_SCRUTINY,
            _C.MANAGE_MEMBERS,
        }
    ),
    Role.ANALYST: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_STRATEGY,
            _C.VIEW_VOICE,
            _C.VIEW_MEMBERS,
            _C.VIEW_CHILD_LEVEL,
            _C.UPLOAD_RETURN,
            _C.PUBLISH_SNAPSHOT,
            _C.VIEW_RETURNS,
            _C.VIEW_UNSUPPRESSED,
            _C.MANAGE_COMPARATORS,
            _C.EDIT_TARGETS,
            _C.EDIT_COMMENTARY,
            _C.MANAGE_MEASURES,
            _C.SUBMIT_MEASURE_VALUES,
        }
    ),
    Role.OFFICER: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_STRATEGY,
            _C.VIEW_VOICE,
            _C.VIEW_MEMBERS,
            _C.VIEW_RETURNS,
            _C.EDIT_TARGETS,
            _C.EDIT_COMMENTARY,
            _C.MANAGE_PANELS,
            _C.UPDATE_ACTIONS,
            _C.SUBMIT_PARTNER_REPORTS,
            _C.RAISE_QUESTIONS,
            _C.ANSWER_QUESTIONS,
            _C.MANAGE_MEASURES,
            _C.SUBMIT_MEASURE_VALUES,
            _C.MANAGE_STRATEGY,
            _C.UPDATE_PLAN_ACTIONS,
            _C.MANAGE_SCRUTINY,
            _C.MANAGE_VOICE,
            _C.MANAGE_MEMBERS,
            _C.RECORD_VISITS,
        }
    ),
    Role.MEMBER: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_STRATEGY,
            _C.VIEW_VOICE,
            _C.VIEW_MEMBERS,
            _C.RAISE_QUESTIONS,
            _C.RECORD_VISITS,
        }
    ),
    Role.PARTNER: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_STRATEGY,
            _C.VIEW_VOICE,
            _C.VIEW_MEMBERS,
            _C.UPDATE_ACTIONS,
            _C.SUBMIT_PARTNER_REPORTS,
            _C.ANSWER_QUESTIONS,
            _C.SUBMIT_MEASURE_VALUES,
            _C.UPDATE_PLAN_ACTIONS,
        }
    ),
    Role.YOUNG_PERSON: frozenset(
        {
            _C.VIEW_SCORECARD,
            _C.VIEW_PANELS,
            _C.VIEW_VOICE,
            _C.SPEAK_IN_VOICE,
        }
    ),
}


def can(role: Role | str | None, capability: Capability) -> bool:
    if role is None or role == "":
        return False
    return capability in ROLE_CAPABILITIES[Role(role)]


def markdown() -> str:
    roles = list(Role)
    lines = [
        "# Roles and what they may do",
        "",
        "Generated from `src/corparent/accounts/roles.py` (a test keeps it in step). Every view and",
        "API endpoint checks one of these capabilities on the server.",
        "",
        "| capability | " + " | ".join(r.label for r in roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for cap in Capability:
        marks = " | ".join("yes" if can(r, cap) else "" for r in roles)
        lines.append(f"| {CAPABILITY_LABELS[cap]} | {marks} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
