"""Emails people read: the council's name, the person's display name, links at the one configured
site address, and a plain-text and an HTML part."""

import re
from pathlib import Path

from django.core import mail
from django.urls import reverse

from consultations import tasks
from tests.consultations.factories import CommentFactory


def html_of(email) -> str:
    (html, kind), *_ = email.alternatives
    assert kind == "text/html"
    return html


def test_password_reset_greets_by_name_links_to_the_site_address_and_has_both_parts(
    northbrook,
    client,
    resident,
    settings,
):
    settings.WAGTAILADMIN_BASE_URL = "https://haveyoursay.northbrook.example"
    client.post(reverse("account_reset_password"), {"email": resident.email}, HTTP_HOST="127.0.0.1")
    (email,) = mail.outbox
    assert email.subject.startswith("[Northbrook Council] ")
    assert email.body.startswith(f"Hello {resident.public_name},")
    assert "Hello from" not in email.body and "127.0.0.1" not in email.body and "testserver" not in email.body
    link = re.search(r"https://haveyoursay\.northbrook\.example/accounts/password/reset/key/\S+", email.body)
    assert link, email.body
    html = html_of(email)
    assert f'href="{link.group(0)}"' in html and "Northbrook Council" in html
    assert resident.email not in email.body  # greeted by display name, not address


def test_platform_email_has_an_html_part_with_the_text_escaped(northbrook, consultation):
    comment = CommentFactory(consultation=consultation, body="I <b>love</b> the plan")
    tasks.notify_authors_of_decision.call([comment.pk], "approve", "", "")
    (email,) = mail.outbox
    assert email.body.startswith(f"Hello {comment.author.public_name},")
    assert "It is published" in email.body and "Decision:" not in email.body
    html = html_of(email)
    assert "I &lt;b&gt;love&lt;/b&gt; the plan" in html and "<b>love" not in html
    assert '<a href="http://127.0.0.1:8000/consultations/' in html  # BASE_URL, clickable
    assert "#005a30" in html  # the council's colour


def test_no_email_bypasses_the_one_builder():
    """Platform emails go through civic.emails.build (brand, both parts); allauth's through the adapter."""
    root = Path(__file__).resolve().parents[2]
    senders = re.compile(r"\bsend_mail\(|\bEmailMessage\(|\bEmailMultiAlternatives\(|\bsend_mass_mail\(")
    found = [
        str(path.relative_to(root))
        for package in ("civic", "consultations", "mapping", "search", "project")
        for path in (root / package).rglob("*.py")
        if senders.search(path.read_text())
        and path.relative_to(root) not in {Path("civic/emails.py"), Path("civic/accounts.py")}  # the adapter
    ]
    assert found == []
