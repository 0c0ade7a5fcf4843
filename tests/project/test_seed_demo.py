import html as html_module
import re
from io import StringIO

from django.core.management import call_command

from civic.models import Area, InformationPage, Organisation, User
from consultations.models import Comment, ConsultationPage, ProposalPage, Vote


def test_seed_demo_loads_once_and_prints_accounts(client, db):
    """One seeding for every check of the demo's content (seeding takes seconds)."""
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert re.search(r"\[ +[\d.]+ s\] Library opening hours: 3 proposals, \d+ comments", out.getvalue())
    check_comments_sit_on_the_proposal_they_were_written_for_and_votes_follow_them()
    check_results_state_the_figures_the_platform_shows(client)
    check_themes_have_labels_people_can_read()
    check_proposals_have_paragraphs_and_some_comments_answer_one()
    check_one_consultation_and_the_home_page_are_bilingual(client)
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


def check_one_consultation_and_the_home_page_are_bilingual(client):
    """The hospital consultation and all its proposals are in Welsh too, sharing their participation;
    the other consultations are English only (shown under /cy/ with a note)."""
    from wagtail.models import Locale

    cy = Locale.objects.get(language_code="cy")
    english = ConsultationPage.objects.get(slug="leaving-hospital", locale=Locale.get_default())
    welsh = english.get_translation(cy)
    proposals = ProposalPage.objects.child_of(english)
    assert proposals.count() == 5
    for proposal in proposals:
        translation = proposal.get_translation(cy).specific
        assert translation.live and translation.title != proposal.title
        assert [b.id for b in translation.proposed_change] == [b.id for b in proposal.proposed_change]
    home = client.get("/cy/")
    assert home.status_code == 200 and "Dweud eich dweud" in home.content.decode()
    html = client.get(welsh.url).content.decode()
    assert "Gadael yr ysbyty" in html and "Un tîm rhyddhau ar gyfer yr ysbyty a’r cyngor" in html
    total = english.comments.visible().on_consultation_itself().count()
    assert total and f"{total} " in html
    other = client.get("/cy/consultations/town-centre-plan/")  # English only: shown with a note
    assert other.status_code == 200
    assert "Nid yw'r dudalen hon ar gael yn Gymraeg eto" in html_module.unescape(other.content.decode())


def check_proposals_have_paragraphs_and_some_comments_answer_one():
    """Every demo proposal is several paragraphs; comments about one quote it as it reads."""
    texts = {}
    for proposal in ProposalPage.objects.all():
        found = proposal.paragraphs()
        assert len(found) >= 2, proposal.title
        texts.update({(proposal.pk, p.id): p.text for p in found})
    on_paragraphs = Comment.objects.exclude(paragraph="")
    assert on_paragraphs.count() >= 30
    for proposal_id, paragraph_id, text in on_paragraphs.values_list(
        "proposal_id", "paragraph", "paragraph_text"
    ):
        assert texts[(proposal_id, paragraph_id)] == text


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


def check_comments_sit_on_the_proposal_they_were_written_for_and_votes_follow_them():
    from consultations import moderation_demo
    from project.demo import comments

    written = {}
    for slug, subjects in comments.by_consultation().items():
        for key, say, parent in comments.walk(subjects):
            written[say.text] = (slug, key, say, parent)
    rows = Comment.objects.select_related("consultation", "proposal", "parent")
    assert rows.count() == len(written) + 2  # and the pinned response and the phone response
    for comment in rows:
        if comment.body in (moderation_demo.PINNED_RESPONSE, moderation_demo.PHONE_RESPONSE):
            continue
        slug, key, say, parent = written[comment.body]
        assert comment.consultation.slug == slug
        assert (comment.proposal.title if comment.proposal else None) == key
        assert comment.stance == say.stance and comment.is_official == say.official
        assert (comment.parent.body if comment.parent else None) == (parent.text if parent else None)
        assert (comment.status == "pending") == (say.moderation == "waiting")
        if comment.parent:
            assert comment.parent.created_at <= comment.created_at
            assert comment.author_id != comment.parent.author_id
    votes = {(v.proposal_id, v.user_id): v.choice for v in Vote.objects.all()}
    for comment in rows.filter(proposal__isnull=False, stance__in=["support", "oppose"], is_official=False):
        if comment.author_id:
            assert votes[(comment.proposal_id, comment.author_id)] == comment.stance, comment.body


