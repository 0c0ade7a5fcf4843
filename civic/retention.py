"""What Civic keeps for a limited time, removed on schedule by `manage.py apply_retention`.

The core knows accounts; each feature registers a step for what it keeps (assisted-digital
names and postcodes, stored live events...) from its AppConfig.ready(), so the core imports none.
A step is `(now, dry_run) -> count`: with dry_run it only counts what is due, otherwise it removes
exactly that (in its own transaction) and returns how many went. Each step's period is a setting
the privacy notice quotes."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from . import data_exports
from .models import User
from .permissions import is_deactivated_not_erased
from .services import remove_unverified_account

Step = Callable[[datetime, bool], int]


@dataclass(frozen=True)
class Registered:
    name: str
    title: str  # what the command's progress output calls it
    step: Step


_steps: dict[str, Registered] = {}


def register(name: str, step: Step, *, title: str) -> None:
    """Add a kind of data kept for a limited time (once per name, however often ready() runs)."""
    _steps[name] = Registered(name=name, title=title, step=step)


def steps() -> list[Registered]:
    return list(_steps.values())


def unverified_accounts(now: datetime) -> QuerySet[User]:
    """Accounts that never confirmed an email within UNVERIFIED_ACCOUNT_RETENTION_DAYS of joining;
    never staff, councillors or administrators (their accounts are only ever deactivated)."""
    cutoff = now - timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    candidates = (
        User.objects.filter(date_joined__lt=cutoff, is_staff=False, is_superuser=False)
        .exclude(Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)))
        .prefetch_related("groups")
        .order_by("pk")
    )
    ids = [user.pk for user in candidates if not is_deactivated_not_erased(user)]
    return User.objects.filter(pk__in=ids).order_by("pk")


def remove_unverified_accounts(now: datetime, dry_run: bool) -> int:
    """Erase each unverified account past its period, through the one erasure path."""
    due = list(unverified_accounts(now))
    if dry_run:
        return len(due)
    return sum(1 for user in due if remove_unverified_account(user, now=now))


def register_core() -> None:
    """The core's own step (CivicConfig.ready runs before the features')."""
    register("unverified_accounts", remove_unverified_accounts, title="Unverified accounts")
    register(
        "personal_data_exports", data_exports.remove_finished, title="Downloaded or expired data exports"
    )
