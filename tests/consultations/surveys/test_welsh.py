"""Surveys in Welsh: a question page with an error, check your answers, the confirmation page and
email, the results page and the CSV, all at /cy/ addresses with no English interface words left."""

import csv
import io
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from consultations.models import SurveyPage, SurveyResponse
from tests.civic.factories import UserFactory
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in
from tests.welsh import assert_welsh

# Welsh test data: the scanner looks for English interface words, so titles and questions are Welsh.
QUESTIONS = [
    {"type": "section", "id": "sec", "value": {"title": "Y bin", "intro": ""}},
    question("single_choice", "colour", "Pa liw bin?", options=options("Gwyrdd", "Glas", "Llwyd")),
    question("agreement", "agree", "Mae'r cynllun yn dda."),
    question(
        "ranking", "rank", "Trefnwch y gwasanaethau", options=options("Llyfrgell", "Bysiau", prefix="r")
    ),
    question("free_text", "why", "Pam?", required=False, max_length=200),
]
POST = {"q-colour": "o2", "q-agree": "strongly_agree", "q-rank-r1": "2", "q-rank-r2": "1", "q-why": ""}


def main(html: str) -> str:
    """The page's <main>: its header, footer and menus belong to other parts of the site."""
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def cy(name: str, *args) -> str:
    with translation.override("cy"):
        found = reverse(f"consultations:{name}", args=args)
    assert found.startswith("/cy/")
    return found


@pytest.fixture
def consultation(index, organisation, partner):
    from tests.consultations.factories import make_consultation

    page = make_consultation(index, "open", lead_organisation=organisation, title="Llyfrgell Northbrook")
    page.partner_organisations.add(partner)
    return page


@pytest.fixture
def paged(consultation):
    return make_survey(consultation, QUESTIONS, title="Arolwg y biniau", layout=SurveyPage.Layout.PAGED)


