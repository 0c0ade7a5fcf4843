"""Large 'download my data' exports: built in the background into private storage, emailed as a
link that opens once, for its owner, until it expires; rate limited on every path; tidied away."""

import io
import json
import re
import zipfile
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from civic import data_exports, ratelimit, retention, services
from civic.models import PersonalDataExport
from consultations.models import Flag
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, VoteFactory
from tests.mapping.factories import CategoryFactory, ReportFactory
from tests.support.auth import sign_in

URL = "/accounts/profile/my-data/"
PASSWORD = "correct horse battery staple"  # UserFactory's


@pytest.fixture
def private_storage(settings, tmp_path):
    """Exports go to a temporary private folder; the threshold is low so a few items are 'large'."""
    root = tmp_path / "exports"
    settings.STORAGES = {
        **settings.STORAGES,
        "personal_data_exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    settings.PERSONAL_DATA_EXPORT_INLINE_MAX_ITEMS = 2
    return root


@pytest.fixture
def neighbour(db):
    return UserFactory(
        display_name="NeighbourNed", email="ned@elsewhere.example", first_name="Edward", roles=["Residents"]
    )


@pytest.fixture
def busy(consultation, proposal, resident, neighbour):
    """The resident took part more than the threshold; the neighbour's data is all around theirs."""
    mine = CommentFactory(consultation=consultation, author=resident, body="Open on Sundays please.")
    CommentFactory(consultation=consultation, author=resident, body="And a bigger car park.")
    CommentFactory(consultation=consultation, author=neighbour, parent=mine, body="Ned replies privately.")
    theirs = CommentFactory(consultation=consultation, author=neighbour, body="Ned's own view.")
    Flag.objects.create(comment=theirs, user=resident, reason="off_topic")
    Flag.objects.create(comment=mine, user=neighbour, reason="spam", note="Ned's flag note")
    VoteFactory(proposal=proposal, user=resident)
    VoteFactory(proposal=proposal, user=neighbour)
    category = CategoryFactory(name="Pothole")
    ReportFactory(category=category, reporter=neighbour, title="Ned's street light").followers.add(resident)
    return resident


def ask(client, django_capture_on_commit_callbacks, fmt="json"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL, {"format": fmt})


def emailed_path(message) -> str:
    url = re.search(r"https?://\S+/accounts/profile/my-data/\S+/", message.body).group(0)
    return urlsplit(url).path


def read_zip(response) -> dict[str, str]:
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def test_a_large_export_is_built_in_the_background_and_emailed_as_a_link(
    client, busy, neighbour, private_storage, django_capture_on_commit_callbacks
):
    sign_in(client, busy)
    response = ask(client, django_capture_on_commit_callbacks)
    assert response.status_code == 202 and "Content-Disposition" not in response
    page = response.content.decode()
    assert "We are preparing your data" in page and busy.email in page
    export = PersonalDataExport.objects.get(user=busy)
    assert export.status == "ready" and export.expires_at > timezone.now()
    [saved] = list(private_storage.iterdir())
    assert saved.name == export.file_name
    assert not saved.resolve().is_relative_to(django_settings.MEDIA_ROOT.resolve())
    [message] = mail.outbox
    assert message.to == [busy.email] and "Your data is ready" in message.subject
    assert f"{django_settings.PERSONAL_DATA_EXPORT_LINK_HOURS} hours" in message.body
    download = client.get(emailed_path(message))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert download["Cache-Control"] == "private, no-store"
    files = read_zip(download)
    [json_name] = [name for name in files if name.endswith(".json")]
    [html_name] = [name for name in files if name.endswith(".html")]
    data = json.loads(files[json_name])
    assert sorted(c["text"] for c in data["comments"]) == [
        "And a bigger car park.",
        "Open on Sundays please.",
    ]
    assert len(data["votes"]) == 1 and len(data["reported_comments"]) == 1
    assert "<h2>Your comments and their moderation</h2>" in files[html_name]
    for text in files.values():  # never anyone else's data
        for theirs in (neighbour.email, "NeighbourNed", "Edward", "Ned replies privately.", "Ned's own view.",
                       "Ned's flag note"):  # fmt: skip
            assert theirs not in text


def test_small_exports_stay_immediate(client, resident, private_storage, django_capture_on_commit_callbacks):
    sign_in(client, resident)
    response = ask(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert not PersonalDataExport.objects.exists() and not mail.outbox


@pytest.fixture
def link(client, busy, private_storage, django_capture_on_commit_callbacks):
    sign_in(client, busy)
    ask(client, django_capture_on_commit_callbacks)
    return emailed_path(mail.outbox[0])


def test_the_link_works_once(client, link):
    assert client.get(link).status_code == 200
    again = client.get(link)
    assert again.status_code == 410
    assert "This link has already been used" in again.content.decode()
    assert "Content-Disposition" not in again


def test_an_expired_link_says_so(client, link):
    PersonalDataExport.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    refused = client.get(link)
    assert refused.status_code == 410 and "This link has expired" in refused.content.decode()
    assert PersonalDataExport.objects.get().downloaded_at is None


def test_a_link_signed_longer_ago_than_its_lifetime_is_expired(client, busy, link, monkeypatch):
    export = PersonalDataExport.objects.get()
    old = int(timezone.now().timestamp()) - django_settings.PERSONAL_DATA_EXPORT_LINK_HOURS * 3600 - 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(old))
    token = data_exports.token_for(export)
    monkeypatch.undo()
    refused = client.get(reverse("personal_data_export", args=[token]))
    assert refused.status_code == 410 and "This link has expired" in refused.content.decode()


def test_a_tampered_link_says_it_does_not_work(client, link):
    export = PersonalDataExport.objects.get()
    for token in ("not-a-token", f"{export.pk}:forged", link.rstrip("/").rsplit("/", 1)[1] + "x"):
        refused = client.get(reverse("personal_data_export", args=[token]))
        assert refused.status_code == 404, token
        assert "This link does not work" in refused.content.decode()
    assert PersonalDataExport.objects.get().downloaded_at is None


def test_only_the_owner_may_download(client, link, neighbour):
    client.logout()
    anonymous = client.get(link)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("account_login"))
    sign_in(client, neighbour)
    refused = client.get(link)
    assert refused.status_code == 403 and "This link is for a different account" in refused.content.decode()
    assert PersonalDataExport.objects.get().downloaded_at is None  # still usable by its owner


