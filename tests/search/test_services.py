"""Saved searches are written only through search.services, which keeps each officer's own."""

from search import services
from search.models import SavedSearch


def test_saving_again_replaces_and_deleting_spares_other_officers(officer, make_user, organisation):
    saved = services.save_search(owner=officer, name="Potholes", query="q=potholes")
    again = services.save_search(owner=officer, name="Potholes", query="q=pothole&stance=oppose")
    assert again.pk == saved.pk and SavedSearch.objects.get().query == "q=pothole&stance=oppose"
    colleague = make_user(roles=["Officers"], organisation=organisation)
    services.delete_saved_search(owner=colleague, saved=saved)
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
    services.delete_saved_search(owner=officer, saved=saved)
    assert not SavedSearch.objects.exists()
