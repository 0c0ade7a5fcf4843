"""Hostile and honest image files for upload tests, built without decoding a single large image."""

import io
import struct
import zlib

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 9000, height: int = 9000) -> bytes:
    """A valid RGB PNG of width x height black pixels: a few hundred KB that Pillow would decode
    into width x height x 4 bytes (324 MB by default, under Pillow's own bomb limit). Built from
    compressed batches of rows, so making it costs no large buffer."""
    compressor = zlib.compressobj(9)
    rows = (b"\x00" * (3 * width + 1)) * 250  # filter byte + RGB pixels, 250 rows at a time
    parts = [compressor.compress(rows) for _ in range(height // 250)]
    parts.append(compressor.compress(b"\x00" * (3 * width + 1) * (height % 250)))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )


def flat_image(width: int, height: int, fmt: str = "PNG", mode: str = "RGB") -> bytes:
    image = Image.new(mode, (width, height), "grey" if mode != "L" else 128)
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height but which carries one row of data: enough for
    a server that reads dimensions first, a crash or a stall for one that decodes."""
    row = zlib.compress(b"\x00" * (3 * min(width, 1000) + 1))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", row) + _chunk(b"IEND", b"")


def png_text_bomb(chunks: int = 60) -> bytes:
    """A small PNG whose compressed text chunks inflate to about 1 MB each before the image data:
    Pillow inflates them while reading the header."""
    body = zlib.compress(b"A" * (1024 * 1024 - 64), 9)
    header = struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0)
    data = zlib.compress(b"".join(b"\x00" + b"\x00" * 30 for _ in range(10)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + b"".join(_chunk(b"zTXt", b"Comment%d\x00\x00" % n + body) for n in range(chunks))
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