def check_results_state_the_figures_the_platform_shows(client):
    from django.utils.html import escape

    from consultations.summaries.figures import build_summary
    from consultations.summaries.models import FeedbackResponse

    closed = ConsultationPage.objects.get(slug="library-opening-hours")
    totals = build_summary(closed, include_representation=False)["totals"]
    proposals = list(ProposalPage.objects.child_of(closed).order_by("path"))
    voters = Vote.objects.filter(proposal__in=proposals).values("user_id").distinct().count()
    assert f"{totals['people']} people left {totals['comments']} comments" in closed.results
    assert f"{voters} people voted on the {len(proposals)} proposals" in closed.results
    summary = client.get(f"/consultations/{closed.pk}/summary/").content.decode()
    assert re.search(rf"People who commented</dt>\s*<dd[^>]*>{totals['people']}<", summary)
    for proposal in proposals:
        support = proposal.votes.filter(choice="support").count()
        assert f"{support} of the {proposal.votes.count()} people who voted" in closed.results
    page = client.get(closed.get_url()).content.decode()
    responses = FeedbackResponse.objects.filter(consultation=closed)
    assert responses.count() == 4
    for response in responses:  # "you said, we did" and the results make the same promises
        assert escape(response.we_did) in closed.results
        assert escape(response.we_did) in page
    assert responses.filter(theme__isnull=False).count() == 1
    assert "1,240" not in page


def check_themes_have_labels_people_can_read():
    from consultations.summaries.models import Theme, ThemeRun

    for consultation in ConsultationPage.objects.filter(comments__isnull=False).distinct():
        run = ThemeRun.objects.get(consultation=consultation)
        assert run.status == "ready"
        themes = list(
            Theme.objects.filter(consultation=consultation, is_other=False).prefetch_related(
                "memberships__comment"
            )
        )
        assert len(themes) >= 4, consultation.slug
        labels = [theme.label for theme in themes]
        assert len(set(labels)) == len(labels)
        for theme in themes:
            assert re.fullmatch(r"[A-Z][\w'’-]*( [\w'’-]+){0,4}", theme.label), theme.label
            bodies = [m.comment.body.lower() for m in theme.memberships.all()]
            assert sum(theme.label.lower() in body for body in bodies) >= 2, theme.label
        # Almost every comment falls into a theme about something.
        other = Theme.objects.get(consultation=consultation, is_other=True)
        assert other.memberships.count() <= 2


WELSH_INFORMATION = [
    ("/cy/privacy/", "Hysbysiad preifatrwydd", "/privacy/", "Privacy notice"),
    ("/cy/accessibility/", "Datganiad hygyrchedd", "/accessibility/", "Accessibility statement"),
    ("/cy/cookies/", "Cwcis", "/cookies/", "Cookies"),
    ("/cy/house-rules/", "Rheolau’r wefan", "/house-rules/", "House rules"),
    ("/cy/contact/", "Cysylltu â ni", "/contact/", "Contact"),
]


def test_demo_information_pages_are_translated_into_welsh_and_the_footer_follows_the_language(client, home):
    from wagtail.models import Locale

    from project.demo import welsh as welsh_demo
    from tests.welsh import english_words

    load_information_pages()
    cy = Locale.objects.get(language_code="cy")
    welsh_demo._translate(home, cy, **welsh_demo.HOME)
    welsh_demo.load_information(StringIO(), home, cy)
    welsh_demo.load_information(StringIO(), home, cy)  # idempotent: a page already translated is kept
    assert InformationPage.objects.count() == 10
    for welsh_path, welsh_title, english_path, english_title in WELSH_INFORMATION:
        welsh = client.get(welsh_path).content.decode()
        assert '<html lang="cy"' in welsh and f"<h1>{welsh_title}</h1>" in welsh, welsh_path
        for path, title in WELSH_INFORMATION_LINKS:
            assert welsh.count(f'<a href="{path}">{title}</a>') == 1, (welsh_path, title)  # the footer's
        assert english_title not in welsh
        assert not english_words(welsh, allow={"print"}), welsh_path  # "print bras" is Welsh
        english = client.get(english_path).content.decode()
        assert f"<h1>{english_title}</h1>" in english and welsh_title not in english
        assert english.count(f'<a href="{english_path}">{english_title}</a>') == 1


WELSH_INFORMATION_LINKS = [(path, title) for path, title, _, _ in WELSH_INFORMATION]


def test_demo_cookies_page_names_every_cookie_civic_sets_in_both_languages(client, home, settings):
    """The cookies page is a statement of fact: the language switcher's cookie is one Civic sets."""
    from django.contrib.messages.storage.cookie import CookieStorage
    from wagtail.models import Locale

    from project.demo import welsh as welsh_demo

    load_information_pages()
    cy = Locale.objects.get(language_code="cy")
    welsh_demo._translate(home, cy, **welsh_demo.HOME)
    welsh_demo.load_information(StringIO(), home, cy)
    names = [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name]
    names.append(settings.LANGUAGE_COOKIE_NAME)
    for path in ("/cookies/", "/cy/cookies/"):
        html = client.get(path).content.decode()
        for name in names:
            assert f"<strong>{name}</strong>" in html, (path, name)
        assert "do not set a language cookie" not in html and "gosod cwci iaith" not in html
    chosen = client.get("/language/cy/?next=/cookies/")
    assert settings.LANGUAGE_COOKIE_NAME in chosen.cookies  # the cookie the page names is the one set
