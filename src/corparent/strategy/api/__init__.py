"""The strategy API: strategies with priorities (mapped to the principles), the action plan and its
progress, scrutiny reviews and the implementation tracker, decisions' corporate parenting
implications, and the principles evidence.

Read with VIEW_STRATEGY; each write asks for its own capability and goes through the same services
as the pages, so the same rules apply: a partner updates only its own organisation's items (403
otherwise, audited). A refused change is a 400 with the reason per field, and changes nothing."""

from __future__ import annotations

from corparent.strategy.api.plan import plan_api_patterns
from corparent.strategy.api.scrutiny import scrutiny_api_patterns

api_patterns = plan_api_patterns + scrutiny_api_patterns
