import re
import uuid

import pytest
from django.urls import reverse

from consultations.models import Comment, ConsultationPage, Vote
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.support.auth import sign_in


def comment_url(page):
    return reverse("consultations:post_comment", args=[page.pk])


def vote_url(page):
    return reverse("consultations:cast_vote", args=[page.pk])


def comment_data(**overrides):
    data = {
        "body": "Please keep the library open late.",
        "stance": "support",
        "client_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_home_lists_open_and_results(client, index, organisation):
    opened = make_consultation(index, "open", lead_organisation=organisation, title="Open one")
    make_consultation(
        index, "closed", lead_organisation=organisation, title="Closed with results", results_published=True
    )
    make_consultation(index, "closed", lead_organisation=organisation, title="Closed quietly")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert opened.title in html and "Closed with results" in html
    assert "Closed quietly" not in html
    assert html.count("<h1") == 1
    assert 'href="#main-content"' in html


def test_consultation_list_filters_by_state_topic_and_organisation(client, index, organisation, partner):
    from consultations.models import Topic

    topic = Topic.objects.create(name="Transport", slug="transport")
    a = make_consultation(index, "open", lead_organisation=organisation, title="Buses")
    a.topics.add(topic)
    a.save()
    make_consultation(index, "closed", lead_organisation=partner, title="Clinics")
    url = index.url
    assert "Clinics" not in client.get(url, {"state": "open"}).content.decode()
    assert "Buses" not in client.get(url, {"state": "closed"}).content.decode()
    assert "Clinics" not in client.get(url, {"topic": "transport"}).content.decode()
    assert "Buses" not in client.get(url, {"organisation": partner.slug}).content.decode()
    both = client.get(url).content.decode()
    assert "Buses" in both and "Clinics" in both


def test_unknown_filter_values_show_an_error_not_a_500(client, index):
    response = client.get(index.url, {"state": "sideways", "topic": "nope"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_consultation_page_shows_proposals_tallies_and_comments(client, consultation, proposal, resident):
    Vote.objects.create(proposal=proposal, user=resident, choice="support")
    CommentFactory(consultation=consultation, body="Visible comment")
    CommentFactory(consultation=consultation, body="Hidden comment", status="hidden")
    html = client.get(consultation.url).content.decode()
    assert proposal.title in html
    assert "<strong>1</strong> support" in html
    assert "Visible comment" in html and "Hidden comment" not in html
    assert "Sign in" in html  # anonymous visitors are told how to take part


def test_real_name_and_email_are_never_shown(client, consultation):
    author = UserFactory(display_name="Pseudonym42", first_name="Realfirst", email="secret@example.org")
    CommentFactory(consultation=consultation, author=author)
    html = client.get(consultation.url).content.decode()
    assert "Pseudonym42" in html
    assert "Realfirst" not in html and "secret@example.org" not in html


def test_resident_posts_comment_and_is_redirected_to_it(client, resident, consultation):
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data())
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Please keep the library open late." in page
    assert "Your comment has been published" in page


def test_comment_on_proposal_is_attached_to_both(client, resident, consultation, proposal):
    sign_in(client, resident)
    response = client.post(comment_url(proposal), comment_data())
    comment = Comment.objects.get()
    assert comment.proposal_id == proposal.pk and comment.consultation_id == consultation.pk
    assert response.status_code == 302
    assert response["Location"] == f"{proposal.url}#{comment.anchor}"  # back to the proposal, at the comment


@pytest.mark.parametrize(
    "body,message", [("", "Enter your comment."), ("<script>x</script>", "Enter your comment.")]
)
def test_empty_comment_shows_error_summary_and_nothing_saved(client, resident, consultation, body, message):
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data(body=body))
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and message in html
    assert 'href="#id_body"' in html  # the summary links to the field
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_over_long_comment_is_refused_and_text_kept(client, resident, consultation, settings):
    settings.COMMENT_MAX_LENGTH = 100
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data(body="word " * 40))
    assert response.status_code == 400
    assert "100 characters or fewer" in response.content.decode()
    assert "word word" in response.content.decode()  # nothing typed is lost
    assert not Comment.objects.exists()


def test_comment_on_closed_consultation_is_refused(client, resident, index, organisation):
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    sign_in(client, resident)
    response = client.post(comment_url(closed), comment_data())
    assert response.status_code == 403
    assert "closed on" in response.content.decode()
    assert not Comment.objects.exists()


def test_anonymous_post_is_refused(client, consultation):
    response = client.post(comment_url(consultation), comment_data())
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_double_submitted_form_saves_once(client, resident, consultation):
    sign_in(client, resident)
    data = comment_data()
    first = client.post(comment_url(consultation), data)
    second = client.post(comment_url(consultation), data)
    assert first.status_code == second.status_code == 302
    assert Comment.objects.count() == 1


