"""Comments on one paragraph of a proposal: stable anchors, counts, moderation, live updates and bad input."""

import importlib
import json
import uuid

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from consultations import live, paragraphs, services
from consultations.models import Comment, LiveEvent, ProposalPage
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_proposal
from tests.support.auth import sign_in
from tests.support.moderation import set_status

FIRST = "Every library opens until 7pm on two weekday evenings."
SECOND = "Staff hours move from Monday mornings, the quietest time, to the evenings."


@pytest.fixture
def proposal(consultation):
    page = make_proposal(
        consultation,
        proposed_change=[
            ("paragraph", RichText(f"<p>{FIRST}</p>")),
            ("paragraph", RichText(f"<p>{SECOND}</p>")),
        ],
    )
    page.save_revision().publish()
    return ProposalPage.objects.get(pk=page.pk)


@pytest.fixture
def moderator(organisation):
    return UserFactory(roles=["Moderators"], organisation=organisation)


def ids(page) -> list[str]:
    return [p.id for p in ProposalPage.objects.get(pk=page.pk).paragraphs()]


def edit_in_admin(page, user, blocks):
    """Save and publish the proposal through its Wagtail edit form, blocks given as (id, html); an id
    of None is a paragraph the editor added (the admin posts each block's id back, as here)."""
    form_class = ProposalPage.get_edit_handler().get_form_class()
    stream = {
        str(i): {
            "type": "paragraph",
            "value": rich_text(html),
            "deleted": "",
            "order": str(i),
            "id": block_id or "",
        }
        for i, (block_id, html) in enumerate(blocks)
    }
    stream["count"] = str(len(blocks))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "problem": rich_text("<p>Something does not work.</p>"),
            "proposed_change": stream,
            "who_it_affects": rich_text(""),
            "location_name": "",
            "place": "",
            "latitude": "",
            "longitude": "",
            "comments": inline_formset([]),
        }
    )
    form = form_class(data, instance=page, parent_page=page.get_parent(), for_user=user)
    assert form.is_valid(), form.errors
    edited = form.save(commit=False)
    edited.save_revision(user=user).publish()
    return ProposalPage.objects.get(pk=page.pk)


def comment_on(page, user, paragraph_id, body="The evenings would help me."):
    return services.post_comment(
        author=user,
        consultation=page.consultation,
        proposal=page,
        body=body,
        stance="support",
        paragraph=paragraph_id,
    )


# Anchors ----------------------------------------------------------------------------------------


def test_paragraph_ids_survive_an_edit_and_a_new_revision(proposal, officer):
    first, second = ids(proposal)
    edited = edit_in_admin(
        proposal,
        officer,
        [
            (None, "<p>A new opening paragraph.</p>"),
            (first, "<p>Open until 8pm.</p>"),
            (second, f"<p>{SECOND}</p>"),
        ],
    )
    found = edited.paragraphs()
    assert [p.id for p in found[1:]] == [first, second]
    assert found[0].id not in (first, second) and uuid.UUID(found[0].id)
    assert (found[1].number, found[1].text) == (2, "Open until 8pm.")
    # the revision history keeps the same ids
    latest = edited.get_latest_revision_as_object()
    assert [p.id for p in latest.paragraphs()] == [found[0].id, first, second]


def test_the_migration_cuts_old_text_into_paragraph_blocks():
    migration = importlib.import_module("consultations.migrations.0016_proposal_paragraphs")
    blocks = migration.as_blocks("<p>One.</p>\n<ul><li>a</li><li>b</li></ul>loose <b>words</b><h3>Title</h3>")
    assert [b["value"] for b in blocks] == [
        "<p>One.</p>",
        "<ul><li>a</li><li>b</li></ul>",
        "<p>loose <b>words</b></p>",
        "<h3>Title</h3>",
    ]
    assert len({b["id"] for b in blocks}) == 4
    assert migration.as_blocks(json.dumps(blocks)) is None  # already blocks: left alone
    assert migration.split_html("<p>x</p>") == paragraphs.split_html("<p>x</p>")  # the frozen copy agrees
    # a revision's paragraphs that read as on the live page take the live page's ids
    live = {"<p>One.</p>": "11111111-1111-4111-8111-111111111111"}
    revision = migration.as_blocks("<p>One.</p><p>Draft only.</p>", live)
    assert revision[0]["id"] == "11111111-1111-4111-8111-111111111111"
    assert revision[1]["id"] not in live.values()


def test_paragraph_text_keeps_list_items_apart():
    assert paragraphs.text_of("<ul><li>Buses</li><li>Trains</li></ul>") == "Buses Trains"


