"""A refresh after a change reuses the verdicts of the days before it, and they equal a
whole recomputation: for a new, a changed, a deleted check-in and a new run."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, History, Run
from hamstring_app.core.rules import daily_verdicts, evaluate
from hamstring_app.ui.progress import data as data_module
from hamstring_app.ui.progress.data import build_recovery_data

TODAY = date(2026, 3, 16)


def _changed(history: History, kind: str) -> History:
    checkins = list(history.checkins)
    if kind == "new check-in today":
        checkins = [c for c in checkins if c.day != TODAY]
        checkins.append(CheckIn(TODAY, pain_rest=6, ran=False, sharp_pain=True))
    elif kind == "changed check-in ten days ago":
        k = next(k for k, c in enumerate(checkins) if c.day == TODAY - timedelta(days=10))
        checkins[k] = replace(checkins[k], pain_rest=7, sharp_pain=True)
    elif kind == "deleted check-in a month ago":
        checkins = [c for c in checkins if c.day != TODAY - timedelta(days=30)]
    elif kind == "new run yesterday":
        runs = sorted([*history.runs, Run(TODAY - timedelta(days=1), 9.0, pain=8)],
                      key=lambda r: r.day)
        return replace(history, runs=tuple(runs))
    return replace(history, checkins=tuple(sorted(checkins, key=lambda c: c.day)))


@pytest.mark.parametrize(
    "kind",
    ["new check-in today", "changed check-in ten days ago", "deleted check-in a month ago",
     "new run yesterday"],
)
def test_reused_verdicts_equal_a_whole_recomputation(monkeypatch, kind) -> None:
    history = build_demo_history(TODAY, years=1)
    first = build_recovery_data(history, evaluate(history, TODAY), TODAY, 3)
    changed = _changed(history, kind)
    asked: list[date] = []
    real = data_module.daily_verdicts

    def spy(h, start, end):
        asked.append(start)
        return real(h, start, end)

    monkeypatch.setattr(data_module, "daily_verdicts", spy)
    again = build_recovery_data(changed, evaluate(changed, TODAY), TODAY, 3, previous=first)
    assert again.day_verdicts == daily_verdicts(changed, first.first_day, TODAY)
    assert again.day_verdicts != first.day_verdicts  # the change does show
    assert len(asked) == 1 and TODAY - asked[0] <= timedelta(days=31)  # only recent days
    whole = build_recovery_data(changed, evaluate(changed, TODAY), TODAY, 3)
    for name in ("pain_rest", "pain_run", "pain_waking", "pain_mean", "sessions_per_week",
                 "eccentric_volume"):  # the points kept from before equal a fresh build
        got, want = getattr(again, name), getattr(whole, name)
        assert np.array_equal(got.x, want.x) and np.array_equal(got.y, want.y, equal_nan=True)


def test_a_profile_change_recomputes_every_day(monkeypatch) -> None:
    history = build_demo_history(TODAY, years=1)
    first = build_recovery_data(history, evaluate(history, TODAY), TODAY, 3)
    changed = replace(history, profile=replace(history.profile, usual_weekly_km=12.0))
    asked: list[date] = []
    real = data_module.daily_verdicts
    monkeypatch.setattr(
        data_module, "daily_verdicts", lambda h, s, e: asked.append(s) or real(h, s, e)
    )
    build_recovery_data(changed, evaluate(changed, TODAY), TODAY, 3, previous=first)
    assert asked == [first.first_day]
