"""Serve the few Leaflet files Civic uses straight from the xstatic packages on PyPI (no CDN, no copies).

Only these files are exposed: the packages also ship minified files whose source maps they do not
include, which would break `collectstatic` with hashed (manifest) storage.
"""

from pathlib import Path

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from django.contrib.staticfiles import utils
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

VENDOR = {
    "mapping/vendor/leaflet": (
        xstatic.pkg.leaflet.BASE_DIR,
        [
            "leaflet.js",
            "leaflet.js.map",
            "leaflet.css",
            "images/layers.png",
            "images/layers-2x.png",
            "images/marker-icon.png",
            "images/marker-icon-2x.png",
            "images/marker-shadow.png",
        ],
    ),
    "mapping/vendor/markercluster": (
        xstatic.pkg.leaflet_markercluster.BASE_DIR,
        [
            "leaflet.markercluster-src.js",
            "leaflet.markercluster-src.js.map",
            "MarkerCluster.css",
            "MarkerCluster.Default.css",
        ],
    ),
}


class VendorFinder(BaseFinder):
    """A staticfiles finder for the listed files of the Leaflet xstatic packages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storages = {}
        for prefix, (root, _files) in VENDOR.items():
            storage = FileSystemStorage(location=root)
            storage.prefix = prefix
            self.storages[prefix] = storage

    def find(self, path, find_all=False, **kwargs):
        matches = []
        for prefix, (root, files) in VENDOR.items():
            if path.startswith(prefix + "/") and path[len(prefix) + 1 :] in files:
                found = str(Path(root) / path[len(prefix) + 1 :])
                if not find_all:
                    return found
                matches.append(found)
        return matches

    def list(self, ignore_patterns):
        for prefix, (_root, files) in VENDOR.items():
            storage = self.storages[prefix]
            for name in files:
                if not utils.matches_patterns(name, ignore_patterns or []):
                    yield name, storage
