"""Reports keep the language they were written in: recorded by the web journey and the service."""

import pytest
from django.utils import translation

from mapping import services
from mapping.models import IssueReport
from tests.mapping.factories import ReportFactory
from tests.mapping.test_services import report_kwargs
from tests.support.auth import sign_in

DETAILS = {
    "latitude": "52.905000",
    "longitude": "-1.545000",
    "place": "High Street",
    "category": "potholes",
    "title": "Twll dwfn",
    "description": "Y tu allan i'r becws.",
}


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    with translation.override("en-gb"):
        yield


@pytest.mark.parametrize(
    ("prefix", "chosen", "expected"), [("", None, "en-gb"), ("/cy", None, "cy"), ("", "cy", "cy")]
)
def test_report_journey_records_the_language(client, council, potholes, reporter, prefix, chosen, expected):
    sign_in(client, reporter)
    details = {**DETAILS, **({"language": chosen} if chosen else {})}
    step3 = client.post(f"{prefix}/reports/new/details/", details)
    assert step3.status_code == 200
    html = step3.content.decode()
    assert f'<input type="hidden" name="language" value="{expected}"' in html  # carried to the last step
    sent = client.post(f"{prefix}/reports/new/confirm/", {**details, "language": expected})
    assert sent.status_code == 302
    report = IssueReport.objects.get()
    assert report.language == expected
    page = client.get(report.get_absolute_url()).content.decode()
    lang = "cy" if expected == "cy" else "en-GB"
    assert f'<p lang="{lang}">Y tu allan i&#x27;r becws.</p>' in page


def test_details_step_offers_the_language_and_refuses_an_unknown_one(client, council, potholes, reporter):
    sign_in(client, reporter)
    step2 = client.get("/cy/reports/new/details/", {"latitude": "52.905", "longitude": "-1.545"})
    assert 'name="language" value="cy" id="id_language_1" checked>' in step2.content.decode()
    refused = client.post("/reports/new/details/", {**DETAILS, "language": "fr"})
    assert refused.status_code == 400
    assert not IssueReport.objects.exists()


def test_service_records_and_checks_the_language(council, potholes, reporter):
    assert services.create_report(**report_kwargs(reporter, potholes, language="cy")).language == "cy"
    assert services.create_report(**report_kwargs(reporter, potholes)).language == "en-gb"
    with pytest.raises(services.ReportError) as refused:
        services.create_report(**report_kwargs(reporter, potholes, language="klingon"))
    assert refused.value.field == "language"


def test_reports_before_languages_were_recorded_are_english_and_exports_say_so(client, council, potholes):
    from mapping.exports import csv_response

    ReportFactory(category=potholes)
    ReportFactory(category=potholes, language="cy")
    body = b"".join(csv_response(IssueReport.objects.all()).streaming_content).decode()
    header, *rows = [line.split(",") for line in body.splitlines()]
    column = header.index("language")
    assert sorted(row[column] for row in rows) == ["cy", "en-gb"]
