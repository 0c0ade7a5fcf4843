"""Documents and images: one Wagtail collection per organisation, and walls between them.

A role's grant on the root collection (the Officers group's add, change and choose) means "in the
user's organisation's collection"; the root collection itself is for administrators. Grants on
any other collection pass through unchanged: the "Shared" collection lets every officer choose
(not change) the council-wide logos and documents that administrators put there."""

from typing import TYPE_CHECKING, Any

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from . import roles

if TYPE_CHECKING:
    from .models import Organisation, User

SHARED_COLLECTION = "Shared"


def ensure_collection(organisation: "Organisation") -> Collection:
    """The organisation's collection, created under the root (and renamed with it) as needed."""
    collection = organisation.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=organisation.name)
        type(organisation).objects.filter(pk=organisation.pk).update(collection=collection)
        organisation.collection = collection
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])
    return collection


class OrganisationCollectionPolicy(CollectionOwnershipPermissionPolicy):  # type: ignore[misc]  # Wagtail is untyped
    """Wagtail's collection permissions with the role's root grants narrowed to the user's organisation."""

    def get_all_permissions_for_user(self, user: "User") -> Any:
        grants = super().get_all_permissions_for_user(user)
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return grants
        if not roles.has_staff_powers(user):
            return []  # no second factor: no staff powers over files either
        grants = list(grants)
        scoped = [g for g in grants if g.collection.depth > 1]
        root_grants = [g for g in grants if g.collection.depth == 1]
        organisation = user.organisation if user.organisation_id else None
        if root_grants and organisation is not None and organisation.collection_id:
            # unsaved stand-ins: negative ids keep them hashable and apart from real rows
            scoped.extend(
                GroupCollectionPermission(
                    id=-g.pk, group_id=g.group_id, collection=organisation.collection, permission=g.permission
                )
                for g in root_grants
            )
        return scoped


def register_policies() -> None:
    """Images and documents look their policy up in Wagtail's registry: ours replaces the default."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    for model, label in (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
    ):
        policy = OrganisationCollectionPolicy(model, auth_model=label, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)
