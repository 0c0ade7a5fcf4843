"""The council's brand as pages and emails use it: read from each site's Brand setting, cached.

Every site's values sit under one cache key (civic.models.BRAND_CACHE_KEY), so a page costs one
cache read and no query; saving a Brand clears the key, and it expires after CACHE_SECONDS anyway
(a replaced logo file, a site's new hostname). Without a Brand row a site gets the defaults: the
SITE_NAME setting ("Civic"), the GOV.UK-like blue, no logo, no extra footer links."""

from dataclasses import dataclass, field
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from .colours import darker
from .models import BRAND_CACHE_KEY, DEFAULT_BRAND_COLOUR, Brand

CACHE_SECONDS = 300
LOGO_FILTER = "height-60"


@dataclass(frozen=True)
class Logo:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class SiteBrand:
    site_name: str
    colour: str = DEFAULT_BRAND_COLOUR
    logo: Logo | None = None
    footer_links: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    sender_name: str = ""

    @property
    def custom_colour(self) -> bool:
        """Only a changed colour needs the page's small style block; the default is in civic.css."""
        return self.colour.lower() != DEFAULT_BRAND_COLOUR

    @property
    def colour_dark(self) -> str:
        return darker(self.colour)

    @property
    def from_email(self) -> str:
        """DEFAULT_FROM_EMAIL's address under the council's sender name (or its site name)."""
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
        return formataddr((self.sender_name or self.site_name, address))


@dataclass(frozen=True)
class _Entry:
    hostname: str
    port: int
    is_default: bool
    brand: SiteBrand


def default() -> SiteBrand:
    return SiteBrand(site_name=settings.WAGTAIL_SITE_NAME)


def _values(row: Brand | None) -> SiteBrand:
    if row is None:
        return default()
    logo = None
    if row.logo is not None:
        rendition = row.logo.get_rendition(LOGO_FILTER)
        logo = Logo(url=rendition.url, width=rendition.width, height=rendition.height)
    return SiteBrand(
        site_name=row.site_name or settings.WAGTAIL_SITE_NAME,
        colour=row.primary_colour or DEFAULT_BRAND_COLOUR,
        logo=logo,
        footer_links=tuple((link.value["label"], link.value["address"]) for link in row.footer_links),
        sender_name=row.email_sender_name,
    )


def _load() -> list[_Entry]:
    """Every site with its brand: one query (plus the logo's rendition), once per CACHE_SECONDS."""
    entries = cache.get(BRAND_CACHE_KEY)
    if entries is None:
        sites = Site.objects.select_related("brand", "brand__logo").order_by("pk")
        entries = [
            _Entry(site.hostname, site.port, site.is_default_site, _values(getattr(site, "brand", None)))
            for site in sites
        ]
        cache.set(BRAND_CACHE_KEY, entries, CACHE_SECONDS)
    return list(entries)


def _match(entries: list[_Entry], hostname: str, port: int) -> SiteBrand:
    """Wagtail's choice of site (wagtail.models.sites.get_site_for_hostname), without a query."""

    def rank(entry: _Entry) -> int:
        if entry.hostname == hostname and entry.port == port:
            return 0
        if entry.hostname == hostname and entry.is_default:
            return 1
        return 2 if entry.is_default else 3

    candidates = sorted((e for e in entries if e.hostname == hostname or e.is_default), key=rank)
    if not candidates:
        return default()
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0].brand
    return candidates[1].brand if len(candidates) == 2 else candidates[0].brand


def for_request(request: HttpRequest | None) -> SiteBrand:
    """The brand of the site this request is for (remembered on the request)."""
    if request is None:
        return for_default_site()
    cached: SiteBrand | None = getattr(request, "_civic_brand", None)
    if cached is None:
        hostname = split_domain_port(request.get_host())[0]
        try:
            port = int(request.get_port())
        except (TypeError, ValueError):
            port = 80
        cached = _match(_load(), hostname, port)
        setattr(request, "_civic_brand", cached)  # noqa: B010 - HttpRequest has no such attribute
    return cached


def for_default_site() -> SiteBrand:
    """The default site's brand: emails and tasks, which have no request."""
    return next((entry.brand for entry in _load() if entry.is_default), default())


def forget(*args: Any, **kwargs: Any) -> None:
    """Drop the cached brands when a site or a brand changes (after commit, so no reader refills
    the cache with the old row)."""
    transaction.on_commit(lambda: cache.delete(BRAND_CACHE_KEY))


def site_names() -> list[str]:
    """Every name the sites go by (a display name may not pose as one)."""
    return sorted({entry.brand.site_name for entry in _load()} | {settings.WAGTAIL_SITE_NAME})


def context(request: HttpRequest) -> dict[str, Any]:
    brand = for_request(request)
    return {"brand": brand, "site_name": brand.site_name}
