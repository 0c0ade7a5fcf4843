"""Hostile uploads against a real daphne process: its peak resident memory must rise by less than
100 MB, and what it takes while working must be handed back afterwards.

The peak is the kernel's own high-water mark (VmHWM in /proc/<pid>/status), reset just before the
uploads, so a short spike between two samples cannot hide.
"""

import contextlib
import http.client
import json
import os
import tempfile
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connections

from tests.mapping.live import database_url, in_thread, is_test_database
from tests.mapping.photo_files import flat_image, png_bomb, png_text_bomb
from tests.support.servers import Daphne

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")

PREFIX = "upmem"
MB = 1024 * 1024
MAX_RISE = 100 * MB
CSRF = "c" * 32
BOUNDARY = "civic-upload-memory-test"


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) * 1024
    return fields


def reset_peak(pid: int) -> bool:
    """Ask the kernel to restart the high-water mark from the current RSS (Linux clear_refs 5)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _seed():
    from civic.models import Area, Organisation
    from mapping.models import IssueCategory
    from mapping.services import issue_partner_key
    from tests.civic.factories import UserFactory
    from tests.mapping.factories import square
    from tests.support.servers import signed_in_session

    org = Organisation.objects.create(name="Upload Council", slug=f"{PREFIX}-council")
    box = square(20.0, 40.0, 20.1, 40.1)
    Area.objects.create(name="Upload borough", slug=f"{PREFIX}-borough", kind="council", geometry=box)
    Area.objects.create(name="Upload ward", slug=f"{PREFIX}-ward", geometry=box)
    IssueCategory.objects.create(
        name="Upload pothole", slug=f"{PREFIX}-pot", service_code="UPMEM", organisation=org
    )
    user = UserFactory(username=f"{PREFIX}-{uuid.uuid4().hex[:6]}", roles=["Residents"])
    _key, raw = issue_partner_key(organisation=org, name=f"{PREFIX} partner")
    return {"session": signed_in_session(user), "key": raw, "user": user.pk}


def _cleanup():
    from civic.models import Area, Organisation, User
    from mapping.models import IssueCategory, IssueReport, PartnerApiKey

    IssueReport.objects.filter(category__slug__startswith=PREFIX).delete()
    IssueCategory.objects.filter(slug__startswith=PREFIX).delete()
    PartnerApiKey.objects.filter(name__startswith=PREFIX).delete()
    Area.objects.filter(slug__startswith=PREFIX).delete()
    Organisation.objects.filter(slug__startswith=PREFIX).delete()
    User.objects.filter(username__startswith=PREFIX).delete()


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """A daphne process of its own (so its memory is only this module's), on the test database."""
    with django_db_blocker.unblock():
        connection = connections["default"]
        if not is_test_database(connection):
            pytest.skip("the test database is not set up; run this module whole")
        url = database_url(connection.settings_dict)
        in_thread(_cleanup)
        seeded = in_thread(_seed)
    media = tempfile.mkdtemp(prefix="civic-media-")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "project.settings.test",
        "MEDIA_ROOT": media,
        "WRITE_RATE_LIMIT": "100000/m",
        # Not the background scikit-learn import (immediate backend only): it would land in the
        # measured window and is no upload's cost.
        "OPINION_WARM_UP": "0",
    }
    daphne = Daphne(env).start(wait=False)
    try:
        try:
            daphne.wait()
        except (RuntimeError, TimeoutError) as exc:
            pytest.fail(f"daphne did not start: {exc}\n{daphne.output()[-3000:]}")
        yield {"port": daphne.port, "pid": daphne.process.pid, **seeded}
    finally:
        daphne.stop()
        with contextlib.suppress(OSError):
            os.unlink(daphne.log.name)
        with django_db_blocker.unblock():
            in_thread(_cleanup)


def _multipart(fields: dict, file_field: str, filename: str, kind: str) -> tuple[bytes, bytes]:
    """The bytes before and after a file's content in a multipart/form-data body."""
    head = b""
    for name, value in fields.items():
        head += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    head += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: {kind}\r\n\r\n"
    ).encode()
    return head, f"\r\n--{BOUNDARY}--\r\n".encode()


