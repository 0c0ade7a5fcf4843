"""The same cases on both engines: ranking, filters, facets, highlights, disappearing content."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultations import services
from consultations.models import Comment
from search.engines import get_engine
from search.query import SearchRequest, parse_query
from tests.civic.factories import UserFactory, make_council
from tests.consultations.factories import make_consultation, make_proposal
from tests.mapping.factories import CategoryFactory
from tests.mapping.test_services import report_kwargs
from tests.support.moderation import set_status


def search(text="", **filters):
    return get_engine().search(SearchRequest(query=parse_query(text), **filters))


def keys(result):
    return [hit.key for hit in result.hits]


def test_ranking_puts_the_strongest_match_first(engine, reindex, comment_on):
    weak = comment_on("The library opening hours are fine, but I want more parking near the station.")
    strong = comment_on("Library, library, library: keep the library open. The library is our library.")
    comment_on("Nothing about books here, only bins and buses.")
    reindex()
    result = search("library")
    assert result.total == 2
    assert keys(result) == [f"comment:{strong.pk}", f"comment:{weak.pk}"]


def test_english_stemming_matches_other_word_forms(engine, reindex, comment_on):
    found = comment_on("Cyclists need safer crossings.")
    reindex()
    assert keys(search("cyclist")) == [f"comment:{found.pk}"]
    assert keys(search("crossing")) == [f"comment:{found.pk}"]


def test_phrases_prefixes_and_exclusions(engine, reindex, comment_on):
    phrase = comment_on("Please keep the bus station open late.")
    other = comment_on("The station needs a bus shelter.")
    comment_on("Librarians are wonderful.")
    reindex()
    assert keys(search('"bus station"')) == [f"comment:{phrase.pk}"]
    assert set(keys(search("bus station"))) == {f"comment:{phrase.pk}", f"comment:{other.pk}"}
    assert search("librar*").total == 1
    assert keys(search("station -shelter")) == [f"comment:{phrase.pk}"]


def test_filters_narrow_the_results(engine, reindex, comment_on, consultation, index, partner, proposal):
    other_consultation = make_consultation(index, "open", lead_organisation=partner)
    old = comment_on("Potholes everywhere", stance="oppose", created_at=timezone.now() - timedelta(days=40))
    recent = comment_on("Potholes on the high street", stance="support", proposal=proposal)
    pending = comment_on("Potholes by the school", status=Comment.Status.PENDING)
    elsewhere = comment_on("Potholes near the park", consultation=other_consultation)
    reindex()
    k = lambda c: f"comment:{c.pk}"  # noqa: E731
    assert search("potholes").total == 4
    assert set(keys(search("potholes", stances=("oppose",)))) == {k(old)}
    assert set(keys(search("potholes", moderation_states=("pending",)))) == {k(pending)}
    assert set(keys(search("potholes", consultations=(other_consultation.pk,)))) == {k(elsewhere)}
    # The partner co-owns the first consultation and leads the other: both count for it.
    assert search("potholes", organisations=(partner.pk,)).total == 4
    assert set(keys(search("potholes", organisations=(consultation.lead_organisation_id,)))) == {
        k(old),
        k(recent),
        k(pending),
    }
    since = (timezone.now() - timedelta(days=7)).date()
    assert k(old) not in keys(search("potholes", created_from=since))
    assert set(keys(search("potholes", created_to=since))) == {k(old)}
    assert set(keys(search("", types=("proposal",)))) == {f"proposal:{proposal.pk}"}


def test_facets_count_each_value(engine, reindex, comment_on, consultation, proposal):
    comment_on("Trees please", stance="support")
    comment_on("More trees", stance="support")
    comment_on("No trees", stance="oppose")
    reindex()
    result = search("trees")
    stances = {f.value: f.count for f in result.facets["stance"]}
    assert stances == {"support": 2, "oppose": 1}
    assert {f.value: f.count for f in result.facets["type"]} == {"comment": 3}
    consultation_facet = result.facets["consultation"]
    assert [(f.label, f.count) for f in consultation_facet] == [(consultation.title, 3)]
    organisations = {f.label: f.count for f in result.facets["organisation"]}
    assert organisations == {"Northbrook Council": 3, "Northbrook NHS": 3}
    filtered = search("trees", stances=("oppose",))
    assert [(f.value, f.count, f.selected) for f in filtered.facets["stance"]] == [("oppose", 1, True)]


def test_facets_are_counted_on_an_index_built_before_facet_keys(engine, reindex, comment_on, monkeypatch):
    """An index from an earlier release lacks the combined facet field: counts come per field instead."""
    if engine != "elasticsearch":
        pytest.skip("Elasticsearch only")
    from search.engines import elastic

    monkeypatch.setattr(elastic, "facet_keys", lambda doc: [])
    comment_on("Trees please", stance="support")
    comment_on("No trees", stance="oppose")
    reindex()
    result = search("trees")
    assert {f.value: f.count for f in result.facets["stance"]} == {"support": 1, "oppose": 1}
    assert {f.value: f.count for f in result.facets["type"]} == {"comment": 2}


def test_highlights_mark_matches_and_escape_html(engine, reindex, comment_on):
    comment_on("The <b>playground</b> needs new swings & a slide.")
    reindex()
    hit = search("swings").hits[0]
    assert "<mark>swings</mark>" in hit.snippet_html
    assert "&amp;" in hit.snippet_html
    assert "<b>" not in hit.snippet_html


def test_wards_come_from_proposal_locations(engine, reindex, consultation, comment_on):
    from civic.models import Area

    Area.objects.create(
        name="Riverside",
        slug="riverside",
        kind=Area.Kind.WARD,
        geometry={"type": "Polygon", "coordinates": [[[-1, 51], [0, 51], [0, 52], [-1, 52], [-1, 51]]]},
    )
    inside = make_proposal(consultation, latitude=51.5, longitude=-0.5)
    comment_on("Flooding on the towpath", proposal=inside)
    comment_on("Flooding in the square")
    reindex()
    result = search("flooding", wards=("Riverside",))
    assert result.total == 1
    assert result.hits[0].ward == "Riverside"
    assert {f.value: f.count for f in search("flooding").facets["ward"]} == {"Riverside": 1}


def test_a_proposal_on_a_ward_boundary_is_in_that_ward_as_on_the_map(
    engine, reindex, consultation, comment_on
):
    """One point-in-polygon rule: a point on the edge is inside, as mapping finds a report's ward."""
    from civic.models import Area

    ward = Area.objects.create(
        name="Riverside",
        slug="riverside",
        kind=Area.Kind.WARD,
        geometry={"type": "Polygon", "coordinates": [[[-1, 51], [0, 51], [0, 52], [-1, 52], [-1, 51]]]},
    )
    east_edge = make_proposal(consultation, latitude=51.5, longitude=0)
    north_edge = make_proposal(consultation, latitude=52, longitude=-0.5)
    outside = make_proposal(consultation, latitude=51.5, longitude=0.25)
    assert ward.contains(51.5, 0) and ward.contains(52, -0.5) and not ward.contains(51.5, 0.25)
    for proposal in (east_edge, north_edge, outside):
        comment_on(f"Heron on {proposal.title}", proposal=proposal)
    reindex()
    wards = {hit.title: hit.ward for hit in search("heron").hits}
    assert wards == {
        f"Comment on {east_edge.title}": "Riverside",
        f"Comment on {north_edge.title}": "Riverside",
        f"Comment on {outside.title}": "",
    }


