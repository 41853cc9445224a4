"""A desktop notification through the freedesktop Notifications service, for desktops with
no system tray (GNOME without an extension, tiling window managers with a notification
daemon such as dunst or mako).

The call goes over the session D-Bus with jeepney, a small pure-Python D-Bus library.
QtDBus would be the natural choice but cannot be used for it from Python: PySide6 passes
a Python int as a signed 32-bit value, and the service refuses ``Notify`` unless the
second argument is unsigned (the signature is ``susssasa{sv}i``).

No Qt here. Any failure (no session bus, no notification service, jeepney missing) gives
False, so the caller falls back to the in-window banner alone.
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

Connect = Callable[[], Any]
"""Opens a blocking jeepney connection to the session bus (a stand-in in tests)."""


def _session_bus() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def notify_message(title: str, body: str) -> Any:
    """The ``Notify`` method call: a new notification (replaces none), no actions."""
    from jeepney import DBusAddress, new_method_call

    address = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=SERVICE)
    hints = {"desktop-entry": ("s", APP_ID), "urgency": ("y", URGENCY_NORMAL)}
    return new_method_call(
        address,
        "Notify",
        NOTIFY_SIGNATURE,
        (APP_NAME, 0, APP_ID, title, body, [], hints, EXPIRE_DEFAULT),
    )


def send_notification(title: str, body: str, connect: Connect | None = None) -> bool:
    """Show ``title`` and ``body`` as a desktop notification. True when the service took it."""
    try:
        from jeepney.wrappers import unwrap_msg

        message = notify_message(title, body)
        with (connect or _session_bus)() as connection:
            reply = connection.send_and_get_reply(message, timeout=REPLY_TIMEOUT_S)
        unwrap_msg(reply)  # raises when the service answered with an error
    except Exception as exc:  # no bus, no service, refused: the banner still shows
        log.info("No desktop notification (%s: %s)", type(exc).__name__, exc)
        return False
    return True
