"""The feedback summary in Welsh: themes, charts, breakdowns, representation, survey results, the
theme page, the printable report and the PDF (whose font must draw ŵ and ŷ)."""

import re
import zlib

import pytest
from django.utils import timezone, translation

from civic.models import Area, ParticipantProfile
from consultations.models import SurveyResponse
from consultations.summaries import services
from consultations.summaries.models import Theme
from consultations.summaries.pdf import _Writer
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation, make_proposal
from tests.consultations.surveys.factories import make_survey, options, question
from tests.support.auth import sign_in
from tests.welsh import assert_welsh

# Welsh comments, so that themes, quotes and labels built from them are Welsh too.
TOPICS = [
    "Does dim digon o lefydd parcio ger y siopau ac mae'r maes parcio yn llawn erbyn naw",
    "Mae trwyddedau parcio yn rhy ddrud ac mae lleoedd y maes parcio yn rhy gul",
    "Mwy o lefydd parcio i ddeiliaid bathodyn glas ger y maes parcio os gwelwch yn dda",
    "Dylai'r maes parcio fod yn rhad ac am ddim ar ddydd Sul ger y siopau",
    "Mae'r bws i'r ysbyty yn rhedeg bob awr yn unig a does dim lloches yn yr arhosfan bws",
    "Aeth prisiau'r bws i fyny eto; byddai tocyn bws rhatach i ofalwyr yn helpu",
    "Cadwch lwybr y bws gyda'r nos, mae'r bws olaf yn gadael yn rhy gynnar",
    "Dydy amserlen y bws yn yr arhosfan byth yn gywir ac mae'r bysiau'n hwyr",
    "Dylai'r llyfrgell agor ar brynhawn Sadwrn i blant a theuluoedd",
    "Mae oriau agor y llyfrgell yn rhy fyr i bobl sy'n gweithio; agorwch y llyfrgell yn hwyrach",
    "Cadwch y llyfrgell deithiol, dyma'r unig llyfrgell y gall fy mam ei chyrraedd",
    "Mae cyfrifiaduron y llyfrgell yn hen; mae angen cyfrifiaduron cyflymach ar y llyfrgell",
]
# Labels owned by other parts of Civic and translated there: the participation app's stances and
# channels, the census groups of civic.models ("75 and over", "Not disabled", "Other ethnic group")
# and a consultation's state ("Open"). Until those land, their English words are allowed here.
OTHERS_LABELS = {"support", "oppose", "neutral", "question", "online", "paper", "phone", "event"}
OTHERS_LABELS |= {"and", "not", "other", "open"}


@pytest.fixture(autouse=True)
def english_afterwards():
    """A request to a /cy/ address leaves Welsh active in the test's thread: later tests expect English."""
    yield
    translation.activate("en-gb")


def main(html: str) -> str:
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def cy(path: str) -> str:
    return f"/cy{path}"


@pytest.fixture
def consultation(index, organisation):
    return make_consultation(
        index,
        "open",
        lead_organisation=organisation,
        title="Llyfrgell Northbrook",
        summary="Ymgynghoriad am wasanaethau lleol.",
    )


@pytest.fixture
def wards(db):
    return [
        Area.objects.create(name="Abaty", slug="abaty", kind="ward"),
        Area.objects.create(name="Glan yr Afon", slug="glan-yr-afon", kind="ward"),
    ]


@pytest.fixture
def summary(consultation, wards):
    """12 Welsh comments from 12 residents (8 shared their ward), themes, and a survey with answers."""
    proposal = make_proposal(consultation, title="Llwybr bws newydd")
    authors = [UserFactory(roles=["Residents"]) for _ in range(12)]
    for i, author in enumerate(authors[:8]):
        ParticipantProfile.objects.create(
            user=author,
            consented_at=timezone.now(),
            ward=wards[0],
            age_band="25-34" if i < 6 else "75-plus",
            ethnicity="white",
            disability="not-disabled",
        )
    for i, text in enumerate(TOPICS):
        CommentFactory(
            consultation=consultation,
            proposal=proposal if 4 <= i < 8 else None,
            author=authors[i],
            body=text,
            stance=["support", "oppose", "neutral", "question"][i % 4],
            channel=["online", "paper"][i % 2],
        )
    survey = make_survey(
        consultation,
        [question("single_choice", "bin", "Pa liw bin?", options=options("Gwyrdd", "Glas"))],
        title="Arolwg y biniau",
    )
    for author in authors[:7]:
        SurveyResponse.objects.create(
            survey=survey, user=author, answers={"bin": "o1"}, submitted_at=timezone.now()
        )
    services.build_themes(consultation.pk)
    return consultation


