"""Search fixtures: an in-memory Elasticsearch-API server (osmem-server) for the session, and an
`engine` fixture that runs each test once on the database engine and once on Elasticsearch."""

import subprocess
import time
import urllib.request
import uuid

import pytest

from tests.consultations.factories import CommentFactory
from tests.support.servers import free_port


@pytest.fixture(scope="session")
def search_server():
    """osmem-server on a free loopback port, started once per test session."""
    import os

    from osmem_server import resolve_binary

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603 - our own bundled binary, fixed arguments
        [
            resolve_binary(),
            "-addr",
            f"127.0.0.1:{port}",
            "-no-ja",
            "-no-stdin-watch",
            "-parent-pid",
            str(os.getpid()),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()  # noqa: S310 - loopback test server
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("osmem-server did not start")
            time.sleep(0.05)
    yield url
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, settings, db):
    """Run the test on one engine; Elasticsearch tests get their own alias, deleted afterwards."""
    settings.SEARCH_REFRESH = True
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield "database"
        return
    url = request.getfixturevalue("search_server")
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX = f"test-{uuid.uuid4().hex[:12]}"
    yield "elasticsearch"
    from search.engines import elastic

    settings.ELASTICSEARCH_URL = url
    client = elastic.client()
    for name in client.indices.get(index=f"{settings.SEARCH_INDEX}*"):
        client.indices.delete(index=name)


@pytest.fixture
def reindex(engine):
    """Rebuild every index from the database (what `manage.py reindex` does)."""
    from search.engines import elasticsearch_enabled
    from search.rebuild import rebuild_database, rebuild_elasticsearch

    def run():
        rebuild_database()
        if elasticsearch_enabled():
            rebuild_elasticsearch()

    return run


@pytest.fixture
def moderator(organisation):
    from tests.civic.factories import UserFactory

    return UserFactory(roles=["Moderators"], organisation=organisation)


@pytest.fixture
def comment_on(consultation):
    def make(body, **fields):
        fields.setdefault("consultation", consultation)
        return CommentFactory(body=body, **fields)

    return make
