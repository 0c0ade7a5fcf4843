"""Ids in URLs are bounded: a number the database cannot hold is a 404, never a 500."""

import pytest

HUGE = "9" * 40


@pytest.mark.parametrize(
    "url",
    [
        f"/consultations/{HUGE}/events/?since=0",
        f"/consultations/{HUGE}/moderation-log/",
        f"/consultations/{HUGE}/summary/",
        f"/consultations/comments/{HUGE}/report/",
        f"/consultations/contributions/{HUGE}/",
        f"/reports/{HUGE}/",
        f"/maps/consultations/{HUGE}/",
    ],
)
def test_ids_beyond_64_bits_are_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_ordinary_ids_still_route(client, consultation):
    assert client.get(f"/consultations/{consultation.pk}/events/?since=0").status_code == 200
