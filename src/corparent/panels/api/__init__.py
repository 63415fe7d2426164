"""The panels API: the constitution (panels, terms of reference, groups, people, membership,
balance), the meetings (meetings, agenda, actions, questions, work programme, partner reports) and
how well the panel works."""

from __future__ import annotations

from corparent.panels.api.constitution import constitution_api_patterns
from corparent.panels.api.effectiveness import effectiveness_api_patterns
from corparent.panels.api.meetings import meetings_api_patterns

api_patterns = constitution_api_patterns + meetings_api_patterns + effectiveness_api_patterns
