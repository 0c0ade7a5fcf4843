"""What consultations add to the sign-up form: topics for new-consultation alerts (civic.signup)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from civic.forms import IdModelMultipleChoiceField
from civic.models import User
from civic.signup import AlertOption

from . import services
from .models import Topic

TOPICS = "alert_topics"


def topics_field() -> forms.Field | None:
    """The topics as checkboxes, none ticked (no field when there are no topics to choose)."""
    topics = Topic.objects.order_by("name")
    if not topics.exists():
        return None
    return IdModelMultipleChoiceField(
        queryset=topics,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Topics you want to hear about"),
        error_messages={
            "invalid_choice": gettext_lazy("Choose topics from the list."),
            "invalid_pk_value": gettext_lazy("Choose topics from the list."),
        },
    )


def save_topics(user: User, topics: Any) -> None:
    """Through the same service as the account page's topics form."""
    services.set_alert_topics(user=user, topic_ids=[topic.pk for topic in topics])


ALERT_TOPICS = AlertOption(name=TOPICS, field=topics_field, save=save_topics)
