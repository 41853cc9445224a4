"""After a big change read back on a worker (an import of hundreds of runs), a visible
Strength tab shows its history and then today's plan, a turn of the event loop each,
none of it inside the change's own turn; an ordinary change is still shown at once."""

from __future__ import annotations

from ui_big_change import many_runs, spy_parts

from hamstring_app.core.models import Run
from hamstring_app.store import operations as op
from hamstring_app.store.importing import import_runs
from hamstring_app.ui.ops import RELOAD_DAYS


def _spy(tab, monkeypatch) -> list[tuple[str, int]]:
    return spy_parts(tab, monkeypatch, (("history", tab.history_view, "show_history"),
                                        ("plan", tab.plan_view, "show_plan")))


def test_a_big_change_is_shown_a_part_per_turn(strength_app, qtbot, monkeypatch):
    app_session, tab = strength_app()
    ctx = app_session.ctx
    parts = _spy(tab, monkeypatch)
    at_signal: list[int] = []
    ctx.events.data_changed.connect(lambda _c: at_signal.append(len(parts)))
    today = ctx.clock.today()
    outcomes = []
    ctx.ops.run_in_background(import_runs, many_runs(today, RELOAD_DAYS + 10),
                              on_done=outcomes.append, reload=True)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes[0].ok and at_signal == [0]
    qtbot.waitUntil(lambda: len(parts) == 2, timeout=5_000)
    assert parts == [("history", 1), ("plan", 0)]  # the plan waited for a turn of its own
    assert tab.today_plan is not None and tab.plan_view.rows


def test_an_ordinary_change_is_shown_at_once(strength_app, monkeypatch):
    app_session, tab = strength_app()
    parts = _spy(tab, monkeypatch)
    today = app_session.ctx.clock.today()
    assert app_session.ctx.ops.run(op.add_run, Run(day=today, distance_km=6.0,
                                                   duration_min=36.0))
    assert [name for name, _ in parts] == ["history", "plan"] and tab.steps.pending == 0
