"""Django settings for corparent, read from the environment (see env.py and docs/settings.md).

`corparent.config.settings` suits a demo, development and tests: SQLite and local files by
default. `corparent.config.production` adds what a council's deployment needs (HTTPS-only cookies,
HSTS, a required secret key) and passes `manage.py check --deploy`.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url

from corparent.config import env

ENV = env.read()
DATA_DIR = env.data_dir(ENV)
FILE_STORE = DATA_DIR / "files"
PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _secret_key() -> str:
    if ENV["CORPARENT_SECRET_KEY"]:
        return str(ENV["CORPARENT_SECRET_KEY"])
    path = DATA_DIR / "secret-key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = ENV["CORPARENT_DEBUG"]
DEMO = ENV["CORPARENT_DEMO"]
ALLOWED_HOSTS = ENV["CORPARENT_ALLOWED_HOSTS"]
CSRF_TRUSTED_ORIGINS = ENV["CORPARENT_CSRF_TRUSTED_ORIGINS"]
UPLOAD_MAX_BYTES = ENV["CORPARENT_UPLOAD_MAX_MB"] * 1024 * 1024

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "corparent.web",
    "corparent.accounts",
    "corparent.returns",
    "corparent.comparators",
    "corparent.scorecard",
    "corparent.panels",
    "corparent.reports",
    "corparent.measures",
    "corparent.strategy",
    "corparent.members",
    "corparent.voice",
    "corparent.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "corparent.config.urls"
WSGI_APPLICATION = "corparent.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "corparent.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        ENV["DATABASE_URL"] or f"sqlite:///{DATA_DIR / 'corparent.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): lock a user name from one address after N failures, for an hour.
AXES_FAILURE_LIMIT = ENV["CORPARENT_LOGIN_ATTEMPTS"]
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None  # production.py sets it, for collectstatic
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": FILE_STORE},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if ENV["CORPARENT_TASKS"] == "immediate"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}
if ENV["CORPARENT_TASKS"] not in {"database", "immediate"}:
    raise env.SettingError(f"CORPARENT_TASKS={ENV['CORPARENT_TASKS']!r}: expected database or immediate")

EMAIL_BACKEND = ENV["CORPARENT_EMAIL_BACKEND"]
DEFAULT_FROM_EMAIL = "corparent@localhost"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "corparent API",
    "DESCRIPTION": "Returns, snapshots, indicator results, targets and commentary. "
    "Every endpoint checks the caller's role; child-level data is for analysts only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "UploadStatusEnum": "corparent.returns.models.Upload.Status",
        "SnapshotStatusEnum": "corparent.returns.models.Snapshot.Status",
        "PanelKindEnum": "corparent.panels.models.constitution.Panel.Kind",
        "PersonKindEnum": "corparent.panels.models.constitution.Person.Kind",
        "MembershipRoleEnum": "corparent.panels.models.constitution.Membership.Role",
        "MeetingStatusEnum": "corparent.panels.models.meetings.Meeting.Status",
        "ActionStatusEnum": "corparent.panels.models.meetings.Action.Status",
        "AttendanceStatusEnum": "corparent.panels.models.meetings.Attendance.Status",
        "WorkProgrammeItemStatusEnum": "corparent.panels.models.meetings.WorkProgrammeItem.Status",
        "VisitActionStatusEnum": "corparent.members.models.VisitAction.Status",
        "CorporateParentTierEnum": "corparent.members.models.Tier",
        "TrainingCompletionHowEnum": "corparent.members.models.TrainingCompletion.How",
        "ChampionPortfolioEnum": "corparent.members.models.Portfolio",
        "StrategyStatusEnum": "corparent.strategy.models.plan.Strategy.Status",
        "PlanItemRagEnum": "corparent.strategy.models.plan.Rag",
        "RecommendationResponseEnum": "corparent.strategy.models.scrutiny.Recommendation.Response",
        "RecommendationStatusEnum": "corparent.strategy.models.scrutiny.Recommendation.Status",
        "VoiceIssueStatusEnum": "corparent.voice.models.Issue.Status",
        "VoiceForumKindEnum": "corparent.voice.models.Forum.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
