"""Areas and the gazetteer now belong to civic: mapping forgets them; tables, rows and permissions stay."""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ["area", "gazetteerentry"]


def content_types_to(app_label: str, other: str):
    """Move the content types (and so the permissions groups hold) to the app that owns the models."""

    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MOVED:
            if not ContentType.objects.using(db).filter(app_label=app_label, model=model).exists():
                ContentType.objects.using(db).filter(app_label=other, model=model).update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("civic", "0007_places"),
        ("mapping", "0003_report_hidden_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="issuereport",
                    name="ward",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="reports",
                        to="civic.area",
                    ),
                ),
                migrations.DeleteModel(name="GazetteerEntry"),
                migrations.DeleteModel(name="Area"),
            ],
        ),
        migrations.RunPython(content_types_to("civic", "mapping"), content_types_to("mapping", "civic")),
    ]
