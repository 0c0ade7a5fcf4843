"""Search keeps the walls: public search shows public pages only, officer search only the officer's
organisations, removed content is gone at once, and a renamed resident's name follows everywhere."""

import csv
import io

import pytest
from django.db import transaction
from wagtail.models import PageViewRestriction

from civic.signals import display_name_changed
from consultations import moderation
from consultations.models import Comment
from search.engines import iter_hits, run_search
from search.query import SearchRequest, parse_query
from tests.civic.factories import OrganisationFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.support.auth import sign_in

OFFICER_URL = "/search/officer/"


def found(text, **kwargs):
    result, _ = run_search(SearchRequest(query=parse_query(text), **kwargs))
    return {hit.key for hit in result.hits}


def exported(client, text) -> list[list[str]]:
    response = client.get(OFFICER_URL + "export.csv", {"q": text})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))[1:]


# Item 1: public search sees public pages only -----------------------------------------------------


def test_public_search_shows_only_public_pages(client, index, organisation):
    public = make_consultation(index, title="Zephyr park public", lead_organisation=organisation)
    draft = make_consultation(index, title="Zephyr park draft", live=False, lead_organisation=organisation)
    orphan = make_proposal(draft, title="Zephyr park orphan")  # live itself, under a draft
    private = make_consultation(index, title="Zephyr park private", lead_organisation=organisation)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    secret = make_consultation(index, title="Zephyr park secret", lead_organisation=organisation)
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="pw")  # noqa: S106
    under_secret = make_proposal(secret, title="Zephyr park beneath")
    assert orphan.live and under_secret.live
    response = client.get("/search/", {"q": "zephyr"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 result" in html
    assert public.title in html
    for hidden in (draft, orphan, private, secret, under_secret):
        assert hidden.title not in html
    # Signed in as a resident changes nothing: restricted pages stay out of the public search.
    assert "Zephyr park private" not in client.get("/search/", {"q": "private zephyr"}).content.decode()


def test_public_search_pages_keep_the_query_encoded(client, index, organisation):
    for i in range(12):
        make_consultation(index, title=f"Quokka walk {i}", lead_organisation=organisation)
    html = client.get("/search/", {"q": "quokka & walk"}).content.decode()
    assert "?q=quokka+%26+walk&amp;page=2" in html


# Item 1: officer search stays inside the officer's organisations ----------------------------------


@pytest.fixture
def walls(engine, reindex, index, organisation, partner, comment_on, make_user):
    """Comments on a council-led consultation (NHS partner), and on a police-led one."""
    police = OrganisationFactory(name="Northbrook Police", slug="northbrook-police")
    police_consultation = make_consultation(index, lead_organisation=police, title="Police consultation")
    ours = comment_on("Wombat crossing near the school")
    theirs = comment_on("Wombat crossing near the station", consultation=police_consultation)
    reindex()
    return {
        "ours": f"comment:{ours.pk}",
        "theirs": f"comment:{theirs.pk}",
        "police": police,
        "our_consultation": ours.consultation_id,
        "our_title": ours.consultation.title,
    }


def test_officers_search_only_their_organisations(walls, client, make_user, organisation, partner):
    police = walls["police"]
    for org, shown, unseen in (
        (organisation, "near the school", "near the station"),
        (partner, "near the school", "near the station"),  # a partner of the consultation
        (police, "near the station", "near the school"),
    ):
        sign_in(client, make_user(roles=["Officers"], organisation=org))
        html = client.get(OFFICER_URL, {"q": "wombat"}).content.decode()
        assert "1 result" in html
        assert shown in html and unseen not in html
        assert [shown in row[2] for row in exported(client, "wombat")] == [True]
        other = organisation if org == police else police
        html = client.get(OFFICER_URL, {"q": "wombat", "organisation": other.pk}).content.decode()
        assert unseen not in html


def test_moderators_are_walled_and_administrators_see_everything(walls, client, make_user, organisation):
    sign_in(client, make_user(roles=["Moderators"], organisation=organisation))
    assert len(exported(client, "wombat")) == 1
    admin = make_user(is_superuser=True, is_staff=True)
    sign_in(client, admin)
    assert "2 results" in client.get(OFFICER_URL, {"q": "wombat"}).content.decode()
    assert len(exported(client, "wombat")) == 2


def test_staff_without_an_organisation_find_nothing(walls, client, make_user):
    sign_in(client, make_user(roles=["Officers"]))
    response = client.get(OFFICER_URL, {"q": "wombat"})
    assert response.status_code == 200
    assert "near the school" not in response.content.decode()
    assert exported(client, "wombat") == []


def test_the_wall_is_applied_by_every_engine(walls, organisation):
    assert found("wombat") == {walls["ours"], walls["theirs"]}
    assert found("wombat", within_organisations=(organisation.pk,)) == {walls["ours"]}
    assert found("wombat", within_organisations=(walls["police"].pk,)) == {walls["theirs"]}
    assert found("wombat", within_organisations=()) == set()
    request = SearchRequest(query=parse_query("wombat"), within_organisations=(organisation.pk,))
    assert {hit.key for hit in iter_hits(request, 100)} == {walls["ours"]}


# Item 4: removed means gone -----------------------------------------------------------------------


@pytest.mark.parametrize("decision", ["hide", "remove"])
def test_hidden_and_removed_comments_leave_officer_search_and_its_csv(
    engine, reindex, comment_on, moderator, client, decision, django_capture_on_commit_callbacks
):
    kept = comment_on("Axolotl pond is lovely")
    gone = comment_on("Axolotl pond smells, call Mr Smith on 0770")
    reindex()
    sign_in(client, moderator)
    assert "0770" in client.get(OFFICER_URL, {"q": "axolotl"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide(
            moderator=moderator,
            comment_ids=[gone.pk],
            decision=decision,
            reason="personal_data",
            expected_queue=False,
        )
    assert Comment.objects.get(pk=gone.pk).status in (Comment.Status.HIDDEN, Comment.Status.REMOVED)
    html = client.get(OFFICER_URL, {"q": "axolotl"}).content.decode()
    assert "0770" not in html and "lovely" in html
    rows = exported(client, "axolotl")
    assert [row[2] for row in rows] == [kept.body]
    assert found("smells") == set()


def test_a_removal_the_index_has_not_caught_up_with_is_not_shown(
    engine, reindex, comment_on, client, officer
):
    """Indexing runs in the background: until it has, searches check each hit against the database."""
    kept = comment_on("Narwhal mural by the library")
    lagging = comment_on("Narwhal mural, contact me at 12 High Street")
    reindex()
    Comment.objects.filter(pk=lagging.pk).update(status=Comment.Status.REMOVED)  # no reindex yet
    assert found("narwhal") == {f"comment:{kept.pk}"}
    sign_in(client, officer)
    assert "High Street" not in client.get(OFFICER_URL, {"q": "narwhal"}).content.decode()
    assert [row[2] for row in exported(client, "narwhal")] == [kept.body]
    Comment.objects.filter(pk=lagging.pk).update(status=Comment.Status.PUBLISHED)
    assert found("narwhal") == {f"comment:{kept.pk}", f"comment:{lagging.pk}"}  # the check can fail


def test_hidden_and_merged_reports_leave_officer_search(
    engine, organisation, officer, resident, client, django_capture_on_commit_callbacks
):
    from mapping import services as mapping_services
    from tests.civic.factories import make_council
    from tests.mapping.factories import CategoryFactory
    from tests.mapping.test_services import report_kwargs

    make_council()
    category = CategoryFactory(name="Potholes", organisation=organisation)

    def report(title):
        with django_capture_on_commit_callbacks(execute=True):
            return mapping_services.create_report(**report_kwargs(resident, category, title=title))

    original = report("Pangolin lane pothole")
    duplicate = report("Pangolin lane pothole again")
    assert found("pangolin") == {f"issue_report:{original.pk}", f"issue_report:{duplicate.pk}"}
    with django_capture_on_commit_callbacks(execute=True):
        mapping_services.merge_duplicate(officer=officer, report=duplicate, into=original)
    assert found("pangolin") == {f"issue_report:{original.pk}"}
    sign_in(client, officer)
    assert "again" not in "".join(row[1] for row in exported(client, "pangolin"))
    with django_capture_on_commit_callbacks(execute=True):
        mapping_services.set_hidden(officer=officer, report=original, hidden=True)
    assert found("pangolin") == set()
    assert exported(client, "pangolin") == []


# Item 10: a renamed resident's contributions show the new name ------------------------------------


def test_a_renamed_resident_is_shown_by_their_new_name(
    engine, reindex, comment_on, make_user, client, officer, django_capture_on_commit_callbacks
):
    resident = make_user(display_name="Old Name")
    other = make_user(display_name="Someone Else")
    comment_on("Quince trees for the orchard", author=resident)
    comment_on("Quince jam stall", author=other)
    reindex()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        resident.display_name = "Fresh Name"
        resident.save(update_fields=["display_name"])
        transaction.on_commit(
            lambda: display_name_changed.send(sender=type(resident), user_id=resident.pk)
        )  # what the core's update_display_name does after commit
    sign_in(client, officer)
    html = client.get(OFFICER_URL, {"q": "quince"}).content.decode()
    assert "Fresh Name" in html and "Old Name" not in html and "Someone Else" in html
    authors = sorted(row[8] for row in exported(client, "quince"))
    assert authors == ["Fresh Name", "Someone Else"]


def test_the_core_rename_service_reindexes(
    engine, reindex, comment_on, make_user, django_capture_on_commit_callbacks
):
    from civic import services as civic_services

    resident = make_user(display_name="Plain Name")
    comment_on("Medlar hedge", author=resident)
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        civic_services.update_display_name(resident, "Other Name")
    request = SearchRequest(query=parse_query("medlar"))
    assert [hit.author for hit in iter_hits(request, 10)] == ["Other Name"]


def test_a_renamed_organisation_is_shown_on_its_official_responses(
    engine, reindex, comment_on, organisation, django_capture_on_commit_callbacks
):
    comment_on("Damson orchard reply", is_official=True, organisation=organisation, author=None)
    comment_on("Damson orchard question")
    reindex()
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Northbrook Borough Council"
        organisation.save()  # as the admin's Organisations screen does
    request = SearchRequest(query=parse_query("damson"))
    authors = {hit.text: hit.author for hit in iter_hits(request, 10)}
    assert "Northbrook Borough Council" in authors["Damson orchard reply"]
    assert "Northbrook Borough Council" not in authors["Damson orchard question"]


def test_a_renamed_category_is_found_in_its_reports(
    engine, organisation, resident, django_capture_on_commit_callbacks
):
    from mapping import services as mapping_services
    from tests.civic.factories import make_council
    from tests.mapping.factories import CategoryFactory
    from tests.mapping.test_services import report_kwargs

    make_council()
    category = CategoryFactory(name="Potholes", organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        report = mapping_services.create_report(**report_kwargs(resident, category, title="Deep hole"))
    assert found("carriageway") == set()
    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Carriageway defects"
        category.save()  # as the admin's category screen does
    assert found("carriageway") == {f"issue_report:{report.pk}"}


def test_public_search_makes_a_bounded_number_of_queries(
    client, index, organisation, django_assert_max_num_queries
):
    for i in range(15):
        make_consultation(index, title=f"Ibis trail {i}", lead_organisation=organisation)
    make_consultation(index, title="Ibis trail draft", live=False, lead_organisation=organisation)
    # one counts the matches up to SEARCH_COUNT_CAP; one reads the locales
    # + the locales, looked up by each test (conftest), + the pages' translation keys (search.public:
    # a page and its translations are one result)
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "ibis"})
    assert "15 results" in response.content.decode()


def test_a_ticked_consultation_beyond_the_walls_shows_no_title(walls, client, officer, index):
    police = walls["police"]
    secret = make_consultation(index, title="Secret ferret scheme", live=False, lead_organisation=police)
    sign_in(client, officer)
    html = client.get(OFFICER_URL, {"q": "wombat", "consultation": secret.pk}).content.decode()
    assert "Secret ferret scheme" not in html
    own = client.get(OFFICER_URL, {"q": "ferret", "consultation": walls["our_consultation"]}).content.decode()
    assert walls["our_title"] in own  # a ticked consultation of their own keeps its name with no hits


def test_an_export_that_loses_elasticsearch_midway_sends_every_row_once(
    engine, reindex, comment_on, client, officer, monkeypatch
):
    """The CSV carries on from the database without repeating the rows already sent."""
    if engine != "elasticsearch":
        pytest.skip("Elasticsearch only")
    from django.conf import settings

    from search import engines
    from search.engines import elastic

    bodies = {comment_on(f"Heron nesting site {i}").body for i in range(7)}
    reindex()
    monkeypatch.setattr(elastic.ElasticEngine, "export_page_size", 3)
    monkeypatch.setattr(engines, "EXPORT_CHECK_BATCH", 3)
    sign_in(client, officer)
    response = client.get(OFFICER_URL + "export.csv", {"q": "heron", "sort": "newest"})
    stream = iter(response.streaming_content)
    first = [next(stream) for _ in range(4)]  # the header and the first page of three
    for name in elastic.client().indices.get(index=f"{settings.SEARCH_INDEX}*"):
        elastic.client().indices.delete(index=name)  # the index is gone before the second page
    rows = list(csv.reader(io.StringIO(b"".join([*first, *stream]).decode())))[1:]
    assert sorted(row[2] for row in rows) == sorted(bodies)
