from django.apps import AppConfig


class MappingConfig(AppConfig):
    """Places: wards and other areas (maps and issue reports build on these)."""

    name = "mapping"
    default_auto_field = "django.db.models.BigAutoField"
