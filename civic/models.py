"""Platform models: people, the organisations they work for, places (wards, gazetteer) and the home page."""

import uuid
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.url_routing import RouteResult

from . import geo, signals
from .bilingual import Translatable
from .colours import validate_brand_colour


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
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisation",
        help_text="Where this organisation's documents and images live; only its staff see them.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every path that saves an organisation (admin snippet, demo, code) keeps its collection and
        tells the layers above, which copy its name, after commit."""
        from .collections import ensure_collection

        with transaction.atomic():
            super().save(*args, **kwargs)
            ensure_collection(self)
            pk = self.pk
            transaction.on_commit(
                lambda: signals.organisation_changed.send(sender=Organisation, organisation_id=pk)
            )


class User(AbstractUser):
    """An account; residents are known publicly only by their chosen display name."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

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
    auto_follow = models.BooleanField(
        default=True,
        help_text="Commenting on a page or reporting a problem follows it (the person's choice).",
    )
    # No choices here: the languages come from settings (a council may add one) and a form checks them.
    language = models.CharField(
        max_length=15,
        blank=True,
        default="",
        help_text="The language pages and emails are in for this person (blank: the site's default).",
    )

    # Set on the user object for one request or socket (civic.roles, civic.twofactor), never stored.
    _civic_roles: frozenset[str] | None
    _civic_second_factor: bool
    _civic_has_totp: bool | None

    def __str__(self) -> str:
        return self.public_name

    def get_full_name(self) -> str:
        """What Wagtail's admin greets and credits people by: the public name, not the username."""
        return self.public_name

    def get_short_name(self) -> str:
        """Greetings use the public name too (the first name is private)."""
        return self.public_name

    @property
    def public_name(self) -> str:
        """The only name shown to other people: never the real name or email."""
        return self.public_name_for(self.pk, self.display_name)

    @staticmethod
    def public_name_for(pk: int, display_name: str) -> str:
        """The public-name rule for code holding only a row's values (search rebuilds)."""
        return display_name or f"Participant {pk}"

    @property
    def is_suspended(self) -> bool:
        return bool(self.suspended_until and self.suspended_until > timezone.now())


class HomePage(Translatable, Page):  # type: ignore[misc]  # Wagtail has no type information
    """The site's front page: open consultations first, then recent results (see civic.sections)."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]  # the site root only
    # No subpage_types here: the core names no feature. Features say where their pages go
    # (ConsultationIndexPage.parent_page_types), so only they can be made under the home page.

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from . import sections

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(sections.context_for(sections.HOME_PAGE, request))  # features fill it in
        return context

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        """Follows the path from the page the last request with it reached, while no page was
        published, moved or deleted since (the page cache's site token): one query instead of two a
        level, and none of the pages above it built."""
        from . import pagecache

        key = (
            pagecache.fragment_key(extra=f"route:{self.pk}:{'/'.join(path_components)}")
            if path_components
            else ""
        )
        if key:
            found = pagecache.get_part(pagecache.part_key(key))
            page = _live_page(*found) if found is not None else None
            if page is not None:
                return RouteResult(page)
        result = self.route_by_path(request, path_components)
        if key and not result.args and not result.kwargs:
            pagecache.set_part(pagecache.part_key(key), (result.page.pk, result.page.content_type_id))
        return result

    def route_by_path(self, request: HttpRequest, path_components: list[str]) -> Any:
        """A path the Welsh home cannot follow (a page not translated yet) is looked up from the
        English home: the reader gets the English page with a note (civic.bilingual), not a 404."""
        try:
            return super().route(request, path_components)
        except Http404:
            canonical = self.canonical
            if canonical is self or not path_components:
                raise
            return canonical.route(request, path_components)


def _live_page(page_id: int, content_type_id: int) -> Page | None:
    """The live page of this id, as its own type, in one query."""
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        return None
    found: Page | None = model._default_manager.filter(pk=page_id, live=True).first()
    return found


INFORMATION_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class InformationPage(Translatable, Page):  # type: ignore[misc]  # Wagtail has no type information
    """A page the council must publish and edits itself (privacy notice, accessibility statement,
    cookies, house rules, contact): each kind once, linked from every page's footer."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", "Privacy notice"
        ACCESSIBILITY = "accessibility", "Accessibility statement"
        COOKIES = "cookies", "Cookies"
        HOUSE_RULES = "house-rules", "House rules"
        CONTACT = "contact", "Contact"
        OTHER = "other", "Other information"

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text="What this page is for: each kind but 'Other' exists once, and Civic links to it "
        "(house rules from every comment form).",
    )
    intro = models.TextField(blank=True, max_length=600, help_text="One or two sentences shown first.")
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", max_length=120)),
            ("paragraph", blocks.RichTextBlock(features=INFORMATION_FEATURES)),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["civic.HomePage"]
    subpage_types: list[str] = []

    def clean(self) -> None:
        super().clean()
        if self.kind != self.Kind.OTHER:
            # once per language: a page's Welsh translation is the same kind of page
            others = InformationPage.objects.filter(kind=self.kind, locale_id=self.locale_id).exclude(
                pk=self.pk
            )
            if others.exists():
                raise ValidationError({"kind": f"There is already a {self.get_kind_display().lower()} page."})


