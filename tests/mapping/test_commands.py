import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.core.management import CommandError, call_command

from mapping.models import PartnerApiKey
from tests.civic.factories import UserFactory
from tests.mapping.factories import ReportFactory
from tests.support.auth import sign_in


def test_issue_open311_key_prints_a_working_key_once(council_org):
    out = io.StringIO()
    call_command("issue_open311_key", council_org.slug, "Partner app", stdout=out)
    raw = out.getvalue().split(": ", 1)[1].split()[0]
    assert PartnerApiKey.lookup(raw).organisation == council_org
    assert raw not in PartnerApiKey.objects.get().key_hash


def test_issue_open311_key_needs_a_known_organisation(db):
    with pytest.raises(CommandError):
        call_command("issue_open311_key", "nobody", "App", stdout=io.StringIO())


def test_staff_see_reports_categories_and_gazetteer_in_the_admin(client, council, potholes, high_street):
    ReportFactory(category=potholes, title="Admin visible hole")
    admin = UserFactory(is_superuser=True, is_staff=True)
    Authenticator.objects.create(
        user=admin, type=Authenticator.Type.TOTP, data={"secret": encrypt("JBSWY3DPEHPK3PXP")}
    )
    sign_in(client, admin)
    assert "Admin visible hole" in client.get("/admin/issue_reports/").content.decode()
    assert "POT" in client.get("/admin/issue_categories/").content.decode()
    assert "High Street" in client.get("/admin/gazetteer/").content.decode()
