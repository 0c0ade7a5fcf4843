"""Display names cannot hide text or impersonate: one rule (civic.names) at every place a name is set."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from civic import names, services, signals
from civic.models import User
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.support.auth import sign_in

ACCEPTED = [
    "Jane Smith",
    "BrooksideNeighbour",
    "Staffordshire Sam",  # contains "staff" inside a word
    "Badminton fan",  # contains "admin" inside a word
    "Jörg Müller",
    "Nguyễn Thị Ánh",
    "李小龍",
    "محمد علي",  # right-to-left script without direction controls
    "Participants United",
    "Mo Dee",
]

HIDDEN = [
    "Sam\u202eevil",  # right-to-left override
    "Sam\u202aX",  # left-to-right embedding
    "Sam\u2066X\u2069",  # isolates
    "Sam\u200fX",  # right-to-left mark
    "Sam\u200eX",  # left-to-right mark
    "Sam\u061cX",  # Arabic letter mark
    "Zero\u200bwidth",
    "Zero\u200dJoiner",
    "Word\u2060Joiner",
    "Byte\ufefforder",
    "Hangul\u3164Filler",
    "Bell\x07Char",
    "Escape\x1b[31m",
    "Z\u0301\u0302\u0303\u0304algo",
]

ROLE_CLAIMS = [
    "Council Officer",
    "Planning officer Jo",
    "C0unc1l 0ff1cer",  # digits for letters
    "\u041efficer Bob",  # Cyrillic capital O
    "\u0405taff",  # Cyrillic DZE for S
    "ＡＤＭＩＮ",  # fullwidth
    "A d m i n",
    "Ad Min",
    "A.D.M.I.N",
    "Adrnin",  # rn for m
    "Cllr Jones",
    "CLLR JONES",
    "Moderator",
    "Kevin the Mod",
    "TheCouncilOfficer",
    "O.f.f.i.c.e.r",
    "Ofﬁcial",  # fi ligature
    "Staff",
    "Site Administrator",
    "Councillor Priya",
    "Councilor Priya",
    "Ōfficer",
    "Police Sergeant",
    "NHS nurse",
    "Verified resident",
]

LABELS = ["Participant 12", "participant", "Paper response", "Former participant", "P4rticipant 7"]


@pytest.mark.parametrize("name", ACCEPTED)
def test_ordinary_names_are_accepted(db, name):
    assert names.clean_display_name(name) == name


@pytest.mark.parametrize("name", HIDDEN)
def test_names_that_reorder_or_hide_text_are_refused(db, name):
    with pytest.raises(ValidationError) as refused:
        names.clean_display_name(name)
    assert refused.value.code in {"bidi", "invisible", "marks"}


@pytest.mark.parametrize("name", ROLE_CLAIMS)
def test_residents_cannot_claim_an_official_role(db, name):
    with pytest.raises(ValidationError) as refused:
        names.clean_display_name(name)
    assert refused.value.code == "role"


@pytest.mark.parametrize("name", LABELS)
def test_names_cannot_pass_for_the_sites_own_labels(db, name):
    with pytest.raises(ValidationError) as refused:
        names.clean_display_name(name)
    assert refused.value.code == "label"


def test_organisation_names_are_refused_including_look_alikes(db):
    OrganisationFactory(name="Riverside Housing Trust", slug="riverside")
    OrganisationFactory(name="Age Concern", slug="age-concern")
    for name in ["Riverside Housing Trust", "riverside housing trust", "RiversideHousingTrust",
                 "R1vers1de H0using Trust", "Age Concern", "Age Concern Ealing"]:  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            names.clean_display_name(name)
        assert refused.value.code == "organisation", name
    assert names.clean_display_name("Riverside Rita") == "Riverside Rita"
    assert names.clean_display_name("Age of Concern") == "Age of Concern"


def test_the_site_name_is_refused(db, settings):
    settings.WAGTAIL_SITE_NAME = "Northbrook Have Your Say"
    with pytest.raises(ValidationError):
        names.clean_display_name("Northbrook Have Your Say")
    with pytest.raises(ValidationError):
        names.clean_display_name("NorthbrookHaveYourSay")


def test_official_accounts_may_use_role_words_and_their_own_organisation(db, organisation, partner):
    councillor = UserFactory(roles=["Councillors"], organisation=organisation)
    officer = UserFactory(roles=["Officers"], organisation=organisation)
    resident = UserFactory(roles=["Residents"])
    assert names.clean_display_name("Cllr Priya Shah", user=councillor) == "Cllr Priya Shah"
    assert names.clean_display_name("Northbrook Council", user=officer) == "Northbrook Council"
    with pytest.raises(ValidationError):  # another organisation stays refused
        names.clean_display_name("Northbrook NHS", user=officer)
    with pytest.raises(ValidationError):  # hidden characters are refused for everyone
        names.clean_display_name("Cllr\u202eX", user=councillor)
    with pytest.raises(ValidationError):
        names.clean_display_name("Cllr Priya Shah", user=resident)


def test_update_display_name_refuses_and_sends_the_change_after_commit(
    resident, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, user_id, **kwargs):
        received.append(user_id)

    signals.display_name_changed.connect(receiver)
    try:
        with pytest.raises(ValidationError):
            services.update_display_name(resident, "Council Officer")
        resident.refresh_from_db()
        assert resident.display_name.startswith("Neighbour")
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.update_display_name(resident, "  Plain   Pat ")
        assert received == []  # not before the commit
        for callback in callbacks:
            callback()
        assert received == [resident.pk]
        resident.refresh_from_db()
        assert resident.display_name == "Plain Pat"
        with django_capture_on_commit_callbacks(execute=True):
            services.update_display_name(resident, "Plain Pat")  # unchanged: nothing to rebuild
        assert received == [resident.pk]
    finally:
        signals.display_name_changed.disconnect(receiver)


def test_profile_edit_refuses_an_impersonating_name(client, resident):
    sign_in(client, resident)
    refused = client.post(reverse("profile"), {"display_name": "Council \u041efficer"})
    assert refused.status_code == 400
    assert "official titles" in refused.content.decode()
    resident.refresh_from_db()
    assert resident.display_name.startswith("Neighbour")
    accepted = client.post(reverse("profile"), {"display_name": "Pat from Elm Road"})
    assert accepted.status_code == 302
    resident.refresh_from_db()
    assert resident.display_name == "Pat from Elm Road"


def test_profile_edit_refuses_direction_controls(client, resident):
    sign_in(client, resident)
    response = client.post(reverse("profile"), {"display_name": "Pat\u202eelim"})
    assert response.status_code == 400
    resident.refresh_from_db()
    assert "\u202e" not in resident.display_name


def _sign_up(client, email, display_name):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "a long unusual passphrase 9",
            "password2": "a long unusual passphrase 9",
            "display_name": display_name,
        },
    )


def test_sign_up_refuses_an_impersonating_name_and_accepts_an_ordinary_one(client, home):
    refused = _sign_up(client, "fake@example.org", "Moderat0r")
    assert refused.status_code == 200  # the form again, with the error
    assert "official titles" in refused.content.decode()
    assert not User.objects.filter(email="fake@example.org").exists()
    hidden = _sign_up(client, "hidden@example.org", "Sam\u2067X")
    assert not User.objects.filter(email="hidden@example.org").exists()
    assert hidden.status_code == 200
    accepted = _sign_up(client, "real@example.org", "Sam from Elm Road")
    assert accepted.status_code == 302
    assert User.objects.get(email="real@example.org").display_name == "Sam from Elm Road"


def test_assisted_entry_refuses_hidden_characters_in_the_respondents_name(consultation, officer):
    from consultations import moderation
    from consultations.models import Comment
    from consultations.services import ParticipationError

    entry = {"officer": officer, "consultation": consultation, "body": "Said at the library", "consent": True}
    with pytest.raises(ParticipationError) as refused:
        moderation.enter_on_behalf(channel="paper", respondent_name="Mrs\u202e Jones", **entry)
    assert refused.value.field == "respondent_name"
    assert not Comment.objects.filter(entered_by=officer).exists()
    comment = moderation.enter_on_behalf(channel="paper", respondent_name="  Mrs   Jones ", **entry)
    assert comment.respondent_name == "Mrs Jones"
