"""Platform models: people, the organisations they work for, and the site's home page."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class Organisation(models.Model):
    """A public body or community group that runs or co-owns consultations."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        HEALTH = "health", "NHS / health"
        POLICE = "police", "Police"
        FIRE = "fire", "Fire and rescue"
        COMMUNITY = "community", "Community or voluntary group"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCIL)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class User(AbstractUser):
    """An account; residents are known publicly only by their chosen display name."""

    display_name = models.CharField(
        max_length=50,
        help_text="Shown next to everything you write. It does not need to be your real name.",
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        help_text="For officers, moderators and councillors: the organisation they act for.",
    )
    suspended_until = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.CharField(max_length=500, blank=True)

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The only name shown to other people: never the real name or email."""
        return self.display_name or f"Participant {self.pk}"

    @property
    def is_suspended(self) -> bool:
        return bool(self.suspended_until and self.suspended_until > timezone.now())


class HomePage(Page):
    """The site's front page: open consultations first, then recent results."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    subpage_types = ["consultations.ConsultationIndexPage"]

    def get_context(self, request, *args, **kwargs):
        from consultations.models import ConsultationPage

        context = super().get_context(request, *args, **kwargs)
        live = ConsultationPage.objects.live().public().select_related("lead_organisation")
        context["open_consultations"] = live.open().order_by("closes_at")[:12]
        context["recent_results"] = live.closed().filter(results_published=True).order_by("-closes_at")[:6]
        context["upcoming_consultations"] = live.upcoming().order_by("opens_at")[:6]
        return context
