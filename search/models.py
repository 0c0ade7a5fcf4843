"""The database search index, the documents waiting to be indexed, the updates Elasticsearch has not
taken yet, saved searches."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone


class VectorField(SearchVectorField):
    """A tsvector column on PostgreSQL; an unused text column elsewhere (no contrib.postgres app needed)."""

    def _check_postgres_installed(self, *args):
        return []

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    """One searchable document, denormalised: the database engine searches these rows.

    PostgreSQL keeps a weighted tsvector in `search_vector` (GIN index); SQLite keeps an FTS5
    table `search_fts` in step through triggers (see migration 0002).
    """

    key = models.CharField(max_length=60, unique=True, help_text="<type>:<primary key>")
    type = models.CharField(max_length=20, db_index=True)
    object_id = models.BigIntegerField()
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    consultation_id = models.BigIntegerField(null=True, db_index=True)
    consultation_title = models.CharField(max_length=300, blank=True)
    organisations = models.ManyToManyField("civic.Organisation", blank=True, related_name="+")
    organisation_key = models.CharField(
        max_length=200, blank=True, help_text="The organisations' ids as ',3,7,': facet counts in one pass."
    )
    ward = models.CharField(max_length=120, blank=True, db_index=True)
    stance = models.CharField(max_length=20, blank=True, db_index=True)
    moderation_state = models.CharField(max_length=20, blank=True, db_index=True)
    status = models.CharField(max_length=30, blank=True)
    author = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    title_ref = models.CharField(
        max_length=60,
        blank=True,
        help_text="What its type needs to write the title in the reader's language.",
    )
    search_vector = VectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self):
        return self.key


class QueuedDocument(models.Model):
    """A document to bring up to date, written in the same transaction as the change: a write that
    commits is never lost, whatever happens to the task queue, and the worker takes many at once."""

    key = models.CharField(max_length=60, help_text="<type>:<primary key>")
    queued_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key


class PendingUpdate(models.Model):
    """A document that still has to reach an Elasticsearch index (it was down, or is being rebuilt)."""

    key = models.CharField(max_length=60)
    index = models.CharField(max_length=120, help_text="Alias or concrete index the update is for.")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "index"], name="pending_update_unique_key")]

    def __str__(self):
        return f"{self.key} → {self.index}"


class IndexBuild(models.Model):
    """A rebuild in progress: while this row exists, writes are journalled for the new index."""

    index = models.CharField(max_length=120, unique=True)
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.index


class SavedSearch(models.Model):
    """An officer's named search (the query string of the search page), private to them."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(max_length=80)
    query = models.CharField(max_length=2000, help_text="URL-encoded search parameters.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="saved_search_unique_name")]

    def __str__(self):
        return self.name
