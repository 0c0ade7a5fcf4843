"""Carry out an erasure request a resident made on paper, by phone or by email, as an administrator."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from civic import services
from civic.commands import OfficerCommand
from civic.errors import CivicError
from civic.models import User


def _account(email: str, administrator: bool = False) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        message = (
            _("No administrator account with email %(email)s.")
            if administrator
            else _("No account with email %(email)s.")
        )
        raise CommandError(message % {"email": email})
    return user


class Command(OfficerCommand):
    help = "Erase a resident's account (staff: deactivate) on their behalf; logged with the administrator."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email", help="The account to erase.")
        parser.add_argument("--administrator", required=True, help="Email of the administrator acting.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, email: str, administrator: str, yes: bool, **options: Any) -> None:
        account = _account(email)
        admin = _account(administrator, administrator=True)
        if not admin.is_superuser:
            raise CommandError(_("%(email)s is not an administrator.") % {"email": administrator})
        if not yes:
            answer = input(
                _("Erase the account %(email)s (%(name)s)? This cannot be undone. [y/N] ")
                % {"email": account.email, "name": account.public_name}
            )
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError(_("Nothing was changed."))
        try:
            outcome = services.erase_account(actor=admin, user=account, via="command")
        except CivicError as exc:
            raise CommandError(exc.message) from exc
        done = _("Account deactivated.") if outcome == "deactivated" else _("Account erased.")
        self.stdout.write(self.style.SUCCESS(done))