def test_a_question_page_with_an_error_is_in_welsh(client, resident, paged):
    sign_in(client, resident)
    response = client.post(cy("survey_question", paged.pk, "colour"), {"q-colour": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mae problem" in html and "Dewiswch ateb ar gyfer “Pa liw bin?”." in html
    assert ">Parhau</button>" in html and "(cwestiwn 1)" in html
    assert_welsh(main(html))


def test_a_ranking_question_and_its_error_are_in_welsh(client, resident, paged):
    sign_in(client, resident)
    client.post(cy("survey_question", paged.pk, "colour"), {"q-colour": "o1"})
    client.post(cy("survey_question", paged.pk, "agree"), {"q-agree": "agree"})
    response = client.post(cy("survey_question", paged.pk, "rank"), {"q-rank-r1": "1", "q-rank-r2": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Rhowch rif gwahanol o 1 i 2 i bob opsiwn" in html and "pob rhif unwaith" in html
    assert_welsh(main(html))


def test_the_agreement_scale_reads_in_welsh_and_check_your_answers_too(client, resident, paged):
    sign_in(client, resident)
    page = client.get(cy("survey_question", paged.pk, "agree")).content.decode()
    assert "Cytuno&#x27;n gryf" in page or "Cytuno'n gryf" in page
    assert_welsh(main(page))
    for qid in ("colour", "agree", "rank", "why"):
        fields = {k: v for k, v in POST.items() if k.startswith(f"q-{qid}")}
        assert client.post(cy("survey_question", paged.pk, qid), fields).status_code == 302
    html = client.get(cy("survey_check", paged.pk)).content.decode()
    assert "Gwiriwch eich atebion cyn eu hanfon" in html and "Heb ei ateb" in html
    assert "Newid" in html and "Anfon fy atebion" in html
    assert "Glas" in html and ("Cytuno'n gryf" in html or "Cytuno&#x27;n gryf" in html)
    assert_welsh(main(html))


def test_an_agreement_answer_keeps_one_wording_whatever_the_language(client, resident, paged):
    """The scale is fingerprinted in English: answering in Welsh is not a different wording."""
    with translation.override("cy"):
        welsh = {q.id: q.wording for q in SurveyPage.objects.get(pk=paged.pk).question_list()}
    with translation.override("en-gb"):
        english = {q.id: q.wording for q in SurveyPage.objects.get(pk=paged.pk).question_list()}
    assert welsh == english


def test_anonymous_answers_are_confirmed_in_welsh_page_and_email(
    consultation, django_capture_on_commit_callbacks
):
    survey = make_survey(
        consultation, QUESTIONS, title="Arolwg y biniau", allow_anonymous=True, confirm_by_email=True
    )
    client = Client()
    assert client.post(cy("survey_answers", survey.pk), POST).status_code == 302
    check = client.get(cy("survey_check", survey.pk)).content.decode()
    assert "Eich cyfeiriad e-bost" in check
    assert_welsh(main(check))
    wrong = client.post(cy("survey_submit", survey.pk), {"email": "nid-cyfeiriad"})
    assert wrong.status_code == 400
    assert "Rhowch gyfeiriad e-bost yn y fformat cywir" in wrong.content.decode()
    assert_welsh(main(wrong.content.decode()))
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(cy("survey_submit", survey.pk), {"email": "person@example.org"})
    assert sent["Location"] == cy("survey_check_email", survey.pk)
    html = client.get(sent["Location"]).content.decode()
    assert "Gwiriwch eich e-bost" in html and "Mae'r ddolen yn gweithio unwaith" in html.replace(
        "&#x27;", "'"
    )
    assert_welsh(main(html))
    (message,) = mail.outbox
    assert message.subject.endswith("Cadarnhewch eich atebion i'r arolwg")
    assert "Diolch am ateb yr arolwg “Arolwg y biniau”" in message.body
    assert "tra bo'r arolwg ar agor" in message.body


@pytest.fixture
def answered(consultation):
    survey = make_survey(consultation, QUESTIONS, title="Arolwg y biniau")
    for i in range(6):
        SurveyResponse.objects.create(
            survey=survey,
            user=UserFactory(),
            answers={"colour": "o1", "agree": "agree", "rank": ["r1", "r2"] if i % 2 else ["r2", "r1"]},
            submitted_at="2026-01-01T00:00Z",
        )
    return survey


def test_the_results_page_is_in_welsh_with_plural_counts(client, officer, answered):
    sign_in(client, officer)
    html = client.get(cy("survey_results", answered.pk)).content.decode()
    assert "Anfonwyd 6 ymateb." in html and "Atebodd 6 o bobl." in html
    assert "Cwestiwn 1: Pa liw bin?" in html and "Safle cyfartalog" in html
    assert "<svg" in html and "Siart bar (pobl). Gwyrdd: 6" in html
    assert_welsh(main(html))


def test_the_results_page_in_english_is_unchanged_after_a_welsh_view(client, officer, answered):
    """Results are cached per language: a Welsh reader never fills the English page's cache."""
    sign_in(client, officer)
    client.get(cy("survey_results", answered.pk))
    with translation.override("en-gb"):
        english = reverse("consultations:survey_results", args=[answered.pk])
    html = client.get(english).content.decode()
    assert "6 responses sent." in html and "Agree" in html and "Cytuno" not in html


def test_the_csv_keeps_its_column_keys_and_gives_answers_in_the_readers_language(client, officer, answered):
    """Documented choice: machine keys (response_id, submitted_at, channel, personal columns) stay
    the same in every language so spreadsheets and scripts keep working; question columns carry
    the question as worded and answers read as the reader reads them."""
    sign_in(client, officer)
    body = b"".join(client.get(cy("survey_csv", answered.pk)).streaming_content).decode("utf-8-sig")
    header, first, *_rest = list(csv.reader(io.StringIO(body)))
    assert header[:3] == ["response_id", "submitted_at", "channel"]
    assert header[3:] == [
        "Q1. Pa liw bin?",
        "Q2. Mae'r cynllun yn dda.",
        "Q3. Trefnwch y gwasanaethau",
        "Q4. Pam?",
    ]
    assert first[3:5] == ["Gwyrdd", "Cytuno"]
