"""What surveys hold about a person: their answers for 'download my data'; erasure unlinks them."""

from django.utils.translation import gettext_lazy

from civic.models import User
from civic.personal_data import register, register_eraser, when

from .models import SurveyResponse


def survey_responses(user: User) -> list[dict]:
    """Their answers as they read them, sent and not yet sent, per survey."""
    rows = SurveyResponse.objects.filter(user=user).select_related("survey").order_by("created_at", "id")
    found = []
    for response in rows:
        questions = response.survey.question_list()
        found.append(
            {
                "survey": response.survey.title,
                "sent": when(response.submitted_at) if response.submitted_at else None,
                "answers": {
                    q.label: q.display(response.answers.get(q.id))
                    for q in questions
                    if q.id in response.answers
                },
                "answers_not_yet_sent": (
                    {
                        q.label: q.display(response.draft.get(q.id))
                        for q in questions
                        if q.id in response.draft
                    }
                    if response.draft is not None
                    else None
                ),
            }
        )
    return found


def erase(user: User) -> None:
    """Sent answers keep counting, linked to nobody; unsent drafts go."""
    SurveyResponse.objects.filter(user=user, submitted_at__isnull=True).delete()
    SurveyResponse.objects.filter(user=user).update(user=None, draft=None)


def register_collectors() -> None:
    register("survey_responses", survey_responses, title=gettext_lazy("Your survey answers"))
    register_eraser("surveys", erase)
