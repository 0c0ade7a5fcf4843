"""Organisations are walls inside the Wagtail admin: pages, choosers, search, the pages API, history."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from consultations.models import ConsultationPage, ProposalPage
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.support.auth import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(organisation):
    return organisation


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Northbrook Police", slug="northbrook-police")


@pytest.fixture
def ours(index, council):
    """A published council consultation with a draft proposal."""
    page = make_consultation(index, "open", lead_organisation=council, title="Council bins plan")
    make_proposal(page, title="Council bin proposal")
    return page


@pytest.fixture
def theirs(index, police):
    """A police consultation still in draft, with a draft proposal: its titles are secret."""
    page = make_consultation(
        index, "upcoming", live=False, lead_organisation=police, title="Secret raid plan"
    )
    make_proposal(page, title="Secret raid proposal", live=False)
    return page


@pytest.fixture
def council_officer(council):
    return UserFactory(roles=["Officers"], organisation=council)


@pytest.fixture
def council_moderator(council):
    return UserFactory(roles=["Moderators"], organisation=council)


@pytest.fixture
def admin_user(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def officer_client(client, council_officer):
    return sign_in(client, council_officer)


def _consultation_form(page, **overrides):
    """The fields of the consultation edit form as a browser would post them."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body-count": "0",
        "opens_at": page.opens_at.strftime("%Y-%m-%d %H:%M"),
        "closes_at": page.closes_at.strftime("%Y-%m-%d %H:%M"),
        "lead_organisation": str(page.lead_organisation_id),
        "moderation_policy": page.moderation_policy,
        "flag_threshold": str(page.flag_threshold),
        "how_to_take_part": rich_text(""),
        "results": rich_text(""),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def _new_consultation_form(lead, **overrides):
    now = timezone.now()
    page = ConsultationPage(
        title="A new consultation",
        slug="a-new-consultation",
        summary="About the parks.",
        opens_at=now + timedelta(days=1),
        closes_at=now + timedelta(days=30),
        lead_organisation=lead,
    )
    return _consultation_form(page, **overrides)


# Creating and publishing consultations: the lead must be the officer's own organisation.


def test_officer_creates_and_publishes_a_consultation_led_by_their_organisation(
    officer_client, index, council
):
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, _new_consultation_form(council, **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = ConsultationPage.objects.get(slug="a-new-consultation")
    assert page.live and page.lead_organisation == council


def test_officer_cannot_create_a_consultation_claiming_another_organisation_as_lead(
    officer_client, index, police
):
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    for action in ({}, {"action-publish": "1"}):
        response = officer_client.post(url, _new_consultation_form(police, **action))
        assert response.status_code == 200  # the form again, with the error
        assert not ConsultationPage.objects.filter(slug="a-new-consultation").exists()


def test_officer_cannot_hand_their_consultation_to_another_organisation(officer_client, ours, police):
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    response = officer_client.post(
        url, _consultation_form(ours, lead_organisation=str(police.pk), **{"action-publish": "1"})
    )
    assert response.status_code == 200
    ours.refresh_from_db()
    assert ours.lead_organisation_id != police.pk
    assert (
        not ours.get_latest_revision()
        or ours.get_latest_revision().as_object().lead_organisation_id != police.pk
    )


def test_officer_may_add_any_organisation_as_partner_on_their_own_consultation(officer_client, ours, police):
    url = reverse("wagtailadmin_pages:edit", args=[ours.pk])
    data = _consultation_form(ours, partner_organisations=[str(police.pk)], **{"action-publish": "1"})
    assert officer_client.post(url, data).status_code == 302
    ours.refresh_from_db()
    assert police.pk in ours.organisation_ids()


def test_partner_officer_edits_content_but_cannot_change_who_owns_it(client, index, council, police, partner):
    page = make_consultation(index, "open", lead_organisation=police, title="Police and council plan")
    page.partner_organisations.add(council)
    page.save_revision().publish()
    sign_in(client, UserFactory(roles=["Officers"], organisation=council))
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = _consultation_form(
        page,
        title="Police and council plan, revised",
        partner_organisations=[str(council.pk), str(partner.pk)],
    )
    data["action-publish"] = "1"
    assert client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Police and council plan, revised"
    assert page.organisation_ids() == {police.pk, council.pk}


def test_publishing_a_revision_that_names_another_lead_is_refused(council_officer, ours, police):
    """The server-side check: whatever produced the revision, publishing it may not change sides."""
    from wagtail.actions.publish_page_revision import PublishPagePermissionError

    council_officer._civic_second_factor = True
    ours.lead_organisation = police
    revision = ours.save_revision()
    with pytest.raises(PublishPagePermissionError):
        revision.publish(user=council_officer)
    assert ConsultationPage.objects.get(pk=ours.pk).lead_organisation_id != police.pk


# Other organisations' pages, and shared pages, are out of reach.


@pytest.mark.parametrize(
    "view", ["edit", "delete", "unpublish", "move", "history", "revisions_index", "lock"]
)
def test_officer_is_refused_every_action_on_another_organisations_page(officer_client, theirs, view, ours):
    page = theirs
    if view == "unpublish":
        page.save_revision().publish()
    method = officer_client.post if view == "lock" else officer_client.get
    response = method(reverse(f"wagtailadmin_pages:{view}", args=[page.pk]))
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"] != reverse(f"wagtailadmin_pages:{view}", args=[page.pk])
    page.refresh_from_db()
    assert page.locked is False


def test_officer_cannot_add_a_proposal_under_another_organisations_consultation(officer_client, theirs, ours):
    url = reverse("wagtailadmin_pages:add", args=["consultations", "proposalpage", theirs.pk])
    assert officer_client.get(url).status_code in (302, 403)
    allowed = reverse("wagtailadmin_pages:add", args=["consultations", "proposalpage", ours.pk])
    assert officer_client.get(allowed).status_code == 200


def test_officer_edits_their_own_consultation_and_proposals(officer_client, ours):
    assert officer_client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).status_code == 200
    proposal = ProposalPage.objects.child_of(ours).get()
    assert officer_client.get(reverse("wagtailadmin_pages:edit", args=[proposal.pk])).status_code == 200
    assert officer_client.get(reverse("wagtailadmin_pages:history", args=[ours.pk])).status_code == 200


