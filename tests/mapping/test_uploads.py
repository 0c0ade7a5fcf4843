"""Uploads cannot exhaust the server: body limits, header-first photo checks, pixel caps, and photos
that stay reachable (through the app, only while their report is visible)."""

import io
import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageFile

from mapping import photos, services
from mapping.models import IssueReport
from tests.mapping.factories import ReportFactory
from tests.mapping.photo_files import flat_image, png_bomb, png_header, png_text_bomb
from tests.mapping.test_services import jpeg_with_gps, report_kwargs
from tests.support.auth import sign_in

FORM = {
    "latitude": "52.91",
    "longitude": "-1.52",
    "category": "potholes",
    "title": "Hole",
    "description": "Big.",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # rate-limit counters start at zero


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail loudly if anything decodes pixels: refusals must come from the header alone."""

    def load(self):
        raise AssertionError(f"pixels of a {self.size} image were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)


def upload(data: bytes, name="p.png", kind="image/png"):
    return SimpleUploadedFile(name, data, content_type=kind)


@pytest.mark.parametrize(
    "data",
    [png_header(9000, 9000), png_header(30000, 30000), png_header(60000, 2)],
    ids=["81-megapixels", "beyond-pillows-bomb-limit", "one-long-line"],
)
def test_huge_dimensions_are_refused_from_the_header_without_decoding(data, no_decoding):
    with pytest.raises(photos.PhotoError):
        photos.check_upload(upload(data))
    with pytest.raises(photos.PhotoError):
        photos.clean_photo(upload(data))


def test_a_png_whose_text_inflates_to_60_mb_is_refused_while_reading_its_header(no_decoding):
    with pytest.raises(photos.PhotoError):
        photos.check_upload(upload(png_text_bomb(60)))
    photos.check_upload(upload(png_text_bomb(1)))  # one honest-sized comment is fine


def test_a_real_decompression_bomb_is_a_form_error_and_nothing_is_saved(client, council, potholes, reporter):
    sign_in(client, reporter)
    response = client.post("/reports/new/confirm/", {**FORM, "photo": upload(png_bomb())})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_photo"' in html and "megapixels" in html
    assert not IssueReport.objects.exists()


def test_the_largest_accepted_png_is_kept_at_a_sensible_size(council, reporter, potholes):
    photo = upload(flat_image(3200, 2500))  # 8 MP, the most a PNG may have
    report = services.create_report(**report_kwargs(reporter, potholes, photo=photo))
    with Image.open(report.photo.path) as stored:
        assert stored.format == "PNG" and stored.size == (2048, 1600)


def test_a_png_over_the_decoded_pixel_budget_is_refused(council, reporter, potholes):
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(reporter, potholes, photo=upload(flat_image(3300, 2500))))
    assert caught.value.field == "photo" and "megapixels" in caught.value.message


def test_a_large_camera_jpeg_is_decoded_at_reduced_scale_and_kept(council, reporter, potholes):
    data = flat_image(6000, 4000, "JPEG")  # 24 MP: three times the decode budget at full scale
    report = services.create_report(
        **report_kwargs(reporter, potholes, photo=upload(data, "p.jpg", "image/jpeg"))
    )
    with Image.open(report.photo.path) as stored:
        assert stored.format == "JPEG" and stored.size == (1500, 1000)  # decoded at 1/4 scale


@override_settings(WRITE_RATE_LIMIT="1/m")
def test_the_rate_limit_refuses_before_any_pixel_is_decoded(council, reporter, potholes, monkeypatch):
    services.create_report(**report_kwargs(reporter, potholes))
    decoded = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(self.size) or real_load(self)
    )
    photo = upload(jpeg_with_gps(), "p.jpg", "image/jpeg")
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(reporter, potholes, photo=photo))
    assert caught.value.code == "rate_limited" and decoded == []
    assert IssueReport.objects.count() == 1


@override_settings(REQUEST_BODY_MAX_BYTES=64 * 1024)
def test_an_oversized_body_is_refused_with_413_before_the_form_reads_it(client, council, potholes, reporter):
    sign_in(client, reporter)
    response = client.post("/reports/new/confirm/", {**FORM, "photo": upload(b"x" * 100_000)})
    assert response.status_code == 413
    assert "Photos must be 5 MB or smaller" in response.content.decode()
    assert not IssueReport.objects.exists()
    small = client.post("/reports/new/confirm/", {**FORM, "photo": upload(b"x" * 1000)})
    assert small.status_code == 400  # under the limit: the form's own error, not a 413


@override_settings(REQUEST_BODY_MAX_BYTES=64 * 1024, ADMIN_REQUEST_BODY_MAX_BYTES=1024 * 1024)
def test_the_admin_takes_larger_bodies_than_public_pages(client, db):
    def body():
        return {"file": upload(b"x" * 100_000, "doc.pdf", "application/pdf")}

    assert client.post("/admin/login/", body()).status_code != 413
    assert client.post("/reports/new/confirm/", body()).status_code == 413


def _report_with_photo(potholes, reporter):
    return services.create_report(**report_kwargs(reporter, potholes, photo=upload(jpeg_with_gps(), "p.jpg")))


def test_a_visible_reports_photo_is_served_by_the_app_with_safe_headers(client, council, potholes, reporter):
    report = _report_with_photo(potholes, reporter)
    page = client.get(report.get_absolute_url()).content.decode()
    assert f'src="/reports/{report.pk}/photo"' in page
    response = client.get(f"/reports/{report.pk}/photo")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert (
        response["X-Content-Type-Options"] == "nosniff" and "sandbox" in response["Content-Security-Policy"]
    )
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as served:
        assert served.size == (40, 30) and not served.getexif()
    assert client.get(f"/reports/{ReportFactory(category=potholes).pk}/photo").status_code == 404  # no photo


def test_open311_media_url_resolves_to_the_photo(client, council, potholes, reporter):
    report = _report_with_photo(potholes, reporter)
    [row] = json.loads(client.get(f"/open311/v2/requests/{report.pk}.json").content)
    assert row["media_url"] == f"http://testserver/reports/{report.pk}/photo"
    response = client.get(row["media_url"])
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def _open311_post(client, raw_key, media):
    data = {"api_key": raw_key, "service_code": "POT", "lat": "52.9", "long": "-1.55", "description": "Hole"}
    return client.post("/open311/v2/requests.json", {**data, "media": media})


def test_open311_post_media_passes_the_same_checks(client, council, potholes, council_org, no_decoding):
    _key, raw = services.issue_partner_key(organisation=council_org, name="Partner")
    refused = _open311_post(client, raw, upload(png_header(9000, 9000)))
    assert refused.status_code == 400 and "megapixels" in refused.content.decode()
    assert not IssueReport.objects.exists()


def test_open311_post_media_is_stored_and_served(client, council, potholes, council_org):
    _key, raw = services.issue_partner_key(organisation=council_org, name="Partner")
    created = _open311_post(client, raw, upload(jpeg_with_gps(), "p.jpg", "image/jpeg"))
    assert created.status_code == 201
    report = IssueReport.objects.get()
    [row] = json.loads(client.get(f"/open311/v2/requests/{report.pk}.json").content)
    assert client.get(row["media_url"]).status_code == 200


@override_settings(REQUEST_BODY_MAX_BYTES=64 * 1024)
def test_open311_post_over_the_body_limit_is_413(client, council, potholes, council_org):
    _key, raw = services.issue_partner_key(organisation=council_org, name="Partner")
    assert _open311_post(client, raw, upload(b"x" * 100_000)).status_code == 413
    assert not IssueReport.objects.exists()
