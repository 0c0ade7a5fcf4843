"""Issue report pages at /cy/ addresses: the interface in <main> is Welsh (the data here is Welsh too)."""

import re

import pytest
from django.utils import translation

from tests.civic.factories import OrganisationFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.mapping.factories import CategoryFactory, ReportFactory
from tests.support.auth import sign_in
from tests.welsh import assert_welsh

MAIN = re.compile(r"<main[\s>].*?</main>", re.S)
PROBLEM = "There is a problem"  # the error summary's heading (a variable: makemessages skips tests)


def main_of(response) -> str:
    [main] = MAIN.findall(response.content.decode())
    return main


def shared_partials_allow() -> set[str]:
    """The error summary and field partials are core's: until their Welsh lands, allow their words."""
    with translation.override("cy"):
        done = translation.gettext(PROBLEM) != PROBLEM
    return set() if done else {"there", "error"}


@pytest.fixture
def cyngor(db):
    return OrganisationFactory(name="Cyngor Testborough", slug="cyngor-testborough")


@pytest.fixture
def tyllau(cyngor):
    return CategoryFactory(name="Twll yn y ffordd", slug="tyllau", service_code="TWLL", organisation=cyngor)


@pytest.fixture
def adroddiad(council, tyllau):
    return ReportFactory(
        category=tyllau,
        latitude=52.90,
        longitude=-1.55,
        title="Twll dwfn",
        description="Twll dwfn ger y siop.",
    )


def test_report_map_and_its_list_are_welsh(client, adroddiad):
    response = client.get("/cy/reports/")
    assert response.status_code == 200
    html = main_of(response)
    assert "Problemau yr adroddwyd amdanynt" in html and "1 adroddiad" in html and "Ar agor" in html
    assert_welsh(html)
    assert "Pin wedi" in response.content.decode()  # the map script's sentences too
    listing = main_of(client.get("/cy/reports/list/"))
    assert "Twll dwfn" in listing and "Adroddwyd" in listing
    assert_welsh(listing)


def test_report_detail_is_welsh_with_its_history(client, adroddiad):
    html = main_of(client.get(f"/cy/reports/{adroddiad.pk}/"))
    assert "Cynnydd" in html and "Statws" in html
    assert_welsh(html)


def test_report_detail_for_an_officer_is_welsh(client, adroddiad, cyngor):
    from tests.civic.factories import UserFactory

    sign_in(client, UserFactory(roles=["Officers"], organisation=cyngor))
    html = main_of(client.get(f"/cy/reports/{adroddiad.pk}/"))
    assert "Camau swyddog" in html
    assert_welsh(html, allow={"open"})  # "Open311", the standard's name, in the hide form's hint


def test_new_report_steps_are_welsh_with_a_form_error(client, council, tyllau):
    location = client.get("/cy/reports/new/")
    assert location.status_code == 200
    assert_welsh(main_of(location))
    searched = client.get("/cy/reports/new/", {"q": "zzzz"})
    assert_welsh(main_of(searched), allow=shared_partials_allow())
    missing = client.get("/cy/reports/new/", {"latitude": "", "longitude": ""})
    assert missing.status_code == 400
    assert "Rhowch ledred" in main_of(missing)
    assert_welsh(main_of(missing), allow=shared_partials_allow())

    where = {"latitude": "52.9", "longitude": "-1.55", "place": ""}
    details = client.get("/cy/reports/new/details/", where)
    assert details.status_code == 200
    assert "Beth yw'r broblem?" in main_of(details)
    assert_welsh(main_of(details))
    errors = client.post("/cy/reports/new/details/", {**where, "category": "tyllau"})
    assert errors.status_code == 400
    assert "Rhowch grynodeb byr" in main_of(errors)
    assert_welsh(main_of(errors), allow=shared_partials_allow())

    answers = {**where, "category": "tyllau", "title": "Twll dwfn", "description": "Twll dwfn ger y siop."}
    confirm = client.post("/cy/reports/new/details/", answers)
    assert confirm.status_code == 200
    assert "Gwiriwch eich adroddiad" in main_of(confirm)
    assert_welsh(main_of(confirm))
    refused = client.post("/cy/reports/new/confirm/", {**answers, "name": "Siân", "email": "dim-cyfeiriad"})
    assert refused.status_code == 400
    assert "Rhowch gyfeiriad e-bost yn y fformat cywir" in main_of(refused)
    assert_welsh(main_of(refused), allow=shared_partials_allow())


