"""The scorecard page, kept whole for each reader until anything on it changes.

Every member of a panel opens the scorecard, and it is the app's largest page, so each process
keeps the pages it has made in Django's cache. A page is kept under a key made of:

- the version of everything the page shows (``selectors.scorecard_state``, asked in one query on
  every request, so a new figure, target, commentary, comparator, local measure, published
  snapshot or council name is shown at once), which includes the audience (suppression);
- the reader: their id, name and role (the header names them; the navigation, links and the
  warning for analysts follow from the role).

What differs on every response is not kept: the sign-out form's CSRF token is rendered as a
placeholder and each response gets a fresh one. A request with messages waiting (a notice after
saving commentary, say) is worked out afresh and not kept, so the messages show once, as on any page.
On a miss, the page body is still shared between readers of the same role through the template's
fragment cache, so a new reader costs a few milliseconds, not the whole scorecard.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

KEPT_SECONDS = 24 * 60 * 60
KEY_PREFIX = "scorecard-page-v1"
# Unguessable and new in each process: it never matches anything a reader could write on the page.
CSRF_PLACEHOLDER = f"csrf{secrets.token_hex(16)}"
_PLACEHOLDER = CSRF_PLACEHOLDER.encode()


def page_key(*, request: HttpRequest, snapshot_id: int, version: str) -> str:
    """The cache key of the page ``request``'s reader sees for this snapshot at this version."""
    user: Any = request.user
    reader = (user.pk, user.username, user.get_full_name(), user.role, user.is_active)
    digest = hashlib.sha256(repr((snapshot_id, version, reader)).encode()).hexdigest()[:40]
    return f"{KEY_PREFIX}:{digest}"


def messages_waiting(request: HttpRequest) -> bool:
    """Whether the request has messages to show (reading them does not mark them shown)."""
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def cached_page(
    request: HttpRequest, *, key: str, render: Callable[[dict[str, Any]], HttpResponse]
) -> HttpResponse:
    """The page kept under ``key``, else ``render(extra_context)``'s (kept when it is a 200 and no
    messages were waiting), with this request's CSRF token in it."""
    fresh = messages_waiting(request)
    kept = None if fresh else cache.get(key)
    if kept is None:
        response = render({"csrf_token": CSRF_PLACEHOLDER})
        if response.streaming:
            return response
        if response.status_code != 200:
            response.content = _with_token(request, response.content, _PLACEHOLDER)
            return response
        # kept with the placeholder it was made with, so a cache shared between processes (each with
        # its own placeholder) still gets the token put in the right place
        kept = (_PLACEHOLDER, response.content)
        if not fresh:
            cache.set(key, kept, KEPT_SECONDS)
    placeholder, page = kept
    return HttpResponse(_with_token(request, page, placeholder), content_type="text/html; charset=utf-8")


def _with_token(request: HttpRequest, page: bytes, placeholder: bytes) -> bytes:
    if placeholder not in page:
        return page
    return page.replace(placeholder, get_token(request).encode())
