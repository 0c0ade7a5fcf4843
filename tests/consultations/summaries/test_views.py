import re

import pytest
from django.conf import settings
from django.core import mail

from civic.models import WardCouncillor
from consultations.models import Comment
from consultations.summaries import services
from consultations.summaries.models import FeedbackResponse, Theme, ThemeRun
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.support.auth import sign_in

PROVENANCE = re.compile(r'href="(/consultations/contributions/\d+/)" data-provenance')


def themed(consultation):
    services.build_themes(consultation.pk)
    return list(Theme.objects.filter(consultation=consultation, is_other=False))


@pytest.fixture
def other_officer(db):
    return UserFactory(
        roles=["Officers"], organisation=OrganisationFactory(name="Elsewhere", slug="elsewhere")
    )


@pytest.mark.parametrize(
    ("who", "published", "status"),
    [
        ("anonymous", False, 403),
        ("resident", False, 403),
        ("other_officer", False, 403),
        ("councillor", False, 200),
        ("officer", False, 200),
        ("anonymous", True, 200),
        ("resident", True, 200),
        ("councillor", True, 200),
        ("officer", True, 200),
    ],
)
def test_summary_access_by_role_and_publication(
    client, consultation, corpus, request, summary_url, who, published, status
):
    consultation.results_published = published
    consultation.save()
    if who != "anonymous":
        sign_in(client, request.getfixturevalue(who))
    for suffix in ("", "report/", "report.pdf", "comments.csv"):
        assert client.get(summary_url(consultation, suffix)).status_code == status, suffix


def test_draft_consultation_summary_is_not_found_for_councillors(client, index, organisation, councillor):
    from tests.consultations.factories import make_consultation

    draft = make_consultation(index, "open", live=False, lead_organisation=organisation)
    sign_in(client, councillor)
    assert client.get(f"/consultations/{draft.pk}/summary/").status_code == 404


def test_only_owning_officers_can_edit_themes(
    client, consultation, corpus, councillor, other_officer, summary_url
):
    theme = themed(consultation)[0]
    for user in (councillor, other_officer):
        sign_in(client, user)
        url = summary_url(consultation, f"themes/{theme.pk}/")
        assert client.post(url, {"action": "sign_off"}).status_code == 403
        assert client.post(summary_url(consultation, "prepare/")).status_code == 403
        assert (
            client.post(
                summary_url(consultation, "responses/new/"), {"you_said": "a", "we_did": "b"}
            ).status_code
            == 403
        )
    theme.refresh_from_db()
    assert theme.machine_suggested


def test_councillor_sees_no_personal_data(client, consultation, corpus, councillor, summary_url):
    themed(consultation)
    sign_in(client, councillor)
    pages = [client.get(summary_url(consultation, s)) for s in ("", "report/", "comments.csv")]
    theme = Theme.objects.filter(consultation=consultation).first()
    pages.append(client.get(summary_url(consultation, f"themes/{theme.pk}/")))
    for response in pages:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert "@example.org" not in text
        assert "Realfirst" not in text and "Reallast" not in text
    csv_text = b"".join(pages[2].streaming_content).decode()
    for comment in corpus:
        assert comment.author.display_name not in csv_text


def test_summary_shows_themes_quotes_and_machine_suggested_marking(
    client, consultation, corpus, officer, summary_url
):
    themes = themed(consultation)
    services.sign_off_theme(themes[0], officer)
    sign_in(client, officer)
    html = client.get(summary_url(consultation)).content.decode()
    assert html.count("<h1") == 1
    assert "Machine-suggested" in html and "Signed off" in html
    for theme in themes:
        assert theme.label in html
    assert len(PROVENANCE.findall(html)) >= 3 * len(themes)


def test_every_provenance_link_resolves_to_the_quoted_comment(
    client, consultation, corpus, councillor, summary_url, settings
):
    settings.COMMENTS_PER_PAGE = 2  # quoted comments sit on later pages of comments
    themed(consultation)
    sign_in(client, councillor)
    html = client.get(summary_url(consultation)).content.decode()
    links = PROVENANCE.findall(html)
    assert links
    for link in links:
        comment = Comment.objects.get(pk=int(link.rstrip("/").rsplit("/", 1)[1]))
        response = client.get(link)
        assert response.status_code == 302
        target = response["Location"]
        assert target.endswith(f"#comment-{comment.pk}")
        page = client.get(target.split("#")[0])
        assert page.status_code == 200
        assert f'id="comment-{comment.pk}"' in page.content.decode()


