"""Calendar days on the graphs' time axis, and the arrays one graph item draws.

X values are Unix seconds (UTC), as pyqtgraph's DateAxisItem expects. A day's own points
sit at its noon, so any x inside the day maps back to that day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

DAY_S = 86_400.0
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

Empty = np.empty(0, dtype=float)


def day_x(day: date) -> float:
    """Noon of ``day`` in Unix seconds: where that day's points are drawn."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_S + DAY_S / 2


def day_start_x(day: date) -> float:
    """Midnight at the start of ``day`` in Unix seconds."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_S


def x_day(x: float) -> date:
    """The calendar day that contains the Unix-seconds value ``x``."""
    return date.fromordinal(int(x // DAY_S) + EPOCH_ORDINAL)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Series:
    """Points of one graph item: x in Unix seconds, y in the plot's unit."""

    x: np.ndarray = field(default_factory=lambda: Empty)
    y: np.ndarray = field(default_factory=lambda: Empty)

    def __len__(self) -> int:
        return int(self.x.size)


def points(ords: list[int], values: list[float]) -> Series:
    if not ords:
        return Series()
    x = (np.asarray(ords, dtype=float) - EPOCH_ORDINAL) * DAY_S + DAY_S / 2
    return Series(x, np.asarray(values, dtype=float))
