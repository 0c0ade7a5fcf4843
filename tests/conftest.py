import pytest
from django.core.cache import cache, caches
from wagtail.models import Site

from civic.models import Brand, HomePage
from consultations.models import ConsultationIndexPage
from tests.civic.factories import OrganisationFactory, UserFactory
from tests.consultations.factories import make_consultation, make_proposal
from tests.support import artifacts

# Modules whose tests share an expensive fixture (a live server, a browser) run on one pytest-xdist
# worker, so the fixture starts once; every other test is scheduled on its own, as --dist load does.
# (pytest-xdist's own xdist_group marker has no effect with pytest 9.2, whose node ids it cannot edit.)
SHARED_SERVER_GROUPS = {
    "tests/browser/": "browser",
    "tests/mapping/test_open311_live.py": "mapping-live-server",
    "tests/mapping/test_journey_js.py": "mapping-live-server",
    "tests/api/test_schemathesis.py": "schemathesis",
    "tests/consultations/test_multiprocess.py": "multiprocess",
    "tests/mapping/test_upload_memory.py": "upload-memory",
    "tests/project/test_graceful_shutdown.py": "graceful-shutdown",
}


def shared_server_group(nodeid: str) -> str | None:
    return next((group for prefix, group in SHARED_SERVER_GROUPS.items() if nodeid.startswith(prefix)), None)


class _SharedServerScheduler:
    """A pytest-xdist plugin, registered only when pytest-xdist is there (`-p no:xdist` works)."""

    @staticmethod
    def pytest_xdist_make_scheduler(config, log):
        """Groups first (largest first: they take longest), then single tests as workers free up."""
        from xdist.scheduler import LoadScopeScheduling

        class SharedServerScheduling(LoadScopeScheduling):
            def _split_scope(self, nodeid: str) -> str:
                return shared_server_group(nodeid) or nodeid

        return SharedServerScheduling(config, log)


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_SharedServerScheduler(), "civic-shared-server-scheduler")


def pytest_sessionstart(session):
    if not artifacts.is_xdist_worker(session.config):
        artifacts.clear()
        from civic.translations import compile_catalogues

        compile_catalogues()  # once, before the workers start: pages render from the .mo files


def pytest_terminal_summary(terminalreporter, config):
    """Browser figures and failures from every worker, printed once by the process that shows output."""
    if artifacts.is_xdist_worker(config):
        return
    if artifacts.MEASUREMENTS.exists():
        for line in artifacts.MEASUREMENTS.read_text().splitlines():
            terminalreporter.write_line(f"Browser measurement: {line}")
    if artifacts.FAILURES.exists() and artifacts.FAILURES.read_text().strip():
        terminalreporter.write_line(f"Browser failure screenshots: {artifacts.ARTIFACTS}")


def _forget_process_state():
    """Forget what this process remembers between requests: socket leases, and that Redis was down.

    A test that kills Redis marks it down for QUIET_SECONDS; without this, a Redis test that
    follows within that time (a fast machine) would count locally and fail."""
    from civic.cache import ResilientRedisCache
    from consultations import socket_limits

    cache.clear()
    from civic import bilingual, pagecache

    bilingual._locale_ids.clear()  # looked up once per process: each test counts its own lookups
    caches["pages"].clear()  # civic.pagecache: public pages cached for anonymous readers
    pagecache._local.clear()
    socket_limits._local.clear()
    socket_limits._down_until = 0.0
    ResilientRedisCache._down_until.clear()
    ResilientRedisCache._pending_deletes.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters, socket leases and caches must not leak between tests."""
    _forget_process_state()
    yield
    _forget_process_state()


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request to a /cy/ address leaves Welsh active on the thread: each test starts and ends in English."""
    from django.utils import translation

    translation.activate("en-gb")
    yield
    translation.activate("en-gb")


@pytest.fixture
def page_cache(settings):
    """Turn the page cache on (off in tests, see project.settings.test)."""
    settings.PAGE_CACHE_SECONDS = 600
    return settings


@pytest.fixture
def pinned_clock(monkeypatch):
    """One fixed-window rate-limit bucket for the whole test, however slow the machine."""
    from civic import ratelimit

    now = 1_800_000_000.0
    monkeypatch.setattr(ratelimit, "clock", lambda: now)
    return now


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def index(home):
    page = ConsultationIndexPage(title="Consultations", slug="consultations")
    home.add_child(instance=page)
    return page


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northbrook Council", slug="northbrook")


@pytest.fixture
def partner(db):
    return OrganisationFactory(name="Northbrook NHS", slug="northbrook-nhs")


@pytest.fixture
def consultation(index, organisation, partner):
    page = make_consultation(index, "open", lead_organisation=organisation)
    page.partner_organisations.add(partner)
    page.save()
    return page


@pytest.fixture
def proposal(consultation):
    return make_proposal(consultation)


@pytest.fixture
def resident(db):
    return UserFactory(roles=["Residents"])


@pytest.fixture
def officer(organisation):
    return UserFactory(roles=["Officers"], organisation=organisation)


@pytest.fixture
def make_user(db):
    return UserFactory


@pytest.fixture
def northbrook(home, django_capture_on_commit_callbacks):
    """The default site branded as a council, its cache cleared as a saved Brand clears it."""
    with django_capture_on_commit_callbacks(execute=True):
        return Brand.objects.create(
            site=Site.objects.get(is_default_site=True),
            site_name="Northbrook Council",
            primary_colour="#005a30",
            footer_links=[
                {
                    "type": "link",
                    "value": {"label": "Council website", "address": "https://northbrook.example/"},
                }
            ],
            email_sender_name="Northbrook Have Your Say",
        )
