import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from mapping import services
from mapping.models import IssueReport, StatusChange
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory


def report_kwargs(reporter, category, **extra):
    data = {
        "reporter": reporter,
        "category": category,
        "title": "Deep pothole",
        "description": "Outside number 12, about 20 cm deep.",
        "latitude": "52.905",
        "longitude": "-1.545",
    }
    data.update(extra)
    return data


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {2: (52.0, 54.0, 18.0), 4: (1.0, 32.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_report_is_saved_with_ward_history_and_follower(council, reporter, potholes):
    report = services.create_report(**report_kwargs(reporter, potholes))
    assert report.ward.slug == "west"
    assert report.organisation == potholes.organisation
    assert report.status == "open"
    assert list(report.followers.all()) == [reporter]
    assert report.history.get().to_status == "open"


def test_reporting_does_not_follow_when_the_reporter_switched_it_off(council, reporter, potholes):
    reporter.auto_follow = False
    reporter.save(update_fields=["auto_follow"])
    report = services.create_report(**report_kwargs(reporter, potholes))
    assert not report.followers.exists()
    assert report.reporter == reporter


def test_following_and_unfollowing_a_report_are_rate_limited(
    council, potholes, reporter, settings, pinned_clock
):
    settings.WRITE_RATE_LIMIT = "2/m"
    report = ReportFactory(category=potholes)
    assert services.add_voice(user=reporter, report=report) is True
    assert services.unfollow_report(user=reporter, report=report) is True
    with pytest.raises(services.ReportError) as caught:
        services.add_voice(user=reporter, report=report)
    assert caught.value.code == "rate_limited"
    assert not report.followers.filter(pk=reporter.pk).exists()


def test_unfollowing_needs_an_account(council, potholes):
    from django.contrib.auth.models import AnonymousUser

    report = ReportFactory(category=potholes)
    with pytest.raises(services.ReportError) as caught:
        services.unfollow_report(user=AnonymousUser(), report=report)
    assert caught.value.code == "forbidden"


def test_location_outside_the_council_is_refused_and_nothing_saved(council, reporter, potholes):
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(reporter, potholes, latitude="51.5", longitude="-0.12"))
    assert "outside the council's area" in caught.value.message
    assert not IssueReport.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"latitude": "abc"}, "latitude"),
        ({"longitude": "-999"}, "longitude"),
        ({"category": "no-such-category"}, "category"),
        ({"title": "<b></b>"}, "title"),
        ({"description": "x" * 2001}, "description"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(council, reporter, potholes, extra, field):
    data = report_kwargs(reporter, potholes)
    data.update(extra)
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**data)
    assert caught.value.field == field
    assert not IssueReport.objects.exists()


def test_unverified_person_cannot_report(council, potholes):
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(UserFactory(verified=False), potholes))
    assert caught.value.code == "forbidden"


def test_photo_is_kept_without_exif_location(council, reporter, potholes, tmp_path):
    upload = SimpleUploadedFile("p.jpg", jpeg_with_gps(), content_type="image/jpeg")
    with Image.open(io.BytesIO(jpeg_with_gps())) as original:
        assert original.getexif()  # the test photo really has EXIF
    with override_settings(MEDIA_ROOT=tmp_path):
        report = services.create_report(**report_kwargs(reporter, potholes, photo=upload))
        with Image.open(report.photo.path) as stored:
            assert not stored.getexif()
            assert "exif" not in stored.info
            assert stored.size == (40, 30)


