"""Editorial pages (Wagtail) and participation records (plain models) for consultations."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .page_forms import ConsultationPageForm, ProposalPageForm

RICH_FEATURES: list[str] = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
# A proposal's text under review: one block per paragraph, each with a Wagtail block id that stays
# the same through edits and revisions, so comments can point at it.
PROPOSAL_TEXT_BLOCKS = [("paragraph", blocks.RichTextBlock(features=RICH_FEATURES, label="Paragraph"))]


@register_snippet
class Topic(models.Model):
    """A service area residents can filter consultations by (health, transport, housing...)."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class State(models.TextChoices):
    UPCOMING = "upcoming", pgettext_lazy("consultation state", "Upcoming")
    OPEN = "open", pgettext_lazy("consultation state", "Open")
    CLOSED = "closed", pgettext_lazy("consultation state", "Closed")


class OpenBetweenDates:
    """Upcoming, open or closed from `opens_at` and `closes_at`: consultations and conversations alike."""

    opens_at: datetime
    closes_at: datetime

    def clean(self):
        super().clean()  # type: ignore[misc]
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing date must be after the opening date."})

    def next_change(self, now=None):
        """When its state next changes by itself (opens or closes), or None once closed."""
        now = now or timezone.now()
        return next((moment for moment in (self.opens_at, self.closes_at) if moment > now), None)

    def state_at(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return State.UPCOMING
        if now >= self.closes_at:
            return State.CLOSED
        return State.OPEN

    @property
    def state(self) -> str:
        return self.state_at()

    @property
    def state_label(self) -> str:
        return str(State(self.state).label)

    @property
    def is_open(self) -> bool:
        return self.state == State.OPEN


class ConsultationQuerySet(PageQuerySet):
    """Consultation state is derived from dates, so these filters take 'now' into account."""

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def next_change(self, now=None):
        """When any of these consultations next opens or closes (one query), or None."""
        now = now or timezone.now()
        found = self.aggregate(
            opens=Min("opens_at", filter=Q(opens_at__gt=now)),
            closes=Min("closes_at", filter=Q(closes_at__gt=now)),
        )
        return min((m for m in found.values() if m is not None), default=None)

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now())

    def in_state(self, state: str, now=None):
        return {"open": self.open, "upcoming": self.upcoming, "closed": self.closed}[state](now)

    def with_owners(self):
        """Lead and partner organisations loaded: permission checks read both."""
        return self.select_related("lead_organisation").prefetch_related("partner_organisations")

    def owned_by(self, organisation):
        return self.filter(
            Q(lead_organisation=organisation) | Q(partner_organisations=organisation)
        ).distinct()


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ServedToViewers:
    """Wagtail serves a live page under an unpublished parent; these pages refuse (404) instead."""

    def serve(self, request, *args, **kwargs):
        from .permissions import can_view_page

        if not can_view_page(request.user, self, session=getattr(request, "session", None)):
            raise Http404("No such page")
        return super().serve(request, *args, **kwargs)


class OrganisationPage(ServedToViewers):
    """A page owned by organisations (consultation, proposal): served to viewers, walled in the admin."""

    def get_admin_display_title(self):
        if getattr(self, "civic_published_title_only", False):
            return self.title  # a chooser shown to another organisation: never the draft's title
        return super().get_admin_display_title()

    def permissions_for_user(self, user):
        from .permissions import OrganisationPagePermissionTester

        return OrganisationPagePermissionTester(user, self)


