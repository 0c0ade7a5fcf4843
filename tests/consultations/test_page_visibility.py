"""Unpublished and private pages stay unseen on every consultations HTTP path (issue 12, item 1).

The grid: each path x {draft proposal, proposal under a draft consultation, password-protected
consultation, consultation private to a group} x {anonymous, resident, officer of another
organisation} gives 404 (or a sign-in / password prompt for the page itself), shows no title or
comment text, and saves nothing. Then the allowed side: the same paths work on a public page,
after the password, for the group, and staff of the owning organisation preview drafts."""

import uuid

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from consultations import moderation, permissions, services
from consultations.models import Comment, Flag, Vote
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.support.auth import sign_in

SECRET_TITLE = "Secret depot closure"
SECRET_TEXT = "Words written on a page nobody may see"
PASSWORD_KEY = PageViewRestriction.passed_view_restrictions_session_key
KINDS = ["draft_proposal", "under_draft_consultation", "password", "group"]
WHO = ["anonymous", "resident", "other_officer"]


def _restrict(page, kind: str) -> PageViewRestriction:
    if kind == "password":
        return PageViewRestriction.objects.create(page=page, restriction_type="password", password="s3cret")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name="Board members")[0])
    return restriction


def make_target(index, organisation, kind: str = "public"):
    """A consultation with one proposal (hidden as `kind` says) and a comment on that proposal."""
    consultation = make_consultation(
        index,
        "open",
        lead_organisation=organisation,
        live=kind != "under_draft_consultation",
        results_published=True,
    )
    proposal = make_proposal(consultation, title=SECRET_TITLE, live=kind != "draft_proposal")
    if kind in ("password", "group"):
        _restrict(consultation, kind)
    comment = CommentFactory(consultation=consultation, proposal=proposal, body=SECRET_TEXT)
    return consultation, proposal, comment


def _paths(consultation, proposal, comment):
    """(name, method, url, data) for every consultations HTTP path that touches the proposal."""
    c, p, k = consultation.pk, proposal.pk, comment.pk
    token = str(uuid.uuid4())
    return [
        (
            "comment",
            "post",
            f"/consultations/{p}/comment/",
            {"body": "Hello there", "stance": "support", "client_token": token},
        ),
        ("comment_invalid", "post", f"/consultations/{p}/comment/", {"body": "", "stance": "nonsense"}),
        (
            "reply",
            "post",
            f"/consultations/{p}/comment/",
            {"body": "A reply", "stance": "support", "parent": k},
        ),
        ("vote", "post", f"/consultations/{p}/vote/", {"choice": "support"}),
        ("vote_invalid", "post", f"/consultations/{p}/vote/", {"choice": "maybe"}),
        ("respond", "post", f"/consultations/{p}/respond/", {"body": "Officially", "pinned": ""}),
        ("respond_invalid", "post", f"/consultations/{p}/respond/", {"body": ""}),
        ("report_form", "get", f"/consultations/comments/{k}/report/", None),
        ("report", "post", f"/consultations/comments/{k}/report/", {"reason": "spam", "note": ""}),
        ("report_invalid", "post", f"/consultations/comments/{k}/report/", {"reason": "nonsense"}),
        ("thread", "post", f"/consultations/comments/{k}/thread/", {"action": "pin"}),
        ("provenance", "get", f"/consultations/contributions/{k}/", None),
    ], [
        ("events", "get", f"/consultations/{c}/events/?since=0", None),
        ("moderation_log", "get", f"/consultations/{c}/moderation-log/", None),
        ("summary", "get", f"/consultations/{c}/summary/", None),
        ("report_print", "get", f"/consultations/{c}/summary/report/", None),
        ("report_pdf", "get", f"/consultations/{c}/summary/report.pdf", None),
        ("comments_csv", "get", f"/consultations/{c}/summary/comments.csv", None),
    ]


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode("utf-8", "replace")


def _counts():
    return Comment.objects.count(), Vote.objects.count(), Flag.objects.count()


@pytest.fixture
def other_officer(db):
    police = OrganisationFactory(name="Northbrook Police", slug="northbrook-police")
    return UserFactory(roles=["Officers", "Moderators"], organisation=police)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("kind", KINDS)
def test_hidden_page_is_not_found_on_every_path(client, index, organisation, request, kind, who):
    consultation, proposal, comment = make_target(index, organisation, kind)
    if who != "anonymous":
        sign_in(
            client, request.getfixturevalue(who) if who != "resident" else UserFactory(roles=["Residents"])
        )
    before = _counts()
    page_paths, consultation_paths = _paths(consultation, proposal, comment)

    page = client.get(proposal.url)
    if kind in ("draft_proposal", "under_draft_consultation"):
        assert page.status_code == 404
    else:  # Wagtail's own answer to a restriction: a sign-in redirect or the password form
        assert page.status_code in (302, 200, 404)
    assert SECRET_TITLE not in _body(page) and SECRET_TEXT not in _body(page)

    for name, method, url, data in page_paths:
        response = getattr(client, method)(url, data or {})
        if who == "anonymous" and name in ("respond", "respond_invalid", "thread"):
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
        else:
            assert response.status_code == 404, (name, response.status_code)
        assert SECRET_TITLE not in _body(response), name
        assert SECRET_TEXT not in _body(response), name

    for name, method, url, _data in consultation_paths:
        response = getattr(client, method)(url)
        if kind == "draft_proposal":  # the consultation is public; the draft proposal is left out
            assert response.status_code == 200, name
        else:
            assert response.status_code == 404, (name, response.status_code)
        assert SECRET_TITLE not in _body(response), name
        assert SECRET_TEXT not in _body(response), name
    assert _counts() == before


