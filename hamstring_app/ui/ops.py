"""The one place the app runs an operation (``hamstring_app.store.operations``).

``ctx.ops.run(operation, *args, **kwargs)`` calls ``operation(repo, *args, **kwargs)``,
hands its ``Changes`` to the history cache, then emits ``data_changed(changes)`` once
(not at all when nothing changed), and returns an :class:`Outcome`. A failed operation
changes nothing (operations are one transaction each), is logged, and comes back as
``Outcome(ok=False, message=...)``: no exception reaches the widget, and the widget must
show the message instead of its success words.

``ctx.ops.assessment()`` is today's ``Assessment`` of the cached history, computed once
per (history version, today) and shared by every tab.

A background operation that changes many days (a big import) can ask for ``reload=True``:
its worker then also reads the whole history again and works out today's assessment, so
the UI thread only swaps them in instead of re-reading hundreds of days and evaluating
them between two frames.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject

from hamstring_app.core.changes import Changes
from hamstring_app.core.clock import Clock
from hamstring_app.core.models import History, ValidationError
from hamstring_app.store.errors import StoreError
from hamstring_app.store.repository import Repository
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.history_cache import HistorySnapshot


class Operations(QObject):
    """The translation context of the runner's messages."""


if TYPE_CHECKING:
    from hamstring_app.core.rules.types import Assessment
    from hamstring_app.store.operations import Done
    from hamstring_app.ui.tasks import TaskHandle

log = logging.getLogger(__name__)

T = TypeVar("T")

#: with ``reload=True``, changes to at least this many days are read back in the worker
RELOAD_DAYS = 30


