from django.apps import AppConfig


class MappingConfig(AppConfig):
    """Local issues residents pin on a map, maps of proposals, and Open311."""

    name = "mapping"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic import sections as core_sections
        from civic.signals import email_verified

        from . import personal_data, search, sections, services

        search.register()
        core_sections.register(core_sections.PROFILE, sections.profile_context)
        personal_data.register_collectors()
        email_verified.connect(services.claim_on_email_verified, dispatch_uid="mapping.claim_reports")
