"""The feedback summary filters by the language comments were written in (?language=cy)."""

from consultations.models import Comment
from consultations.summaries import services
from consultations.summaries.figures import build_summary
from tests.support.auth import sign_in


def welsh_half(consultation) -> int:
    """Every other comment in Welsh; how many of them the summary counts."""
    ids = list(Comment.objects.filter(consultation=consultation).order_by("pk").values_list("pk", flat=True))
    Comment.objects.filter(pk__in=ids[::2]).update(language="cy")
    return services.summarised_comments(consultation).filter(language="cy").count()


def test_counts_and_themes_respect_the_language(consultation, corpus):
    welsh = welsh_half(consultation)
    services.build_themes(consultation.pk)
    everything = build_summary(consultation)
    in_welsh = build_summary(consultation, language="cy")
    in_english = build_summary(consultation, language="en-gb")
    assert in_welsh["totals"]["comments"] == welsh
    assert (
        in_welsh["totals"]["comments"] + in_english["totals"]["comments"] == everything["totals"]["comments"]
    )
    sizes = {v.theme.pk: v.size for v in everything["themes"]}
    for view in in_welsh["themes"]:
        assert view.size <= sizes[view.theme.pk]
        assert all(quote.language == "cy" for quote in view.quotes)
    assert sum(v.size for v in in_welsh["themes"]) <= welsh


def test_summary_page_has_the_language_control_and_ignores_an_unknown_code(
    client, consultation, corpus, officer, summary_url
):
    welsh_half(consultation)
    services.build_themes(consultation.pk)
    sign_in(client, officer)
    page = client.get(summary_url(consultation), {"language": "cy"}).content.decode()
    assert '<option value="cy" selected>Cymraeg</option>' in page
    assert "?language=cy" in page  # the printable report and PDF keep the filter
    assert 'lang="cy"' in page  # quotes in Welsh are marked as Welsh
    unknown = client.get(summary_url(consultation), {"language": "zz"})
    assert unknown.status_code == 200
    assert '<option value="" selected>All languages</option>' in unknown.content.decode()
