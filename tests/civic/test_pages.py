"""public_pages(): live, unrestricted, and under live pages only."""

from wagtail.models import PageViewRestriction

from civic.pages import is_public, public_pages
from consultations.models import ProposalPage
from tests.consultations.factories import make_proposal


def test_a_live_proposal_under_a_live_consultation_is_public(proposal):
    assert is_public(proposal)
    assert list(public_pages(ProposalPage.objects.all())) == [proposal]


def test_a_live_proposal_under_an_unpublished_consultation_is_not_public(consultation, proposal):
    consultation.unpublish()  # Wagtail leaves the child live
    proposal.refresh_from_db()
    assert proposal.live
    assert not is_public(proposal)
    assert not public_pages(ProposalPage.objects.all()).exists()


def test_a_draft_proposal_is_not_public(consultation):
    draft = make_proposal(consultation, live=False)
    assert not is_public(draft)


def test_a_proposal_under_a_restricted_consultation_is_not_public(consultation, proposal):
    PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="x")
    assert not is_public(proposal)
    assert not public_pages(ProposalPage.objects.all()).exists()
