from django.apps import AppConfig


class CivicConfig(AppConfig):
    """The platform core every app builds on: accounts, organisations, roles, shared helpers."""

    name = "civic"
    verbose_name = "Civic platform"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from . import account_events, collections, converters, personal_data, retention, twofactor

        converters.register()
        account_events.connect()
        collections.register_policies()
        personal_data.register_core()
        retention.register_core()

        authenticator_added.connect(twofactor.record_new_authenticator, dispatch_uid="civic.mfa_added")
