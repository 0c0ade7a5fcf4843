from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search: the public site search now; officer search across contributions later."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"
