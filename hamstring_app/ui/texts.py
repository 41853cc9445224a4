"""Longer texts the app shows in more than one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hamstring_app import APP_NAME, __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("texts", text)


def disclaimer_html() -> str:
    return _tr(
        "<p><b>General guidance, not medical advice.</b> Hamstring Coach helps you manage "
        "load-related hamstring pain yourself. It cannot examine you and it does not give a "
        "diagnosis.</p>"
        "<p>See a qualified health professional (a physiotherapist or doctor) if the pain "
        "was sudden or sharp, if your leg feels weak, if you have tingling, numbness or pain "
        "below the knee, or if it is not getting better. The app tells you when, and how "
        "soon.</p>"
        "<p><b>Go to urgent care or an emergency department now</b> if you have numbness "
        "around the groin or buttocks, or changes in bladder or bowel control.</p>"
    )


def about_html() -> str:
    return _tr(
        "<h3>{name} {version}</h3>"
        "<p>Self-management for runners with load-related hamstring pain: a daily "
        "check-in, guided strength sessions and recovery graphs.</p>"
        "<p>Private and offline: no account, no network. Your data stays in your data "
        "folder.</p>"
    ).format(name=APP_NAME, version=__version__)


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (each with ``{n}``) for a count: "1 set", "3 sets", never
    "3 set(s)". Callers pass both forms through tr()."""
    return (one if n == 1 else many).format(n=n)
