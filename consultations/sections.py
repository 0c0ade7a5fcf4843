"""What consultations add to the core's pages (registered with civic.sections in apps.py)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from civic import bilingual
from civic.models import ParticipantProfile, User
from civic.pages import public_pages

from .models import AlertTopic, ConsultationPage, Follow, ModerationDecision, Topic

FOLLOWS_SHOWN = 50


def home_page_context(request: HttpRequest) -> dict[str, Any]:
    """The front page lists open consultations first, then upcoming ones and recent results."""
    from .views import cache_until_next_change

    cache_until_next_change(request)
    live = public_pages(ConsultationPage.objects.canonical()).select_related("lead_organisation")
    locale_id = bilingual.locale_id_for()  # each consultation once, in the reader's language

    def shown(pages):
        return SimpleLazyObject(lambda: bilingual.localize(list(pages), locale_id))

    return {
        "open_consultations": shown(live.open().order_by("closes_at")[:12]),
        "recent_results": shown(live.closed().filter(results_published=True).order_by("-closes_at")[:6]),
        "upcoming_consultations": shown(live.upcoming().order_by("opens_at")[:6]),
    }


def profile_context(request: HttpRequest) -> dict[str, Any]:
    """A resident sees the moderators' decisions on their own comments on their account page."""
    if not isinstance(request.user, User):  # the account page is for signed-in accounts only
        return {}
    decisions = (
        ModerationDecision.objects.filter(comment__author=request.user)
        .select_related("consultation", "comment")
        .only("decision", "reason", "note", "created_at", "consultation__title", "comment__body")
        .order_by("-created_at")[:20]
    )
    followed_ids = Follow.objects.filter(user=request.user).values("page_id")
    followed = list(
        public_pages(Page.objects.filter(pk__in=followed_ids))
        .only("id", "title", "url_path", "path", "depth")
        .order_by("title")[:FOLLOWS_SHOWN]
    )
    for page in followed:
        page.unfollow_action = reverse("consultations:follow", args=[page.pk])
    chosen = set(AlertTopic.objects.filter(user=request.user).values_list("topic_id", flat=True))
    topics = [
        {"pk": pk, "name": name, "chosen": pk in chosen}
        for pk, name in Topic.objects.values_list("pk", "name")
    ]
    ward = (
        ParticipantProfile.objects.filter(user=request.user, consented_at__isnull=False, ward__isnull=False)
        .values_list("ward__name", flat=True)
        .first()
    )
    return {
        "decisions": decisions,
        "followed_pages": followed,
        "alert_topics": topics,
        "alert_topics_action": reverse("consultations:alert_topics"),
        "alert_ward": ward,
    }
