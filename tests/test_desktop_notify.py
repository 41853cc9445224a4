"""Desktop notifications through the freedesktop Notifications service (a stand-in bus)."""

from __future__ import annotations

from fake_bus import FakeBus, action_invoked
from jeepney import HeaderFields, MessageType

from hamstring_app import APP_ID, APP_NAME
from hamstring_app.desktop_notify import (
    NOTIFY_SIGNATURE,
    SERVICE,
    DesktopNotifier,
    send_notification,
)


def test_the_notify_call_is_what_the_service_expects():
    bus = FakeBus()
    assert send_notification("Hamstring Coach", "Time for today's check-in", lambda: bus)
    add_match, (message, timeout) = bus.sent
    assert "ActionInvoked" in str(add_match[0].body)
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


def test_a_click_on_our_notification_is_heard():
    bus = FakeBus()
    notifier = DesktopNotifier(lambda: bus)
    assert notifier.notify("Hamstring Coach", "text", "Check in now")
    assert bus.sent[-1][0].body[5] == ["default", "Check in now"]
    assert notifier.shown == {7} and notifier.fileno() == bus.sock.fileno()
    assert not notifier.clicked()  # nothing yet
    bus.arrive(action_invoked(8))  # someone else's notification
    assert not notifier.clicked()
    bus.arrive(action_invoked(7))
    assert notifier.clicked()
    notifier.close()
    assert bus.closed and notifier.fileno() is None and not notifier.clicked()
