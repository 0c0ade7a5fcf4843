"""The residents' site search finds published contributions on public pages, on both engines, and
nothing pending, hidden, removed, on a draft or private page, or from a hidden or merged report."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations.models import Comment
from search import public
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.mapping.factories import CategoryFactory, ReportFactory

URL = "/search/"


@pytest.fixture
def parking_world(consultation, index, organisation):
    author = UserFactory(display_name="StationSam", email="sam.private@example.org")
    proposal = make_proposal(consultation, title="Resident parking permits", slug="resident-parking")
    world = {
        "published": CommentFactory(
            consultation=consultation, author=author, body="More parking near the station, please."
        ),
        "stemmed": CommentFactory(
            consultation=consultation, proposal=proposal, body="Cars parked on verges."
        ),
        "pending": CommentFactory(
            consultation=consultation, status=Comment.Status.PENDING, body="Pending parking idea."
        ),
        "hidden": CommentFactory(
            consultation=consultation, status=Comment.Status.HIDDEN, body="Hidden parking rant."
        ),
        "removed": CommentFactory(
            consultation=consultation, status=Comment.Status.REMOVED, body="Removed parking abuse."
        ),
    }
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation, title="Draft plan")
    world["on_draft"] = CommentFactory(consultation=draft, body="Parking comment on a draft page.")
    private = make_consultation(index, "open", lead_organisation=organisation, title="Private plan")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="s3cret")
    world["on_private"] = CommentFactory(consultation=private, body="Parking comment on a private page.")
    private_proposal = make_proposal(consultation, title="Secret parking proposal", slug="secret-parking")
    PageViewRestriction.objects.create(page=private_proposal, restriction_type="login")
    world["on_private_proposal"] = CommentFactory(
        consultation=consultation, proposal=private_proposal, body="Parking comment on a private proposal."
    )
    category = CategoryFactory(organisation=organisation)
    world["report"] = ReportFactory(category=category, title="Parking on the pavement", reporter=author)
    ReportFactory(category=category, title="Hidden parking report", hidden_at=timezone.now())
    ReportFactory(category=category, title="Merged parking report", status="duplicate")
    ReportFactory(
        category=category,
        title="Unconfirmed parking report",
        reporter=None,
        contact_email="anon@example.org",
        awaiting_confirmation=True,
    )
    world["proposal"] = proposal
    return world


def test_parking_finds_published_comments_proposals_and_reports(engine, reindex, client, parking_world):
    reindex()
    response = client.get(URL, {"q": "parking"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "More parking near the station, please." in html
    assert "Cars parked on verges." in html  # stemming: parking finds parked
    assert "Resident parking permits" in html
    assert "Parking on the pavement" in html
    assert "StationSam" in html
    assert "sam.private@example.org" not in html


def test_public_search_never_shows_hidden_or_unpublished_contributions(
    engine, reindex, client, parking_world
):
    reindex()
    html = client.get(URL, {"q": "parking"}).content.decode()
    for text in (
        "Pending parking idea",
        "Hidden parking rant",
        "Removed parking abuse",
        "Parking comment on a draft page",
        "Parking comment on a private page",
        "Private plan",
        "Secret parking proposal",
        "Parking comment on a private proposal",
        "Hidden parking report",
        "Merged parking report",
        "Unconfirmed parking report",
    ):
        assert text not in html, text


def test_results_hold_no_email_even_when_the_display_name_is_empty(engine, reindex, client, consultation):
    author = UserFactory(display_name="", email="nameless@example.org")
    CommentFactory(consultation=consultation, author=author, body="Parking at the clinic is hard.")
    reindex()
    html = client.get(URL, {"q": "parking"}).content.decode()
    assert "Parking at the clinic is hard." in html
    assert f"Participant {author.pk}" in html
    assert "nameless@example.org" not in html and author.username not in html


def test_a_comment_hidden_after_indexing_disappears_at_once(engine, reindex, client, parking_world):
    reindex()
    comment = parking_world["published"]
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HIDDEN)  # the index has not heard
    html = client.get(URL, {"q": "parking"}).content.decode()
    assert "More parking near the station" not in html
    assert "Cars parked on verges." in html


def test_operator_syntax_is_plain_words_on_the_public_page(engine, reindex, client, parking_world):
    reindex()
    html = client.get(URL, {"q": '"parking -station'}).content.decode()
    assert "More parking near the station, please." in html  # "-station" is a word here, not an exclusion


def test_public_search_queries_are_bounded(
    engine, reindex, client, consultation, django_assert_max_num_queries
):
    for n in range(3):
        CommentFactory(consultation=consultation, body=f"Parking thought {n}.")
    reindex()
    with django_assert_max_num_queries(40) as few:
        client.get(URL, {"q": "parking"})
    for n in range(30):
        CommentFactory(consultation=consultation, body=f"More parking thoughts {n}.")
    reindex()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"q": "parking"})
    assert "33 results" in response.content.decode()


def test_snippet_centres_on_the_searched_word():
    text = "Intro words. " * 40 + "The parking problem is at the end."
    snippet = public.snippet(text, ("parking",))
    assert "parking problem" in snippet and snippet.startswith("…")
    assert len(snippet) <= public.SNIPPET_CHARS + 4
