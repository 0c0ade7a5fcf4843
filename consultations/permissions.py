"""Who may do what with consultations: every view, consumer, template and API asks here."""

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, PagePermissionTester, PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy

from civic import roles
from civic.permissions import ALLOWED, Decision, may_take_part

from .models import Comment, ConsultationIndexPage, ConsultationPage, State


def can_manage_consultation(user, consultation) -> bool:
    """Officers and moderators of the lead or a partner organisation, and administrators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if roles.is_admin(user):
        return True
    if not roles.role_names(user) & roles.STAFF_ROLES or not user.organisation_id:
        return False
    return user.organisation_id in consultation.organisation_ids()


def _chain_paths(page) -> list[str]:
    """Tree paths of the page and every ancestor (Wagtail's treebeard uses 4 characters a level)."""
    step = Page.steplen
    return [page.path[:i] for i in range(step, len(page.path) + 1, step)]


def _restriction_passed(user, restriction_id: int, kind: str, session) -> bool:
    """One Wagtail view restriction, judged as Wagtail's own page serving judges it."""
    if kind == PageViewRestriction.PASSWORD:
        passed = (session or {}).get(PageViewRestriction.passed_view_restrictions_session_key, [])
        return restriction_id in passed
    if not getattr(user, "is_authenticated", False):
        return kind == PageViewRestriction.NONE
    if kind == PageViewRestriction.GROUPS and not roles.is_admin(user):
        return PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id=restriction_id, group__user=user
        ).exists()
    return True


def is_published(page) -> bool:
    """Live, and every ancestor live (view restrictions aside): what staff may post on publicly."""
    if not page.live:
        return False
    return not Page.objects.filter(path__in=_chain_paths(page), live=False).exists()


def is_reachable(user, page, *, session=None) -> bool:
    """The page and every ancestor are live, and this user passes every view restriction on the way.

    What a resident may read and write to: no exception for staff (drafts are previewed, never
    contributed to). `session` carries the passwords a browser entered; without it a
    password-protected page is refused."""
    if not page.live:
        return False
    rows = Page.objects.filter(path__in=_chain_paths(page)).values_list(
        "live", "view_restrictions__id", "view_restrictions__restriction_type"
    )
    for live, restriction_id, kind in rows:
        if not live:
            return False
        if restriction_id is not None and not _restriction_passed(user, restriction_id, kind, session):
            return False
    return True


def _owning_consultation(page):
    """The consultation a consultation or proposal page belongs to (None for other pages)."""
    specific = page.specific_deferred if type(page) is Page else page
    return getattr(specific, "consultation", None)


def can_view_page(user, page, *, session=None) -> bool:
    """A consultation or proposal page itself: reachable pages to those they admit; drafts and
    restricted pages also to staff of the owning organisations (preview); residents never.

    The one rule for every read path (page, form re-render, feed, summary, export, socket)."""
    consultation = _owning_consultation(page)
    if consultation is not None and can_manage_consultation(user, consultation):
        return True
    if consultation is None and roles.is_admin(user):
        return True
    return is_reachable(user, page, session=session)


def can_view_consultation(user, consultation, *, session=None) -> bool:
    """Published, unrestricted consultations are public; drafts only to those who manage them."""
    return can_view_page(user, consultation, session=session)


def can_contribute(user, consultation) -> Decision:
    """Signed-in, verified, unsuspended people may take part while a consultation is open."""
    decision = may_take_part(user)
    if not decision:
        return decision
    return open_for_contributions(consultation)


def open_for_contributions(consultation) -> Decision:
    """Published and between its dates: the part of the rule that is about the consultation."""
    if not consultation.live:
        return Decision(False, _("This consultation is not published."))
    state = consultation.state
    if state == State.UPCOMING:
        opens = formats.date_format(consultation.opens_at, "j F Y")
        return Decision(False, _("This consultation opens on %(date)s.") % {"date": opens})
    if state == State.CLOSED:
        closed = formats.date_format(consultation.closes_at, "j F Y")
        return Decision(
            False,
            _("This consultation closed on %(date)s. Responses are no longer accepted.") % {"date": closed},
        )
    return ALLOWED


def can_comment(user, consultation) -> Decision:
    return can_contribute(user, consultation)


def can_vote(user, proposal) -> Decision:
    return can_contribute(user, proposal.consultation)


