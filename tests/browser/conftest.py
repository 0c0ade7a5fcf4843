"""Browser journeys: a real daphne server on its own database, driven by Debian's Chromium.

The server runs in a subprocess on a free loopback port with `project.settings.browser` (test
settings, its own SQLite file or PostgreSQL database, emails written to files). Each test gets
fresh browser contexts that refuse every request leaving 127.0.0.1, and a failing test leaves a
screenshot and the HTML of each open page in test-artifacts/browser/ (and prints any error summary).
"""

import email
import email.policy
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.support.artifacts import ARTIFACTS, FAILURES
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.servers import free_port

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ROOT = Path(settings.BASE_DIR)
DEMO_PASSWORD = "civic-demo-2026"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
ASGI_APP = "project.asgi:application"
TILE_PATH = "/__test_tiles__/"


# One line per failed browser test in this run; .ci/browser-failures points at ARTIFACTS only then.
def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with FAILURES.open("a") as out:
            out.write(f"{report.nodeid} ({report.when})\n")
    return report


# --- the server -------------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    data: dict
    mail_dir: Path
    log: Path
    process: subprocess.Popen = field(repr=False)

    def __call__(self, path: str) -> str:
        return self.url + path

    def mails_to(self, address: str) -> list[email.message.EmailMessage]:
        """Every message the server has sent to address, oldest first."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if chunk.strip():
                    message = email.message_from_bytes(chunk, policy=email.policy.default)
                    if address in str(message["To"]):
                        found.append(message)
        return found

    def wait_for_mail(self, address: str, timeout: float = 10) -> str:
        """The plain-text body of the newest message to address."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.mails_to(address)
            if messages:
                return messages[-1].get_body(("plain",)).get_content()
            time.sleep(0.1)
        raise AssertionError(f"No email to {address} in {self.mail_dir}")


def _database_url(workdir: Path) -> tuple[str, callable]:
    """SQLite file in workdir, or a fresh PostgreSQL database beside DATABASE_URL's one."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'server.sqlite3'}", lambda: None
    import psycopg

    name = f"civic_browser_{os.getpid()}"
    parts = urlsplit(base)

    def run(sql):
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(sql)

    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    run(drop)
    run(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl(), lambda: run(drop)


@pytest.fixture(scope="session")
def server(tmp_path_factory, browser_available):
    """Migrate and seed the server's database, start daphne, stop it after the session."""
    workdir = tmp_path_factory.mktemp("browser-server")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    database_url, drop_database = _database_url(workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "project.settings.browser",
        "CIVIC_BROWSER_DATABASE_URL": database_url,
        "CIVIC_BROWSER_MAIL_DIR": str(workdir / "mail"),
        "PYTHONUNBUFFERED": "1",
        "LOG_LEVEL": "WARNING",
    }
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.browser.seed"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if seeded.returncode:
        pytest.fail(f"Seeding the browser-test database failed:\n{seeded.stderr[-4000:]}")
    data = json.loads(seeded.stdout.strip().splitlines()[-1])
    log = ARTIFACTS / "server.log"
    process = None
    for _attempt in range(3):
        port = free_port()
        # Map tiles from the test server itself (they 404, harmlessly): no request may leave 127.0.0.1.
        env["MAP_TILE_URL"] = f"http://127.0.0.1:{port}{TILE_PATH}{{z}}/{{x}}/{{y}}.png"
        env["BASE_URL"] = f"http://127.0.0.1:{port}"  # links in emails point at this server
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "project.serve", "-b", "127.0.0.1", "-p", str(port), ASGI_APP],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        if _wait_until_up(url, process):
            break
        process.kill()
        process.wait()
    else:
        pytest.fail(f"daphne did not start; see {log}:\n{log.read_text()[-3000:]}")
    _wait_for_warm_up(log, process)
    yield Server(url=url, data=data, mail_dir=workdir / "mail", log=log, process=process)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    drop_database()


