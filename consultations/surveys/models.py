"""A survey inside a consultation (a Wagtail page officers build) and residents' responses to it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..models import RICH_FEATURES, Comment, ConsultationPage, OrganisationPage
from .blocks import QuestionsBlock
from .page_forms import SurveyPageForm
from .questions import Question, questions_from_stream


class SurveyPage(OrganisationPage, Page):
    """Structured questions for residents, open while its consultation is open."""

    intro = RichTextField(blank=True, features=RICH_FEATURES, help_text=_("What the survey is for."))
    questions = StreamField(
        QuestionsBlock(),
        blank=True,
        help_text=_("Once people have answered, questions and options with answers cannot be removed."),
    )

    class Layout(models.TextChoices):
        ALL = "all", _("All questions on one page")
        PAGED = "paged", _("One question per page")

    layout = models.CharField(
        max_length=10,
        choices=Layout.choices,
        default=Layout.ALL,
        help_text=_("One question per page suits long or conditional surveys, and people on phones."),
    )

    allow_anonymous = models.BooleanField(
        default=False,
        verbose_name=_("Let people answer without an account"),
        help_text=_("One response per browser session while the survey is open, and limited per address."),
    )
    confirm_by_email = models.BooleanField(
        default=False,
        verbose_name=_("Ask people without an account to confirm by email"),
        help_text=_("Their answers count only once they follow the link emailed to them."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("layout"),
        FieldPanel("questions"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("allow_anonymous"), FieldPanel("confirm_by_email")], _("Who can answer"))
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
        """Responses that count: a draft nobody submitted, or one waiting for its emailed link to be
        followed, is not a response."""
        return self.filter(submitted_at__isnull=False, awaiting_confirmation=False)


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
    # Without an account: the browser session's own random token (one response per session), and
    # until the emailed link is followed, the address it went to; afterwards only a keyed digest of
    # it, so a second confirmation from the same address replaces the first response.
    respondent_token = models.UUIDField(null=True, blank=True, editable=False)
    contact_email = models.EmailField(blank=True)
    email_digest = models.CharField(max_length=64, blank=True, editable=False)
    awaiting_confirmation = models.BooleanField(default=False)
    # Assisted digital: answers received on paper or by phone, typed in by an officer.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entered_survey_responses",
    )
    respondent_name = models.CharField(max_length=120, blank=True)
    respondent_postcode = models.CharField(max_length=10, blank=True)
    consent_recorded = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["survey", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="one_survey_response_per_user"),
            models.UniqueConstraint(
                fields=["survey", "respondent_token"], name="one_survey_response_per_session"
            ),
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


class SurveyAnswerTheme(models.Model):
    """Puts one free-text answer in one of the consultation's themes, beside the comments
    (summaries.services.build_themes); quote_rank marks the answers quoted for the theme."""

    wagtail_reference_index_ignore = True  # resident data: no Wagtail usage links, no task per save

    theme = models.ForeignKey("consultations.Theme", on_delete=models.CASCADE, related_name="survey_answers")
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="themes")
    question_id = models.CharField(max_length=64)
    weight = models.FloatField(default=0)
    quote_rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["theme", "quote_rank"])]
        constraints = [
            models.UniqueConstraint(fields=["response", "question_id"], name="one_theme_per_survey_answer")
        ]

    def __str__(self):
        return f"Answer {self.response_id}/{self.question_id} in {self.theme_id}"

    @property
    def text(self) -> str:
        return str(self.response.answers.get(self.question_id) or "")

    @property
    def question(self) -> Question | None:
        """The question as the survey asks it now (its wording may have changed since)."""
        return next((q for q in self.response.survey.question_list() if q.id == self.question_id), None)
