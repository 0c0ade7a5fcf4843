from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project wiring: settings, root URLs, ASGI, the server launcher and demo loading."""

    name = "project"
    verbose_name = "Civic project wiring"
