"""The conversation page without JavaScript: voting, statements, moderation, results and their limits."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from consultations.conversations import services
from consultations.conversations.models import ConversationPage, OpinionResult, OpinionVote, Statement
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation, make_conversation, make_statements
from tests.support.auth import sign_in


@pytest.fixture
def conversation(consultation):
    return make_conversation(consultation, title="High street")


@pytest.fixture
def statements(conversation):
    return make_statements(
        conversation, "More benches on the high street", "Fewer cars in the centre", "Longer library hours"
    )


def vote_url(conversation):
    return reverse("consultations:conversations:vote", args=[conversation.pk])


def statement_url(conversation):
    return reverse("consultations:conversations:statement", args=[conversation.pk])


def with_groups(conversation, statements, people=12):
    """Two camps of residents who agree on the first statement and split on the others; stored groups."""
    for n in range(people):
        voter = UserFactory(roles=["Residents"])
        for i, statement in enumerate(statements):
            value = 1 if i == 0 else (1 if (i % 2) == (n % 2) else -1)
            OpinionVote.objects.create(
                conversation=conversation, statement=statement, user=voter, value=value
            )
    return services.recompute(conversation.pk)


def test_one_statement_at_a_time_then_the_next(client, resident, conversation, statements):
    sign_in(client, resident)
    html = client.get(conversation.url).content.decode()
    assert "More benches on the high street" in html and "Fewer cars" not in html
    assert 'name="choice" value="agree"' in html and 'name="choice" value="pass"' in html
    response = client.post(vote_url(conversation), {"statement": statements[0].pk, "choice": "agree"})
    assert response.status_code == 302 and response.url.endswith("#vote")
    html = client.get(conversation.url).content.decode()
    assert "Fewer cars in the centre" in html and "You have voted on 1 of 3 statements" in html
    assert OpinionVote.objects.get().value == 1


def test_list_view_shows_every_statement_and_changes_a_vote(client, resident, conversation, statements):
    sign_in(client, resident)
    client.post(vote_url(conversation), {"statement": statements[1].pk, "choice": "agree", "view": "all"})
    html = client.get(conversation.url, {"view": "all"}).content.decode()
    assert all(s.text in html for s in statements)
    assert "You chose agree" in html and 'aria-pressed="true"' in html
    response = client.post(
        vote_url(conversation), {"statement": statements[1].pk, "choice": "disagree", "view": "all"}
    )
    assert response.url.endswith(f"?view=all#statement-{statements[1].pk}")
    assert OpinionVote.objects.get().value == -1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("choice", "maybe", "Choose agree, disagree or pass."),
        ("choice", "", "Choose agree, disagree or pass."),
        ("statement", "999999", "not part of this conversation"),
        ("statement", "abc", "not part of this conversation"),
    ],
)
def test_tampered_votes_re_render_with_an_error_summary(
    client, resident, conversation, statements, field, value, message
):
    sign_in(client, resident)
    data = {"statement": statements[0].pk, "choice": "agree", field: value}
    response = client.post(vote_url(conversation), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html and message in html
    assert not OpinionVote.objects.exists()


def test_votes_on_hidden_or_another_conversations_statements_are_refused(
    client, resident, consultation, conversation
):
    hidden = make_statements(conversation, "Hidden statement", status="hidden")[0]
    elsewhere = make_statements(make_conversation(consultation), "Statement elsewhere")[0]
    sign_in(client, resident)
    for statement in (hidden, elsewhere):
        response = client.post(vote_url(conversation), {"statement": statement.pk, "choice": "agree"})
        assert response.status_code == 400 and 'class="error-summary"' in response.content.decode()
    assert not OpinionVote.objects.exists()


def test_a_closed_conversation_shows_counts_but_takes_no_votes(client, resident, consultation):
    closed = make_conversation(consultation, "closed")
    statement = make_statements(closed, "Too late for this")[0]
    sign_in(client, resident)
    html = client.get(closed.url).content.decode()
    assert "closed on" in html and 'name="choice"' not in html
    response = client.post(vote_url(closed), {"statement": statement.pk, "choice": "agree"})
    assert response.status_code == 403 and "closed on" in response.content.decode()
    assert not OpinionVote.objects.exists()


def test_signed_out_visitors_read_and_are_asked_to_sign_in(client, conversation, statements):
    html = client.get(conversation.url).content.decode()
    assert "More benches" in html and "Sign in" in html and 'name="choice"' not in html
    response = client.post(vote_url(conversation), {"statement": statements[0].pk, "choice": "agree"})
    assert response.status_code == 302 and "login" in response.url
    assert not OpinionVote.objects.exists()


def test_drafts_do_not_exist_for_residents(client, resident, consultation):
    draft = make_conversation(consultation, live=False)
    statement = make_statements(draft, "A draft statement")[0]
    sign_in(client, resident)
    assert client.post(vote_url(draft), {"statement": statement.pk, "choice": "agree"}).status_code == 404
    assert client.post(statement_url(draft), {"text": "Hello there"}).status_code == 404
    similar = reverse("consultations:conversations:similar", args=[draft.pk])
    assert client.get(similar, {"q": "draft statement"}).status_code == 404
    assert not OpinionVote.objects.exists() and Statement.objects.count() == 1


def test_similar_statements_are_shown_before_a_statement_is_saved(client, resident, conversation, statements):
    sign_in(client, resident)
    response = client.post(statement_url(conversation), {"text": "More benches along the high street"})
    html = response.content.decode()
    assert response.status_code == 200 and "Is your statement already here?" in html
    assert f"?statement={statements[0].pk}#vote" in html and 'name="confirm" value="True"' in html
    assert Statement.objects.count() == 3
    response = client.post(
        statement_url(conversation), {"text": "More benches along the high street", "confirm": "True"}
    )
    assert response.status_code == 302
    assert Statement.objects.filter(text="More benches along the high street", author=resident).exists()


def test_statement_errors_are_summarised_beside_the_field(client, resident, conversation, settings):
    settings.CONVERSATION_STATEMENT_MAX_LENGTH = 40
    sign_in(client, resident)
    response = client.post(statement_url(conversation), {"text": "x" * 41})
    html = response.content.decode()
    assert response.status_code == 400 and 'href="#id_text"' in html and "40 characters or fewer" in html
    assert not Statement.objects.exists()


def test_pre_moderated_statements_wait_and_officers_publish_them(client, resident, officer, consultation):
    conversation = make_conversation(consultation, moderation_policy="pre")
    sign_in(client, resident)
    response = client.post(statement_url(conversation), {"text": "Open the park gates earlier"})
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.status == Statement.Status.PENDING
    html = client.get(conversation.url).content.decode()
    assert "Waiting for a moderator" in html and "Statements waiting for moderation" not in html
    moderate = reverse("consultations:conversations:moderate", args=[statement.pk])
    assert client.post(moderate, {"action": "approve"}).status_code in (302, 403)
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PENDING  # a resident cannot publish it
    sign_in(client, officer)
    assert "Statements waiting for moderation" in client.get(conversation.url).content.decode()
    assert client.post(moderate, {"action": "approve"}).status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PUBLISHED


def test_officers_of_another_organisation_cannot_moderate(client, consultation):
    conversation = make_conversation(consultation, moderation_policy="pre")
    statement = make_statements(conversation, "Waiting here", status="pending")[0]
    stranger = UserFactory(roles=["Officers"], organisation=OrganisationFactory())
    sign_in(client, stranger)
    response = client.post(
        reverse("consultations:conversations:moderate", args=[statement.pk]), {"action": "approve"}
    )
    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.status == Statement.Status.PENDING


def test_similar_endpoint_answers_as_you_type(client, conversation, statements):
    url = reverse("consultations:conversations:similar", args=[conversation.pk])
    found = client.get(url, {"q": "fewer cars in our centre"}).json()["similar"]
    assert found == [{"id": statements[1].pk, "text": "Fewer cars in the centre"}]
    assert client.get(url, {"q": ""}).json() == {"similar": []}


def test_not_enough_votes_yet_is_said_plainly(client, conversation, statements):
    services.recompute(conversation.pk)
    html = client.get(conversation.url).content.decode()
    assert "Not enough votes yet to show opinion groups" in html and "<svg" not in html


def test_results_show_a_map_a_description_a_table_and_plain_words(client, conversation, statements):
    data = with_groups(conversation, statements)
    assert data["status"] == "ok"
    html = client.get(conversation.url).content.decode()
    assert '<svg class="opinion-map__svg"' in html and 'role="img"' in html
    assert "<desc id=" in html and "Opinion map of 12 participants in 2 groups" in html
    assert html.count('class="opinion-map__point opinion-map__point--') == 12
    assert "Group A: 6 people" in html and "Group B: 6 people" in html
    consensus = html[html.index("Common ground") : html.index("Where groups differ")]
    assert "More benches on the high street" in consensus
    assert f"?view=all#statement-{statements[0].pk}" in consensus
    divisive = html[html.index("Where groups differ") :]
    assert "Fewer cars in the centre" in divisive
    assert "<caption>Agreement by group" in html and '<th scope="row">' in html


def test_page_queries_are_bounded_whatever_the_number_of_statements(
    client, resident, conversation, statements, django_assert_max_num_queries
):
    with_groups(conversation, statements)
    make_statements(conversation, *[f"Extra statement number {n}" for n in range(30)])
    sign_in(client, resident)
    client.get(conversation.url)  # warm the caches every page shares
    with django_assert_max_num_queries(40):
        assert client.get(conversation.url, {"view": "all"}).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(conversation.url).status_code == 200


def test_vote_queries_are_bounded(
    client, resident, conversation, statements, django_assert_max_num_queries, monkeypatch
):
    from types import SimpleNamespace

    monkeypatch.setattr(
        "consultations.conversations.tasks.recompute_opinions_task", SimpleNamespace(enqueue=lambda _: None)
    )
    sign_in(client, resident)
    with django_assert_max_num_queries(30):
        client.post(vote_url(conversation), {"statement": statements[0].pk, "choice": "agree"})


def test_officer_creates_a_conversation_under_their_consultation_only(client, officer, consultation, index):
    theirs = make_consultation(index, "open", lead_organisation=OrganisationFactory())
    sign_in(client, officer)
    refused = reverse("wagtailadmin_pages:add", args=["consultations", "conversationpage", theirs.pk])
    assert client.get(refused).status_code in (302, 403)
    url = reverse("wagtailadmin_pages:add", args=["consultations", "conversationpage", consultation.pk])
    assert client.get(url).status_code == 200
    now = timezone.now()
    response = client.post(
        url,
        {
            "title": "Talk about the high street",
            "slug": "talk-high-street",
            "question": "What should change?",
            "intro": rich_text(""),
            "seed_statements": "Wider pavements\nMore market days",
            "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
            "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
            "moderation_policy": "pre",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    page = ConversationPage.objects.get(slug="talk-high-street")
    assert page.live and list(page.statements.values_list("text", flat=True)) == [
        "Wider pavements",
        "More market days",
    ]


def test_the_consultation_page_lists_its_conversations(client, consultation, conversation):
    make_conversation(consultation, live=False, title="Secret draft conversation")
    html = client.get(consultation.url).content.decode()
    assert "High street" in html and conversation.url in html
    assert "Secret draft conversation" not in html
    assert OpinionResult.objects.count() == 0
