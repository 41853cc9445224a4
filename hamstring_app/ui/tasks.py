"""The one way to run long work (import, report, export, backup) off the UI thread.

``run_task(work, on_done=..., on_error=...)`` runs ``work(token)`` on a worker thread.
``work`` touches no widget: it reports with ``token.progress(fraction, text)``, checks
``token.cancelled()`` between steps (raising ``core.tasks.Cancelled`` to stop), and
returns its result. The result, an error, a cancel and every progress report come back
to the main thread by queued signal, where the callbacks run; a widget is only ever
touched there. (Picard's run_task / to_main idea.)

Call ``run_task`` from the main thread. With ``parent``, the callbacks are dropped (and
the task asked to stop) once that widget is destroyed.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from hamstring_app.core.tasks import Cancelled

log = logging.getLogger(__name__)

#: progress reports closer together than this are merged (the last one wins)
PROGRESS_INTERVAL_S = 0.05

_live: set[TaskHandle] = set()  # handles of tasks whose callbacks have not run yet

#: how long a finished task's worker thread is waited for before its result is handed over
END_WAIT_S = 1.0

#: while a worker is alive, the main thread collects garbage this often (milliseconds)
GC_INTERVAL_MS = 200


class _MainThreadCollector:
    """Keeps the cyclic garbage collector off worker threads.

    Python runs an automatic collection on whichever thread happens to allocate when the
    counts pass their thresholds. On a worker that can free a cycle holding a QObject
    made on the main thread, and Qt objects freed on the wrong thread can crash. So while
    any worker is alive automatic collection is off, and a timer on the main thread does
    what it would have done for the young generations whose counts are due (never a
    full pass, so it stays cheap); when the last worker has ended, the collector is
    switched back on and runs its full passes by its own rule.
    """

    def __init__(self) -> None:
        self.paused = False
        self.timer: QTimer | None = None

    def pause(self) -> None:
        if self.paused or not gc.isenabled():
            return
        gc.disable()
        self.paused = True
        if self.timer is None:
            self.timer = QTimer()
            self.timer.setInterval(GC_INTERVAL_MS)
            self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    @staticmethod
    def collect_due() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        # generations 0 and 1 only: a full pass walks everything the app holds (a long
        # pause with years of history), and Python spaces those out by a rule of its own
        # that the counts here do not show; it takes them up again when the workers end
        due = [g for g in range(2) if thresholds[g] and counts[g] >= thresholds[g]]
        if due:
            gc.collect(max(due))

    def resume_if_idle(self) -> None:
        if not self.paused or any(h._thread.is_alive() for h in _live):
            return
        if self.timer is not None:
            self.timer.stop()
        self.paused = False
        # no collection forced here (this may run inside a nested event loop): the next
        # automatic one comes at the next allocation, and only the main thread is left
        gc.enable()


_collector = _MainThreadCollector()


class _Relay(QObject):
    """Lives on the main thread; its signals, emitted by the worker, arrive queued."""

    finished = Signal(object)
    failed = Signal(object)
    stopped = Signal()
    progressed = Signal(float, str)


class Token:
    """Handed to ``work``: the only things a worker may do with the app."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()
        self._last_report = 0.0
        self._pending: tuple[float, str] | None = None

    def progress(self, fraction: float, text: str = "") -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        now = time.monotonic()
        if fraction < 1.0 and now - self._last_report < PROGRESS_INTERVAL_S:
            self._pending = (fraction, text)
            return
        self._last_report = now
        self._pending = None
        self._relay.progressed.emit(fraction, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _flush(self) -> None:
        if self._pending is not None:
            fraction, text = self._pending
            self._pending = None
            self._relay.progressed.emit(fraction, text)


def _work_then_report(work: Callable[[Token], Any], token: Token, relay: _Relay) -> None:
    """The worker thread's whole life: run, then send one of three signals."""
    try:
        value = work(token)
    except Cancelled:
        token._flush()
        relay.stopped.emit()
    except Exception as exc:
        log.error("Background task failed", exc_info=exc)
        token._flush()
        relay.failed.emit(exc)
    else:
        token._flush()
        relay.finished.emit(value)


class TaskHandle(QObject):
    """A running task: ``cancel()`` asks it to stop; ``running`` is False once its
    result (or error, or cancel) has been delivered."""

    def __init__(
        self,
        work: Callable[[Token], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[float, str], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        # held until the result is in, then let go on the main thread: the worker's own
        # reference is not the last, so nothing the work holds is freed on the worker
        self._work: Callable[[Token], Any] | None = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._orphaned = False
        self.running = True
        self._relay = _Relay()
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._relay.stopped.connect(self._stopped)
        self._relay.progressed.connect(self._progressed)
        self.token = Token(self._relay)
        # a plain thread: once joined, nothing on it holds a Qt object any more
        self._thread = threading.Thread(
            target=_work_then_report, args=(work, self.token, self._relay), daemon=True,
            name="hamstring-task",
        )

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next ``token.cancelled()`` check."""
        self.token._cancel.set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the worker has returned (its callbacks run later, on the event
        loop). For shutting down and for tests; True when it ended in time."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    # -- main thread -------------------------------------------------------------------

    def _when_ended(self, deliver: Callable[[], None], since: float | None = None) -> None:
        """Run ``deliver`` once the worker thread has ended.

        The worker's last act was the signal that brought us here: once it has finished,
        the Qt objects it held are released on this thread, not on that one. It is
        waited for a millisecond at a time, not with a join: on a busy machine the worker
        may wait long for a processor, and the window would freeze meanwhile. After
        ``END_WAIT_S`` the result is handed over anyway (as a join with a timeout did)."""
        now = time.monotonic()
        since = now if since is None else since
        if self._thread.is_alive() and now - since < END_WAIT_S:
            QTimer.singleShot(1, self, lambda: self._when_ended(deliver, since))
            return
        self._end()
        deliver()

    def _end(self) -> bool:
        self.running = False
        self._work = None
        _live.discard(self)
        _collector.resume_if_idle()
        return not self._orphaned

    def _orphan(self) -> None:
        self._orphaned = True
        self.cancel()

    @Slot(object)
    def _finished(self, value: object) -> None:
        self._when_ended(lambda: self._orphaned or self._on_done(value))

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self._when_ended(lambda: self._orphaned or self._on_error(exc))

    @Slot()
    def _stopped(self) -> None:
        self._when_ended(lambda: self._orphaned or self._on_cancelled is None
                         or self._on_cancelled())

    @Slot(float, str)
    def _progressed(self, fraction: float, text: str) -> None:
        if self.running and not self._orphaned and self._on_progress is not None:
            self._on_progress(fraction, text)


def run_task(
    work: Callable[[Token], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[float, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> TaskHandle:
    """Run ``work(token)`` on a worker thread; see the module's docstring."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("run_task must be called from the main thread of a running app")
    handle = TaskHandle(work, on_done, on_error, on_progress, on_cancelled)
    if parent is not None:
        parent.destroyed.connect(handle._orphan)
    _collector.pause()
    _live.add(handle)
    handle._thread.start()
    return handle


def running_tasks() -> int:
    """How many tasks have not delivered their result yet."""
    return len(_live)


def stop_all(timeout_s: float = 5.0) -> bool:
    """Ask every task to stop and wait for the workers (the app calls it on quitting,
    before the store closes). True when all of them ended in time."""
    for handle in list(_live):
        handle.cancel()
    deadline = time.monotonic() + timeout_s
    ended = True
    for handle in list(_live):
        ended = handle.wait(max(0.0, deadline - time.monotonic())) and ended
    _collector.resume_if_idle()
    return ended