class ConsultationIndexPage(Page):
    """Lists consultations with filters by topic, state and organisation."""

    intro = RichTextField(blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["civic.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]

    def permissions_for_user(self, user):
        from .permissions import ConsultationIndexPermissionTester

        return ConsultationIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from .views import consultation_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_list_context(request, self))
        return context


class ConsultationPage(OpenBetweenDates, OrganisationPage, Page):
    """A consultation: what is proposed, when residents can respond and who runs it."""

    class Moderation(models.TextChoices):
        PRE = "pre", gettext_lazy("Pre-moderation: contributions wait for a moderator")
        POST = "post", gettext_lazy("Post-moderation: contributions appear at once")

    summary = models.TextField(
        max_length=600, help_text=gettext_lazy("One or two sentences shown in lists and search results.")
    )
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", max_length=120)),
            ("paragraph", blocks.RichTextBlock(features=RICH_FEATURES)),
            ("image", ImageBlock()),
            ("quote", blocks.BlockQuoteBlock()),
            (
                "key_facts",
                blocks.ListBlock(blocks.CharBlock(max_length=200), label="Key facts"),
            ),
        ],
        blank=True,
    )
    opens_at = models.DateTimeField(help_text=gettext_lazy("Residents can respond from this time."))
    closes_at = models.DateTimeField(help_text=gettext_lazy("Responses close at this time."))
    results_published = models.BooleanField(
        default=False,
        help_text=gettext_lazy("Tick once the council's response to the feedback is published."),
    )
    results = RichTextField(blank=True, features=RICH_FEATURES)
    how_to_take_part = RichTextField(
        blank=True,
        features=RICH_FEATURES,
        help_text=gettext_lazy(
            "Other ways to respond: paper forms, phone, drop-in events, accessible formats."
        ),
    )
    lead_organisation = models.ForeignKey(
        "civic.Organisation", on_delete=models.PROTECT, related_name="led_consultations"
    )
    partner_organisations = ParentalManyToManyField(
        "civic.Organisation", blank=True, related_name="partner_consultations"
    )
    moderation_policy = models.CharField(max_length=4, choices=Moderation.choices, default=Moderation.POST)
    flag_threshold = models.PositiveSmallIntegerField(
        default=3,
        help_text=gettext_lazy("Flags from different people that hide a comment until it is reviewed."),
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="consultations")
    wards = ParentalManyToManyField(
        "civic.Area",
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "ward"},
        help_text=gettext_lazy(
            "Wards this consultation is mostly about: residents who asked for alerts about their "
            "ward hear of it. Leave empty for the whole borough. Located proposals count too."
        ),
    )

    objects = ConsultationManager()
    base_form_class = ConsultationPageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")])], heading=gettext_lazy("Dates")
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                FieldPanel("partner_organisations"),
                FieldPanel("topics"),
                FieldPanel("wards"),
                FieldPanel("moderation_policy"),
                FieldPanel("flag_threshold"),
            ],
            heading=gettext_lazy("Ownership and moderation"),
        ),
        FieldPanel("how_to_take_part"),
        MultiFieldPanel(
            [FieldPanel("results_published"), FieldPanel("results")], heading=gettext_lazy("Results")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = [
        "consultations.ProposalPage",
        "consultations.ConversationPage",
        "consultations.SurveyPage",
    ]

    class Meta:
        indexes = [models.Index(fields=["opens_at", "closes_at"])]

    @property
    def is_pre_moderated(self) -> bool:
        """Contributions wait for a moderator: residents are told so before they post."""
        return self.moderation_policy == self.Moderation.PRE

    @property
    def consultation(self):
        return self

    def organisation_ids(self) -> set[int]:
        """Lead and partner organisations: the bodies whose officers may work on this."""
        ids = {self.lead_organisation_id}
        ids.update(o.pk for o in self.partner_organisations.all())
        return ids

    def get_context(self, request, *args, **kwargs):
        from .views import consultation_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_page_context(request, self))
        return context


class ProposalPage(OrganisationPage, Page):
    """A service-design proposal inside a consultation that residents vote and comment on."""

    problem = RichTextField(features=RICH_FEATURES, help_text=gettext_lazy("What is not working today."))
    proposed_change = StreamField(
        PROPOSAL_TEXT_BLOCKS,
        help_text=gettext_lazy(
            "What would change, one paragraph per block: residents can comment on each paragraph."
        ),
    )
    who_it_affects = RichTextField(
        blank=True, features=RICH_FEATURES, help_text=gettext_lazy("People and places the change affects.")
    )
    location_name = models.CharField(max_length=200, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("problem"),
        FieldPanel("proposed_change"),
        FieldPanel("who_it_affects"),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=gettext_lazy("Location (optional)"),
            help_text=gettext_lazy("Click the map to place the proposal, or type a street or landmark."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("problem"),
        index.SearchField("proposed_change"),
        index.SearchField("who_it_affects"),
    ]
    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types = []
    base_form_class = ProposalPageForm

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or neither.")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": "Latitude must be between -90 and 90."})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": "Longitude must be between -180 and 180."})

    @property
    def consultation(self) -> ConsultationPage:
        """The consultation this proposal belongs to (cached: it is used several times a page)."""
        if not hasattr(self, "_consultation"):
            self._consultation = ConsultationPage.objects.parent_of(self).with_owners().get()
        return self._consultation

    def paragraphs(self):
        """The proposal's paragraphs in order, numbered from 1, with their stable ids and plain text."""
        from .paragraphs import paragraphs_of

        return paragraphs_of(self)

    def get_context(self, request, *args, **kwargs):
        from .views import proposal_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(proposal_page_context(request, self))
        return context


