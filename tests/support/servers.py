"""Real servers on loopback for tests: a private Redis, a migrated database, daphne and gunicorn processes."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before port {port} opened")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


class RedisServer:
    """A throw-away redis-server that tests may stop and start again on the same port."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, 10, self.process)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


class Database:
    """A database for server processes, copied from the migrated test database (fast) when one
    is given: PostgreSQL when the suite runs on it, else SQLite."""

    def __init__(self, template: dict | None = None):
        self.tmp = Path(tempfile.mkdtemp(prefix="civic-servers-"))
        self.migrated = False
        base = os.environ.get("DATABASE_URL", "")
        if base.startswith("postgres"):
            self.pg_base, _, _ = base.rpartition("/")
            self.name = f"civic_srv_{uuid.uuid4().hex[:10]}"
            self.url = f"{self.pg_base}/{self.name}"
            if template is not None:
                from django.db import connections

                connections.close_all()  # CREATE ... TEMPLATE needs the template unused
                self._psql(f'CREATE DATABASE "{self.name}" TEMPLATE "{template["NAME"]}"')
                self.migrated = True
            else:
                self._psql(f'CREATE DATABASE "{self.name}"')
        else:
            self.pg_base = None
            path = self.tmp / "civic.sqlite3"
            self.url = f"sqlite:///{path}"
            if template is not None:
                import sqlite3

                source = sqlite3.connect(template["NAME"])
                target = sqlite3.connect(path)
                source.backup(target)
                source.close()
                target.close()
                self.migrated = True

    def _psql(self, statement: str):
        import psycopg

        with psycopg.connect(f"{self.pg_base}/postgres", autocommit=True) as conn:
            conn.execute(statement)

    def drop(self):
        if self.pg_base:
            with contextlib.suppress(Exception):
                self._psql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        shutil.rmtree(self.tmp, ignore_errors=True)


def server_env(database_url: str, redis_url: str | None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="project.settings.dev",
        DATABASE_URL=database_url,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WRITE_RATE_LIMIT="100000/m",
        LIVE_FRAME_RATE="100000/m",
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def signed_in_session(user) -> str:
    """A database session signed in as the user: its key is the sessionid cookie for a client."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    from civic import roles

    if roles.is_staff_member(user):  # staff sessions passed a second factor, as on the real site
        from tests.support.auth import give_authenticator, second_factor_records

        store.update(second_factor_records(user, give_authenticator(user)))
    store.create()
    return store.session_key


SEED = """
import json
from datetime import timedelta
from allauth.account.models import EmailAddress
from tests.support.servers import signed_in_session
from django.utils import timezone
from civic.models import HomePage, Organisation, User
from consultations.models import ConsultationIndexPage, ConsultationPage, ProposalPage

home = HomePage.objects.get()
import uuid
tag = uuid.uuid4().hex[:8]
index = home.add_child(instance=ConsultationIndexPage(title="Consultations", slug=f"c-{tag}"))
org = Organisation.objects.create(name=f"Server Council {tag}", slug=f"server-council-{tag}")
now = timezone.now()
page = index.add_child(instance=ConsultationPage(
    title="Live test", slug="live-test", summary="Live", lead_organisation=org,
    opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1)))
proposal = page.add_child(instance=ProposalPage(
    title="P", slug="p", problem="<p>x</p>", proposed_change='[{"type": "paragraph", "value": "<p>y</p>"}]'))
sessions = []
for i in range(%(users)d):
    user = User.objects.create_user(username=f"live{i}-{tag}", email=f"live{i}-{tag}@example.org",
                                    password="x-unused-password-123", display_name=f"Live {i}")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    sessions.append(signed_in_session(user))
print("SEED" + json.dumps({"consultation": page.pk, "proposal": proposal.pk, "proposal_url": proposal.url,
                          "sessions": sessions}))
"""


def prepare_database(env: dict, users: int = 4, migrated: bool = False) -> dict:
    """Migrate and seed a consultation, a proposal and signed-in users; return their ids."""
    if not migrated:
        manage(env, "migrate", "--no-input", "-v", "0")
    out = manage(env, "shell", "-c", SEED % {"users": users})
    line = next(line for line in out.splitlines() if line.startswith("SEED"))
    return json.loads(line[4:])


class Daphne:
    """A server process as production runs it: daphne through project.serve (graceful SIGTERM)."""

    def __init__(self, env: dict, app: str = "project.asgi:application", options: tuple[str, ...] = ()):
        self.port = free_port()
        self.env = env
        self.app = app
        self.options = options
        self.process = None

    def start(self, wait: bool = True):
        self.log = tempfile.NamedTemporaryFile(prefix="daphne-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "project.serve",
                "-b",
                "127.0.0.1",
                "-p",
                str(self.port),
                *self.options,
                self.app,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if wait:
            self.wait()
        return self

    def wait(self):
        wait_for_port(self.port, 90, self.process)
        return self

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws_url(self, consultation: int, since: int = 0) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/consultations/{consultation}/?since={since}"

    def get_json(self, path: str):
        with urllib.request.urlopen(self.base + path, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")


class Gunicorn:
    """Plain HTTP from one WSGI process (gunicorn, threaded), as the deployment beside daphne runs it."""

    def __init__(self, env: dict, threads: int = 4):
        self.port = free_port()
        self.env = env
        self.threads = threads
        self.process: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> "Gunicorn":
        command = [sys.executable, "-m", "gunicorn", "-k", "gthread", "-w", "1", f"--threads={self.threads}"]
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [*command, "-b", f"127.0.0.1:{self.port}", "--log-level", "warning", "project.wsgi:application"],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        if wait:
            self.wait()
        return self

    def wait(self) -> "Gunicorn":
        wait_for_port(self.port, 90, self.process)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process = None


@contextlib.contextmanager
def running_daphne(env: dict):
    """A daphne server for the duration of a with-block; yields its root URL, shows its log on
    failure to start, and removes the log afterwards."""
    server = Daphne(env).start(wait=False)
    try:
        try:
            server.wait()
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"daphne did not start: {exc}\n{server.output()[-3000:]}") from exc
        yield server.base
    finally:
        server.stop()
        with contextlib.suppress(OSError):
            os.unlink(server.log.name)
