from django.apps import AppConfig


class CivicConfig(AppConfig):
    """Project wiring and the platform parts every app shares."""

    name = "civic"
    verbose_name = "Civic platform"
    default_auto_field = "django.db.models.BigAutoField"
