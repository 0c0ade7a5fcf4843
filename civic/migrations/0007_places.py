"""Places (wards, the gazetteer) join the platform core; their tables and rows stay where they are."""

import django.db.models.deletion
from django.db import migrations, models

AREA_KINDS = [("council", "Council area"), ("ward", "Ward"), ("other", "Other")]


class Migration(migrations.Migration):
    dependencies = [
        ("civic", "0006_organisation_collections"),
        ("mapping", "0003_report_hidden_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Area",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        ("kind", models.CharField(choices=AREA_KINDS, default="ward", max_length=10)),
                        (
                            "code",
                            models.CharField(
                                blank=True, help_text="Official code, e.g. E05000001.", max_length=20
                            ),
                        ),
                        ("geometry", models.JSONField(blank=True, default=dict)),
                        ("min_lat", models.FloatField(blank=True, editable=False, null=True)),
                        ("max_lat", models.FloatField(blank=True, editable=False, null=True)),
                        ("min_lon", models.FloatField(blank=True, editable=False, null=True)),
                        ("max_lon", models.FloatField(blank=True, editable=False, null=True)),
                    ],
                    options={"db_table": "mapping_area", "ordering": ["kind", "name"]},
                ),
                migrations.CreateModel(
                    name="GazetteerEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=150)),
                        (
                            "kind",
                            models.CharField(
                                choices=[("street", "Street"), ("landmark", "Landmark")],
                                default="street",
                                max_length=10,
                            ),
                        ),
                        ("latitude", models.FloatField()),
                        ("longitude", models.FloatField()),
                        (
                            "ward",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="civic.area",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "mapping_gazetteerentry",
                        "verbose_name_plural": "gazetteer entries",
                        "ordering": ["name"],
                        "constraints": [
                            models.UniqueConstraint(fields=("name", "kind"), name="unique_gazetteer_name")
                        ],
                    },
                ),
                migrations.AlterField(
                    model_name="participantprofile",
                    name="ward",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="civic.area",
                    ),
                ),
                migrations.AlterField(
                    model_name="wardcouncillor",
                    name="ward",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="councillors",
                        to="civic.area",
                    ),
                ),
            ],
        ),
    ]
