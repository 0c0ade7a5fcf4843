"""API comments list, 10,000 comments on one consultation, pages of 50 (p95 <= 50 ms, bounded queries)."""

ITEMS = 10_000
REQUESTS = 40
PAGE = 50
SLUG = "bench-api"


def build():
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from bench.common import create_consultation, progress
    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationPage

    org, _ = Organisation.objects.get_or_create(slug="bench-api-org", defaults={"name": "Bench API"})
    page = ConsultationPage.objects.filter(slug=SLUG).first()
    if page is not None and Comment.objects.filter(consultation=page, status="published").count() == ITEMS:
        return page, org
    if page is not None:
        page.delete()
    page = create_consultation(SLUG, "Benchmark API", org, opens_days=-30, closes_days=30)
    authors = [
        User.objects.get_or_create(
            username=f"bench-api-author-{i}", defaults={"display_name": f"Author {i}"}
        )[0]
        for i in range(200)
    ]
    now = timezone.now()
    rows = [
        Comment(
            consultation=page,
            author=authors[i % 200],
            body=f"Published comment {i} about the plan. " * 6,
            status="published",
            created_at=now - timedelta(seconds=i),
        )
        for i in range(ITEMS)
    ]
    Comment.objects.bulk_create(rows, batch_size=1000)
    progress(ITEMS, ITEMS, "published comments")
    with connection.cursor() as cursor:  # what autovacuum does after a bulk load: the planner's statistics
        cursor.execute("ANALYZE consultations_comment")
    return page, org


def main():
    from bench.common import report, setup_django, summarise, time_requests

    setup_django()
    from django.conf import settings
    from django.test import Client

    from api.models import ApiToken

    settings.API_ANONYMOUS_RATE_LIMIT = settings.API_TOKEN_RATE_LIMIT = "1000000/m"  # time the page, not 429s
    page, org = build()
    client = Client()
    first = f"/api/v1/comments/?consultation={page.pk}&page_size={PAGE}"
    url = first
    for _ in range(100):  # page 101: 5,000 comments in, reached by following next links
        url = client.get(url).json()["next"]
    deep = url.replace("http://testserver", "")
    ApiToken.objects.filter(name="bench-api").delete()
    _token, raw = ApiToken.issue(organisation=org, name="bench-api", scopes=["comments:read"])
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    timings, queries, status = time_requests(client, first, REQUESTS)
    assert status == 200, status
    deep_timings, deep_queries, _ = time_requests(client, deep, REQUESTS)
    token_timings, token_queries, _ = time_requests(client, first, REQUESTS, **bearer)
    floor, floor_queries, _ = time_requests(client, "/healthz", REQUESTS)
    rows = len(client.get(first).json()["results"])
    print(f"{ITEMS:,} published comments, pages of {rows}, {REQUESTS} sequential requests each, PostgreSQL")
    _, p95 = summarise("first page, anonymous", timings, queries)
    _, p95_deep = summarise("page 101 (cursor), anonymous", deep_timings, deep_queries)
    _, p95_token = summarise("first page, with a token", token_timings, token_queries)
    _, floor_p95 = summarise("trivial view (/healthz)", floor, floor_queries)
    healthz = {"floor": floor_p95, "floor_of": "/healthz p95"}
    report(f"first page of {PAGE} p95, anonymous", p95, "ms", target=50, **healthz)
    report("page 101 (cursor) p95", p95_deep, "ms", target=50, **healthz)
    report("first page p95, with a token", p95_token, "ms", target=50, **healthz)
    report("queries per page (most)", max(queries, deep_queries, token_queries), target=10)
