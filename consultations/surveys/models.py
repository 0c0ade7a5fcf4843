"""A survey inside a consultation (a Wagtail page officers build) and residents' responses to it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..models import RICH_FEATURES, Comment, ConsultationPage, OrganisationPage
from .blocks import QuestionsBlock
from .page_forms import SurveyPageForm
from .questions import Question, questions_from_stream


class SurveyPage(OrganisationPage, Page):
    """Structured questions for residents, open while its consultation is open."""

    intro = RichTextField(blank=True, features=RICH_FEATURES, help_text="What the survey is for.")
    questions = StreamField(
        QuestionsBlock(),
        blank=True,
        help_text="Once people have answered, questions and options with answers cannot be removed.",
    )

    class Layout(models.TextChoices):
        ALL = "all", "All questions on one page"
        PAGED = "paged", "One question per page"

    layout = models.CharField(
        max_length=10,
        choices=Layout.choices,
        default=Layout.ALL,
        help_text="One question per page suits long or conditional surveys, and people on phones.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("layout"),
        FieldPanel("questions"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types: list[str] = []
    base_form_class = SurveyPageForm
    template = "consultations/surveys/survey_page.html"

    @property
    def consultation(self) -> ConsultationPage:
        """The consultation this survey belongs to: its dates and owners rule the survey."""
        if not hasattr(self, "_consultation"):
            self._consultation = ConsultationPage.objects.parent_of(self).with_owners().get()
        return self._consultation

    def question_list(self) -> list[Question]:
        """The current questions as plain records (cached on the instance)."""
        if not hasattr(self, "_questions"):
            self._questions = questions_from_stream(self.questions)
        return self._questions

    def save(self, *args, **kwargs):
        """Publishing keeps each question's wording, so results can say which one people saw."""
        saved = super().save(*args, **kwargs)
        if self.live and self.pk:
            from .wordings import record_wordings

            self.__dict__.pop("_questions", None)
            record_wordings(self)
        return saved

    def get_context(self, request, *args, **kwargs):
        from .views import survey_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(survey_page_context(request, self))
        return context


class SurveyResponseQuerySet(models.QuerySet["SurveyResponse"]):
    def submitted(self) -> "SurveyResponseQuerySet":
        """Responses that count: a draft nobody submitted is not a response."""
        return self.filter(submitted_at__isnull=False)


class SurveyResponse(models.Model):
    """One person's answers to one survey, keyed by question id; changeable while it is open.

    `draft` holds answers checked but not yet confirmed on the check-your-answers page; `answers`
    are the submitted ones the results count."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="responses")
    # Empty once the respondent erased their account: the answers still count, linked to nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="survey_responses"
    )
    answers = models.JSONField(default=dict, blank=True)
    draft = models.JSONField(null=True, blank=True)
    # question id -> the fingerprint of the wording shown when the answers were sent (QuestionWording)
    wording = models.JSONField(default=dict, blank=True)
    channel = models.CharField(max_length=10, choices=Comment.Channel.choices, default=Comment.Channel.ONLINE)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["survey", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="one_survey_response_per_user")
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.survey_id}"


class QuestionWording(models.Model):
    """A wording a survey question was published with: the text behind a response's fingerprint."""

    survey = models.ForeignKey(SurveyPage, on_delete=models.CASCADE, related_name="wordings")
    question_id = models.CharField(max_length=64)
    digest = models.CharField(max_length=16)
    label = models.CharField(max_length=300)
    options = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "question_id", "digest"], name="one_wording_per_digest")
        ]

    def __str__(self):
        return self.label
