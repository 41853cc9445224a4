"""On a long history the day-by-day graph items hold the points near the view, not all
of them: a refresh resends a few hundred points, zooming out sends the rest."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg

from hamstring_app.core.demo import build_demo_history
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.progress.days import DAY_S
from hamstring_app.ui.progress.navigation import Preset


def _held(item) -> np.ndarray:
    if isinstance(item, pg.BarGraphItem):
        x = item.opts.get("x")
        return np.empty(0) if x is None else np.asarray(x)
    return np.asarray(item.data["x"])


def test_long_histories_feed_the_points_near_the_view(open_env, clock):
    env = open_env(build_demo_history(clock.today(), years=3))
    plots, data = env.tab.plots, env.tab.data
    env.tab.show_preset(Preset.TWELVE_WEEKS)
    low, high = plots.x_range()
    held = _held(plots.pain_rest)
    answered = len(data.pain_rest)
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
    assert len(plots.pain_rest.data) == answered
    assert sum(len(_held(b)) for b in plots.verdict_bars.values()) == sum(
        len(s) for s in env.tab.data.verdicts.values()
    )
