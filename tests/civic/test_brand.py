"""The council's brand: name, logo, colour, footer links and email sender, per site, cached."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from civic import brand, names
from civic.colours import contrast, validate_brand_colour
from civic.models import DEFAULT_BRAND_COLOUR, Brand
from consultations import tasks
from tests.consultations.factories import CommentFactory
from tests.support.auth import sign_in


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_without_a_brand_pages_say_civic_in_the_gov_uk_like_theme(home, client):
    html = client.get("/").content.decode()
    assert title(html).endswith("– Civic")
    assert 'class="site-header__name" href="/">Civic</a>' in html
    assert "<style" not in html  # the default colour lives in civic.css


def test_a_changed_name_shows_in_title_header_footer_and_colour(northbrook, client):
    response = client.get("/")
    html = response.content.decode()
    assert title(html).endswith("– Northbrook Council")
    assert 'class="site-header__name" href="/">Northbrook Council</a>' in html
    assert "Northbrook Council is run by the council" in html
    assert '<a href="https://northbrook.example/">Council website</a>' in html
    style = re.search(r'<style nonce="([^"]+)">(.*?)</style>', html).groups()
    assert "--brand: #005a30" in style[1]
    assert f"'nonce-{style[0]}'" in response.headers["Content-Security-Policy"]  # allowed, no unsafe-inline


def test_saving_the_brand_takes_effect_at_once(northbrook, client, django_capture_on_commit_callbacks):
    client.get("/")
    northbrook.site_name = "Northbrook Borough Council"
    with django_capture_on_commit_callbacks(execute=True):
        northbrook.save()
    assert title(client.get("/").content.decode()).endswith("– Northbrook Borough Council")


def test_a_page_reads_the_brand_from_the_cache_not_the_database(northbrook, client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert "Northbrook Council" in client.get("/").content.decode()
    assert not [q for q in queries.captured_queries if "civic_brand" in q["sql"]]


def test_platform_emails_come_from_the_council(northbrook, consultation):
    comment = CommentFactory(consultation=consultation)
    tasks.notify_authors_of_decision.call([comment.pk], "approve", "", "")
    (email,) = mail.outbox
    assert email.from_email == "Northbrook Have Your Say <civic@localhost>"
    assert email.subject.startswith("[Northbrook Council] ")
    assert "Northbrook Council" in email.body


def test_account_emails_come_from_the_council(northbrook, client, resident):
    client.post(reverse("account_reset_password"), {"email": resident.email})
    (email,) = mail.outbox
    assert email.from_email == "Northbrook Have Your Say <civic@localhost>"
    assert email.subject.startswith("[Northbrook Council] ")


def test_sender_name_defaults_to_the_site_name():
    council = brand.SiteBrand(site_name="Northbrook Council")
    assert council.from_email == "Northbrook Council <civic@localhost>"


def test_contrast_follows_wcag():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert contrast(DEFAULT_BRAND_COLOUR, "#ffffff") >= 4.5
    validate_brand_colour("#1d70b8")  # GOV.UK blue: 5.2:1


def test_a_low_contrast_colour_is_refused_with_a_clear_form_error(home, client, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    sign_in(client, admin)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["civic", "brand", site.pk])
    form = {
        "site_name": "Northbrook Council",
        "primary_colour": "#ffdd00",
        "footer_links-count": "0",
        "email_sender_name": "",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert (
        "This colour has a contrast of 1.3:1 with white; it needs at least 4.5:1" in response.content.decode()
    )
    assert not Brand.objects.filter(primary_colour="#ffdd00").exists()
    form["primary_colour"] = "#005a30"
    assert client.post(url, form).status_code == 302
    assert Brand.objects.get(site=site).primary_colour == "#005a30"


def test_a_display_name_may_not_pose_as_the_council_brand(northbrook, resident):
    with pytest.raises(ValidationError):
        names.clean_display_name("Northbrook Council")
    assert names.clean_display_name("Northbrook Neighbour") == "Northbrook Neighbour"


def test_the_logo_shows_in_the_header(
    northbrook, client, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    northbrook.logo = Image.objects.create(title="Crest", file=get_test_image_file())
    with django_capture_on_commit_callbacks(execute=True):
        northbrook.save()
    html = client.get("/").content.decode()
    logo = re.search(r'<img class="site-header__logo" src="([^"]+)" width="\d+" height="60" alt="">', html)
    assert logo and logo.group(1).startswith("/media/")


def test_each_site_has_its_own_brand(northbrook, home, client, settings, django_capture_on_commit_callbacks):
    settings.ALLOWED_HOSTS = ["testserver", "riverside.example"]
    client.get("/")  # cache filled before the second site exists: adding it must clear the cache
    with django_capture_on_commit_callbacks(execute=True):
        other = Site.objects.create(hostname="riverside.example", port=80, root_page=home)
        Brand.objects.create(site=other, site_name="Riverside Council")
    assert title(client.get("/", HTTP_HOST="riverside.example").content.decode()).endswith(
        "– Riverside Council"
    )
    assert title(client.get("/").content.decode()).endswith("– Northbrook Council")
