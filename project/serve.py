"""Serve Civic with daphne, stopping gracefully: `python -m project.serve [daphne options] APP`.

Plain daphne answers SIGTERM by cancelling every running request and closing its sockets, so a
deploy drops requests it has already taken (a comment can be stored and its poster never told).
Here SIGTERM (or Ctrl+C) instead: refuses new connections, lets the requests it has accepted
finish, closes websockets with 1001 (going away) so live pages reconnect to another process,
then exits 0. After `--drain-timeout` seconds (SHUTDOWN_DRAIN_TIMEOUT, default 30) whatever is
left is cut off; a second signal cuts it off at once.
"""

# daphne.server installs Twisted's asyncio reactor, which must happen before anything imports
# twisted.internet.reactor.
from daphne.server import Server  # isort:skip

import contextlib
import functools
import logging
import os
import signal
import sys
import time
import weakref

import daphne.server
from daphne import http_protocol
from daphne.cli import CommandLineInterface
from daphne.http_protocol import HTTPFactory, WebRequest
from twisted.internet import reactor

from project.listening import has_unread_data, stop_accepting

logger = logging.getLogger("project.serve")

GOING_AWAY = 1001
TICK = 0.1  # seconds between checks while draining
# A connection accepted just before shutdown whose request has not arrived yet: the client sent
# it at once, so this is generous; a connection silent for longer is someone holding a socket.
SILENT_CONNECTION_GRACE = 5.0


class DrainingRequest:
    """Mixed into daphne's request class: close the connection after the response once the
    server is draining."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.civic_requests_seen = True

    def process(self):
        if self.server.draining:
            self.close_after_response()
        return super().process()

    def close_after_response(self):
        if self.channel is not None:
            self.channel.persistent = False
        if not self._response_started and not self.startedWriting:
            self.responseHeaders.setRawHeaders(b"connection", [b"close"])


@functools.cache
def draining(request_class):
    return type(f"Draining{request_class.__name__}", (DrainingRequest, request_class), {})


class TrackingHTTPFactory(HTTPFactory):
    """Daphne's HTTP factory, remembering its connections so shutdown can close the idle ones."""

    def __init__(self, server):
        super().__init__(server)
        self.connections = weakref.WeakSet()

    def buildProtocol(self, addr):
        protocol = super().buildProtocol(addr)
        # Whatever request class daphne uses now (civic.uploads replaces it at start-up).
        protocol.requestFactory = draining(http_protocol.WebRequest)
        self.connections.add(protocol)
        return protocol