def test_non_image_upload_is_refused(council, reporter, potholes):
    upload = SimpleUploadedFile("p.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(reporter, potholes, photo=upload))
    assert caught.value.field == "photo"
    assert not IssueReport.objects.exists()


@override_settings(REPORT_PHOTO_MAX_BYTES=1024 * 1024)
def test_huge_upload_is_refused(council, reporter, potholes):
    upload = SimpleUploadedFile("p.jpg", b"\xff\xd8" + b"0" * (1024 * 1024 + 1), content_type="image/jpeg")
    with pytest.raises(services.ReportError) as caught:
        services.create_report(**report_kwargs(reporter, potholes, photo=upload))
    assert "1 MB or smaller" in caught.value.message


def test_nearby_open_reports_of_the_same_category_nearest_first(council, potholes, lights):
    near = ReportFactory(category=potholes, latitude=52.9051, longitude=-1.5451)
    nearer = ReportFactory(category=potholes, latitude=52.90501, longitude=-1.54501)
    ReportFactory(category=lights, latitude=52.905, longitude=-1.545)  # other category
    ReportFactory(category=potholes, latitude=52.905, longitude=-1.545, status="fixed")  # closed
    ReportFactory(category=potholes, latitude=52.915, longitude=-1.545)  # a kilometre away
    assert services.nearby_open(potholes, 52.905, -1.545) == [nearer, near]


def test_add_voice_follows_once(council, potholes, reporter):
    report = ReportFactory(category=potholes)
    assert services.add_voice(user=reporter, report=report) is True
    assert services.add_voice(user=reporter, report=report) is False
    assert report.followers.count() == 1


def test_status_change_emails_reporter_and_followers(
    council, potholes, report_officer, django_capture_on_commit_callbacks
):
    report = ReportFactory(category=potholes)
    follower = UserFactory()
    report.followers.add(follower, report.reporter)  # reporting follows, as create_report does
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            officer=report_officer, report=report, status="in_progress", note="Crew booked."
        )
    report.refresh_from_db()
    assert report.status == "in_progress"
    change = report.history.last()
    assert (change.from_status, change.to_status, change.note) == ("open", "in_progress", "Crew booked.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([report.reporter.email, follower.email])
    assert "in progress" in mail.outbox[0].subject
    assert "Crew booked." in mail.outbox[0].body
    assert f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/reports/{report.pk}/" in mail.outbox[0].body
    greetings = {m.to[0]: m.body.splitlines()[0] for m in mail.outbox}
    assert greetings[follower.email] == f"Hello {follower.public_name},"
    assert greetings[report.reporter.email] == f"Hello {report.reporter.public_name},"
    assert all(m.subject.startswith("[Civic] ") and m.alternatives for m in mail.outbox)


def test_officer_of_another_organisation_cannot_change_status(council, potholes, police_officer):
    report = ReportFactory(category=potholes)
    with pytest.raises(services.ReportError) as caught:
        services.change_status(officer=police_officer, report=report, status="fixed")
    assert caught.value.code == "forbidden"
    assert not StatusChange.objects.filter(report=report).exists()


@pytest.mark.parametrize("status", ["teleported", "duplicate", ""])
def test_status_must_be_a_known_one_and_nothing_is_written(council, potholes, report_officer, status):
    report = ReportFactory(category=potholes)
    report.followers.add(UserFactory())
    history = StatusChange.objects.count()
    with pytest.raises(services.ReportError) as excinfo:
        services.change_status(officer=report_officer, report=report, status=status, note="Tried")
    assert (excinfo.value.code, excinfo.value.field) == ("invalid_status", "status")
    report.refresh_from_db()
    assert report.status == "open" and report.duplicate_of is None
    assert StatusChange.objects.count() == history
    assert mail.outbox == []


def test_merge_marks_duplicate_and_moves_followers(council, potholes, report_officer):
    original, copy = ReportFactory.create_batch(2, category=potholes)
    extra = UserFactory()
    copy.followers.add(extra)
    services.merge_duplicate(officer=report_officer, report=copy, into=original)
    copy.refresh_from_db()
    assert copy.status == "duplicate" and copy.duplicate_of == original
    assert set(original.followers.all()) >= {extra, copy.reporter}
    assert f"#{original.pk}" in copy.history.last().note


def test_reassign_passes_the_report_to_another_organisation(council, potholes, vehicles, report_officer):
    report = ReportFactory(category=potholes)
    services.reassign(officer=report_officer, report=report, category=vehicles)
    report.refresh_from_db()
    assert report.category == vehicles
    assert report.organisation == vehicles.organisation
    assert "Abandoned vehicle" in report.history.last().note


@pytest.mark.parametrize("mode", ["RGBA", "P", "L"])
def test_png_photos_of_every_colour_mode_are_kept(council, reporter, potholes, tmp_path, mode):
    out = io.BytesIO()
    Image.new(mode, (10, 8)).save(out, format="PNG")
    upload = SimpleUploadedFile("p.png", out.getvalue(), content_type="image/png")
    with override_settings(MEDIA_ROOT=tmp_path):
        report = services.create_report(**report_kwargs(reporter, potholes, photo=upload))
        with Image.open(report.photo.path) as stored:
            assert stored.format == "PNG" and stored.size == (10, 8) and stored.mode == mode
