"""Setting a widget's style sheet only when it is a new one.

A new style sheet, even the same text again, makes Qt restyle the widget and every child
and lay them out again: the Today tab set a dozen of them on each redraw, a few
milliseconds each, in the turns of the event loop after an import.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_sheet(widget: QWidget, sheet: str) -> bool:
    """Give ``widget`` the style sheet ``sheet`` unless it has it; True when it changed."""
    if widget.styleSheet() == sheet:
        return False
    widget.setStyleSheet(sheet)
    return True
