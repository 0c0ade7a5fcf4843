"""Anonymous readers get consultation pages from the cache (civic.pagecache) until a write that
changes them commits; signed-in readers always get their own render."""

import re
import time
from datetime import timedelta

import pytest

from civic import pagecache
from consultations import moderation, services
from consultations.models import LiveSequence
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_consultation
from tests.support.auth import give_authenticator, sign_in

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def moderator(organisation):
    user = UserFactory(roles=["Moderators"], organisation=organisation)
    give_authenticator(user)
    return user


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def read(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response, response.content.decode()


def cached(client, url) -> str:
    """The page as an anonymous reader sees it, after checking it is served from the cache (the first
    render of an address stores a marker, the second the page)."""
    verdicts = [read(client, url)[0][pagecache.HEADER] for _ in range(2)]
    third, text = read(client, url)
    assert third[pagecache.HEADER] == "hit", verdicts
    return text


def test_a_comment_makes_the_cached_consultation_page_stale(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    assert "Parking by the school gates" not in cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(author=resident, consultation=consultation, body="Parking by the school gates")
    response, text = read(client, consultation.url)
    assert response[pagecache.HEADER] == "miss"
    assert "Parking by the school gates" in text
    seq = LiveSequence.objects.get(consultation_id=consultation.pk).last_seq
    assert f'data-live-seq="{seq}"' in text  # the client catches up from the page's own position


def test_a_cached_page_waits_for_the_commit(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    """Before the write commits nothing is bumped: the reader keeps the committed page."""
    cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.post_comment(author=resident, consultation=consultation, body="Not committed yet")
    assert read(client, consultation.url)[0][pagecache.HEADER] == "hit"
    for callback in callbacks:
        callback()
    assert "Not committed yet" in read(client, consultation.url)[1]


def test_publishing_makes_cached_pages_stale(
    client, home, index, consultation, django_capture_on_commit_callbacks
):
    assert "Library hours extended" not in cached(client, consultation.url)
    assert consultation.title in cached(client, home.url)
    assert consultation.title in cached(client, index.url)
    consultation.title = "Library hours extended"
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()
    for url in (consultation.url, home.url, index.url):
        assert "Library hours extended" in read(client, url)[1], url


def test_unpublishing_takes_the_cached_page_away(client, consultation, django_capture_on_commit_callbacks):
    cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        consultation.unpublish()
    assert client.get(consultation.url).status_code == 404


def test_a_moderators_hide_makes_the_cached_page_stale(
    client,
    consultation,
    resident,
    moderator,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.post_comment(author=resident, consultation=consultation, body="Rude words here")
    assert "Rude words here" in cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            moderator=moderator,
            comment_ids=[comment.pk],
            decision="hide",
            reason="abusive",
            expected_queue=False,
        )
    assert "Rude words here" not in read(client, consultation.url)[1]


def test_a_vote_makes_the_cached_tally_stale(client, proposal, django_capture_on_commit_callbacks):
    consultation = proposal.get_parent().specific
    for url in (proposal.url, consultation.url):
        assert "<strong>0</strong> support" in cached(client, url)
    voters = UserFactory.create_batch(3, roles=["Residents"])
    with django_capture_on_commit_callbacks(execute=True):
        for voter in voters:
            services.cast_vote(voter=voter, proposal=proposal, choice="support")
    for url in (proposal.url, consultation.url):
        assert "<strong>3</strong> support" in read(client, url)[1], url


def test_a_cached_page_expires_when_the_consultation_opens(client, index, monkeypatch):
    upcoming = make_consultation(index, "upcoming")
    assert "opens on" in cached(client, upcoming.url)
    later = (upcoming.opens_at + timedelta(minutes=1)).timestamp()
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    response = client.get(upcoming.url)
    assert response[pagecache.HEADER] == "miss"  # the entry was kept only until it opens


def test_a_cached_anonymous_page_holds_nothing_about_a_session(client, consultation, proposal):
    for url in (consultation.url, proposal.url):
        client.get(url)
        first = client.get(url)
        assert first[pagecache.HEADER] == "miss"
        entry = pagecache.store().get(pagecache._entry_key(first.wsgi_request))
        assert entry is not None, url
        content = entry["content"].decode()
        assert "csrfmiddlewaretoken" not in content
        assert "Sign out" not in content and "Your account" not in content
        hit = client.get(url)
        assert hit[pagecache.HEADER] == "hit" and not hit.cookies


def test_a_signed_in_reader_never_gets_the_cached_page_or_another_readers_token(
    client, consultation, proposal
):
    first, second = UserFactory(display_name="Ada Reader"), UserFactory(display_name="Bo Reader")
    for url in (consultation.url, proposal.url):
        client.cookies.clear()
        cached(client, url)  # an anonymous copy is stored
        tokens = {}
        for user in (first, second):
            client.cookies.clear()
            sign_in(client, user)
            response, text = read(client, url)
            assert response.get(pagecache.HEADER) is None  # rendered for this reader
            assert user.public_name in text
            other = second if user is first else first
            assert other.public_name not in text
            tokens[user.pk] = set(CSRF_INPUT.findall(text))
            assert tokens[user.pk], url  # the follow (and comment) forms carry this reader's token
        assert not tokens[first.pk] & tokens[second.pk]


def test_a_signed_in_render_is_never_stored_for_anonymous_readers(client, consultation, resident):
    sign_in(client, resident)
    client.get(consultation.url)
    client.cookies.clear()
    response, text = read(client, consultation.url)
    assert response[pagecache.HEADER] == "miss"
    assert resident.public_name not in text and "csrfmiddlewaretoken" not in text


def test_a_reader_with_a_session_is_not_served_from_the_cache(client, consultation):
    cached(client, consultation.url)
    session = client.session
    session["seen"] = True
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert client.get(consultation.url).get(pagecache.HEADER) is None


def test_a_proxy_revalidates_with_the_etag(client, consultation, settings):
    settings.PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=30"
    client.get(consultation.url)
    first = client.get(consultation.url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=30" and "Cookie" in first["Vary"]
    again = client.get(consultation.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content


def test_the_page_cache_can_be_turned_off(client, consultation, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        assert client.get(consultation.url).get(pagecache.HEADER) is None


@pytest.mark.parametrize("query", ["?page=2", "?reply_to=1"])
def test_each_query_is_its_own_entry(client, consultation, query):
    cached(client, consultation.url)
    assert client.get(consultation.url + query)[pagecache.HEADER] == "miss"


def test_a_closed_consultation_page_is_kept_for_the_configured_time(client, index):
    closed = make_consultation(index, "closed")
    client.get(closed.url)
    response = client.get(closed.url)
    assert response[pagecache.HEADER] == "miss"
    entry = pagecache.store().get(pagecache._entry_key(response.wsgi_request))
    assert entry["expires"] > time.time() + 590  # nothing ahead changes it by itself


# Signed-in readers: the parts every reader shares come from the cache, their own parts do not.


def test_a_signed_in_reader_sees_a_new_comment_at_once(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    sign_in(client, resident)
    read(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(author=UserFactory(), consultation=consultation, body="Fresh in the list")
    assert "Fresh in the list" in read(client, consultation.url)[1]


def test_pending_comments_stay_with_their_author(client, consultation, resident):
    consultation.moderation_policy = "pre"
    consultation.save()
    services.post_comment(author=resident, consultation=consultation, body="Mine awaiting a moderator")
    other = UserFactory(roles=["Residents"])
    for user, sees in ((other, False), (resident, True), (other, False)):
        client.cookies.clear()
        sign_in(client, user)
        assert ("Mine awaiting a moderator" in read(client, consultation.url)[1]) is sees, user


def test_a_moderators_buttons_never_reach_a_resident(client, consultation, resident, officer, moderator):
    services.post_comment(author=resident, consultation=consultation, body="A thread to pin")
    for user, sees in ((moderator, True), (resident, False), (officer, True), (resident, False)):
        client.cookies.clear()
        sign_in(client, user)
        text = read(client, consultation.url)[1]
        assert ("Close replies" in text and "/thread/" in text) is sees, user


def test_a_shared_part_with_a_csrf_token_is_never_stored(rf):
    from django.template import Context, Template

    template = Template('{% load shared_parts %}{% shared key "form" %}{% csrf_token %}{% endshared %}')
    first = template.render(Context({"key": "v1", "csrf_token": "one-readers-token"}))
    second = template.render(Context({"key": "v1", "csrf_token": "another-readers-token"}))
    assert "one-readers-token" in first and "another-readers-token" in second


def test_a_changed_display_name_makes_cached_pages_stale(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    """Names are printed beside comments: the old one must not outlive the change in the cache."""
    from civic.services import update_display_name

    services.post_comment(author=resident, consultation=consultation, body="Bins on Tuesdays")
    update_display_name(resident, "Pat Original")
    assert "Pat Original" in cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        update_display_name(resident, "Sam Renamed")
    response, text = read(client, consultation.url)
    assert response[pagecache.HEADER] == "miss"
    assert "Sam Renamed" in text and "Pat Original" not in text


def test_an_erased_account_leaves_no_cached_page_with_its_name(
    client, consultation, resident, django_capture_on_commit_callbacks
):
    from civic.services import erase_account, update_display_name

    update_display_name(resident, "Erin Erased")
    services.post_comment(author=resident, consultation=consultation, body="Streetlights out")
    assert "Erin Erased" in cached(client, consultation.url)
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(actor=resident, user=resident, password="correct horse battery staple")
    response, text = read(client, consultation.url)
    assert response[pagecache.HEADER] == "miss"
    assert "Erin Erased" not in text


def test_signing_out_does_not_empty_the_page_cache(client, consultation, resident):
    """Only a name leaving the site does: other account changes keep cached pages."""
    from django.contrib.auth import get_user_model

    from civic import signals

    cached(client, consultation.url)
    signals.account_changed.send(sender=get_user_model(), user_id=resident.pk, reason="signed_out")
    assert read(client, consultation.url)[0][pagecache.HEADER] == "hit"
