"""Strength sets of older sessions, read from the file when something first needs them.

At 20 years a history holds some 24,000 logged sets: reading and building them is most
of the start-up read and of its memory, yet the first screen (today's assessment) reads
only the recent sessions' sets. So the app's history keeps the sessions before a cut-off
as :class:`DeferredSession` records: the same StrengthSession to every reader, whose
``sets`` are read (all the older sessions' at once, in one query) the first time any of
them is asked for, by a rule that looks further back or by the Recovery tab's weekly
volumes. Nothing else changes: a deferred session equals a plain one with the same
values, and ``dataclasses.replace`` makes a copy with its sets read.

Rows that cannot be read are left out and named as at start-up, once they are read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from hamstring_app.core.models import SetLog, StrengthSession

log = logging.getLogger(__name__)

_FIELDS = tuple(f.name for f in fields(StrengthSession))
_SLOTS = {name: StrengthSession.__dict__[name] for name in _FIELDS}
_SETS = _SLOTS["sets"]
_NOT_READ: Any = object()  # in the ``sets`` slot until the sets are read


class SetsLoader:
    """Reads the sets of every session still waiting for them, at once.

    ``read`` returns each waiting session's sets by session id (a session with none may
    be left out)."""

    def __init__(self, read: Callable[[], Mapping[int, tuple[SetLog, ...]]]) -> None:
        self._read = read
        self._lock = threading.Lock()  # a report may be made on a worker thread
        self._waiting: list[DeferredSession] = []
        self.loads = 0  # how many times the sets were read (for tests and benchmarks)

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def defer(self, session: StrengthSession) -> DeferredSession:
        """A copy of ``session`` whose sets this loader reads on first use."""
        record = object.__new__(DeferredSession)
        for slot in _SLOTS.values():
            slot.__set__(record, slot.__get__(session, StrengthSession))
        _SETS.__set__(record, _NOT_READ)
        object.__setattr__(record, "_loader", self)
        self._waiting.append(record)
        return record

    def load(self) -> None:
        with self._lock:
            waiting = self._waiting
            if not waiting:
                return
            found = self._read()  # raises (a store error) before anything is filled in
            for record in waiting:
                if _SETS.__get__(record, StrengthSession) is _NOT_READ:
                    _SETS.__set__(record, tuple(found.get(record.id or 0, ())))
            self._waiting = []
            self.loads += 1
        log.info("Read the sets of %d older strength sessions", len(waiting))


class DeferredSession(StrengthSession):
    """A StrengthSession whose sets are read on first use (see the module's docstring)."""

    __slots__ = ("_loader",)

    @property  # type: ignore[override]
    def sets(self) -> tuple[SetLog, ...]:
        value = _SETS.__get__(self, StrengthSession)
        if value is _NOT_READ:
            self._loader.load()
            value = _SETS.__get__(self, StrengthSession)
        return value  # type: ignore[no-any-return]

    @sets.setter
    def sets(self, value: tuple[SetLog, ...]) -> None:  # the dataclass __init__ sets it
        _SETS.__set__(self, value)

    @property
    def sets_read(self) -> bool:
        return _SETS.__get__(self, StrengthSession) is not _NOT_READ

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StrengthSession):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in _FIELDS))


def defer_older(
    sessions: Sequence[StrengthSession], before: date, loader: SetsLoader
) -> tuple[StrengthSession, ...]:
    """``sessions`` with those dated before ``before`` deferred to ``loader``."""
    return tuple(loader.defer(s) if s.day < before else s for s in sessions)
