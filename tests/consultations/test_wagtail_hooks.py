"""The admin dashboard's consultations panel: the user's organisation only, bounded queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Comment
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import CommentFactory, make_consultation
from tests.support.auth import sign_in


def _panel(html):
    start = html.index('id="civic-consultations')
    return html[start : html.index("</section>", start)] if "</section>" in html[start:] else html[start:]


def _waiting(html):
    match = re.search(r'data-moderation-waiting="(\d+)" data-moderation-overdue="(\d+)"', html)
    assert match, "the dashboard shows the moderation counts"
    return int(match.group(1)), int(match.group(2))


def _queue(consultation, *, waiting, overdue):
    late = timezone.now() - timedelta(hours=48)
    for n in range(waiting):
        CommentFactory(
            consultation=consultation,
            status=Comment.Status.PENDING,
            needs_review=True,
            queued_at=late if n < overdue else timezone.now(),
        )


@pytest.fixture
def two_councils(index):
    a, b = OrganisationFactory(name="Council A"), OrganisationFactory(name="Council B")
    a_open = make_consultation(index, "open", lead_organisation=a, title="A open consultation")
    make_consultation(index, "closed", lead_organisation=a, title="A closed consultation")
    b_open = make_consultation(index, "open", lead_organisation=b, title="B open consultation")
    _queue(a_open, waiting=3, overdue=1)
    _queue(b_open, waiting=5, overdue=4)
    return a, b


def test_officer_sees_only_their_organisations_consultations_and_queue(client, two_councils):
    a, _b = two_councils
    officer = UserFactory(roles=["Officers"], organisation=a)
    sign_in(client, officer)
    html = client.get("/admin/").content.decode()
    panel = _panel(html)
    assert "A open consultation" in panel
    assert "A closed consultation" not in panel
    assert "B open consultation" not in html
    assert _waiting(panel) == (3, 1)
    assert "1 past the 24-hour target" in panel


def test_partner_organisation_counts_the_consultations_it_co_owns(client, index):
    lead, partner = OrganisationFactory(), OrganisationFactory()
    shared = make_consultation(index, "open", lead_organisation=lead, title="Shared consultation")
    shared.partner_organisations.add(partner)
    shared.save_revision().publish()
    _queue(shared, waiting=2, overdue=0)
    moderator = UserFactory(roles=["Moderators"], organisation=partner)
    sign_in(client, moderator)
    panel = _panel(client.get("/admin/").content.decode())
    assert "Shared consultation" in panel
    assert _waiting(panel) == (2, 0)
    assert "none past the 24-hour target" in panel


def test_administrator_sees_every_organisation(client, two_councils):
    admin = UserFactory(is_superuser=True, is_staff=True)
    sign_in(client, admin)
    panel = _panel(client.get("/admin/").content.decode())
    assert "A open consultation" in panel and "B open consultation" in panel
    assert _waiting(panel) == (8, 5)


def test_staff_without_a_second_factor_see_no_dashboard(client, two_councils):
    a, _b = two_councils
    officer = UserFactory(roles=["Officers"], organisation=a)
    sign_in(client, officer, second_factor=False)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_residents_never_reach_the_dashboard_panel(client, two_councils, resident):
    sign_in(client, resident)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "civic-consultations" not in response.content.decode()


def test_dashboard_queries_do_not_grow_with_consultations(client, index, django_assert_max_num_queries):
    org = OrganisationFactory()
    officer = UserFactory(roles=["Officers"], organisation=org)
    sign_in(client, officer)
    make_consultation(index, "open", lead_organisation=org)
    client.get("/admin/")  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(60) as few:
        client.get("/admin/")
    for _ in range(12):
        consultation = make_consultation(index, "open", lead_organisation=org)
        _queue(consultation, waiting=2, overdue=1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/admin/").content.decode()
    assert "Showing the 10 closing soonest." in html
    assert _waiting(_panel(html)) == (24, 12)
