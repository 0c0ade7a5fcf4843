from django.apps import AppConfig


class MappingConfig(AppConfig):
    """Local issues residents pin on a map, maps of proposals, and Open311."""

    name = "mapping"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, search

        search.register()
        personal_data.register_collectors()
