"""Account pages that allauth does not provide."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from . import sections, services
from .forms import ProfileForm
from .models import User
from .participant_profile import ParticipantProfileForm, initial_for, save_participant_profile
from .roles import role_names


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Show what others see (display name) and what only the owner sees (email, roles)."""
    user = request.user
    if not isinstance(user, User):  # login_required let only accounts in
        return redirect("account_login")
    about_you = ParticipantProfileForm(initial=initial_for(user), prefix="about")
    if request.method == "POST" and request.POST.get("form") == "about-you":
        about_you = ParticipantProfileForm(request.POST, prefix="about")
        if about_you.is_valid():
            saved = save_participant_profile(user, about_you.cleaned_data)
            messages.success(
                request,
                "Thank you. Your details have been saved." if saved else "Your details have been deleted.",
            )
            return redirect(f"{reverse('profile')}#about-you-heading")
        form = ProfileForm(initial={"display_name": user.display_name})
        status = 400
    elif request.method == "POST":
        form = ProfileForm(request.POST, user=user)
        if form.is_valid():
            services.update_display_name(user, form.cleaned_data["display_name"])
            messages.success(request, "Your display name has been updated.")
            return redirect("profile")
        status = 400
    else:
        form = ProfileForm(initial={"display_name": user.display_name})
        status = 200
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return render(
        request,
        "civic/profile.html",
        {
            "form": form,
            "emails": emails,
            "roles": sorted(role_names(user)),
            "about_you": about_you,
            **sections.context_for(sections.PROFILE, request),  # e.g. moderators' decisions
        },
        status=status,
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers; touches nothing so it also serves as a timing floor."""
    return HttpResponse("ok", content_type="text/plain")
