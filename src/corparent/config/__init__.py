"""Django project configuration for the corparent web app (settings, URLs, WSGI)."""
