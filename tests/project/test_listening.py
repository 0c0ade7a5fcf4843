"""A stopping server's listening socket: a connection the kernel already queued is still served,
a new one is refused, never accepted and then reset."""

import socket
import sys
import threading
import time
from types import SimpleNamespace

import pytest

from project.listening import has_unread_data, refuse_new_handshakes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the handshake filter is Linux-only")
def test_queued_connection_is_served_and_a_new_one_is_refused_not_reset():
    outcome = {}
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        address = listener.getsockname()
        queued = socket.create_connection(address, timeout=30)
        queued.sendall(b"POST /comment/ HTTP/1.1\r\n\r\n")
        assert refuse_new_handshakes(listener)

        def latecomer():
            try:
                with socket.create_connection(address, timeout=30) as late:
                    late.sendall(b"GET / HTTP/1.1\r\n\r\n")
                    outcome["late"] = late.recv(1)
            except OSError as exc:
                outcome["late"] = type(exc)

        thread = threading.Thread(target=latecomer)
        thread.start()
        time.sleep(0.3)  # for the latecomer's handshake to arrive; any delay passes, shorter tests less
        accepted, _ = listener.accept()
        assert accepted.recv(100).startswith(b"POST /comment/")
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):
            listener.accept()  # the latecomer never joined the queue
    thread.join(30)
    assert outcome["late"] is ConnectionRefusedError
    accepted.close()
    queued.close()


def test_unread_data_is_seen_before_a_connection_is_closed():
    server_side, client_side = socket.socketpair()
    with server_side, client_side:
        transport = SimpleNamespace(fileno=server_side.fileno)
        assert not has_unread_data(transport)
        client_side.sendall(b"GET / HTTP/1.1\r\n")
        assert has_unread_data(transport)
