import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civic import geo
from civic.models import Area, GazetteerEntry, Organisation, ParticipantProfile, User, WardCouncillor
from mapping.demo import AREAS_FILE, GAZETTEER
from mapping.models import IssueCategory, IssueReport

# The previous release: places still belonged to mapping.
BEFORE = [("civic", "0006_organisation_collections"), ("mapping", "0003_report_hidden_at")]
PREFIX = "previous-release-"  # rows are committed: keep clear of any other test's rows, then delete them


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Real commits on the test database: migrations cannot run inside a test's transaction."""
    with django_db_blocker.unblock():
        yield
        IssueReport.objects.filter(category__slug__startswith=PREFIX).delete()
        IssueCategory.objects.filter(slug__startswith=PREFIX).delete()
        User.objects.filter(username__startswith=PREFIX).delete()
        Organisation.objects.filter(slug__startswith=PREFIX).delete()
        GazetteerEntry.objects.filter(name__startswith=PREFIX).delete()
        Area.objects.filter(slug__startswith=PREFIX).delete()
        Group.objects.filter(name=f"{PREFIX}editors").delete()


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _load_previous_release_demo(old):
    """The demo's wards and gazetteer, a report, a profile and a councillor, through the old models."""
    OldArea = old.get_model("mapping", "Area")
    OldGazetteer = old.get_model("mapping", "GazetteerEntry")
    features = json.loads(AREAS_FILE.read_text())["features"]
    areas = []
    for feature in features:
        props = feature["properties"]
        west, south, east, north = geo.bbox(feature["geometry"])
        areas.append(
            OldArea.objects.create(
                name=props["name"],
                slug=f"{PREFIX}{props['slug']}",
                kind=props.get("kind", "ward"),
                geometry=feature["geometry"],
                min_lon=west,
                min_lat=south,
                max_lon=east,
                max_lat=north,
            )
        )
    ward = next(a for a in areas if a.kind == "ward")
    for name, kind, lat, lon in GAZETTEER:
        OldGazetteer.objects.create(name=f"{PREFIX}{name}", kind=kind, latitude=lat, longitude=lon, ward=ward)

    organisation = old.get_model("civic", "Organisation").objects.create(
        name=f"{PREFIX}Northbrook", slug=f"{PREFIX}northbrook"
    )
    resident = old.get_model("civic", "User").objects.create(username=f"{PREFIX}r", email="old-r@example.com")
    councillor = old.get_model("civic", "User").objects.create(
        username=f"{PREFIX}c", email="old-c@example.com"
    )
    old.get_model("civic", "ParticipantProfile").objects.create(user=resident, ward=ward)
    old.get_model("civic", "WardCouncillor").objects.create(user=councillor, ward=ward)
    category = old.get_model("mapping", "IssueCategory").objects.create(
        name="Potholes", slug=f"{PREFIX}potholes", service_code=f"{PREFIX}POT", organisation=organisation
    )
    old.get_model("mapping", "IssueReport").objects.create(
        category=category,
        organisation=organisation,
        title="Pothole",
        description="Deep",
        latitude=GAZETTEER[0][2],
        longitude=GAZETTEER[0][3],
        ward=ward,
    )
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    gazetteer_type, _ = OldContentType.objects.get_or_create(app_label="mapping", model="gazetteerentry")
    permission, _ = OldPermission.objects.get_or_create(
        content_type=gazetteer_type, codename="change_gazetteerentry", defaults={"name": "Can change"}
    )
    group = old.get_model("auth", "Group").objects.create(name=f"{PREFIX}editors")
    group.permissions.add(permission)
    return len(areas), ward.slug


def test_places_of_the_previous_release_survive_the_move_into_civic(committed):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        with pytest.raises(LookupError):
            old.get_model("civic", "Area")
        area_count, ward_slug = _load_previous_release_demo(old)
    finally:
        _migrate(latest)
        ContentType.objects.clear_cache()

    areas = Area.objects.filter(slug__startswith=PREFIX)
    assert areas.count() == area_count
    ward = Area.objects.get(slug=ward_slug)
    assert ward.min_lat is not None and areas.wards().count() == area_count - 1
    entries = GazetteerEntry.objects.filter(name__startswith=PREFIX)
    assert entries.count() == len(GAZETTEER)
    assert set(entries.values_list("ward__slug", flat=True)) == {ward_slug}
    assert IssueReport.objects.get(category__slug__startswith=PREFIX).ward == ward
    assert ParticipantProfile.objects.get(user__username__startswith=PREFIX).ward == ward
    assert WardCouncillor.objects.get(user__username__startswith=PREFIX).ward == ward
    group = Group.objects.get(name=f"{PREFIX}editors")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("civic", "change_gazetteerentry")
    ]
    assert not ContentType.objects.filter(app_label="mapping", model__in=["area", "gazetteerentry"]).exists()
    assert (
        Permission.objects.filter(content_type__app_label="civic", codename="change_gazetteerentry").count()
        == 1
    )
