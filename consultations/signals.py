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


def announce_new_consultation(sender, instance, **kwargs):
    """A published consultation tells residents who opted in to alerts for its wards or topics
    (a task: thousands of people must not hold up the officer's request; once: a dedupe key)."""
    from .models import ConsultationPage
    from .tasks import announce_new_consultation_task

    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, ConsultationPage):
        transaction.on_commit(lambda: announce_new_consultation_task.enqueue(page.pk))


def _sync(page_id):
    from . import live
    from .models import ConsultationPage

    page = ConsultationPage.objects.filter(pk=page_id).first()
    if page is not None:
        live.sync_state(page)