class AgeBand(models.TextChoices):
    """Census 2021 age bands (adults and young people who can take part)."""

    UNDER_16 = "under-16", gettext_lazy("Under 16")
    A16_24 = "16-24", gettext_lazy("16 to 24")
    A25_34 = "25-34", gettext_lazy("25 to 34")
    A35_44 = "35-44", gettext_lazy("35 to 44")
    A45_54 = "45-54", gettext_lazy("45 to 54")
    A55_64 = "55-64", gettext_lazy("55 to 64")
    A65_74 = "65-74", gettext_lazy("65 to 74")
    A75_PLUS = "75-plus", gettext_lazy("75 and over")


class Disability(models.TextChoices):
    """Census 2021 disability question (Equality Act definition)."""

    LIMITED_A_LOT = "limited-a-lot", gettext_lazy("Disabled: day-to-day activities limited a lot")
    LIMITED_A_LITTLE = "limited-a-little", gettext_lazy("Disabled: day-to-day activities limited a little")
    NOT_DISABLED = "not-disabled", gettext_lazy("Not disabled")


class Ethnicity(models.TextChoices):
    """Census 2021 high-level ethnic groups (England and Wales)."""

    ASIAN = "asian", gettext_lazy("Asian, Asian British or Asian Welsh")
    BLACK = "black", gettext_lazy("Black, Black British, Black Welsh, Caribbean or African")
    MIXED = "mixed", gettext_lazy("Mixed or Multiple ethnic groups")
    WHITE = "white", gettext_lazy("White")
    OTHER = "other", gettext_lazy("Other ethnic group")


class ParticipantProfile(models.Model):
    """Optional equality details a resident chose to share; only counted in groups of 5 or more."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="participant_profile")
    consented_at = models.DateTimeField(null=True, blank=True)
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    ward = models.ForeignKey("Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    disability = models.CharField(max_length=20, choices=Disability.choices, blank=True)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of participant {self.user_id}"

    @property
    def has_consented(self) -> bool:
        return self.consented_at is not None


@register_snippet
class WardCouncillor(models.Model):
    """The ward a councillor represents: the default of the 'my ward' filter in summaries."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="ward_councillor")
    ward = models.ForeignKey("Area", on_delete=models.CASCADE, related_name="councillors")

    panels = [FieldPanel("user"), FieldPanel("ward")]

    def __str__(self) -> str:
        return f"{self.user.public_name}: {self.ward.name}"


class AreaQuerySet(models.QuerySet["Area"]):
    def wards(self) -> "AreaQuerySet":
        return self.filter(kind=Area.Kind.WARD)

    def containing(self, lat: float, lon: float) -> "AreaQuerySet":
        """Areas whose bounding box holds the point (exact test is Area.contains)."""
        return self.filter(min_lat__lte=lat, max_lat__gte=lat, min_lon__lte=lon, max_lon__gte=lon)


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
    # Bounding box, kept in step with the geometry so lookups scan only likely areas.
    min_lat = models.FloatField(null=True, blank=True, editable=False)
    max_lat = models.FloatField(null=True, blank=True, editable=False)
    min_lon = models.FloatField(null=True, blank=True, editable=False)
    max_lon = models.FloatField(null=True, blank=True, editable=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        db_table = "mapping_area"  # moved from mapping with its data; the table keeps its name
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        box = geo.bbox(self.geometry) if self.geometry else None
        self.min_lon, self.min_lat, self.max_lon, self.max_lat = box or (None, None, None, None)
        super().save(*args, **kwargs)

    def contains(self, lat: float, lon: float) -> bool:
        return geo.geometry_contains(self.geometry, lon, lat)


class GazetteerEntry(models.Model):
    """A street or landmark residents can search for instead of using the map."""

    class Kind(models.TextChoices):
        STREET = "street", "Street"
        LANDMARK = "landmark", "Landmark"

    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STREET)
    latitude = models.FloatField()
    longitude = models.FloatField()
    ward = models.ForeignKey(Area, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        db_table = "mapping_gazetteerentry"
        ordering = ["name"]
        verbose_name_plural = "gazetteer entries"
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="unique_gazetteer_name")]

    def __str__(self) -> str:
        return self.name


