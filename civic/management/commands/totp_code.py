"""Print the current two-factor code for a demo staff account, so the demo needs no phone."""

from argparse import ArgumentParser
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from civic.models import User


class Command(BaseCommand):
    help = "Show the current authenticator code for an account (development only)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("totp_code only runs with DEBUG on (development and demo).")
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No account with email {email}.")
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError(f"{email} has no authenticator set up.")
        import time

        from allauth.mfa import app_settings

        secret = decrypt(authenticator.data["secret"])
        code = hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD)
        self.stdout.write(f"{code:0{app_settings.TOTP_DIGITS}d}")
