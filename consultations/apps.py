from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations, proposals and everything residents contribute to them."""

    name = "consultations"
    default_auto_field = "django.db.models.BigAutoField"
