"""A conversation page, its statements, residents' votes on them and the stored opinion groups."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..models import RICH_FEATURES, ConsultationPage, OpenBetweenDates, OrganisationPage


class ConversationPage(OpenBetweenDates, OrganisationPage, Page):
    """A question residents answer by agreeing, disagreeing or passing on each other's statements."""

    class Moderation(models.TextChoices):
        PRE = "pre", gettext_lazy("Pre-moderation: residents' statements wait for a moderator")
        POST = "post", gettext_lazy("Post-moderation: residents' statements appear at once")

    question = models.CharField(max_length=200, help_text=gettext_lazy("The question residents respond to."))
    intro = RichTextField(blank=True, features=RICH_FEATURES)
    seed_statements = models.TextField(
        blank=True,
        help_text=gettext_lazy(
            "Statements to start the conversation, one a line. They appear when the page is "
            "published; removing a line later does not remove its statement."
        ),
    )
    moderation_policy = models.CharField(max_length=4, choices=Moderation.choices, default=Moderation.PRE)
    opens_at = models.DateTimeField(
        help_text=gettext_lazy("Residents can vote and write statements from this time.")
    )
    closes_at = models.DateTimeField(help_text=gettext_lazy("Voting closes at this time."))

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("intro"),
        FieldPanel("seed_statements"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])], heading=gettext_lazy("Dates")
        ),
        FieldPanel("moderation_policy"),
    ]
    search_fields = Page.search_fields + [index.SearchField("question")]
    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types: list[str] = []
    template = "consultations/conversations/conversation_page.html"

    @property
    def consultation(self) -> ConsultationPage:
        """The consultation this conversation belongs to (cached: used several times a page)."""
        if not hasattr(self, "_consultation"):
            self._consultation = ConsultationPage.objects.parent_of(self).with_owners().get()
        return self._consultation

    @property
    def is_pre_moderated(self) -> bool:
        return self.moderation_policy == self.Moderation.PRE

    def seed_lines(self) -> list[str]:
        return [line.strip() for line in self.seed_statements.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from .views import conversation_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(conversation_page_context(request, self))
        return context


class StatementQuerySet(models.QuerySet["Statement"]):
    def published(self) -> "StatementQuerySet":
        return self.filter(status=Statement.Status.PUBLISHED)


class Statement(models.Model):
    """One short idea residents vote on: seeded by officers or written by a resident."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Status(models.TextChoices):
        PUBLISHED = "published", gettext_lazy("Published")
        PENDING = "pending", gettext_lazy("Awaiting moderation")
        HIDDEN = "hidden", gettext_lazy("Hidden")

    conversation = models.ForeignKey(ConversationPage, on_delete=models.CASCADE, related_name="statements")
    text = models.CharField(max_length=500)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_seed = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["conversation", "status", "created_at"])]

    def __str__(self):
        return self.text[:60]

    @property
    def anchor(self) -> str:
        return f"statement-{self.pk}"


class OpinionVote(models.Model):
    """A resident's agree / disagree / pass on a statement; changeable while the conversation is open."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Choice(models.IntegerChoices):
        AGREE = 1, gettext_lazy("Agree")
        DISAGREE = -1, gettext_lazy("Disagree")
        PASS = 0, gettext_lazy("Pass / unsure")

    conversation = models.ForeignKey(ConversationPage, on_delete=models.CASCADE, related_name="opinion_votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    # Empty once the voter erased their account; former_participant (one random number for all of
    # that person's votes) keeps them one participant in the opinion groups, linked to nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="opinion_votes"
    )
    former_participant = models.UUIDField(null=True, blank=True, editable=False)
    value = models.SmallIntegerField(choices=Choice.choices)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"], name="one_opinion_vote_per_user"),
        ]
        indexes = [models.Index(fields=["conversation", "user"])]

    def __str__(self):
        return f"{self.value} on {self.statement_id}"


class OpinionResult(models.Model):
    """The latest opinion groups of a conversation, stored so pages read them in one query.

    `enqueued_at` is the debounce: set when a recompute is queued, cleared when it starts, so a
    burst of votes queues one recompute (and at most one more for votes that arrive meanwhile)."""

    conversation = models.OneToOneField(
        ConversationPage, on_delete=models.CASCADE, primary_key=True, related_name="opinion_result"
    )
    data = models.JSONField(default=dict, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0)
    enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Opinion groups of {self.conversation_id}"
