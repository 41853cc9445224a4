"""The plan line: the week ahead's distance caps on the running graph, in the runner's units."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pytest

from hamstring_app.core.models import KM_PER_MILE, Units
from hamstring_app.core.rules import evaluate
from hamstring_app.core.runplan.story import ladder_story
from hamstring_app.ui.progress.days import DAY_S, day_start_x
from hamstring_app.ui.progress.plan_line import plan_points


def test_the_recovery_tab_draws_the_week_ahead(env):
    plots = env.tab.plots
    x, y = plots.run_plan.item.getData()
    week = env.tab.assessment.prescription.week
    assert len(x) == 2 * len(week) == 14
    assert x[0] == day_start_x(env.today) and x[-1] == day_start_x(env.today) + 7 * DAY_S
    for k, d in enumerate(week):
        value = y[2 * k]
        if not d.running:
            assert value == 0
        elif d.max_distance_km and d.run_kind != "ladder":
            assert value == pytest.approx(d.max_distance_km)
    # the view shows it: the presets reach the end of the week ahead
    _low, high = plots.x_range()
    assert high >= day_start_x(env.today + timedelta(days=6))


@pytest.mark.parametrize("units", [Units.KM, Units.MILES])
def test_plan_points_follow_the_units_and_leave_ladder_days_open(units):
    from datetime import date

    today = date(2026, 12, 1)
    a = evaluate(ladder_story(today, units), today)
    x, y = plan_points(a, units)
    week = a.prescription.week
    assert len(x) == 14
    for k, d in enumerate(week):
        if d.run_kind == "ladder":
            assert math.isnan(y[2 * k])
        elif not d.running:
            assert y[2 * k] == 0
    a2 = evaluate(ladder_story(today, units), today + timedelta(days=60))
    _x, y2 = plan_points(a2, units)
    finite = y2[np.isfinite(y2)]
    caps = [d.max_distance_km for d in a2.prescription.week if d.max_distance_km]
    if caps and units is Units.MILES:
        assert finite.max() == pytest.approx(max(caps) / KM_PER_MILE)
