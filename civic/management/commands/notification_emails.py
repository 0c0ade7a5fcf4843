"""Cron entry point for notification emails: daily and weekly digests, and immediate ones left waiting."""

from typing import Any

from django.utils.translation import gettext as _

from civic import notifications
from civic.commands import OfficerCommand


class Command(OfficerCommand):
    help = (
        "Queue notification emails: --digest daily (every day) or --digest weekly (every week) sends "
        "each person one summary; --pending re-queues immediate emails a failed task left unsent."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--digest", choices=["daily", "weekly"])
        parser.add_argument("--pending", action="store_true")
        parser.add_argument(
            "--older-than", type=int, default=10, help="Minutes an email may wait (--pending)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["digest"]:
            notifications.send_digest.enqueue(options["digest"])
            self.stdout.write(_("Queued the %(digest)s digest.") % {"digest": options["digest"]})
        if options["pending"]:
            keys = notifications.pending_email_keys(options["older_than"])
            for key in keys:
                notifications.send_notification_emails.enqueue(key)
            self.stdout.write(_("Queued %(count)s event(s) with emails waiting.") % {"count": len(keys)})
        if not options["digest"] and not options["pending"]:
            self.stderr.write(_("Nothing to do: give --digest daily|weekly and/or --pending."))
