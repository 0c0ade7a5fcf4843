"""Participation data in the Wagtail admin for officers and moderators."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Comment


class CommentViewSet(ModelViewSet):
    """Every comment, searchable and filterable, for staff; editing is limited to moderation."""

    model = Comment
    icon = "comment"
    menu_label = "Comments"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "consultation", "proposal", "stance", "status", "channel", "created_at"]
    list_filter = ["status", "stance", "channel", "consultation"]
    search_fields = ["body"]
    form_fields = ["status", "stance"]
    inspect_view_enabled = True
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("comments")