class GracefulServer(Server):
    """Daphne's server with a drain on SIGTERM/SIGINT instead of an immediate stop."""

    def __init__(self, *args, drain_timeout=30.0, **kwargs):
        kwargs["signal_handlers"] = False  # Twisted's handlers stop the reactor at once
        super().__init__(*args, **kwargs)
        self.drain_timeout = drain_timeout
        self.ports = []
        self.draining = False
        self.drain_started = None
        self.cut_short = False
        self.stopping = False

    def run(self):
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        # Server.run builds its HTTP factory from daphne.server's name for it: ours, for this run.
        daphne.server.HTTPFactory = TrackingHTTPFactory
        try:
            super().run()
        finally:
            daphne.server.HTTPFactory = HTTPFactory

    def listen_success(self, port):
        self.ports.append(port)
        super().listen_success(port)

    def _on_signal(self, signum, frame):
        reactor.callFromThread(self.begin_drain if not self.draining else self.force_stop)

    def begin_drain(self):
        """Stop accepting, tell in-flight requests to close their connections, start the clock."""
        if self.draining:
            return
        self.draining = True
        self.drain_started = time.monotonic()
        logger.info("Shutting down: finishing requests in flight (up to %ss)", self.drain_timeout)
        for port in self.ports:
            stop_accepting(port)
        for protocol in list(self.connections):
            if isinstance(protocol, DrainingRequest) and not protocol.finished:
                protocol.close_after_response()
        self.drain_tick()

    def drain_tick(self):
        if self.stopping:
            return
        now = time.monotonic()
        waiting = self.close_connections(now - self.drain_started)
        if not waiting:
            logger.info("Drained: exiting")
            self.stop_now()
        elif now - self.drain_started >= self.drain_timeout:
            logger.warning("Drain timeout: cutting off %d connection(s) still open", waiting)
            self.cut_short = True
            self.stop_now()
        else:
            reactor.callLater(TICK, self.drain_tick)

    def close_connections(self, elapsed):
        """Close what may be closed now; return how many connections are still being waited for."""
        waiting = 0
        for protocol, details in list(self.connections.items()):
            instance = details.get("application_instance")
            finishing = instance is not None and not instance.done()
            still_open = "disconnected" not in details
            if still_open and not isinstance(protocol, WebRequest):  # a websocket
                if protocol.state == protocol.STATE_OPEN:
                    protocol.sendCloseFrame(code=GOING_AWAY, reasonUtf8=b"server restarting")
                elif protocol.state == protocol.STATE_CONNECTING and elapsed >= self.drain_timeout / 2:
                    protocol.dropConnection(abort=True)  # the application never answered the handshake
            waiting += finishing or still_open
        for channel_protocol in list(self.http_factory.connections):
            channel = getattr(channel_protocol, "_channel", channel_protocol)
            transport = channel.transport
            if transport is None or not transport.connected or transport.protocol is not channel_protocol:
                continue  # closed, or upgraded to a websocket (handled above)
            waiting += 1  # until the response has left and the connection is closed
            if channel.requests or getattr(channel, "civic_closing", False) or has_unread_data(transport):
                continue  # a request being received or answered, or about to be read
            if getattr(channel, "civic_requests_seen", False) or elapsed >= SILENT_CONNECTION_GRACE:
                channel.civic_closing = True  # between keep-alive requests, or accepted and silent
                channel.loseConnection()
        return waiting

    def force_stop(self):
        logger.warning("Second signal: stopping at once")
        self.cut_short = True
        self.stop_now()

    def stop_now(self):
        if not self.stopping:
            self.stopping = True
            self.stop()

    def kill_all_applications(self):
        """Daphne's version, tolerating connections that never started an application."""
        for details in self.connections.values():
            details.setdefault("application_instance", None)
        self.connections = {
            protocol: details
            for protocol, details in self.connections.items()
            if details["application_instance"] is not None
        }
        return super().kill_all_applications()


class GracefulCommandLineInterface(CommandLineInterface):
    """Daphne's command line plus --drain-timeout."""

    server_class = GracefulServer

    def __init__(self):
        super().__init__()
        self.parser.add_argument(
            "--drain-timeout",
            type=float,
            default=None,
            help="Seconds to let requests in flight finish after SIGTERM (default: the "
            "SHUTDOWN_DRAIN_TIMEOUT setting, 30)",
        )

    def run(self, args):
        parsed, _ = self.parser.parse_known_args(args)
        self.drain_timeout = parsed.drain_timeout
        super().run(args)

    def load_asgi_app(self, asgi_app_path):
        application = super().load_asgi_app(asgi_app_path)
        timeout = self.drain_timeout
        if timeout is None:
            with contextlib.suppress(Exception):  # an app that is not Civic has no such setting
                from django.conf import settings

                timeout = settings.SHUTDOWN_DRAIN_TIMEOUT
        self.server_class = functools.partial(
            GracefulServer, drain_timeout=float(30 if timeout is None else timeout)
        )
        with contextlib.suppress(ImportError):  # Civic's app: the first vote must not wait for imports
            from consultations.conversations.tasks import warm_up

            warm_up()
        return application


def main(argv=None):
    cli = GracefulCommandLineInterface()
    cli.run(sys.argv[1:] if argv is None else argv)
    if cli.server.cut_short:
        # A request thread may still be running: do not wait for it at interpreter exit.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
