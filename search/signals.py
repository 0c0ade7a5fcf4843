"""Reindex on changes made by code we don't own (Wagtail publishing, unpublishing and deletion, and
rows a deletion cascades to) and on the platform's account events (a renamed person). The features'
own writes call indexing.schedule from their services: no post_save on the project's models."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from civic.signals import display_name_changed, organisation_changed

from . import documents, indexing


def on_page_changed(sender, instance, **kwargs):
    """A page went live, changed or was withdrawn: its document and those copying its title follow."""
    page = instance.specific_deferred if type(instance) is Page else instance
    if documents.for_model(type(page)):
        indexing.schedule_with_related(page)


def on_deleted(sender, instance, **kwargs):
    """Deleted rows (directly or by cascade) leave the index."""
    model = type(instance)
    if model is Page:
        model = instance.specific_class or Page
    doc_type = documents.for_model(model)
    if doc_type:
        indexing.schedule(f"{doc_type.name}:{instance.pk}")


def on_display_name_changed(sender, user_id, **kwargs):
    """A renamed person: officer search and its CSV show the new name beside everything they wrote."""
    indexing.schedule(*documents.keys_by_author(user_id))


def on_organisation_changed(sender, organisation_id, **kwargs):
    """A renamed organisation: its official responses show the new name in search."""
    indexing.schedule(*documents.keys_by_organisation(organisation_id))


def connect():
    page_published.connect(on_page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="search.page_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search.post_delete")
    display_name_changed.connect(on_display_name_changed, dispatch_uid="search.display_name_changed")
    organisation_changed.connect(on_organisation_changed, dispatch_uid="search.organisation_changed")
