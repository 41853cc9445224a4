"""Desktop notifications through the freedesktop Notifications service (a stand-in bus)."""

from __future__ import annotations

from jeepney import HeaderFields, MessageType, new_error, new_method_return

from hamstring_app import APP_ID, APP_NAME
from hamstring_app.desktop_notify import NOTIFY_SIGNATURE, SERVICE, send_notification


class FakeBus:
    def __init__(self, answer: str = "ok") -> None:
        self.answer = answer
        self.sent = []
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True
        return False

    def send_and_get_reply(self, message, timeout=None):
        self.sent.append((message, timeout))
        if self.answer == "error":
            return new_error(message, "org.freedesktop.DBus.Error.ServiceUnknown", "s",
                             ("The name is not activatable",))
        return new_method_return(message, "u", (7,))


def test_the_notify_call_is_what_the_service_expects():
    bus = FakeBus()
    assert send_notification("Hamstring Coach", "Time for today's check-in", lambda: bus)
    (message, timeout), = bus.sent
    fields = message.header.fields
    assert message.header.message_type == MessageType.method_call
    assert fields[HeaderFields.destination] == SERVICE
    assert fields[HeaderFields.member] == "Notify"
    assert fields[HeaderFields.signature] == NOTIFY_SIGNATURE == "susssasa{sv}i"
    app, replaces, icon, title, body, actions, hints, expire = message.body
    assert (app, replaces, icon) == (APP_NAME, 0, APP_ID)
    assert (title, body) == ("Hamstring Coach", "Time for today's check-in")
    assert actions == [] and hints["desktop-entry"] == ("s", APP_ID) and expire == -1
    assert timeout and timeout <= 5 and bus.closed


def test_a_refusal_or_no_bus_gives_false():
    assert not send_notification("t", "b", lambda: FakeBus("error"))

    def no_bus():
        raise ConnectionRefusedError("no session bus")

    assert not send_notification("t", "b", no_bus)
