"""The one runner: it applies each operation's Changes to the history cache, emits
data_changed once, keeps one Assessment per (history version, today), and turns a
failure into an Outcome with a message."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.clock import FakeClock
from hamstring_app.core.models import (
    CheckIn,
    History,
    PainSite,
    Profile,
    Run,
    RunType,
    SetLog,
    Side,
    StrengthSession,
)
from hamstring_app.core.settings import Settings
from hamstring_app.core.tasks import Cancelled
from hamstring_app.importer.plan import ToWrite
from hamstring_app.paths import DataPaths
from hamstring_app.store import operations as op
from hamstring_app.store.importing import import_runs
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import AppEvents

NOW = datetime(2026, 3, 18, 19, 30)
TODAY = NOW.date()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
def ctx(qapp, tmp_path):
    clock = FakeClock(NOW)
    repo = open_repository(tmp_path, today=clock.today, app_version="test")
    context = AppContext(repo=repo, clock=clock, events=AppEvents(), paths=DataPaths(tmp_path))
    yield context
    repo.close()


@pytest.fixture
def emitted(ctx):
    seen: list[Changes] = []
    ctx.events.data_changed.connect(seen.append)
    return seen


def _profile() -> Profile:
    return Profile(injury_start=date(2026, 1, 5), side=Side.LEFT, pain_site=PainSite.MID_THIGH)


def _session(day: date, *, with_set: bool = True) -> StrengthSession:
    start = datetime.combine(day, datetime.min.time()).replace(hour=18)
    sets = (
        (SetLog("bridge_hold", 1, hold_s=30.0, pain=1, started_at=start, finished_at=start),)
        if with_set
        else ()
    )
    return StrengthSession(day=day, sets=sets, phase=1, started_at=start)


def test_runner_emits_once_and_returns_the_value(ctx, emitted):
    outcome = ctx.ops.run(op.save_profile, _profile())
    assert outcome.ok and outcome.value == _profile() and outcome.message == ""
    assert emitted == [Changes.of(Kind.PROFILE, Kind.EPISODE)]
    assert outcome.changes == emitted[0]


def test_cache_is_current_before_any_tab_hears(ctx):
    ctx.history.get()
    seen: list[int] = []
    ctx.events.data_changed.connect(lambda _c: seen.append(len(ctx.history.get().checkins)))
    ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=2))
    assert seen == [1]


def test_every_operation_keeps_the_cache_equal_to_a_fresh_read(ctx):
    """After each operation the cache (re-reading only the days it was told) matches a
    whole fresh load: each operation's Changes cover every row it touched."""
    repo = ctx.repo
    ctx.ops.run(op.save_profile, _profile())
    ctx.history.get()
    loads = ctx.history.full_loads
    run = Run(day=YESTERDAY, distance_km=5.0, duration_min=30.0, type=RunType.EASY)
    older = repo.start_strength_session(_session(YESTERDAY))  # left unfinished
    ctx.ops.announce(Changes.of(Kind.STRENGTH, days=[YESTERDAY]))

    steps = [
        lambda: ctx.ops.run(op.save_checkin, CheckIn(day=YESTERDAY, pain_rest=3)),
        lambda: ctx.ops.run(
            op.save_checkin,
            CheckIn(day=TODAY, pain_rest=1),
            session=repo.get_strength_session(older.id),
            session_pain=2,
        ),
        lambda: ctx.ops.run(op.delete_checkin, YESTERDAY),
        lambda: ctx.ops.run(op.restore_checkin, CheckIn(day=YESTERDAY, pain_rest=3)),
        lambda: ctx.ops.run(op.add_run, run),
        lambda: ctx.ops.run(op.save_run, replace(repo.list_runs()[0], day=TODAY)),  # moved
        lambda: ctx.ops.run(op.delete_run, repo.list_runs()[0].id),
        lambda: ctx.ops.run(op.add_run, replace(run, id=41)),
        # starts today's and quietly finishes yesterday's: both days must be re-read
        lambda: ctx.ops.run(op.start_session, _session(TODAY, with_set=False), now=NOW),
        lambda: ctx.ops.run(
            op.log_set,
            repo.unfinished_strength_session(),
            SetLog("bridge_hold", 1, hold_s=20.0, pain=0),
        ),
        lambda: ctx.ops.run(op.finish_session, repo.unfinished_strength_session().id, NOW),
        lambda: ctx.ops.run(op.set_session_pain, repo.list_strength_sessions()[-1], 3),
        lambda: ctx.ops.run(op.discard_session, repo.list_strength_sessions()[0].id),
        lambda: ctx.ops.run(op.save_settings, Settings(sessions_per_week=3)),
        # an import: one new run today and one merged into the run typed in yesterday
        lambda: ctx.ops.run(
            import_runs,
            ToWrite(
                new=(replace(run, id=None, day=TODAY, content_hash="f" * 64),),
                merged=(
                    replace(repo.runs_on(YESTERDAY)[0], distance_km=5.1, content_hash="g" * 64),
                ),
                skipped=0,
            ),
        ),
    ]
    for number, step in enumerate(steps):
        outcome = step()
        assert outcome.ok, (number, outcome.message)
        assert ctx.history.get() == repo.load_history(), f"step {number}"
    assert ctx.history.full_loads == loads  # all of it done by re-reading days only

    gone = repo.delete_strength_session(repo.list_strength_sessions()[0].id)
    ctx.ops.announce(Changes.of(Kind.STRENGTH, days=[gone.day]))
    assert ctx.ops.run(op.restore_session, gone).ok
    assert ctx.history.get() == repo.load_history()
    ctx.ops.run(op.import_history, History(checkins=(CheckIn(day=TODAY - timedelta(9)),)))
    assert ctx.history.get() == repo.load_history()
    assert ctx.history.full_loads == loads + 1  # "everything" reads everything once