def test_tampered_parent_from_other_consultation_is_refused(client, resident, consultation, index):
    other = make_consultation(index, "open", lead_organisation=consultation.lead_organisation)
    foreign = CommentFactory(consultation=other)
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data(parent=foreign.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_tampered_author_field_is_ignored(client, resident, consultation):
    victim = UserFactory()
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data(author=victim.pk))
    comment = Comment.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{consultation.url}#{comment.anchor}"
    assert comment.author_id == resident.pk
    assert not Comment.objects.filter(author=victim).exists()


@pytest.mark.parametrize("url", ["/consultations/999999/comment/", "/consultations/999999/vote/"])
def test_unknown_page_ids_are_404(client, resident, url):
    sign_in(client, resident)
    assert client.post(url, comment_data()).status_code == 404


def test_posting_to_a_non_consultation_page_is_404(client, resident, home):
    sign_in(client, resident)
    assert client.post(comment_url(home), comment_data()).status_code == 404


@pytest.mark.parametrize("body", ["Please keep the library open late.", ""])
def test_posting_to_draft_consultation_is_404(client, resident, index, organisation, body):
    """Refused as not there whether the form is valid (the service refuses) or not (the view does)."""
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation)
    sign_in(client, resident)
    assert client.post(comment_url(draft), comment_data(body=body)).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("existing", [1, 30])
