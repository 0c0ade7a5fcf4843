"""Per-organisation API tokens: scoped, stored hashed, shown once, revocable, with their last use."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "civic_"

# Scopes: what a token may do, per resource. A request with a token needs the scope of what it touches.
SCOPES = [
    ("consultations:read", "Read consultations, proposals, official responses and summaries"),
    ("comments:read", "Read published comments"),
    ("comments:write", "Post comments (as the token's account)"),
    ("votes:write", "Vote on proposals (as the token's account)"),
    ("reports:read", "Read issue reports, their history, categories and wards"),
    ("reports:write", "Report problems (as the token's account)"),
    ("reports:manage", "Change report status (officers of the responsible organisation)"),
    ("moderation:read", "Read the moderation queue (moderators and officers)"),
    ("moderation:write", "Decide on contributions in the moderation queue"),
]
SCOPE_NAMES = [name for name, _label in SCOPES]
WRITE_SCOPES = {name for name in SCOPE_NAMES if not name.endswith(":read")}


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A secret an organisation's system sends as `Authorization: Bearer <token>`; only its hash is kept.

    Writes are made as `user`, with that account's permissions, rate limits and two-factor rule."""

    organisation = models.ForeignKey(
        "civic.Organisation", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What uses this token, e.g. 'CRM integration'.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="organisation_api_tokens",  # Wagtail's own per-user APIToken has "api_tokens"
        help_text="The account the token acts as for writes; leave empty for a read-only token.",
    )
    scopes = models.JSONField(default=list, blank=True)
    prefix = models.CharField(
        max_length=16, editable=False, help_text="The first characters, to recognise it."
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @classmethod
    def issue(cls, *, organisation, name: str, scopes, user=None, created_by=None) -> tuple["ApiToken", str]:
        """Create a token and return it with the raw secret, which is shown once and never stored."""
        raw = PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisation=organisation,
            name=name,
            user=user,
            scopes=sorted(set(scopes) & set(SCOPE_NAMES)),
            prefix=raw[: len(PREFIX) + 6],
            key_hash=hash_token(raw),
            created_by=created_by,
        )
        return token, raw

    @classmethod
    def lookup(cls, raw: str) -> "ApiToken | None":
        """The active token with this secret, or None (also for revoked ones)."""
        if not raw or len(raw) > 200:
            return None
        return (
            cls.objects.active()
            .select_related("organisation", "user")
            .filter(key_hash=hash_token(raw))
            .first()
        )

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
