"""The Recovery data built from a day on (the recent weeks a view shows first) equals the
whole build from that day on, and leaves the older strength sessions' sets unread."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import History
from hamstring_app.core.rules import evaluate
from hamstring_app.store.deferred_sets import SetsLoader, defer_older
from hamstring_app.ui.progress.data import RecoveryData, build_recovery_data
from hamstring_app.ui.progress.days import day_start_x, monday

TODAY = date(2026, 3, 18)

SERIES = ("pain_rest", "pain_run", "pain_waking", "pain_mean", "weekly_distance", "runs",
          "spikes", "other_load_events", "acwr", "sessions_per_week", "red_flags")


def _from(series, cut: float):
    keep = series.x >= cut
    return series.x[keep], series.y[keep]


def _same(a, b) -> bool:
    return a[0].shape == b[0].shape and bool(
        np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1], equal_nan=True))


@pytest.fixture(scope="module")
def history() -> History:
    return build_demo_history(TODAY, years=3)


def _build(history: History, since: date | None = None,
           previous: RecoveryData | None = None) -> RecoveryData:
    return build_recovery_data(history, evaluate(history, TODAY), TODAY, 3,
                               previous=previous, since=since)


@pytest.mark.parametrize("weeks_back", [1, 26, 80, 400])
def test_a_partial_build_equals_the_whole_one_from_its_first_day(history, weeks_back) -> None:
    whole = _build(history)
    since = monday(TODAY) - timedelta(weeks=weeks_back)
    part = _build(history, since)
    start = max(since, whole.first_day)
    assert part.since == start and part.first_day == whole.first_day
    assert part.whole == (start == whole.first_day)
    cut = day_start_x(start)
    for name in SERIES:
        got, want = getattr(part, name), getattr(whole, name)
        assert _same((got.x, got.y), _from(want, cut)), name
    for verdict, series in whole.verdicts.items():
        assert _same((part.verdicts[verdict].x, part.verdicts[verdict].y), _from(series, cut))
    assert part.day_verdicts == tuple(v for v in whole.day_verdicts if v.day >= start)
    assert part.running.events_by_day == {
        o: e for o, e in whole.running.events_by_day.items() if o >= start.toordinal()}
    assert len(part.runs) < len(whole.runs) or weeks_back == 400
    if part.eccentric_label == whole.eccentric_label:
        assert _same((part.eccentric_volume.x, part.eccentric_volume.y),
                     _from(whole.eccentric_volume, cut))
    assert (part.onset, part.window, part.episode_onsets) == (
        whole.onset, whole.window, whole.episode_onsets)


def test_a_refresh_after_a_partial_build_keeps_its_first_day(history) -> None:
    since = monday(TODAY) - timedelta(weeks=26)
    part = _build(history, since)
    again = _build(history, since, previous=part)
    assert again.since == since
    assert again.day_verdicts == part.day_verdicts
    wider = _build(history, since - timedelta(weeks=26), previous=part)
    assert wider.day_verdicts == _build(history, since - timedelta(weeks=26)).day_verdicts


def test_older_sets_are_not_read_for_a_recent_build(history) -> None:
    reads: list[int] = []
    by_id = {s.id or k: s.sets for k, s in enumerate(history.strength_sessions)}

    def read():
        reads.append(1)
        return by_id

    loader = SetsLoader(read)
    cut = TODAY - timedelta(days=365)
    deferred = defer_older(history.strength_sessions, cut, loader)
    assert loader.waiting > 0
    lazy = replace(history, strength_sessions=deferred)
    part = _build(lazy, monday(TODAY) - timedelta(weeks=26))
    assert reads == [] and part.has_strength
    _build(lazy)  # the whole history: the older sets are read then, once
    assert reads == [1]
