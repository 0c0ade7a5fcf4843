"""Wagtail's page_published: a conversation's seed statements appear when it is published."""


def seed_statements(sender, instance, **kwargs):
    from .models import ConversationPage
    from .services import sync_seed_statements

    page = instance.specific if hasattr(instance, "specific") else instance
    if isinstance(page, ConversationPage):
        sync_seed_statements(page)