def test_officer_work_list_is_welsh(client, adroddiad, cyngor):
    from tests.civic.factories import UserFactory

    sign_in(client, UserFactory(roles=["Officers"], organisation=cyngor))
    response = client.get("/cy/reports/manage/")
    assert response.status_code == 200
    html = main_of(response)
    assert "Rheoli adroddiadau" in html and "Fy sefydliad i yn unig" in html
    assert_welsh(html)


def test_proposals_maps_are_welsh(client, council, index, organisation):
    consultation = make_consultation(
        index, "open", lead_organisation=organisation, title="Ymgynghoriad y parc"
    )
    make_proposal(
        consultation,
        title="Croesfan newydd",
        latitude="52.9",
        longitude="-1.54",
        location_name="Heol y Felin",
    )
    everywhere = main_of(client.get("/cy/maps/proposals/"))
    assert "Croesfan newydd" in everywhere and "1 cynnig â lleoliad" in everywhere
    assert_welsh(everywhere)
    one = main_of(client.get(f"/cy/maps/consultations/{consultation.pk}/"))
    assert "Yn ôl i'r ymgynghoriad" in one
    assert_welsh(one)


def test_english_stays_at_the_plain_address(client, adroddiad):
    html = main_of(client.get("/reports/"))
    assert "Reported problems" in html and "1 report" in html


def test_officer_csv_header_is_welsh_and_geojson_keys_stay(client, adroddiad, cyngor):
    from tests.civic.factories import UserFactory

    sign_in(client, UserFactory(roles=["Officers"], organisation=cyngor))
    body = b"".join(client.get("/cy/reports/manage/export.csv").streaming_content).decode()
    assert body.splitlines()[0].startswith("id,teitl,disgrifiad,categori")
    geo = client.get("/cy/reports/manage/export.geojson").json()
    assert "service_code" in geo["features"][0]["properties"]


def test_check_email_and_link_problem_pages_are_welsh(client, council, tyllau):
    answers = {
        "latitude": "52.9",
        "longitude": "-1.55",
        "place": "",
        "category": "tyllau",
        "title": "Twll dwfn",
        "description": "Twll dwfn ger y siop.",
        "name": "Siân",
        "email": "sian@example.org",
    }
    sent = client.post("/cy/reports/new/confirm/", answers, follow=True)
    assert sent.status_code == 200
    html = main_of(sent)
    assert "Gwiriwch eich e-bost" in html
    assert_welsh(html)
    broken = client.get("/cy/reports/confirm/dim-dolen/")
    assert broken.status_code == 404
    assert "Nid yw'r ddolen hon yn gweithio" in main_of(broken)
    assert_welsh(main_of(broken))


def test_report_emails_render_in_welsh(adroddiad):
    from django.template.loader import render_to_string

    from mapping.models import StatusChange

    change = StatusChange.objects.create(report=adroddiad, to_status="fixed", note="Reported.")
    context = {"report": adroddiad, "change": change, "url": "/x/", "site_name": "Civic", "name": "Siân"}
    with translation.override("cy"):
        status = render_to_string("mapping/email/status_changed.txt", context)
        confirm = render_to_string(
            "mapping/email/confirm_report.txt", {"report": adroddiad, "url": "https://x/", "hours": 48}
        )
    assert "Helo Siân," in status and "Wedi'i drwsio" in status and "Adroddwyd." in status
    assert "am 48 awr" in confirm
    assert_welsh(status + confirm)
