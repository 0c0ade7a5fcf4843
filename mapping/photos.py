"""Photos on reports: size and type limits, and a clean re-encode that drops EXIF (and so GPS)."""

import io
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


class PhotoError(ValueError):
    """A photo we refuse; the message is safe to show."""


def max_bytes() -> int:
    return getattr(settings, "REPORT_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def clean_photo(upload) -> ContentFile:
    """Check an uploaded file and return a re-encoded copy with no metadata."""
    limit = max_bytes()
    if upload.size > limit:
        raise PhotoError(f"The photo must be {limit // (1024 * 1024)} MB or smaller.")
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise PhotoError("The photo must be a JPEG, PNG or WebP image.") from None
    if kind not in ALLOWED_FORMATS:
        raise PhotoError("The photo must be a JPEG, PNG or WebP image.")
    if width * height > MAX_PIXELS:
        raise PhotoError("The photo is too large. Use a photo under 40 megapixels.")
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)  # keep the orientation, then drop all metadata
        if kind == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        clean = Image.new(image.mode, image.size)  # pixels only: no EXIF, XMP or text chunks
        clean.paste(image)
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        out = io.BytesIO()
        clean.save(out, format=kind)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[kind]}")