def test_provenance_link_to_hidden_comment_is_not_found(client, consultation, corpus, resident):
    hidden = Comment.objects.get(status="hidden")
    sign_in(client, resident)
    assert client.get(f"/consultations/contributions/{hidden.pk}/").status_code == 404


def test_summary_page_queries_are_bounded(
    client, consultation, corpus, councillor, summary_url, django_assert_max_num_queries
):
    themed(consultation)
    sign_in(client, councillor)
    client.get(summary_url(consultation))
    with django_assert_max_num_queries(33):  # 30, one each: conversations, paragraphs, surveys (none here)
        response = client.get(summary_url(consultation))
    assert response.status_code == 200


def test_summary_meets_csp_and_accessibility_basics(client, consultation, corpus, officer, summary_url):
    themed(consultation)
    sign_in(client, officer)
    response = client.get(summary_url(consultation))
    html = response.content.decode()
    assert "style=" not in html and "<script" not in html.split("</footer>")[0]
    assert html.count("<table") == html.count("<caption")
    assert html.count('role="img"') == html.count("<desc") >= 5
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_page_shows_being_prepared_while_themes_are_queued(
    client, consultation, corpus, councillor, summary_url
):
    ThemeRun.objects.create(consultation=consultation, status=ThemeRun.Status.QUEUED)
    sign_in(client, councillor)
    assert "Themes are being prepared" in client.get(summary_url(consultation)).content.decode()


def test_officer_prepares_themes_through_the_task(
    client, consultation, corpus, officer, summary_url, django_capture_on_commit_callbacks
):
    sign_in(client, officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(summary_url(consultation, "prepare/"))
    assert response.status_code == 302
    run = ThemeRun.objects.get(consultation=consultation)
    assert run.status == ThemeRun.Status.READY and run.comment_count == len(corpus)


def test_merging_a_theme_into_itself_in_the_page_shows_an_error(
    client, consultation, corpus, officer, summary_url
):
    theme = themed(consultation)[0]
    sign_in(client, officer)
    url = summary_url(consultation, f"themes/{theme.pk}/")
    response = client.post(url, {"action": "merge", "merge-target": theme.pk})
    assert response.status_code == 400
    assert "cannot be merged into itself" in response.content.decode()
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_officer_renames_merges_splits_and_signs_off_in_the_page(
    client, consultation, corpus, officer, summary_url
):
    first, second = themed(consultation)[:2]
    sign_in(client, officer)
    url = summary_url(consultation, f"themes/{first.pk}/")
    assert client.post(url, {"action": "rename", "rename-label": "Buses"}).status_code == 302
    assert client.post(url, {"action": "sign_off"}).status_code == 302
    first.refresh_from_db()
    assert first.label == "Buses" and first.is_signed_off
    merge = client.post(
        summary_url(consultation, f"themes/{second.pk}/"), {"action": "merge", "merge-target": first.pk}
    )
    assert merge.status_code == 302 and not Theme.objects.filter(pk=second.pk).exists()
    before = Theme.objects.filter(consultation=consultation).count()
    assert client.post(url, {"action": "split"}).status_code == 302
    assert Theme.objects.filter(consultation=consultation).count() == before + 1


def test_officer_publishes_response_and_participants_are_emailed(
    client, consultation, corpus, officer, summary_url, django_capture_on_commit_callbacks
):
    theme = themed(consultation)[0]
    sign_in(client, officer)
    url = summary_url(consultation, "responses/new/")
    assert client.get(url, {"theme": theme.pk}).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"theme": theme.pk, "you_said": "Buses are late", "we_did": "New timetable"}
        )
    assert response.status_code == 302
    saved = FeedbackResponse.objects.get()
    authors = set(
        Comment.objects.filter(theme_membership__theme=theme).values_list("author__email", flat=True)
    )
    assert saved.notified_count == len(authors) == len(mail.outbox)
    assert {m.to[0] for m in mail.outbox} == authors
    assert "New timetable" in mail.outbox[0].body
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert f"page: {base}{consultation.url}#responses\n" in mail.outbox[0].body
    client.logout()
    page = client.get(consultation.url).content.decode()  # the page anyone may see shows it now
    assert "New timetable" in page and f"Theme: {theme.label}" in page
    consultation.results_published = True
    consultation.save()
    assert "New timetable" in client.get(summary_url(consultation)).content.decode()


