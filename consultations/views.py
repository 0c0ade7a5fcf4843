"""Thin views: gather context for pages and hand every write to services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from civic import bilingual, pagecache
from civic.converters import parse_id
from civic.pages import is_public, public_pages
from civic.responses import too_often
from civic.twofactor import staff_second_factor_required

from . import live, moderation, paragraphs, permissions, services
from .forms import CommentForm, ConsultationFilterForm, FlagForm, OfficialResponseForm, VoteForm
from .models import Comment, ConsultationPage, ConversationPage, Follow, ProposalPage, SurveyPage, Vote
from .summaries.models import FeedbackResponse

STATUS_FOR_CODE = {"forbidden": 403, "rate_limited": 429}


def _refuse_unseen(exc) -> None:
    """A service refused because the page is not there for this person: a 404, as for reads."""
    if exc.code == "not_found":
        raise Http404(exc.message) from exc


def consultation_list_context(request, index_page) -> dict:
    """Consultations under an index page, filtered by state, topic and organisation."""
    cache_until_next_change(request)
    form = ConsultationFilterForm(request.GET or None)
    consultations = (
        # every consultation, translated or not: a translated list shows each in its language
        public_pages(ConsultationPage.objects.child_of(getattr(index_page, "canonical", index_page)))
        .select_related("lead_organisation")
        .prefetch_related("topics")
        .order_by("-opens_at")
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["state"]:
            consultations = consultations.in_state(data["state"])
        if data["topic"]:
            consultations = consultations.filter(topics=data["topic"])
        if data["organisation"]:
            consultations = consultations.owned_by(data["organisation"])
    page = Paginator(consultations, 10).get_page(request.GET.get("page"))
    page.object_list = bilingual.localize(list(page.object_list), index_page.locale_id)
    query = request.GET.copy()
    query.pop("page", None)
    return {"filter_form": form, "consultations": page, "filter_query": query.urlencode()}


def _comment_page(request, comments):
    """Top-level comments paginated, replies prefetched: a fixed number of queries per page."""
    replies = (
        Comment.objects.listed_for(request.user)
        .select_related("author", "organisation")
        .order_by("created_at", "id")
    )
    threads = (
        comments.listed_for(request.user)
        .top_level()
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .select_related("organisation")
        .in_thread_order()
    )
    return Paginator(threads, settings.COMMENTS_PER_PAGE).get_page(request.GET.get("page"))


def _reply_target(request, comments):
    """The comment named by ?reply_to= when it is a visible top-level comment on this page."""
    comment_id = parse_id(request.GET.get("reply_to", ""))
    if comment_id is None:
        return None
    return comments.visible().top_level().select_related("author").filter(pk=comment_id).first()


def _comment_form(request, comments, proposal: ProposalPage | None = None):
    reply_to = _reply_target(request, comments)
    # ?paragraph=<id> (the "Comment on this paragraph" link): the form quotes that paragraph.
    paragraph = None
    if proposal is not None and not reply_to and request.GET.get("paragraph"):
        paragraph = paragraphs.find(proposal, request.GET["paragraph"])
    initial = {"parent": reply_to.pk} if reply_to else {"paragraph": paragraph.id} if paragraph else {}
    return {
        "comment_form": CommentForm(initial=initial),
        "reply_to": reply_to,
        "comment_paragraph": paragraph,
    }


def _paragraphs(page: ProposalPage) -> tuple[int, list]:
    """The proposal's published comment total and its paragraphs with their counts (one query)."""
    total, counts = paragraphs.published_counts(page)
    found = page.paragraphs()
    for paragraph in found:
        paragraph.comment_count = counts.get(paragraph.id, 0)
    return total, found


def _participation_context(request, consultation) -> dict:
    decision = permissions.can_comment(request.user, consultation)
    can_respond = permissions.can_respond_officially(request.user, consultation)
    return {
        "consultation": consultation,
        "can_comment": decision,
        "can_manage": permissions.can_manage_consultation(request.user, consultation),
        "live_seq": live.last_seq(consultation.pk),
        "can_respond": can_respond,
        "response_form": OfficialResponseForm() if can_respond else None,
    }


