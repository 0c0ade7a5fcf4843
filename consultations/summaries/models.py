"""Stored results of a summary: themes (and which comments are in them), responses, baseline."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from civic.models import AgeBand, Disability, Ethnicity


class ThemeRun(models.Model):
    """Where a consultation's theme computation is: the page shows this instead of waiting."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Being prepared")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    consultation = models.OneToOneField(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="theme_run"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    comment_count = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return f"Themes for {self.consultation_id}: {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class Theme(models.Model):
    """A group of comments about the same thing; machine-suggested until an officer signs it off."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="themes"
    )
    label = models.CharField(max_length=200)
    machine_label = models.CharField(max_length=200, blank=True)
    key_terms = models.JSONField(default=list, blank=True)
    is_other = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["consultation", "is_other", "position", "id"]

    def __str__(self):
        return self.label

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None

    @property
    def machine_suggested(self) -> bool:
        return self.signed_off_at is None


class ThemeMembership(models.Model):
    """Puts one comment in exactly one theme; quote_rank marks the representative quotes."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    comment = models.OneToOneField(
        "consultations.Comment", on_delete=models.CASCADE, related_name="theme_membership"
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="memberships")
    weight = models.FloatField(default=0)
    quote_rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["theme", "quote_rank"])]

    def __str__(self):
        return f"{self.comment_id} in {self.theme_id}"


class FeedbackResponseQuerySet(models.QuerySet["FeedbackResponse"]):
    def published(self, now=None) -> "FeedbackResponseQuerySet":
        """Responses whose publication time has come: nobody reads one before that."""
        return self.filter(published_at__lte=now or timezone.now())

    def shown_with(self, consultation, public_proposal_ids) -> "FeedbackResponseQuerySet":
        """A consultation's published responses, leaving out those about a draft or private proposal,
        with the theme and proposal they answer (the page and the summary show the same list)."""
        return (
            self.published()
            .filter(consultation=consultation)
            .filter(models.Q(proposal__isnull=True) | models.Q(proposal__in=list(public_proposal_ids)))
            .select_related("theme", "proposal")
        )


class FeedbackResponse(models.Model):
    """'You said, we did': the council's published answer to a theme or a proposal."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="feedback_responses"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    proposal = models.ForeignKey(
        "consultations.ProposalPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_responses",
    )
    you_said = models.TextField()
    we_did = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)
    notified_count = models.PositiveIntegerField(default=0)

    objects = FeedbackResponseQuerySet.as_manager()

    class Meta:
        ordering = ["consultation", "published_at", "id"]

    def __str__(self):
        return f"Response {self.pk} on consultation {self.consultation_id}"


class Dimension(models.TextChoices):
    AGE_BAND = "age_band", _("Age")
    WARD = "ward", _("Ward")
    DISABILITY = "disability", _("Disability")
    ETHNICITY = "ethnicity", _("Ethnic group")


DIMENSION_CHOICES = {
    Dimension.AGE_BAND: AgeBand.choices,
    Dimension.DISABILITY: Disability.choices,
    Dimension.ETHNICITY: Ethnicity.choices,
}


@register_snippet
class PopulationBaseline(models.Model):
    """How many residents of the council area are in a group (census figures), for comparison."""

    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    category = models.CharField(
        max_length=120,
        help_text=_("The group's code: an age band such as 25-34, a ward's slug, a census category code."),
    )
    population = models.PositiveIntegerField()

    panels = [FieldPanel("dimension"), FieldPanel("category"), FieldPanel("population")]

    class Meta:
        ordering = ["dimension", "category"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "category"], name="baseline_unique_group"),
        ]

    def __str__(self):
        return f"{self.get_dimension_display()}: {self.category} ({self.population:,})"
