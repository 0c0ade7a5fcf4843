"""The summary's paragraph heat strip and its table: which paragraphs drew most comments, and stance."""

import pytest
from wagtail.rich_text import RichText

from consultations import services
from consultations.models import Comment
from tests.civic.factories import UserFactory
from tests.consultations.factories import make_proposal
from tests.support.auth import sign_in


def text_proposal(consultation, *texts):
    page = make_proposal(
        consultation, proposed_change=[("paragraph", RichText(f"<p>{t}</p>")) for t in texts]
    )
    page.save_revision().publish()
    return page


def say(proposal, paragraph, stance):
    return services.post_comment(
        author=UserFactory(roles=["Residents"]),
        consultation=proposal.consultation,
        proposal=proposal,
        body=f"About this: {stance}.",
        stance=stance,
        paragraph=paragraph.id,
    )


@pytest.fixture
def commented(consultation):
    proposal = text_proposal(consultation, "Open until 7pm.", "Close on Mondays.", "Review in a year.")
    first, second, _ = proposal.paragraphs()
    for stance in ("support", "support", "oppose"):
        say(proposal, first, stance)
    say(proposal, second, "question")
    hidden = say(proposal, second, "oppose")
    Comment.objects.filter(pk=hidden.pk).update(status="hidden")  # hidden: counted nowhere
    return proposal


def test_officers_see_the_heat_strip_and_table(client, consultation, commented, officer, summary_url):
    sign_in(client, officer)
    response = client.get(summary_url(consultation))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Comments on paragraphs" in html and "4 comments on its paragraphs." in html
    # the strip: the most commented paragraph darkest, one comment of three still shows, none is blank
    strip = html[html.index('class="heat-strip"') : html.index("</ol>", html.index('class="heat-strip"'))]
    assert ['heat--5">3<', 'heat--2">1<', 'heat--0">0<'] == [
        cell for cell in ('heat--5">3<', 'heat--2">1<', 'heat--0">0<') if cell in strip
    ]
    assert strip.index("heat--5") < strip.index("heat--2") < strip.index("heat--0")
    assert 'class="stance-fill--support" x="0" y="0" width="80"' in strip
    assert 'class="stance-fill--oppose" x="80" y="0" width="40"' in strip
    # the table: paragraph, text, comments, then support / oppose / neutral / question
    first, second, third = commented.paragraphs()
    cells = lambda row: [c.strip() for c in row]  # noqa: E731
    assert f'href="{commented.url}#paragraph-{first.id}">1</a>' in html
    row = html[html.index(f"#paragraph-{first.id}") :].split("</tr>")[0]
    assert cells(row.split('<td class="numeric">')[1:]) == ["3</td>", "2</td>", "1</td>", "0</td>", "0</td>"]
    row = html[html.index(f"#paragraph-{second.id}") :].split("</tr>")[0]
    assert cells(row.split('<td class="numeric">')[1:]) == ["1</td>", "0</td>", "0</td>", "0</td>", "1</td>"]


def test_comments_on_a_removed_paragraph_are_counted_apart(
    client, consultation, commented, officer, summary_url
):
    first, second, third = commented.paragraphs()
    commented.proposed_change = [dict(block) for block in commented.proposed_change.raw_data][1:]  # ids kept
    commented.save_revision().publish()
    sign_in(client, officer)
    html = client.get(summary_url(consultation)).content.decode()
    assert "3 of them on paragraphs since removed from the proposal." in html
    assert f"#paragraph-{first.id}" not in html


def test_residents_cannot_open_the_summary_with_the_strip(
    client, consultation, commented, resident, summary_url
):
    sign_in(client, resident)
    assert client.get(summary_url(consultation)).status_code == 403


def test_no_paragraph_comments_no_section(client, consultation, proposal, officer, summary_url):
    sign_in(client, officer)
    assert "Comments on paragraphs" not in client.get(summary_url(consultation)).content.decode()


def test_the_strip_costs_one_query_however_many_proposals(
    client, consultation, commented, officer, summary_url, django_assert_max_num_queries
):
    sign_in(client, officer)
    client.get(summary_url(consultation))
    with django_assert_max_num_queries(40) as few:
        client.get(summary_url(consultation))
    budget = len(few)  # read now: the next request clears the query log
    for n in range(4):
        more = text_proposal(consultation, f"Paragraph {n}.", "Another.")
        say(more, more.paragraphs()[0], "support")
    client.get(summary_url(consultation))
    with django_assert_max_num_queries(budget):
        html = client.get(summary_url(consultation)).content.decode()
    assert html.count('class="paragraph-summary"') == 5
