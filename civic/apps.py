from django.apps import AppConfig


class CivicConfig(AppConfig):
    """The platform core every app builds on: accounts, organisations, roles, shared helpers."""

    name = "civic"
    verbose_name = "Civic platform"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from . import (
            account_events,
            brand,
            collections,
            converters,
            data_exports,
            i18n,
            pagecache,
            personal_data,
            retention,
            twofactor,
        )
        from .models import Brand

        converters.register()
        account_events.connect()
        collections.register_policies()
        personal_data.register_core()
        personal_data.register_eraser("data_exports", data_exports.erase)
        retention.register_core()
        pagecache.connect()
        i18n.connect()

        for model in (Site, Brand):  # a renamed host or a deleted brand shows at once
            post_save.connect(brand.forget, sender=model, dispatch_uid=f"civic.brand.{model.__name__}.saved")
            post_delete.connect(
                brand.forget, sender=model, dispatch_uid=f"civic.brand.{model.__name__}.deleted"
            )
        authenticator_added.connect(twofactor.record_new_authenticator, dispatch_uid="civic.mfa_added")
