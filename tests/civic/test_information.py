"""Information pages: where they may be made, each kind once, and footer links that cost one query."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from civic.information import links_for
from civic.models import HomePage, InformationPage
from consultations.models import ConsultationIndexPage, ConsultationPage
from tests.civic.factories import make_information_page
from tests.support.auth import sign_in

KINDS = ["privacy", "accessibility", "cookies", "house-rules", "contact"]


@pytest.fixture
def information(home):
    return [make_information_page(home, kind) for kind in KINDS]


def test_information_pages_sit_only_under_the_home_page(home, index, consultation):
    assert InformationPage.allowed_parent_page_models() == [HomePage]
    assert InformationPage.can_create_at(home)
    assert not InformationPage.can_create_at(index)
    assert not InformationPage.can_create_at(consultation)
    assert InformationPage not in ConsultationIndexPage.creatable_subpage_models()
    assert InformationPage not in ConsultationPage.creatable_subpage_models()
    assert InformationPage.creatable_subpage_models() == []


def test_each_kind_of_information_page_exists_once_but_other_pages_may_be_many(home):
    make_information_page(home, "privacy")
    with pytest.raises(ValidationError) as refused:
        make_information_page(home, "privacy", slug="privacy-2")
    assert "kind" in refused.value.message_dict
    make_information_page(home, "other", slug="about")
    make_information_page(home, "other", slug="help")
    assert InformationPage.objects.filter(kind="other").count() == 2


def test_information_page_renders_its_title_intro_and_body(client, home):
    page = make_information_page(
        home,
        "cookies",
        intro="Only the cookies we need.",
        body=[("heading", "Essential cookies"), ("paragraph", "<p>sessionid keeps you signed in.</p>")],
    )
    page.save_revision().publish()
    response = client.get("/cookies/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Cookies</h1>" in html
    assert "Only the cookies we need." in html
    assert "<h2>Essential cookies</h2>" in html
    assert "sessionid keeps you signed in." in html


def test_every_information_page_is_linked_from_a_consultation_pages_footer(client, consultation, information):
    response = client.get(consultation.url)
    assert response.status_code == 200
    footer = response.content.decode().split('<footer class="site-footer">')[1]
    for page in information:
        assert f'<a href="/{page.slug}/">{page.title}</a>' in footer


def test_footer_leaves_out_drafts_and_restricted_pages(rf, home, information):
    draft = make_information_page(home, "other", slug="draft", live=False)
    private = make_information_page(home, "other", slug="staff-only", title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    request = rf.get("/")
    urls = [link.url for link in links_for(request).footer]
    assert urls == [f"/{kind}/" for kind in KINDS]
    assert f"/{draft.slug}/" not in urls


def test_footer_links_cost_one_query_per_request_however_many_pages(
    rf: RequestFactory, home, information, django_assert_num_queries
):
    assert links_for(rf.get("/")).footer  # Wagtail keeps the site's root paths in the shared cache
    request = rf.get("/")
    with django_assert_num_queries(1):
        assert len(links_for(request).footer) == len(KINDS)
        assert links_for(request).house_rules == "/house-rules/"
    with django_assert_num_queries(0):  # the same request renders more templates: no new query
        assert links_for(request).url_of("contact") == "/contact/"


def test_a_page_costs_the_same_queries_with_one_or_many_information_pages(client, home, consultation):
    make_information_page(home, "privacy")
    client.get(consultation.url)  # warm Wagtail's site caches
    with CaptureQueriesContext(connection) as one:
        client.get(consultation.url)
    for kind in KINDS[1:]:
        make_information_page(home, kind)
    with CaptureQueriesContext(connection) as many:
        response = client.get(consultation.url)
    assert "/contact/" in response.content.decode()
    assert len(many) == len(one)


def test_the_comment_form_links_to_the_house_rules(client, resident, consultation, information):
    sign_in(client, resident)
    html = client.get(consultation.url).content.decode()
    form = html.split('id="comment-form"')[1].split("</form>")[0]
    assert '<a href="/house-rules/">house rules</a>' in form


def test_the_comment_form_says_nothing_of_house_rules_until_the_page_exists(client, resident, consultation):
    sign_in(client, resident)
    html = client.get(consultation.url).content.decode()
    form = html.split('id="comment-form"')[1].split("</form>")[0]
    assert "house rules" not in form


def test_the_moderation_log_links_to_the_house_rules(client, consultation, information):
    response = client.get(reverse("consultations:moderation_log", args=[consultation.pk]))
    assert response.status_code == 200
    assert '<a href="/house-rules/">house rules</a>' in response.content.decode()


def test_only_administrators_edit_information_pages(home, officer, make_user):
    page = make_information_page(home, "privacy")
    admin = make_user(is_superuser=True, is_staff=True)
    assert page.permissions_for_user(admin).can_edit()
    assert not page.permissions_for_user(officer).can_edit()
    assert not page.permissions_for_user(officer).can_publish()
