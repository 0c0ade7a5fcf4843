"""The floor for bench_live: a bare ASGI app that broadcasts a payload to its own websockets.

No Django, no channel layer, no database: just daphne writing one frame to every socket."""

connections: set = set()


async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] == "websocket":
        await receive()
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": '{"type":"hello"}'})
        connections.add(send)
        try:
            while (await receive())["type"] != "websocket.disconnect":
                pass
        finally:
            connections.discard(send)
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    text = body.decode()
    for socket_send in list(connections):
        await socket_send({"type": "websocket.send", "text": text})
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})
