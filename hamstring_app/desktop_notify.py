"""A desktop notification through the freedesktop Notifications service, for desktops with
no system tray (GNOME without an extension, tiling window managers with a notification
daemon such as dunst or mako).

The calls go over the session D-Bus with jeepney, a small pure-Python D-Bus library.
QtDBus would be the natural choice but cannot be used for it from Python: PySide6 passes
a Python int as a signed 32-bit value, and the service refuses ``Notify`` unless the
second argument is unsigned (the signature is ``susssasa{sv}i``).

:class:`DesktopNotifier` keeps its connection open, so that a click on the notification
(the service's ``ActionInvoked`` signal) can be heard: the app watches :meth:`fileno`
and calls :meth:`clicked` when it is readable. No Qt here. Any failure (no session bus, no
notification service, jeepney missing) gives False, so the caller falls back to the
in-window banner alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from hamstring_app import APP_ID, APP_NAME

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
REPLY_TIMEOUT_S = 2.0
EXPIRE_DEFAULT = -1  # the service's own default display time
URGENCY_NORMAL = 1
DEFAULT_ACTION = "default"  # what a click on the notification itself invokes

Connect = Callable[[], Any]
"""Opens a blocking jeepney connection to the session bus (a stand-in in tests)."""


def _session_bus() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def notify_message(title: str, body: str, action: str = "") -> Any:
    """The ``Notify`` method call: a new notification (replaces none); with ``action``
    (its button label), clicking the notification or the button invokes "default"."""
    from jeepney import DBusAddress, new_method_call

    address = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=SERVICE)
    hints = {"desktop-entry": ("s", APP_ID), "urgency": ("y", URGENCY_NORMAL)}
    actions = [DEFAULT_ACTION, action] if action else []
    return new_method_call(
        address,
        "Notify",
        NOTIFY_SIGNATURE,
        (APP_NAME, 0, APP_ID, title, body, actions, hints, EXPIRE_DEFAULT),
    )


class DesktopNotifier:
    """Notifications on one session-bus connection, opened on first use."""

    def __init__(self, connect: Connect | None = None) -> None:
        self._connect = connect or _session_bus
        self.connection: Any = None
        self.shown: set[int] = set()  # the ids the service gave our notifications

    def _open(self) -> Any:
        if self.connection is None:
            from jeepney.bus_messages import MatchRule, message_bus
            from jeepney.wrappers import unwrap_msg

            connection = self._connect()
            try:
                rule = MatchRule(type="signal", interface=SERVICE, member="ActionInvoked")
                unwrap_msg(connection.send_and_get_reply(message_bus.AddMatch(rule),
                                                         timeout=REPLY_TIMEOUT_S))
            except BaseException:
                connection.close()
                raise
            self.connection = connection
        return self.connection

    def notify(self, title: str, body: str, action: str = "") -> bool:
        """Show a notification. True when the service took it."""
        try:
            from jeepney.wrappers import unwrap_msg

            message = notify_message(title, body, action)
            connection = self._open()
            (number,) = unwrap_msg(connection.send_and_get_reply(message,
                                                                 timeout=REPLY_TIMEOUT_S))
        except Exception as exc:  # no bus, no service, refused: the banner still shows
            log.info("No desktop notification (%s: %s)", type(exc).__name__, exc)
            self.close()
            return False
        self.shown.add(int(number))
        return True

    def fileno(self) -> int | None:
        """The connection's socket (readable when the service has something to say)."""
        return None if self.connection is None else self.connection.sock.fileno()

    def clicked(self) -> bool:
        """Read what has arrived; True when one of our notifications was clicked."""
        if self.connection is None:
            return False
        hit = False
        while True:
            try:
                message = self.connection.receive(timeout=0)
            except TimeoutError:
                return hit
            except Exception as exc:  # the bus went away: stop listening
                log.info("The notification service went away (%s)", exc)
                self.close()
                return hit
            body = getattr(message, "body", ())
            member = message.header.fields.get(_member_field())
            if member == "ActionInvoked" and len(body) == 2 and body[0] in self.shown:
                hit = True

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:  # closing is best effort
                log.debug("Closing the session bus connection failed", exc_info=True)
            self.connection = None


def _member_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.member


def send_notification(title: str, body: str, connect: Connect | None = None) -> bool:
    """Show one notification and close the connection again. True when it was taken."""
    notifier = DesktopNotifier(connect)
    try:
        return notifier.notify(title, body)
    finally:
        notifier.close()
