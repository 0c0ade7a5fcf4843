from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from civic import roles


def test_roles_exist_as_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)


def test_officers_can_use_admin_and_edit_pages(db):
    officers = Group.objects.get(name=roles.OFFICER)
    assert officers.permissions.filter(codename="access_admin").exists()
    codenames = set(
        GroupPagePermission.objects.filter(group=officers).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_residents_and_councillors_have_no_admin_permissions(db):
    for name in (roles.RESIDENT, roles.COUNCILLOR):
        group = Group.objects.get(name=name)
        assert not group.permissions.exists()
        assert not GroupPagePermission.objects.filter(group=group).exists()


def test_staff_membership_is_derived_from_roles(make_user):
    assert roles.is_staff_member(make_user(roles=[roles.OFFICER]))
    assert roles.is_staff_member(make_user(roles=[roles.MODERATOR]))
    assert not roles.is_staff_member(make_user(roles=[roles.RESIDENT]))
    assert not roles.is_staff_member(make_user(roles=[roles.COUNCILLOR]))
