"""Python objects, Qt ones above all, are never freed on a worker thread: the cyclic
garbage collector does not run on its own while a worker is alive (it could free a cycle
holding a QObject there), it runs on the main thread instead, and the work (with all it
holds) is released on the main thread after the worker has ended."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject

from hamstring_app.ui.tasks import run_task, stop_all


@pytest.fixture(autouse=True)
def _no_leftovers():
    yield
    assert stop_all(5.0)
    assert gc.isenabled()


def test_automatic_collection_is_off_while_a_worker_runs_and_back_after(qtbot):
    assert gc.isenabled()
    go = threading.Event()
    seen: dict[str, bool] = {}
    done: list[object] = []

    def work(token):
        go.wait(5)
        seen["during"] = gc.isenabled()
        return 1

    handle = run_task(work, on_done=done.append, on_error=done.append)
    assert not gc.isenabled()
    go.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen["during"] is False
    assert not handle.running
    assert gc.isenabled()


def test_garbage_made_while_a_worker_runs_is_collected_on_the_main_thread(qtbot):
    freed_on: list[str] = []

    class Cycle(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.me = self  # only the cyclic collector can free it

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    go = threading.Event()
    done: list[object] = []

    def work(token):
        go.wait(5)
        junk = []
        for _ in range(50_000):  # enough allocation to trigger automatic collections
            junk.append({"a": [1, 2]})
        return len(junk)

    run_task(work, on_done=done.append, on_error=done.append)
    Cycle()  # unreachable at once: garbage waiting for a collection
    go.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    gc.collect()
    assert freed_on
    assert set(freed_on) == {threading.main_thread().name}


def test_what_the_work_holds_is_released_on_the_main_thread(qtbot):
    released_on: list[str] = []

    class Held:
        def __del__(self) -> None:
            released_on.append(threading.current_thread().name)

    def make_work():
        held = Held()

        def work(token):
            return id(held)

        return work

    done: list[object] = []
    run_task(make_work(), on_done=done.append, on_error=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.waitUntil(lambda: bool(released_on), timeout=5000)
    assert released_on == [threading.main_thread().name]


def test_the_timer_never_runs_a_full_collection(monkeypatch):
    """A full (generation 2) pass walks every object the app holds, which with years of
    history is a long pause on the main thread; Python's own collector spaces those out by
    a rule the timer cannot see, so the timer leaves generation 2 to it, after the workers."""
    from hamstring_app.ui import tasks

    ran: list[int] = []
    monkeypatch.setattr(tasks.gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(tasks.gc, "collect", lambda generation=2: ran.append(generation) or 0)
    for counts, expected in (((800, 11, 12), [1]), ((800, 3, 0), [0]), ((10, 0, 0), [])):
        ran.clear()
        monkeypatch.setattr(tasks.gc, "get_count", lambda counts=counts: counts)
        tasks._MainThreadCollector.collect_due()
        assert ran == expected, counts
    assert gc.isenabled()