def can_follow(user, page, *, session=None) -> Decision:
    """Signed-in, active accounts follow pages they can reach; drafts and restricted pages they
    cannot see do not exist for them (staff previewing a draft do not follow it either)."""
    if not getattr(user, "is_authenticated", False):
        return Decision(False, _("Sign in or create an account to follow this page."))
    if not user.is_active:
        return Decision(False, _("This account is not active."))
    if not is_reachable(user, page, session=session):
        return Decision(False, _("This page does not exist."))
    return Decision(True)


def can_see_comment(user, comment) -> bool:
    """Published comments are public; authors see their own pending ones; managers see all."""
    if comment.status == Comment.Status.PUBLISHED:
        return True
    if getattr(user, "is_authenticated", False) and comment.author_id == user.pk:
        return comment.status == Comment.Status.PENDING
    return can_manage_consultation(user, comment.consultation)


# Moderation and officer work ------------------------------------------------------------


def can_moderate(user, consultation) -> bool:
    """Moderators and officers of the lead or a partner organisation (and administrators)."""
    return can_manage_consultation(user, consultation)


def can_respond_officially(user, consultation) -> bool:
    """Officers (not moderators alone) of an owning organisation answer as that organisation."""
    if not can_manage_consultation(user, consultation):
        return False
    return roles.is_admin(user) or roles.has_role(user, roles.OFFICER)


def moderated_consultations(user):
    """Consultations whose contributions this user may moderate."""
    pages = ConsultationPage.objects.all()
    if roles.is_admin(user):
        return pages
    if not roles.role_names(user) & roles.STAFF_ROLES or not user.organisation_id:
        return pages.none()
    return pages.owned_by(user.organisation_id)


def _action(codename: str) -> str:
    return codename.rsplit("_", maxsplit=1)[0]


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions with the walls between organisations built in.

    A role's grant at the root of the page tree (the Officers and Moderators groups) means "on the
    consultations of the user's organisation, as lead or partner, and their proposals". Every other
    page (home, consultation index, statutory pages) is shared and belongs to administrators; the
    one exception is that officers may add a consultation under a consultation index. Grants on
    any other page pass through unchanged, so an administrator can still delegate a page by hand.
    Explorer, search, choosers, the admin pages API, history and reports all read this policy."""

    def _grants(self, user) -> list:
        """The user's own grants from the database (cached for the request)."""
        cached = getattr(user, "_civic_page_grants", None)
        if cached is None:
            if not roles.has_staff_powers(user):
                cached = []  # no second factor, or not staff: no page powers at all
            else:
                cached = list(
                    GroupPagePermission.objects.filter(group__user=user).select_related("page", "permission")
                )
            user._civic_page_grants = cached
        return cached

    def role_actions(self, user) -> set[str]:
        """What the user's roles grant at the root: applied to their organisation's pages only."""
        return {_action(g.permission.codename) for g in self._grants(user) if g.page.depth == 1}

    def owned_consultations(self, user) -> list:
        """The consultations the user's organisation leads or partners (cached for the request)."""
        cached = getattr(user, "_civic_owned_consultations", None)
        if cached is None:
            cached = []
            if user.organisation_id and self.role_actions(user):
                owned = ConsultationPage.objects.owned_by(user.organisation_id)
                cached = list(owned.only("pk", "path", "depth", "owner_id", "lead_organisation_id"))
            user._civic_owned_consultations = cached
        return cached

    def owned_consultation_for(self, user, page):
        """The user's owned consultation that is this page or holds it, if any (no query)."""
        for consultation in self.owned_consultations(user):
            if page.path.startswith(consultation.path):
                return consultation
        return None

    def get_all_permissions_for_user(self, user):
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return GroupPagePermission.objects.none()
        grants = self._grants(user)
        scoped = [g for g in grants if g.page.depth > 1]
        root_grants = [g for g in grants if g.page.depth == 1]
        if root_grants:
            for page in self.owned_consultations(user):
                # unsaved stand-ins: negative ids keep them hashable and apart from real rows
                scoped.extend(
                    GroupPagePermission(
                        id=-(g.pk * 1_000_000_000 + page.pk),
                        group_id=g.group_id,
                        page=page,
                        permission=g.permission,
                    )
                    for g in root_grants
                )
        return scoped

    def user_has_any_permission(self, user, actions):
        """Whether the user may do this anywhere: their roles count even before they own a page."""
        base = self._base_user_has_permission(user)
        if base is not None:
            return base
        actions = set(actions)
        if "change" in actions:
            actions.add("add")
        return bool(actions & {_action(g.permission.codename) for g in self._grants(user)})

    def _index_pages(self, user):
        if "add" not in self.role_actions(user):
            return Page.objects.none()
        return Page.objects.type(ConsultationIndexPage)

    def instances_with_direct_explore_permission(self, user):
        pages = super().instances_with_direct_explore_permission(user)
        if user.is_superuser:
            return pages
        pages = list(pages) + list(self._index_pages(user))
        if not pages and self._grants(user):
            # staff whose organisation has no pages yet: an empty explorer, not a broken dashboard
            pages = [Page.get_first_root_node()]
        return pages

    def explorable_instances(self, user):
        base = self._base_queryset_for_user(user)
        if base is not None:
            return base
        records = self.get_cached_permissions_for_user(user)
        pages = Page.objects.none()
        if records:
            pages = super().explorable_instances(user)
        for index in self._index_pages(user):
            pages |= Page.objects.ancestor_of(index, inclusive=True).exclude(depth=1)
        return pages

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        """Who hears about this page (workflow notifications): only people on its side of the wall."""
        users = super().users_with_any_permission_for_instance(actions, instance, include_superusers)
        consultation = ConsultationPage.objects.ancestor_of(instance, inclusive=True).first()
        explicit = GroupPagePermission.objects.filter(
            page__in=instance.get_ancestors(inclusive=True).exclude(depth=1),
            permission__codename__in=self._get_permission_codenames(actions),
        ).values("group")
        allowed = Q(is_superuser=True) | Q(groups__in=explicit)
        if consultation is not None:
            allowed |= Q(organisation_id__in=consultation.organisation_ids())
        return users.filter(allowed).distinct()


