"""One question per page (GOV.UK question pages): a back link, the question as the heading, Continue."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from civic import clientip

from ..services import ParticipationError
from . import permissions, progress, services
from .questions import raw_from_post, shown_questions
from .views import (
    STATUS_FOR_CODE,
    _must_sign_in,
    _raw_from_stored,
    _survey,
    browser_days,
    build_fields,
    carry_on_url,
    question_url,
)


def question_page(request, page_id: int, question_id: str):
    """Show one question; its answer is checked and kept in the draft, then on to the next one."""
    survey = _survey(request, page_id)
    if _must_sign_in(request, survey):
        return redirect_to_login(request.get_full_path())
    questions = survey.question_list()
    so_far = progress.answers_so_far(services.my_response(request.user, survey, request.session))
    question = next((q for q in shown_questions(questions, so_far) if q.id == question_id), None)
    if question is None:  # not asked of this person (or no longer there): carry on where they are
        return redirect(carry_on_url(survey, so_far))
    changing = request.GET.get("change") == "1" or request.POST.get("change") == "1"
    check_url = reverse("consultations:survey_check", args=[survey.pk])
    raw, errors, status = _raw_from_stored([question], so_far), {}, 200
    if request.method == "POST":
        try:
            saved = progress.save_one(
                user=request.user,
                survey=survey,
                question_id=question.id,
                data=request.POST,
                session=request.session,
                address=clientip.for_request(request),
            )
        except services.SurveyAnswersInvalid as exc:
            raw, errors, status = raw_from_post([question], request.POST), exc.errors, 400
        except ParticipationError as exc:
            if exc.code == "not_found":
                raise Http404(exc.message) from exc
            messages.error(request, exc.message)
            status = STATUS_FOR_CODE.get(exc.code, 400)
        else:
            draft = saved.draft or {}
            after = progress.next_question(questions, draft, question.id)
            asked_before = {q.id for q in shown_questions(questions, so_far)}
            if after is None or (changing and after.id in asked_before):  # a change leads on only to new ones
                return redirect(check_url)
            return redirect(question_url(survey, after) + ("?change=1" if changing else ""))
    before = progress.previous_question(questions, so_far, question.id)
    back = check_url if changing else (question_url(survey, before) if before else survey.url)
    fields = build_fields([question], raw, errors)
    return TemplateResponse(
        request,
        "consultations/surveys/question_page.html",
        {
            "survey": survey,
            "page": survey,
            "field": fields[0],
            "errors": [f for f in fields if f.error],
            "back_url": back,
            "changing": changing,
            "position": [q.id for q in shown_questions(questions, so_far)].index(question.id) + 1,
            "can_answer": permissions.can_answer(request.user, survey),
            "as_heading": True,
            "answers_anonymously": permissions.answers_anonymously(request.user, survey),
            "browser_days": browser_days(),
        },
        status=status,
    )