@pytest.mark.parametrize("results_published", [False, True])
def test_response_email_links_to_the_response_on_the_consultation_page(
    client, consultation, corpus, officer, settings, results_published
):
    from consultations.summaries.tasks import notify_response_task

    theme = themed(consultation)[0]
    consultation.results_published = results_published
    consultation.save()
    saved = FeedbackResponse.objects.create(
        consultation=consultation, theme=theme, you_said="Buses", we_did="Timetable", created_by=officer
    )
    notify_response_task.call(saved.pk)
    link = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{consultation.url}#responses"
    assert mail.outbox and all(f"page: {link}\n" in m.body for m in mail.outbox)
    author = Comment.objects.filter(theme_membership__theme=theme).first().author
    sign_in(client, author)  # a resident who took part may see where the link lands, and the response
    page = client.get(consultation.url)
    assert page.status_code == 200
    assert 'id="responses"' in page.content.decode() and "Timetable" in page.content.decode()


def test_empty_response_is_refused(client, consultation, officer, summary_url):
    sign_in(client, officer)
    response = client.post(summary_url(consultation, "responses/new/"), {"you_said": "", "we_did": ""})
    assert response.status_code == 400 and not FeedbackResponse.objects.exists()


def test_summary_of_consultation_without_comments_renders(client, consultation, officer, summary_url):
    services.build_themes(consultation.pk)
    sign_in(client, officer)
    for suffix in ("", "report/", "report.pdf", "comments.csv"):
        assert client.get(summary_url(consultation, suffix)).status_code == 200


def test_pdf_and_csv_exports(client, consultation, corpus, officer, summary_url):
    themed(consultation)
    sign_in(client, officer)
    pdf = client.get(summary_url(consultation, "report.pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    rows = (
        b"".join(client.get(summary_url(consultation, "comments.csv")).streaming_content)
        .decode()
        .splitlines()
    )
    assert rows[0].startswith("comment_id,link") and len(rows) == len(corpus) + 1
    assert "machine-suggested" in rows[1]


def test_summary_csv_neutralises_formulas_in_every_text_cell(
    client, consultation, proposal, corpus, officer, summary_url
):
    import csv
    import io

    proposal.title = '=HYPERLINK("http://x")'
    proposal.save()
    Comment.objects.filter(pk=corpus[6].pk).update(body="@SUM(1) buses")  # corpus[6] is on the proposal
    sign_in(client, officer)
    body = b"".join(client.get(summary_url(consultation, "comments.csv")).streaming_content).decode()
    rows = {int(row[0]): row for row in list(csv.reader(io.StringIO(body)))[1:]}
    assert rows[corpus[6].pk][3] == '\'=HYPERLINK("http://x")'
    assert rows[corpus[6].pk][8] == "'@SUM(1) buses"
    assert rows[corpus[0].pk][3] == ""


def test_councillor_sees_their_ward_by_default_and_can_choose_all(
    client, consultation, corpus, councillor, wards, summary_url
):
    themed(consultation)
    WardCouncillor.objects.create(user=councillor, ward=wards[0])
    sign_in(client, councillor)
    html = client.get(summary_url(consultation)).content.decode()
    assert "Abbey (my ward)" in html and "Ward</dt><dd>Abbey" in html
    everyone = client.get(summary_url(consultation), {"ward": "all"}).content.decode()
    assert "Ward</dt><dd>Abbey" not in everyone


def test_ward_with_fewer_than_five_people_is_suppressed(
    client, consultation, corpus, councillor, wards, summary_url
):
    themed(consultation)
    sign_in(client, councillor)
    html = client.get(summary_url(consultation), {"ward": "brookside"}).content.decode()
    assert "Comments</dt><dd>0<" in html and "Fewer than 5 people" not in html  # nobody: nothing to hide
    from civic.models import ParticipantProfile

    ParticipantProfile.objects.filter(user__in=[c.author for c in corpus[:2]]).update(ward=wards[1])
    html = client.get(summary_url(consultation), {"ward": "brookside"}).content.decode()
    assert "Fewer than 5 people from Brookside took part" in html
    assert "Comments</dt><dd>not shown<" in html and corpus[0].body not in html


def test_consultation_page_links_to_summary_only_for_those_who_may_see_it(
    client, consultation, councillor, resident, summary_url
):
    link = summary_url(consultation)
    sign_in(client, resident)
    assert link not in client.get(consultation.url).content.decode()
    sign_in(client, councillor)
    assert link in client.get(consultation.url).content.decode()


def test_comment_hidden_after_themes_were_prepared_is_no_longer_quoted(
    client, consultation, corpus, councillor, summary_url
):
    theme = themed(consultation)[0]
    quoted = theme.memberships.filter(quote_rank=1).get().comment
    quoted.status = Comment.Status.HIDDEN
    quoted.save()
    sign_in(client, councillor)
    assert quoted.body not in client.get(summary_url(consultation)).content.decode()
    assert quoted.body not in client.get(summary_url(consultation, f"themes/{theme.pk}/")).content.decode()


@pytest.mark.parametrize(
    "bodies",
    [
        ["Only one resident wrote anything"],
        ["今日は良い天気です", "交通が不便です", "図書館をもっと開けて", "バスが遅い"],
        [
            "Dydd da, mae'r llyfrgell ar gau",
            "Wir brauchen mehr Busse am Abend",
            "Bibliothèque fermée le lundi",
        ],
    ],
    ids=["one-comment", "japanese", "welsh-german-french"],
)
def test_awkward_consultations_summarise_and_export(client, consultation, officer, summary_url, bodies):
    from django.utils.html import escape

    from tests.consultations.factories import CommentFactory

    made = [CommentFactory(consultation=consultation, body=body) for body in bodies]
    services.build_themes(consultation.pk)
    sign_in(client, officer)
    html = client.get(summary_url(consultation)).content.decode()
    for comment in made:
        assert escape(comment.body) in html  # every comment is quoted in its theme or in "other"
    assert client.get(summary_url(consultation, "report.pdf")).content.startswith(b"%PDF")
    csv_text = b"".join(client.get(summary_url(consultation, "comments.csv")).streaming_content).decode()
    assert all(comment.body in csv_text for comment in made)


def test_with_a_task_queue_the_page_shows_being_prepared_until_the_worker_runs(
    client, consultation, corpus, officer, summary_url, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sign_in(client, officer)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(summary_url(consultation, "prepare/")).status_code == 302
    assert ThemeRun.objects.get(consultation=consultation).status == ThemeRun.Status.QUEUED
    assert "Themes are being prepared" in client.get(summary_url(consultation)).content.decode()
    queued = DBTaskResult.objects.get()
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])  # what db_worker does
    assert ThemeRun.objects.get(consultation=consultation).status == ThemeRun.Status.READY
    assert "Themes are being prepared" not in client.get(summary_url(consultation)).content.decode()


