"""Large 'download my data' exports: built by a background task into private storage (never under
MEDIA_ROOT) and emailed as a signed link that opens once, for its owner, until it expires.

Small exports stay immediate (civic.views.download_my_data); the person's limit counts every
request either way (civic.personal_data.count_request), before anything is queued. Retention
deletes used, expired and abandoned files (registered in civic.retention); erasing the account
deletes the person's files at once."""

import json
import logging
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.core import signing
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import brand, emails, personal_data
from .links import absolute
from .models import PersonalDataExport, User

log = logging.getLogger(__name__)
STORAGE = "personal_data_exports"
SALT = "civic.personal-data-export"
Status = PersonalDataExport.Status


def storage() -> Storage:
    return storages[STORAGE]


def link_lifetime() -> timedelta:
    return timedelta(hours=settings.PERSONAL_DATA_EXPORT_LINK_HOURS)


def is_large(user: User) -> bool:
    """More items than PERSONAL_DATA_EXPORT_INLINE_MAX_ITEMS: built in the background, not while the
    person waits."""
    return personal_data.size(user) > settings.PERSONAL_DATA_EXPORT_INLINE_MAX_ITEMS


def queue_export(user: User) -> PersonalDataExport:
    """Queue the background build (after the request was counted), or return the one already being
    prepared, so pressing the button twice builds one file."""
    with transaction.atomic():
        pending = PersonalDataExport.objects.filter(
            user=user, status=Status.QUEUED, requested_at__gte=timezone.now() - link_lifetime()
        ).first()
        if pending is not None:
            return pending
        export = PersonalDataExport.objects.create(user=user)
        export_id = str(export.pk)
        transaction.on_commit(lambda: _enqueue(export_id))
    return export


def _enqueue(export_id: str) -> None:
    from .tasks import build_personal_data_export  # the task module imports this one

    try:
        build_personal_data_export.enqueue(export_id)
    except Exception:  # noqa: BLE001 - the request was answered; the person may ask again
        log.warning("data export: could not queue %s", export_id, exc_info=True)
        PersonalDataExport.objects.filter(pk=export_id, status=Status.QUEUED).update(status=Status.FAILED)


def token_for(export: PersonalDataExport) -> str:
    """The signed value in the emailed link (its age is checked when it comes back)."""
    return signing.TimestampSigner(salt=SALT).sign(str(export.pk))


def build(export_id: str) -> bool:
    """Build the zip (JSON + readable page) into private storage, then email the link; False when
    the request is gone (account erased) or was already built."""
    export = (
        PersonalDataExport.objects.select_related("user").filter(pk=export_id, status=Status.QUEUED).first()
    )
    if export is None:
        return False
    user = export.user
    data = personal_data.collect(user)
    page = render_to_string(
        "civic/personal_data.html", {"export": data, "sections": personal_data.readable_sections(data)}
    )
    stamp = timezone.localdate().isoformat()
    with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"my-data-{stamp}.json", json.dumps(data, indent=2, ensure_ascii=False))
            archive.writestr(f"my-data-{stamp}.html", page)
        buffer.seek(0)
        name = storage().save(f"{export.pk}.zip", File(buffer))
    now = timezone.now()
    ready = PersonalDataExport.objects.filter(pk=export.pk, status=Status.QUEUED).update(
        status=Status.READY, file_name=name, ready_at=now, expires_at=now + link_lifetime()
    )
    if not ready:  # erased (or built by another worker) meanwhile: keep no copy
        storage().delete(name)
        return False
    export.refresh_from_db()
    with emails.in_language(export.user):
        _send_link(export)
    return True


def _send_link(export: PersonalDataExport) -> None:
    user = export.user
    if not user.email:
        return
    expires = timezone.localtime(export.expires_at)
    context = {
        "name": user.public_name,
        "site_name": brand.for_default_site().site_name,
        "url": absolute(reverse("personal_data_export", args=[token_for(export)])),
        "profile_url": absolute(f"{reverse('profile')}#your-data-heading"),
        "hours": settings.PERSONAL_DATA_EXPORT_LINK_HOURS,
        "expires": formats.date_format(expires, "j F Y, H:i"),
    }
    body = render_to_string("civic/email/personal_data_ready.txt", context)
    emails.build(_("Your data is ready to download"), body, [user.email]).send()


