"""After a big change read back on a worker (an import of hundreds of days), a visible
Recovery tab is drawn in parts, a turn of the event loop each: the figures and the header,
then the graphs' data, then (on their first show) the graphs themselves. An ordinary
change is still drawn at once, and a hidden tab waits until it is shown."""

from __future__ import annotations

from ui_big_change import many_runs, spy_parts

from hamstring_app.core.models import Run
from hamstring_app.store import operations as op
from hamstring_app.store.importing import import_runs
from hamstring_app.ui.ops import RELOAD_DAYS


def _spy(env, monkeypatch) -> list[tuple[str, int]]:
    tab = env.tab
    return spy_parts(tab, monkeypatch, (("header", tab.header, "set_summary"),
                                        ("graphs", tab.plots, "set_data"),
                                        ("view", tab.stack, "setCurrentWidget")))


def test_a_big_change_into_an_empty_tab_is_drawn_a_part_per_turn(empty_env, qtbot, monkeypatch):
    env, ctx = empty_env, empty_env.session.ctx
    assert env.tab.stack.currentWidget() is env.tab.empty_page
    parts = _spy(env, monkeypatch)
    at_signal: list[int] = []
    ctx.events.data_changed.connect(lambda _c: at_signal.append(len(parts)))
    outcomes = []
    ctx.ops.run_in_background(import_runs, many_runs(env.today, RELOAD_DAYS + 10),
                              on_done=outcomes.append, reload=True)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes[0].ok and at_signal == [0]  # nothing drawn in the change's own turn
    qtbot.waitUntil(lambda: len(parts) == 3 and env.tab.steps.pending == 0, timeout=5_000)
    # each with nothing left waiting but what it hands on: one turn each
    assert [name for name, _ in parts] == ["header", "graphs", "view"]
    assert all(pending == 0 for _, pending in parts)
    assert env.tab.stack.currentWidget() is env.tab.view_scroll
    assert len(env.tab.plots.runs.data) == RELOAD_DAYS + 10


def test_an_ordinary_change_is_drawn_at_once(env, monkeypatch):
    parts = _spy(env, monkeypatch)
    ctx = env.session.ctx
    assert ctx.ops.run(op.add_run, Run(day=env.today, distance_km=6.0, duration_min=36.0))
    assert [name for name, _ in parts] == ["header", "graphs", "view"]
    assert env.tab.steps.pending == 0
