"""Colours and icons that carry meaning. Colour is never the only signal: every verdict
also has a word and an icon."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from hamstring_app.assets import resource_path
from hamstring_app.core.models import Verdict

# Chosen for contrast on both light and dark backgrounds, and to stay distinct for the
# common colour-vision differences (blue / amber / orange / red, not red vs green only).
VERDICT_COLOURS = {
    Verdict.CONTINUE: "#2e7d32",
    Verdict.MODIFY: "#1565c0",
    Verdict.HOLD: "#b26a00",
    Verdict.STOP: "#c62828",
}


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def verdict_colour(verdict: Verdict) -> QColor:
    colour = QColor(VERDICT_COLOURS[verdict])
    return colour.lighter(150) if is_dark() else colour


def error_colour() -> QColor:
    return QColor("#ef9a9a") if is_dark() else QColor("#b3261e")


def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons, or an empty icon if it is not there."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
