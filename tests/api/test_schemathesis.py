"""Schemathesis drives the whole generated schema against a real server, anonymous and with a token:
no 5xx, responses conform to the schema, every status code documented, zero failures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.servers import ROOT, Daphne, Database, manage, prepare_database, server_env

TOKEN_SEED = """
from civic.models import Organisation, User
from mapping.models import IssueCategory, IssueReport
from api.models import ApiToken, SCOPE_NAMES
org = Organisation.objects.order_by("-id").first()
user = User.objects.order_by("id").first()
category = IssueCategory.objects.create(name="Potholes", slug="potholes", service_code="POT",
                                        organisation=org)
IssueReport.objects.create(category=category, organisation=org, title="Hole", description="Deep hole",
                           latitude=52.9, longitude=-1.54, reporter=user)
_token, raw = ApiToken.issue(organisation=org, name="Schemathesis", scopes=SCOPE_NAMES, user=user)
print("TOKEN" + raw)
"""


pytestmark = pytest.mark.skipif(
    os.environ.get("CIVIC_SCHEMATHESIS", "1").lower() in {"0", "false", "no", "off"},
    reason="Schemathesis switched off (CIVIC_SCHEMATHESIS=0): CI runs it in its first pass only",
)


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    from django.conf import settings

    with django_db_blocker.unblock():
        database = Database(template=settings.DATABASES["default"]["TEST"])
    daphne = None
    try:
        env = server_env(
            database.url, None, API_ANONYMOUS_RATE_LIMIT="1000000/m", API_TOKEN_RATE_LIMIT="1000000/m"
        )
        prepare_database(env, users=1, migrated=database.migrated)
        out = manage(env, "shell", "-c", TOKEN_SEED)
        token = next(line[5:] for line in out.splitlines() if line.startswith("TOKEN"))
        daphne = Daphne(env).start()
        yield daphne, token
    finally:
        if daphne is not None:
            daphne.stop()
        database.drop()


def schemathesis(base: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        f"--config-file={ROOT / 'schemathesis.toml'}",
        "run",
        f"{base}/api/v1/schema/",
        "--max-examples=12",
        "--generation-deterministic",
        "--phases=examples,coverage,fuzzing",
        "--request-timeout=20",
        "--no-color",
        "--wait-for-schema=30",
        *extra,
    ]
    return subprocess.run(  # noqa: S603
        command,
        cwd=tmp_path,  # its example cache stays out of the checkout
        capture_output=True,
        text=True,
        timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )


def test_schemathesis_finds_nothing_anonymous(server, tmp_path):
    daphne, _token = server
    result = schemathesis(daphne.base, tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_schemathesis_finds_nothing_with_a_token(server, tmp_path):
    daphne, token = server
    result = schemathesis(daphne.base, tmp_path, f"--header=Authorization: Bearer {token}")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
