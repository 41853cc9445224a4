"""The background-task helper: work runs on a worker thread and never touches a widget;
results, errors, cancels and progress arrive on the main thread."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from hamstring_app.core.tasks import Cancelled, NoTask, check_cancelled
from hamstring_app.ui import tasks
from hamstring_app.ui.tasks import run_task, running_tasks, stop_all


class WidgetCallsOnWorkers:
    """Records every call into a QWidget's (C++) methods made on a thread other than
    the main one, via a profiler hook set for the threads started while it is active."""

    def __init__(self) -> None:
        self.main = threading.get_ident()
        self.calls: list[str] = []

    def _hook(self, frame, event, arg):
        if event == "c_call" and threading.get_ident() != self.main:
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, QWidget):
                self.calls.append(f"{type(owner).__name__}.{arg.__name__}")

    def __enter__(self) -> WidgetCallsOnWorkers:
        threading.setprofile(self._hook)
        return self

    def __exit__(self, *exc: object) -> None:
        threading.setprofile(None)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_leftovers():
    yield
    assert stop_all(5.0)


def test_no_widget_is_touched_from_the_worker_thread(qtbot):
    label = QLabel()
    bar = QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    threads: dict[str, int] = {}
    results: list[int] = []

    def work(token):
        threads["work"] = threading.get_ident()
        total = 0
        for n in range(1, 201):
            total += n
            token.progress(n / 200, f"step {n}")
        return total

    def progress(fraction, text):
        threads["progress"] = threading.get_ident()
        bar.setValue(round(fraction * 100))
        label.setText(text)

    def done(value):
        threads["done"] = threading.get_ident()
        label.setText(f"done: {value}")
        results.append(value)

    with WidgetCallsOnWorkers() as guard:
        run_task(work, on_done=done, on_error=pytest.fail, on_progress=progress)
        qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [20100] and label.text() == "done: 20100" and bar.value() == 100
    main = threading.get_ident()
    assert threads["work"] != main
    assert threads["progress"] == main and threads["done"] == main
    assert guard.calls == []
    assert running_tasks() == 0


@pytest.mark.skipif(sys.version_info < (3, 11), reason="profiler c_call details")
def test_the_guard_would_catch_a_worker_touching_a_widget(qtbot):
    """The check above can fail: work that reads a label is caught."""
    label = QLabel("x")
    qtbot.addWidget(label)
    results: list[str] = []
    with WidgetCallsOnWorkers() as guard:
        run_task(lambda token: label.text(), on_done=results.append, on_error=pytest.fail)
        qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert guard.calls == ["QLabel.text"]


def test_progress_is_merged_but_the_last_report_arrives(qtbot):
    reports: list[tuple[float, str]] = []
    finished: list[object] = []

    def work(token):
        for n in range(5000):
            token.progress(n / 5000, "working")
        token.progress(0.5, "almost")  # never merged away: it is the last one
        return None

    run_task(work, on_done=finished.append, on_error=pytest.fail, on_progress=lambda f, t:
             reports.append((f, t)))
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert 1 <= len(reports) < 5000
    assert reports[-1] == (0.5, "almost")


def test_an_error_comes_back_to_on_error_and_is_logged(qtbot, caplog):
    errors: list[Exception] = []

    def work(token):
        raise OSError("the file vanished")

    with caplog.at_level(logging.ERROR, logger="hamstring_app.ui.tasks"):
        run_task(work, on_done=pytest.fail, on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], OSError) and "the file vanished" in str(errors[0])
    assert "Background task failed" in caplog.text and "Traceback" in caplog.text


def test_cancel_stops_the_work_and_only_on_cancelled_runs(qtbot):
    started = threading.Event()
    stopped: list[bool] = []

    def work(token):
        started.set()
        while True:
            check_cancelled(token)
            threading.Event().wait(0.005)

    handle = run_task(
        work, on_done=pytest.fail, on_error=pytest.fail, on_cancelled=lambda: stopped.append(True)
    )
    assert started.wait(5)
    assert handle.running
    handle.cancel()
    qtbot.waitUntil(lambda: bool(stopped), timeout=10_000)
    assert not handle.running


def test_callbacks_are_dropped_once_the_parent_is_gone(qtbot):
    parent = QWidget()
    go = threading.Event()
    called: list[str] = []

    def work(token):
        go.wait(5)
        return "late"

    handle = run_task(
        work,
        on_done=lambda v: called.append("done"),
        on_error=lambda e: called.append("error"),
        on_cancelled=lambda: called.append("cancelled"),
        parent=parent,
    )
    parent.deleteLater()
    qtbot.waitUntil(lambda: handle.token.cancelled(), timeout=5_000)  # asked to stop
    go.set()
    qtbot.waitUntil(lambda: not handle.running, timeout=10_000)
    assert called == []


def test_run_task_refuses_a_call_from_a_worker_thread(qapp):
    errors: list[BaseException] = []

    def from_worker():
        try:
            run_task(lambda t: None, on_done=print, on_error=print)
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=from_worker)
    thread.start()
    thread.join(5)
    assert len(errors) == 1 and "main thread" in str(errors[0])


def test_stop_all_asks_every_task_to_stop_and_waits(qtbot):
    started = threading.Event()
    ended = threading.Event()

    def work(token):
        started.set()
        while not token.cancelled():
            threading.Event().wait(0.005)
        ended.set()
        raise Cancelled()

    run_task(work, on_done=pytest.fail, on_error=pytest.fail)
    assert started.wait(5)
    assert stop_all(5.0)
    assert ended.is_set()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=5_000)


def test_no_task_token_for_direct_calls():
    token = NoTask()
    token.progress(0.5, "half")
    assert not token.cancelled()
    check_cancelled(token)  # does not raise
    assert tasks.PROGRESS_INTERVAL_S > 0


def test_the_event_loop_keeps_turning_while_the_worker_thread_winds_down(qtbot, monkeypatch):
    """The result is handed over only once the worker thread has ended (nothing on it
    holds the result then), but the UI thread does not block waiting for that: here the
    thread lingers after its signal until a timer on the UI thread lets it go."""
    from PySide6.QtCore import QTimer

    emitted, released = threading.Event(), threading.Event()
    real = tasks._work_then_report

    def then_linger(work, token, relay):
        real(work, token, relay)
        emitted.set()
        released.wait(5)

    monkeypatch.setattr(tasks, "_work_then_report", then_linger)
    seen: list[tuple[bool, bool]] = []
    handle = run_task(lambda token: 42, on_error=pytest.fail,
                      on_done=lambda value: seen.append((released.is_set(),
                                                         handle._thread.is_alive())))
    letting_go = QTimer()
    letting_go.setInterval(5)
    letting_go.timeout.connect(lambda: emitted.is_set() and released.set())
    letting_go.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    letting_go.stop()
    assert seen == [(True, False)]  # let go by the UI thread's timer first, then delivered
    assert not handle.running and running_tasks() == 0
