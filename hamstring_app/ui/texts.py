"""Longer texts the app shows in more than one place."""

from __future__ import annotations

from PySide6.QtCore import QObject

from hamstring_app import APP_NAME, __version__


class AppTexts(QObject):
    """The translation context of these texts."""


def disclaimer_html() -> str:
    return AppTexts.tr(
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
    return AppTexts.tr(
        "<h3>{name} {version}</h3>"
        "<p>Self-management for runners with load-related hamstring pain: a daily "
        "check-in, guided strength sessions and recovery graphs.</p>"
        "<p>Private and offline: no account, no network. Your data stays in your data "
        "folder.</p>"
    ).format(name=APP_NAME, version=__version__)


def counted(n: int, one: str, many: str) -> str:
    """A count in words: "1 set", "3 sets", never "3 set(s)" or "1 sets".

    ``many`` is Qt's numerus form, ``tr("%n sets", "", n)``: where a translation is loaded
    it carries that language's own plural forms (one, few, many ...) with the number
    filled in. ``one`` is ``tr("1 set")``, used for exactly one; without a translation the
    English source text would otherwise say "1 sets". (Older callers pass "{n} sets".)

    Both texts are written out in the ``tr()`` call (``self.tr`` in a widget, a context
    class's ``tr`` elsewhere, as ``DataOut.tr``) so that pyside6-lupdate finds them, the
    count as a count: tests/ui/test_translation_extraction.py."""
    return (one if n == 1 else many).replace("%n", str(n)).format(n=n)
