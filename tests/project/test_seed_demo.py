from io import StringIO

from django.core.management import call_command

from civic.models import Area, InformationPage, Organisation, User
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


def load_information_pages():
    from project.management.commands.seed_demo import Command

    Command(stdout=StringIO()).load_information_pages()


def test_demo_information_pages_render_at_their_addresses(client, home):
    load_information_pages()
    load_information_pages()  # idempotent: a kind already there is kept
    for path, title in [
        ("/privacy/", "Privacy notice"),
        ("/accessibility/", "Accessibility statement"),
        ("/cookies/", "Cookies"),
        ("/house-rules/", "House rules"),
        ("/contact/", "Contact"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f"<h1>{title}</h1>" in html
        assert html.count(f'<a href="{path}">{title}</a>') == 1  # in the footer, once
    assert InformationPage.objects.count() == 5


def test_demo_accessibility_statement_follows_the_gov_uk_model(client, home):
    load_information_pages()
    html = client.get("/accessibility/").content.decode()
    for heading in [
        "How accessible this website is",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ]:
        assert f"<h2>{heading}</h2>" in html


def test_demo_cookies_page_names_the_cookies_civic_sets(client, home, settings):
    settings.SESSION_COOKIE_NAME = "civic_session"
    load_information_pages()
    html = client.get("/cookies/").content.decode()
    for name in ["civic_session", settings.CSRF_COOKIE_NAME, "messages"]:
        assert f"<strong>{name}</strong>" in html
