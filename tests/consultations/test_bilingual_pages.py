"""A Welsh consultation or proposal is a translation of the English one: residents take part in one
consultation, whichever language they read it in."""

import html
import re

import pytest

from consultations.models import Comment, Vote
from tests.consultations.bilingual import translate
from tests.consultations.factories import make_consultation
from tests.consultations.test_views import comment_data
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh(consultation, proposal):
    """Welsh translations of the consultation and its proposal (home and index translated too)."""
    page = translate(consultation, title="Ymgynghoriad Llyfrgell Northbrook", summary="Crynodeb.")
    prop = translate(proposal, title="Cynnig oriau agor")
    return page, prop


def test_the_canonical_page_of_a_translation_is_the_english_page(consultation, proposal, welsh):
    page, prop = welsh
    assert page.canonical.pk == consultation.pk and consultation.canonical is consultation
    assert prop.canonical.pk == proposal.pk
    assert prop.consultation.pk == consultation.pk
    assert page.url.startswith("/cy/") and page.pk != consultation.pk


def test_the_welsh_page_posts_to_and_streams_from_the_canonical_ids(client, consultation, welsh, resident):
    page, prop = welsh
    sign_in(client, resident)
    html = client.get(page.url).content.decode()
    assert "Ymgynghoriad Llyfrgell Northbrook" in html
    assert f'action="/cy/consultations/{consultation.pk}/comment/' in html
    assert f'data-live-ws="/ws/consultations/{consultation.pk}/"' in html
    proposal_html = client.get(prop.url).content.decode()
    assert f'data-live-ws="/ws/consultations/{consultation.pk}/"' in proposal_html
    assert f'action="/cy/consultations/{prop.canonical.pk}/vote/' in proposal_html


def test_a_comment_posted_on_the_welsh_page_appears_on_the_english_page_and_back(
    client, consultation, welsh, resident
):
    page, _ = welsh
    sign_in(client, resident)
    english_url = f"/consultations/{consultation.pk}/comment/"
    welsh_url = f"/cy{english_url}"
    response = client.post(welsh_url, comment_data(body="Sylw yn Gymraeg am y llyfrgell."))
    assert response.status_code == 302
    assert response["Location"].startswith(page.url)  # back to the Welsh page
    assert Comment.objects.get().consultation_id == consultation.pk
    client.post(english_url, comment_data(body="An English comment about the library."))
    for url in (page.url, consultation.url):
        html = client.get(url).content.decode()
        assert "Sylw yn Gymraeg am y llyfrgell." in html and "An English comment about the library." in html


def test_votes_are_counted_once_for_both_languages(
    client, consultation, proposal, welsh, resident, make_user
):
    page, prop = welsh
    sign_in(client, resident)
    response = client.post(f"/cy/consultations/{proposal.pk}/vote/", {"choice": "support"})
    assert response.status_code == 302 and response["Location"].startswith(prop.url)
    Vote.objects.create(proposal=proposal, user=make_user(), choice="support")
    assert Vote.objects.filter(proposal=proposal).count() == 2
    for url, word in (
        (page.url, "yn cefnogi"),
        (consultation.url, "support"),
        (prop.url, "yn cefnogi"),
        (proposal.url, "support"),
    ):
        assert f"<strong>2</strong> {word}" in client.get(url).content.decode(), url


def test_the_welsh_consultation_lists_its_proposals_in_welsh_with_the_canonical_tallies(
    client, consultation, proposal, welsh, resident
):
    page, prop = welsh
    Vote.objects.create(proposal=proposal, user=resident, choice="support")
    html = client.get(page.url).content.decode()
    assert "Cynnig oriau agor" in html and prop.url in html
    assert "<strong>1</strong> yn cefnogi" in html


def test_state_and_dates_come_from_the_canonical_page(client, consultation, welsh):
    page, _ = welsh
    type(page).objects.filter(pk=page.pk).update(closes_at=consultation.opens_at)  # a stale copy
    page.refresh_from_db()
    assert page.reading_copy().is_open and page.reading_copy().closes_at == consultation.closes_at


def test_translating_copies_no_participation(consultation, proposal, resident):
    Comment.objects.create(consultation=consultation, author=resident, body="Hello there.")
    Vote.objects.create(proposal=proposal, user=resident, choice="support")
    translate(consultation)
    welsh_proposal = translate(proposal)
    assert Comment.objects.count() == 1 and Vote.objects.count() == 1
    assert [b.id for b in welsh_proposal.proposed_change] == [b.id for b in proposal.proposed_change]


NOTE = "Nid yw'r dudalen hon ar gael yn Gymraeg eto"


def test_the_welsh_address_of_the_home_page_serves_the_welsh_home(client, home):
    translate(home, title="Hafan Northbrook")
    response = client.get("/cy/")
    assert response.status_code == 200
    assert "Hafan Northbrook" in response.content.decode()
    assert NOTE not in response.content.decode()


