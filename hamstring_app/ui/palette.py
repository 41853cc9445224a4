"""The app's light and dark palettes, and the choice between them (View > Colours).

The app always draws with one of its own two palettes, so every text and background pair
on screen is one the contrast test (tests/ui/test_contrast.py) has measured against WCAG
AA: 4.5:1 for text, 3:1 for large text and for the focus ring. "Follow the system" picks
the dark one when the desktop asks for dark colours.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

CHOICES = ("system", "light", "dark")

LIGHT = {
    Role.Window: "#f3f3f3",
    Role.WindowText: "#1b1b1b",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f0f2f5",
    Role.Text: "#1b1b1b",
    Role.Button: "#e8e8e8",
    Role.ButtonText: "#1b1b1b",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1c5fae",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#1a5a9e",
    Role.LinkVisited: "#5b3c99",
    Role.PlaceholderText: "#616161",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1b1b1b",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Mid: "#a0a0a0",
    Role.Dark: "#7a7a7a",
    Role.Shadow: "#4a4a4a",
}

DARK = {
    Role.Window: "#1f1f1f",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#2a2a2a",
    Role.AlternateBase: "#323232",
    Role.Text: "#e8e8e8",
    Role.Button: "#333333",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#3776c4",  # white on it 4.6:1; as the focus ring 3.1:1 on base
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
    Role.PlaceholderText: "#a6a6a6",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#e8e8e8",
    Role.Light: "#4a4a4a",
    Role.Midlight: "#3c3c3c",
    Role.Mid: "#6a6a6a",
    Role.Dark: "#151515",
    Role.Shadow: "#000000",
}

# Disabled text: dimmed but still legible (WCAG exempts it; we keep 3:1 anyway).
DISABLED_TEXT = {"light": "#767676", "dark": "#8c8c8c"}


def build_palette(dark: bool) -> QPalette:
    table = DARK if dark else LIGHT
    palette = QPalette()
    for role, colour in table.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(DISABLED_TEXT["dark" if dark else "light"])
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, disabled)
    return palette


def system_wants_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> bool:
    """Whether ``choice`` ("system", "light" or "dark") means the dark palette now."""
    if choice == "dark":
        return True
    if choice == "light":
        return False
    return system_wants_dark()


def apply_colours(app: QGuiApplication, choice: str) -> bool:
    """Give the app the palette ``choice`` asks for; True if it is the dark one."""
    dark = resolve(choice if choice in CHOICES else "system")
    app.setPalette(build_palette(dark))
    return dark
