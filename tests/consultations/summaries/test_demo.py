from io import StringIO

from django.core.management import call_command

from civic.models import ParticipantProfile
from consultations.models import ConsultationPage
from consultations.summaries.models import FeedbackResponse, PopulationBaseline, Theme


def test_demo_has_themes_baseline_and_a_published_summary(client, db):
    call_command("seed_demo", stdout=StringIO())
    counts = (Theme.objects.count(), PopulationBaseline.objects.count(), ParticipantProfile.objects.count())
    assert counts[0] >= 3 and counts[1] >= 20 and counts[2] >= 20
    assert FeedbackResponse.objects.count() == 4  # one per outcome of the closed consultation
    published = ConsultationPage.objects.get(slug="library-opening-hours")
    html = client.get(f"/consultations/{published.pk}/summary/").content.decode()
    assert "Who took part" in html and "You said, we did" in html and "data-provenance" in html
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        Theme.objects.count(),
        PopulationBaseline.objects.count(),
        ParticipantProfile.objects.count(),
    )
