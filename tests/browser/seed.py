"""Prepare the browser-test server's database: migrate, load the demo, add what journeys need.

Run by conftest.py as `python -m tests.browser.seed` with project.settings.browser; prints one line of
JSON (ids and paths) that the tests read.
"""

import json
import os
import sys
from datetime import timedelta


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.browser")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from django.utils import timezone
    from wagtail.models import Locale

    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationIndexPage, ConsultationPage, ProposalPage

    # The default language's pages: the demo may have Welsh translations of some (same slugs).
    default = Locale.get_default()
    index = ConsultationIndexPage.objects.get(locale=default)
    council = Organisation.objects.get(slug="northbrook-council")
    now = timezone.now()
    draft = ConsultationPage(
        title="Street lighting after midnight",
        slug="street-lighting",
        summary="Should street lights in residential roads dim after midnight to save energy?",
        opens_at=now + timedelta(days=3),
        closes_at=now + timedelta(days=60),
        lead_organisation=council,
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision()

    open_consultation = ConsultationPage.objects.get(locale=default, slug="leaving-hospital")
    proposal = ProposalPage.objects.child_of(open_consultation).live().order_by("path").first()
    premoderated = ConsultationPage.objects.get(locale=default, slug="town-centre-plan")
    pending = Comment.objects.create(
        consultation=premoderated,
        author=User.objects.get(email="resident@northbrook.example"),
        body="Please keep the market square free of parked cars on Saturdays.",
        stance="support",
        status=Comment.Status.PENDING,
    )
    closed = ConsultationPage.objects.get(locale=default, slug="library-opening-hours")
    from consultations.models import ConversationPage

    conversation = ConversationPage.objects.get(locale=default, slug="town-centre-conversation")
    data = {
        "conversation_id": conversation.pk,
        "conversation_url": conversation.get_url(),
        "closed_consultation_id": closed.pk,
        "closed_consultation_url": closed.get_url(),
        "index_url": index.get_url(),
        "consultation_id": open_consultation.pk,
        "consultation_url": open_consultation.get_url(),
        "proposal_id": proposal.pk,
        "proposal_url": proposal.get_url(),
        "draft_id": draft.pk,
        "draft_url": f"/consultations/{draft.slug}/",
        "pending_comment_id": pending.pk,
        "pending_comment_body": pending.body,
        "premoderated_url": premoderated.get_url(),
    }
    data.update(seed_welsh(index, council, now))
    welsh_locale = Locale.objects.filter(language_code="cy").first()
    translated = proposal.get_translation_or_none(welsh_locale) if welsh_locale else None
    if translated is not None and translated.live:  # the demo's Welsh translation (helper wagtail)
        data["translated_proposal_url"] = (
            "/cy" + translated.get_url()
            if not translated.get_url().startswith("/cy/")
            else translated.get_url()
        )
    from tests.browser.seed_surveys import seed_surveys

    data.update(seed_surveys(open_consultation))
    sys.stdout.write(json.dumps(data) + "\n")


def seed_welsh(index, council, now) -> dict:
    """A consultation and proposal written in Welsh, for journeys run at /cy/ addresses: the Welsh-page
    scanner then finds only interface text, never the demo's English content."""
    from wagtail.rich_text import RichText

    from consultations.models import ConsultationPage, ProposalPage

    page = ConsultationPage(
        title="Llyfrgell Northbrook",
        slug="llyfrgell-northbrook",
        summary="Oriau newydd i'r llyfrgell.",
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=30),
        lead_organisation=council,
        live=True,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    proposal = ProposalPage(
        title="Oriau hwyrach",
        slug="oriau-hwyrach",
        problem="<p>Mae'r llyfrgell yn cau yn gynnar.</p>",
        proposed_change=[("paragraph", RichText("<p>Agor tan wyth bob nos.</p>"))],
        location_name="Stryd Fawr",
    )
    page.add_child(instance=proposal)
    proposal.save_revision().publish()
    from civic.models import HomePage, InformationPage

    # English content the demo shows on every page (home title in the header, information pages in the
    # footer) until an officer translates it: journeys take it out of the text before scanning.
    content = [*HomePage.objects.values_list("title", flat=True), index.title]
    content += InformationPage.objects.live().values_list("title", flat=True)
    return {
        "english_content_titles": sorted(set(content), key=len, reverse=True),
        "welsh_consultation_id": page.pk,
        "welsh_consultation_url": "/cy" + page.get_url(),
        "welsh_proposal_url": "/cy" + proposal.get_url(),
    }


if __name__ == "__main__":
    main()
