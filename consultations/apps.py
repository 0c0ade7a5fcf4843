from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations, proposals and everything residents contribute to them."""

    name = "consultations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from civic.signals import account_changed

        from . import live, permissions, signals

        permissions.register_page_policy()

        page_published.connect(signals.announce_state, dispatch_uid="consultations.live_state")
        account_changed.connect(live.account_changed, dispatch_uid="consultations.live_account")
