"""Who hears about what happens in consultations: the services call these inside their transactions.

Notifications about comments copy neither the words nor the writer's name: they link to the
comment, whose page checks who may see it, so a comment hidden, removed or erased later leaves
nothing behind in anyone's notifications or inbox."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from civic import bilingual, notifications
from civic.models import Area, NotificationKind, ParticipantProfile
from civic.pages import is_public, public_pages

from . import permissions
from .models import AlertTopic, Comment, ConsultationPage, Follow, ProposalPage, State

EXCERPT = 300


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _link(comment: Comment) -> str:
    """The comment on the right page of comments (the link checks who may see it)."""
    return reverse("consultations:summaries:comment_link", args=[comment.pk])


class InReaderLanguage:
    """A page as each recipient's language has it (notify() calls the words once per language): its
    live translation's title and address where there is one, else the page's own; one lookup per language."""

    def __init__(self, page):
        self.page = page
        self._found: dict[str, object] = {}

    def shown(self):
        language = translation.get_language() or ""
        if language not in self._found:
            self._found[language] = bilingual.in_language(self.page)
        return self._found[language]

    @property
    def title(self) -> str:
        return self.shown().title

    @property
    def url(self) -> str:
        return self.shown().url or "/"


def reply_published(reply: Comment) -> int:
    """A published reply tells the author of the comment it answers (never themselves)."""
    if reply.parent_id is None or reply.status != Comment.Status.PUBLISHED:
        return 0
    parent_author = Comment.objects.filter(pk=reply.parent_id).values_list("author_id", flat=True).first()
    if parent_author is None:
        return 0
    page = InReaderLanguage(reply.consultation)
    return notifications.notify(
        [parent_author],
        NotificationKind.REPLY,
        title=lambda: _("New reply to your comment on %(title)s") % {"title": page.title},
        url=lambda: _link(reply),
        dedupe_key=f"reply:{reply.pk}",
        actor=reply.author_id,
    )


def thread_participants(top: Comment) -> set[int]:
    """Everyone who wrote in a thread (the first comment and its replies), except removed comments."""
    return set(
        Comment.objects.filter(Q(pk=top.pk) | Q(parent_id=top.pk), author__isnull=False)
        .exclude(status=Comment.Status.REMOVED)
        .values_list("author_id", flat=True)
    )


def official_response_posted(response: Comment) -> int:
    """An official reply in a thread tells everyone who took part in it."""
    if response.parent_id is None:
        return 0
    top = Comment(pk=response.parent_id)
    organisation = response.organisation.name if response.organisation else None
    page = InReaderLanguage(response.consultation)
    return notifications.notify(
        thread_participants(top),
        NotificationKind.OFFICIAL_RESPONSE,
        title=lambda: (
            _("%(organisation)s responded in a conversation on %(title)s")
            % {"organisation": organisation or _("The organisers"), "title": page.title}
        ),
        url=lambda: _link(response),
        dedupe_key=f"official_response:{response.pk}",
        actor=response.author_id,
    )


def followers_of(page_ids: list[int]) -> set[int]:
    return set(Follow.objects.filter(page_id__in=page_ids).values_list("user_id", flat=True))


def responses_url(consultation) -> str:
    """Where "you said, we did" is read: the consultation page, which anyone who may see the page
    can open (the summary stays closed to residents until results are published)."""
    return f"{consultation.url or '/'}#responses"


def response_published(response, *, already_emailed: set[int]) -> int:
    """A "you said, we did" response tells the followers of what it answers.

    Whole-consultation and theme responses reach followers of the consultation and of its
    proposals; a proposal's response reaches followers of that proposal and of the consultation.
    `already_emailed` (people the response's own email reaches) see it on their account page only."""
    consultation = response.consultation
    if not permissions.is_published(consultation):
        return 0
    if response.proposal_id:
        pages = [consultation.pk, response.proposal_id]
    else:
        pages = [consultation.pk, *ProposalPage.objects.child_of(consultation).values_list("pk", flat=True)]
    page = InReaderLanguage(consultation)
    return notifications.notify(
        followers_of(pages),
        NotificationKind.RESULTS,
        title=lambda: _("You said, we did: %(title)s") % {"title": page.title},
        body=lambda: _excerpt(
            _("You said: %(you_said)s\n\nWe did: %(we_did)s")
            % {"you_said": response.you_said, "we_did": response.we_did}
        ),
        url=lambda: responses_url(page),
        dedupe_key=f"you_said_we_did:{response.pk}",
        actor=response.created_by_id,
        email_skip=already_emailed,
    )


def results_published(consultation) -> int:
    """Ticking "results published" on a live consultation tells its followers, once."""
    if not consultation.results_published or not permissions.is_published(consultation):
        return 0
    page = InReaderLanguage(consultation)
    return notifications.notify(
        followers_of([consultation.pk]),
        NotificationKind.RESULTS,
        title=lambda: _("Results published: %(title)s") % {"title": page.title},
        body=lambda: _(
            "The organisers have published the results of this consultation and what they will do."
        ),
        url=lambda: page.url,
        dedupe_key=f"results:{consultation.pk}",
    )


# Dates of consultations people follow (cron: manage.py consultation_notifications) ----------------


def _when(moment: datetime) -> str:
    return dateformat.format(timezone.localtime(moment), "j F Y, g:i a")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M")


def _followers_of_consultation(consultation) -> set[int]:
    """Followers of the consultation and of any of its proposals: they follow part of it."""
    proposals = ProposalPage.objects.child_of(consultation).values_list("pk", flat=True)
    return followers_of([consultation.pk, *proposals])


def _tell_followers(
    consultation, *, title: Callable[[str], str], body: Callable[[Any], str], dedupe_key: str
) -> int:
    """title(page title) and body(page) are called in each follower's language (see notify())."""
    page = InReaderLanguage(consultation)
    with transaction.atomic():
        return notifications.notify(
            _followers_of_consultation(consultation),
            NotificationKind.CONSULTATION_DATES,
            title=lambda: title(page.title),
            body=lambda: body(consultation),
            url=lambda: page.url,
            dedupe_key=dedupe_key,
        )


def consultation_dates(*, closing_soon_days: int, within: timedelta, now: datetime | None = None) -> dict:
    """Tell followers of public consultations that opened, will close within `closing_soon_days`
    days, or closed, in the last `within`. Safe to run as often as cron likes: each event's
    dedupe key (with its date, so moved dates are news again) makes a second run add nothing."""
    now = now or timezone.now()
    since = now - within
    public = public_pages(ConsultationPage.objects.all())
    soon = timedelta(days=closing_soon_days)
    counts = {"opened": 0, "closing_soon": 0, "closed": 0}
    for page in public.filter(opens_at__gt=since, opens_at__lte=now, closes_at__gt=now):
        counts["opened"] += _tell_followers(
            page,
            title=lambda title: _("Now open: %(title)s") % {"title": title},
            body=lambda page: _("Have your say until %(date)s.") % {"date": _when(page.closes_at)},
            dedupe_key=f"opened:{page.pk}:{_stamp(page.opens_at)}",
        )
    # A consultation shorter than the reminder period was announced with its closing date already.
    for page in public.filter(opens_at__lte=now, closes_at__gt=now, closes_at__lte=now + soon):
        if page.closes_at - page.opens_at <= soon:
            continue
        counts["closing_soon"] += _tell_followers(
            page,
            title=lambda title: _("Closing soon: %(title)s") % {"title": title},
            body=lambda page: (
                _("Responses close on %(date)s. Have your say before then.") % {"date": _when(page.closes_at)}
            ),
            dedupe_key=f"closing_soon:{page.pk}:{_stamp(page.closes_at)}",
        )
    for page in public.filter(closes_at__gt=since, closes_at__lte=now):
        counts["closed"] += _tell_followers(
            page,
            title=lambda title: _("Closed: %(title)s") % {"title": title},
            body=lambda page: _(
                "Thank you to everyone who took part. We will tell you when the results are published."
            ),
            dedupe_key=f"closed:{page.pk}:{_stamp(page.closes_at)}",
        )
    return counts


# New consultations in a resident's ward or on their topics (opt-in) -------------------------------


def wards_of(consultation) -> set[int]:
    """The wards a consultation is about: those an officer chose and those its located proposals are in."""
    found = set(consultation.wards.values_list("pk", flat=True))
    located = list(
        public_pages(ProposalPage.objects.child_of(consultation))
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values_list("latitude", "longitude")
    )
    if located:
        for ward in Area.objects.wards():
            if any(ward.contains(float(lat), float(lon)) for lat, lon in located):
                found.add(ward.pk)
    return found


def consultation_published(consultation) -> int:
    """A newly published public consultation tells the residents who asked to hear of new ones in
    their ward (from the details they chose to share) or on one of their topics; once per person."""
    if not is_public(consultation) or consultation.state_at() == State.CLOSED:
        return 0
    wanted = notifications.opted_in(NotificationKind.NEW_CONSULTATION).values("user_id")
    people: set[int] = set()
    wards = wards_of(consultation)
    if wards:
        people.update(
            ParticipantProfile.objects.filter(
                ward_id__in=wards, consented_at__isnull=False, user_id__in=wanted
            ).values_list("user_id", flat=True)
        )
    topics = list(consultation.topics.values_list("pk", flat=True))
    if topics:
        by_topic = AlertTopic.objects.filter(topic_id__in=topics, user_id__in=wanted)
        people.update(by_topic.values_list("user_id", flat=True))
    page = InReaderLanguage(consultation)

    def body() -> str:
        opens = (
            _("Open now")
            if consultation.state_at() == State.OPEN
            else _("Opens %(date)s") % {"date": _when(consultation.opens_at)}
        )
        return _excerpt(
            _("%(opens)s, closes %(date)s. %(summary)s")
            % {"opens": opens, "date": _when(consultation.closes_at), "summary": page.shown().summary}
        )

    with transaction.atomic():
        return notifications.notify(
            people,
            NotificationKind.NEW_CONSULTATION,
            title=lambda: _("New consultation: %(title)s") % {"title": page.title},
            body=body,
            url=lambda: page.url,
            dedupe_key=f"new_consultation:{consultation.pk}",
        )