# Comments on a paragraph ------------------------------------------------------------------------


def test_a_paragraph_comment_keeps_the_text_it_was_written_against(client, proposal, resident, officer):
    first, second = ids(proposal)
    comment = comment_on(proposal, resident, first)
    assert (comment.paragraph, comment.paragraph_text) == (first, FIRST)
    edit_in_admin(
        proposal, officer, [(first, "<p>Open until 8pm on one evening.</p>"), (second, f"<p>{SECOND}</p>")]
    )
    html = client.get(proposal.url).content.decode()
    assert "Open until 8pm on one evening." in html  # the paragraph as it reads now
    assert f'<blockquote class="quote">{FIRST}</blockquote>' in html  # the comment quotes what it answered
    assert f'href="#paragraph-{first}"' in html


def test_counts_beside_each_paragraph_and_links_to_comment_on_it(
    client, proposal, resident, make_user, django_assert_max_num_queries
):
    first, second = ids(proposal)
    comment_on(proposal, resident, first)
    comment_on(proposal, make_user(), first)
    services.post_comment(
        author=resident, consultation=proposal.consultation, proposal=proposal, body="Whole thing"
    )
    sign_in(client, resident)
    client.get(proposal.url)
    with django_assert_max_num_queries(40):
        html = client.get(proposal.url).content.decode()
    assert f'data-paragraph-count="{first}" data-count="2">2 comments<' in html
    assert f'data-paragraph-count="{second}" data-count="0">0 comments<' in html
    assert f'href="?paragraph={second}#comment-form"' in html
    assert "Comment on this paragraph" in html


def test_the_paragraph_link_opens_the_form_quoting_it(client, proposal, resident):
    first, second = ids(proposal)
    sign_in(client, resident)
    html = client.get(proposal.url, {"paragraph": second}).content.decode()
    assert f'name="paragraph" value="{second}"' in html
    assert f'<blockquote class="quote" data-comment-paragraph-text>{SECOND}</blockquote>' in html
    # an unknown id quotes nothing and fills in nothing
    html = client.get(proposal.url, {"paragraph": "not-a-paragraph"}).content.decode()
    assert 'name="paragraph" value=' not in html and "data-comment-paragraph hidden" in html


def test_posting_the_form_saves_a_paragraph_comment(client, proposal, resident):
    first, _ = ids(proposal)
    sign_in(client, resident)
    data = {"body": "Yes please.", "stance": "support", "client_token": str(uuid.uuid4()), "paragraph": first}
    response = client.post(reverse("consultations:post_comment", args=[proposal.pk]), data)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.paragraph, comment.paragraph_text, comment.proposal_id) == (first, FIRST, proposal.pk)


def test_signed_out_visitors_see_counts_but_no_comment_link(client, proposal, resident):
    first, _ = ids(proposal)
    comment_on(proposal, resident, first)
    html = client.get(proposal.url).content.decode()
    assert f'data-paragraph-count="{first}" data-count="1">1 comment<' in html
    assert "Comment on this paragraph" not in html


# Bad input --------------------------------------------------------------------------------------