@pytest.mark.parametrize("role", ["Officers", "Moderators"])
@pytest.mark.parametrize("view", ["edit", "delete", "unpublish", "move"])
def test_officers_and_moderators_cannot_touch_the_home_page_or_the_index(
    client, home, index, council, role, view
):
    sign_in(client, UserFactory(roles=[role], organisation=council))
    for page in (home, index):
        page.save_revision().publish()
        response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[page.pk]))
        assert response.status_code in (302, 403), (page, view)
    data = {"title": "Hacked", "slug": "home", "intro": rich_text("<p>x</p>"), "action-publish": "1"}
    client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    home.refresh_from_db()
    assert home.title != "Hacked"
    assert not home.permissions_for_user(UserFactory(roles=[role], organisation=council)).can_publish()


def test_administrator_edits_and_publishes_the_home_page(client, home, admin_user):
    sign_in(client, admin_user)
    data = {
        "title": "Have your say today",
        "slug": "home",
        "intro": rich_text("<p>Hello</p>"),
        "action-publish": "1",
    }
    assert client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data).status_code == 302
    home.refresh_from_db()
    assert home.title == "Have your say today"


def test_moderator_works_on_their_organisations_pages_only(client, council_moderator, ours, theirs):
    sign_in(client, council_moderator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[ours.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])).status_code in (302, 403)


# Listings that show titles: explorer, admin search, choosers, pages API, history, reports.

SECRETS = ("Secret raid plan", "Secret raid proposal")


def _assert_hidden(html):
    for secret in SECRETS:
        assert secret not in html


def test_explorer_and_admin_search_hide_other_organisations_pages(officer_client, index, ours, theirs):
    html = officer_client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert "Council bins plan" in html
    _assert_hidden(html)
    for query in ("Secret", "raid", "plan"):
        html = officer_client.get(reverse("wagtailadmin_pages:search"), {"q": query}).content.decode()
        _assert_hidden(html)
    html = officer_client.get(reverse("wagtailadmin_pages:search"), {"q": "Council"}).content.decode()
    assert "Council bins plan" in html