def test_posting_a_comment_loads_its_page_once_and_checks_it_once(
    client, resident, consultation, existing, django_assert_max_num_queries
):
    """A write is a handful of statements: the page by its remembered type, one reachability check
    (the service's), no locale lookup for the redirect; the same at any number of comments."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CommentFactory.create_batch(existing, consultation=consultation)
    sign_in(client, resident)
    client.post(comment_url(consultation), comment_data())  # the page's type is remembered
    with django_assert_max_num_queries(13), CaptureQueriesContext(connection) as ctx:
        response = client.post(comment_url(consultation), comment_data())
    assert response.status_code == 302
    sql = [q["sql"] for q in ctx.captured_queries]
    assert sum('"wagtailcore_page"."path"' in q.split(" FROM ")[0] for q in sql) == 1  # page rows loaded
    assert sum("wagtailcore_pageviewrestriction" in q for q in sql) == 1
    assert not any('FROM "wagtailcore_locale"' in q for q in sql)


def test_a_remembered_page_type_that_no_longer_fits_falls_back(client, resident, consultation, proposal):
    """Test databases reuse ids: a page id remembered as another type is looked up afresh."""
    from consultations import views

    views._page_types[proposal.pk] = ConsultationPage
    sign_in(client, resident)
    response = client.post(comment_url(proposal), comment_data())
    assert response.status_code == 302
    assert Comment.objects.get().proposal_id == proposal.pk
    assert views._page_types[proposal.pk] is type(proposal)


def test_get_on_write_endpoints_is_not_allowed(client, consultation):
    assert client.get(comment_url(consultation)).status_code == 405


def test_reply_link_prefills_parent(client, resident, consultation):
    top = CommentFactory(consultation=consultation)
    sign_in(client, resident)
    html = client.get(consultation.url, {"reply_to": top.pk}).content.decode()
    assert f'name="parent" value="{top.pk}"' in html
    assert "Replying to" in html


def test_pending_comment_is_shown_only_to_its_author(client, resident, consultation):
    consultation.moderation_policy = ConsultationPage.Moderation.PRE
    consultation.save_revision().publish()
    sign_in(client, resident)
    response = client.post(comment_url(consultation), comment_data(), follow=True)
    assert "Awaiting moderation" in response.content.decode()
    client.logout()
    assert "Please keep the library" not in client.get(consultation.url).content.decode()


PRE_MODERATION_NOTE = "A moderator checks every comment on this consultation before it appears."


def test_residents_are_told_before_posting_that_comments_are_pre_moderated(
    client, resident, consultation, proposal
):
    consultation.moderation_policy = ConsultationPage.Moderation.PRE
    consultation.save_revision().publish()
    sign_in(client, resident)
    for page in (consultation, proposal):
        html = client.get(page.url).content.decode()
        form = html[html.index('id="comment-form"') : html.index("Post comment")]
        assert PRE_MODERATION_NOTE in form


def test_post_moderated_consultation_has_no_pre_moderation_note(client, resident, consultation, proposal):
    assert consultation.moderation_policy == ConsultationPage.Moderation.POST
    sign_in(client, resident)
    for page in (consultation, proposal):
        html = client.get(page.url).content.decode()
        assert 'id="comment-form"' in html
        assert PRE_MODERATION_NOTE not in html


def test_vote_then_change_vote(client, resident, proposal):
    sign_in(client, resident)
    assert client.post(vote_url(proposal), {"choice": "support"}).status_code == 302
    assert client.post(vote_url(proposal), {"choice": "oppose"}).status_code == 302
    assert list(Vote.objects.values_list("choice", flat=True)) == ["oppose"]
    html = client.get(proposal.url).content.decode()
    assert "You voted oppose" in html


def test_invalid_vote_shows_error(client, resident, proposal):
    sign_in(client, resident)
    response = client.post(vote_url(proposal), {"choice": "maybe"})
    assert response.status_code == 400
    assert "Choose support or oppose." in response.content.decode()
    assert not Vote.objects.exists()


def test_vote_on_closed_consultation_is_refused(client, resident, index, organisation):
    closed = make_consultation(index, "closed", lead_organisation=organisation)
    proposal = make_proposal(closed)
    sign_in(client, resident)
    assert client.post(vote_url(proposal), {"choice": "support"}).status_code == 403
    assert not Vote.objects.exists()


def test_comment_pages_paginate(client, consultation, settings):
    settings.COMMENTS_PER_PAGE = 5
    for i in range(12):
        CommentFactory(consultation=consultation, body=f"Numbered comment {i}")
    html = client.get(consultation.url, {"page": 3}).content.decode()
    assert "Page 3 of 3" in html
    assert len(re.findall(r"Numbered comment \d+", html)) == 2
    assert client.get(consultation.url, {"page": "999"}).status_code == 200


def make_big_consultation(consultation, comments=500):
    proposals = [make_proposal(consultation) for _ in range(5)]
    authors = [UserFactory() for _ in range(20)]
    rows = []
    for i in range(comments):
        target = proposals[i % 5] if i % 2 else None
        rows.append(
            Comment(consultation=consultation, proposal=target, author=authors[i % 20], body=f"Comment {i}")
        )
    Comment.objects.bulk_create(rows)
    parents = list(Comment.objects.filter(proposal__isnull=True)[:50])
    Comment.objects.bulk_create(
        Comment(consultation=consultation, parent=p, author=authors[0], body="reply") for p in parents
    )
    for author in authors:
        Vote.objects.create(proposal=proposals[0], user=author, choice="support")
    return proposals


def test_consultation_page_queries_are_bounded(
    client, consultation, resident, django_assert_max_num_queries, page_cache
):
    from consultations.summaries.models import FeedbackResponse

    proposals = make_big_consultation(consultation)
    for proposal in proposals[:5]:  # responses with their proposals: still one query
        FeedbackResponse.objects.create(
            consultation=consultation, proposal=proposal, you_said="Said", we_did="Did it"
        )
    sign_in(client, resident)
    # one to check the page and its ancestors are viewable, three for whether its map is public,
    # one for the footer's information pages, one for the follow button, one for "you said, we did",
    # one for the header's unread count, one to fill the brand cache (cold here; none once warm),
    # one for its conversations and surveys (its children by content type), one for whether the
    # resident has comments awaiting moderation (their list is then theirs alone, not shared)
    # + Wagtail's language lookups (active locale, the site's root pages per language) and Civic's
    # locale ids (civic.bilingual, once per process); the switcher reads the page's translations (one)
    with django_assert_max_num_queries(40):
        response = client.get(consultation.url)
    assert response.status_code == 200
    assert proposals[0].title in response.content.decode()
    assert response.content.decode().count('class="response" id="response-') == 5
    # Again: the parts every reader shares come from the cache (civic.pagecache), the rest is this
    # resident's (session, account, roles, whether they may comment and follow, their notifications).
    # The path is followed from the page it reached before (one query, not two a level) and the
    # switcher's page translations are kept with the page tree's version (civic.models.HomePage.route,
    # civic.bilingual.remembered).
    with django_assert_max_num_queries(15) as warm:
        again = client.get(consultation.url)
    fresh = re.compile(rb'name="(csrfmiddlewaretoken|client_token)" value="[^"]+"')  # new each render
    assert fresh.sub(b"", again.content) == fresh.sub(b"", response.content)
    assert len(warm) < 39


def test_proposal_page_queries_are_bounded(client, consultation, resident, django_assert_max_num_queries):
    proposals = make_big_consultation(consultation)
    sign_in(client, resident)
    # one for the page and its ancestors, one for the footer's information pages, one for following,
    # one for the header's unread count, one to fill the brand cache (cold here; none once warm)
    # + Wagtail's and Civic's language lookups (see above; each test makes its own, as conftest
    # forgets civic.bilingual's locales: 33 held only after another test had looked them up)
    with django_assert_max_num_queries(34):
        response = client.get(proposals[1].url)
    assert response.status_code == 200
