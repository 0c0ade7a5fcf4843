"""Public site search over published pages (Wagtail search); never over contributions."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def site_search(request):
    query = (request.GET.get("q") or "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Search for {MAX_QUERY_LENGTH} characters or fewer."
    elif query:
        found = Page.objects.live().public().specific().search(query)
        results = Paginator(found, 10).get_page(request.GET.get("page"))
    return render(request, "search/site_search.html", {"query": query, "results": results, "error": error})
