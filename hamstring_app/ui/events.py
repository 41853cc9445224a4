"""One app-wide signal: something in the store changed.

The app's one runner of operations (``ui.ops.OpRunner``) emits ``data_changed(Changes)``
once per operation, after the history cache has taken it in. A visible tab that watches
one of the changed kinds refreshes at once; a hidden one marks itself stale and
refreshes when it is next shown. No tab reaches into another tab.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hamstring_app.core.changes import Changes, Kind

__all__ = ["AppEvents", "Changes", "Kind"]


class AppEvents(QObject):
    data_changed = Signal(object)  # Changes
    open_day = Signal(object)  # date: show this day in the check-in tab
    status_message = Signal(str)
