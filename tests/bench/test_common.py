from bench.common import create_consultation
from consultations.models import ConsultationIndexPage


def test_bench_consultations_never_go_under_the_search_benchs_index(home, organisation):
    """bench_search reuses its 200,000 contributions only while its index holds nothing else."""
    search_index = home.add_child(instance=ConsultationIndexPage(title="Bench search", slug="bench-search"))
    page = create_consultation("writes-test", "Writes bench", organisation, opens_days=-1, closes_days=30)
    parent = page.get_parent().specific
    assert parent.pk != search_index.pk and isinstance(parent, ConsultationIndexPage)
    assert not search_index.get_children().exists()
