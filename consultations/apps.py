from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations, proposals and everything residents contribute to them."""

    name = "consultations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from civic import sections as core_sections
        from civic import signup as core_signup
        from civic.signals import account_changed

        from . import live, permissions, personal_data, retention, search, sections, signals, signup
        from .conversations import signals as conversation_signals
        from .surveys import personal_data as survey_personal_data

        permissions.register_page_policy()
        personal_data.register_collectors()
        survey_personal_data.register_collectors()
        retention.register_steps()
        search.register()
        core_sections.register(core_sections.HOME_PAGE, sections.home_page_context)
        core_sections.register(core_sections.PROFILE, sections.profile_context)
        core_signup.register_alert_option(signup.ALERT_TOPICS)

        page_published.connect(signals.announce_state, dispatch_uid="consultations.live_state")
        page_published.connect(signals.announce_results, dispatch_uid="consultations.results_followers")
        page_published.connect(signals.announce_new_consultation, dispatch_uid="consultations.new_alerts")
        account_changed.connect(live.account_changed, dispatch_uid="consultations.live_account")
        page_published.connect(
            conversation_signals.seed_statements, dispatch_uid="consultations.conversation_seeds"
        )