@dataclass
class LinkRefused(Exception):
    """An emailed export link that cannot be used; the message says why and what to do."""

    code: str  # invalid, other_account, gone, expired, used
    status: int
    title: "str | Promise"
    message: "str | Promise"


INVALID = LinkRefused(
    "invalid",
    404,
    gettext_lazy("This link does not work"),
    gettext_lazy(
        "The link is not complete or has been changed. Copy the whole link from the email, or ask for "
        "your data again from your account page."
    ),
)
GONE = LinkRefused(
    "gone",
    410,
    gettext_lazy("This file has been deleted"),
    gettext_lazy(
        "Files are deleted once they have been downloaded or the link has expired. Ask for your data "
        "again from your account page."
    ),
)
EXPIRED = LinkRefused(
    "expired",
    410,
    gettext_lazy("This link has expired"),
    gettext_lazy(
        "For your security, download links work for a limited time. Ask for your data again from your "
        "account page and we will email you a new link."
    ),
)
USED = LinkRefused(
    "used",
    410,
    gettext_lazy("This link has already been used"),
    gettext_lazy(
        "Each download link works once, so that a forwarded or leaked email cannot be used to get your "
        "data. Ask for your data again from your account page."
    ),
)
OTHER_ACCOUNT = LinkRefused(
    "other_account",
    403,
    gettext_lazy("This link is for a different account"),
    gettext_lazy("Sign out, then sign in with the account that asked for the data and open the link again."),
)


def export_id_from(token: str) -> str:
    """The export a link names, if its signature is genuine (its age is checked later)."""
    try:
        return str(UUID(signing.TimestampSigner(salt=SALT).unsign(token)))
    except (signing.BadSignature, ValueError):
        raise INVALID from None


def open_export(token: str, user: User) -> tuple[PersonalDataExport, File[bytes]]:
    """The file an emailed link opens, for its owner only, once, before it expires.

    Checked in this order: signature, owner, age, used; the link is marked used as the file opens."""
    export_id = export_id_from(token)
    export = PersonalDataExport.objects.filter(pk=export_id).first()
    if export is None or export.status != Status.READY:
        raise GONE
    if export.user_id != user.pk:
        raise OTHER_ACCOUNT
    try:
        signing.TimestampSigner(salt=SALT).unsign(token, max_age=link_lifetime())
    except signing.SignatureExpired:
        raise EXPIRED from None
    if export.expires_at is None or export.expires_at <= timezone.now():
        raise EXPIRED
    if export.downloaded_at is not None:
        raise USED
    try:
        handle = storage().open(export.file_name, "rb")
    except FileNotFoundError:
        raise GONE from None
    # Two clicks at once: only one marks it used and gets the file.
    claimed = PersonalDataExport.objects.filter(pk=export.pk, downloaded_at__isnull=True).update(
        downloaded_at=timezone.now()
    )
    if not claimed:
        handle.close()
        raise USED
    return export, handle


def finished(now: datetime) -> "Q":
    """Exports to delete: downloaded, expired, or never built within the link's lifetime."""
    return (
        Q(downloaded_at__isnull=False)
        | Q(expires_at__lt=now)
        | Q(status__in=[Status.QUEUED, Status.FAILED], requested_at__lt=now - link_lifetime())
    )


def _delete_files(names: list[str]) -> None:
    for name in names:
        if name:
            try:
                storage().delete(name)
            except OSError:
                log.warning("data export: could not delete %s", name, exc_info=True)


def remove_finished(now: datetime, dry_run: bool) -> int:
    """Retention: delete the files and rows of finished exports."""
    due = PersonalDataExport.objects.filter(finished(now))
    if dry_run:
        return due.count()
    rows = list(due.values_list("pk", "file_name"))
    _delete_files([name for _pk, name in rows])
    PersonalDataExport.objects.filter(pk__in=[pk for pk, _name in rows]).delete()
    return len(rows)


def erase(user: User) -> None:
    """Erasure: the person's export files go with the account (after commit; the rows cascade)."""
    names = list(PersonalDataExport.objects.filter(user=user).values_list("file_name", flat=True))
    PersonalDataExport.objects.filter(user=user).delete()
    if names:
        transaction.on_commit(lambda: _delete_files(names))
