"""The permissions grid: role x consultation state x action, allowed and refused sides."""

import pytest
from django.contrib.auth.models import AnonymousUser

from consultations import permissions
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation, make_proposal

ROLES = [
    "anonymous",
    "unverified",
    "resident",
    "councillor",
    "own_officer",
    "partner_officer",
    "other_officer",
    "moderator",
    "superuser",
]
STATES = ["upcoming", "open", "closed"]


def make_actor(role, lead, partner):
    match role:
        case "anonymous":
            return AnonymousUser()
        case "unverified":
            return UserFactory(verified=False, roles=["Residents"])
        case "resident":
            return UserFactory(roles=["Residents"])
        case "councillor":
            return UserFactory(roles=["Councillors"], organisation=lead)
        case "own_officer":
            return UserFactory(roles=["Officers"], organisation=lead)
        case "partner_officer":
            return UserFactory(roles=["Officers"], organisation=partner)
        case "other_officer":
            return UserFactory(roles=["Officers"], organisation=OrganisationFactory())
        case "moderator":
            return UserFactory(roles=["Moderators"], organisation=lead)
        case "superuser":
            return UserFactory(is_superuser=True)


CAN_CONTRIBUTE_WHEN_OPEN = {
    "resident",
    "councillor",
    "own_officer",
    "partner_officer",
    "other_officer",
    "moderator",
    "superuser",
}
CAN_MANAGE = {"own_officer", "partner_officer", "moderator", "superuser"}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(role, state, index, organisation, partner):
    consultation = make_consultation(index, state, lead_organisation=organisation)
    consultation.partner_organisations.add(partner)
    consultation.save()
    proposal = make_proposal(consultation)
    actor = make_actor(role, organisation, partner)

    may_contribute = state == "open" and role in CAN_CONTRIBUTE_WHEN_OPEN
    comment = permissions.can_comment(actor, consultation)
    vote = permissions.can_vote(actor, proposal)
    assert bool(comment) is may_contribute
    assert bool(vote) is may_contribute
    if not may_contribute:
        assert comment.reason  # a refusal always says why
    assert permissions.can_manage_consultation(actor, consultation) is (role in CAN_MANAGE)
    assert permissions.can_view_consultation(actor, consultation) is True


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("anonymous", False),
        ("resident", False),
        ("other_officer", False),
        ("own_officer", True),
        ("partner_officer", True),
    ],
)
def test_draft_consultation_visible_only_to_its_organisations(role, allowed, index, organisation, partner):
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation)
    draft.partner_organisations.add(partner)
    draft.save()
    actor = make_actor(role, organisation, partner)
    assert permissions.can_view_consultation(actor, draft) is allowed


def test_private_consultation_is_hidden_from_the_public(consultation):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="login")
    assert permissions.can_view_consultation(AnonymousUser(), consultation) is False
    assert permissions.can_view_consultation(UserFactory(), consultation) is True  # as Wagtail serves it
    restriction.restriction_type = "groups"  # private to a group nobody here is in
    restriction.save()
    assert permissions.can_view_consultation(UserFactory(), consultation) is False
    restriction.restriction_type = "password"
    restriction.save()
    assert permissions.can_view_consultation(UserFactory(), consultation) is False
    passed = {PageViewRestriction.passed_view_restrictions_session_key: [restriction.pk]}
    assert permissions.can_view_consultation(UserFactory(), consultation, session=passed) is True


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("own_officer", True),
        ("partner_officer", True),
        ("other_officer", False),
        ("resident", False),
        ("councillor", False),
    ],
)
def test_wagtail_edit_rights_follow_organisation(
    role, allowed, consultation, proposal, organisation, partner
):
    actor = make_actor(role, organisation, partner)
    assert consultation.permissions_for_user(actor).can_edit() is allowed
    assert proposal.permissions_for_user(actor).can_edit() is allowed
    assert consultation.permissions_for_user(actor).can_add_subpage() is allowed
    assert consultation.permissions_for_user(actor).can_publish() is (allowed and role != "councillor")


def test_suspended_resident_is_refused_with_reason(resident, consultation):
    from datetime import timedelta

    from django.utils import timezone

    resident.suspended_until = timezone.now() + timedelta(days=1)
    decision = permissions.can_comment(resident, consultation)
    assert not decision and "suspended" in decision.reason
