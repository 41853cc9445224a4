"""Work the Today tab does on every resize or paint is measured once: the history's
column widths once per font, language or sorted column (a resize only shares them out),
the short dates once per day and language, and the episode buttons folded again only
when the bar's width, its font or the buttons on offer change."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from hamstring_app.core.models import CheckIn
from hamstring_app.ui.checkin import history_columns, safety_bar


def _with_days(env, n: int = 12) -> None:
    for k in range(n):
        env.repo.save_checkin(CheckIn(day=env.today - timedelta(days=k), pain_rest=2,
                                      pain_next_morning=2, ran=False))
    env.reload()


def test_column_widths_are_measured_again_only_when_the_looks_change(env, qtbot):
    _with_days(env)
    columns = env.tab.history.columns
    table = env.tab.history.table
    measured = columns.measured
    first = columns.widths(900)
    narrow = columns.widths(300)
    assert narrow != first  # shared out differently...
    assert columns.measured == measured  # ...from the same measures
    _with_days(env, 20)  # more rows: nothing to measure again
    columns.widths(600)
    assert columns.measured == measured
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    table.setFont(font)
    bigger = columns.widths(900)
    assert columns.measured == measured + 1 and bigger[0] > first[0]
    table.sortByColumn(history_columns.ENTRY, Qt.SortOrder.AscendingOrder)  # its arrow
    columns.widths(900)
    assert columns.measured == measured + 2


def test_short_dates_are_worked_out_once_per_day(env, qtbot, monkeypatch):
    _with_days(env)
    calls: list[str] = []
    real = history_columns.short_day_pattern
    monkeypatch.setattr(history_columns, "short_day_pattern",
                        lambda locale=None: calls.append("x") or real(locale))
    table = env.tab.history.table
    table.setColumnWidth(history_columns.DATE, 30)  # too narrow for the long dates
    table.viewport().repaint()
    first = len(calls)
    assert 0 < first <= 12  # at most once for each day on show
    table.viewport().repaint()
    assert len(calls) == first


def test_the_episode_buttons_fold_again_only_when_the_width_changes(env, qtbot, monkeypatch):
    bar = env.tab.safety
    calls: list[int] = []
    real = safety_bar.rows_for
    monkeypatch.setattr(safety_bar, "rows_for",
                        lambda widths, room, spacing: calls.append(room) or real(
                            widths, room, spacing))
    width, height = bar.width(), bar.height()
    bar.resize(width, height + 40)  # taller only
    assert calls == []
    bar.resize(width - 30, height + 40)
    assert calls == [width - 30]
    episodes = env.session.ctx.history.get().episodes
    bar.set_episode(episodes[-1] if episodes else None)  # as it was: nothing new on offer
    assert calls == [width - 30]
    font = bar.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    bar.setFont(font)
    assert len(calls) == 2
