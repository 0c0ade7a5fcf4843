"""Account pages that allauth does not provide."""

import json

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import (
    clientip,
    data_exports,
    i18n,
    notifications,
    permissions,
    personal_data,
    places,
    ratelimit,
    sections,
    services,
    twofactor,
)
from .addresses import Address
from .errors import CivicError
from .forms import AUTO_FOLLOW, CloseAccountForm, NotificationSettingsForm, ProfileForm
from .models import Notification, NotificationKind, User
from .participant_profile import ParticipantProfileForm, initial_for, save_participant_profile
from .responses import too_often
from .roles import COUNCILLOR, MODERATOR, OFFICER, RESIDENT, is_staff_member, role_names

ROLE_LABELS = {  # group names are stored in English; people see them in their language
    RESIDENT: gettext_lazy("Residents"),
    OFFICER: gettext_lazy("Officers"),
    MODERATOR: gettext_lazy("Moderators"),
    COUNCILLOR: gettext_lazy("Councillors"),
}
BACK_TO_ACCOUNT = gettext_lazy("Back to your account")


def _settings_anchor() -> str:
    return f"{reverse('profile')}#notification-settings-heading"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponseBase:
    """Show what others see (display name) and what only the owner sees (email, roles)."""
    user = request.user
    if not isinstance(user, User):  # login_required let only accounts in
        return redirect("account_login")
    if request.method == "POST" and request.POST.get("form") == "language":
        return i18n.save_profile_choice(request, user)
    about_you = ParticipantProfileForm(initial=initial_for(user), prefix="about")
    settings_form = NotificationSettingsForm(initial=_settings_initial(user), prefix="notify")
    if request.method == "POST" and request.POST.get("form") == "notification-settings":
        settings_form = NotificationSettingsForm(request.POST, prefix="notify")
        if settings_form.is_valid():
            choices = dict(settings_form.cleaned_data)
            try:
                notifications.save_settings(
                    user, auto_follow=choices.pop(AUTO_FOLLOW) == "on", choices=choices
                )
            except CivicError as exc:
                return too_often(
                    request, exc.message, back_url=_settings_anchor(), back_label=str(BACK_TO_ACCOUNT)
                )
            messages.success(request, _("Your email choices have been saved."))
            return redirect(_settings_anchor())
        form = ProfileForm(initial={"display_name": user.display_name})
        status = 400
    elif request.method == "POST" and request.POST.get("form") == "about-you":
        about_you = ParticipantProfileForm(request.POST, prefix="about")
        if about_you.is_valid():
            saved = save_participant_profile(user, about_you.cleaned_data)
            messages.success(
                request,
                _("Thank you. Your details have been saved.")
                if saved
                else _("Your details have been deleted."),
            )
            return redirect(f"{reverse('profile')}#about-you-heading")
        form = ProfileForm(initial={"display_name": user.display_name})
        status = 400
    elif request.method == "POST":
        form = ProfileForm(request.POST, user=user)
        if form.is_valid():
            services.update_display_name(user, form.cleaned_data["display_name"])
            messages.success(request, _("Your display name has been updated."))
            return redirect("profile")
        status = 400
    else:
        form = ProfileForm(initial={"display_name": user.display_name})
        status = 200
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    unread = notifications.unread_count(user)
    request._civic_unread = unread  # type: ignore[attr-defined]  # the header shows the same count
    return render(
        request,
        "civic/profile.html",
        {
            "form": form,
            "emails": emails,
            "roles": sorted(str(ROLE_LABELS.get(name, name)) for name in role_names(user)),
            "about_you": about_you,
            "settings_form": settings_form,
            "notifications": _latest_notifications(user),
            "unread_count": unread,
            **sections.context_for(sections.PROFILE, request),  # e.g. moderators' decisions
        },
        status=status,
    )


NOTIFICATIONS_SHOWN = 20


def _latest_notifications(user: User) -> "QuerySet[Notification]":
    """The newest notifications on the account page: one query however many there are."""
    return Notification.objects.filter(recipient=user).only(
        "id", "kind", "title", "body", "url", "created_at", "read_at"
    )[:NOTIFICATIONS_SHOWN]