def test_the_councillor_summary_is_in_welsh(client, summary, councillor):
    sign_in(client, councillor)
    html = client.get(cy(f"/consultations/{summary.pk}/summary/")).content.decode()
    assert "Crynodeb adborth: Llyfrgell Northbrook" in html
    assert "Themâu" in html and "Awgrym peiriant" in html and "Cyfranogiad" in html
    assert "Sylwadau fesul ward" in html and "Pwy gymerodd ran" in html
    assert "Atebodd 7 o bobl." in html and "Dadansoddi atebion yr arolwg yn ôl" in html
    assert "<svg" in html and "Siart bar (sylwadau)" in html
    assert_welsh(main(html), allow=OTHERS_LABELS)


def test_a_survey_breakdown_by_age_is_in_welsh(client, summary, councillor):
    sign_in(client, councillor)
    html = client.get(cy(f"/consultations/{summary.pk}/summary/?by=age_band")).content.decode()
    assert "Atebion fesul oed" in html and "Heb ei rannu" in html
    assert_welsh(main(html), allow=OTHERS_LABELS)


def test_the_english_summary_is_unchanged_after_a_welsh_view(client, summary, councillor):
    """The survey section is cached per language as well as per results version."""
    sign_in(client, councillor)
    client.get(cy(f"/consultations/{summary.pk}/summary/"))
    html = client.get(f"/consultations/{summary.pk}/summary/").content.decode()
    assert "7 people answered." in html and "Atebodd" not in html and "Break survey answers down by" in html


def test_the_theme_page_is_in_welsh_for_the_officer_who_edits_it(client, summary, officer):
    theme = Theme.objects.filter(consultation=summary).first()
    sign_in(client, officer)
    html = client.get(cy(f"/consultations/{summary.pk}/summary/themes/{theme.pk}/")).content.decode()
    assert "Gwirio a golygu'r thema hon" in html.replace(
        "&#x27;", "'"
    ) and "Cymeradwyo'r thema hon" in html.replace("&#x27;", "'")
    assert "Enw&#x27;r thema" in html or "Enw'r thema" in html
    assert_welsh(main(html), allow=OTHERS_LABELS)


def test_the_printable_report_is_in_welsh(client, summary, councillor):
    sign_in(client, councillor)
    html = client.get(cy(f"/consultations/{summary.pk}/summary/report/")).content.decode()
    assert "Adroddiad adborth: Llyfrgell Northbrook" in html and "Adroddiad wedi'i gynhyrchu" in html.replace(
        "&#x27;", "'"
    )
    assert "lawrlwytho&#x27;r PDF" in html or "lawrlwytho'r PDF" in html
    assert_welsh(main(html), allow=OTHERS_LABELS)


def _pdf_text(data: bytes) -> bytes:
    """The PDF's streams inflated (fonts' ToUnicode maps and page text are in them)."""
    found = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            found.append(match.group(1))
    return b"\n".join(found)


def test_the_welsh_pdf_embeds_a_unicode_font_that_maps_w_and_y_circumflex(client, summary, councillor):
    sign_in(client, councillor)
    response = client.get(cy(f"/consultations/{summary.pk}/summary/report.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert b"DejaVu" in text  # not the Latin-1 core font, which has no ŵ or ŷ
    assert b"/Lang (cy)" in text
    # "Themâu", "Grŵp", "Wedi'u gorgynrychioli": the font's ToUnicode map holds â (00E2) and ŵ (0175).
    assert b"00E2" in text.upper() and b"0175" in text.upper()


def test_the_pdf_font_ships_with_civic_so_welsh_never_falls_back_to_latin_1():
    writer = _Writer()
    assert writer.unicode and writer.text("Grŵp a thŷ") == "Grŵp a thŷ"


def test_the_summaries_list_is_in_welsh(client, summary, councillor):
    sign_in(client, councillor)
    html = client.get(cy("/consultations/summaries/")).content.decode()
    with translation.override("cy"):
        assert "Crynodebau adborth" in html
    assert_welsh(main(html), allow=OTHERS_LABELS)