@pytest.mark.parametrize("kind", KINDS)
def test_services_refuse_hidden_pages(index, organisation, kind):
    """Defence in depth: the socket path calls the same services and gets the same refusal."""
    consultation, proposal, comment = make_target(index, organisation, kind)
    resident = UserFactory(roles=["Residents"])
    before = _counts()
    with pytest.raises(services.ParticipationError) as posted:
        services.post_comment(author=resident, consultation=consultation, proposal=proposal, body="Hi there")
    with pytest.raises(services.ParticipationError) as voted:
        services.cast_vote(voter=resident, proposal=proposal, choice="support")
    with pytest.raises(services.ParticipationError) as flagged:
        moderation.flag_comment(user=resident, comment=comment, reason="spam")
    with pytest.raises(services.ParticipationError) as edited:
        services.edit_comment(editor=comment.author, comment=comment, body="Changed words")
    assert {e.value.code for e in (posted, voted, flagged, edited)} == {"not_found"}
    assert _counts() == before
    comment.refresh_from_db()
    assert comment.body == SECRET_TEXT


@pytest.mark.parametrize("kind", ["draft_proposal", "under_draft_consultation"])
def test_staff_cannot_post_publicly_on_unpublished_pages(index, organisation, officer, kind):
    consultation, proposal, _comment = make_target(index, organisation, kind)
    officer._civic_second_factor = True
    before = _counts()
    for call in (
        lambda: moderation.post_official_response(
            officer=officer, consultation=consultation, proposal=proposal, body="Officially"
        ),
        lambda: moderation.enter_on_behalf(
            officer=officer,
            consultation=consultation,
            proposal=proposal,
            body="On paper",
            channel="paper",
            consent=True,
        ),
    ):
        with pytest.raises(services.ParticipationError) as refused:
            call()
        assert refused.value.code == "not_found"
    assert _counts() == before


# The allowed side ------------------------------------------------------------------------------


def test_public_page_works_on_every_path(client, index, organisation):
    consultation, proposal, comment = make_target(index, organisation)
    resident = UserFactory(roles=["Residents"])
    sign_in(client, resident)
    page = client.get(proposal.url)
    assert page.status_code == 200 and SECRET_TITLE in _body(page) and SECRET_TEXT in _body(page)
    assert client.get(f"/consultations/{proposal.pk}/comment/").status_code == 405
    posted = client.post(
        f"/consultations/{proposal.pk}/comment/",
        {"body": "Hello there", "stance": "support", "client_token": str(uuid.uuid4())},
    )
    assert posted.status_code == 302
    invalid = client.post(f"/consultations/{proposal.pk}/comment/", {"body": "", "stance": "support"})
    assert invalid.status_code == 400 and SECRET_TITLE in _body(invalid)
    assert client.post(f"/consultations/{proposal.pk}/vote/", {"choice": "support"}).status_code == 302
    assert client.get(f"/consultations/comments/{comment.pk}/report/").status_code == 200
    reported = client.post(f"/consultations/comments/{comment.pk}/report/", {"reason": "spam"})
    assert reported.status_code == 302
    assert client.get(f"/consultations/contributions/{comment.pk}/").status_code == 302
    for url in (
        f"/consultations/{consultation.pk}/events/?since=0",
        f"/consultations/{consultation.pk}/moderation-log/",
        f"/consultations/{consultation.pk}/summary/",
    ):
        assert client.get(url).status_code == 200, url
    assert SECRET_TEXT in _body(client.get(f"/consultations/{consultation.pk}/summary/comments.csv"))
    assert Comment.objects.filter(body="Hello there").exists()
    assert Vote.objects.filter(user=resident, proposal=proposal).exists()
    assert Flag.objects.filter(user=resident, comment=comment).exists()


def test_password_protected_page_opens_after_the_password(client, index, organisation):
    consultation, proposal, comment = make_target(index, organisation, "password")
    restriction = PageViewRestriction.objects.get(page=consultation)
    sign_in(client, UserFactory(roles=["Residents"]))
    assert client.post(f"/consultations/{proposal.pk}/vote/", {"choice": "support"}).status_code == 404
    session = client.session
    session[PASSWORD_KEY] = [restriction.pk]
    session.save()
    page = client.get(proposal.url)
    assert page.status_code == 200 and SECRET_TEXT in _body(page)
    assert client.post(f"/consultations/{proposal.pk}/vote/", {"choice": "support"}).status_code == 302
    assert client.get(f"/consultations/{consultation.pk}/summary/").status_code == 200
    assert Vote.objects.filter(proposal=proposal).count() == 1


