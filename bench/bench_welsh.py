"""The bilingual consultation page over HTTP with the page cache off (a full render each time):
median time in Welsh within 10% of English (target Welsh <= 1.10 x English)."""

import os
import statistics

from bench.common import report

SLUG = "bench-welsh"
PROPOSALS = 5  # like the demo's bilingual consultation: 5 proposals, about 100 comments
COMMENTS = 100
VOTERS = 40
REQUESTS = int(os.environ.get("BENCH_WELSH_REQUESTS", "60"))  # per language
TARGET_RATIO = 1.10


def build():
    """A consultation with proposals, comments and votes, and its Welsh translation (reused)."""
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from bench.common import create_consultation
    from civic.models import Organisation, User
    from consultations.models import Comment, ConsultationPage, ProposalPage, Vote

    cy = Locale.objects.get(language_code="cy")
    existing = ConsultationPage.objects.filter(slug=SLUG, locale=Locale.get_default()).first()
    parent = existing and existing.get_parent().get_translation_or_none(cy)
    if (
        parent
        and parent.alias_of_id is None
        and existing.get_translation_or_none(cy)
        and existing.comments.count() == COMMENTS
    ):
        return existing, existing.get_translation(cy)
    if existing:
        for translation in existing.get_translations():
            translation.delete()
        existing.delete()
    org, _ = Organisation.objects.get_or_create(slug="bench-org", defaults={"name": "Bench Council"})
    page = create_consultation(SLUG, "Library opening hours", org, opens_days=-1, closes_days=30)
    proposals = [
        page.add_child(
            instance=ProposalPage(
                title=f"Proposal {i}",
                slug=f"proposal-{i}",
                problem="<p>The library closes before people finish work.</p>",
                proposed_change=[
                    ("paragraph", RichText("<p>Open until eight on weekdays.</p>")),
                    ("paragraph", RichText("<p>Keep the study rooms open too.</p>")),
                ],
            )
        )
        for i in range(PROPOSALS)
    ]
    users = [
        User.objects.get_or_create(
            username=f"bench-cy{i}",
            defaults={"email": f"bench-cy{i}@example.org", "display_name": f"Reader {i}"},
        )[0]
        for i in range(VOTERS)
    ]
    Comment.objects.bulk_create(
        Comment(
            consultation=page,
            proposal=proposals[i % PROPOSALS] if i % 4 else None,
            author=users[i % VOTERS],
            body=f"Sylw {i}: byddai oriau hwyrach yn gadael i mi ddefnyddio'r ystafelloedd astudio. " * 2,
        )
        for i in range(COMMENTS)
    )
    Vote.objects.bulk_create(
        (
            Vote(proposal=p, user=u, choice="support" if (j + k) % 3 else "oppose")
            for j, p in enumerate(proposals)
            for k, u in enumerate(users)
        ),
        ignore_conflicts=True,
    )
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():  # translated, not aliases
        translate(ancestor, cy)
    welsh = translate(page, cy, title="Oriau agor y llyfrgell")
    for i, proposal in enumerate(proposals):
        translate(proposal, cy, title=f"Cynnig {i}")
    return page, welsh


def translate(page, locale, **fields):
    """A published translation, its parents translated first, as an officer's would be."""
    found = page.get_translation_or_none(locale)
    welsh = (found or page.copy_for_translation(locale, copy_parents=True)).specific
    if welsh.alias_of_id:  # a parent made as an alias by an earlier run: now a translation of its own
        welsh.alias_of_id = None
        welsh.save(update_fields=["alias_of"])
    for name, value in fields.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    return welsh


def main():
    from bench.bench_page_cache import Reader
    from bench.common import setup_django

    setup_django()
    from tests.support.servers import Daphne, server_env

    english, welsh = build()
    paths = {"English": english.url, "Welsh": welsh.url}
    print(f"pages {paths['English']} and {paths['Welsh']}: {PROPOSALS} proposals, {COMMENTS} comments")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} (1 min)", flush=True)
    env = server_env(
        os.environ["DATABASE_URL"],
        None,
        DJANGO_SETTINGS_MODULE="project.settings.bench",
        LOG_LEVEL="WARNING",
        PAGE_CACHE_SECONDS=0,  # every request renders the page in full
    )
    server = Daphne(env).start()
    timings: dict[str, list[float]] = {"English": [], "Welsh": []}
    try:
        reader = Reader(server.port)
        for path in paths.values():
            for _ in range(3):  # warm: templates, catalogues, connections
                status, _ms, _verdict = reader.get(path)
                assert status == 200, (path, status)
        for _ in range(REQUESTS):  # interleaved, so load on the machine falls on both alike
            for language, path in paths.items():
                status, ms, _verdict = reader.get(path)
                assert status == 200, (path, status)
                timings[language].append(ms)
        reader.close()
    finally:
        server.stop()
    medians = {language: statistics.median(found) for language, found in timings.items()}
    ratio = medians["Welsh"] / medians["English"]
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(
        f"median English {medians['English']:.1f} ms, Welsh {medians['Welsh']:.1f} ms: Welsh / English "
        f"{ratio:.2f} (target <= {TARGET_RATIO:.2f}): {verdict}",
        flush=True,
    )
    report("consultation page median, English (page cache off)", medians["English"], "ms")
    report("consultation page median, Welsh (page cache off)", medians["Welsh"], "ms")
    report("Welsh / English render time", ratio, "x", target=TARGET_RATIO)
