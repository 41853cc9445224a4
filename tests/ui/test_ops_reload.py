"""A big background change (an import of hundreds of days) is read back and evaluated on
the worker, so the UI thread swaps the result in and re-reads nothing; when anything else
changed while the worker ran, the ordinary per-day path is taken instead."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import CheckIn, PainSite, Profile, Run, RunType, Side
from hamstring_app.importer.plan import ToWrite
from hamstring_app.paths import DataPaths
from hamstring_app.store import operations as op
from hamstring_app.store.importing import import_runs
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.ops import RELOAD_DAYS

NOW = datetime(2026, 3, 18, 19, 30)
TODAY = NOW.date()


@pytest.fixture
def ctx(qapp, tmp_path):
    clock = FakeClock(NOW)
    repo = open_repository(tmp_path, today=clock.today, app_version="test")
    context = AppContext(repo=repo, clock=clock, events=AppEvents(), paths=DataPaths(tmp_path))
    context.ops.run(op.save_profile, Profile(injury_start=TODAY - timedelta(days=80),
                                             side=Side.LEFT, pain_site=PainSite.MID_THIGH))
    yield context
    repo.close()


def _runs(days: int) -> ToWrite:
    new = tuple(Run(day=TODAY - timedelta(days=n + 1), distance_km=5.0, duration_min=30.0,
                    type=RunType.EASY, content_hash=f"h{n}") for n in range(days))
    return ToWrite(new=new, merged=(), skipped=0)


def _fresh(ctx):
    return ctx.repo.load_history()


def test_a_big_import_is_read_back_off_the_ui_thread(ctx, qtbot, monkeypatch):
    from dataclasses import replace

    # a setting the assessment depends on, so the worker must assess exactly as the tabs do
    ctx.ops.run(op.save_settings, replace(ctx.repo.get_settings(), sessions_per_week=4))
    ctx.history.get()
    loads, version = ctx.history.full_loads, ctx.history.version
    main = threading.get_ident()
    evaluated_on: list[int] = []
    from hamstring_app.core import rules

    real = rules.evaluate

    def spy(*args, **kwargs):
        evaluated_on.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(rules, "evaluate", spy)
    ui_reads: list[object] = []
    monkeypatch.setattr(ctx.history.repo, "runs_on", lambda d: ui_reads.append(d) or ())
    seen: list[Changes] = []
    ctx.events.data_changed.connect(lambda c: seen.append(c))
    outcomes = []
    ctx.ops.run_in_background(import_runs, _runs(RELOAD_DAYS + 10), on_done=outcomes.append,
                              reload=True)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes[0].ok and outcomes[0].value.added == RELOAD_DAYS + 10
    assert len(seen) == 1 and Kind.RUN in seen[0].kinds
    assert ui_reads == [] and ctx.history.full_loads == loads  # nothing read on the UI thread
    assert ctx.history.version == version + 1
    assert ctx.history.get() == _fresh(ctx)
    assert evaluated_on and all(t != main for t in evaluated_on)
    count = len(evaluated_on)
    assessment = ctx.ops.assessment()  # the worker's: not evaluated again
    assert len(evaluated_on) == count
    ctx.ops._assessment = None  # worked out afresh on the UI thread: the same
    assert ctx.ops.assessment() == assessment


def test_a_small_import_takes_the_ordinary_path(ctx, qtbot):
    ctx.history.get()
    outcomes = []
    ctx.ops.run_in_background(import_runs, _runs(3), on_done=outcomes.append, reload=True)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    assert outcomes[0].ok
    assert ctx.history.get() == _fresh(ctx)


def test_a_change_made_while_the_worker_ran_is_not_lost(ctx, qtbot):
    ctx.history.get()
    gate = threading.Event()

    def slow_import(repo, to_write, *, task):
        gate.wait(10)
        return import_runs(repo, to_write, task=task)

    outcomes = []
    ctx.ops.run_in_background(slow_import, _runs(RELOAD_DAYS), on_done=outcomes.append,
                              reload=True)
    # typed in on the UI thread while the import is on its way
    assert ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=3)).ok
    gate.set()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=20_000)
    history = ctx.history.get()
    assert history == _fresh(ctx)
    assert [c.pain_rest for c in history.checkins] == [3]
    assert len(history.runs) == RELOAD_DAYS
    assert ctx.ops.assessment() == ctx.ops.assessment()  # and it is one of the new version


def test_apply_loaded_refuses_a_history_older_than_the_copy(ctx):
    from hamstring_app.ui.history_cache import HistorySnapshot

    snapshot = HistorySnapshot(ctx.repo)
    stale = snapshot.get()
    since = snapshot.version
    ctx.repo.save_checkin(CheckIn(day=TODAY, pain_rest=4))
    snapshot.apply(Changes.of(Kind.CHECKIN, days=[TODAY]))
    assert not snapshot.apply_loaded(Changes.of(Kind.RUN, days=[TODAY]), stale, since=since)
    assert snapshot.get().checkins[-1].pain_rest == 4  # the older copy was not taken
