"""Thin views for surveys: the page's form, check your answers, submit, results and the CSV."""

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civic import clientip
from civic.exports import stream_csv
from civic.twofactor import staff_second_factor_required

from ..permissions import can_view_page
from ..services import ParticipationError
from . import assisted, confirmation, permissions, progress, services
from .models import SurveyPage, SurveyResponse
from .questions import FieldState, Question, raw_from_post, shown_questions

STATUS_FOR_CODE = {"forbidden": 403, "rate_limited": 429, "not_found": 404}
SAVED_FOR_LATER = gettext_lazy(
    "Your answers so far are saved. Sign in and come back to this page to finish them; "
    "they are not sent until you check and send them."
)


def browser_days() -> int:
    """How long a browser session (and so a draft kept without an account) lasts, in whole days."""
    return max(1, settings.SESSION_COOKIE_AGE // 86400)


def saved_in_browser_only() -> str:
    """Without an account a draft is found by the browser session alone: say so, and for how long."""
    days = browser_days()
    return ngettext(
        "Your answers so far are saved in this browser only, for up to %(days)s day. "
        "To finish them, come back to this page on the same device and browser; clearing its "
        "cookies loses them, and signing in does not bring them with you. They are not sent until "
        "you check and send them.",
        "Your answers so far are saved in this browser only, for up to %(days)s days. "
        "To finish them, come back to this page on the same device and browser; clearing its "
        "cookies loses them, and signing in does not bring them with you. They are not sent until "
        "you check and send them.",
        days,
    ) % {"days": days}


def paged(survey: SurveyPage) -> bool:
    return survey.layout == SurveyPage.Layout.PAGED


def question_url(survey: SurveyPage, question: Question) -> str:
    return reverse("consultations:survey_question", args=[survey.pk, question.id])


def carry_on_url(survey: SurveyPage, answers: dict[str, Any]) -> str:
    """Where someone answering one question per page carries on: the next question, or the check."""
    question = progress.resume_at(survey.question_list(), answers)
    if question is None:
        return reverse("consultations:survey_check", args=[survey.pk])
    return question_url(survey, question)


def _raw_from_stored(questions: list[Question], answers: dict[str, Any]) -> dict[str, Any]:
    """Stored answers in the shape a form sends them, to fill the form in again."""
    raw: dict[str, Any] = {}
    for q in questions:
        value = answers.get(q.id)
        if q.kind == "date" and isinstance(value, str):
            try:
                d = datetime.date.fromisoformat(value)
            except ValueError:
                continue
            raw[q.id] = (str(d.day), str(d.month), str(d.year))
        elif value is not None:
            raw[q.id] = value if isinstance(value, list) else str(value)
    return raw


def build_fields(questions: list[Question], raw: dict[str, Any], errors: dict[str, str]) -> list[FieldState]:
    fields = []
    for q in questions:
        value = raw.get(q.id)
        state = FieldState(question=q, error=errors.get(q.id, ""))
        if q.kind == "date":
            state.date_parts = (
                tuple(value) if isinstance(value, tuple | list) and len(value) == 3 else ("", "", "")
            )
        elif q.kind == "multiple_choice":
            state.chosen = [str(v) for v in value] if isinstance(value, list) else []
        elif q.kind == "ranking":
            if isinstance(value, list):  # stored: option ids in order
                value = {option_id: str(i) for i, option_id in enumerate(value, 1)}
            given = value if isinstance(value, dict) else {}
            state.ranks = [(o, label, str(given.get(o) or "")) for o, label in q.options]
        elif q.kind == "ward" and q.ask == "postcode" and value in q.option_labels:
            state.value = q.option_labels[value]  # the ward's name, which the box accepts again
        else:
            state.value = value if isinstance(value, str) else ""
        fields.append(state)
    return fields


def survey_page_context(request, survey: SurveyPage) -> dict:
    """The survey page: the questions with this person's answers so far, or why they cannot answer."""
    questions = survey.question_list()
    response = services.my_response(request.user, survey, request.session)
    stored = progress.answers_so_far(response)
    has_draft = response is not None and response.draft is not None
    # a draft carries on where it was left; sent answers are changed from the first question
    start_url = carry_on_url(survey, stored if has_draft else {}) if paged(survey) else ""
    return {
        "paged": paged(survey),
        "start_url": start_url,
        "has_draft": has_draft,
        "browser_days": browser_days(),
        "survey": survey,
        "consultation": survey.consultation,
        "can_answer": permissions.can_answer(request.user, survey),
        "answers_anonymously": permissions.answers_anonymously(request.user, survey),
        "can_view_results": permissions.can_view_results(request.user, survey, session=request.session),
        "can_enter_responses": permissions.can_enter_responses(request.user, survey),
        "my_response": response,
        "fields": build_fields(questions, _raw_from_stored(questions, stored), {}),
        "errors": [],
    }


def _survey(request, page_id: int) -> SurveyPage:
    survey = get_object_or_404(SurveyPage, pk=page_id)
    if not can_view_page(request.user, survey, session=request.session):
        raise Http404("No such survey")
    return survey


def _render_page(request, survey: SurveyPage, status: int, **overrides):
    context = survey.get_context(request)
    context.update(overrides)
    return TemplateResponse(request, survey.get_template(request), context, status=status)


@require_POST
def save_answers(request, page_id: int):
    """The survey form: answers checked, kept, and shown back on the check-your-answers page."""
    survey = _survey(request, page_id)
    if _must_sign_in(request, survey):
        return redirect_to_login(survey.url)
    later = "later" in request.POST
    try:
        if later:
            progress.save_for_later(
                user=request.user,
                survey=survey,
                data=request.POST,
                session=request.session,
                address=clientip.for_request(request),
            )
        else:
            services.save_answers(
                user=request.user,
                survey=survey,
                data=request.POST,
                session=request.session,
                address=clientip.for_request(request),
            )
    except services.SurveyAnswersInvalid as exc:
        questions = survey.question_list()
        fields = build_fields(questions, raw_from_post(questions, request.POST), exc.errors)
        return _render_page(request, survey, 400, fields=fields, errors=[f for f in fields if f.error])
    except ParticipationError as exc:
        if exc.code == "not_found":
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
        return _render_page(request, survey, STATUS_FOR_CODE.get(exc.code, 400))
    if later:
        anonymous = permissions.answers_anonymously(request.user, survey)
        messages.success(request, saved_in_browser_only() if anonymous else SAVED_FOR_LATER)
        return redirect(f"{survey.url}#survey-draft")
    return redirect("consultations:survey_check", page_id=survey.pk)


def _must_sign_in(request, survey: SurveyPage) -> bool:
    return not request.user.is_authenticated and not survey.allow_anonymous


def check_answers(request, page_id: int):
    """Check your answers before sending them (each with a link back to change it)."""
    survey = _survey(request, page_id)
    if _must_sign_in(request, survey):
        return redirect_to_login(request.get_full_path())
    response = services.my_response(request.user, survey, request.session)
    if response is None or response.draft is None:
        return redirect(survey.url)
    missing = progress.first_unanswered(survey.question_list(), response.draft)
    if missing is not None:  # saved for later part way: carry on first
        messages.info(
            request, _("Answer “%(question)s” before you check your answers.") % {"question": missing.label}
        )
        return redirect(
            question_url(survey, missing) if paged(survey) else f"{survey.url}#{missing.field_name}"
        )
    return _check_page(request, survey, response)


def _check_page(
    request, survey: SurveyPage, response, *, email: str = "", error: str = "", status: int = 200
):
    sections: list[tuple[str, list[tuple[Question, str, str]]]] = []
    for q in shown_questions(survey.question_list(), response.draft):
        if not sections or sections[-1][0] != q.section:
            sections.append((q.section, []))
        change = f"{question_url(survey, q)}?change=1" if paged(survey) else f"{survey.url}#{q.field_name}"
        sections[-1][1].append((q, q.display(response.draft.get(q.id)), change))
    return TemplateResponse(
        request,
        "consultations/surveys/check_answers.html",
        {
            "survey": survey,
            "page": survey,
            "sections": sections,
            "changing": response.submitted_at is not None and not response.awaiting_confirmation,
            "can_answer": permissions.can_answer(request.user, survey),
            "ask_email": services.needs_confirmation(request.user, survey, response),
            "email": email or response.contact_email,
            "email_error": error,
        },
        status=status,
    )


@require_POST
def submit(request, page_id: int):
    """Send the checked answers: they become (or replace) this person's response."""
    survey = _survey(request, page_id)
    if _must_sign_in(request, survey):
        return redirect_to_login(survey.url)
    email = request.POST.get("email", "")[:300]
    try:
        response = services.submit_response(
            user=request.user,
            survey=survey,
            session=request.session,
            address=clientip.for_request(request),
            email=email,
        )
    except services.SurveyEmailInvalid as exc:
        stored = services.my_response(request.user, survey, request.session)
        if stored is None or stored.draft is None:
            return redirect(survey.url)
        return _check_page(request, survey, stored, email=email, error=exc.message, status=400)
    except services.SurveyAnswersInvalid as exc:
        questions = survey.question_list()
        if paged(survey):
            wrong = next(q for q in questions if q.id in exc.errors)
            messages.error(request, exc.errors[wrong.id])
            return redirect(question_url(survey, wrong))
        stored = services.my_response(request.user, survey, request.session)
        raw = _raw_from_stored(questions, (stored.draft if stored else None) or {})
        fields = build_fields(questions, raw, exc.errors)
        return _render_page(request, survey, 400, fields=fields, errors=[f for f in fields if f.error])
    except ParticipationError as exc:
        if exc.code == "not_found":
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
        if exc.code == "no_draft":
            return redirect(survey.url)
        return _render_page(request, survey, STATUS_FOR_CODE.get(exc.code, 400))
    if response.awaiting_confirmation:
        return redirect("consultations:survey_check_email", page_id=survey.pk)
    closes = formats.date_format(survey.consultation.closes_at, "j F Y")
    if permissions.answers_anonymously(request.user, survey):
        sent = _(
            "Thank you. Your answers have been sent. You can change them from this browser until %(date)s."
        )
    else:
        sent = _("Thank you. Your answers have been sent. You can change them until %(date)s.")
    messages.success(request, sent % {"date": closes})
    return redirect(f"{survey.url}#survey-status-{response.pk}")


@require_GET
def check_email(request, page_id: int):
    """After sending without an account: the answers wait for the emailed link."""
    survey = _survey(request, page_id)
    return TemplateResponse(
        request,
        "consultations/surveys/check_email.html",
        {"survey": survey, "page": survey, "hours": settings.SURVEY_CONFIRMATION_HOURS},
    )


LINK_STATUS = {"invalid": 400, "not_found": 404, "used": 410, "expired": 410, "closed": 410}


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The emailed link: GET shows a button (mail scanners open links), POST counts the answers."""
    try:
        response = confirmation.response_for_token(token)
        if request.method == "POST":
            response = confirmation.confirm_response(token=token)
            closes = formats.date_format(response.survey.consultation.closes_at, "j F Y")
            messages.success(
                request,
                _(
                    "Thank you. Your answers are confirmed and counted. "
                    "You can change them from this browser until %(date)s."
                )
                % {"date": closes},
            )
            return redirect(response.survey.url)
    except confirmation.SurveyLinkError as exc:
        return TemplateResponse(
            request,
            "consultations/surveys/link_problem.html",
            {"problem": exc.code, "message": exc.message, "hours": settings.SURVEY_CONFIRMATION_HOURS},
            status=LINK_STATUS.get(exc.code, 400),
        )
    if not can_view_page(request.user, response.survey, session=request.session):
        raise Http404("No such survey")
    return TemplateResponse(
        request, "consultations/surveys/confirm_link.html", {"survey": response.survey, "token": token}
    )


def _results_survey(request, page_id: int) -> SurveyPage:
    survey = _survey(request, page_id)
    if not permissions.can_view_results(request.user, survey, session=request.session):
        raise PermissionDenied("The survey's results are published with the consultation's results.")
    return survey


def results(request, page_id: int):
    """Counts and percentages per option, as tables and bar charts, small numbers suppressed."""
    survey = _results_survey(request, page_id)
    return TemplateResponse(
        request,
        "consultations/surveys/results.html",
        {
            "survey": survey,
            "page": survey,
            "results": services.results(survey),
            "csv_url": reverse("consultations:survey_csv", args=[survey.pk]),
            "can_see_respondents": permissions.can_see_respondents(request.user, survey),
        },
    )


def responses_csv(request, page_id: int):
    """Every submitted response, one row each, formula-safe; who answered only on request, and
    only for the roles that may see it (refused, not quietly left out, for anyone else)."""
    survey = _results_survey(request, page_id)
    personal = request.GET.get("personal") == "1"
    if personal and not permissions.can_see_respondents(request.user, survey):
        raise PermissionDenied("Only officers running this consultation can export who answered.")
    header, rows = services.export_rows(survey, personal=personal)
    name = f"survey-{survey.pk}-responses{'-personal' if personal else ''}.csv"
    return stream_csv(header, rows, name)


ASSISTED_FIELDS = ("channel", "respondent_name", "respondent_postcode", "consent")


@staff_second_factor_required
@require_http_methods(["GET", "POST"])
def assisted_entry(request, page_id: int):
    """An officer types in answers received on paper, by phone or at an event (assisted digital)."""
    survey = _survey(request, page_id)
    if not permissions.can_enter_responses(request.user, survey):
        raise PermissionDenied("Only the staff running this consultation can enter responses.")
    questions = survey.question_list()
    post = request.POST if request.method == "POST" else {}
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        try:
            response = assisted.enter_response(
                officer=request.user,
                survey=survey,
                data=request.POST,
                channel=request.POST.get("channel", ""),
                respondent_name=request.POST.get("respondent_name", "")[:500],
                respondent_postcode=request.POST.get("respondent_postcode", "")[:50],
                consent=request.POST.get("consent") == "yes",
            )
        except services.SurveyAnswersInvalid as exc:
            errors, status = exc.errors, 400
        except ParticipationError as exc:
            if exc.code == "not_found":
                raise Http404(exc.message) from exc
            messages.error(request, exc.message)
            status = STATUS_FOR_CODE.get(exc.code, 400)
        else:
            messages.success(
                request,
                _("Response %(number)s saved (%(channel)s).")
                % {"number": response.pk, "channel": response.get_channel_display().lower()},
            )
            return redirect("consultations:survey_assisted", page_id=survey.pk)
    fields = build_fields(questions, raw_from_post(questions, post) if post else {}, errors)
    anchors = {"channel": "channel-input", "consent": "consent-input"}
    summary = [
        (anchors.get(name, f"{name}-input"), errors[name]) for name in ASSISTED_FIELDS if name in errors
    ]
    summary += [(f"{f.question.field_name}-input", f.error) for f in fields if f.error]
    return TemplateResponse(
        request,
        "consultations/surveys/assisted_entry.html",
        {
            "survey": survey,
            "page": survey,
            "fields": fields,
            "errors": errors,
            "error_summary": summary,
            "channels": assisted.CHANNELS,
            "values": {name: post.get(name, "") for name in ASSISTED_FIELDS},
        },
        status=status,
    )


def answer_link(request, response_id: int, question_id: str):
    """Provenance: a free-text answer quoted in a theme, with its question and survey, for the
    people who may read the survey's results (nothing that names the person who wrote it)."""
    response = get_object_or_404(SurveyResponse.objects.submitted().select_related("survey"), pk=response_id)
    survey = response.survey
    if not can_view_page(request.user, survey, session=request.session):
        raise Http404("No such answer")
    if not permissions.can_view_results(request.user, survey, session=request.session):
        raise PermissionDenied("The survey's answers are published with the consultation's results.")
    question = next(
        (q for q in survey.question_list() if q.id == question_id and q.kind == "free_text"), None
    )
    text = response.answers.get(question_id) if question is not None else None
    if not isinstance(text, str) or not text:
        raise Http404("No such answer")
    return TemplateResponse(
        request,
        "consultations/surveys/answer.html",
        {"survey": survey, "page": survey, "response": response, "question": question, "text": text},
    )