def _settings_initial(user: User) -> dict[str, str]:
    """Each kind's current choice, defaults included, and whether commenting follows, for the form."""
    initial = {
        kind: notifications.preferences_for([user.pk], kind)[user.pk] for kind in NotificationKind.values
    }
    initial[AUTO_FOLLOW] = "on" if user.auto_follow else "off"
    return initial


@login_required
def open_notification(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark a notification read as its owner opens it, then go to what it is about."""
    user = request.user
    if not isinstance(user, User):
        return redirect("account_login")
    notification = notifications.open_notification(user, notification_id)
    if notification is None:
        raise Http404("No such notification")
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = f"{reverse('profile')}#notifications-heading"
    return redirect(target)


@login_required
@require_POST
def mark_notifications_read(request: HttpRequest) -> HttpResponse:
    user = request.user
    back = f"{reverse('profile')}#notifications-heading"
    if isinstance(user, User):
        try:
            notifications.mark_all_read(user)
        except CivicError as exc:
            return too_often(request, exc.message, back_url=back, back_label=_("Back to your notifications"))
        messages.success(request, _("All your notifications are marked as read."))
    return redirect(back)


# The signed token is the credential: mail providers POST the one-click request (RFC 8058) with
# no cookie and no CSRF token, and a forged request could only unsubscribe the token's owner.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stop one kind of email without signing in: GET asks to confirm, POST (one click) does it."""
    found = notifications.read_unsubscribe_token(token)
    if found is None:
        return render(request, "civic/unsubscribe_invalid.html", status=400)
    user, kinds = found
    context = {"kind_labels": [NotificationKind(kind).label for kind in kinds]}
    if request.method == "POST":
        try:
            notifications.unsubscribe(user, kinds)
        except CivicError as exc:  # the one-click link works without signing in: back to the link
            return too_often(
                request, exc.message, back_url=request.path, back_label=_("Back to unsubscribing")
            )
        return render(request, "civic/unsubscribe_done.html", context)
    return render(request, "civic/unsubscribe_confirm.html", {**context, "token": token})


SUGGESTIONS = 8


@require_GET
def place_suggestions(request: HttpRequest) -> HttpResponse:
    """Places matching what someone is typing (JSON for the combobox); limited per client address."""
    try:
        ratelimit.hit("place-lookup", clientip.for_request(request), settings.PLACE_LOOKUP_RATE_LIMIT)
    except ratelimit.RateLimited as exc:
        refused = JsonResponse({"results": [], "error": str(exc)}, status=429)
        refused["Retry-After"] = str(exc.retry_after)
        return refused
    query = request.GET.get("q", "")[:200]
    kinds = [kind for kind in request.GET.getlist("kind") if kind in Address.Kind.values] or None
    found = places.find_places(query, limit=SUGGESTIONS, kinds=kinds)
    response = JsonResponse({"results": [place.as_json() for place in found]})
    response["Cache-Control"] = "private, max-age=300"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers; touches nothing so it also serves as a timing floor."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_POST
def download_my_data(request: HttpRequest) -> HttpResponse:
    """Everything Civic holds about the signed-in person, as JSON or as a page they can read offline."""
    user = request.user
    if not isinstance(user, User):  # login_required let only accounts in
        return redirect("account_login")
    if is_staff_member(user) and twofactor.needs_second_factor(user):
        return twofactor.send_to_second_factor(request)  # staff data (saved searches) needs a code
    try:
        personal_data.count_request(user)  # every request counts, however it is then built
    except CivicError as exc:
        return too_often(
            request,
            exc.message,
            back_url=f"{reverse('profile')}#your-data-heading",
            back_label=str(BACK_TO_ACCOUNT),
        )
    if data_exports.is_large(user):
        queued = data_exports.queue_export(user)
        return render(
            request,
            "civic/personal_data_queued.html",
            {"email": user.email, "hours": settings.PERSONAL_DATA_EXPORT_LINK_HOURS, "export": queued},
            status=202,
        )
    export = personal_data.collect(user)
    stamp = timezone.localdate().isoformat()
    if request.POST.get("format") == "html":
        response = render(
            request,
            "civic/personal_data.html",
            {"export": export, "sections": personal_data.readable_sections(export)},
        )
        filename = f"my-data-{stamp}.html"
    else:
        response = HttpResponse(
            json.dumps(export, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
        )
        filename = f"my-data-{stamp}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def personal_data_export(request: HttpRequest, token: str) -> HttpResponseBase:
    """The emailed link to a large export: genuine, for the signed-in owner, unused and unexpired."""
    try:
        data_exports.export_id_from(token)
    except data_exports.LinkRefused as refused:
        return _export_link_refused(request, refused)
    user = request.user
    if not isinstance(user, User):
        return redirect_to_login(request.get_full_path())
    if is_staff_member(user) and twofactor.needs_second_factor(user):
        return twofactor.send_to_second_factor(request)
    try:
        _export, handle = data_exports.open_export(token, user)
    except data_exports.LinkRefused as refused:
        return _export_link_refused(request, refused)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"my-data-{timezone.localdate().isoformat()}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _export_link_refused(request: HttpRequest, refused: "data_exports.LinkRefused") -> HttpResponse:
    return render(request, "civic/personal_data_link.html", {"refused": refused}, status=refused.status)


@login_required
@require_http_methods(["GET", "POST"])
def close_account(request: HttpRequest) -> HttpResponse:
    """Delete my account, step one: say what will happen, check the password, email the link that
    confirms it (so neither a left-open session nor a guessed password alone can close an account)."""
    user = request.user
    if not isinstance(user, User):  # login_required let only accounts in
        return redirect("account_login")
    keeps_account = permissions.is_deactivated_not_erased(user)
    form = CloseAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_erasure_link(user=user, password=form.cleaned_data["password"])
        except CivicError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = 429 if exc.code == "rate_limited" else 400
        else:
            return render(
                request,
                "civic/close_account_sent.html",
                {"email": user.email, "hours": settings.ACCOUNT_ERASURE_LINK_HOURS},
            )
    else:
        status = 400 if form.is_bound else 200
    return render(
        request,
        "civic/close_account.html",
        {
            "form": form,
            "keeps_account": keeps_account,
            "remove_contributions": settings.ERASURE_CONTRIBUTIONS == "remove",
        },
        status=status,
    )


LINK_REFUSALS = {  # CivicError code -> (status, heading)
    "invalid": (404, gettext_lazy("This link does not work")),
    "used": (410, gettext_lazy("This link has already been used")),
    "expired": (410, gettext_lazy("This link has expired")),
    "other_account": (403, gettext_lazy("This link is for a different account")),
}


@require_http_methods(["GET", "POST"])
def confirm_close_account(request: HttpRequest, token: str) -> HttpResponse:
    """Delete my account, step two: the emailed link shows one button (mail scanners that open links
    close nothing); pressing it, signed in as the owner, closes the account."""
    try:
        account = services.account_for_erasure_token(token)
    except CivicError as exc:
        return _close_link_refused(request, exc)
    user = request.user
    if not isinstance(user, User):
        return redirect_to_login(request.get_full_path())
    if account.pk != user.pk:
        return _close_link_refused(
            request,
            CivicError(_("Sign out, then sign in with the account that asked."), code="other_account"),
        )
    keeps_account = permissions.is_deactivated_not_erased(user)
    if request.method == "POST":
        try:
            outcome = services.erase_by_link(user=user, token=token)
        except CivicError as exc:
            return _close_link_refused(request, exc)
        logout(request)
        messages.success(
            request,
            _("Your account has been deactivated.")
            if outcome == "deactivated"
            else _("Your account and your personal details have been deleted."),
        )
        return redirect("/")
    return render(
        request,
        "civic/close_account_confirm.html",
        {"keeps_account": keeps_account, "remove_contributions": settings.ERASURE_CONTRIBUTIONS == "remove"},
    )


def _close_link_refused(request: HttpRequest, exc: CivicError) -> HttpResponse:
    status, title = LINK_REFUSALS.get(exc.code, (400, _("This link does not work")))
    return render(
        request, "civic/close_account_link.html", {"title": title, "message": exc.message}, status=status
    )