def test_group_private_page_opens_to_its_group(client, index, organisation):
    consultation, proposal, comment = make_target(index, organisation, "group")
    member = UserFactory(roles=["Residents"])
    member.groups.add(Group.objects.get(name="Board members"))
    sign_in(client, member)
    assert client.get(proposal.url).status_code == 200
    posted = client.post(
        f"/consultations/{proposal.pk}/comment/",
        {"body": "Members only", "stance": "support", "client_token": str(uuid.uuid4())},
    )
    assert posted.status_code == 302
    assert Comment.objects.filter(body="Members only", proposal=proposal).exists()


@pytest.mark.parametrize("kind", ["draft_proposal", "under_draft_consultation"])
def test_owning_staff_preview_drafts_but_cannot_contribute(client, index, organisation, officer, kind):
    consultation, proposal, comment = make_target(index, organisation, kind)
    sign_in(client, officer)
    officer._civic_second_factor = True
    assert permissions.can_view_page(officer, proposal)  # Wagtail's preview shows an unpublished page
    if kind == "under_draft_consultation":  # a published proposal under a draft: served to its staff
        page = client.get(proposal.url)
        assert page.status_code == 200 and SECRET_TITLE in _body(page)
    assert client.get(f"/consultations/{consultation.pk}/moderation-log/").status_code == 200
    before = _counts()
    vote = client.post(f"/consultations/{proposal.pk}/vote/", {"choice": "support"})
    comment_post = client.post(
        f"/consultations/{proposal.pk}/comment/",
        {"body": "Hello there", "stance": "support", "client_token": str(uuid.uuid4())},
    )
    respond = client.post(f"/consultations/{proposal.pk}/respond/", {"body": "Officially"})
    assert (vote.status_code, comment_post.status_code, respond.status_code) == (404, 404, 404)
    assert _counts() == before


def test_listings_leave_out_hidden_proposals_and_consultations(client, index, organisation):
    consultation, proposal, _ = make_target(index, organisation, "draft_proposal")
    hidden_parent, _p, _c = make_target(index, organisation, "under_draft_consultation")
    restricted, _p2, _c2 = make_target(index, organisation, "group")
    listing = _body(client.get(index.url))
    assert consultation.title in listing
    assert hidden_parent.title not in listing and restricted.title not in listing
    page = _body(client.get(consultation.url))
    assert SECRET_TITLE not in page


def test_consultation_under_an_unpublished_index_is_unseen(client, home, organisation):
    from consultations.models import ConsultationIndexPage

    draft_index = ConsultationIndexPage(title="Draft area", slug="draft-area", live=False)
    home.add_child(instance=draft_index)
    consultation, proposal, _ = make_target(draft_index, organisation)
    sign_in(client, UserFactory(roles=["Residents"]))
    assert consultation.title not in _body(client.get("/"))
    assert client.get(consultation.url).status_code == 404
    assert client.get(proposal.url).status_code == 404
    assert client.post(f"/consultations/{proposal.pk}/vote/", {"choice": "support"}).status_code == 404
    assert client.get(f"/consultations/{consultation.pk}/summary/").status_code == 404
    assert not Vote.objects.exists()


def test_consultation_page_queries_stay_bounded(client, index, organisation, django_assert_max_num_queries):
    consultation, proposal, _ = make_target(index, organisation)
    sign_in(client, UserFactory(roles=["Residents"]))
    # 26 + the footer's information pages + following + the header's unread count + brand cache fill
    # + Wagtail's language lookups (active locale, site root pages per language), Civic's locale ids
    with django_assert_max_num_queries(34):  # + the locales, looked up by each test (conftest)
        assert client.get(proposal.url).status_code == 200
    with django_assert_max_num_queries(35):  # 31 + the map link's public-page check + responses
        assert client.get(consultation.url).status_code == 200


def test_map_link_only_where_the_map_can_be_seen(client, index, organisation):
    """The consultation map lists public pages only, so a restricted consultation does not link to it."""
    public, _proposal, _comment = make_target(index, organisation, "public")
    restricted, _proposal, _comment = make_target(index, organisation, "password")
    map_url = f"/maps/consultations/{public.pk}/"
    assert map_url in _body(client.get(public.url))
    assert client.get(map_url).status_code == 200
    session = client.session
    session[PASSWORD_KEY] = [PageViewRestriction.objects.get(page=restricted).pk]
    session.save()
    page = client.get(restricted.url)
    assert page.status_code == 200
    assert f"/maps/consultations/{restricted.pk}/" not in _body(page)
    assert client.get(f"/maps/consultations/{restricted.pk}/").status_code == 404
