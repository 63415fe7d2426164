"""What the meeting services share: what a refusal says the user may not do."""

from __future__ import annotations

MANAGE = "run the panel's meetings"