@pytest.mark.parametrize("path", ["rebuild", "update"])
def test_search_attributes_comments_as_the_pages_do(
    engine, reindex, comment_on, resident, officer, organisation, path
):
    """Paper responses entered by staff show the channel, official responses the organisation."""
    from search.indexing import apply

    comments = {
        "paper": comment_on("Allotment letter", author=officer, channel=Comment.Channel.PAPER),
        "phone": comment_on("Allotment call", author=officer, channel=Comment.Channel.PHONE),
        "official": comment_on(
            "Allotment answer", author=officer, is_official=True, organisation=organisation
        ),
        "online": comment_on("Allotment post", author=resident),
        "former": comment_on("Allotment old post", author=None),
    }
    if path == "rebuild":
        reindex()
    else:
        apply([f"comment:{comment.pk}" for comment in comments.values()])
    authors = {hit.key: hit.author for hit in search("allotment").hits}
    assert authors == {f"comment:{c.pk}": c.author_name for c in comments.values()}
    assert [authors[f"comment:{comments[name].pk}"] for name in comments] == [
        "Paper response",
        "Phone response",
        "Northbrook Council",
        resident.public_name,
        "Former participant",
    ]
    assert officer.public_name not in authors.values()


def test_written_comments_reach_the_index_after_commit(
    engine, resident, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.post_comment(
            author=resident, consultation=consultation, body="Bring back the tram"
        )
    assert keys(search("tram")) == [f"comment:{comment.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        services.edit_comment(editor=resident, comment=comment, body="Bring back the trolleybus")
    assert search("tram").total == 0
    assert search("trolleybus").total == 1


def test_hidden_and_deleted_content_disappears(
    engine, reindex, comment_on, moderator, django_capture_on_commit_callbacks
):
    hidden = comment_on("Graffiti on the bridge")
    deleted = comment_on("Graffiti in the underpass")
    kept = comment_on("Graffiti art is great")
    reindex()
    assert search("graffiti").total == 3
    with django_capture_on_commit_callbacks(execute=True):
        set_status(moderator=moderator, comment=hidden, status=Comment.Status.HIDDEN)
        deleted.delete()
    assert keys(search("graffiti")) == [f"comment:{kept.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        set_status(moderator=moderator, comment=hidden, status=Comment.Status.PUBLISHED)
    assert search("graffiti").total == 2


def test_unpublished_pages_leave_the_index(engine, reindex, proposal, django_capture_on_commit_callbacks):
    proposal.title = "Resurface the marketplace"
    proposal.save_revision().publish()
    reindex()
    assert keys(search("marketplace")) == [f"proposal:{proposal.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        proposal.unpublish()
    assert search("marketplace").total == 0


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_date_sorts(engine, reindex, comment_on, sort):
    first = comment_on("Allotment waiting list", created_at=timezone.now() - timedelta(days=3))
    second = comment_on("Allotment water supply", created_at=timezone.now() - timedelta(days=1))
    reindex()
    order = keys(search("allotment", sort=sort))
    expected = [f"comment:{second.pk}", f"comment:{first.pk}"]
    assert order == (expected if sort == "newest" else expected[::-1])


def test_pagination_pages_through_everything(engine, reindex, comment_on):
    for i in range(25):
        comment_on(f"Streetlight number {i} is broken")
    reindex()
    first = search("streetlight", page=1)
    second = search("streetlight", page=2)
    assert first.total == 25
    assert len(first.hits) == 20 and len(second.hits) == 5
    assert not set(keys(first)) & set(keys(second))


def test_issue_reports_are_searchable_without_their_contact_email(
    engine, organisation, resident, django_capture_on_commit_callbacks
):
    """mapping's own services index a report as they write it (no post_save signal does)."""
    from mapping import services as reports

    make_council()
    category = CategoryFactory(name="Fly-tipping", organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        report = reports.create_report(
            **report_kwargs(
                resident, category, title="Mattress dumped", description="A mattress behind the shops"
            ),
            contact_email="private@example.org",
        )
    result = search("mattress")
    assert keys(result) == [f"issue_report:{report.pk}"]
    assert result.hits[0].author == resident.public_name
    assert search("private").total == 0
    assert {f.value for f in result.facets["type"]} == {"issue_report"}
    officer = UserFactory(roles=["Officers"], organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        reports.change_status(officer=officer, report=report, status="closed", note="Cleared")
    assert [hit.status for hit in search("mattress").hits] == ["closed"]
    with django_capture_on_commit_callbacks(execute=True):
        reports.set_hidden(officer=officer, report=report, hidden=True)
    assert search("mattress").total == 0


def test_issue_reports_are_attributed_by_the_reports_own_rule(engine, reindex, organisation, resident):
    from mapping.models import IssueCategory, IssueReport

    category = IssueCategory.objects.create(
        name="Fly-tipping", slug="fly-tipping", service_code="FT", organisation=organisation
    )
    common = {"category": category, "organisation": organisation, "latitude": 51.5, "longitude": -0.1}
    reports = [
        IssueReport.objects.create(**common, title="Sofa dumped", reporter=resident),
        IssueReport.objects.create(**common, title="Sofa by the bins", source=IssueReport.Source.OPEN311),
        IssueReport.objects.create(**common, title="Sofa in the lane"),
        IssueReport.objects.create(  # sent without an account, confirmed: never by the name it gave
            **common, title="Sofa on the verge", contact_name="Quentin Private", contact_email="q@example.org"
        ),
    ]
    reindex()
    authors = {hit.key: hit.author for hit in search("sofa").hits}
    assert authors == {f"issue_report:{r.pk}": r.reporter_name for r in reports}
    assert search("quentin").total == 0
    expected = [resident.public_name, "Open311 partner", "Former participant", "Member of the public"]
    assert [r.reporter_name for r in reports] == expected
