"""WSGI entry point (gunicorn corparent.config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corparent.config.settings")
application = get_wsgi_application()
