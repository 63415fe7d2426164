"""The panels API: the constitution (panels, terms of reference, groups, people, membership,
balance) and the meetings (meetings, agenda, actions, questions, work programme, partner reports)."""

from __future__ import annotations

from corparent.panels.api.constitution import constitution_api_patterns

try:
    from corparent.panels.api.meetings import meetings_api_patterns
except ModuleNotFoundError as exc:  # the meetings half is written alongside; until it lands
    if exc.name != "corparent.panels.api.meetings":
        raise
    meetings_api_patterns = []

api_patterns = constitution_api_patterns + meetings_api_patterns
