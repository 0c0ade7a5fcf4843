"""The Wagtail admin's API token screens: list, issue (the secret shown once) and revoke."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from civic.forms import AccessibleFormMixin, IdModelChoiceField
from civic.models import Organisation, User

from . import services
from .models import SCOPES, ApiToken


class TokenForm(AccessibleFormMixin, forms.Form):
    organisation = IdModelChoiceField(
        queryset=Organisation.objects.order_by("name"), label=gettext_lazy("Organisation")
    )
    name = forms.CharField(
        max_length=100,
        label=gettext_lazy("Name"),
        help_text=gettext_lazy("What will use it, e.g. 'CRM integration'."),
    )
    user_email = forms.EmailField(
        label=gettext_lazy("Acts as the account with this email (optional)"),
        required=False,
        help_text=gettext_lazy(
            "Writes are made as this account, with its permissions. Leave empty for a read-only token."
        ),
    )
    scopes = forms.MultipleChoiceField(
        choices=SCOPES, widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Scopes")
    )

    def clean_user_email(self) -> User | None:
        email = self.cleaned_data["user_email"]
        if not email:
            return None
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("There is no account with that email address."))
        return user


def _admin_only(request: HttpRequest) -> None:
    if not services.can_manage_tokens(request.user):
        raise PermissionDenied


def _render(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    base = {"page_title": _("API tokens"), "header_title": _("API tokens"), "header_icon": "key"}
    return TemplateResponse(request, template, {**base, **context}, status=status)


@require_http_methods(["GET"])
def token_list(request: HttpRequest) -> HttpResponse:
    """Every organisation's tokens, newest first, with their scopes and last use."""
    _admin_only(request)
    tokens = ApiToken.objects.select_related("organisation", "user").order_by("-created_at", "-id")
    return _render(request, "api/admin/token_list.html", {"tokens": tokens})


@require_http_methods(["GET", "POST"])
def token_new(request: HttpRequest) -> HttpResponse:
    """Issue a token and show its secret on this one page, never again."""
    _admin_only(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                token, raw = services.issue_token(
                    admin=request.user,
                    organisation=data["organisation"],
                    name=data["name"],
                    scopes=data["scopes"],
                    user=data["user_email"],
                )
            except services.TokenError as exc:
                field = "user_email" if exc.field == "user" else exc.field
                form.add_error(field if field in form.fields else None, exc.message)
            else:
                response = _render(request, "api/admin/token_issued.html", {"token": token, "secret": raw})
                response["Cache-Control"] = "no-store"
                return response
        return _render(request, "api/admin/token_new.html", {"form": form}, status=400)
    return _render(request, "api/admin/token_new.html", {"form": form})


@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    _admin_only(request)
    token = get_object_or_404(ApiToken, pk=token_id)
    services.revoke_token(admin=request.user, token=token)
    messages.success(request, _("Token '%(name)s' revoked: it no longer works.") % {"name": token.name})
    return redirect("api_tokens")
