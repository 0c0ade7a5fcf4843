"""Areas of the council: wards and other boundaries, stored as GeoJSON geometry."""

from django.db import models


class Area(models.Model):
    """A ward or other boundary; geometry is a GeoJSON Polygon or MultiPolygon (WGS84)."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council area"
        WARD = "ward", "Ward"
        OTHER = "other", "Other"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.WARD)
    code = models.CharField(max_length=20, blank=True, help_text="Official code, e.g. E05000001.")
    geometry = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name
