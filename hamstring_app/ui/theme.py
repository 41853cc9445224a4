"""Colours and icons that carry meaning. Colour is never the only signal: every verdict
also has a word and an icon."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from hamstring_app.assets import resource_path
from hamstring_app.core.models import Verdict

# Chosen to stay distinct for the common colour-vision differences (green / blue / amber /
# red, never red against green alone: the word and the icon's shape always come too).
# Each is dark enough for white text on it (>= 5:1) and for text on the light window; the
# icons are drawn in these colours. tests/ui/test_contrast.py measures every pair.
VERDICT_COLOURS = {
    Verdict.CONTINUE: "#2e7d32",
    Verdict.MODIFY: "#1565c0",
    Verdict.HOLD: "#9a5b00",
    Verdict.STOP: "#c62828",
}

# The same hues as text on the dark palette (>= 6:1 on its window and base).
VERDICT_TEXT_DARK = {
    Verdict.CONTINUE: "#81c784",
    Verdict.MODIFY: "#90caf9",
    Verdict.HOLD: "#ffb74d",
    Verdict.STOP: "#ef9a9a",
}

ERROR_LIGHT, ERROR_DARK = "#b3261e", "#ef9a9a"


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def verdict_colour(verdict: Verdict) -> QColor:
    """The verdict's colour for text, borders and marks on the current palette."""
    return QColor((VERDICT_TEXT_DARK if is_dark() else VERDICT_COLOURS)[verdict])


def verdict_fill(verdict: Verdict) -> QColor:
    """The verdict's colour as a background under white text (the same on both palettes)."""
    return QColor(VERDICT_COLOURS[verdict])


def error_colour() -> QColor:
    return QColor(ERROR_DARK if is_dark() else ERROR_LIGHT)


def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons, or an empty icon if it is not there."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
