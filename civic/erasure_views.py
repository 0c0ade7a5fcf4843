"""The admin's erasure-request screens: an administrator (with a second factor) finds a resident and
erases their account on their behalf, after a confirmation step. Thin: the work and the audit log
entry are civic.services.erase_account's; staff and councillors are deactivated instead."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from . import permissions, services
from .errors import CivicError
from .forms import AccessibleFormMixin
from .models import User
from .roles import account_role_names

SHOWN = 20  # accounts a search lists: enough to pick the right person, never a directory


class FindAccountForm(AccessibleFormMixin, forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Email address or display name"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Enter the email address or display name the request gives.")
        },
    )


class ConfirmErasureForm(AccessibleFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked that this person asked for their account to be deleted"),
        error_messages={
            "required": gettext_lazy("Confirm that this person asked for their account to be deleted.")
        },
    )


def _administrators_only(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not permissions.can_carry_out_erasure_requests(user):
        raise PermissionDenied("Only administrators carry out erasure requests.")
    return user


def matching_accounts(text: str) -> "QuerySet[User]":
    """Accounts whose email (any of their addresses) is the text, or whose display name contains it."""
    text = " ".join(text.split())
    return (
        User.objects.filter(
            Q(email__iexact=text) | Q(emailaddress__email__iexact=text) | Q(display_name__icontains=text)
        )
        .distinct()
        .prefetch_related("groups")
        .order_by("display_name", "pk")
    )


@require_GET
def find_account(request: HttpRequest) -> HttpResponse:
    """Find the resident an erasure request (letter, phone call, email) is about."""
    _administrators_only(request)
    form = FindAccountForm(request.GET or None)
    accounts: list[User] = []
    if form.is_valid():
        accounts = list(matching_accounts(form.cleaned_data["q"])[:SHOWN])
        for account in accounts:  # roles from the prefetched groups, not a query per row
            account._civic_roles = frozenset(group.name for group in account.groups.all())
    rows = [
        {"account": account, "kept": permissions.is_deactivated_not_erased(account),
         "roles": sorted(account_role_names(account)) or [_("Residents")]}
        for account in accounts
    ]  # fmt: skip
    return TemplateResponse(
        request,
        "civic/admin/erasure_find.html",
        {
            "page_title": _("Erasure requests"),
            "header_title": _("Erasure requests"),
            "header_icon": "bin",
            "form": form,
            "rows": rows,
            "searched": form.is_valid(),
            "shown": SHOWN,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_http_methods(["GET", "POST"])
def confirm_erasure(request: HttpRequest, user_id: int) -> HttpResponse:
    """Say what will happen to this account, then erase it (staff: deactivate) once confirmed."""
    administrator = _administrators_only(request)
    account = get_object_or_404(User, pk=user_id)
    if account.pk == administrator.pk:
        messages.error(request, _("Close your own account from your account page, not here."))
        return redirect("civic_erasure_requests")
    form = ConfirmErasureForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                outcome = services.erase_account(actor=administrator, user=account, via="admin")
            except CivicError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    (
                        _("Account %(number)s has been deactivated. The audit log records that you did it.")
                        if outcome == "deactivated"
                        else _("Account %(number)s has been erased. The audit log records that you did it.")
                    )
                    % {"number": user_id},
                )
                return redirect("civic_erasure_requests")
        status = 400
    return TemplateResponse(
        request,
        "civic/admin/erasure_confirm.html",
        {
            "page_title": _("Carry out an erasure request"),
            "header_title": _("Carry out an erasure request"),
            "header_icon": "bin",
            "account": account,
            "kept": permissions.is_deactivated_not_erased(account),
            "remove_contributions": settings.ERASURE_CONTRIBUTIONS == "remove",
            "form": form,
        },
        status=status,
    )
