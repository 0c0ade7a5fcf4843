"""WSGI entry point for plain HTTP (gunicorn), for a deployment that serves pages from WSGI
processes and websockets from daphne (see README, *Cached public pages*)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.dev")
application = get_wsgi_application()
