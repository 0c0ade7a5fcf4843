from io import StringIO

from django.core.management import call_command

from civic.models import Area, Organisation, User
from consultations.models import Comment, ConsultationPage, ProposalPage, Vote


def test_seed_demo_loads_once_and_prints_accounts(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    counts = (
        ConsultationPage.objects.count(),
        ProposalPage.objects.count(),
        Comment.objects.count(),
        Vote.objects.count(),
        User.objects.count(),
    )
    assert counts[0] >= 3 and counts[1] >= 10 and counts[2] >= 200 and counts[3] >= 200
    assert counts[4] >= 56
    assert Organisation.objects.count() >= 4 and Area.objects.filter(kind="ward").count() >= 4
    states = {page.state for page in ConsultationPage.objects.all()}
    assert states == {"open", "closed", "upcoming"}
    assert ConsultationPage.objects.filter(results_published=True).exists()
    assert "officer@northbrook.example" in out.getvalue()
    assert "civic-demo-2026" in out.getvalue()

    again = StringIO()
    call_command("seed_demo", stdout=again)
    assert "already loaded" in again.getvalue()
    assert counts == (
        ConsultationPage.objects.count(),
        ProposalPage.objects.count(),
        Comment.objects.count(),
        Vote.objects.count(),
        User.objects.count(),
    )
