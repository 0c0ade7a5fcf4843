"""Who may answer a survey and who may read its results (built on the consultation's rules)."""

from civic import roles
from civic.permissions import Decision

from ..permissions import can_contribute, can_manage_consultation, can_view_page, open_for_contributions
from ..summaries.permissions import can_view_summary


def answers_anonymously(user, survey) -> bool:
    """Someone without an account (or not signed in) on a survey that lets such people answer."""
    return not getattr(user, "is_authenticated", False) and bool(survey.allow_anonymous)


def can_answer(user, survey) -> Decision:
    """The consultation's rule for taking part (signed in, verified, while it is open); on a survey
    that allows it, people without an account may answer while it is open."""
    if answers_anonymously(user, survey):
        return open_for_contributions(survey.consultation)
    return can_contribute(user, survey.consultation)


def can_view_results(user, survey, *, session=None) -> bool:
    """The staff (and, once results are out, the people) who may read the consultation's summary."""
    if not can_view_page(user, survey, session=session):
        return False
    return can_view_summary(user, survey.consultation, session=session)


def can_enter_responses(user, survey) -> bool:
    """Officers and moderators of the owning organisations type in paper and phone responses, as
    they do for comments (consultations.moderation.enter_on_behalf)."""
    return can_manage_consultation(user, survey.consultation)


def can_see_respondents(user, survey) -> bool:
    """Who answered (accounts, emails, names and postcodes typed in by staff): officers of the
    owning organisations and administrators only; moderators and councillors read answers only."""
    if not can_manage_consultation(user, survey.consultation):
        return False
    return roles.is_admin(user) or roles.has_role(user, roles.OFFICER)