def _follow_context(request, page) -> dict:
    """Whether this person follows the page, for the follow button (one query, none when signed out)."""
    following = bool(request.user.is_authenticated) and (
        Follow.objects.filter(user=request.user, page_id=page.pk).exists()
    )
    return {"following": following, "follow_action": reverse("consultations:follow", args=[page.pk])}


CHILD_LISTS = {ConversationPage: "conversations", SurveyPage: "surveys"}


def _conversations_and_surveys(page: ConsultationPage) -> dict[str, list[Page]]:
    """Its live conversations and surveys in one query over its children by content type (plain
    pages with a conversation's question joined on: the lists show only titles, links and that)."""
    names = {model._meta.model_name: key for model, key in CHILD_LISTS.items()}
    children = (
        Page.objects.child_of(page.canonical)
        .live()
        .filter(view_restrictions__isnull=True)  # serving checked this page and its ancestors
        .filter(content_type__app_label=ConsultationPage._meta.app_label, content_type__model__in=names)
        .annotate(kind=F("content_type__model"), question=F("conversationpage__question"))
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "slug", "translation_key")
    )
    lists: dict[str, list[Page]] = {key: [] for key in CHILD_LISTS.values()}
    for child in bilingual.localize(list(children), page.locale_id):
        lists[names[child.kind]].append(child)
    return lists


def cache_until_next_change(request, consultation: ConsultationPage | None = None) -> None:
    """Anonymous readers may get this page from the cache (civic.pagecache) until a consultation on
    it (or any, for lists) opens or closes; writes on the consultation make it stale sooner."""
    if consultation is None:
        pagecache.cacheable(request)
        pagecache.valid_until(request, ConsultationPage.objects.next_change())
        return
    pagecache.cacheable(request, pagecache.consultation_scope(consultation.pk))
    pagecache.valid_until(request, consultation.next_change())


