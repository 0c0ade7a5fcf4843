"""Comments keep the language they were written in: recorded on every write path, shown with lang."""

import json
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from consultations import moderation, services
from consultations.models import Comment
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory
from tests.consultations.test_consumers import _keep_test_connection, connect, receive_until, run  # noqa: F401
from tests.support.auth import sign_in


def comment_url(page, language="en-gb"):
    with translation.override(language):
        return reverse("consultations:post_comment", args=[page.pk])


def form(**overrides):
    data = {"body": "Cadwch y llyfrgell ar agor.", "stance": "support", "client_token": str(uuid.uuid4())}
    data.update(overrides)
    return data


def test_a_comment_made_before_languages_were_recorded_is_in_the_sites_language(consultation, resident):
    assert CommentFactory(consultation=consultation, author=resident).language == "en-gb"


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    """Requests to /cy/ leave Welsh active in the test's thread: each test starts in English."""
    with translation.override("en-gb"):
        yield


@pytest.mark.parametrize(("prefix", "expected"), [("en-gb", "en-gb"), ("cy", "cy")])
def test_comment_form_records_the_language_of_the_page_address(
    client, consultation, resident, prefix, expected
):
    sign_in(client, resident)
    url = comment_url(consultation, prefix)
    assert url.startswith("/cy/") == (prefix == "cy")
    response = client.post(url, form())
    assert response.status_code == 302
    assert Comment.objects.get().language == expected


def test_resident_chooses_another_language_for_their_comment(client, consultation, resident):
    sign_in(client, resident)
    client.post(comment_url(consultation, "en-gb"), form(language="cy"))
    client.post(comment_url(consultation, "cy"), form(language="en-gb", body="Keep it open late."))
    assert sorted(Comment.objects.values_list("body", "language")) == [
        ("Cadwch y llyfrgell ar agor.", "cy"),
        ("Keep it open late.", "en-gb"),
    ]


def test_the_form_offers_each_language_named_in_itself_and_ticks_the_pages(client, consultation, resident):
    sign_in(client, resident)
    with translation.override("en-gb"):
        english_url = consultation.get_url()
    english = client.get(english_url).content.decode()
    assert 'name="language" value="en-gb" id="id_language_0" checked>' in english
    assert '<label for="id_language_1" lang="cy">Cymraeg</label>' in english
    assert '<label for="id_language_0" lang="en-GB">English</label>' in english
    welsh = client.get(f"/cy{english_url}").content.decode()  # no translation: the page at its Welsh address
    assert 'name="language" value="cy" id="id_language_1" checked>' in welsh


def test_an_unknown_language_is_refused_and_nothing_is_saved(client, consultation, resident):
    sign_in(client, resident)
    response = client.post(comment_url(consultation), form(language="fr"))
    assert response.status_code == 400
    assert "Choose a language from the list." in response.content.decode()
    assert not Comment.objects.exists()


def test_service_checks_the_language_it_is_given(consultation, resident):
    with pytest.raises(services.ParticipationError) as refused:
        services.post_comment(author=resident, consultation=consultation, body="Bonjour", language="fr")
    assert refused.value.code == "invalid_language" and refused.value.field == "language"
    comment = services.post_comment(author=resident, consultation=consultation, body="Helo", language="CY")
    assert comment.language == "cy"
    with translation.override("cy"):
        assert (
            services.post_comment(author=resident, consultation=consultation, body="Diolch").language == "cy"
        )


def test_rendered_comments_carry_the_language_they_are_written_in(client, consultation, resident):
    CommentFactory(consultation=consultation, author=resident, body="Syniad da iawn.", language="cy")
    CommentFactory(consultation=consultation, author=resident, body="A very good idea.", language="en-gb")
    html = client.get(consultation.url).content.decode()
    assert '<div class="comment__body" lang="cy"><p>Syniad da iawn.</p></div>' in html
    assert '<div class="comment__body" lang="en-GB"><p>A very good idea.</p></div>' in html


def test_socket_comment_records_its_language_and_refuses_an_unknown_one(resident, consultation):
    async def scenario():
        comm, _, _ = await connect(consultation, since=0, user=resident)
        await receive_until(comm, "hello")
        frame = {"action": "comment", "ref": "c1", "body": "Trwy'r soced", "language": "cy"}
        await comm.send_to(text_data=json.dumps(frame))
        assert (await receive_until(comm, "ack"))["data"]["status"] == "published"
        await comm.send_to(text_data=json.dumps({**frame, "ref": "c2", "language": "xx"}))
        error = await receive_until(comm, "error")
        assert error["data"]["code"] == "invalid_language" and error["data"]["ref"] == "c2"
        await comm.send_to(text_data=json.dumps({**frame, "ref": "c3", "language": 7}))
        assert (await receive_until(comm, "error"))["data"]["code"] == "invalid_language"
        await comm.disconnect()

    run(scenario)
    assert list(Comment.objects.values_list("language", flat=True)) == ["cy"]


def test_official_and_assisted_responses_record_their_language(consultation, organisation):
    officer = UserFactory(roles=["Officers", "Moderators"], organisation=organisation)
    official = moderation.post_official_response(
        officer=officer, consultation=consultation, body="Diolch am eich sylwadau.", language="cy"
    )
    assisted = moderation.enter_on_behalf(
        officer=officer, consultation=consultation, body="Written on paper.", channel="paper", consent=True
    )
    assert (official.language, assisted.language) == ("cy", "en-gb")
    with pytest.raises(services.ParticipationError):
        moderation.enter_on_behalf(
            officer=officer,
            consultation=consultation,
            body="Papur",
            channel="paper",
            consent=True,
            language="de",
        )
