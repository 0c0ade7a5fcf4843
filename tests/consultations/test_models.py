from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.models import ConsultationPage, State
from tests.consultations.factories import make_consultation


def test_state_is_derived_from_dates(consultation):
    opens, closes = consultation.opens_at, consultation.closes_at
    assert consultation.state_at(opens - timedelta(seconds=1)) == State.UPCOMING
    assert consultation.state_at(opens) == State.OPEN
    assert consultation.state_at(closes - timedelta(seconds=1)) == State.OPEN
    assert consultation.state_at(closes) == State.CLOSED


def test_querysets_select_by_state(index, organisation):
    opened = make_consultation(index, "open", lead_organisation=organisation)
    upcoming = make_consultation(index, "upcoming", lead_organisation=organisation)
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    pages = ConsultationPage.objects
    assert list(pages.open()) == [opened]
    assert list(pages.upcoming()) == [upcoming]
    assert list(pages.closed()) == [closed]
    assert list(pages.in_state("closed")) == [closed]


def test_owned_by_includes_partner_consultations(consultation, organisation, partner, make_user):
    assert list(ConsultationPage.objects.owned_by(partner)) == [consultation]
    assert list(ConsultationPage.objects.owned_by(organisation)) == [consultation]


def test_closing_date_must_follow_opening_date(consultation):
    consultation.closes_at = consultation.opens_at - timedelta(hours=1)
    with pytest.raises(ValidationError) as excinfo:
        consultation.full_clean()
    assert "closes_at" in excinfo.value.message_dict


def test_proposal_knows_its_consultation(proposal, consultation):
    assert proposal.consultation.pk == consultation.pk


def test_state_label_and_is_open(consultation):
    assert consultation.is_open
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    assert consultation.state_label == "Closed"