def post_file(server, path, fields, content, *, size=None, chunked=False, field="photo", name="p.png"):
    """POST a file over a plain socket; content is bytes, or None to stream `size` zero bytes
    without holding them. Returns (status, body text)."""
    head, tail = _multipart(fields, field, name, "image/png")
    total = len(head) + (len(content) if content is not None else size) + len(tail)
    conn = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=600)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", f"multipart/form-data; boundary={BOUNDARY}")
    conn.putheader("Cookie", f"sessionid={server['session']}; csrftoken={CSRF}")
    conn.putheader("X-CSRFToken", CSRF)
    if chunked:
        conn.putheader("Transfer-Encoding", "chunked")
    else:
        conn.putheader("Content-Length", str(total))
    conn.endheaders()

    def send(data: bytes):
        conn.send(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

    send(head)
    if content is not None:
        send(content)
    else:
        block = b"\0" * MB
        for _ in range(size // MB):
            send(block)
    send(tail)
    if chunked:
        conn.send(b"0\r\n\r\n")
    response = conn.getresponse()
    body = response.read().decode(errors="replace")
    conn.close()
    return response.status, body


REPORT = {"latitude": "40.05", "longitude": "20.05", "category": f"{PREFIX}-pot", "title": "Hole"}
REPORT["description"] = "A hole in the road."


def open311_fields(server):
    return {
        "api_key": server["key"],
        "service_code": "UPMEM",
        "lat": "40.05",
        "long": "20.05",
        "description": "Hole",
    }


def test_hostile_uploads_raise_a_server_process_by_less_than_100_mb(server):
    pid, path = server["pid"], "/reports/new/confirm/"
    bomb = png_bomb(9000, 9000)  # 230 KB that decode to 324 MB
    text_bomb = png_text_bomb(60)  # 64 KB whose header inflates to 60 MB of text
    largest_png = flat_image(3200, 2500)  # the most pixels a PNG may have: decoded for real
    camera_jpeg = flat_image(6000, 4000, "JPEG")  # a 24 MP camera photo: decoded at half scale
    # Warm up: imports, the thread pool and Pillow's first decode are not what we measure.
    status, body = post_file(server, path, REPORT, flat_image(40, 30, "JPEG"), name="warm.jpg")
    assert status == 302, body[-2000:]
    before = memory(pid)
    if not reset_peak(pid):
        pytest.skip("cannot reset the kernel's peak-memory mark for the server process")

    outcomes = []
    for _ in range(8):
        outcomes.append(post_file(server, path, REPORT, bomb)[0])
    outcomes.append(post_file(server, path, REPORT, text_bomb)[0])
    outcomes.append(post_file(server, path, REPORT, None, size=100 * MB, name="big.bin")[0])
    outcomes.append(post_file(server, path, REPORT, None, size=100 * MB, chunked=True, name="big.bin")[0])
    outcomes.append(post_file(server, "/open311/v2/requests.json", open311_fields(server), None,
                              size=100 * MB, field="media")[0])  # fmt: skip
    for _ in range(8):
        outcomes.append(post_file(server, path, REPORT, largest_png)[0])
        outcomes.append(post_file(server, path, REPORT, camera_jpeg, name="camera.jpg")[0])
    after = memory(pid)

    assert outcomes[:9] == [400] * 9  # the bombs: a form error, from their headers
    assert outcomes[9:12] == [413, 413, 413]  # 100 MB bodies: refused as they arrive
    assert outcomes[12:] == [302] * 16  # the largest honest photos are accepted
    rise = after["VmHWM"] - before["VmRSS"]
    assert rise < MAX_RISE, f"peak rose {rise / MB:.0f} MB (RSS {before['VmRSS'] / MB:.0f} MB before)"
    kept = after["VmRSS"] - before["VmRSS"]
    assert kept < MAX_RISE / 2, f"{kept / MB:.0f} MB not handed back after the uploads"


@pytest.mark.django_db  # also makes pytest-django set up the test database this module's server uses
def test_the_server_sees_the_committed_seed_rows(server):
    from mapping.models import IssueCategory

    assert IssueCategory.objects.filter(service_code="UPMEM").exists()


def test_open311_media_url_resolves_on_a_real_server(server):
    """Photos are served by the app itself, so media_url works with no /media/ location."""
    status, body = post_file(
        server, "/reports/new/confirm/", REPORT, flat_image(40, 30, "JPEG"), name="m.jpg"
    )
    assert status == 302, body[-2000:]
    base = f"http://127.0.0.1:{server['port']}"
    listing = f"{base}/open311/v2/requests.json?service_code=UPMEM"
    with urllib.request.urlopen(listing, timeout=60) as response:  # noqa: S310
        rows = json.loads(response.read())
    urls = [row["media_url"] for row in rows if row["media_url"]]
    assert urls and all(url.startswith(f"{base}/reports/") for url in urls)
    with urllib.request.urlopen(urls[0], timeout=60) as served:  # noqa: S310
        assert served.status == 200 and served.headers["Content-Type"] == "image/jpeg"
        assert served.read(3) == b"\xff\xd8\xff"
