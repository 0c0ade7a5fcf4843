"""Civic's ASGI application with every POST held a while before Django sees it, so a test can stop
the server while requests are surely in flight (CIVIC_TEST_POST_HOLD seconds, default 1)."""

import asyncio
import os

from project.asgi import application as civic_application

HOLD = float(os.environ.get("CIVIC_TEST_POST_HOLD", "1"))


async def application(scope, receive, send):
    if scope["type"] == "http" and scope["method"] == "POST":
        await asyncio.sleep(HOLD)
    await civic_application(scope, receive, send)
