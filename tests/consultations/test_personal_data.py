"""Consultations' part of 'download my data': own comments with outcomes, votes and reports made;
nothing written by or identifying anyone else."""

import json

from consultations import personal_data
from consultations.models import Comment, Flag, ModerationDecision
from tests.civic.factories import UserFactory
from tests.consultations.factories import CommentFactory, VoteFactory


def test_comments_carry_their_moderation_outcomes_but_not_the_moderator(consultation, proposal, resident):
    moderator = UserFactory(roles=["Moderators"], display_name="ModeratorMo", email="mo@council.example")
    comment = CommentFactory(
        consultation=consultation, proposal=proposal, author=resident, body="Open the library on Sundays."
    )
    comment.status = Comment.Status.HIDDEN
    comment.save()
    ModerationDecision.objects.create(
        comment=comment,
        consultation=consultation,
        moderator=moderator,
        decision="hide",
        reason="personal_data",
        note="Please leave out your neighbour's address.",
        previous_status="published",
    )
    [row] = personal_data.comments(resident)
    assert row["text"] == "Open the library on Sundays."
    assert row["consultation"] == consultation.title and row["proposal"] == proposal.title
    assert row["status"] == "Hidden" and row["address"] is None  # no link to what is not shown
    assert row["moderation"] == [
        {
            "decision": "Hide",
            "reason": "Contains personal information",
            "note": "Please leave out your neighbour's address.",
            "decided": row["moderation"][0]["decided"],
        }
    ]
    dumped = json.dumps(row)
    assert "ModeratorMo" not in dumped and "mo@council.example" not in dumped


def test_a_published_comment_links_to_where_it_is_shown(consultation, resident):
    comment = CommentFactory(consultation=consultation, author=resident)
    [row] = personal_data.comments(resident)
    assert row["address"].endswith(f"/consultations/contributions/{comment.pk}/")
    assert row["address"].startswith("http")


def test_replies_and_reports_by_others_stay_out_of_a_persons_comments(consultation, resident):
    neighbour = UserFactory(display_name="NeighbourNed", email="ned@example.org")
    mine = CommentFactory(consultation=consultation, author=resident, body="My view.")
    reply_to_me = CommentFactory(
        consultation=consultation, author=neighbour, parent=mine, body="Ned's reply."
    )
    Flag.objects.create(comment=mine, user=neighbour, reason="off_topic", note="Ned thinks so")
    Comment.objects.filter(pk=mine.pk).update(flag_count=1)
    my_reply = CommentFactory(
        consultation=consultation, author=resident, parent=reply_to_me, body="I answer."
    )
    rows = personal_data.comments(resident)
    assert [row["id"] for row in rows] == [mine.pk, my_reply.pk]
    assert rows[0]["times_reported_by_others"] == 1
    assert rows[1]["in_reply_to_comment"] == reply_to_me.pk  # a number, not the other person
    dumped = json.dumps([rows, personal_data.flags(resident), personal_data.votes(resident)])
    for theirs in ("NeighbourNed", "ned@example.org", "Ned's reply.", "Ned thinks so"):
        assert theirs not in dumped


def test_votes_name_the_proposal_and_its_consultation(consultation, proposal, resident):
    VoteFactory(proposal=proposal, user=resident, choice="oppose")
    VoteFactory(proposal=proposal)  # someone else's
    [row] = personal_data.votes(resident)
    assert row["vote"] == "Oppose"
    assert row["proposal"] == proposal.title and row["consultation"] == consultation.title
    assert row["address"].endswith(proposal.url)


def test_votes_cost_the_same_queries_for_one_or_many(
    consultation, proposal, resident, django_assert_max_num_queries
):
    from tests.consultations.factories import make_proposal

    for _ in range(5):
        VoteFactory(proposal=make_proposal(consultation), user=resident)
    # 4: votes with their proposals and consultations, plus the locales (each page's language)
    with django_assert_max_num_queries(4):
        assert len(personal_data.votes(resident)) == 5


def test_flags_they_made_say_which_comment_and_why_not_its_words(consultation, resident):
    other = CommentFactory(consultation=consultation, body="Someone else's words")
    Flag.objects.create(comment=other, user=resident, reason="spam", note="Advert for a shop")
    [row] = personal_data.flags(resident)
    assert row == {
        "comment": other.pk,
        "consultation": consultation.title,
        "reason": "Spam or advertising",
        "note": "Advert for a shop",
        "reported": row["reported"],
    }
    assert "Someone else's words" not in json.dumps(row)


def test_entered_responses_leave_out_the_respondents_details(consultation, officer, resident):
    assert personal_data.entered_responses(resident) is None
    Comment.objects.create(
        consultation=consultation,
        author=None,
        entered_by=officer,
        channel="paper",
        body="Paper words",
        respondent_name="Mrs Paper",
        respondent_postcode="NB1 2AA",
    )
    [row] = personal_data.entered_responses(officer)
    assert row["channel"] == "Paper"
    dumped = json.dumps(row)
    assert "Mrs Paper" not in dumped and "NB1 2AA" not in dumped and "Paper words" not in dumped


def test_comments_cost_the_same_queries_for_one_or_many(
    consultation, resident, django_assert_max_num_queries
):
    for _ in range(5):
        CommentFactory(consultation=consultation, author=resident)
    with django_assert_max_num_queries(2):
        assert len(personal_data.comments(resident)) == 5