def test_a_page_without_a_welsh_translation_is_shown_in_english_with_a_note(
    client, consultation, welsh, index
):
    other = make_consultation(
        index, "open", title="Library opening hours", lead_organisation=consultation.lead_organisation
    )
    response = client.get(f"/cy/consultations/{other.slug}/")
    assert response.status_code == 200
    page_html = response.content.decode()
    assert NOTE in html_text(response)
    assert re.search(r'<div lang="en-GB">\s*.*Library opening hours', page_html, re.S)


def test_without_any_welsh_pages_the_english_page_shows_with_a_note(client, consultation):
    response = client.get("/cy" + consultation.url)
    assert response.status_code == 200
    assert NOTE in html_text(response)


def test_an_unknown_welsh_address_is_still_not_found(client, welsh):
    assert client.get("/cy/consultations/no-such-page/").status_code == 404
    assert client.get("/cy/no-such-page/").status_code == 404


def test_the_english_page_shows_no_note(client, consultation, welsh):
    assert NOTE not in html_text(client.get(consultation.url))


def html_text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_home_page_lists_each_consultation_once_in_the_readers_language(client, consultation, welsh):
    page, _ = welsh
    english_home = client.get("/").content.decode()
    assert english_home.count(consultation.title) >= 1 and page.title not in english_home
    welsh_home = client.get("/cy/").content.decode()
    assert page.title in welsh_home and f">{consultation.title}<" not in welsh_home


def test_maps_and_the_api_list_each_proposal_once(consultation, proposal, welsh):
    from api.views import public_consultations, public_proposals
    from mapping.proposal_maps import located_proposals

    type(proposal).objects.filter(translation_key=proposal.translation_key).update(
        latitude=51.5, longitude=-3.2
    )
    assert [p.pk for p in located_proposals()] == [proposal.pk]
    assert list(public_consultations().values_list("pk", flat=True)) == [consultation.pk]
    assert list(public_proposals().values_list("pk", flat=True)) == [proposal.pk]


def test_the_welsh_consultation_list_shows_every_consultation_once(client, consultation, welsh, index):
    page, _ = welsh
    other = make_consultation(
        index, "open", title="Library opening hours", lead_organisation=partner_of(consultation)
    )
    html = client.get(f"/cy{index.url}").content.decode()
    assert page.title in html and "Library opening hours" in html
    assert f">{consultation.title}<" not in html
    assert other.url in html or f"/cy{other.url}" in html


def partner_of(consultation):
    return consultation.lead_organisation


def test_a_comment_on_an_untranslated_page_read_in_welsh_returns_to_its_welsh_address(
    client, consultation, resident
):
    """No Welsh translation: back to /cy/<the English page's path>, not to the English page."""
    sign_in(client, resident)
    response = client.post(f"/cy/consultations/{consultation.pk}/comment/", comment_data(body="Sylw byr."))
    assert response.status_code == 302
    assert response["Location"].startswith(f"/cy{consultation.url}")
    english = client.post(f"/consultations/{consultation.pk}/comment/", comment_data(body="A short one."))
    assert english["Location"].startswith(consultation.url) and not english["Location"].startswith("/cy/")


def render_twice(client, url, django_assert_max_num_queries, cold, warm):
    """Query counts of a page's first render (nothing cached) and its second (shared parts cached)."""
    with django_assert_max_num_queries(cold) as first:
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(warm) as again:
        assert client.get(url).status_code == 200
    return len(first.captured_queries), len(again.captured_queries)


def test_the_welsh_consultation_page_costs_what_the_english_page_costs(
    client, consultation, proposal, welsh, resident, page_cache, django_assert_max_num_queries
):
    from civic import pagecache
    from tests.consultations.factories import CommentFactory, make_proposal

    page, _ = welsh
    sign_in(client, resident)
    for url in (consultation.url, page.url):  # the process's locale lookups (once per process) done
        client.get(url)
    counted = []
    for more in (1, 25):  # two data sizes: the counts stay the same
        for _ in range(more):
            CommentFactory(consultation=consultation)
        make_proposal(consultation)
        pagecache.bump(pagecache.SITE)  # cold again: shared parts and the page tree's facts
        english = render_twice(client, consultation.url, django_assert_max_num_queries, 36, 18)
        pagecache.bump(pagecache.SITE)
        cymraeg = render_twice(client, page.url, django_assert_max_num_queries, 39, 19)
        # Warm, the Welsh page costs one more: Wagtail finds the Welsh home (the site root's
        # translation) on each request. Cold, it also looks up its canonical (English) page and
        # its proposals' Welsh titles (civic.bilingual.localize), once until the next change.
        assert cymraeg[1] - english[1] <= 1
        assert cymraeg[0] - english[0] <= 3
        counted.append((english, cymraeg))
    assert counted[0] == counted[1]
