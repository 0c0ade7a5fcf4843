from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search: the public site search, and officer search across every contribution."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, signals

        signals.connect()
        personal_data.register_collectors()