def test_admin_pages_api_hides_other_organisations_pages(officer_client, index, ours, theirs):
    for params in (
        {},
        {"child_of": index.pk, "for_explorer": 1},
        {"search": "Secret"},
        {"descendant_of": index.pk},
    ):
        response = officer_client.get("/admin/api/main/pages/", params)
        assert response.status_code in (200, 400)
        _assert_hidden(response.content.decode())
    assert officer_client.get(f"/admin/api/main/pages/{theirs.pk}/").status_code == 404
    listed = json.loads(officer_client.get("/admin/api/main/pages/", {"child_of": index.pk}).content)
    assert [item["id"] for item in listed["items"]] == [ours.pk]


def test_page_chooser_shows_public_pages_and_own_drafts_only(officer_client, index, ours, theirs):
    own_draft = make_consultation(
        index, "upcoming", live=False, lead_organisation=ours.lead_organisation, title="Own draft plan"
    )
    for url, params in (
        (reverse("wagtailadmin_choose_page_child", args=[index.pk]), {}),
        (reverse("wagtailadmin_choose_page_child", args=[theirs.pk]), {}),
        (reverse("wagtailadmin_choose_page_search"), {"q": "Secret"}),
        (reverse("wagtailadmin_choose_page_search"), {"q": "plan"}),
    ):
        response = officer_client.get(url, params)
        assert response.status_code in (200, 404)
        _assert_hidden(response.content.decode())
    html = officer_client.get(reverse("wagtailadmin_choose_page_child", args=[index.pk])).content.decode()
    assert "Council bins plan" in html and own_draft.title in html


def test_history_and_reports_hide_other_organisations_pages(officer_client, admin_user, ours, theirs):
    theirs.save_revision(user=admin_user, log_action=True)
    theirs.save_revision(user=admin_user).publish(user=admin_user)
    theirs.refresh_from_db()
    theirs.unpublish(user=admin_user)
    Page.objects.filter(pk=theirs.pk).update(locked=True, locked_by=admin_user, locked_at=timezone.now())
    Page.objects.filter(pk=ours.pk).update(locked=True, locked_by=admin_user, locked_at=timezone.now())
    ours.save_revision(user=admin_user, log_action=True)
    for name in ("site_history", "locked_pages", "aging_pages", "workflow", "workflow_tasks"):
        response = officer_client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (200, 302, 403), name
        _assert_hidden(response.content.decode())
    assert (
        "Council bins plan"
        in officer_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    )
    assert (
        "Council bins plan"
        in officer_client.get(reverse("wagtailadmin_reports:locked_pages")).content.decode()
    )
    dashboard = officer_client.get(reverse("wagtailadmin_home")).content.decode()
    _assert_hidden(dashboard)


@pytest.mark.parametrize("more", [5, 15])
def test_explorer_query_count_is_bounded(
    officer_client, index, ours, theirs, more, django_assert_max_num_queries
):
    for n in range(more):
        make_consultation(index, "open", lead_organisation=ours.lead_organisation, title=f"More {n}")
    officer_client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    # 43: with page translations on, the explorer also reads the locales and the page translations for
    # the language switcher; the same for 5 or 15.
    with django_assert_max_num_queries(43):
        assert officer_client.get(reverse("wagtailadmin_explore", args=[index.pk])).status_code == 200


def test_workflow_notifications_go_only_to_people_on_the_pages_side(ours, theirs, council_officer, police):
    from consultations.permissions import page_permission_policy

    police_officer = UserFactory(roles=["Officers"], organisation=police)
    for_ours = set(page_permission_policy.users_with_permission_for_instance("publish", ours))
    assert council_officer in for_ours and police_officer not in for_ours
    for_theirs = set(page_permission_policy.users_with_permission_for_instance("publish", theirs))
    assert police_officer in for_theirs and council_officer not in for_theirs


# Participation data in the admin (the Comments screens).


def test_comment_screens_refuse_another_organisations_comments(client, council_moderator, ours, theirs):
    from tests.consultations.factories import CommentFactory

    own = CommentFactory(consultation=ours, body="A council comment")
    other = CommentFactory(consultation=theirs, body="A police comment")
    sign_in(client, council_moderator)
    listing = client.get("/admin/comments/").content.decode()
    assert f"Comment {own.pk} by" in listing and f"Comment {other.pk} by" not in listing
    _assert_hidden(listing)
    for view in ("inspect", "edit", "history", "usage"):
        response = client.get(f"/admin/comments/{view}/{other.pk}/")
        assert response.status_code in (302, 403), view
        assert client.get(f"/admin/comments/{view}/{own.pk}/").status_code == 200, view


