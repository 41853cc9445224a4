"""A stand-in session bus with a notification service, for the notification tests."""

from __future__ import annotations

import socket
from collections import deque

from jeepney import DBusAddress, HeaderFields, new_error, new_method_return, new_signal

from hamstring_app.desktop_notify import OBJECT_PATH, SERVICE


def action_invoked(number: int, key: str = "default"):
    emitter = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=SERVICE)
    return new_signal(emitter, "ActionInvoked", "us", (number, key))


class FakeBus:
    """A session bus with a notification service that answers Notify with id 7."""

    def __init__(self, answer: str = "ok") -> None:
        self.answer = answer
        self.sent = []
        self.closed = False
        self.incoming: deque = deque()
        self.sock, self.other_end = socket.socketpair()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self.closed = True

    def send_and_get_reply(self, message, timeout=None):
        self.sent.append((message, timeout))
        if message.header.fields[HeaderFields.member] == "AddMatch":
            return new_method_return(message)
        if self.answer == "error":
            return new_error(message, "org.freedesktop.DBus.Error.ServiceUnknown", "s",
                             ("The name is not activatable",))
        return new_method_return(message, "u", (7,))

    def receive(self, timeout=None):
        if not self.incoming:
            raise TimeoutError
        return self.incoming.popleft()

    def arrive(self, message):
        self.incoming.append(message)
        self.other_end.send(b"x")  # the socket becomes readable