def test_failure_is_an_outcome_with_a_message_and_emits_nothing(ctx, emitted, caplog):
    ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=2))
    emitted.clear()
    version = ctx.history.version
    with caplog.at_level(logging.WARNING, logger="hamstring_app.ui.ops"):
        outcome = ctx.ops.run(op.delete_checkin, YESTERDAY)  # nothing there
    assert not outcome.ok and outcome.value is None
    assert "no check-in" in outcome.message
    assert emitted == [] and ctx.history.version == version
    assert "delete_checkin failed" in caplog.text


def test_validation_failure_names_the_field_in_words(ctx, emitted):
    future = CheckIn(day=TODAY + timedelta(days=1), pain_rest=2)
    outcome = ctx.ops.run(op.save_checkin, future)
    assert not outcome.ok
    assert outcome.message.startswith("That was not saved: date ")
    assert emitted == []


def test_an_unexpected_error_is_logged_with_its_traceback_and_never_raised(ctx, caplog):
    def broken(repo):
        raise RuntimeError("bug in an operation")

    with caplog.at_level(logging.ERROR, logger="hamstring_app.ui.ops"):
        outcome = ctx.ops.run(broken)
    assert not outcome.ok and isinstance(outcome.error, RuntimeError)
    assert "log file" in outcome.message
    assert "bug in an operation" in caplog.text and "Traceback" in caplog.text


def test_an_operation_that_changed_nothing_emits_nothing(ctx, emitted):
    outcome = ctx.ops.run(lambda repo: op.Done(7, Changes.none()))
    assert outcome.ok and outcome.value == 7 and emitted == []


def test_one_assessment_per_history_version_and_day(ctx):
    ctx.ops.run(op.save_profile, _profile())
    ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=2))
    first = ctx.ops.assessment()
    assert ctx.ops.assessment() is first  # the same state: computed once
    ctx.ops.run(op.save_checkin, CheckIn(day=TODAY, pain_rest=7))
    second = ctx.ops.assessment()
    assert second is not first and second.verdict != first.verdict
    ctx.clock.advance(24 * 3600)  # a new day, same history: assessed again
    assert ctx.ops.assessment() is not second
    assert ctx.ops.assessment(TODAY) is not second  # a different day asked for


def test_background_operation_reports_on_the_main_thread(ctx, emitted, qtbot):
    import threading

    main = threading.get_ident()
    where: dict[str, int] = {}

    def bulk(repo, checkins, *, task):
        where["work"] = threading.get_ident()
        for n, _checkin in enumerate(checkins):
            task.progress(n / len(checkins), "adding check-ins")
        return op.import_history(repo, History(checkins=tuple(checkins)))

    outcomes = []

    def done(outcome):
        where["done"] = threading.get_ident()
        outcomes.append(outcome)

    days = [CheckIn(day=TODAY - timedelta(days=n), pain_rest=1) for n in range(5)]
    ctx.ops.run_in_background(bulk, days, on_done=done)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10_000)
    assert outcomes[0].ok and emitted == [Changes.everything()]
    assert where["work"] != main and where["done"] == main
    assert len(ctx.history.get().checkins) == 5


def test_background_operation_cancelled_or_failed(ctx, emitted, qtbot):
    outcomes = []

    def stops(repo, *, task):
        raise Cancelled()

    def fails(repo, *, task):
        raise ValueError("cannot read that file")

    ctx.ops.run_in_background(stops, on_done=outcomes.append)
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=10_000)
    ctx.ops.run_in_background(fails, on_done=outcomes.append)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=10_000)
    stopped, failed = outcomes
    assert not stopped.ok and stopped.cancelled and "nothing was changed" in stopped.message
    assert not failed.ok and not failed.cancelled and isinstance(failed.error, ValueError)
    assert emitted == []


def test_old_import_path_still_works():
    from hamstring_app.core import changes
    from hamstring_app.ui import events

    assert events.Changes is changes.Changes and events.Kind is changes.Kind


def test_the_three_tabs_share_one_assessment(session_factory, qtbot, monkeypatch):
    """Today, Strength and Recovery read the runner's assessment: one evaluate() per
    state, however many tabs show it."""
    import hamstring_app.core.rules as rules

    session = session_factory()
    ctx = session.ctx
    ctx.ops.run(op.save_profile, _profile())
    ctx.ops.run(op.save_checkin, CheckIn(day=ctx.clock.today(), pain_rest=2))
    calls: list[date] = []
    real = rules.evaluate

    def counting(history, today, **kwargs):
        calls.append(today)
        return real(history, today, **kwargs)

    monkeypatch.setattr(rules, "evaluate", counting)
    import hamstring_app.ui.checkin.tab as today_tab
    import hamstring_app.ui.progress.tab as recovery_tab
    import hamstring_app.ui.session.tab as strength_tab

    for module in (today_tab, strength_tab, recovery_tab):  # a tab's own copy counts too
        monkeypatch.setattr(module, "evaluate", counting, raising=False)
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    names = {window.tabs.widget(i).objectName(): i for i in range(window.tabs.count())}
    for name in ("checkin", "session", "recovery"):
        window.tabs.setCurrentIndex(names[name])
        window.tabs.widget(names[name]).refresh_now()
    assert len(calls) == 1
    ctx.ops.run(op.save_checkin, CheckIn(day=ctx.clock.today(), pain_rest=3))
    for name in ("checkin", "session", "recovery"):
        window.tabs.setCurrentIndex(names[name])
        window.tabs.widget(names[name]).refresh_now()
    assert len(calls) == 2