page_permission_policy = OrganisationPagePermissionPolicy()


class OrganisationPagePermissionTester(PagePermissionTester):
    """Consultation and proposal pages: the roles' powers apply to officers of the owning organisations."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and self._owns():
            # a page created in this request is not among the cached grants yet
            self.permissions = self.permissions | page_permission_policy.role_actions(user)

    def _owns(self) -> bool:
        if roles.is_admin(self.user):
            return True
        if self.page.path and page_permission_policy.owned_consultation_for(self.user, self.page):
            return True  # the common case, answered from the request's cache
        # a page created in this request, or a revision that names different owners
        return can_manage_consultation(self.user, self.page.specific_deferred.consultation)

    def _keeps_lead(self) -> bool:
        """Publishing may not hand a consultation to an organisation that is not the user's."""
        page = self.page.specific_deferred
        if roles.is_admin(self.user) or not isinstance(page, ConsultationPage):
            return True
        owned = page_permission_policy.owned_consultation_for(self.user, page) if page.path else None
        if owned is not None and owned.pk == page.pk:
            stored = {owned.lead_organisation_id}
        else:
            stored = set(
                ConsultationPage.objects.filter(pk=page.pk).values_list("lead_organisation_id", flat=True)
            )
        return page.lead_organisation_id in {*stored, self.user.organisation_id}

    def can_edit(self):
        return self._owns() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._owns() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self._owns() and super().can_publish() and self._keeps_lead()

    def can_unpublish(self):
        return self._owns() and super().can_unpublish()

    def can_add_subpage(self):
        return self._owns() and super().can_add_subpage()

    def can_publish_subpage(self):
        return self._owns() and super().can_publish_subpage()

    def can_submit_for_moderation(self):
        return self._owns() and super().can_submit_for_moderation()

    def can_lock(self):
        return self._owns() and super().can_lock()

    def can_unlock(self):
        return self._owns() and super().can_unlock()

    def can_move(self):
        return self._owns() and super().can_move()

    def can_view_revisions(self):
        return self._owns() and super().can_view_revisions()


class ConsultationIndexPermissionTester(PagePermissionTester):
    """A consultation index is shared: officers may only add consultations to it (for their own body)."""

    def can_add_subpage(self):
        if super().can_add_subpage():
            return True
        actions = page_permission_policy.role_actions(self.user)
        creatable = any(
            m.can_create_at(self.page) for m in self.page.specific_class.creatable_subpage_models()
        )
        return self.user.is_active and creatable and "add" in actions

    def can_publish_subpage(self):
        if super().can_publish_subpage():
            return True
        actions = page_permission_policy.role_actions(self.user)
        return self.user.is_active and {"add", "publish"} <= actions


def register_page_policy():
    """Every Wagtail view looks pages up in the policy registry: ours replaces the default."""
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Page, page_permission_policy)
