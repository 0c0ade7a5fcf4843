"""Consultation detail page with 300 proposals and 2,000 comments (target p95 <= 150 ms, <= 25 queries)."""

PROPOSALS = 300
COMMENTS = 2000
REQUESTS = 50
SLUG = "bench-consultation"


def build():
    from allauth.account.models import EmailAddress
    from wagtail.rich_text import RichText

    from bench.common import create_consultation, progress
    from civic.models import Organisation, User
    from consultations.models import (
        Comment,
        ConsultationPage,
        ProposalPage,
        Vote,
    )

    existing = ConsultationPage.objects.filter(slug=SLUG).first()
    if existing and ProposalPage.objects.child_of(existing).count() == PROPOSALS:
        return existing
    if existing:
        existing.delete()
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    page = create_consultation(SLUG, "Benchmark consultation", org, opens_days=-1, closes_days=30)
    proposals = []
    for i in range(PROPOSALS):
        proposals.append(
            page.add_child(
                instance=ProposalPage(
                    title=f"Proposal {i}",
                    slug=f"proposal-{i}",
                    problem="<p>Problem</p>",
                    proposed_change=[("paragraph", RichText("<p>Change</p>"))],
                )
            )
        )
        if (i + 1) % 25 == 0:
            progress(i + 1, PROPOSALS, "proposals")
    users = []
    for i in range(100):
        user, created = User.objects.get_or_create(
            username=f"bench{i}", defaults={"email": f"bench{i}@example.org", "display_name": f"Bench {i}"}
        )
        if created:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users.append(user)
    rows = [
        Comment(
            consultation=page,
            proposal=proposals[i % PROPOSALS] if i % 3 else None,
            author=users[i % 100],
            body=f"Benchmark comment {i} " * 5,
        )
        for i in range(COMMENTS)
    ]
    Comment.objects.bulk_create(rows, batch_size=500)
    progress(COMMENTS, COMMENTS, "comments")
    votes = [
        Vote(proposal=p, user=users[(j + k) % 100], choice="support" if k % 3 else "oppose")
        for j, p in enumerate(proposals)
        for k in range(10)
    ]
    Vote.objects.bulk_create(votes, batch_size=1000, ignore_conflicts=True)
    progress(len(votes), len(votes), "votes")
    return page


def main():
    from bench.common import report, setup_django, summarise, time_requests

    setup_django()
    from django.test import Client

    from civic.models import User

    page = build()
    client = Client()
    client.force_login(User.objects.get(username="bench0"))
    page_times, page_queries, status = time_requests(client, page.url, REQUESTS)
    assert status == 200, status
    floor_times, floor_queries, _ = time_requests(client, "/healthz", REQUESTS)
    print(f"{REQUESTS} sequential requests each, signed-in resident, PostgreSQL")
    _, page_p95 = summarise("consultation page", page_times, page_queries)
    _, floor_p95 = summarise("trivial view (/healthz)", floor_times, floor_queries)
    report("page p95, signed in", page_p95, "ms", target=150, floor=floor_p95, floor_of="/healthz p95")
    report("page queries", page_queries, target=25, floor=floor_queries, floor_of="/healthz")
