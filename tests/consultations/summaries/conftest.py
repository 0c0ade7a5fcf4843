import pytest
from django.utils import timezone

from civic.models import Area, ParticipantProfile
from consultations.models import Comment
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, make_consultation

TOPICS = {
    "parking": [
        "There is never enough parking near the shops and the car park is full by nine",
        "Parking permits cost too much and the car park spaces are too narrow",
        "Please add more parking spaces for blue badge holders near the car park",
        "The car park should be free on Sundays so people can park near the shops",
        "Parking on the pavement blocks wheelchairs; enforce the parking rules",
        "Short stay parking would help the shops; the car park is always full",
    ],
    "buses": [
        "The bus to the hospital only runs every hour and the bus stop has no shelter",
        "Bus fares went up again; a cheaper bus ticket for carers would help",
        "Please keep the evening bus route, the last bus leaves too early",
        "The bus timetable at the stop is never right and buses come late",
        "A direct bus route from the estate to the hospital would save two changes",
        "Bus drivers are kind but the bus is always late in the morning",
    ],
    "library": [
        "The library should open on Saturday afternoons for children and families",
        "Library opening hours are too short for people who work; open the library later",
        "Keep the mobile library, it is the only library my mother can reach",
        "The library computers are old; the library needs faster computers",
        "More library books in Polish and Urdu please, and longer library hours",
        "The library is a warm space in winter; please do not cut library hours",
    ],
}
STANCES = ["support", "oppose", "neutral", "question"]
CHANNELS = ["online", "online", "paper", "phone", "event"]


@pytest.fixture
def wards(db):
    return [
        Area.objects.create(name="Abbey", slug="abbey", kind="ward"),
        Area.objects.create(name="Brookside", slug="brookside", kind="ward"),
    ]


@pytest.fixture
def corpus(consultation, proposal, wards):
    """18 published comments on three subjects from 12 residents (8 in Abbey who shared it)."""
    authors = [UserFactory(roles=["Residents"]) for _ in range(12)]
    for i, author in enumerate(authors):
        if i < 8:
            ParticipantProfile.objects.create(
                user=author,
                consented_at=timezone.now(),
                ward=wards[0],
                age_band="25-34" if i < 6 else "75-plus",
                ethnicity="white" if i < 7 else "asian",
                disability="not-disabled",
            )
    made = []
    n = 0
    for subject, texts in TOPICS.items():
        for text in texts:
            made.append(
                CommentFactory(
                    consultation=consultation,
                    proposal=proposal if subject == "buses" else None,
                    author=authors[n % len(authors)],
                    body=text,
                    stance=STANCES[n % 4],
                    channel=CHANNELS[n % 5],
                )
            )
            n += 1
    CommentFactory(consultation=consultation, author=authors[0], body="Hidden rude words", status="hidden")
    return made


@pytest.fixture
def councillor(db):
    return UserFactory(roles=["Councillors"], display_name="Cllr Test")


@pytest.fixture
def closed_consultation(index, organisation):
    return make_consultation(index, "closed", lead_organisation=organisation)


@pytest.fixture
def summary_url():
    def build(consultation, suffix=""):
        return f"/consultations/{consultation.pk}/summary/{suffix}"

    return build


def published_count(consultation):
    return Comment.objects.visible().filter(consultation=consultation).count()
