"""After a big change read back on a worker (an import of hundreds of days), the Today
tab is drawn in parts (the history, the verdict, today's run, the week), one per turn of
the event loop, so no single turn holds the window for long; an ordinary change is still
shown at once."""

from __future__ import annotations

from ui_big_change import many_runs, spy_parts

from hamstring_app.core.models import Run
from hamstring_app.store import operations as op
from hamstring_app.store.importing import import_runs
from hamstring_app.ui.ops import RELOAD_DAYS


def test_a_big_background_change_is_drawn_a_part_per_turn(env, qtbot, monkeypatch):
    tab, ctx = env.tab, env.session.ctx
    parts = spy_parts(tab, monkeypatch, (("history", tab.history, "load"),
                                         ("verdict", tab.verdict, "show_assessment"),
                                         ("plan", tab.plan, "show_assessment"),
                                         ("week", tab.plan.strip, "show_week")))
    at_signal: list[int] = []
    ctx.events.data_changed.connect(lambda _c: at_signal.append(len(parts)))
    outcomes = []
    ctx.ops.run_in_background(import_runs, many_runs(env.today, RELOAD_DAYS + 10),
                              on_done=outcomes.append, reload=True)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes[0].ok
    assert at_signal == [0]  # nothing of it drawn inside the change's own turn
    qtbot.waitUntil(lambda: tab.steps.pending == 0 and len(parts) == 4, timeout=5_000)
    # in order, each after the turns before it: the history, then the verdict, today's
    # run, and the week (the Tab order after it, on a turn of its own)
    assert parts == [("history", 1), ("verdict", 0), ("plan", 0), ("week", 1)]
    assert tab.history.model.rowCount() >= RELOAD_DAYS + 10


def test_an_ordinary_change_is_drawn_at_once(env):
    tab, ctx = env.tab, env.session.ctx
    assert ctx.ops.run(op.add_run, Run(day=env.today, distance_km=6.0, duration_min=36.0))
    assert tab.steps.pending == 0
    assert tab.history.model.rowCount() == 1 and tab.verdict.assessment is not None


def test_a_new_change_drops_the_parts_still_waiting(env, qtbot):
    tab, ctx = env.tab, env.session.ctx
    pending: list[int] = []

    def then_another(outcome):  # right after the big change, in the same turn
        pending.append(tab.steps.pending)
        assert ctx.ops.run(op.add_run, Run(day=env.today, distance_km=6.0, duration_min=36.0))
        pending.append(tab.steps.pending)

    ctx.ops.run_in_background(import_runs, many_runs(env.today, RELOAD_DAYS), on_done=then_another,
                              reload=True)
    qtbot.waitUntil(lambda: len(pending) == 2, timeout=20_000)
    assert pending == [2, 0]  # the parts dropped: shown whole, with the newer history
    assert tab.history.model.rowCount() == RELOAD_DAYS + 1
