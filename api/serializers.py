"""What each resource looks like: public fields only (authors by display name, never emails or names)."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from civic import languages
from civic.converters import parse_id
from civic.models import Area, Organisation
from consultations.models import (
    Comment,
    ConsultationPage,
    ModerationDecision,
    ModerationReason,
    ProposalPage,
    Stance,
    State,
    Topic,
    Vote,
)
from consultations.moderation import MAX_NOTE
from consultations.summaries.models import FeedbackResponse
from mapping.models import IssueCategory, IssueReport, Status, StatusChange

from .conventions import StrictSerializer

NEW_REPORT_STATUSES = [c for c in Status.choices if c[0] != Status.DUPLICATE]  # duplicates are merged
LISTED_COMMENT_STATUSES = [
    (Comment.Status.PUBLISHED, "Published"),
    (Comment.Status.PENDING, "Awaiting moderation"),
]
COMMENT_STATUSES = Comment.Status.choices


class IdField(serializers.IntegerField):
    """A database id as every URL and web form takes it: ASCII digits only (int() reads '٣' as 3)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 10**18 - 1)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if parse_id(data if isinstance(data, int) else str(data).strip()) is None:
            self.fail("invalid")
        return int(super().to_internal_value(data))


ID = IdField()


def _page_url(page: Any, context: dict[str, Any]) -> str:
    request = context.get("request")
    django_request = getattr(request, "_request", None)
    url = page.get_url(request=django_request) or ""
    return django_request.build_absolute_uri(url) if django_request is not None and url else url


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "slug"]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["name", "slug"]


class ConsultationSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    state = serializers.ChoiceField(choices=State.choices, read_only=True)
    lead_organisation = OrganisationSerializer(read_only=True)
    partner_organisations = OrganisationSerializer(many=True, read_only=True)
    topics = TopicSerializer(many=True, read_only=True)

    class Meta:
        model = ConsultationPage
        fields = [
            "id", "title", "slug", "url", "summary", "state", "opens_at", "closes_at", "results_published",
            "lead_organisation", "partner_organisations", "topics",
        ]  # fmt: skip

    def get_url(self, page: ConsultationPage) -> str:
        return _page_url(page, self.context)


class TallySerializer(serializers.Serializer):
    support = serializers.IntegerField()
    oppose = serializers.IntegerField()
    total = serializers.IntegerField()


class ParagraphSerializer(serializers.Serializer):
    id = serializers.CharField(
        help_text="Stable block id: comment on this paragraph by giving it as `paragraph`."
    )
    number = serializers.IntegerField(help_text="Its place in the proposal's text now, from 1.")
    text = serializers.CharField(help_text="Plain text of the paragraph as published.")


class ProposalSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    consultation = serializers.SerializerMethodField()
    tally = serializers.SerializerMethodField()
    paragraphs = serializers.SerializerMethodField(
        help_text="What the proposal would change, paragraph by paragraph."
    )
    latitude = serializers.FloatField(allow_null=True, read_only=True)
    longitude = serializers.FloatField(allow_null=True, read_only=True)

    class Meta:
        model = ProposalPage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "consultation",
            "location_name",
            "latitude",
            "longitude",
            "tally",
            "paragraphs",
        ]

    def get_url(self, page: ProposalPage) -> str:
        return _page_url(page, self.context)

    def get_consultation(self, page: ProposalPage) -> int:
        return int(self.context["consultation_ids"][page.pk])

    @extend_schema_field(TallySerializer)
    def get_tally(self, page: ProposalPage) -> dict[str, int]:
        tally = self.context["tallies"][page.pk]
        return {"support": tally.support, "oppose": tally.oppose, "total": tally.total}

    @extend_schema_field(ParagraphSerializer(many=True))
    def get_paragraphs(self, page: ProposalPage) -> list[dict[str, Any]]:
        return [{"id": p.id, "number": p.number, "text": p.text} for p in page.paragraphs()]


def language_read_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=languages.choices(),
        read_only=True,
        help_text="The language the resident wrote in (one of the site's languages, e.g. en-gb, cy).",
    )


def language_write_field(thing: str) -> serializers.ChoiceField:
    """An optional language for a new contribution; another code is refused (400)."""
    return serializers.ChoiceField(
        choices=languages.choices(),
        required=False,
        help_text=f"The language the {thing} is written in; without it, the request's language "
        "(Accept-Language), else the site's main language.",
    )


class ParagraphRefSerializer(serializers.Serializer):
    """The proposal paragraph a comment is about, with its text as it read when the comment was written."""

    id = serializers.CharField(help_text="The paragraph's block id: stable while the paragraph is edited.")
    text = serializers.CharField(help_text="The paragraph as it read when the comment was written.")


class CommentSerializer(serializers.ModelSerializer):
    consultation = serializers.IntegerField(source="consultation_id", read_only=True)
    proposal = serializers.IntegerField(source="proposal_id", read_only=True, allow_null=True)
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True)
    paragraph = serializers.SerializerMethodField(
        help_text="The proposal paragraph this comment is about; null for a comment on the whole page."
    )
    author = serializers.CharField(
        source="author_name", read_only=True, help_text="Public display name only."
    )
    stance = serializers.ChoiceField(choices=Stance.choices, read_only=True)
    status = serializers.ChoiceField(
        choices=LISTED_COMMENT_STATUSES,
        read_only=True,
        help_text="Lists show published comments; a new one on a pre-moderated consultation is pending.",
    )
    language = language_read_field()

    class Meta:
        model = Comment
        fields = [
            "id", "consultation", "proposal", "parent", "paragraph", "author", "body", "language", "stance",
            "status", "is_official", "pinned", "locked", "created_at",
        ]  # fmt: skip

    @extend_schema_field(ParagraphRefSerializer(allow_null=True))
    def get_paragraph(self, comment: Comment) -> dict[str, str] | None:
        if not comment.paragraph:
            return None
        return {"id": comment.paragraph, "text": comment.paragraph_text}


