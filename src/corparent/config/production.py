"""Settings for a council's deployment: HTTPS only, a secret key that must be given.

Use with DJANGO_SETTINGS_MODULE=corparent.config.production behind a TLS-terminating proxy.
`manage.py check --deploy` passes with these settings (a test runs it).
"""

from corparent.config.env import SettingError
from corparent.config.settings import *  # noqa: F403
from corparent.config.settings import ENV

if not ENV["CORPARENT_SECRET_KEY"]:
    raise SettingError("CORPARENT_SECRET_KEY must be set in production (50 or more random characters)")
if ENV["CORPARENT_DEBUG"] or ENV["CORPARENT_DEMO"]:
    raise SettingError("CORPARENT_DEBUG and CORPARENT_DEMO must be off in production")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STATIC_ROOT = DATA_DIR / "static"  # noqa: F405  (manage.py collectstatic fills it)
