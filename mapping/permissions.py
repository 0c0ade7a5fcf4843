"""Who may do what with issue reports: views, the Open311 API and templates all ask here."""

from django.utils.translation import gettext as _

from civic import roles
from civic.permissions import ALLOWED, Decision, may_take_part


def can_report(user) -> Decision:
    """Signed-in, verified, active and unsuspended people may report a problem."""
    return may_take_part(user, to=_("report a problem"))  # ends core's reasons: "... to report a problem"


def can_start_report(user) -> Decision:
    """The report journey: people who may report, and anyone not signed in, who reports with a
    name and email address and confirms by email (a signed-in account that may not report may not)."""
    if not getattr(user, "is_authenticated", False):
        return ALLOWED
    return can_report(user)


def reports_without_account(user) -> bool:
    """Not signed in: the journey asks for a name and email and the report waits for confirmation."""
    return not getattr(user, "is_authenticated", False)


def can_add_voice(user, report) -> Decision:
    """Anyone who may report may support an open report they did not make."""
    decision = can_report(user)
    if not decision:
        return decision
    if not report.is_open:
        return Decision(False, _("This report is no longer open."))
    return ALLOWED


def can_unfollow_report(user) -> Decision:
    """Any signed-in account may stop following, even one that may no longer take part."""
    if not getattr(user, "is_authenticated", False):
        return Decision(False, _("Sign in to change what you follow."))
    return ALLOWED


def is_report_officer(user) -> bool:
    """Officers and moderators who act for an organisation, and administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if roles.is_admin(user):
        return True
    return bool(roles.role_names(user) & roles.STAFF_ROLES) and bool(user.organisation_id)


def can_manage_report(user, report) -> bool:
    """Officers of the organisation responsible for the report, and administrators."""
    if not is_report_officer(user):
        return False
    return roles.is_admin(user) or user.organisation_id == report.organisation_id


def can_see_report(user, report) -> bool:
    """Visible reports are public; hidden and merged ones only to those who manage them."""
    return report.is_visible or can_manage_report(user, report)


def can_export_reports(user) -> bool:
    """Officers and councillors see the work list and export it; only officers act on reports."""
    return is_report_officer(user) or roles.has_role(user, roles.COUNCILLOR)


def can_merge(user, report, into) -> Decision:
    """A report may be merged into another of the officer's organisations' reports (open or closed),
    never itself, a duplicate or a hidden report: both sides change, so both must be theirs."""
    if not can_manage_report(user, report):
        return Decision(False, _("Only officers of the responsible organisation can merge this report."))
    if not can_manage_report(user, into):
        return Decision(
            False,
            _("Only officers of the organisation responsible for report #%(number)s can merge into it.")
            % {"number": into.pk},
        )
    if into.hidden_at is not None:
        return Decision(
            False,
            _("Report #%(number)s is hidden; choose a report the public can see.") % {"number": into.pk},
        )
    if into.pk == report.pk:
        return Decision(False, _("A report cannot be a duplicate of itself."))
    if into.duplicate_of_id:
        return Decision(
            False,
            _("Report #%(number)s is itself a duplicate; merge into #%(original)s.")
            % {"number": into.pk, "original": into.duplicate_of_id},
        )
    return ALLOWED