class Stance(models.TextChoices):
    SUPPORT = "support", gettext_lazy("Support")
    OPPOSE = "oppose", gettext_lazy("Oppose")
    NEUTRAL = "neutral", gettext_lazy("Neutral")
    QUESTION = "question", gettext_lazy("Question")


# Contributions an officer entered for someone are attributed to how they came in, not to the officer.
CHANNEL_ATTRIBUTION = {
    "paper": gettext_lazy("Paper response"),
    "phone": gettext_lazy("Phone response"),
    "event": gettext_lazy("Response at an event"),
}
THREAD_ORDER = ("-pinned", "-created_at", "-id")  # the one order of threads on a page; see ahead_of


class CommentQuerySet(models.QuerySet["Comment"]):
    def visible(self) -> "CommentQuerySet":
        """What any visitor may read."""
        return self.filter(status=Comment.Status.PUBLISHED)

    def listed_for(self, user):
        """What a page lists for this person: published comments and their own pending ones."""
        if not user.is_authenticated:
            return self.visible()
        return self.filter(Q(status=Comment.Status.PUBLISHED) | Q(status=Comment.Status.PENDING, author=user))

    def on_consultation_itself(self):
        return self.filter(proposal__isnull=True)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def in_thread_order(self):
        """Threads as a page lists them: pinned first, then newest first."""
        return self.order_by(*THREAD_ORDER)

    def ahead_of(self, thread):
        """Threads listed before this one in thread order (to find the page it is on)."""
        newer = Q(created_at__gt=thread.created_at) | Q(created_at=thread.created_at, id__gt=thread.id)
        return self.filter(Q(pinned__gt=thread.pinned) | Q(pinned=thread.pinned) & newer)


class Comment(models.Model):
    """A resident's comment on a consultation or one of its proposals (one level of replies)."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Status(models.TextChoices):
        PUBLISHED = "published", gettext_lazy("Published")
        PENDING = "pending", gettext_lazy("Awaiting moderation")
        HIDDEN = "hidden", gettext_lazy("Hidden")
        REMOVED = "removed", gettext_lazy("Removed")

    class Channel(models.TextChoices):
        ONLINE = "online", gettext_lazy("Online")
        PAPER = "paper", gettext_lazy("Paper")
        PHONE = "phone", gettext_lazy("Phone")
        EVENT = "event", gettext_lazy("Event")

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="comments")
    proposal = models.ForeignKey(
        ProposalPage, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    # Set when the author erased their account: one random number for all of that person's
    # comments, so summaries still count them as one person (it leads back to nobody).
    former_author = models.UUIDField(null=True, blank=True, editable=False)
    body = models.TextField()
    # A comment on one paragraph of a proposal: the paragraph's block id, and its text as it read
    # when the comment was written (shown with the comment even after the paragraph is edited).
    paragraph = models.CharField(max_length=36, blank=True, default="")
    paragraph_text = models.TextField(blank=True, default="")
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.NEUTRAL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PUBLISHED)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    client_token = models.UUIDField(
        null=True, blank=True, editable=False, help_text="Makes a double-submitted form harmless."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moderation: contributions waiting for a moderator, since when, and how often flagged.
    needs_review = models.BooleanField(default=False)
    queued_at = models.DateTimeField(null=True, blank=True)
    flag_count = models.PositiveIntegerField(default=0)
    sla_alerted = models.BooleanField(default=False)
    # Official responses: an officer answering as their organisation, pinned or closing a thread.
    is_official = models.BooleanField(default=False)
    organisation = models.ForeignKey(
        "civic.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="responses"
    )
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False, help_text="No more replies to this thread.")
    # Assisted digital: a response received on paper, by phone or at an event, typed by an officer.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entered_comments",
    )
    respondent_name = models.CharField(max_length=120, blank=True)
    respondent_postcode = models.CharField(max_length=10, blank=True)
    consent_recorded = models.BooleanField(default=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["consultation", "proposal", "status", "created_at"]),
            models.Index(fields=["parent", "status", "created_at"]),
            models.Index(fields=["needs_review", "queued_at", "id"], name="comment_review_queue_idx"),
            models.Index(
                fields=["proposal", "paragraph", "status"],
                name="comment_paragraph_idx",
                condition=~Q(paragraph=""),
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["author", "client_token"], name="comment_unique_client_token"),
        ]

    def __str__(self):
        return f"Comment {self.pk} by {self.author_name}"

    @property
    def author_name(self) -> str:
        """Public attribution: never a resident's real name, email or postcode."""
        return self.attribution(
            is_official=self.is_official,
            organisation_name=self.organisation.name if self.organisation_id else "",
            channel=self.channel,
            author_id=self.author_id,
            author_display_name=self.author.display_name if self.author_id else "",
        )

    @classmethod
    def attribution(
        cls, *, is_official: bool, organisation_name: str, channel: str, author_id, author_display_name: str
    ) -> str:
        """The one attribution rule, also for code holding only a row's values (search rebuilds)."""
        if is_official and organisation_name:
            return organisation_name
        if channel != cls.Channel.ONLINE:
            return str(CHANNEL_ATTRIBUTION[channel])
        if author_id is None:
            return _("Former participant")
        return get_user_model().public_name_for(author_id, author_display_name)

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def paragraph_anchor(self) -> str:
        return f"paragraph-{self.paragraph}" if self.paragraph else ""


