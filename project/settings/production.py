"""Production settings: refuse to start without secrets; HTTPS and secure cookies throughout."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters")
ALLOWED_HOSTS = env.items("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts Civic is served on")

SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
TASKS = {  # noqa: F405
    "default": {"BACKEND": env.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

MAILERS = {  # noqa: F405
    "default": {
        "BACKEND": env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": env.get("EMAIL_HOST", "localhost"),
            "port": env.integer("EMAIL_PORT", 25),
            "username": env.get("EMAIL_HOST_USER"),
            "password": env.get("EMAIL_HOST_PASSWORD"),
            "use_tls": env.flag("EMAIL_USE_TLS", False),
        },
    }
}
