"""Officers and moderators act only within their organisations (issue 12, item 6, the
consultations side): the suspension screen, official responses, threads and assisted entry
(the suspension service itself: tests/civic/test_suspension.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Comment
from consultations.moderation_views import AssistedEntryForm
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.support.auth import sign_in


@pytest.fixture
def nhs(db):
    return OrganisationFactory(name="Northbrook Health Trust", slug="nhs-trust")


@pytest.fixture
def council_moderator(organisation):
    return UserFactory(roles=["Moderators"], organisation=organisation)


@pytest.fixture
def nhs_officer(nhs):
    return UserFactory(roles=["Officers"], organisation=nhs)


@pytest.fixture
def nhs_consultation(index, nhs):
    return make_consultation(index, "open", lead_organisation=nhs, title="Clinic hours")


def test_suspend_screen_refuses_another_organisations_officer(
    client, council_moderator, nhs_officer, resident
):
    sign_in(client, council_moderator)
    until = (timezone.localdate() + timedelta(days=7)).isoformat()
    url = f"/admin/moderation/suspend/{nhs_officer.pk}/"
    for response in (client.get(url), client.post(url, {"until": until, "reason": "Out of my area"})):
        # Wagtail's admin answers a refusal by sending staff back to the dashboard with a message
        assert response.status_code == 403 or response["Location"] == "/admin/"
    nhs_officer.refresh_from_db()
    assert not nhs_officer.is_suspended
    response = client.post(f"/admin/moderation/suspend/{resident.pk}/", {"until": until, "reason": "Abuse"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.is_suspended


def test_officer_cannot_respond_or_manage_threads_in_another_organisations_consultation(
    client, officer, nhs_consultation
):
    comment = CommentFactory(consultation=nhs_consultation, body="When do clinics open?")
    sign_in(client, officer)
    respond = client.post(f"/consultations/{nhs_consultation.pk}/respond/", {"body": "We answer"})
    thread = client.post(f"/consultations/comments/{comment.pk}/thread/", {"action": "lock"})
    assert (respond.status_code, thread.status_code) == (403, 403)
    comment.refresh_from_db()
    assert not comment.locked
    assert not Comment.objects.filter(is_official=True).exists()


def test_officer_of_the_lead_organisation_responds(client, nhs_officer, nhs_consultation):
    sign_in(client, nhs_officer)
    response = client.post(f"/consultations/{nhs_consultation.pk}/respond/", {"body": "We answer"})
    assert response.status_code == 302
    assert Comment.objects.filter(is_official=True, organisation=nhs_officer.organisation).exists()


def test_assisted_entry_offers_only_own_consultations_proposals(officer, consultation, nhs_consultation):
    own = make_proposal(consultation, title="Our library plan")
    theirs = make_proposal(nhs_consultation, title="Their clinic plan")
    officer._civic_second_factor = True
    form = AssistedEntryForm(user=officer)
    offered = set(form.fields["proposal"].queryset)
    assert own in offered and theirs not in offered
    assert nhs_consultation not in set(form.fields["consultation"].queryset)
