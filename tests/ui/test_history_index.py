"""The app keeps one rules day index per history version, carried from version to version
by each operation's Changes, and it always equals an index built from scratch."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cached_property

import pytest

from hamstring_app.core.changes import Changes
from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import CheckIn, PainSite, Profile, Run, RunType, Side
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.days import PER_DAY_DEFAULTS, DayIndex, clear_index_cache
from hamstring_app.paths import DataPaths
from hamstring_app.store import operations as op
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.history_cache import _replace_days

NOW = datetime(2026, 3, 18, 19, 30)
TODAY = NOW.date()
DERIVED = [n for n, v in vars(DayIndex).items() if isinstance(v, cached_property)]


@pytest.fixture
def ctx(qapp, tmp_path):
    clock = FakeClock(NOW)
    repo = open_repository(tmp_path, today=clock.today, app_version="test")
    context = AppContext(repo=repo, clock=clock, events=AppEvents(), paths=DataPaths(tmp_path))
    yield context
    repo.close()


def same_index(carried: DayIndex, fresh: DayIndex) -> None:
    for name in ("n", "origin_ord", "first_run", "episode", "assessment_days", "runs",
                 "sessions", "checkins", "runs_by_day", *PER_DAY_DEFAULTS, *DERIVED):
        assert getattr(carried, name) == getattr(fresh, name), name
    assert carried.ewma_acwr() == fresh.ewma_acwr()


def test_the_index_is_carried_over_by_each_change_and_equals_a_fresh_one(ctx):
    repo = ctx.repo
    ctx.ops.run(op.save_profile, Profile(injury_start=date(2026, 1, 5), side=Side.LEFT,
                                         pain_site=PainSite.MID_THIGH))
    for k in range(40, 0, -1):
        day = TODAY - timedelta(days=k)
        repo.save_checkin(CheckIn(day=day, pain_rest=k % 4, pain_next_morning=k % 3))
        if k % 3 == 0:
            repo.add_run(Run(day=day, distance_km=4.0 + k % 5, duration_min=30.0, rpe=4))
    ctx.ops.announce(Changes.everything())
    ctx.ops.assessment(TODAY)
    built = ctx.history.index_builds
    for name in DERIVED:  # everything read once, so every array is carried over
        getattr(ctx.history.index(TODAY), name)
    run = Run(day=TODAY - timedelta(days=2), distance_km=6.0, duration_min=35.0,
              type=RunType.INTERVALS, rpe=7)
    steps = [
        lambda: ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=2)),
        lambda: ctx.ops.run(op.save_checkin, CheckIn(day=TODAY - timedelta(days=20),
                                                     pain_rest=7, sharp_pain=True)),
        lambda: ctx.ops.run(op.add_run, run),
        lambda: ctx.ops.run(op.save_run, replace(repo.runs_on(run.day)[0],
                                                 day=TODAY - timedelta(days=30))),
        lambda: ctx.ops.run(op.delete_checkin, TODAY - timedelta(days=5)),
        lambda: ctx.ops.run(op.delete_run, repo.list_runs()[-1].id),
    ]
    for number, step in enumerate(steps):
        assert step().ok, number
        assessment = ctx.ops.assessment(TODAY)
        fresh_history = repo.load_history()
        same_index(ctx.history.index(TODAY), DayIndex(fresh_history, TODAY))
        clear_index_cache()
        assert assessment == evaluate(fresh_history, TODAY, strength_per_week=3), number
    assert ctx.history.index_builds == built  # never built again, only carried over
    ctx.ops.announce(Changes.everything())  # an import: read again, built again
    ctx.history.index(TODAY)
    assert ctx.history.index_builds == built + 1


def test_replacing_days_by_bisection_equals_a_full_sort():
    rng = random.Random(15)
    for _ in range(200):
        items = sorted(
            ((date(2026, 1, 1) + timedelta(days=rng.randrange(30)), rng.randrange(9))
             for _ in range(rng.randrange(25))),
        )
        days = {date(2026, 1, 1) + timedelta(days=rng.randrange(30))
                for _ in range(rng.randrange(4))}
        fresh = [(d, rng.randrange(9)) for d in days for _ in range(rng.randrange(3))]
        expected = sorted([x for x in items if x[0] not in days] + fresh)
        got = _replace_days(tuple(items), days, lambda x: x[0], fresh, lambda x: x)
        assert got == tuple(expected)


def test_the_first_screen_leaves_older_strength_sets_in_the_file(ctx):
    from hamstring_app.core.demo import build_demo_history
    from hamstring_app.store.deferred_sets import DeferredSession
    from hamstring_app.ui.history_cache import RECENT_SETS_DAYS

    ctx.repo.import_history(build_demo_history(TODAY, years=3))
    ctx.ops.announce(Changes.everything())
    ctx.ops.assessment(TODAY)  # what the Today tab shows first
    history = ctx.history.get()
    cut = TODAY - timedelta(days=RECENT_SETS_DAYS)
    older = [s for s in history.strength_sessions if s.day < cut]
    assert older and all(isinstance(s, DeferredSession) for s in older)
    assert not any(s.sets_read for s in older)
    assert history == ctx.repo.load_history()  # read on demand: the same history
    assert all(s.sets_read for s in older)
