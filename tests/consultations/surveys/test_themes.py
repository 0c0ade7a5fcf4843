"""Free-text survey answers grouped into the consultation's themes beside the comments, quoted in
the summary with a provenance link back to each answer that only results readers may follow."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import ConsultationPage, SurveyAnswerTheme, SurveyResponse
from consultations.summaries import services
from consultations.summaries.models import Theme, ThemeMembership
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory
from tests.consultations.summaries.conftest import TOPICS
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in


def library_survey(consultation, **fields):
    return make_survey(
        consultation,
        [
            question("single_choice", "use", "Do you use the library?", options=options("Yes", "No")),
            question("free_text", "why", "What would you change?", max_length=500),
        ],
        **fields,
    )


@pytest.fixture
def mixed(consultation):
    """Comments about parking and buses; survey answers about the library (and one unconfirmed)."""
    for subject in ("parking", "buses"):
        for text in TOPICS[subject]:
            CommentFactory(consultation=consultation, author=UserFactory(), body=text)
    survey = library_survey(consultation)
    for text in TOPICS["library"]:
        SurveyResponse.objects.create(
            survey=survey, user=UserFactory(), answers={"use": "o1", "why": text}, submitted_at=timezone.now()
        )
    SurveyResponse.objects.create(
        survey=survey,
        answers={"use": "o1", "why": "The library should sell parking permits"},
        submitted_at=timezone.now(),
        awaiting_confirmation=True,
    )
    return survey


def answer_url(answer):
    return reverse("consultations:survey_answer", args=[answer.response_id, answer.question_id])


def test_free_text_answers_join_the_themes_beside_the_comments(consultation, mixed):
    run = services.build_themes(consultation.pk)
    assert run.comment_count == 12  # the comments; answers are counted in their own rows
    answers = SurveyAnswerTheme.objects.all()
    assert answers.count() == 6  # the unconfirmed answer is not counted anywhere
    assert {a.question_id for a in answers} == {"why"}
    library = {a.theme_id for a in answers}
    assert len(library) == 1  # the library answers are one subject...
    theme = Theme.objects.get(pk=library.pop())
    assert not ThemeMembership.objects.filter(theme=theme).exists()  # ...that no comment spoke about
    assert "library" in theme.label.lower()
    assert answers.filter(quote_rank__isnull=False).count() >= 3
    assert ThemeMembership.objects.count() == 12


def test_summary_quotes_answers_with_a_link_back_to_each(client, consultation, mixed, officer):
    services.build_themes(consultation.pk)
    sign_in(client, officer)
    html = client.get(f"/consultations/{consultation.pk}/summary/").content.decode()
    quoted = SurveyAnswerTheme.objects.filter(quote_rank__isnull=False).first()
    assert answer_url(quoted) in html
    assert "6 survey answers" in html
    page = client.get(answer_url(quoted))
    assert page.status_code == 200
    text = page.content.decode()
    assert "What would you change?" in text and quoted.text in text


def test_theme_page_lists_its_survey_answers(client, consultation, mixed, officer):
    services.build_themes(consultation.pk)
    theme = Theme.objects.get(pk=SurveyAnswerTheme.objects.first().theme_id)
    sign_in(client, officer)
    html = client.get(f"/consultations/{consultation.pk}/summary/themes/{theme.pk}/").content.decode()
    assert "Survey answers in this theme (6)" in html
    for answer in SurveyAnswerTheme.objects.all():
        assert answer_url(answer) in html


def test_answer_link_is_for_results_readers_only(client, consultation, mixed, resident):
    services.build_themes(consultation.pk)
    answer = SurveyAnswerTheme.objects.first()
    sign_in(client, resident)
    assert client.get(answer_url(answer)).status_code == 403
    ConsultationPage.objects.filter(pk=consultation.pk).update(results_published=True)
    assert client.get(answer_url(answer)).status_code == 200


def test_answer_link_refuses_other_questions_unsent_answers_and_draft_surveys(
    client, consultation, mixed, officer
):
    sign_in(client, officer)
    response = SurveyResponse.objects.submitted().first()
    choice = reverse("consultations:survey_answer", args=[response.pk, "use"])
    unknown = reverse("consultations:survey_answer", args=[response.pk, "nope"])
    waiting = SurveyResponse.objects.get(awaiting_confirmation=True)
    unsent = reverse("consultations:survey_answer", args=[waiting.pk, "why"])
    for path in (choice, unknown, unsent):
        assert client.get(path).status_code == 404
    draft = library_survey(consultation, live=False)
    hidden = SurveyResponse.objects.create(
        survey=draft, answers={"why": "Secret"}, submitted_at=timezone.now()
    )
    sign_in(client, UserFactory(roles=["Councillors"]))
    assert client.get(reverse("consultations:survey_answer", args=[hidden.pk, "why"])).status_code == 404


def test_draft_surveys_answers_stay_out_of_the_themes(consultation):
    for text in TOPICS["parking"]:
        CommentFactory(consultation=consultation, author=UserFactory(), body=text)
    draft = library_survey(consultation, live=False)
    for text in TOPICS["library"]:
        SurveyResponse.objects.create(survey=draft, answers={"why": text}, submitted_at=timezone.now())
    services.build_themes(consultation.pk)
    assert not SurveyAnswerTheme.objects.exists()


def test_merging_a_theme_moves_its_survey_answers(consultation, mixed):
    services.build_themes(consultation.pk)
    source = Theme.objects.get(pk=SurveyAnswerTheme.objects.first().theme_id)
    target = Theme.objects.filter(consultation=consultation).exclude(pk=source.pk).first()
    services.merge_themes(target, source)
    assert set(SurveyAnswerTheme.objects.values_list("theme_id", flat=True)) == {target.pk}
    assert SurveyAnswerTheme.objects.count() == 6
