"""Every reader page type at its /cy/ address, scanned WHOLE (header, footer, language switcher and
all) for English interface words. Test data is Welsh or neutral, so any English word found is
interface text left unmarked or untranslated."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation, make_conversation, make_proposal, make_statements
from tests.support.auth import sign_in
from tests.welsh import _Text, english_words

# Radio buttons' stored values ("question" stance, "other" reason) are read by the scanner too.
RADIO_VALUES = frozenset({"question", "other"})


def assert_welsh(html: str, *, allow: frozenset[str] | set[str] = frozenset()) -> None:
    """tests.welsh.assert_welsh, naming the text each English word was found in (the whole page is big)."""
    found = english_words(html, allow=allow)
    if found:
        parser = _Text()
        parser.feed(html)
        where = sorted(
            {c.strip()[:100] for c in parser.chunks if set(re.findall(r"[a-z]+", c.lower())) & found}
        )
        raise AssertionError(f"English interface words on a Welsh page: {sorted(found)} in {where}")


def cy(name: str, *args, **kwargs) -> str:
    with translation.override("cy"):
        found = reverse(name, args=args, kwargs=kwargs)
    assert found.startswith("/cy/"), found
    return found


def welsh(path: str) -> str:
    return path if path.startswith("/cy/") else f"/cy{path}"


def page_html(client, path: str, status: int = 200, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == status, f"{path}: {response.status_code}"
    html = response.content.decode()
    assert '<html lang="cy"' in html, f"{path}: not served in Welsh"
    return html


@pytest.fixture(autouse=True)
def welsh_home(db):
    """The home page's title and introduction are content (the migration's are English): Welsh here."""
    from civic.models import HomePage

    home = HomePage.objects.get()
    home.title = "Dweud eich dweud"
    home.intro = "<p>Helpwch i lunio gwasanaethau lleol.</p>"
    home.save()
    return home


@pytest.fixture
def council(db):
    return OrganisationFactory(name="Cyngor Northbrook", slug="cyngor-northbrook")


@pytest.fixture
def index(home):
    from consultations.models import ConsultationIndexPage

    page = ConsultationIndexPage(title="Ymgynghoriadau", slug="ymgynghoriadau")
    home.add_child(instance=page)
    return page


@pytest.fixture
def consultation(index, council):
    return make_consultation(
        index,
        "open",
        lead_organisation=council,
        title="Llyfrgell Northbrook",
        summary="Oriau newydd i'r llyfrgell.",
    )


@pytest.fixture
def proposal(consultation):
    from wagtail.rich_text import RichText

    return make_proposal(
        consultation,
        title="Oriau hwyrach",
        problem="<p>Mae'r llyfrgell yn cau yn gynnar.</p>",
        proposed_change=[("paragraph", RichText("<p>Agor tan wyth bob nos.</p>"))],
        location_name="Stryd Fawr",
    )


@pytest.fixture
def resident(db):
    return UserFactory(roles=["Residents"], display_name="Gwenllian")


def test_home_page_in_welsh(client, home):
    assert_welsh(page_html(client, "/cy/"))


def test_consultation_index_in_welsh(client, index, consultation):
    assert_welsh(page_html(client, welsh(index.url)))


def test_consultation_page_in_welsh(client, consultation, proposal, resident):
    assert_welsh(page_html(client, welsh(consultation.url)))
    sign_in(client, resident)
    assert_welsh(page_html(client, welsh(consultation.url)), allow=RADIO_VALUES)


def test_proposal_page_in_welsh(client, proposal, resident):
    assert_welsh(page_html(client, welsh(proposal.url)))
    sign_in(client, resident)
    assert_welsh(page_html(client, welsh(proposal.url)), allow=RADIO_VALUES)


def test_survey_question_page_in_welsh(client, consultation, resident):
    from consultations.models import SurveyPage
    from tests.consultations.surveys.factories import make_survey, options, question

    questions = [
        {"type": "section", "id": "sec", "value": {"title": "Y bin", "intro": ""}},
        question("single_choice", "colour", "Pa liw bin?", options=options("Gwyrdd", "Glas")),
        question("free_text", "why", "Pam?", required=False, max_length=200),
    ]
    survey = make_survey(consultation, questions, title="Arolwg y biniau", layout=SurveyPage.Layout.PAGED)
    sign_in(client, resident)
    assert_welsh(page_html(client, welsh(survey.url)))


def test_conversation_page_in_welsh(client, consultation, resident):
    conversation = make_conversation(consultation, title="Sgwrs y dref", question="Beth hoffech chi?")
    make_statements(conversation, "Mwy o goed.", "Llai o geir.")
    sign_in(client, resident)
    assert_welsh(page_html(client, welsh(conversation.url)))


@pytest.fixture
def report(db, council):
    from tests.mapping.factories import CategoryFactory, ReportFactory

    category = CategoryFactory(name="Tyllau yn y ffordd", slug="tyllau", organisation=council)
    return ReportFactory(category=category, title="Twll mawr", description="Twll dwfn yn y ffordd.")


def test_report_map_list_and_detail_in_welsh(client, report):
    assert_welsh(page_html(client, cy("mapping:report_map")))
    assert_welsh(page_html(client, cy("mapping:report_list")))
    assert_welsh(page_html(client, cy("mapping:report_detail", report_id=report.pk)))


def test_new_report_steps_in_welsh(client, report, resident):
    sign_in(client, resident)
    assert_welsh(page_html(client, cy("mapping:report_new")))
    # Step 2 with the place chosen by coordinates (the path without the map).
    response = client.post(cy("mapping:report_new"), {"latitude": "52.90", "longitude": "-1.54"})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert_welsh(
            page_html(client, response.url if response.url.startswith("/cy/") else welsh(response.url))
        )
    else:
        assert_welsh(response.content.decode())


def test_search_in_welsh(client, consultation):
    assert_welsh(page_html(client, cy("site_search"), q="llyfrgell"))
    assert_welsh(page_html(client, cy("site_search"), q="zzzz"))


def test_profile_in_welsh(client, resident):
    sign_in(client, resident)
    assert_welsh(page_html(client, cy("profile")))


def test_sign_in_and_sign_up_in_welsh(client, home):
    assert_welsh(page_html(client, cy("account_login")))
    assert_welsh(page_html(client, cy("account_signup")))


def test_not_found_page_in_welsh(client, home):
    assert_welsh(page_html(client, "/cy/dim-tudalen-fan-hyn/", status=404))


def test_information_page_in_welsh(client, home):
    from civic.models import InformationPage

    page = InformationPage(
        title="Hysbysiad preifatrwydd", slug="preifatrwydd", kind="privacy", intro="Sut rydym yn cadw data."
    )
    home.add_child(instance=page)
    assert_welsh(page_html(client, welsh(page.url)))


def test_summary_for_a_councillor_in_welsh(client, consultation, council):
    councillor = UserFactory(roles=["Councillors"], organisation=council, display_name="Cynghorydd")
    sign_in(client, councillor)
    assert_welsh(page_html(client, cy("consultations:summaries:summary", page_id=consultation.pk)))


def test_officer_search_in_welsh(client, consultation, council):
    officer = UserFactory(roles=["Officers"], organisation=council, display_name="Swyddog")
    sign_in(client, officer)
    assert_welsh(page_html(client, cy("search:officer"), q="llyfrgell"))


def test_moderation_queue_for_a_moderator_in_welsh(client, consultation, council):
    moderator = UserFactory(roles=["Moderators"], organisation=council, display_name="Cymedrolwr")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "cy"
    profile.save()
    sign_in(client, moderator)
    response = client.get("/admin/moderation/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy"' in html
    assert_welsh(re.search(r"<main\b.*?</main>", html, re.S).group(0))


def test_a_reader_is_sent_back_to_an_untranslated_page_at_their_languages_address(consultation):
    from civic import bilingual

    with translation.override("cy"):
        assert bilingual.url_for_reader(consultation) == welsh(consultation.url)
    with translation.override("en-gb"):
        assert bilingual.url_for_reader(consultation) == consultation.url
