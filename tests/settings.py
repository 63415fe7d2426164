"""Django settings for the test run: the app's settings, with each xdist worker in its own data
folder (SQLite file, file store, secret key) and background tasks run in the request.

With DATABASE_URL set (CI points it at a PostgreSQL server), the tests use PostgreSQL instead.
"""

import os
import tempfile
from pathlib import Path

_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
_data = Path(tempfile.gettempdir()) / f"corparent-tests-{os.getppid()}-{_worker}"
_data.mkdir(parents=True, exist_ok=True)
os.environ["CORPARENT_DATA_DIR"] = str(_data)
os.environ.setdefault("CORPARENT_TASKS", "immediate")
os.environ.setdefault("CORPARENT_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Playwright's sync API runs an event loop in the test thread; Django's database calls from that
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from corparent.config.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Each test sees the database it made, so nothing may be served from a cache another test filled.
# (Tests of caching switch a real cache on for themselves.)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
