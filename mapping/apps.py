from django.apps import AppConfig


class MappingConfig(AppConfig):
    """Local issues residents pin on a map, maps of proposals, and Open311."""

    name = "mapping"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.signals import email_verified

        from . import personal_data, search, services

        search.register()
        personal_data.register_collectors()
        email_verified.connect(services.claim_on_email_verified, dispatch_uid="mapping.claim_reports")
