"""Qt's own command-line options (``-style fusion``, ``-platform xcb`` ...) and the check for a
screen, both before Qt is imported.

The window passes Qt's options on to QApplication, which reads them; the headless commands
(assess, import, export) take none. Without a screen on Linux the window cannot open: say so
and how to run it, rather than fail inside Qt or wait on an invisible window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

# Qt options that take a value (given as "-style fusion" or "-style=fusion"), from the
# QGuiApplication and QApplication documentation.
QT_VALUE_OPTIONS = frozenset({
    "style", "stylesheet", "platform", "platformpluginpath", "platformtheme", "plugin",
    "session", "display", "geometry", "qwindowgeometry", "qwindowicon", "qwindowtitle",
    "title", "name", "fontengine", "qmljsdebugger",
})
QT_FLAG_OPTIONS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync"})


def _qt_name(token: str) -> str | None:
    """The Qt option a token names ("-style", "--style", "-style=fusion"), or None."""
    if not token.startswith("-") or token in ("-", "--"):
        return None
    name = token.lstrip("-").split("=", 1)[0]
    if name in QT_VALUE_OPTIONS or name in QT_FLAG_OPTIONS:
        return name
    return None


def split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``argv`` split into (the app's own arguments, Qt's options with their values)."""
    ours: list[str] = []
    qt: list[str] = []
    tokens = list(argv)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name = _qt_name(token)
        if name is None:
            ours.append(token)
        else:
            qt.append("-" + token.lstrip("-"))
            if name in QT_VALUE_OPTIONS and "=" not in token and i + 1 < len(tokens):
                i += 1
                qt.append(tokens[i])
        i += 1
    return ours, qt


def no_screen_message(
    qt_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> str | None:
    """Why the window cannot open here (Linux with no display), or None when it can."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    if any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    if "-platform" in qt_args or any(a.startswith("-platform=") for a in qt_args):
        return None
    return (
        "hamstring-app: there is no display to open the window on (DISPLAY and "
        "WAYLAND_DISPLAY are not set).\n"
        "Start it from your desktop, or on a virtual display: xvfb-run hamstring-app\n"
        "The commands assess, import and export need no display: hamstring-app --help"
    )
