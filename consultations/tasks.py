"""Background work for moderation: emails go through Django's Tasks API, never inline."""

from django.conf import settings
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic import brand, emails, roles
from civic.links import absolute
from civic.models import User

OUTCOMES = {  # what a moderator's decision means for the author, in plain words
    "approve": gettext_lazy("It is published: everyone can read it on the consultation page."),
    "hide": gettext_lazy("It is hidden: it no longer shows on the consultation page, but it still counts."),
    "remove": gettext_lazy("It has been removed from the consultation."),
}


@task()
def notify_authors_of_decision(comment_ids: list[int], decision: str, reason: str, note: str) -> int:
    """Tell each author what happened to their contribution and why."""
    from .models import Comment, ModerationReason

    sent = 0
    comments = Comment.objects.filter(pk__in=comment_ids, author__isnull=False).select_related(
        "author", "consultation"
    )
    council = brand.for_default_site()
    for comment in comments:
        if not comment.author.email:
            continue
        with emails.in_language(comment.author):
            context = {
                "comment": comment,
                "outcome": OUTCOMES.get(decision, ""),
                "reason": ModerationReason(reason).label if reason else "",
                "note": note,
                "site_name": council.site_name,
                "consultation_url": absolute(comment.consultation.url or "/"),
            }
            body = render_to_string("consultations/email/decision.txt", context)
            emails.build(
                _("Your comment on %(title)s") % {"title": comment.consultation.title},
                body,
                [comment.author.email],
            ).send()
        sent += 1
    return sent


def _moderators_to_email():
    """Active moderators with an email address: who the digest and the SLA alerts go to."""
    return User.objects.filter(is_active=True, groups__name=roles.MODERATOR).exclude(email="").distinct()


@task()
def send_moderation_digest() -> int:
    """Each moderator gets the size of their queue, and what is past the SLA target."""
    from .moderation import overdue, queue_for

    sent = 0
    council = brand.for_default_site()
    moderators = _moderators_to_email()
    for moderator in moderators:
        queue = queue_for(moderator)
        waiting = queue.count()
        if not waiting:
            continue
        with emails.in_language(moderator):
            late = overdue(queue).count()
            body = render_to_string(
                "consultations/email/digest.txt",
                {
                    "moderator": moderator,
                    "waiting": waiting,
                    "late": late,
                    "sla_hours": settings.MODERATION_SLA_HOURS,
                    "queue_url": absolute(reverse("civic_moderation_queue")),
                    "site_name": council.site_name,
                },
            )
            subject = _("%(count)s contribution(s) waiting for moderation") % {"count": waiting}
            if late:
                subject += _(", %(late)s past the %(hours)s-hour target") % {
                    "late": late,
                    "hours": settings.MODERATION_SLA_HOURS,
                }
            emails.build(subject, body, [moderator.email]).send()
        sent += 1
    return sent


@task()
def send_sla_alerts() -> int:
    """Alert moderators once about each contribution that has just passed the SLA target."""
    from django.utils import timezone

    from .models import Comment
    from .moderation import overdue
    from .permissions import moderated_consultations

    late = list(
        overdue(Comment.objects.filter(needs_review=True, sla_alerted=False)).select_related("consultation")
    )
    if not late:
        return 0
    sent = 0
    council = brand.for_default_site()
    for moderator in _moderators_to_email():
        allowed = set(moderated_consultations(moderator).values_list("pk", flat=True))
        mine = [c for c in late if c.consultation_id in allowed]
        if not mine:
            continue
        with emails.in_language(moderator):
            lines = "\n".join(
                "- "
                + _("%(title)s: waiting since %(when)s")
                % {
                    "title": c.consultation.title,
                    "when": date_format(timezone.localtime(c.queued_at), "j M H:i"),
                }
                for c in mine[:50]
            )
            body = "\n\n".join(
                [
                    _("Hello %(name)s,") % {"name": moderator.public_name},
                    _("These contributions have waited more than %(hours)s hours:")
                    % {"hours": settings.MODERATION_SLA_HOURS},
                    lines,
                    _("Moderation queue: %(url)s") % {"url": absolute(reverse("civic_moderation_queue"))},
                    f"{council.site_name}\n",
                ]
            )
            emails.build(
                _("%(count)s contribution(s) past the moderation target") % {"count": len(mine)},
                body,
                [moderator.email],
            ).send()
        sent += 1
    Comment.objects.filter(pk__in=[c.pk for c in late]).update(sla_alerted=True)
    return sent


@task()
def announce_new_consultation_task(page_id: int) -> int:
    """Tell residents who opted in that a consultation in their ward or on their topics is out."""
    from .models import ConsultationPage
    from .notifications import consultation_published

    page = ConsultationPage.objects.filter(pk=page_id).first()
    return consultation_published(page) if page is not None else 0
