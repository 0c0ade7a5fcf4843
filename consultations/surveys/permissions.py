"""Who may answer a survey and who may read its results (built on the consultation's rules)."""

from civic.permissions import Decision

from ..permissions import can_contribute, can_view_page
from ..summaries.permissions import can_view_summary


def can_answer(user, survey) -> Decision:
    """The consultation's rule for taking part: signed in, verified, and while it is open."""
    return can_contribute(user, survey.consultation)


def can_view_results(user, survey, *, session=None) -> bool:
    """The staff (and, once results are out, the people) who may read the consultation's summary."""
    if not can_view_page(user, survey, session=session):
        return False
    return can_view_summary(user, survey.consultation, session=session)
