"""Documents and images live in one collection per organisation; officers see and change only theirs."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from tests.civic.factories import OrganisationFactory, UserFactory
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


def _png(name="pic.png") -> ContentFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Northbrook Council", slug="northbrook")


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Northbrook Police", slug="northbrook-police")


@pytest.fixture
def council_officer(council):
    return UserFactory(roles=["Officers"], organisation=council)


@pytest.fixture
def shared():
    return Collection.objects.get(depth=2, name="Shared")


@pytest.fixture
def files(council, police, shared):
    """One document and one image in each organisation's collection and in Shared."""
    made = {}
    for key, collection in (
        ("council", council.collection),
        ("police", police.collection),
        ("shared", shared),
    ):
        made[f"{key}_doc"] = Document.objects.create(
            title=f"{key} briefing", file=ContentFile(b"text", name=f"{key}.txt"), collection=collection
        )
        made[f"{key}_image"] = Image.objects.create(
            title=f"{key} photo", file=_png(f"{key}.png"), collection=collection
        )
    return made


def test_each_organisation_gets_its_own_collection_named_after_it(council):
    assert council.collection.name == "Northbrook Council"
    assert council.collection.get_parent().is_root()
    council.name = "Northbrook Borough Council"
    council.save()
    council.collection.refresh_from_db()
    assert council.collection.name == "Northbrook Borough Council"


def test_shared_collection_is_choosable_by_officers_only(shared):
    codenames = set(
        GroupCollectionPermission.objects.filter(collection=shared).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"choose_image", "choose_document"}


@pytest.mark.parametrize("kind", ["doc", "image"])
def test_listings_and_choosers_show_own_and_shared_files_only(client, council_officer, files, kind):
    sign_in(client, council_officer)
    app = "wagtaildocs" if kind == "doc" else "wagtailimages"
    for url in (
        reverse(f"{app}:index"),
        reverse(f"{app}_chooser:choose"),
        reverse(f"{app}_chooser:choose_results"),
    ):
        html = client.get(url).content.decode()
        assert files[f"council_{kind}"].title in html, url
        assert files[f"police_{kind}"].title not in html, url
    chooser = client.get(reverse(f"{app}_chooser:choose")).content.decode()
    assert files[f"shared_{kind}"].title in chooser
    search = client.get(reverse(f"{app}_chooser:choose_results"), {"q": "police"}).content.decode()
    assert files[f"police_{kind}"].title not in search


def test_officer_cannot_replace_another_organisations_document(client, council_officer, files):
    sign_in(client, council_officer)
    theirs = files["police_doc"]
    url = reverse("wagtaildocs:edit", args=[theirs.pk])
    assert client.get(url).status_code in (302, 403)
    upload = SimpleUploadedFile("evil.txt", b"replaced", content_type="text/plain")
    response = client.post(url, {"title": "Replaced", "file": upload, "collection": theirs.collection_id})
    assert response.status_code in (302, 403)
    theirs.refresh_from_db()
    assert theirs.title == "police briefing" and theirs.file.read() == b"text"
    assert client.post(reverse("wagtaildocs:delete", args=[theirs.pk])).status_code in (302, 403)
    assert Document.objects.filter(pk=theirs.pk).exists()


def test_officer_cannot_change_shared_files_but_can_change_their_own(client, council_officer, files):
    sign_in(client, council_officer)
    shared_doc = files["shared_doc"]
    upload = SimpleUploadedFile("evil.txt", b"replaced", content_type="text/plain")
    client.post(reverse("wagtaildocs:edit", args=[shared_doc.pk]), {"title": "Replaced", "file": upload})
    shared_doc.refresh_from_db()
    assert shared_doc.title == "shared briefing"
    own = files["council_doc"]
    response = client.post(
        reverse("wagtaildocs:edit", args=[own.pk]),
        {"title": "Council briefing v2", "collection": own.collection_id},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Council briefing v2"


def test_officer_cannot_replace_another_organisations_image(client, council_officer, files):
    sign_in(client, council_officer)
    theirs = files["police_image"]
    url = reverse("wagtailimages:edit", args=[theirs.pk])
    assert client.get(url).status_code in (302, 403)
    client.post(
        url,
        {
            "title": "Replaced",
            "file": SimpleUploadedFile("x.png", _png().read()),
            "collection": theirs.collection_id,
        },
    )
    theirs.refresh_from_db()
    assert theirs.title == "police photo"


def test_officer_uploads_only_into_their_organisations_collection(
    client, council_officer, council, police, shared
):
    sign_in(client, council_officer)
    form = client.get(reverse("wagtaildocs:add")).content.decode()
    assert "Northbrook Police" not in form and "Shared" not in form
    for collection in (police.collection, shared, Collection.get_first_root_node()):
        upload = SimpleUploadedFile("minutes.txt", b"minutes", content_type="text/plain")
        client.post(
            reverse("wagtaildocs:add"), {"title": "Minutes", "file": upload, "collection": collection.pk}
        )
    # the officer has one collection, so the form has no choice to make: a posted one is ignored
    assert set(Document.objects.filter(title="Minutes").values_list("collection", flat=True)) <= {
        council.collection_id
    }


def test_staff_without_a_second_factor_see_no_files(client, council_officer, files):
    sign_in(client, council_officer, second_factor=False)
    response = client.get(reverse("wagtaildocs_chooser:choose"))
    assert files["council_doc"].title not in response.content.decode()


def test_administrator_sees_every_collection(client, files):
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtaildocs:index")).content.decode()
    assert all(files[f"{k}_doc"].title in html for k in ("council", "police", "shared"))
