"""Topics for new-consultation alerts at sign-up: unticked, saved like the account page's, checked."""

import pytest
from bs4 import BeautifulSoup

from civic.models import Frequency, NotificationKind, NotificationPreference, User
from consultations.models import AlertTopic, Topic
from tests.civic.test_signup import sign_up


@pytest.fixture
def topics(db):
    return [Topic.objects.create(name=name, slug=name.lower()) for name in ("Transport", "Housing", "Parks")]


def test_topics_are_offered_as_unticked_checkboxes_in_a_fieldset(client, topics):
    page = BeautifulSoup(client.get("/accounts/signup/").content.decode(), "html.parser")
    boxes = page.find_all("input", {"name": "alert_topics"})
    assert [box["value"] for box in boxes] == [str(t.pk) for t in sorted(topics, key=lambda t: t.name)]
    assert not any(box.has_attr("checked") for box in boxes)
    assert all(page.find("label", {"for": box["id"]}) for box in boxes)
    assert boxes[0].find_parent("fieldset").legend.text == "Topics you want to hear about"


def test_signing_up_with_topics_saves_them_and_switches_the_alerts_on(client, topics):
    transport, housing, _parks = topics
    response = sign_up(
        client, new_consultation_alerts="on", alert_topics=[str(transport.pk), str(housing.pk)]
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert set(AlertTopic.objects.filter(user=user).values_list("topic_id", flat=True)) == {
        transport.pk,
        housing.pk,
    }
    preference = NotificationPreference.objects.get(user=user, kind=NotificationKind.NEW_CONSULTATION)
    assert preference.frequency == Frequency.WEEKLY


def test_signing_up_without_the_alerts_saves_no_topics(client, topics):
    assert sign_up(client).status_code == 302
    assert not AlertTopic.objects.exists() and not NotificationPreference.objects.exists()


@pytest.mark.parametrize("bad", ["999999", "x", "٣", "9" * 25])
def test_unknown_topics_are_refused_with_a_clear_error_and_nothing_saved(client, topics, bad):
    response = sign_up(client, new_consultation_alerts="on", alert_topics=[str(topics[0].pk), bad])
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Choose topics from the list." in html
    assert 'href="#id_alert_topics_0"' in html  # the summary links to the first box
    assert not User.objects.exists() and not AlertTopic.objects.exists()
    assert not NotificationPreference.objects.exists()


def test_topics_without_the_box_ticked_are_refused(client, topics):
    response = sign_up(client, alert_topics=[str(topics[0].pk)])
    assert "Tick the box to hear about new consultations" in response.content.decode()
    assert not User.objects.exists() and not AlertTopic.objects.exists()
