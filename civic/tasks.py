"""Background work of the core, through Django's Tasks API."""

from django.tasks import task


@task()
def build_personal_data_export(export_id: str) -> bool:
    """Build a large 'download my data' file and email its link (civic.data_exports)."""
    from .data_exports import build

    return build(export_id)