def test_a_paragraph_of_another_proposal_is_refused_and_nothing_saved(
    client, proposal, consultation, resident
):
    other = make_proposal(consultation, proposed_change=[("paragraph", RichText("<p>Other text.</p>"))])
    theirs = other.paragraphs()[0].id
    with pytest.raises(services.ParticipationError, match="not part of this proposal"):
        comment_on(proposal, resident, theirs)
    sign_in(client, resident)
    data = {"body": "Sneaky.", "stance": "support", "client_token": str(uuid.uuid4()), "paragraph": theirs}
    response = client.post(reverse("consultations:post_comment", args=[proposal.pk]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and "That paragraph is not part of this proposal" in html
    assert "Sneaky.</textarea>" in html  # what they typed is kept
    assert not Comment.objects.exists() and not LiveEvent.objects.exists()


@pytest.mark.parametrize("paragraph_id", ["0f4c1f0e-9e47-4a58-9d1e-000000000000", "x" * 36, "<script>"])
def test_unknown_paragraph_ids_are_refused(proposal, resident, paragraph_id):
    with pytest.raises(services.ParticipationError) as refused:
        comment_on(proposal, resident, paragraph_id)
    assert refused.value.code == "mismatch" and refused.value.field == "paragraph"
    assert not Comment.objects.exists()


def test_an_overlong_paragraph_id_is_a_form_error(client, proposal, resident):
    sign_in(client, resident)
    data = {
        "body": "Hello there.",
        "stance": "support",
        "client_token": str(uuid.uuid4()),
        "paragraph": "p" * 500,
    }
    response = client.post(reverse("consultations:post_comment", args=[proposal.pk]), data)
    assert response.status_code == 400 and not Comment.objects.exists()


def test_a_paragraph_needs_a_proposal_and_a_reply_cannot_name_one(proposal, consultation, resident):
    first, _ = ids(proposal)
    with pytest.raises(services.ParticipationError, match="Only a proposal"):
        services.post_comment(author=resident, consultation=consultation, body="Hello", paragraph=first)
    thread = comment_on(proposal, resident, first)
    with pytest.raises(services.ParticipationError, match="A reply answers its comment"):
        services.post_comment(
            author=resident,
            consultation=consultation,
            proposal=proposal,
            parent=thread,
            body="Yes",
            paragraph=first,
        )
    assert Comment.objects.count() == 1


def test_a_paragraph_only_in_an_unpublished_draft_is_refused(proposal, resident):
    draft = ProposalPage.objects.get(pk=proposal.pk)
    draft.proposed_change = [
        *((c.block_type, c.value) for c in draft.proposed_change),
        ("paragraph", RichText("<p>Draft.</p>")),
    ]
    draft.save_revision()
    draft_only = draft.get_latest_revision_as_object().paragraphs()[-1].id
    with pytest.raises(services.ParticipationError, match="not part of this proposal"):
        comment_on(ProposalPage.objects.get(pk=proposal.pk), resident, draft_only)


# Moderation, flags and live counts --------------------------------------------------------------


def test_live_events_name_the_paragraph_when_posted_and_when_moderated_away(
    client, proposal, resident, moderator
):
    first, _ = ids(proposal)
    comment = comment_on(proposal, resident, first)
    posted = LiveEvent.objects.get(type=live.COMMENT_POSTED)
    assert posted.data["paragraph"] == first and posted.data["proposal"] == proposal.pk
    assert FIRST in posted.html  # the partial quotes the paragraph
    set_status(moderator=moderator, comment=comment, status="hidden")
    removed = LiveEvent.objects.get(type=live.COMMENT_REMOVED)
    assert removed.data["paragraph"] == first
    assert paragraphs.comment_counts(proposal) == {}
    # the HTTP fallback carries the same events
    body = client.get(reverse("consultations:events", args=[proposal.consultation.pk]), {"since": 0}).json()
    assert [e["type"] for e in body["events"]] == [live.WITHHELD, live.COMMENT_REMOVED]
    assert body["events"][-1]["data"]["paragraph"] == first


def test_pre_moderated_paragraph_comments_count_once_approved(proposal, resident, moderator):
    consultation = proposal.consultation
    consultation.moderation_policy = "pre"
    consultation.save()
    proposal = ProposalPage.objects.get(pk=proposal.pk)
    first, _ = ids(proposal)
    comment = comment_on(proposal, resident, first)
    assert comment.status == "pending" and paragraphs.comment_counts(proposal) == {}
    assert not LiveEvent.objects.filter(type=live.COMMENT_POSTED).exists()
    set_status(moderator=moderator, comment=comment, status="published")
    assert paragraphs.comment_counts(proposal) == {first: 1}
    assert LiveEvent.objects.get(type=live.COMMENT_POSTED).data["paragraph"] == first


def test_flags_past_the_threshold_take_the_comment_out_of_the_count(proposal, resident, make_user):
    from consultations import moderation

    first, _ = ids(proposal)
    comment = comment_on(proposal, resident, first)
    for _ in range(proposal.consultation.flag_threshold):
        moderation.flag_comment(user=make_user(), comment=comment, reason="spam")
    assert Comment.objects.get(pk=comment.pk).status == "hidden"
    assert paragraphs.comment_counts(proposal) == {}
    assert LiveEvent.objects.filter(type=live.COMMENT_REMOVED, data__paragraph=first).exists()


# Search -----------------------------------------------------------------------------------------


def test_the_search_document_says_which_paragraph(proposal, resident):
    from search import documents

    first, _ = ids(proposal)
    comment = comment_on(proposal, resident, first)
    built, gone = documents.build([f"comment:{comment.pk}"])
    doc = built[f"comment:{comment.pk}"]
    assert doc["title"] == f"Comment on paragraph 1 of {proposal.title}"
    assert doc["url"].endswith(f"#comment-{comment.pk}")
    assert FIRST in doc["text"] and "The evenings would help me." in doc["text"]
    assert doc["text"].endswith(f"“{FIRST}”")  # the paragraph quoted, no English label in the stored text
    assert "On the paragraph" not in doc["text"]