def test_comments_leave_the_admin_by_a_decision_never_a_bare_delete(client, council_moderator, ours):
    """Even if an administrator grants the delete permission: removal is the Remove decision."""
    from django.contrib.auth.models import Group, Permission

    from consultations.models import Comment, ModerationDecision
    from tests.consultations.factories import CommentFactory

    Group.objects.get(name="Moderators").permissions.add(
        Permission.objects.get(codename="delete_comment", content_type__app_label="consultations")
    )
    own = CommentFactory(consultation=ours, body="A council comment")
    sign_in(client, council_moderator)
    client.post(f"/admin/comments/delete/{own.pk}/")
    assert Comment.objects.filter(pk=own.pk).exists()
    response = client.post(
        f"/admin/comments/edit/{own.pk}/", {"decision": "remove", "reason": "spam", "note": ""}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == Comment.Status.REMOVED
    assert ModerationDecision.objects.filter(comment=own, decision="remove").exists()


def test_moderators_cannot_review_or_approve_other_organisations_pages_through_a_workflow(
    client, council_moderator, theirs, police
):
    """Group approval tasks know nothing of organisations, so page workflows are switched off."""
    from wagtail.models import Workflow

    police_officer = UserFactory(roles=["Officers"], organisation=police)
    police_officer._civic_second_factor = True
    theirs.save_revision(user=police_officer)
    workflow_state = Workflow.objects.get(name="Moderators approval").start(theirs, police_officer)
    task_state = workflow_state.current_task_state
    sign_in(client, council_moderator)
    _assert_hidden(client.get(reverse("wagtailadmin_home")).content.decode())
    url = reverse("wagtailadmin_pages:workflow_action", args=[theirs.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code < 500
    theirs.refresh_from_db()
    assert not theirs.live
    edit = sign_in(client, police_officer).get(reverse("wagtailadmin_pages:edit", args=[theirs.pk]))
    assert "Submit for moderation" not in edit.content.decode()


def test_page_chooser_shows_another_organisations_live_page_under_its_published_title(
    officer_client, index, police
):
    page = make_consultation(index, "open", lead_organisation=police, title="Police surgery times")
    page.title = "Secret raid plan"
    page.draft_title = "Secret raid plan"
    page.save_revision()
    for url, params in (
        (reverse("wagtailadmin_choose_page_child", args=[index.pk]), {}),
        (reverse("wagtailadmin_choose_page_search"), {"q": "Police"}),
    ):
        html = officer_client.get(url, params).content.decode()
        assert "Police surgery times" in html
        _assert_hidden(html)


def test_every_single_page_screen_refuses_another_organisations_draft(
    officer_client, theirs, ours, admin_user
):
    """Each admin screen about one page: none shows another organisation's draft, none is a 5xx."""
    revision = theirs.save_revision(user=admin_user)
    earlier = theirs.save_revision(user=admin_user)
    screens = [
        ("usage", [theirs.pk]),
        ("preview_on_edit", [theirs.pk]),
        ("view_draft", [theirs.pk]),
        ("add_subpage", [theirs.pk]),
        ("copy", [theirs.pk]),
        ("set_privacy", [theirs.pk]),
        ("revisions_view", [theirs.pk, revision.pk]),
        ("revisions_revert", [theirs.pk, revision.pk]),
        ("revisions_compare", [theirs.pk, earlier.pk, revision.pk]),
        ("history", [theirs.pk]),
        ("workflow_history", [theirs.pk]),
    ]
    for name, args in screens:
        response = officer_client.get(reverse(f"wagtailadmin_pages:{name}", args=args))
        assert response.status_code in (302, 403, 404), name
        _assert_hidden(response.content.decode())
    own = ours.save_revision(user=admin_user)
    assert (
        officer_client.get(reverse("wagtailadmin_pages:revisions_view", args=[ours.pk, own.pk])).status_code
        == 200
    )
