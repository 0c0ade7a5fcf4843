"""Template helpers for linking to a consultation's feedback summary."""

from django import template

from consultations.summaries.permissions import can_view_summary

register = template.Library()


@register.simple_tag(takes_context=True)
def summary_visible(context, consultation) -> bool:
    """True when the person viewing the page may open the consultation's feedback summary."""
    request = context.get("request")
    return bool(request) and can_view_summary(
        request.user, consultation, session=getattr(request, "session", None)
    )
