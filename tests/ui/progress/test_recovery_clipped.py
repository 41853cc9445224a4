"""On a long history the day-by-day graph items hold the points near the view, not all
of them: a refresh resends a few hundred points, zooming out sends the rest."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg

from hamstring_app.core.demo import build_demo_history
from hamstring_app.store.deferred_sets import DeferredSession
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.progress.days import DAY_S, day_x
from hamstring_app.ui.progress.navigation import Preset


def _held(item) -> np.ndarray:
    if isinstance(item, pg.BarGraphItem):
        x = item.opts.get("x")
        return np.empty(0) if x is None else np.asarray(x)
    return np.asarray(item.data["x"])


def test_long_histories_feed_the_points_near_the_view(open_env, clock):
    history = build_demo_history(clock.today(), years=3)
    env = open_env(history)
    plots, data = env.tab.plots, env.tab.data
    env.tab.show_preset(Preset.TWELVE_WEEKS)
    assert not data.whole  # the recent months are built, not three years
    older = [s for s in env.session.ctx.history.get().strength_sessions
             if isinstance(s, DeferredSession)]
    assert older and not any(s.sets_read for s in older)  # their sets stay in the file
    low, high = plots.x_range()
    held = _held(plots.pain_rest)
    answered = sum(c.pain_rest is not None and c.day <= env.today for c in history.checkins)
    assert 0 < len(held) < answered / 3  # three years, three months in view
    assert held.min() <= low and held.max() >= min(high, data.pain_rest.x.max() - DAY_S)
    shown = (data.pain_rest.x >= low) & (data.pain_rest.x <= high)
    assert np.isin(data.pain_rest.x[shown] - 0.2 * DAY_S, held).all()  # nothing in view lost

    # a new answer today: the item is given it, with the same few points
    today = env.repo.get_checkin(env.today)
    env.repo.save_checkin(replace(today, pain_rest=(today.pain_rest or 0) % 9 + 1))
    env.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(env.today,)))
    after = plots.pain_rest.data
    assert len(after) == len(held)
    assert after["y"][np.argmax(after["x"])] == (today.pain_rest or 0) % 9 + 1

    env.tab.show_preset(Preset.ALL)  # the whole history: every point
    assert env.tab.data.whole and all(s.sets_read for s in older)
    assert len(plots.pain_rest.data) == answered
    assert sum(len(_held(b)) for b in plots.verdict_bars.values()) == sum(
        len(s) for s in env.tab.data.verdicts.values()
    )


def test_panning_back_builds_the_older_days(open_env, clock, qtbot):
    history = build_demo_history(clock.today(), years=3)
    env = open_env(history)
    tab, plots = env.tab, env.tab.plots
    since = tab.data.since
    assert not tab.data.whole
    low, high = plots.x_range()
    back = 400 * DAY_S  # over a year back: before the days built
    plots.pain.setXRange(low - back, high - back, padding=0)
    qtbot.waitUntil(lambda: tab.data.since < since)
    low, high = plots.x_range()
    shown = [c for c in history.checkins if c.pain_rest is not None
             and low <= day_x(c.day) <= high]
    held = _held(plots.pain_rest) + 0.2 * DAY_S
    assert shown and len(held) >= len(shown)
    assert held.min() <= low  # the points in view, and beyond its left edge
    assert any(low <= day_x(v.day) <= high for v in tab.data.day_verdicts)  # the strip too