class Vote(models.Model):
    """One resident's vote on a proposal; changeable while the consultation is open."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Choice(models.TextChoices):
        SUPPORT = "support", gettext_lazy("Support")
        OPPOSE = "oppose", gettext_lazy("Oppose")

    proposal = models.ForeignKey(ProposalPage, on_delete=models.CASCADE, related_name="votes")
    # Empty once the voter erased their account: the vote still counts, linked to nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="votes"
    )
    choice = models.CharField(max_length=10, choices=Choice.choices)
    channel = models.CharField(max_length=10, choices=Comment.Channel.choices, default=Comment.Channel.ONLINE)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_vote_per_user"),
        ]

    def __str__(self):
        return f"{self.choice} on {self.proposal_id}"


class Follow(models.Model):
    """A resident follows a consultation or a proposal to hear its results (commenting follows too)."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="one_follow_per_page")]

    def __str__(self):
        return f"{self.user_id} follows {self.page_id}"


class AlertTopic(models.Model):
    """A topic a resident wants to hear of new consultations on (with the new-consultation alerts on)."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_alert_per_topic")]

    def __str__(self):
        return f"{self.user_id} hears of {self.topic_id}"


class LiveSequence(models.Model):
    """The last event number of a consultation; rows are locked to hand out gap-free numbers."""

    consultation = models.OneToOneField(
        ConsultationPage, on_delete=models.CASCADE, primary_key=True, related_name="live_sequence"
    )
    last_seq = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.consultation_id}: {self.last_seq}"


class LiveEvent(models.Model):
    """A visible change on a consultation, numbered so clients can replay what they missed."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="live_events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=40)
    html = models.TextField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["consultation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "seq"], name="live_event_unique_seq"),
        ]

    def __str__(self):
        return f"{self.consultation_id}#{self.seq} {self.type}"

    def as_message(self) -> dict:
        return {"seq": self.seq, "type": self.type, "html": self.html, "data": self.data}


class ModerationReason(models.TextChoices):
    PERSONAL_DATA = "personal_data", gettext_lazy("Contains personal information")
    ABUSIVE = "abusive", gettext_lazy("Abusive, discriminatory or threatening")
    OFF_TOPIC = "off_topic", gettext_lazy("Off topic")
    SPAM = "spam", gettext_lazy("Spam or advertising")
    DUPLICATE = "duplicate", gettext_lazy("Duplicate")
    LEGAL = "legal", gettext_lazy("May break the law (for example defamation)")
    OTHER = "other", gettext_lazy("Other reason")


class Flag(models.Model):
    """A resident's report that a contribution breaks the house rules."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    # Empty once the reporter erased their account: the report still counts towards the threshold.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=ModerationReason.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_user")]

    def __str__(self):
        return f"Flag on {self.comment_id}: {self.reason}"


class ModerationDecision(models.Model):
    """What a moderator decided about a contribution, and why (the public log counts these)."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Decision(models.TextChoices):
        APPROVE = "approve", gettext_lazy("Approve")
        HIDE = "hide", gettext_lazy("Hide")
        REMOVE = "remove", gettext_lazy("Remove")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="moderation_decisions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=20, choices=ModerationReason.choices, blank=True)
    note = models.TextField(blank=True)
    previous_status = models.CharField(max_length=10, choices=Comment.Status.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.decision} {self.comment_id}"


from .conversations.models import (  # noqa: E402, F401  (conversation models live with their feature)
    ConversationPage,
    OpinionResult,
    OpinionVote,
    Statement,
)
from .summaries.models import (  # noqa: E402, F401  (summary models live with their feature)
    FeedbackResponse,
    PopulationBaseline,
    Theme,
    ThemeMembership,
    ThemeRun,
)
from .surveys.models import (  # noqa: E402, F401  (surveys live with their feature)
    QuestionWording,
    SurveyAnswerTheme,
    SurveyPage,
    SurveyResponse,
)