def _wait_for_warm_up(log: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    """The server imports scikit-learn in the background as it starts (seconds of CPU on 2 cores):
    the journeys begin once it is done, so their first requests are not timed against it."""
    from consultations.conversations.tasks import WARMED_UP, WARMING_UP

    deadline = time.monotonic() + timeout
    while WARMING_UP in log.read_text(errors="replace") and WARMED_UP not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the server's warm-up did not finish; see {log}:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_available():
    """Skip on a developer machine without Chromium or Playwright; in CI fail instead."""
    if os.environ.get("CIVIC_BROWSER_TESTS", "1").lower() in {"0", "false", "no", "off"}:
        pytest.skip("browser tests switched off (CIVIC_BROWSER_TESTS=0)")
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is not installed (make install)"
    if problem is None and not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        problem = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
    if problem:
        if IN_CI:
            pytest.fail(f"Browser tests must run in CI but {problem}")
        pytest.skip(problem)


@pytest.fixture(scope="module")
def browser(browser_available):
    """Debian's Chromium through Playwright, one per test module.

    Playwright's sync API marks its event loop as running in this thread while it is alive, so it
    must stop before the rest of the suite (whose async tests start loops of their own) runs.
    """
    from playwright.sync_api import expect, sync_playwright

    # An expectation waits as long as an action does (15 s, see new_context), not Playwright's 5 s:
    # a post, its redirect and the page it lands on can take longer on a busy 2-core CI machine.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class OutsideRequestGuard:
    """Lets loopback requests through and records (and aborts) everything else."""

    def __init__(self):
        self.outside: list[str] = []

    @staticmethod
    def is_local(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        host = parts.hostname or ""
        return host in LOOPBACK or host.startswith("127.")

    def handle_route(self, route):
        if self.is_local(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort("blockedbyclient")

    def watch_page(self, page):
        page.on("websocket", lambda ws: None if self.is_local(ws.url) else self.outside.append(ws.url))


@pytest.fixture
def new_context(browser, server, request):
    """Make browser contexts for this test; all are checked for outside requests and closed after."""
    made = []

    def make(**options):
        options.setdefault("base_url", server.url)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "en-GB")
        options.setdefault("timezone_id", "Europe/London")
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        guard = OutsideRequestGuard()
        context.route("**/*", guard.handle_route)
        context.on("page", guard.watch_page)
        context.outside_requests = guard.outside
        made.append((context, guard))
        return context

    yield make
    report = getattr(request.node, "rep_call", None)
    failed = report is None or report.failed
    for number, (context, _guard) in enumerate(made):
        for page_number, page in enumerate(context.pages):
            if failed and report is not None:
                name = re.sub(r"[^\w.-]+", "_", request.node.name)
                path = ARTIFACTS / f"{name}-{number}-{page_number}.png"
                try:
                    page.screenshot(path=str(path), full_page=True)
                    path.with_suffix(".html").write_text(page.content())
                    for summary in page.locator(".error-summary").all_inner_texts():
                        # A form's refusal, in the test's output: the reason a 400 or 429 was answered.
                        print(f"Error summary on {page.url}: {' '.join(summary.split())}")
                except Exception as exc:  # noqa: BLE001 - a screenshot must not hide the real failure
                    print(f"Could not save screenshot {path}: {exc}")
        context.close()
    outside = [url for _context, guard in made for url in guard.outside]
    assert not outside, f"Requests left 127.0.0.1: {outside}"


@pytest.fixture
def page(new_context):
    """One page in a fresh context with JavaScript on."""
    return new_context().new_page()


# --- helpers journeys share -------------------------------------------------------------------


_USED_STEPS: dict[str, int] = {}


def totp_code(secret: str = DEMO_TOTP_SECRET, account: str = "") -> str:
    """The current authenticator code, computed as allauth checks it. allauth refuses a code used
    before, so an account signing in twice within one 30-second step waits for the next one."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    step = int(time.time()) // 30
    if _USED_STEPS.get(account) == step:
        time.sleep((step + 1) * 30 - time.time() + 0.1)
        step += 1
    _USED_STEPS[account] = step
    return format_hotp_value(hotp_value(secret, step))


def sign_in(page, email_address: str, password: str = DEMO_PASSWORD, next_path: str = "/") -> None:
    """Sign in through the form; staff also enter their authenticator code."""
    page.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("Email").fill(email_address)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign In").click()
    if "/accounts/2fa/authenticate/" in page.url:
        page.get_by_label(re.compile("code", re.I)).fill(totp_code(account=email_address))
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Sign In", re.I)).click()
    assert "/accounts/login/" not in page.url, f"sign-in failed for {email_address}"


def vnu_jar() -> str | None:
    """The Nu Html Checker's jar from npm (tests/browser/node_modules), when java can run it."""
    jar = ROOT / "tests" / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    return str(jar) if jar.exists() and shutil.which("java") else None


# --- accessibility ------------------------------------------------------------------------------

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, exclude: tuple[str, ...] = ()) -> list[dict]:
    """Run axe-core (shipped with axe-playwright-python) for the WCAG 2.2 A and AA rules."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    context = {"exclude": [[selector] for selector in exclude]} if exclude else {"include": [["html"]]}
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate("([context, options]) => axe.run(context, options)", [context, options])
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')[:300]}")
    return "\n".join(lines)


def assert_accessible(page, exclude: tuple[str, ...] = ()) -> None:
    violations = axe_violations(page, exclude)
    assert not violations, f"axe found problems on {page.url}:\n{describe_violations(violations)}"
