"""Time as a dependency. Logic takes a clock (or a date) and never reads time itself."""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clock. Only the composition roots (cli, ui.app) create one."""

    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime, monotonic_start: float = 1000.0) -> None:
        self._now = start
        self._mono = monotonic_start

    def today(self) -> date:
        return self._now.date()

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._mono += seconds
        self._now = self._now + timedelta(seconds=seconds)

    def set_wall(self, moment: datetime) -> None:
        """Set the wall clock (forwards or backwards, as a person or a time server may);
        monotonic time, which never goes back, is left alone."""
        self._now = moment
