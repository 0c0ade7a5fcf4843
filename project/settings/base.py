"""Settings shared by every environment; values that vary come from project.settings.env."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from . import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = env.flag("DEBUG", False)
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "civic",
    "consultations",
    "mapping",
    "search",
    "api",
    "project",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail_localize",
    "wagtail_localize.locales",  # instead of wagtail.locales: the same admin, plus translation sync
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "civic.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "civic.uploads.BodyLimitMiddleware",
    "civic.middleware.RefuseNulBytesMiddleware",
    "civic.middleware.LanguageMiddleware",  # before the page cache: no cached English page for a Welsh reader
    "civic.pagecache.AnonymousPageCacheMiddleware",  # before the session: a hit reads no session
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the language comes from the address (/cy/...)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "civic.middleware.StaffTwoFactorMiddleware",
    "civic.routing.RememberedRouteMiddleware",  # a page address's site and page, remembered
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "civic.middleware.AdminFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "project.urls"
ASGI_APPLICATION = "project.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "civic.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'civic.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several ASGI threads write at once; WAL and a busy timeout avoid "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")  # full-text search fields on PostgreSQL
    # Under ASGI every request and websocket runs its database work in a thread of its own, so
    # persistent per-thread connections would pile up; a per-process pool bounds them instead.
    DATABASES["default"]["OPTIONS"] = {
        # Civic's queries are short: compiling them (JIT) costs more than it saves.
        "options": "-c jit=off",
        "pool": {
            "min_size": 1,
            "max_size": env.integer("DATABASE_POOL_SIZE", 10),
            "timeout": env.integer("DATABASE_POOL_TIMEOUT", 20),
        },
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # A short connect timeout: when Redis is down, posting must still save promptly. The
                # read timeout must outlast channels_redis's 5-second blocking receive (BZPOPMIN),
                # or every idle receive ends in a TimeoutError and the live hub resubscribes.
                "hosts": [{"address": REDIS_URL, "socket_connect_timeout": 2, "socket_timeout": 10}],
                "prefix": env.get("CHANNELS_PREFIX", "civic"),
                "capacity": 1000,
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "civic.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "civic",
            "KEY_FUNCTION": "civic.cache.make_key",  # rate-limit keys hold no address or email
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
        # Public pages for anonymous readers (civic.pagecache), shared by every process.
        "pages": {
            "BACKEND": "civic.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "civic-pages",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
    }
else:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1000}}
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_FUNCTION": "civic.cache.make_key",  # rate-limit keys hold no address or email
        },
        # Apart from the default cache, so pages never crowd out rate-limit counters. One process
        # only: several server processes need REDIS_URL, or one would serve pages another changed.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "civic-pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL")
SEARCH_INDEX = env.get("SEARCH_INDEX", "civic-search")  # Elasticsearch alias for officer search
SEARCH_WORK_MEM = env.get("SEARCH_WORK_MEM", "32MB")  # PostgreSQL memory for one officer search
# Officer search counts and facets read at most this many matches ("more than 10,000" past it).
SEARCH_COUNT_CAP = env.integer("SEARCH_COUNT_CAP", 10_000)
# Past the cap, relevance order ranks the newest this many matches (ranking every match is unbounded).
SEARCH_RANK_WINDOW = env.integer("SEARCH_RANK_WINDOW", 2_000)

TASKS = {"default": {"BACKEND": env.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")}}

AUTH_USER_MODEL = "civic.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Nobody types a username, but the column is unique: allauth fills in a private one from the email.
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "civic.signup.SignupForm"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_USER_DISPLAY = "civic.accounts.user_display"  # messages and emails name people by display name
ACCOUNT_ADAPTER = "civic.accounts.AccountAdapter"  # rate limits count the real client address
# Sign-in throttling per address (10 failures a minute) AND per account (5 in 5 minutes, from any
# address). Both count in Redis, or per process while Redis is down (civic.cache): never off.
ACCOUNT_RATE_LIMITS = {"login": "30/m/ip", "login_failed": "10/m/ip,5/5m/key", "signup": "20/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.get("MFA_TOTP_ISSUER", "Civic")
# A code typed in the last seconds of its 30-second step still counts in the next step (RFC 6238
# allows one step of delay); allauth refuses any code reused within the window.
MFA_TOTP_TOLERANCE = 1

EMAIL_BACKEND_PATH = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS: dict[str, dict[str, Any]] = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env.get("EMAIL_HOST", "localhost"),
        "port": env.integer("EMAIL_PORT", 25),
        "username": env.get("EMAIL_HOST_USER"),
        "password": env.get("EMAIL_HOST_PASSWORD"),
        "use_tls": env.flag("EMAIL_USE_TLS", False),
    }
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Civic <civic@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "en-gb"
# Interface languages: English at the plain address, every other language under its prefix (/cy/...).
# A council adds one here and a catalogue under locale/<code>/ (README: translations).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
# A council adds a language without code: EXTRA_LANGUAGES=gd:Gàidhlig,ga:Gaeilge, then a catalogue
# (manage.py makemessages -l gd) translated under locale/gd/.
for _extra in env.items("EXTRA_LANGUAGES"):
    _code, _, _name = _extra.partition(":")
    if not _code.strip() or not _name.strip():
        raise ImproperlyConfigured(f"EXTRA_LANGUAGES entries are code:Name, not {_extra!r}")
    LANGUAGES.append((_code.strip().lower(), _name.strip()))
# Officers choose the Wagtail admin's language in their account settings (Wagtail ships Welsh).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Civic's own catalogue first, then translations of other projects' strings (allauth has no Welsh).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "civic" / "vendor_locale"]
TIME_ZONE = env.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "mapping.staticfiles.VendorFinder",  # Leaflet + markercluster from PyPI xstatic packages
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "media")))
# Large "download my data" files: private, never under MEDIA_ROOT, only served through the signed link.
PERSONAL_DATA_EXPORT_ROOT = Path(env.get("PERSONAL_DATA_EXPORT_ROOT", str(BASE_DIR / "var" / "exports")))
if PERSONAL_DATA_EXPORT_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PERSONAL_DATA_EXPORT_ROOT must not be inside MEDIA_ROOT (it would be public)")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "personal_data_exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PERSONAL_DATA_EXPORT_ROOT, "base_url": None, "file_permissions_mode": 0o600},
    },
}

WAGTAIL_SITE_NAME = env.get("SITE_NAME", "Civic")
WAGTAILADMIN_BASE_URL = env.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS: list[dict[str, Any]] = []
# Wagtail's group approval tasks let any member of a group review and approve any organisation's
# page; Civic's officers publish their own organisation's pages, so page workflows stay off.
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to an outside server from the admin
WAGTAIL_WORKFLOW_ENABLED = False
# Pages exist in each language as translations of one another (same translation_key, one per
# locale); wagtail-localize gives officers Translate / Sync in the admin. Participation belongs to
# the default locale's page (Page.canonical).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

MAP_TILE_URL = env.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.get("MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors")

# Participation limits a council can tune without code changes.
COMMENT_MAX_LENGTH = env.integer("COMMENT_MAX_LENGTH", 3000)
COMMENTS_PER_PAGE = env.integer("COMMENTS_PER_PAGE", 20)
# Anonymous readers get public pages from a cache invalidated by the writes that change them
# (civic.pagecache); this bounds how long an entry lives (0 turns the page cache off).
PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 600)
# Cache-Control for cached public pages, for a proxy or CDN in front (empty: none sent). They
# always carry an ETag, so a proxy can revalidate with If-None-Match and get a 304.
PAGE_CACHE_CONTROL = env.get("PAGE_CACHE_CONTROL", "")
WRITE_RATE_LIMIT = env.get("WRITE_RATE_LIMIT", "20/m")
PLACE_LOOKUP_RATE_LIMIT = env.get("PLACE_LOOKUP_RATE_LIMIT", "300/m")  # place suggestions, per address
# Conversations (opinion groups): statement length, and when groups are shown (README, Conversations).
CONVERSATION_STATEMENT_MAX_LENGTH = env.integer("CONVERSATION_STATEMENT_MAX_LENGTH", 140)
SURVEY_PAGE_RATE_LIMIT = env.get("SURVEY_PAGE_RATE_LIMIT", "120/m")  # one-question-per-page answers
OPINION_VOTE_RATE_LIMIT = env.get("OPINION_VOTE_RATE_LIMIT", "120/m")  # quick agree/disagree clicks
OPINION_MIN_PARTICIPANTS = env.integer("OPINION_MIN_PARTICIPANTS", 7)
OPINION_MIN_VOTES = env.integer("OPINION_MIN_VOTES", 3)
OPINION_SEED = env.integer("OPINION_SEED", 0)
OPINION_RECOMPUTE_NICE = env.integer("OPINION_RECOMPUTE_NICE", 19)  # the worker yields the CPU to servers
# With the immediate backend, servers import scikit-learn in the background as they start (see
# consultations.conversations.tasks.warm_up); off, the first vote in each process waits for it.
OPINION_WARM_UP = env.flag("OPINION_WARM_UP", True)
DATA_EXPORT_RATE_LIMIT = env.get("DATA_EXPORT_RATE_LIMIT", "5/h")  # "download my data", per person
# Exports with more items than this (comments, votes, reports, notifications...) are built by a
# background task and emailed as a link that works once, for PERSONAL_DATA_EXPORT_LINK_HOURS.
PERSONAL_DATA_EXPORT_INLINE_MAX_ITEMS = env.integer("PERSONAL_DATA_EXPORT_INLINE_MAX_ITEMS", 2000)
PERSONAL_DATA_EXPORT_LINK_HOURS = env.integer("PERSONAL_DATA_EXPORT_LINK_HOURS", 48)
# Delete my account: what happens to the person's comments and issue reports ("keep": they stay,
# as "Former participant"'s; "remove": withdrawn, text gone). Votes stay counted either way.
ERASURE_CONTRIBUTIONS = env.get("ERASURE_CONTRIBUTIONS", "keep")
if ERASURE_CONTRIBUTIONS not in {"keep", "remove"}:
    raise ImproperlyConfigured(f"ERASURE_CONTRIBUTIONS must be keep or remove, not {ERASURE_CONTRIBUTIONS!r}")
# Hours the emailed link that confirms deleting an account works (it works once).
ACCOUNT_ERASURE_LINK_HOURS = env.integer("ACCOUNT_ERASURE_LINK_HOURS", 24)
REPORT_PHOTO_MAX_BYTES = env.integer("REPORT_PHOTO_MAX_BYTES", 5 * 1024 * 1024)  # issue report photos
# Reports without an account: how long the emailed confirmation link works, and how many such
# reports one client address, and separately one email address, may send.
REPORT_CONFIRMATION_HOURS = env.integer("REPORT_CONFIRMATION_HOURS", 72)
ANONYMOUS_REPORT_RATE_LIMIT = env.get("ANONYMOUS_REPORT_RATE_LIMIT", "5/h")
# Survey answers without an account (where the survey allows them): writes per client address
# (answers checked and sent; separately, answers kept a page at a time or saved for later),
# confirmation emails per email address, and how long the emailed link works.
ANONYMOUS_SURVEY_RATE_LIMIT = env.get("ANONYMOUS_SURVEY_RATE_LIMIT", "30/h")
ANONYMOUS_SURVEY_STEP_RATE_LIMIT = env.get("ANONYMOUS_SURVEY_STEP_RATE_LIMIT", "600/h")
SURVEY_CONFIRMATION_EMAIL_RATE_LIMIT = env.get("SURVEY_CONFIRMATION_EMAIL_RATE_LIMIT", "5/h")
SURVEY_CONFIRMATION_HOURS = env.integer("SURVEY_CONFIRMATION_HOURS", 72)
# Whole request bodies (civic/uploads.py): a photo and its form everywhere, documents in the admin.
REQUEST_BODY_MAX_BYTES = env.integer("REQUEST_BODY_MAX_BYTES", REPORT_PHOTO_MAX_BYTES + 1024 * 1024)
ADMIN_REQUEST_BODY_MAX_BYTES = env.integer("ADMIN_REQUEST_BODY_MAX_BYTES", 32 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files (Django's default, stated)
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # larger files wait in a temporary file, not in memory
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # admin image uploads (Wagtail's default is 128 MP)
OPEN311_JURISDICTION = env.get("OPEN311_JURISDICTION")  # empty: any jurisdiction_id is accepted

# Moderation: hours a contribution may wait for a moderator before it is overdue.
MODERATION_SLA_HOURS = env.integer("MODERATION_SLA_HOURS", 24)
# Days before a followed consultation closes that its followers get a reminder.
CONSULTATION_CLOSING_SOON_DAYS = env.integer("CONSULTATION_CLOSING_SOON_DAYS", 3)

# Live updates (consultations/live.py, consultations/hub.py).
LIVE_EVENT_RETENTION_DAYS = env.integer("LIVE_EVENT_RETENTION_DAYS", 14)
# Retention (manage.py apply_retention; the privacy notice quotes these periods).
UNVERIFIED_ACCOUNT_RETENTION_DAYS = env.integer("UNVERIFIED_ACCOUNT_RETENTION_DAYS", 30)  # after joining
ASSISTED_DETAILS_RETENTION_DAYS = env.integer("ASSISTED_DETAILS_RETENTION_DAYS", 90)  # after it closes
LIVE_MAX_REPLAY = env.integer("LIVE_MAX_REPLAY", 500)  # further behind than this: reload
LIVE_IDLE_TIMEOUT = env.integer("LIVE_IDLE_TIMEOUT", 60)  # seconds without a client ping
LIVE_PRESENCE_INTERVAL = env.integer("LIVE_PRESENCE_INTERVAL", 15)  # presence heartbeat, seconds
LIVE_MAX_FRAME_BYTES = env.integer("LIVE_MAX_FRAME_BYTES", 16384)
LIVE_FRAME_RATE = env.get("LIVE_FRAME_RATE", "60/m")  # messages a socket may send
LIVE_MAX_SOCKETS_PER_ADDRESS = env.integer("LIVE_MAX_SOCKETS_PER_ADDRESS", 20)  # open at once, all processes
LIVE_MAX_SOCKETS_PER_USER = env.integer("LIVE_MAX_SOCKETS_PER_USER", 10)

# Reverse proxies in front of Civic that append the address they received from to X-Forwarded-For
# (nginx: $proxy_add_x_forwarded_for). 0: the peer address is the client (no proxy). See civic.clientip.
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more")

# Seconds a server process stopping for a deploy lets accepted requests finish (project/serve.py).
SHUTDOWN_DRAIN_TIMEOUT = env.integer("SHUTDOWN_DRAIN_TIMEOUT", 30)

X_FRAME_OPTIONS = "DENY"  # the Wagtail admin alone may frame itself (preview): see civic.middleware
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default logging gives "django" a console handler of its own (when DEBUG is on)
        # and lets records propagate to the root handler too: each would print twice. One handler.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "INFO"},
        "django.tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Content Security Policy: Civic's own pages run only its own scripts (with a nonce for the
# few inline configuration blocks). The Wagtail admin gets ADMIN_CSP (see civic.middleware).
from urllib.parse import urlsplit  # noqa: E402

from django.utils.csp import CSP  # noqa: E402

_tiles = urlsplit(MAP_TILE_URL.replace("{s}", "a"))
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}" if _tiles.netloc else ""
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],  # nonce: the council's brand colour (templates/base.html)
    "img-src": [CSP.SELF, "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],  # location map
}

# The open API under /api/v1/ (api/): Django REST Framework, schema by drf-spectacular (OpenAPI 3.1).
JSON_ERROR_PATH_PREFIXES = ("/api/",)  # the core's own refusals (NUL bytes) answer these paths in JSON
API_PAGE_SIZE = env.integer("API_PAGE_SIZE", 50)  # items per page unless the client asks for fewer
API_MAX_PAGE_SIZE = env.integer("API_MAX_PAGE_SIZE", 100)  # larger page_size values are refused (400)
API_TOKEN_RATE_LIMIT = env.get("API_TOKEN_RATE_LIMIT", "600/m")  # requests per API token
API_ANONYMOUS_RATE_LIMIT = env.get("API_ANONYMOUS_RATE_LIMIT", "300/m")  # per client address
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.auth.TokenAuthentication", "api.auth.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.TokenScope"],
    "DEFAULT_THROTTLE_CLASSES": ["api.auth.ApiRateLimit"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.CivicAutoSchema",
    "EXCEPTION_HANDLER": "api.errors.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Civic API",
    "DESCRIPTION": "Consultations, proposals, comments, official responses, issue reports, categories, wards "
    "and summaries; writes through the same rules as the website. See the README's API section.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",  # every asset from our own static files, never a CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}},
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.strict_request_bodies",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ReportStatusEnum": "mapping.models.Status",
        "NewReportStatusEnum": "api.serializers.NEW_REPORT_STATUSES",
        "ListedCommentStatusEnum": "api.serializers.LISTED_COMMENT_STATUSES",
        "CommentStatusEnum": "api.serializers.COMMENT_STATUSES",
    },
}
# CORS for the API only, off by default: list the origins of other sites' scripts that may call it.
CORS_ALLOWED_ORIGINS = env.items("API_CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_CREDENTIALS = False  # other origins use tokens, never a resident's session