def test_pdf_without_a_unicode_font_still_renders_any_script(
    client, consultation, officer, summary_url, monkeypatch
):
    from consultations.summaries import pdf
    from tests.consultations.factories import CommentFactory

    monkeypatch.setattr(pdf, "FONT_DIRS", [])  # a server without DejaVu: core font, Latin-1 only
    for body in ("図書館をもっと開けて", "Ζητάμε περισσότερα λεωφορεία", "Bibliothèque “fermée”"):
        CommentFactory(consultation=consultation, body=body)
    services.build_themes(consultation.pk)
    sign_in(client, officer)
    assert client.get(summary_url(consultation, "report.pdf")).content.startswith(b"%PDF")


@pytest.mark.parametrize("on_proposal", [False, True])
def test_provenance_link_lands_on_the_page_listing_the_comment_with_pinned_threads(
    client, consultation, proposal, resident, settings, on_proposal
):
    """Pinned threads head the page's list, so older pinned comments sit on page one, not the last."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.consultations.factories import CommentFactory

    settings.COMMENTS_PER_PAGE = 2
    where = {"consultation": consultation, "proposal": proposal if on_proposal else None}
    start = timezone.now() - timedelta(days=1)
    threads = [
        CommentFactory(**where, created_at=start + timedelta(minutes=i), pinned=i in (0, 3)) for i in range(7)
    ]
    reply = CommentFactory(**where, parent=threads[0], created_at=start + timedelta(hours=1))
    # The viewer's own pending thread is listed for them (newest), moving every other thread down one.
    own = CommentFactory(**where, author=resident, status="pending", created_at=start + timedelta(hours=2))
    sign_in(client, resident)
    landed = {}
    for comment in [*threads, reply, own]:
        response = client.get(f"/consultations/contributions/{comment.pk}/")
        assert response.status_code == 302
        url, anchor = response["Location"].split("#")
        assert anchor == f"comment-{comment.pk}"
        page = client.get(url)
        assert page.status_code == 200
        assert f'id="comment-{comment.pk}"' in page.content.decode(), (comment.pk, url)
        landed[comment.pk] = url.partition("?")[2] or "page=1"
    # pinned 3, pinned 0 (+ reply) | own pending, 6 | 5, 4 | 2, 1
    assert landed[threads[3].pk] == landed[threads[0].pk] == landed[reply.pk] == "page=1"
    assert landed[own.pk] == landed[threads[6].pk] == "page=2"
    assert landed[threads[1].pk] == "page=4"


# Councillors' front door ---------------------------------------------------------------------------

INDEX = "/consultations/summaries/"


def test_councillor_whose_ward_has_too_few_people_sees_the_borough_by_default(
    client, consultation, corpus, councillor, wards, summary_url
):
    WardCouncillor.objects.create(user=councillor, ward=wards[1])  # Brookside: nobody shared it
    sign_in(client, councillor)
    html = client.get(summary_url(consultation)).content.decode()
    assert "these are the figures for the whole borough" in html
    assert "Ward</dt><dd>" not in html
    assert "People who commented</dt><dd>12<" in html
    assert "?ward=all" in html  # the printable report and PDF follow the borough too
    from civic.models import ParticipantProfile

    ParticipantProfile.objects.filter(user__in=[c.author for c in corpus[:2]]).update(ward=wards[1])
    html = client.get(summary_url(consultation)).content.decode()
    assert "Fewer than 5 people from Brookside (your ward)" in html
    assert "People who commented</dt><dd>12<" in html
    chosen = client.get(summary_url(consultation), {"ward": "brookside"}).content.decode()
    assert "Fewer than 5 people from Brookside took part" in chosen  # asking for it still protects them


def test_councillor_whose_ward_has_enough_people_sees_it_first(
    client, consultation, corpus, councillor, wards, summary_url
):
    WardCouncillor.objects.create(user=councillor, ward=wards[0])  # Abbey: 8 people shared it
    sign_in(client, councillor)
    html = client.get(summary_url(consultation)).content.decode()
    assert "Ward</dt><dd>Abbey" in html
    assert "whole borough" not in html


@pytest.fixture
def summaries(index, organisation, consultation, corpus):
    """The corpus consultation (open, results not out), a closed one with results, a draft, a private one."""
    from wagtail.models import PageViewRestriction

    from tests.consultations.factories import make_consultation

    published = make_consultation(
        index,
        "closed",
        lead_organisation=OrganisationFactory(),
        title="Results are out",
        results_published=True,
    )
    draft = make_consultation(index, "open", live=False, lead_organisation=organisation, title="Draft plan")
    private = make_consultation(index, "open", lead_organisation=OrganisationFactory(), title="Private plan")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"open": consultation, "published": published, "draft": draft, "private": private}


def _listed(html):
    return {int(pk) for pk in re.findall(r'data-summary="(\d+)"', html)}


def test_councillor_lists_every_public_summary_with_their_wards_figures(client, summaries, councillor, wards):
    WardCouncillor.objects.create(user=councillor, ward=wards[0])
    sign_in(client, councillor)
    response = client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert _listed(html) == {summaries["open"].pk, summaries["published"].pk}
    row = html[html.index(f'data-summary="{summaries["open"].pk}"') :]
    assert "<td>12</td>" in row[: row.index("</tr>")]
    assert "8: ward figures first" in row[: row.index("</tr>")]
    assert "From Abbey" in html
    assert 'href="/consultations/summaries/"' in html  # the header links councillors here


def test_councillor_without_a_ward_or_with_a_quiet_ward_sees_borough_figures_noted(
    client, summaries, councillor, wards
):
    sign_in(client, councillor)
    assert "From " not in client.get(INDEX).content.decode()  # no ward: no ward column
    WardCouncillor.objects.create(user=councillor, ward=wards[1])
    html = client.get(INDEX).content.decode()
    assert "none: whole borough shown" in html


def test_residents_and_visitors_list_only_summaries_with_published_results(client, summaries, resident):
    assert _listed(client.get(INDEX).content.decode()) == {summaries["published"].pk}
    sign_in(client, resident)
    html = client.get(INDEX).content.decode()
    assert _listed(html) == {summaries["published"].pk}
    assert 'href="/consultations/summaries/"' not in html  # no header link for residents


def test_officers_list_their_organisations_summaries_and_published_ones(
    client, summaries, officer, other_officer
):
    sign_in(client, officer)
    assert _listed(client.get(INDEX).content.decode()) == {
        summaries["open"].pk,
        summaries["published"].pk,
        summaries["draft"].pk,
    }
    sign_in(client, other_officer)
    assert _listed(client.get(INDEX).content.decode()) == {summaries["published"].pk}


def test_every_listed_summary_opens(client, summaries, councillor, officer):
    for user in (councillor, officer):
        sign_in(client, user)
        for pk in _listed(client.get(INDEX).content.decode()):
            assert client.get(f"/consultations/{pk}/summary/").status_code == 200


def test_summary_list_queries_do_not_grow(
    client, index, summaries, councillor, wards, django_assert_max_num_queries
):
    from tests.consultations.factories import make_consultation

    WardCouncillor.objects.create(user=councillor, ward=wards[0])
    sign_in(client, councillor)
    client.get(INDEX)
    with django_assert_max_num_queries(30) as few:
        client.get(INDEX)
    for n in range(10):
        make_consultation(index, "closed", lead_organisation=OrganisationFactory(), title=f"More {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(INDEX).content.decode()
    assert len(_listed(html)) == 12


def test_summary_list_counts_an_erased_person_once_like_the_summary(
    client, summaries, councillor, summary_url
):
    import uuid

    erased = uuid.uuid4()
    from tests.consultations.factories import CommentFactory

    for body in ("Parking first words", "Parking second words"):
        CommentFactory(consultation=summaries["open"], author=None, former_author=erased, body=body)
    sign_in(client, councillor)
    html = client.get(INDEX).content.decode()
    row = html[html.index(f'data-summary="{summaries["open"].pk}"') :]
    assert "<td>13</td>" in row[: row.index("</tr>")]  # 12 accounts and one erased person
    assert "People who commented</dt><dd>13<" in client.get(summary_url(summaries["open"])).content.decode()


# "You said, we did" on the consultation page ------------------------------------------------------


def test_consultation_page_shows_responses_only_once_published(client, consultation, proposal, officer):
    from datetime import timedelta

    from django.utils import timezone

    assert 'id="responses"' not in client.get(consultation.url).content.decode()  # nothing yet
    later = FeedbackResponse.objects.create(
        consultation=consultation,
        you_said="Later",
        we_did="Scheduled answer",
        created_by=officer,
        published_at=timezone.now() + timedelta(days=1),
    )
    assert "Scheduled answer" not in client.get(consultation.url).content.decode()
    services.publish_response(
        consultation=consultation, officer=officer, proposal=proposal, you_said="Late", we_did="Timetable"
    )
    html = client.get(consultation.url).content.decode()  # anonymous: everyone who may see the page
    assert 'id="responses"' in html and "Timetable" in html and f"Proposal: {proposal.title}" in html
    assert "Scheduled answer" not in html
    assert later.pk  # still stored, shown from its publication time


def test_response_to_a_draft_proposal_stays_off_the_page(client, consultation, officer):
    from tests.consultations.factories import make_proposal

    draft = make_proposal(consultation, live=False, title="Secret depot plan")
    FeedbackResponse.objects.create(
        consultation=consultation, proposal=draft, you_said="Depot", we_did="Hidden plan", created_by=officer
    )
    html = client.get(consultation.url).content.decode()
    assert "Hidden plan" not in html and "Secret depot plan" not in html


def test_page_and_summary_show_the_same_responses_with_their_theme(
    client, consultation, corpus, officer, summary_url
):
    theme = themed(consultation)[0]
    services.publish_response(
        consultation=consultation, officer=officer, theme=theme, you_said="Parking", we_did="More bays"
    )
    consultation.results_published = True
    consultation.save()
    page = client.get(consultation.url).content.decode()
    summary = client.get(summary_url(consultation)).content.decode()
    for html in (page, summary):
        assert f"Theme: {theme.label}" in html and "More bays" in html
        assert 'class="response" id="response-' in html  # the one partial renders both


def test_private_consultation_keeps_its_responses_private(client, consultation, officer, resident):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=consultation, restriction_type="groups")
    board = Group.objects.create(name="Board")
    restriction.groups.add(board)
    services.publish_response(consultation=consultation, officer=officer, you_said="A", we_did="Board answer")
    sign_in(client, resident)
    refused = client.get(consultation.url)
    assert refused.status_code in (302, 403, 404) and b"Board answer" not in refused.content
    resident.groups.add(board)
    assert "Board answer" in client.get(consultation.url).content.decode()