class CommentCreateSerializer(StrictSerializer):
    consultation = ID
    proposal = IdField(required=False, allow_null=True)
    parent = IdField(required=False, allow_null=True)
    paragraph = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=36,
        default="",
        help_text="One of the proposal's paragraph ids (see proposals) to comment on that paragraph.",
    )
    body = serializers.CharField(min_length=2, max_length=20000, trim_whitespace=False)
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.NEUTRAL)
    client_token = serializers.UUIDField(required=False, allow_null=True, help_text="Repeat-safe retries.")
    language = language_write_field("comment")


class VoteCreateSerializer(StrictSerializer):
    choice = serializers.ChoiceField(choices=Vote.Choice.choices)


class VoteResultSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    choice = serializers.ChoiceField(choices=Vote.Choice.choices)
    changed = serializers.BooleanField()
    tally = TallySerializer()


class FeedbackResponseSerializer(serializers.ModelSerializer):
    consultation = serializers.IntegerField(source="consultation_id", read_only=True)
    proposal = serializers.IntegerField(source="proposal_id", read_only=True, allow_null=True)
    theme = serializers.CharField(source="theme.label", read_only=True, allow_null=True, default=None)

    class Meta:
        model = FeedbackResponse
        fields = ["id", "consultation", "proposal", "theme", "you_said", "we_did", "published_at"]


class ThemeCountSerializer(serializers.Serializer):
    label = serializers.CharField()
    comments = serializers.IntegerField(help_text="Published comments in this theme.")
    signed_off = serializers.BooleanField(help_text="False while the theme is a machine suggestion.")


class SummarySerializer(serializers.Serializer):
    consultation = serializers.IntegerField()
    comments = serializers.IntegerField(help_text="Published comments summarised.")
    themes = ThemeCountSerializer(many=True)
    responses = FeedbackResponseSerializer(many=True)


class CategorySerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = IssueCategory
        fields = ["slug", "name", "service_code", "description", "group", "organisation"]


class WardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = ["slug", "name", "code"]


class StatusChangeSerializer(serializers.ModelSerializer):
    from_status = serializers.CharField(read_only=True, help_text="Empty for the first step.")
    to_status = serializers.ChoiceField(choices=Status.choices, read_only=True)

    class Meta:
        model = StatusChange
        fields = ["from_status", "to_status", "note", "created_at"]


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    ward = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    language = language_read_field()

    class Meta:
        model = IssueReport
        fields = [
            "id", "url", "title", "description", "language", "status", "category", "organisation", "ward",
            "latitude", "longitude", "location_text", "created_at", "updated_at",
        ]  # fmt: skip

    def get_url(self, report: IssueReport) -> str:
        request = self.context["request"]
        return str(request.build_absolute_uri(report.get_absolute_url()))


class ReportDetailSerializer(ReportSerializer):
    history = StatusChangeSerializer(many=True, read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "history"]


class ReportCreateSerializer(StrictSerializer):
    category = serializers.SlugField(max_length=100, help_text="A category's slug (see /api/v1/categories/).")
    title = serializers.CharField(min_length=3, max_length=2000, trim_whitespace=False)
    description = serializers.CharField(min_length=3, max_length=20000, trim_whitespace=False)
    latitude = serializers.FloatField(min_value=-90, max_value=90)
    longitude = serializers.FloatField(min_value=-180, max_value=180)
    location_text = serializers.CharField(max_length=MAX_NOTE, required=False, allow_blank=True, default="")
    language = language_write_field("report")


class StatusChangeCreateSerializer(StrictSerializer):
    status = serializers.ChoiceField(choices=NEW_REPORT_STATUSES)
    note = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")


class QueueItemSerializer(serializers.ModelSerializer):
    consultation = serializers.IntegerField(source="consultation_id", read_only=True)
    proposal = serializers.IntegerField(source="proposal_id", read_only=True, allow_null=True)
    author = serializers.CharField(source="author_name", read_only=True)
    status = serializers.ChoiceField(choices=COMMENT_STATUSES, read_only=True)
    stance = serializers.ChoiceField(choices=Stance.choices, read_only=True)
    language = language_read_field()

    class Meta:
        model = Comment
        fields = [
            "id",
            "consultation",
            "proposal",
            "author",
            "body",
            "language",
            "stance",
            "status",
            "flag_count",
            "queued_at",
        ]


class DecisionCreateSerializer(StrictSerializer):
    comments = serializers.ListField(child=ID, min_length=1, max_length=100)
    decision = serializers.ChoiceField(choices=ModerationDecision.Decision.choices)
    reason = serializers.ChoiceField(
        choices=ModerationReason.choices, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(max_length=MAX_NOTE, required=False, allow_blank=True, default="")


class DecisionResultSerializer(serializers.Serializer):
    decided = serializers.ListField(child=serializers.IntegerField())
    decision = serializers.ChoiceField(choices=ModerationDecision.Decision.choices)


class ErrorSerializer(serializers.Serializer):
    """The one error body."""

    code = serializers.CharField(
        help_text="A short machine-readable reason, e.g. invalid, not_authenticated."
    )
    message = serializers.CharField(help_text="A sentence safe to show to a person.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per request field, for bad input.",
    )
