"""ASGI entry point: Django handles HTTP, Channels routes websockets, one process serves both."""

import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from civic.pagecache_fast import FastPageCache  # noqa: E402
from civic.uploads import install_daphne_limits  # noqa: E402
from civic.ws_auth import SessionUserStack  # noqa: E402
from consultations.routing import websocket_urlpatterns  # noqa: E402

install_daphne_limits()  # oversized bodies are refused as they arrive, never queued in memory

application = ProtocolTypeRouter(
    {
        "http": FastPageCache(django_asgi_app),  # repeated anonymous hits skip Django's threads
        "websocket": AllowedHostsOriginValidator(SessionUserStack(URLRouter(websocket_urlpatterns))),
    }
)

# A server process lives for days with a large, stable heap (the loaded apps, a socket per viewer).
# Full garbage collections scan all of it and pause the event loop, live deliveries included:
# freeze what loading created (it lives as long as the process anyway) and collect the young
# generation less often, so full collections come rarer and scan less.
gc.collect()
gc.freeze()
gc.set_threshold(50_000, 20, 100)
