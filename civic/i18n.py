"""The reader's language: which languages there are, each page's address in every one of them,
and remembering a reader's choice (cookie, and the profile of a signed-in person)."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class Alternate:
    """The current page in one interface language."""

    code: str  # Django's code: "en-gb", "cy"
    name: str  # the language's own name: "English", "Cymraeg"
    url: str  # this page's address in that language
    current: bool  # the page being read is in this language

    @property
    def tag(self) -> str:
        """The BCP 47 tag for lang and hreflang attributes: "en-GB", "cy"."""
        return html_tag(self.code)

    @property
    def is_default(self) -> bool:
        """The language of the plain addresses (hreflang x-default)."""
        return self.code == default()

    @property
    def switch_url(self) -> str:
        """The switcher's link: remembers the choice, then goes to `url`."""
        return f"{reverse('set_language_choice', args=[self.code])}?next={quote(self.url, safe='/')}"


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default() -> str:
    return str(settings.LANGUAGE_CODE)


def supported(code: str | None) -> str | None:
    """The interface language a code names ("cy", "CY", "en" all count), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def html_tag(code: str) -> str:
    """Django's "en-gb" as a BCP 47 tag ("en-GB"): for lang and hreflang."""
    language, _, region = code.partition("-")
    if not region:
        return language
    return f"{language}-{region.upper() if len(region) == 2 else region.title()}"


def current() -> str:
    return translation.get_language() or default()


def url_in(path: str, code: str) -> str:
    """A reader address in another language (query string kept); the address itself when it has none."""
    with translation.override(translation.get_language_from_path(urlsplit(path).path) or default()):
        return translate_url(path, code)


def alternates(request: HttpRequest, page: Any = None) -> list[Alternate]:
    """The current page in every interface language. With a Wagtail page, its translation's own
    address where one exists in that language (otherwise the same address under the other prefix,
    which shows the page in its own language with a note)."""
    here = request.get_full_path()
    active = current()
    translated = _page_translation_urls(page, request) if page is not None else {}
    found = []
    for code, name in settings.LANGUAGES:
        url = translated.get(code) or (here if code == active else url_in(here, code))
        found.append(Alternate(code=code, name=str(name), url=url, current=code == active))
    return found


def _page_translation_urls(page: Any, request: HttpRequest) -> dict[str, str]:
    """A Wagtail page's live translations by interface language (one query; none while Wagtail's
    internationalisation is off)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or not hasattr(page, "get_translation_or_none"):
        return {}
    from . import pagecache

    # Translations go live, move or go away only by publishing, which bumps the site's token.
    key = pagecache.fragment_key(extra=f"translations:{page.pk}:{request.scheme}:{request.get_host()}")
    if key:
        found: dict[str, str] | None = pagecache.get_part(pagecache.part_key(key))
        if found is not None:
            return found
    urls = {}
    for translated in page.get_translations(inclusive=False).live().select_related("locale"):
        code = supported(translated.locale.language_code)
        if code:
            with translation.override(code):
                urls[code] = str(translated.get_url(request=request) or "")
    if key:
        pagecache.set_part(pagecache.part_key(key), urls)
    return urls


def remember(response: HttpResponseBase, code: str) -> None:
    """Keep the reader's choice in Django's language cookie."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def preferred(user: Any) -> str:
    """The language a person reads Civic in (their profile choice), for their emails and pages."""
    return supported(getattr(user, "language", "") or "") or default()


def choose_language(request: HttpRequest, code: str) -> HttpResponseBase:
    """The switcher's link (a plain GET, so it works without JavaScript): remember the choice in the
    cookie and on a signed-in person's profile, then show `next` in that language."""
    from django.http import HttpResponseRedirect
    from django.utils.http import url_has_allowed_host_and_scheme

    chosen = supported(code) or default()
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(url_in(target, chosen))
    remember(response, chosen)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "language", chosen) != chosen:
        user.language = chosen
        user.save(update_fields=["language"])
    return response


def signed_in(sender: object, request: HttpRequest, user: Any, **kwargs: object) -> None:
    """After sign-in the reader lands on their preferred language (the language middleware moves
    the redirect and sets the cookie); a person with no preference yet keeps the one they browse in."""
    if getattr(user, "language", None) is None:
        return
    if not user.language:
        chosen = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        if chosen:
            type(user).objects.filter(pk=user.pk).update(language=chosen)
            user.language = chosen
        return
    request._civic_language_choice = preferred(user)  # type: ignore[attr-defined]  # read by the middleware


def connect() -> None:
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.connect(signed_in, dispatch_uid="civic.i18n.signed_in")


def language_form(user: Any, data: Any = None) -> Any:
    """The profile's "Language" choice: the interface languages, each named in its own language."""
    from django import forms
    from django.utils.translation import gettext_lazy

    class LanguageForm(forms.Form):
        language = forms.ChoiceField(
            label=gettext_lazy("Language"),
            help_text=gettext_lazy("Pages open in this language when you sign in, and we email you in it."),
            choices=[(code, str(name)) for code, name in settings.LANGUAGES],
            widget=forms.RadioSelect,
        )

    return LanguageForm(data, initial={"language": preferred(user)}, prefix=None)


def save_profile_choice(request: HttpRequest, user: Any) -> HttpResponseBase:
    """The profile's language form: store the choice, then show the profile in that language."""
    from django.contrib import messages
    from django.http import HttpResponseRedirect
    from django.utils.translation import gettext

    form = language_form(user, request.POST)
    chosen = form.cleaned_data["language"] if form.is_valid() else preferred(user)
    if chosen != user.language:
        user.language = chosen
        user.save(update_fields=["language"])
    with translation.override(chosen):
        messages.success(request, gettext("Your language has been saved."))
        target = reverse("profile") + "#language-heading"
    response = HttpResponseRedirect(target)
    remember(response, chosen)
    return response
