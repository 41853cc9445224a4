"""Edit > Undo of a big import (and Redo) runs off the UI thread, as the import itself:
the write and the re-read happen on a worker and the app's copy of the history is
swapped in whole; steps asked for meanwhile wait their turn; a step that fails is never
taken for done."""

from __future__ import annotations

import threading
from datetime import timedelta

from hamstring_app.core.models import Run, RunSource
from hamstring_app.importer.plan import ToWrite
from hamstring_app.store.errors import StoreError
from hamstring_app.store.importing import import_runs
from hamstring_app.ui.importing import undo as undo_module
from hamstring_app.ui.importing.undo import data_undo_stack, offer_undo
from hamstring_app.ui.ops import RELOAD_DAYS


def _imported(env, days: int = RELOAD_DAYS + 15):
    runs = tuple(Run(day=env.today - timedelta(days=n + 1), distance_km=5.0, duration_min=30.0,
                     source=RunSource.FILE, content_hash=f"file-{n}") for n in range(days))
    outcome = env.session.ctx.ops.run(import_runs, ToWrite(runs, (), 0))
    assert outcome.ok
    return outcome.value


def _spy(monkeypatch, calls):
    for name in ("undo_import", "redo_import"):
        real = getattr(undo_module, name)

        def spy(*args, _name=name, _real=real, **kwargs):
            calls.append((_name, threading.current_thread() is threading.main_thread()))
            return _real(*args, **kwargs)

        spy.__name__ = name
        monkeypatch.setattr(undo_module, name, spy)


def test_undo_and_redo_of_a_big_import_run_on_a_worker(env, qtbot, monkeypatch):
    ctx, window = env.session.ctx, env.session.window
    before = ctx.repo.list_runs()
    done = _imported(env)
    after = ctx.repo.list_runs()
    assert offer_undo(ctx, window, done)
    stack = data_undo_stack(window)
    command = stack.command(stack.count() - 1)
    calls: list[tuple[str, bool]] = []
    _spy(monkeypatch, calls)
    per_day: list[object] = []
    monkeypatch.setattr(ctx.history, "apply", lambda changes: per_day.append(changes))
    loads = ctx.history.full_loads

    stack.undo()
    qtbot.waitUntil(lambda: not command.busy, timeout=20_000)
    assert calls == [("undo_import", False)]  # written on a worker, not the UI thread
    assert ctx.repo.list_runs() == before
    assert ctx.history.get().runs == tuple(before)  # swapped in whole: no day re-read here
    assert per_day == [] and ctx.history.full_loads == loads

    stack.redo()
    qtbot.waitUntil(lambda: not command.busy, timeout=20_000)
    assert calls[-1] == ("redo_import", False)
    assert ctx.repo.list_runs() == after  # the same runs, with the same ids
    assert ctx.history.get().runs == tuple(after)
    assert per_day == []
    qtbot.waitUntil(lambda: env.tab.steps.pending == 0, timeout=5_000)
    assert env.tab.history.model.rowCount() == len(after)


def test_steps_asked_for_meanwhile_wait_their_turn(env, qtbot, monkeypatch):
    ctx, window = env.session.ctx, env.session.window
    done = _imported(env)
    after = ctx.repo.list_runs()
    offer_undo(ctx, window, done)
    stack = data_undo_stack(window)
    command = stack.command(stack.count() - 1)
    calls: list[tuple[str, bool]] = []
    _spy(monkeypatch, calls)
    stack.undo()
    stack.redo()  # while the undo is still being written
    stack.undo()
    qtbot.waitUntil(lambda: not command.busy, timeout=30_000)
    assert [name for name, _ in calls] == ["undo_import", "redo_import", "undo_import"]
    added = {run.id for run in done.added_runs}
    assert ctx.repo.list_runs() == tuple(r for r in after if r.id not in added) == ()


def test_an_undo_that_fails_is_not_taken_for_done(env, qtbot, monkeypatch):
    ctx, window = env.session.ctx, env.session.window
    done = _imported(env, days=3)
    after = ctx.repo.list_runs()
    offer_undo(ctx, window, done)
    stack = data_undo_stack(window)
    command = stack.command(stack.count() - 1)
    said: list[str] = []
    ctx.events.status_message.connect(said.append)

    def broken(*_args, **_kwargs):
        raise StoreError("The data file is locked.")

    broken.__name__ = "undo_import"
    monkeypatch.setattr(undo_module, "undo_import", broken)
    stack.undo()
    qtbot.waitUntil(lambda: not command.busy, timeout=20_000)
    assert ctx.repo.list_runs() == after
    assert said[-1] == "That did not work: The data file is locked."
    assert command.imported
    calls: list[tuple[str, bool]] = []
    _spy(monkeypatch, calls)
    stack.redo()  # the runs were never taken back: nothing to do again
    qtbot.waitUntil(lambda: not command.busy, timeout=20_000)
    assert calls == [] and ctx.repo.list_runs() == after
