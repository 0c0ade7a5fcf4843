from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations, proposals and everything residents contribute to them."""

    name = "consultations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import permissions, signals

        permissions.register_page_policy()

        page_published.connect(signals.announce_state, dispatch_uid="consultations.live_state")
