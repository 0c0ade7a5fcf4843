"""Where each page type may be made: the features place their pages, the core names none of them."""

from civic.models import HomePage, InformationPage
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConversationPage,
    ProposalPage,
    SurveyPage,
)


def test_only_a_consultation_index_and_information_pages_go_under_the_home_page():
    assert set(HomePage.creatable_subpage_models()) == {ConsultationIndexPage, InformationPage}


def test_consultations_and_proposals_sit_where_their_apps_put_them():
    assert ConsultationIndexPage.creatable_subpage_models() == [ConsultationPage]
    assert ConsultationPage.creatable_subpage_models() == [ProposalPage, ConversationPage, SurveyPage]
    assert SurveyPage.allowed_parent_page_models() == [ConsultationPage]
    assert SurveyPage.creatable_subpage_models() == []
    assert ProposalPage.creatable_subpage_models() == []
    assert ConversationPage.creatable_subpage_models() == []
    assert ConversationPage.allowed_parent_page_models() == [ConsultationPage]
    assert ConsultationPage.allowed_parent_page_models() == [ConsultationIndexPage]
