"""Photos on reports: size and type limits, and a clean re-encode that drops EXIF (and so GPS).

Memory is the constraint: a 5 MB file can declare a billion pixels. Dimensions come from the
header before any pixel is decoded; JPEGs decode at a reduced scale; the pixel budget keeps one
decode well under 100 MB, and the memory is handed back to the system afterwards.
"""

import ctypes
import ctypes.util
import io
import uuid
import warnings

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, PngImagePlugin, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000  # as declared in the header; JPEGs decode at 1/2 to 1/8 of this
MAX_DECODED_PIXELS = 8_000_000  # pixels actually decoded (PNG and WebP in full): 32 MB at 4 bytes each
MAX_SIDE = 2048  # longest side kept: plenty to see a pothole, a fraction of the bytes
MAX_ASPECT = 50  # a 1 x 40,000,000 "photo" is an attack, not a picture
NOT_AN_IMAGE = gettext_lazy("The photo must be a JPEG, PNG or WebP image.")

# Pillow inflates a PNG's text chunks while it reads the header, up to 64 MB of them: a 64 KB file
# held 62 MB. Photos carry no such text (and we drop it); 2 MB covers any honest XMP or ICC comment.
PngImagePlugin.MAX_TEXT_MEMORY = min(PngImagePlugin.MAX_TEXT_MEMORY, 2 * 1024 * 1024)


class PhotoError(ValueError):
    """A photo we refuse; the message is safe to show."""


def max_bytes() -> int:
    return getattr(settings, "REPORT_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def too_large_message() -> str:
    return _("The photo must be %(size)s MB or smaller.") % {"size": max_bytes() // (1024 * 1024)}


def _too_many_pixels() -> PhotoError:
    jpeg, other = MAX_PIXELS // 1_000_000, MAX_DECODED_PIXELS // 1_000_000
    return PhotoError(
        _(
            "The photo has too many pixels. "
            "Use a JPEG under %(jpeg)s megapixels, or a PNG or WebP under %(other)s."
        )
        % {"jpeg": jpeg, "other": other}
    )


def check_upload(upload) -> None:
    """Cheap checks from the size and the image header alone: no pixel is decoded here."""
    if upload.size > max_bytes():
        raise PhotoError(too_large_message())
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:  # lazy: reads the header only
                kind, (width, height) = probe.format, probe.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
        raise PhotoError(str(NOT_AN_IMAGE)) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    finally:
        upload.seek(0)
    if kind not in ALLOWED_FORMATS:
        raise PhotoError(str(NOT_AN_IMAGE))
    if width < 1 or height < 1 or max(width, height) > MAX_ASPECT * min(width, height):
        raise PhotoError(str(NOT_AN_IMAGE))
    if width * height > MAX_PIXELS:
        raise _too_many_pixels()


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """The size we keep: the longest side at most MAX_SIDE, the shape unchanged."""
    width, height = size
    scale = min(1.0, MAX_SIDE / max(width, height))
    return max(1, int(width * scale)), max(1, int(height * scale))


def _decoded_pixels(image) -> int:
    width, height = image.size
    return width * height


def clean_photo(upload) -> ContentFile:
    """Check an uploaded file and return a re-encoded copy with no metadata."""
    check_upload(upload)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _reencode(upload)
    except PhotoError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
        raise PhotoError(str(NOT_AN_IMAGE)) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    finally:
        release_memory()


def _reencode(upload) -> ContentFile:
    with Image.open(upload) as image:
        kind = image.format
        width, height = _fitted(image.size)
        # JPEGs decode at 1/2, 1/4 or 1/8 scale, at least 60% of the size kept; other formats ignore it
        image.draft(None, (max(1, width * 3 // 5), max(1, height * 3 // 5)))
        if _decoded_pixels(image) > MAX_DECODED_PIXELS:
            raise _too_many_pixels()
        image.thumbnail((MAX_SIDE, MAX_SIDE))  # decodes, then keeps the smaller copy only
        ImageOps.exif_transpose(image, in_place=True)  # keep the orientation, then drop all metadata
        if kind == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        clean = Image.new(image.mode, image.size)  # pixels only: no EXIF, XMP or text chunks
        clean.paste(image)
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        out = io.BytesIO()
        clean.save(out, format=kind)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[kind]}")


_libc = None


def release_memory() -> None:
    """Give freed image buffers back to the system: glibc keeps them per thread otherwise."""
    global _libc
    if _libc is None:
        name = ctypes.util.find_library("c")
        try:
            _libc = ctypes.CDLL(name) if name else False
            _libc = _libc if _libc and hasattr(_libc, "malloc_trim") else False
        except OSError:
            _libc = False
    if _libc:
        _libc.malloc_trim(0)
