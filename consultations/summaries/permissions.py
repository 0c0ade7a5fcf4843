"""Who may read and edit a consultation's feedback summary."""

from django.db.models import Q

from civic import roles
from civic.pages import public_pages

from ..models import ConsultationPage
from ..permissions import can_manage_consultation, can_view_consultation, moderated_consultations


def is_councillor(user) -> bool:
    return roles.has_role(user, roles.COUNCILLOR)


def can_view_summary(user, consultation, *, session=None) -> bool:
    """Officers of the owning organisations and councillors always; everyone once results are out."""
    if can_manage_consultation(user, consultation):
        return True
    if not (consultation.results_published or is_councillor(user)):
        return False  # checked first: it costs no query on every consultation page view
    return can_view_consultation(user, consultation, session=session)


def can_edit_summary(user, consultation) -> bool:
    """Officers of the owning organisations rename, merge, split and sign off themes and respond."""
    return can_manage_consultation(user, consultation)


def readable_summaries(user):
    """The consultations whose summary this person may read (can_view_summary for many at once):
    the ones their organisation owns, every public one for councillors, and public ones whose
    results are out for everybody."""
    public = public_pages(ConsultationPage.objects.all())
    if not is_councillor(user):
        public = public.filter(results_published=True)
    readable = Q(pk__in=public.values("pk"))
    if roles.is_admin(user):
        return ConsultationPage.objects.all()
    if roles.has_staff_powers(user):
        readable |= Q(pk__in=moderated_consultations(user).values("pk"))
    return ConsultationPage.objects.filter(readable)
