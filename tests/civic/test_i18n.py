"""The reader's language: <html lang>, hreflang alternates, the switcher, ?lang=, unknown prefixes,
Accept-Language on a first visit, the page cache, and the profile's language."""

import re

import pytest
from django.conf import settings

from civic.i18n import alternates
from civic.languages import html_lang
from civic.models import User

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def _switcher(html: str) -> str:
    found = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert found, "no language switcher"
    return found.group(0)


def test_html_lang_is_en_gb_at_plain_address_and_cy_under_prefix(client, home):
    assert '<html lang="en-GB">' in client.get("/reports/").content.decode()
    assert '<html lang="cy">' in client.get("/cy/reports/").content.decode()


def test_hreflang_alternates_name_this_page_in_each_language(client, home):
    html = client.get("/cy/reports/?page=2").content.decode()
    assert '<link rel="alternate" hreflang="en-GB" href="http://testserver/reports/?page=2">' in html
    assert '<link rel="alternate" hreflang="cy" href="http://testserver/cy/reports/?page=2">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/reports/?page=2">' in html


def test_switcher_links_to_same_page_in_other_language_with_lang_and_hreflang(client, home):
    nav = _switcher(client.get("/reports/").content.decode())
    assert 'href="/language/cy/?next=/cy/reports/"' in nav
    assert 'lang="cy" hreflang="cy"' in nav
    assert ">Cymraeg</a>" in nav
    nav = _switcher(client.get("/cy/reports/").content.decode())
    assert 'href="/language/en-gb/?next=/reports/"' in nav
    assert 'lang="en-GB"' in nav and ">English</a>" in nav


def test_switcher_sets_cookie_and_redirects_to_next(client, home):
    response = client.get("/language/cy/", {"next": "/reports/?a=1"})
    assert response.status_code == 302
    assert response["Location"] == "/cy/reports/?a=1"
    assert response.cookies[COOKIE].value == "cy"


def test_switcher_refuses_offsite_next(client):
    response = client.get("/language/cy/", {"next": "https://evil.example/"})
    assert response["Location"] in ("/cy/", "/")


def test_switcher_unknown_language_falls_back_to_english(client):
    response = client.get("/language/fr/", {"next": "/cy/reports/"})
    assert response["Location"] == "/reports/"
    assert response.cookies[COOKIE].value == "en-gb"


def test_switcher_saves_signed_in_persons_preference(client, resident):
    client.force_login(resident)
    client.get("/language/cy/", {"next": "/reports/"})
    resident.refresh_from_db()
    assert resident.language == "cy"


def test_lang_query_redirects_to_welsh_address(client, home):
    response = client.get("/reports/", {"lang": "cy", "ward": "3"})
    assert response.status_code == 302
    assert response["Location"] == "/cy/reports/?ward=3"


def test_lang_query_english_on_welsh_page_goes_to_plain_address(client, home):
    response = client.get("/cy/reports/", {"lang": "en"})
    assert response["Location"] == "/reports/"


@pytest.mark.parametrize("value", ["zz", "", "../../etc", "cy\u00e9"])
def test_unknown_lang_query_is_ignored(client, home, value):
    response = client.get("/reports/", {"lang": value})
    assert response.status_code == 200
    assert '<html lang="en-GB">' in response.content.decode()


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/fr/reports/", "/reports/"),
        ("/xx/", "/"),
        ("/en/reports/", "/reports/"),
        ("/cy-gb/reports/", "/cy/reports/"),
    ],
)
def test_unknown_language_prefix_redirects(client, home, address, target):
    response = client.get(address)
    assert response.status_code == 302
    assert response["Location"] == target


def test_missing_welsh_address_is_a_plain_404(client, home):
    assert client.get("/cy/no-such-page/").status_code == 404


