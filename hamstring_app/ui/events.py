"""One app-wide signal: something in the store changed.

Every write emits ``data_changed(Changes)``; each tab marks itself stale and refreshes
when it is next shown. No tab reaches into another tab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class Kind(StrEnum):
    PROFILE = "profile"
    CHECKIN = "checkin"
    RUN = "run"
    STRENGTH = "strength"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[Kind]
    days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: Kind, days: tuple[date, ...] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(days))


class AppEvents(QObject):
    data_changed = Signal(object)  # Changes
    open_day = Signal(object)  # date: show this day in the check-in tab
    status_message = Signal(str)

    def changed(self, *kinds: Kind, days: tuple[date, ...] = ()) -> None:
        self.data_changed.emit(Changes.of(*kinds, days=days))