def test_repeated_requests_are_limited_on_the_background_path_too(
    client, busy, private_storage, settings, django_capture_on_commit_callbacks
):
    settings.DATA_EXPORT_RATE_LIMIT = "2/h"
    sign_in(client, busy)
    assert ask(client, django_capture_on_commit_callbacks).status_code == 202
    assert ask(client, django_capture_on_commit_callbacks).status_code == 202
    refused = ask(client, django_capture_on_commit_callbacks)
    assert refused.status_code == 429 and "several times recently" in refused.content.decode()
    assert PersonalDataExport.objects.count() == 2 and len(mail.outbox) == 2


def test_the_limit_holds_when_the_shared_cache_fails(
    client, busy, private_storage, settings, monkeypatch, django_capture_on_commit_callbacks
):
    class Broken:
        def add(self, *args, **kwargs):
            raise ConnectionError("cache down")

        incr = set = add

    settings.DATA_EXPORT_RATE_LIMIT = "1/h"
    monkeypatch.setattr(ratelimit, "cache", Broken())
    ratelimit.clear_local()
    sign_in(client, busy)
    assert ask(client, django_capture_on_commit_callbacks).status_code == 202
    assert ask(client, django_capture_on_commit_callbacks).status_code == 429
    assert PersonalDataExport.objects.count() == 1
    ratelimit.clear_local()


def test_a_request_while_one_is_being_prepared_queues_no_second(busy, private_storage):
    first = data_exports.queue_export(busy)  # not committed in this test: the task has not run
    assert data_exports.queue_export(busy) == first
    assert PersonalDataExport.objects.count() == 1


def test_an_account_erased_before_the_task_runs_leaves_no_file(busy, private_storage):
    export = data_exports.queue_export(busy)
    export_id = str(export.pk)
    services.erase_account(actor=busy, user=busy, password=PASSWORD)
    assert data_exports.build(export_id) is False
    assert not private_storage.exists() or not list(private_storage.iterdir())
    assert not mail.outbox


def test_erasure_deletes_the_persons_export_files(
    busy, link, private_storage, django_capture_on_commit_callbacks
):
    assert list(private_storage.iterdir())
    with django_capture_on_commit_callbacks(execute=True):
        services.erase_account(actor=busy, user=busy, password=PASSWORD)
    assert not list(private_storage.iterdir())
    assert not PersonalDataExport.objects.exists()


def test_retention_removes_used_expired_and_abandoned_exports_only(busy, neighbour, private_storage):
    now = timezone.now()

    def made(user, **fields):
        export = PersonalDataExport.objects.create(user=user, **fields)
        if fields.get("status") == "ready":
            name = data_exports.storage().save(f"{export.pk}.zip", io.BytesIO(b"zip"))
            PersonalDataExport.objects.filter(pk=export.pk).update(file_name=name)
        return export

    fresh = made(busy, status="ready", expires_at=now + timedelta(hours=1))
    being_built = made(neighbour, status="queued")
    used = made(busy, status="ready", expires_at=now + timedelta(hours=1), downloaded_at=now)
    expired = made(neighbour, status="ready", expires_at=now - timedelta(minutes=1))
    abandoned = made(
        busy, status="queued", requested_at=now - data_exports.link_lifetime() - timedelta(hours=1)
    )
    step = next(r for r in retention.steps() if r.name == "personal_data_exports")
    assert step.step(now, True) == 3
    assert step.step(now, False) == 3
    assert set(PersonalDataExport.objects.values_list("pk", flat=True)) == {fresh.pk, being_built.pk}
    assert {path.name for path in private_storage.iterdir()} == {f"{fresh.pk}.zip"}
    assert {used.pk, expired.pk, abandoned.pk}.isdisjoint(
        PersonalDataExport.objects.values_list("pk", flat=True)
    )


def test_the_default_folder_is_outside_the_public_media_folder():
    root = django_settings.PERSONAL_DATA_EXPORT_ROOT.resolve()
    assert not root.is_relative_to(django_settings.MEDIA_ROOT.resolve())
    assert django_settings.STORAGES["personal_data_exports"]["OPTIONS"]["location"] == (
        django_settings.PERSONAL_DATA_EXPORT_ROOT
    )
