"""Search's part of 'download my data': an officer's saved searches; residents have none."""

from search import personal_data
from search.models import SavedSearch


def test_saved_searches_are_in_their_owners_export_only(officer, resident, make_user):
    SavedSearch.objects.create(owner=officer, name="Library comments", query="q=library&type=comment")
    SavedSearch.objects.create(owner=make_user(roles=["Officers"]), name="Someone else's", query="q=x")
    [row] = personal_data.saved_searches(officer)
    assert row["name"] == "Library comments"
    assert row["address"].endswith("/search/officer/?q=library&type=comment")
    assert personal_data.saved_searches(resident) is None
