"""The voice area's evidence for the corporate parenting principles: each issue answered is
evidence of principles (b) encouraging views and (c) taking them into account; each Pledge promise
rated by young people is evidence of the principles it serves.

Registered with the strategy app's registry when that app is installed (its contract:
``corparent.strategy.evidence.register(provider)``, a provider yields ``Evidence``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse

from corparent.voice import selectors


def evidence() -> Iterator[Any]:
    from corparent.strategy.evidence import Evidence

    for issue in selectors.issues_published():
        for letter in ("b", "c"):
            yield Evidence(
                principle=letter,
                title=f"You said: {issue.you_said[:80]}",
                summary=f"We did: {issue.we_did}",
                url=reverse("voice:you_said_we_did") + f"#issue-{issue.pk}",
                source="Voice",
                when=issue.answered_on,
            )
    for row in selectors.pledge_rows():
        if row.latest is None:
            continue
        for letter in row.promise.principles:
            yield Evidence(
                principle=letter,
                title=f"Pledge promise {row.promise.number}: {row.latest.get_verdict_display().lower()}",
                summary=f"{row.promise.text} Evidence: {row.promise.evidence}",
                url=reverse("voice:pledge") + f"#promise-{row.promise.number}",
                source="Voice",
                when=row.latest.rated_on,
            )


def register_provider() -> None:
    try:
        from corparent.strategy.evidence import register
    except ImportError:  # the strategy app is not installed (yet)
        return
    register(evidence)
