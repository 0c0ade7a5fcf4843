"""Local issue reports: categories, reports and their history (places live in civic)."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from civic import geo
from civic.models import Area
from search import indexing


class IssueCategory(models.Model):
    """A kind of local problem, the organisation that fixes it and its Open311 service code."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    service_code = models.CharField(max_length=40, unique=True)
    description = models.CharField(max_length=300, blank=True)
    group = models.CharField(max_length=60, blank=True, help_text=_("Open311 group, e.g. Streets."))
    keywords = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "civic.Organisation", on_delete=models.PROTECT, related_name="issue_categories"
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("issue categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Every path that saves a category (the admin's screens, the demo) reindexes its reports,
        whose search text includes the category's name."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            keys = [f"issue_report:{pk}" for pk in self.reports.values_list("pk", flat=True)]
            indexing.schedule(*keys)


class Status(models.TextChoices):
    OPEN = "open", pgettext_lazy("report status", "Open")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("report status", "Acknowledged")
    IN_PROGRESS = "in_progress", pgettext_lazy("report status", "In progress")
    FIXED = "fixed", pgettext_lazy("report status", "Fixed")
    CLOSED = "closed", pgettext_lazy("report status", "Closed")
    DUPLICATE = "duplicate", pgettext_lazy("report status", "Duplicate")


REPORTED_NOTE = "Reported."  # stored in English on every new report; shown translated

OPEN_STATUSES = (Status.OPEN, Status.ACKNOWLEDGED, Status.IN_PROGRESS)


class IssueReportQuerySet(models.QuerySet):
    def visible(self):
        """Reports the public sees: confirmed, not hidden by an officer and not merged into another.

        The one rule for every public path (map, pins, list, Open311, exports, search); is_visible
        below says the same for one report."""
        return self.filter(hidden_at__isnull=True, awaiting_confirmation=False).exclude(
            status=Status.DUPLICATE
        )

    def unresolved(self):
        return self.filter(status__in=OPEN_STATUSES)

    def older_than(self, days: int):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))

    def near(self, lat: float, lon: float, metres: float):
        """Reports within a bounding square (callers refine with geo.distance_m)."""
        dlat, dlon = geo.degrees_for(metres, lat)
        return self.filter(
            latitude__range=(lat - dlat, lat + dlat), longitude__range=(lon - dlon, lon + dlon)
        )


class IssueReport(models.Model):
    """A local problem a resident (or a partner system over Open311) reported."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Source(models.TextChoices):
        WEB = "web", _("Website")
        OPEN311 = "open311", _("Open311 partner")

    category = models.ForeignKey(IssueCategory, on_delete=models.PROTECT, related_name="reports")
    organisation = models.ForeignKey(
        "civic.Organisation", on_delete=models.PROTECT, related_name="issue_reports"
    )
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=2000)
    latitude = models.FloatField()
    longitude = models.FloatField()
    location_text = models.CharField(max_length=200, blank=True)
    ward = models.ForeignKey(Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    photo = models.ImageField(upload_to="reports/%Y/%m/", blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("Reporters without an account (web or Open311).")
    )
    contact_name = models.CharField(
        max_length=100, blank=True, help_text=_("A web reporter without an account; never shown publicly.")
    )
    awaiting_confirmation = models.BooleanField(
        default=False, help_text=_("Sent without an account and not yet confirmed by email: not public.")
    )
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="followed_reports")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    partner = models.ForeignKey(
        "PartnerApiKey", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Set when an officer hides the report: it leaves every public list."),
    )

    objects = IssueReportQuerySet.as_manager()
    distance_m: int  # metres from a searched point, set on the reports services.nearby_open returns

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["latitude", "longitude"]),
        ]

    def __str__(self):
        return f"#{self.pk} {self.title}"

    def get_absolute_url(self):
        return reverse("mapping:report_detail", args=[self.pk])

    @property
    def reporter_name(self) -> str:
        """Attribution (officer search): the reporter's public name, or where the report came from."""
        reporter = self.reporter if self.reporter_id else None  # no query for a report without one
        if reporter is not None:
            return reporter.public_name
        if self.source == self.Source.OPEN311:
            return "Open311 partner"
        return "Member of the public" if self.contact_email else "Former participant"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_visible(self) -> bool:
        return self.hidden_at is None and not self.awaiting_confirmation and self.status != Status.DUPLICATE

    @property
    def open311_status(self) -> str:
        return "open" if self.is_open else "closed"


class StatusChange(models.Model):
    """One step in a report's public history, with the officer's public note."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    report = models.ForeignKey(IssueReport, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    note = models.TextField(max_length=2000, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.report_id}: {self.from_status} -> {self.to_status}"

    @property
    def public_note(self) -> str:
        """The note as readers see it: the note every new report gets is shown in their language."""
        return gettext("Reported.") if self.note == REPORTED_NOTE else self.note


class PartnerApiKey(models.Model):
    """An Open311 api_key issued to a partner organisation; only its hash is stored."""

    organisation = models.ForeignKey("civic.Organisation", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def lookup(cls, raw: str):
        if not raw:
            return None
        return cls.objects.filter(key_hash=cls.hash(raw), active=True).select_related("organisation").first()
