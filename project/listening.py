"""Closing a server's listening socket without resetting anyone it has already let in.

Closing a listening socket resets every connection still queued in the kernel: those clients
connected and sent a request, then see it reset unanswered. So a stopping server first makes the
kernel drop new handshakes (the client retries a second later and is refused, and a proxy then
tries another process), accepts and serves everything queued, and only then closes.
"""

import ctypes
import select
import socket
import struct
import sys

SO_ATTACH_FILTER = 26  # Linux
DROP_EVERYTHING = struct.pack("HBBI", 0x06, 0, 0, 0)  # classic BPF "return 0": drop the packet


def stop_accepting(port):
    """Close a listening socket without resetting connections the kernel has already queued."""
    sock = getattr(port, "socket", None)
    if sock is not None:
        filtered = refuse_new_handshakes(sock)
        # Accept what is queued (each becomes a connection we serve); with the filter nothing
        # new joins the queue, so this ends. Without it, a client may race the close below.
        for _ in range(10_000):
            if not select.select([sock], [], [], 0)[0]:
                break
            port.doRead()
            if not filtered:
                break
    port.stopListening()


def has_unread_data(transport) -> bool:
    """Whether a request's first bytes wait in the kernel: closing now would reset it unanswered."""
    try:
        return bool(select.select([transport.fileno()], [], [], 0)[0])
    except (OSError, ValueError):
        return False


def refuse_new_handshakes(sock) -> bool:
    """On Linux, drop every new SYN at this socket: clients retry and find it closed (refused)."""
    if not sys.platform.startswith("linux") or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    code = ctypes.create_string_buffer(DROP_EVERYTHING)
    program = struct.pack("HP", 1, ctypes.addressof(code))
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, program)
    except OSError:
        return False
    return True
