from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project wiring: settings, root URLs, ASGI, the server launcher and demo loading."""

    name = "project"
    verbose_name = "Civic project wiring"

    def ready(self) -> None:
        drop_per_row_translate_buttons()


def drop_per_row_translate_buttons() -> None:
    """wagtail-localize's Translate/Sync items cost two queries per listed page (an N+1 in the explorer):
    officers keep them in each page's header and in the "Pages without a translation" report."""
    from wagtail import hooks

    try:
        from wagtail_localize import wagtail_hooks as localize_hooks
    except ImportError:  # pragma: no cover - wagtail-localize is a dependency; nothing to drop without it
        return
    hooks.search_for_hooks()
    name = "register_page_listing_more_buttons"
    hooks._hooks[name] = [
        (fn, order)
        for fn, order in hooks._hooks.get(name, [])
        if fn is not localize_hooks.page_listing_more_buttons
    ]