def test_first_visit_preferring_welsh_goes_to_welsh_address(client, home):
    response = client.get("/reports/", HTTP_ACCEPT_LANGUAGE="cy,en-GB;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/cy/reports/"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_chosen_english_is_kept_whatever_the_browser_prefers(client, home):
    client.cookies[COOKIE] = "en-gb"
    response = client.get("/reports/", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 200


def test_english_preferring_browser_stays_on_plain_address(client, home):
    response = client.get("/reports/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]


def test_machine_addresses_are_never_redirected(client, home):
    assert client.get("/healthz", HTTP_ACCEPT_LANGUAGE="cy").status_code == 200
    assert client.get("/api/v1/", {"lang": "cy"}, HTTP_ACCEPT_LANGUAGE="cy").status_code != 302


def test_page_cache_never_serves_cached_english_page_to_welsh_browser(client, home, page_cache):
    for _ in range(3):  # the first render leaves a marker, the second stores, the third is a hit
        english = client.get("/")
    assert english.status_code == 200
    welsh_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="cy")
    assert welsh_browser.status_code == 302
    assert welsh_browser["Location"] == "/cy/"
    again = client.get("/")
    assert again.status_code == 200 and '<html lang="en-GB">' in again.content.decode()
    assert "Accept-Language" in again["Vary"]


def test_alternates_default_uses_translate_url(rf, home):
    request = rf.get("/cy/reports/")
    from django.utils import translation

    with translation.override("cy"):
        found = alternates(request)
    assert [(a.code, a.url, a.current) for a in found] == [
        ("en-gb", "/reports/", False),
        ("cy", "/cy/reports/", True),
    ]


def test_alternates_use_a_pages_translation_when_it_exists(rf, home, settings):
    from wagtail.models import Locale

    settings.WAGTAIL_I18N_ENABLED = True
    welsh = home.copy_for_translation(Locale.objects.get_or_create(language_code="cy")[0])
    welsh.save_revision().publish()
    found = alternates(rf.get("/"), home)
    assert [a.url for a in found] == ["/", "/cy/"]
    found = alternates(rf.get("/"), welsh)
    assert found[0].url == "/"


def test_html_lang_is_one_bcp47_tag_for_every_code():
    assert html_lang("en-gb") == "en-GB"
    assert html_lang("cy") == "cy"
    assert html_lang("zh-hans") == "zh-Hans"
    assert html_lang("") == "en-GB"


def test_profile_language_choice_saved(client, resident):
    client.force_login(resident)
    response = client.post("/accounts/profile/", {"form": "language", "language": "cy"})
    assert response.status_code == 302
    assert response["Location"].startswith("/cy/accounts/profile/")
    assert response.cookies[COOKIE].value == "cy"
    resident.refresh_from_db()
    assert resident.language == "cy"


def test_profile_shows_language_choice(client, resident):
    client.force_login(resident)
    html = client.get("/accounts/profile/").content.decode()
    assert 'name="language"' in html and "Cymraeg" in html


def test_after_sign_in_reader_lands_in_preferred_language(client, make_user):
    user = make_user(language="cy")
    user.set_password("correct horse battery")
    user.save()
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery", "next": "/reports/"}
    )
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == "/cy/reports/"
    assert response.cookies[COOKIE].value == "cy"


def test_new_users_have_no_preference():
    assert User().language == ""


def _base_parts(html: str) -> str:
    """The skip link, header and footer: what base.html itself writes."""
    pattern = r'<a class="skip-link".*?</a>|<header.*?</header>|<footer.*?</footer>'
    return "".join(re.findall(pattern, html, re.S))


def test_base_page_parts_are_welsh_on_a_welsh_page(client, resident):
    from tests.welsh import assert_welsh

    parts = _base_parts(client.get("/cy/reports/").content.decode())
    assert "Neidio i'r prif gynnwys" in parts and "Mewngofnodi" in parts
    assert_welsh(parts)
    client.force_login(resident)
    parts = _base_parts(client.get("/cy/reports/").content.decode())
    assert "Allgofnodi" in parts
    assert_welsh(parts)


def test_javascript_catalogue_is_served_in_the_page_language(client, home):
    welsh = client.get("/cy/jsi18n/")
    assert welsh.status_code == 200
    assert "Cafodd sylw ei dynnu gan gymedrolwr." in welsh.content.decode()
    english = client.get("/jsi18n/")
    assert "gymedrolwr" not in english.content.decode()


def test_base_loads_catalogue_from_same_origin_before_app_scripts(client, home):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("cy"):
        address = reverse("mapping:report_new")
    html = client.get(address).content.decode()
    catalogue = html.index('<script src="/cy/jsi18n/"></script>')
    assert catalogue < html.index("/static/js/place-lookup.js")


def test_a_page_without_scripts_loads_no_catalogue(client, home):
    html = client.get("/cy/reports/list/").content.decode()
    assert "jsi18n" not in html and "<script" not in html


def test_a_third_language_needs_only_settings(client, home, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("gd", "Gàidhlig")]
    assert '<html lang="gd">' in client.get("/gd/reports/").content.decode()
    nav = _switcher(client.get("/reports/").content.decode())
    assert 'href="/language/gd/?next=/gd/reports/"' in nav and ">Gàidhlig</a>" in nav


def test_extra_languages_come_from_the_environment():
    import os
    import subprocess
    import sys

    code = "from django.conf import settings; import django; django.setup(); print(settings.LANGUAGES)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.test",
        "EXTRA_LANGUAGES": "gd:Gàidhlig, ga:Gaeilge",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "('gd', 'Gàidhlig'), ('ga', 'Gaeilge')" in out
