"""Ids in URLs are bounded: a number the database cannot hold is a 404, never a 500."""

import pytest
from django.core.exceptions import ValidationError

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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("7", 7), ("0", 0), ("9" * 18, int("9" * 18)), (12, 12), ("²", None), ("١٢", None), ("１２", None),
     ("9" * 19, None), ("-1", None), (" 7", None), ("1.5", None), ("", None), (None, None), (True, None),
     (10**30, None), (-3, None), ([], None), ({}, None)],
)  # fmt: skip
def test_parse_id_takes_only_ascii_digits_a_database_can_hold(raw, expected):
    from civic.converters import parse_id

    assert parse_id(raw) == expected


@pytest.mark.parametrize("raw", ["²", "9" * 25, "-1", "１２"])
def test_id_choice_fields_refuse_impossible_ids_without_a_query(db, raw, django_assert_num_queries):
    from civic.forms import IdModelChoiceField, IdModelMultipleChoiceField
    from civic.models import Organisation

    single = IdModelChoiceField(queryset=Organisation.objects.all())
    several = IdModelMultipleChoiceField(queryset=Organisation.objects.all())
    with django_assert_num_queries(0):
        with pytest.raises(ValidationError):
            single.clean(raw)
        with pytest.raises(ValidationError):
            several.clean([raw])


def test_id_choice_fields_still_accept_real_ids(organisation):
    from civic.forms import IdModelChoiceField, IdModelMultipleChoiceField
    from civic.models import Organisation

    assert IdModelChoiceField(queryset=Organisation.objects.all()).clean(str(organisation.pk)) == organisation
    chosen = IdModelMultipleChoiceField(queryset=Organisation.objects.all()).clean([str(organisation.pk)])
    assert list(chosen) == [organisation]