def _proposal_cards(page: ConsultationPage) -> list[ProposalPage]:
    """The consultation's public proposals with their tallies and comment counts (three queries)."""
    proposals = list(
        ProposalPage.objects.child_of(page.canonical)  # a translation lists its canonical page's
        .live()
        .filter(view_restrictions__isnull=True)  # serving checked this page and its ancestors
        .order_by("path")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "slug",
            "proposed_change",
            "location_name",
            "translation_key",  # to find each one's translation (civic.bilingual.localize)
        )
    )
    ids = [p.pk for p in proposals]
    tallies = services.tallies(ids)
    comment_counts = dict(
        Comment.objects.visible()
        .filter(consultation=page, proposal_id__in=ids)  # the consultation leads the comment index
        .values_list("proposal_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for proposal in proposals:
        proposal.tally = tallies[proposal.pk]
        proposal.comment_count = comment_counts.get(proposal.pk, 0)
    return bilingual.localize(proposals, page.locale_id)


def _shared_parts(request, consultation: ConsultationPage, context: dict) -> str:
    """The version under which this page's shared parts are cached (empty: render them), and
    whether its comment list is shared too: not for moderators' pin and lock buttons, nor for a
    resident whose own comments await moderation (only they see those)."""
    user = request.user
    personal_list = bool(context["can_manage"]) or (
        user.is_authenticated
        and Comment.objects.filter(
            consultation=consultation, author=user, status=Comment.Status.PENDING
        ).exists()
    )
    context["shared_comments"] = not personal_list
    # The live position is part of the version: a cached part is never older than the page's seq.
    return pagecache.fragment_key(
        pagecache.consultation_scope(consultation.pk), extra=f"{context['live_seq']}:{consultation.state}"
    )


def consultation_page_context(request, page: ConsultationPage) -> dict:
    """Personal parts now; shared parts lazily, so a cached part (the `shared` tag) costs no query."""
    cache_until_next_change(request, page)
    context = _participation_context(request, page)
    proposals = SimpleLazyObject(lambda: _proposal_cards(page))
    children = SimpleLazyObject(lambda: _conversations_and_surveys(page))
    on_page = page.comments.on_consultation_itself()
    context.update(
        shared_key=_shared_parts(request, page, context),
        proposals=proposals,
        conversations=SimpleLazyObject(lambda: children["conversations"]),
        surveys=SimpleLazyObject(lambda: children["surveys"]),
        # the map lists public pages only
        map_is_public=SimpleLazyObject(lambda: bool(proposals) and is_public(page)),
        comments=SimpleLazyObject(lambda: _comment_page(request, on_page)),
        comment_page=request.GET.get("page", ""),
        comment_total=SimpleLazyObject(lambda: page.comments.visible().on_consultation_itself().count()),
        **_comment_form(request, on_page),
        comment_action=reverse("consultations:post_comment", args=[page.pk]),
        # "You said, we did" for everyone who may see the page, once published (one query).
        responses=SimpleLazyObject(
            lambda: list(FeedbackResponse.objects.shown_with(page, [p.pk for p in proposals]))
        ),
        **_follow_context(request, page),
    )
    return context


def proposal_page_context(request, page: ProposalPage) -> dict:
    consultation = page.consultation
    cache_until_next_change(request, consultation)
    my_vote = None
    if request.user.is_authenticated:
        my_vote = (
            Vote.objects.filter(proposal=page, user=request.user).values_list("choice", flat=True).first()
        )
    context = _participation_context(request, consultation)
    comment_total, page_paragraphs = _paragraphs(page)
    context.update(
        proposal=page,
        tally=services.tally(page),
        my_vote=my_vote,
        vote_form=VoteForm(initial={"choice": my_vote}),
        paragraphs=page_paragraphs,
        comments=_comment_page(request, page.comments.all()),
        comment_total=comment_total,
        **_comment_form(request, page.comments.all(), page),
        comment_action=reverse("consultations:post_comment", args=[page.pk]),
        **_follow_context(request, page),
    )
    return context


# A page's type never changes: once known, a form's page is loaded in one query, not two.
_page_types: dict[int, type[Page]] = {}


def _specific_page(page_id: int) -> Page:
    """The page by id as its own type; a remembered type that no longer fits (an id reused by a
    test database) falls back to the two-query lookup."""
    known = _page_types.get(page_id)
    if known is not None:
        found = known.objects.filter(pk=page_id).first()
        if found is not None:
            return found
    page = get_object_or_404(Page, pk=page_id).specific
    _page_types[page_id] = type(page)
    return page


def _target(page_id: int):
    """The consultation or proposal a form was posted to, with its consultation."""
    page = _specific_page(page_id)
    page = getattr(page, "canonical", page)  # a translation's participation is its canonical page's
    if isinstance(page, ConsultationPage):
        return page, page, None
    if isinstance(page, ProposalPage):
        return page, page.consultation, page
    raise Http404("Not a consultation or proposal")


def _render_with_errors(request, page, status: int, **overrides):
    """Re-render the page with the submitted form and its errors (no redirect, nothing lost)."""
    page = bilingual.in_language(page)  # the reader's language: a translation renders canonical ids
    context = page.get_context(request)
    context.update(overrides)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _guard_page(request, page):
    """The page a request is about must be one this person may view, or it does not exist."""
    if not permissions.can_view_page(request.user, page, session=request.session):
        raise Http404("No such page")


def _quoted(proposal: ProposalPage | None, request):
    """A paragraph comment with errors keeps quoting its paragraph (an unknown id quotes nothing)."""
    return paragraphs.find(proposal, request.POST.get("paragraph", "")) if proposal else None


@require_POST
def post_comment(request, page_id: int):
    """Accept a comment (or reply) from the plain HTML form, then redirect to it."""
    page, consultation, proposal = _target(page_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        _guard_page(request, page)  # the service checks reachability itself on the way to saving
        return _render_with_errors(
            request, page, 400, comment_form=form, comment_paragraph=_quoted(proposal, request)
        )
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            _guard_page(request, page)
            form.add_error(None, _("The comment you replied to no longer exists."))
            return _render_with_errors(
                request, page, 400, comment_form=form, comment_paragraph=_quoted(proposal, request)
            )
    try:
        comment = services.post_comment(
            author=request.user,
            consultation=consultation,
            proposal=proposal,
            parent=parent,
            body=form.cleaned_data["body"],
            stance=form.cleaned_data["stance"],
            paragraph=form.cleaned_data["paragraph"],
            client_token=form.cleaned_data["client_token"],
            session=request.session,
            language=form.cleaned_data["language"],
        )
    except services.ParticipationError as exc:
        _refuse_unseen(exc)
        _guard_page(request, page)
        shown = exc.field in form.fields and not form.fields[exc.field].widget.is_hidden
        form.add_error(exc.field if shown else None, exc.message)
        status = STATUS_FOR_CODE.get(exc.code, 400)
        return _render_with_errors(
            request, page, status, comment_form=form, comment_paragraph=_quoted(proposal, request)
        )
    if comment.status == Comment.Status.PENDING:
        messages.info(request, _("Thank you. Your comment will appear once a moderator has checked it."))
    else:
        messages.success(request, _("Thank you. Your comment has been published."))
    return redirect(f"{bilingual.url_for_reader(page)}#{comment.anchor}")


@require_POST
def follow(request, page_id: int):
    """Follow or unfollow a consultation or proposal from a plain form (no JavaScript needed)."""
    page, _consultation, _proposal = _target(page_id)
    _guard_page(request, page)
    if not request.user.is_authenticated:
        return redirect_to_login(bilingual.url_for_reader(page))
    back = (  # the account page's list of followed pages, or the page's own button
        f"{reverse('profile')}#following-heading"
        if request.POST.get("next") == "profile"
        else f"{bilingual.url_for_reader(page)}#follow"
    )
    try:
        if request.POST.get("action") == "unfollow":
            services.unfollow_page(user=request.user, page=page)
            messages.success(request, _("You no longer follow %(title)s.") % {"title": page.title})
        else:
            services.follow_page(user=request.user, page=page, session=request.session)
            messages.success(
                request,
                _("You are following %(title)s. We will tell you about its results.") % {"title": page.title},
            )
    except services.ParticipationError as exc:
        _refuse_unseen(exc)
        if exc.code == "rate_limited":
            return too_often(
                request, exc.message, back_url=back, back_label=_("Back to %(title)s") % {"title": page.title}
            )
        messages.error(request, exc.message)
    return redirect(back)


@login_required
@require_POST
def alert_topics(request):
    """Save the topics of new-consultation alerts from the account page (a plain checkbox form)."""
    topic_ids = [pk for pk in (parse_id(raw) for raw in request.POST.getlist("topics")) if pk is not None]
    back = f"{reverse('profile')}#alert-topics-heading"
    try:
        chosen = services.set_alert_topics(user=request.user, topic_ids=topic_ids)
    except services.ParticipationError as exc:
        return too_often(request, exc.message, back_url=back, back_label=_("Back to your account"))
    messages.success(
        request,
        _("Your topics have been saved.")
        if chosen
        else _("You will not hear of new consultations by topic."),
    )
    return redirect(back)


@require_POST
def cast_vote(request, page_id: int):
    """Record a vote from the plain HTML form."""
    proposal = get_object_or_404(ProposalPage, pk=page_id)
    _guard_page(request, proposal)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _render_with_errors(request, proposal, 400, vote_form=form)
    try:
        _vote, changed = services.cast_vote(
            voter=request.user, proposal=proposal, choice=form.cleaned_data["choice"], session=request.session
        )
    except services.ParticipationError as exc:
        _refuse_unseen(exc)
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render_with_errors(request, proposal, STATUS_FOR_CODE.get(exc.code, 400), vote_form=form)
    choice = form.cleaned_data["choice"]
    if changed:
        if choice == Vote.Choice.SUPPORT:
            messages.success(request, _("Thank you. Your vote (support) has been recorded."))
        else:
            messages.success(request, _("Thank you. Your vote (oppose) has been recorded."))
    elif choice == Vote.Choice.SUPPORT:
        messages.info(request, _("Your vote was already support."))
    else:
        messages.info(request, _("Your vote was already oppose."))
    return redirect(f"{bilingual.url_for_reader(proposal)}#vote")


def events(request, page_id: int):
    """The live stream over plain HTTP, for networks that block websockets."""
    consultation = ConsultationPage.objects.filter(pk=page_id).with_owners().first()
    if consultation is None or not permissions.can_view_page(
        request.user, consultation, session=request.session
    ):
        return JsonResponse({"error": "No such consultation."}, status=404)
    raw = request.GET.get("since", "0")
    since = parse_id(raw)
    if since is None:
        return JsonResponse({"error": "since must be a whole number of 0 or more."}, status=400)
    language = get_language()  # the address's: /cy/consultations/<id>/events/ is Welsh
    try:
        found, last = live.events_since(consultation.pk, since, language=language)
    except live.FutureSince as exc:
        return JsonResponse({"error": str(exc), "last_seq": live.last_seq(consultation.pk)}, status=400)
    except live.TooFarBehind as exc:
        return JsonResponse(
            {"error": str(exc), "reload": True, "last_seq": live.last_seq(consultation.pk)}, status=410
        )
    response = JsonResponse({"events": [live.message_for(e, language) for e in found], "last_seq": last})
    response["Cache-Control"] = "no-store"
    return response


# Moderation on the public site -----------------------------------------------------------------


def _visible_comment(request, comment_id: int) -> Comment:
    """A published comment on a page this person may view; otherwise it does not exist."""
    comment = get_object_or_404(
        Comment.objects.select_related("consultation", "proposal", "author", "organisation"), pk=comment_id
    )
    page = comment.proposal if comment.proposal_id else comment.consultation
    if comment.status != Comment.Status.PUBLISHED or not permissions.can_view_page(
        request.user, page, session=request.session
    ):
        raise Http404("No such comment")
    return comment


@require_http_methods(["GET", "POST"])
def report_comment(request, comment_id: int):
    """Residents report a comment to the moderators (works without JavaScript)."""
    comment = _visible_comment(request, comment_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation.flag_comment(
                    user=request.user,
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    session=request.session,
                )
            except services.ParticipationError as exc:
                _refuse_unseen(exc)
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = STATUS_FOR_CODE.get(exc.code, 400)
            else:
                messages.success(request, _("Thank you. A moderator will look at this comment."))
                target = comment.proposal if comment.proposal_id else comment.consultation
                return redirect(f"{bilingual.url_for_reader(target)}#comments")
        else:
            status = 400
    return TemplateResponse(
        request, "consultations/comment_report.html", {"comment": comment, "form": form}, status=status
    )


@staff_second_factor_required
@require_POST
def official_response(request, page_id: int):
    """Officers answer as their organisation (visibly marked), optionally pinned."""
    page, consultation, proposal = _target(page_id)
    _guard_page(request, page)
    form = OfficialResponseForm(request.POST)
    if not permissions.can_respond_officially(request.user, consultation):
        raise PermissionDenied
    if form.is_valid():
        parent = None
        if form.cleaned_data.get("parent"):
            parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        try:
            response = moderation.post_official_response(
                officer=request.user,
                consultation=consultation,
                proposal=proposal,
                parent=parent,
                body=form.cleaned_data["body"],
                pinned=form.cleaned_data["pinned"],
            )
        except services.ParticipationError as exc:
            _refuse_unseen(exc)
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Your response has been published."))
            return redirect(f"{bilingual.url_for_reader(page)}#{response.anchor}")
    return _render_with_errors(request, page, 400, response_form=form)


@staff_second_factor_required
@require_POST
def thread_action(request, comment_id: int):
    """Pin, unpin, lock or unlock a thread."""
    comment = _visible_comment(request, comment_id)
    action = request.POST.get("action")
    changes = {
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
        "lock": {"locked": True},
        "unlock": {"locked": False},
    }.get(action)
    if changes is None:
        return HttpResponseBadRequest("Unknown action")
    try:
        moderation.set_thread_flags(officer=request.user, comment=comment, **changes)
    except services.ParticipationError as exc:
        _refuse_unseen(exc)
        if exc.code == "forbidden":
            raise PermissionDenied(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            {
                "pin": _("Pinned."),
                "unpin": _("Unpinned."),
                "lock": _("Replies closed."),
                "unlock": _("Replies reopened."),
            }[action],
        )
    target = comment.proposal if comment.proposal_id else comment.consultation
    return redirect(f"{bilingual.url_for_reader(target)}#{comment.anchor}")


def moderation_log(request, page_id: int):
    """The public account of moderation on a consultation: counts only, nothing personal."""
    consultation = get_object_or_404(ConsultationPage.objects.with_owners(), pk=page_id)
    _guard_page(request, consultation)
    return TemplateResponse(
        request,
        "consultations/moderation_log.html",
        {"consultation": consultation, "log": moderation.public_log(consultation)},
    )