class NotificationKind(models.TextChoices):
    """What a notification is about; each kind has its own preference (civic.notifications.DEFAULTS)."""

    REPLY = "reply", gettext_lazy("Replies to your comments")
    OFFICIAL_RESPONSE = (
        "official_response",
        gettext_lazy("Official responses in conversations you took part in"),
    )
    RESULTS = (
        "results",
        gettext_lazy("Results and “you said, we did” for consultations and proposals you follow"),
    )
    CONSULTATION_DATES = (
        "consultation_dates",
        gettext_lazy("Consultations you follow opening, closing soon and closing"),
    )
    NEW_CONSULTATION = (
        "new_consultation",
        gettext_lazy("New consultations in your ward or on topics you choose"),
    )
    REPORT_STATUS = "report_status", gettext_lazy("Progress on problems you reported or follow")


class Frequency(models.TextChoices):
    """How often a kind of notification is emailed (digests are sent by a later task)."""

    IMMEDIATELY = "immediately", gettext_lazy("Email me straight away")
    DAILY = "daily", gettext_lazy("Email me a daily summary")
    WEEKLY = "weekly", gettext_lazy("Email me a weekly summary")
    NEVER = "never", gettext_lazy("Never: no email, and nothing on my account page")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something a person should hear about, shown on their account page and emailed as they chose."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    class Email(models.TextChoices):
        """How this row reaches email: decided from the preference when it was created."""

        IMMEDIATELY = "immediately", "At once"
        DAILY = "daily", "Daily summary"
        WEEKLY = "weekly", "Weekly summary"
        NONE = "none", "Not emailed"

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True, help_text="Plain text.")
    url = models.CharField(max_length=500, blank=True, help_text="A path on this site.")
    dedupe_key = models.CharField(max_length=120, help_text="One row per recipient per event.")
    email = models.CharField(max_length=12, choices=Email.choices, default=Email.NONE)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "dedupe_key"], name="unique_notification_per_event")
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(fields=["dedupe_key", "email"], name="notification_outbox"),
            # The email task's next batch, in order, without stepping over the rows already sent
            # (20,000 followers: a claim read every sent row again, ever slower as sending went on).
            models.Index(
                fields=["dedupe_key", "id"],
                condition=models.Q(email="immediately", emailed_at__isnull=True),
                name="notification_unsent",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """A person's choice for one kind; without a row the kind's default applies."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notification_preferences")
    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    frequency = models.CharField(max_length=12, choices=Frequency.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_preference")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.frequency}"


BRAND_CACHE_KEY = "civic:brand"  # every site's brand values, one cache read per request (civic.brand)
DEFAULT_BRAND_COLOUR = "#1d4f91"  # the GOV.UK-like theme's blue (static/css/civic.css --brand)


def default_site_name() -> str:
    from django.conf import settings  # noqa: PLC0415 - read when a row is made, not at import

    return str(settings.WAGTAIL_SITE_NAME)


def validate_link_address(value: str) -> None:
    """A footer link goes to a path on this site, a web address or an email address."""
    if not value.startswith(("/", "https://", "http://", "mailto:")) or any(ch.isspace() for ch in value):
        raise ValidationError(
            "Enter a path starting with /, a web address starting with https://, or mailto:."
        )


class FooterLinkBlock(blocks.StructBlock):  # type: ignore[misc]  # Wagtail has no type information
    label = blocks.CharBlock(max_length=80)
    address = blocks.CharBlock(
        max_length=300, validators=[validate_link_address], help_text="/path, https://… or mailto:…"
    )


@register_setting(icon="image")
class Brand(BaseSiteSetting):  # type: ignore[misc]  # Wagtail has no type information
    """The council's name, logo, colour, footer links and email sender, per site (civic.brand reads
    them, cached)."""

    site_name = models.CharField(
        max_length=80,
        default=default_site_name,
        help_text="Shown in every page's header and title, and in emails.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown beside the name in the header (up to 60 pixels high).",
    )
    primary_colour = models.CharField(
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[validate_brand_colour],
        help_text="Header background and links, as #rrggbb; at least 4.5:1 contrast with white.",
    )
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True, use_json_field=True)
    email_sender_name = models.CharField(
        max_length=80, blank=True, help_text="The name emails come from; empty: the site name."
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("logo"), FieldPanel("primary_colour")], heading="Look"
        ),
        FieldPanel("footer_links"),
        FieldPanel("email_sender_name"),
    ]

    class Meta:
        verbose_name = "brand"


class PersonalDataExport(models.Model):
    """A large 'download my data' file built in the background: the emailed link opens it once,
    for its owner, until it expires; retention then deletes the file and the row."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        QUEUED = "queued", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file_name = models.CharField(max_length=200, blank=True, help_text="In the private export storage.")
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.status})"


from .addresses import Address  # noqa: E402, F401 - its own module (places people find), registered here
