"""Assisted digital: officers type in answers received on paper, by phone or at an event, with the
channel recorded; the same checks as a resident's answers, every problem at once, nothing saved."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from consultations.models import SurveyResponse
from consultations.services import ParticipationError
from consultations.surveys import assisted, services
from consultations.surveys.services import SurveyAnswersInvalid
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.surveys.factories import make_survey, valid_post
from tests.support.auth import sign_in

NAME = "Maureen Paperform"


@pytest.fixture
def survey(consultation):
    return make_survey(consultation)


def url(survey):
    return reverse("consultations:survey_assisted", args=[survey.pk])


def entry(**extra):
    return {
        **valid_post(),
        "channel": "paper",
        "respondent_name": NAME,
        "respondent_postcode": "nb1  2ab",
        "consent": "yes",
        **extra,
    }


def test_officer_enters_a_paper_response_counted_with_its_channel(client, officer, survey):
    sign_in(client, officer)
    page = client.get(url(survey))
    assert page.status_code == 200 and 'name="q-colour"' in page.content.decode()
    response = client.post(url(survey), entry())
    assert response.status_code == 302 and response["Location"] == url(survey)
    stored = SurveyResponse.objects.get()
    assert (stored.channel, stored.user, stored.entered_by) == ("paper", None, officer)
    assert stored.respondent_name == NAME and stored.respondent_postcode == "NB1 2AB"
    assert stored.consent_recorded and stored.submitted_at and stored.answers["colour"] == "o2"
    assert services.results(survey).responses == 1
    assert ModelLogEntry.objects.filter(action="civic.assisted_entry", user=officer).count() == 1
    assert f"Response {stored.pk} saved (paper)." in client.get(url(survey)).content.decode()


def test_officer_can_enter_several_responses_for_different_residents(officer, survey):
    for channel in ("paper", "phone"):
        assisted.enter_response(
            officer=officer, survey=survey, data=valid_post(), channel=channel, consent=True
        )
    assert sorted(SurveyResponse.objects.values_list("channel", flat=True)) == ["paper", "phone"]


def test_survey_page_offers_the_entry_form_to_its_officers_only(client, officer, resident, survey):
    sign_in(client, officer)
    assert url(survey) in client.get(survey.url).content.decode()
    sign_in(client, resident)
    assert url(survey) not in client.get(survey.url).content.decode()


@pytest.mark.parametrize("who", ["resident", "councillor", "other_officer"])
def test_people_who_do_not_run_the_consultation_cannot_enter_responses(client, survey, resident, who):
    user = {
        "resident": resident,
        "councillor": UserFactory(roles=["Councillors"]),
        "other_officer": UserFactory(roles=["Officers"], organisation=OrganisationFactory()),
    }[who]
    sign_in(client, user)
    assert client.get(url(survey)).status_code == 403
    assert client.post(url(survey), entry()).status_code == 403
    with pytest.raises(ParticipationError) as caught:
        assisted.enter_response(officer=user, survey=survey, data=valid_post(), channel="paper", consent=True)
    assert caught.value.code == "forbidden"
    assert not SurveyResponse.objects.exists()


def test_partner_organisation_officer_may_enter_responses(client, survey, partner):
    sign_in(client, UserFactory(roles=["Officers"], organisation=partner))
    assert client.post(url(survey), entry(channel="phone")).status_code == 302
    assert SurveyResponse.objects.get().channel == "phone"


def test_signed_out_visitors_are_sent_to_sign_in(client, survey):
    response = client.get(url(survey))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_bad_entry_lists_every_problem_and_saves_nothing(client, officer, survey):
    sign_in(client, officer)
    bad = entry(channel="online", consent="", respondent_postcode="<script>")
    bad["q-colour"] = "tampered"
    response = client.post(url(survey), bad)
    html = response.content.decode()
    assert response.status_code == 400
    for anchor in ("#channel-input", "#consent-input", "#respondent_postcode-input", "#q-colour-input"):
        assert f'href="{anchor}"' in html
    assert NAME in html  # what was typed is kept
    assert not SurveyResponse.objects.exists()


def test_online_is_not_an_assisted_channel(officer, survey):
    with pytest.raises(SurveyAnswersInvalid) as caught:
        assisted.enter_response(
            officer=officer, survey=survey, data=valid_post(), channel="online", consent=True
        )
    assert list(caught.value.errors) == ["channel"]
    assert not SurveyResponse.objects.exists()


def test_draft_survey_takes_no_assisted_responses(officer, consultation):
    draft = make_survey(consultation, live=False)
    with pytest.raises(ParticipationError) as caught:
        assisted.enter_response(
            officer=officer, survey=draft, data=valid_post(), channel="paper", consent=True
        )
    assert caught.value.code == "not_found"
    assert not SurveyResponse.objects.exists()


def test_names_and_postcodes_of_assisted_answers_go_after_the_retention_period(
    index, organisation, officer, settings
):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from consultations.models import ConsultationPage
    from tests.consultations.factories import make_consultation

    settings.ASSISTED_DETAILS_RETENTION_DAYS = 90
    old = make_consultation(index, "open", lead_organisation=organisation)
    recent = make_consultation(index, "open", lead_organisation=organisation)
    entered = []
    for consultation in (old, recent):
        survey = make_survey(consultation)
        entered.append(
            assisted.enter_response(
                officer=officer,
                survey=survey,
                data=valid_post(),
                channel="paper",
                respondent_name=NAME,
                respondent_postcode="NB1 2AB",
                consent=True,
            )
        )
    now = timezone.now()
    ConsultationPage.objects.filter(pk=old.pk).update(closes_at=now - timedelta(days=91))
    ConsultationPage.objects.filter(pk=recent.pk).update(closes_at=now - timedelta(days=89))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Names and postcodes of survey responses entered by staff: 1 removed" in out.getvalue()
    gone, kept = (SurveyResponse.objects.get(pk=r.pk) for r in entered)
    assert (gone.respondent_name, gone.respondent_postcode) == ("", "") and gone.answers
    assert kept.respondent_name == NAME
