"""Reactions to Wagtail (code we don't own): a republished consultation may have new dates."""

from django.db import transaction


def announce_state(sender, instance, **kwargs):
    from .models import ConsultationPage

    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, ConsultationPage):
        transaction.on_commit(lambda: _sync(page.pk))


def announce_results(sender, instance, **kwargs):
    """A consultation published with its results ticked tells its followers (once: a dedupe key)."""
    from .models import ConsultationPage
    from .notifications import results_published

    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, ConsultationPage) and page.results_published:
        with transaction.atomic():
            results_published(page)


def _sync(page_id):
    from . import live
    from .models import ConsultationPage

    page = ConsultationPage.objects.filter(pk=page_id).first()
    if page is not None:
        live.sync_state(page)