@dataclass(frozen=True)
class _Loaded:
    """What a ``reload=True`` worker read and worked out after its operation."""

    history: History
    today: date
    assessment: Assessment


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How an operation went. ``value`` is its result when ``ok``; otherwise ``message``
    says in plain words why nothing was changed, and ``error`` is the exception."""

    ok: bool
    value: T | None = None
    changes: Changes = field(default_factory=Changes.none)
    message: str = ""
    error: Exception | None = None
    cancelled: bool = False

    def __bool__(self) -> bool:
        return self.ok


def failure_message(exc: Exception) -> str:
    """A sentence for the person: what the store said, or a general one."""
    if isinstance(exc, ValidationError):
        what = exc.field.replace("_", " ")
        return Operations.tr("That was not saved: {what} {why}.").format(what=what, why=exc.message)
    if isinstance(exc, StoreError):
        return str(exc)
    return Operations.tr(
        "Something went wrong and nothing was changed. The details are in the log file."
    )


class OpRunner:
    """Runs operations for the whole app; see the module's docstring."""

    def __init__(
        self, repo: Repository, clock: Clock, events: AppEvents, history: HistorySnapshot
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.events = events
        self.history = history
        self._assessment: tuple[tuple[int, date], Assessment] | None = None
        #: True while ``data_changed`` announces a change read back on a worker (a big
        #: import): a tab may then show it in parts, a turn of the event loop each
        self.big_change = False

    def run(self, operation: Callable[..., Done[T]], /, *args: Any, **kwargs: Any) -> Outcome[T]:
        try:
            done = operation(self.repo, *args, **kwargs)
        except Exception as exc:
            return self._failed(operation, exc)
        return self.accept(done)

    def accept(self, done: Done[T]) -> Outcome[T]:
        """Take in the result of an operation that ran elsewhere (a background task):
        the cache is updated and ``data_changed`` emitted, as for ``run``."""
        value, changes = done
        self.announce(changes)
        return Outcome(True, value, changes)

    def announce(self, changes: Changes) -> None:
        """Bring the cache up to date with ``changes``, then tell every tab, once.

        ``run`` and ``accept`` call it; call it yourself only for data written outside
        an operation (a test's setup, a benchmark)."""
        if not changes:
            return
        self.history.apply(changes)
        self.events.data_changed.emit(changes)

    def run_in_background(
        self,
        operation: Callable[..., Done[T]],
        /,
        *args: Any,
        on_done: Callable[[Outcome[T]], None],
        on_progress: Callable[[float, str], None] | None = None,
        parent: QObject | None = None,
        reload: bool = False,
        **kwargs: Any,
    ) -> TaskHandle:
        """Run a long operation on a worker thread: it is called as
        ``operation(repo, *args, task=token, **kwargs)`` and may report progress and stop
        when ``token.cancelled()`` (raising ``core.tasks.Cancelled``). ``on_done`` gets
        the Outcome on the main thread, after the cache and the tabs have heard of it.

        With ``reload``, when the operation changed ``RELOAD_DAYS`` days or more, the
        worker also reads the history again and evaluates today, and the cache takes
        them as they are (see the module's docstring)."""
        from hamstring_app.ui.tasks import run_task

        since = self.history.version
        today = self.clock.today()

        def work(token: Any) -> tuple[Done[T], _Loaded | None]:
            done = operation(self.repo, *args, task=token, **kwargs)
            # committed: from here on nothing may fail or be cancelled
            return done, (self._load(done.changes, today) if reload else None)

        def finished(result: tuple[Done[T], _Loaded | None]) -> None:
            done, loaded = result
            on_done(self.accept(done) if loaded is None else self._accept_loaded(
                done, loaded, since))

        def cancelled() -> None:
            log.info("%s was cancelled; nothing was changed", _name(operation))
            stopped = Operations.tr("Stopped; nothing was changed.")
            on_done(Outcome(False, message=stopped, cancelled=True))

        return run_task(
            work,
            on_done=finished,
            on_error=lambda exc: on_done(self._failed(operation, exc, logged=True)),
            on_progress=on_progress,
            on_cancelled=cancelled,
            parent=parent,
        )

    def _load(self, changes: Changes, today: date) -> _Loaded | None:
        """On the worker: the history after ``changes`` and today's assessment of it, or
        None (the UI thread then re-reads the days as usual)."""
        if not (changes.whole or len(changes.days) >= RELOAD_DAYS):
            return None
        try:
            history = self.history.read_whole()
            return _Loaded(history, today, self._evaluate(history, today))
        except Exception:  # the write is saved: fall back to the ordinary path
            log.warning("Reading the history back after a big change failed", exc_info=True)
            return None

    def _accept_loaded(self, done: Done[T], loaded: _Loaded, since: int) -> Outcome[T]:
        value, changes = done
        if changes:
            if self.history.apply_loaded(changes, loaded.history, since=since):
                self._assessment = ((self.history.version, loaded.today), loaded.assessment)
            self.big_change = True
            try:
                self.events.data_changed.emit(changes)
            finally:
                self.big_change = False
        return Outcome(True, value, changes)

    def _failed(
        self, operation: Callable[..., Any], exc: Exception, *, logged: bool = False
    ) -> Outcome[Any]:
        # (``logged``: the background helper already wrote it down with its traceback)
        if isinstance(exc, (StoreError, ValidationError)):
            log.warning("%s failed: %s", _name(operation), exc)
        elif not logged:
            log.error("%s failed unexpectedly", _name(operation), exc_info=exc)
        return Outcome(False, message=failure_message(exc), error=exc)

    # -- the shared assessment ---------------------------------------------------------

    def assessment(self, today: date | None = None) -> Assessment:
        """Today's assessment of the app's history, worked out once per history version
        and day, for every tab."""
        today = today if today is not None else self.clock.today()
        key = (self.history.version, today)
        if self._assessment is None or self._assessment[0] != key:
            history = self.history.get()
            self.history.index(today)  # carried over from the last version, not rebuilt
            self._assessment = (key, self._evaluate(history, today))
        return self._assessment[1]

    def _evaluate(self, history: History, today: date) -> Assessment:
        """The assessment of ``history`` on ``today``, as every tab shows it (also called
        on a worker, for ``reload``)."""
        from hamstring_app.core.library import exercise_names
        from hamstring_app.core.rules import evaluate

        return evaluate(
            history, today, names=exercise_names(),
            strength_per_week=self._strength_per_week(),
        )

    def _strength_per_week(self) -> int:
        """The "Strength sessions a week" setting the week ahead plans for (a settings
        change is a new history version, so the assessment above follows it)."""
        from hamstring_app.core.settings import Settings

        try:
            return self.repo.get_settings().sessions_per_week
        except Exception as exc:  # unreadable settings: the default, and the log says why
            log.warning("Settings could not be read for the week plan: %s", exc)
            return Settings().sessions_per_week


def _name(operation: Callable[..., Any]) -> str:
    return getattr(operation, "__name__", repr(operation))
