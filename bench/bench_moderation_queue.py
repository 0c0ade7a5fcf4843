"""Moderation queue page with 10,000 pending items (target <= 200 ms server time, bounded queries)."""

ITEMS = 10_000
REQUESTS = 30
SLUG = "bench-moderation"


def build():
    from datetime import timedelta

    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from bench.common import create_consultation, progress
    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationPage

    org, _ = Organisation.objects.get_or_create(slug="bench-mod-org", defaults={"name": "Bench Moderation"})
    moderator, created = User.objects.get_or_create(
        username="bench-moderator",
        defaults={
            "email": "bench-moderator@example.org",
            "display_name": "Bench moderator",
            "organisation": org,
        },
    )
    if created:
        moderator.groups.add(Group.objects.get(name="Moderators"))
        Authenticator.objects.create(
            user=moderator, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
        )
    page = ConsultationPage.objects.filter(slug=SLUG).first()
    if page is not None and Comment.objects.filter(consultation=page, needs_review=True).count() == ITEMS:
        return moderator
    if page is not None:
        page.delete()
    now = timezone.now()
    page = create_consultation(
        SLUG, "Benchmark moderation", org, opens_days=-30, closes_days=30, moderation_policy="pre"
    )
    authors = [
        User.objects.get_or_create(
            username=f"bench-mod-author-{i}", defaults={"display_name": f"Author {i}"}
        )[0]
        for i in range(50)
    ]
    rows = [
        Comment(
            consultation=page,
            author=authors[i % 50],
            body=f"Waiting comment {i} " * 8,
            status="pending",
            needs_review=True,
            queued_at=now - timedelta(minutes=i),
            created_at=now - timedelta(minutes=i),
        )
        for i in range(ITEMS)
    ]
    Comment.objects.bulk_create(rows, batch_size=1000)
    progress(ITEMS, ITEMS, "pending comments")
    return moderator


def main():
    from bench.common import report, setup_django, summarise, time_requests

    setup_django()
    from django.test import Client

    moderator = build()
    client = Client()
    client.force_login(moderator)
    timings, queries, status = time_requests(client, "/admin/moderation/", REQUESTS)
    assert status == 200, status
    overdue_timings, overdue_queries, _ = time_requests(client, "/admin/moderation/?overdue=on&p=3", REQUESTS)
    floor, floor_queries, _ = time_requests(client, "/healthz", REQUESTS)
    print(f"{ITEMS:,} contributions waiting, {REQUESTS} sequential requests, signed-in moderator, PostgreSQL")
    _, p95 = summarise("queue, first page", timings, queries)
    _, p95_overdue = summarise("queue, overdue filter, page 3", overdue_timings, overdue_queries)
    _, floor_p95 = summarise("trivial view (/healthz)", floor, floor_queries)
    healthz = {"floor": floor_p95, "floor_of": "/healthz p95"}
    report("queue, first page p95", p95, "ms", target=200, **healthz)
    report("queue, overdue filter, page 3 p95", p95_overdue, "ms", target=200, **healthz)
    report("queue queries (most)", max(queries, overdue_queries), target=40)
