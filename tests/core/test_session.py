"""The guided-session state machine, driven by a fake clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.library import Library, load_library, plan_session
from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.models import SetLog
from hamstring_app.core.planning import easier_version
from hamstring_app.core.session import EventKind, GuidedSession, State

T0 = datetime(2026, 3, 15, 18, 0, tzinfo=UTC)
K = EventKind


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def _item(lib: Library, exercise_id: str, **changes: object) -> PlannedExercise:
    """A planned exercise with the dose given (defaults: 2 sets)."""
    fields: dict[str, object] = {
        "exercise": lib.exercises[exercise_id], "sets": 2, "reps": None, "hold_s": None,
        "tempo_down_s": None, "rest_s": 30,
    }
    fields.update(changes)
    return PlannedExercise(**fields)  # type: ignore[arg-type]


@pytest.fixture
def plan(lib: Library) -> tuple[PlannedExercise, ...]:
    return (
        _item(lib, "bridge_hold", hold_s=20, rest_s=30),
        _item(lib, "romanian_deadlift", reps=8, tempo_down_s=3, tempo_up_s=1, rest_s=60),
    )


def kinds(events: list) -> list[EventKind]:
    return [e.kind for e in events]


def test_whole_session_path(plan: tuple, lib: Library) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=5)
    assert s.state is State.GET_READY
    assert kinds(s.tick()) == [K.STATE_CHANGED, K.CUE_GET_READY]
    assert s.remaining_s == 5.0 and s.set_index == 1 and s.sets_total == 2
    clock.advance(2.0)
    assert kinds(s.tick()) == [K.CUE_TICK]  # 3 s left
    clock.advance(3.0)
    assert kinds(s.tick()) == [K.CUE_TICK, K.CUE_TICK, K.STATE_CHANGED, K.CUE_GO]
    assert s.state is State.WORK and s.remaining_s == 20.0
    clock.advance(10.0)
    assert kinds(s.tick()) == [K.CUE_HALF_WAY]
    assert s.progress_fraction == pytest.approx(0.5 / 4)
    clock.advance(7.0)
    assert kinds(s.tick()) == [K.CUE_LAST_THREE]
    clock.advance(3.0)
    assert kinds(s.tick()) == [K.STATE_CHANGED, K.CUE_DONE]
    assert s.state is State.SET_DONE
    log = s.log_set(pain=2)
    assert s.completed_sets == (log,)
    assert (log.exercise_id, log.set_number, log.hold_s, log.pain) == ("bridge_hold", 1, 20.0, 2)
    assert log.started_at == T0 + timedelta(seconds=5)
    assert log.finished_at == T0 + timedelta(seconds=25)
    assert s.state is State.REST and s.remaining_s == 30.0
    assert s.next_up == "Next: Bridge hold, set 2 of 2"
    assert kinds(s.tick()) == [K.SET_LOGGED, K.STATE_CHANGED]
    clock.advance(27.0)
    assert kinds(s.tick()) == [K.CUE_LAST_THREE]
    clock.advance(3.0)
    # same exercise: straight back to work after the rest
    assert kinds(s.tick()) == [K.CUE_REST_OVER, K.STATE_CHANGED, K.CUE_GO]
    assert s.state is State.WORK and s.set_index == 2
    assert s.next_up.startswith("Next: Romanian deadlift, 2 x 8")
    s.finish_work()
    s.log_set(hold_done_s=12.5, pain=1)
    assert s.current is not None and s.current.exercise_id == "romanian_deadlift"
    clock.advance(30.0)
    events = s.tick()
    assert kinds(events)[-3:] == [K.CUE_REST_OVER, K.STATE_CHANGED, K.CUE_GET_READY]
    assert s.state is State.GET_READY  # a new exercise gets a get-ready countdown
    clock.advance(5.0)
    s.tick()
    assert s.state is State.WORK and s.remaining_s is None
    # tempo beats: lower 1-2-3, lift 1, from the clock
    clock.advance(0.5)
    tempo = s.tempo_phase
    assert tempo is not None
    assert (tempo.name, tempo.beat, tempo.beats, tempo.rep) == ("lower", 1, 3, 1)
    clock.advance(2.0)
    assert str(s.tempo_phase) == "lower 3"
    clock.advance(1.0)
    assert str(s.tempo_phase) == "lift 1"
    clock.advance(1.0)
    assert s.tempo_phase.rep == 2 and s.reps_elapsed == 1  # type: ignore[union-attr]
    beats = [e.detail for e in s.tick() if e.kind is K.CUE_TICK]
    assert beats == ["lower 1/3"]  # late beats collapse into the latest one
    s.finish_work()
    s.log_set(reps_done=8, load_kg=20.0, pain=1)
    clock.advance(60.0)
    s.tick()
    clock.advance(40.0)
    s.finish_work()
    assert s.next_up == "Last set. Then you are done."
    s.log_set(load_kg=20.0, pain=0)
    assert s.state is State.SUMMARY and s.progress_fraction == 1.0
    assert kinds(s.tick())[-2:] == [K.STATE_CHANGED, K.SESSION_FINISHED]
    assert [(x.exercise_id, x.set_number) for x in s.completed_sets] == [
        ("bridge_hold", 1), ("bridge_hold", 2), ("romanian_deadlift", 1), ("romanian_deadlift", 2)
    ]
    assert s.completed_sets[3].reps == 8  # the target when no count is given


def test_pause_does_not_count(plan: tuple) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=0)
    assert s.state is State.WORK
    clock.advance(5.0)
    s.tick()
    s.pause()
    assert s.paused and s.remaining_s == 15.0
    clock.advance(600.0)
    assert s.tick() == []  # nothing is due while paused
    assert s.state is State.WORK and s.remaining_s == 15.0
    s.resume_timer()
    assert s.remaining_s == 15.0
    clock.advance(14.0)
    s.tick()
    assert s.state is State.WORK and s.remaining_s == 1.0
    clock.advance(1.0)
    s.tick()
    assert s.state is State.SET_DONE
    assert s.work_elapsed_s == 20.0
    log = s.log_set()
    assert log.hold_s == 20.0
    assert log.finished_at - log.started_at == timedelta(seconds=620)  # type: ignore[operator]
    # pausing a rest
    s.toggle_pause()
    clock.advance(100.0)
    s.toggle_pause()
    assert s.remaining_s == 30.0


def test_skip_back_and_skip_exercise(plan: tuple) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=5)
    s.skip_countdown()
    assert s.state is State.WORK and s.set_index == 1
    s.skip_set()
    assert s.state is State.GET_READY and s.set_index == 2
    s.back()
    assert s.state is State.GET_READY and s.set_index == 1
    s.skip_countdown()
    s.finish_work()
    s.log_set(pain=1)
    assert s.state is State.REST and s.set_index == 2
    s.back()  # redo the set just done
    assert s.state is State.GET_READY and s.set_index == 1
    s.skip_countdown()
    s.finish_work()
    s.log_set(pain=0)
    assert len(s.completed_sets) == 1 and s.completed_sets[0].pain == 0
    s.skip_countdown()  # end the rest now
    assert s.state is State.WORK and s.set_index == 2
    s.skip_exercise()
    assert s.state is State.GET_READY and s.exercise_index == 1 and s.set_index == 1
    s.back()
    assert (s.exercise_index, s.set_index) == (0, 2)
    s.skip_exercise()
    s.skip_exercise()
    assert s.state is State.SUMMARY
    assert [x.exercise_id for x in s.completed_sets] == ["bridge_hold"]


def test_end_early_keeps_what_was_done(plan: tuple) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=0)
    clock.advance(20.0)
    s.tick()
    s.log_set(pain=1)
    clock.advance(40.0)
    s.tick()
    assert s.state is State.WORK  # second set under way
    s.end_early()
    assert s.state is State.SUMMARY
    assert len(s.completed_sets) == 1
    s.end_early()
    s.pause()
    s.back()
    assert s.state is State.SUMMARY and not s.paused


def test_crossing_midnight(plan: tuple) -> None:
    clock = FakeClock(datetime(2026, 3, 15, 23, 59, 50, tzinfo=UTC))
    s = GuidedSession(plan, clock, get_ready_s=5)
    clock.advance(5.0)
    s.tick()
    clock.advance(20.0)
    s.tick()
    log = s.log_set(pain=1)
    assert log.started_at is not None and log.finished_at is not None
    assert log.started_at.date().day == 15 and log.finished_at.date().day == 16
    assert log.finished_at - log.started_at == timedelta(seconds=20)


def test_late_tick_reports_every_event_in_order_and_marks_them_late(plan: tuple) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=5)
    s.tick()
    clock.advance(22.5)  # one tick just after the hold's last-three cue
    events = s.tick()
    assert kinds(events) == [
        K.CUE_TICK, K.CUE_TICK, K.CUE_TICK, K.STATE_CHANGED, K.CUE_GO, K.CUE_HALF_WAY,
        K.CUE_LAST_THREE,
    ]
    assert [e.late for e in events] == [True] * 6 + [False]
    assert [e.at - 1000.0 for e in events] == [2.0, 3.0, 4.0, 5.0, 5.0, 15.0, 22.0]
    assert s.remaining_s == 2.5


def test_long_sleep_does_not_crash_or_drift(plan: tuple) -> None:
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=5)
    s.tick()
    clock.advance(8 * 3600.0)
    events = s.tick()
    assert s.state is State.SET_DONE
    assert all(e.late for e in events)
    log = s.log_set()
    assert log.started_at == T0 + timedelta(seconds=5)
    assert log.finished_at == T0 + timedelta(seconds=25)
    clock.advance(10 * 3600.0)
    s.tick()
    assert s.state is State.SET_DONE and s.set_index == 2


def test_no_drift_over_10000_irregular_ticks(lib: Library) -> None:
    """Remaining time equals the clock's truth exactly, whatever the tick rhythm."""
    plan = (
        _item(lib, "bridge_hold", sets=6, hold_s=45, rest_s=40),
        _item(lib, "calf_stretch", sets=6, hold_s=30, rest_s=25),
    )
    clock = FakeClock(T0, monotonic_start=1000.0)
    s = GuidedSession(plan, clock, get_ready_s=5)
    rng = random.Random(1234)
    # expected timeline, kept independently: (state, deadline)
    deadline = 1000.0 + 5.0
    expected_state = State.GET_READY
    paused_total = 0.0
    checks = 0
    for _ in range(10_000):
        if s.state is State.SUMMARY:
            break
        gap = rng.randint(1, 200) / 1024  # up to ~0.2 s, exact in binary floating point
        if rng.random() < 0.01:
            gap = rng.randint(1, 5000) / 1024  # an occasional long stall
        clock.advance(gap)
        if rng.random() < 0.005 and s.state is not State.SET_DONE:
            s.pause()
            pause = rng.randint(1, 3000) / 1024
            clock.advance(pause)
            s.resume_timer()
            paused_total += pause
            deadline += pause
        s.tick()
        now = clock.monotonic()
        # follow the truth: every state starts exactly at the previous deadline
        while expected_state in (State.GET_READY, State.WORK, State.REST) and deadline <= now:
            item = plan[s.exercise_index]
            if expected_state is State.GET_READY:
                expected_state, deadline = State.WORK, deadline + item.hold_s
            elif expected_state is State.WORK:
                expected_state = State.SET_DONE
            else:
                same = s.set_index > 1
                expected_state = State.WORK if same else State.GET_READY
                deadline += item.hold_s if same else 5.0
        assert s.state is expected_state
        if expected_state is State.SET_DONE:
            s.log_set(pain=1)
            if s.state is State.SUMMARY:
                break
            expected_state = State.REST
            deadline = now + plan[s.exercise_index - (1 if s.set_index == 1 else 0)].rest_s
            continue
        assert s.remaining_s == deadline - now  # exact: no drift at all
        checks += 1
    assert checks > 5000
    assert paused_total > 0


def test_pain_above_threshold_offers_stop_or_easier(lib: Library) -> None:
    phase = 2
    plan = plan_session(lib, phase, {}, {}, "mid_thigh", None)[:2]
    clock = FakeClock(T0)
    s = GuidedSession(plan, clock, get_ready_s=0, pain_threshold=5)
    s.finish_work()
    s.log_set(pain=5)
    assert not s.offer_stop_or_easier  # 5 is not above 5
    clock.advance(75.0)
    s.tick()
    s.finish_work()
    s.log_set(pain=6)
    assert s.offer_stop_or_easier
    assert K.OFFER_STOP_OR_EASIER in kinds(s.tick())
    easier = easier_version(lib, s.plan[0], phase)
    assert easier is not None and easier.exercise_id == "good_morning"
    s.switch_to_easier(easier)
    assert not s.offer_stop_or_easier
    assert s.state is State.REST  # the rest carries on, then the easier exercise
    assert [p.exercise_id for p in s.plan] == ["romanian_deadlift", "good_morning", "hip_thrust"]
    assert [p.sets for p in s.plan] == [2, 1, 3]
    clock.advance(75.0)
    s.tick()
    assert s.state is State.GET_READY or s.state is State.WORK
    assert s.current is not None and s.current.exercise_id == "good_morning"
    s.finish_work()
    s.log_set(pain=7)
    assert not s.offer_stop_or_easier  # no sets left of it: nothing to offer


def test_stop_exercise_moves_on(lib: Library) -> None:
    plan = plan_session(lib, 2, {}, {}, "mid_thigh", None)[:2]
    s = GuidedSession(plan, FakeClock(T0), get_ready_s=0)
    s.finish_work()
    s.log_set(pain=8)
    assert s.offer_stop_or_easier
    s.stop_exercise()
    assert not s.offer_stop_or_easier
    assert s.state is State.REST
    assert s.current is not None and s.current.exercise_id == "hip_thrust"
    assert s.plan[0].sets == 1
    assert s.next_up.startswith("Next: Hip thrust")


def test_resume_after_a_crash(plan: tuple) -> None:
    clock = FakeClock(T0)
    first = GuidedSession(plan, clock, get_ready_s=0)
    first.finish_work()
    first.log_set(pain=1)
    clock.advance(30.0)
    first.tick()
    first.finish_work()
    first.log_set(pain=2)
    clock.advance(30.0)
    first.tick()
    saved = first.completed_sets  # what the store holds after a crash here
    clock.advance(3600.0)
    again = GuidedSession.resume(plan, clock, saved, get_ready_s=5)
    assert again.state is State.GET_READY
    assert (again.exercise_index, again.set_index) == (1, 1)
    assert again.completed_sets == saved
    assert again.progress_fraction == pytest.approx(2 / 4)
    assert kinds(again.tick()) == [K.STATE_CHANGED, K.CUE_GET_READY]
    partway = GuidedSession.resume(plan, clock, saved[:1])
    assert (partway.exercise_index, partway.set_index) == (0, 2)
    fresh = GuidedSession.resume(plan, clock, [])
    assert (fresh.exercise_index, fresh.set_index, fresh.state) == (0, 1, State.GET_READY)
    done = GuidedSession.resume(plan, clock, [
        *saved,
        SetLog("romanian_deadlift", 1, reps=8),
        SetLog("romanian_deadlift", 2, reps=8),
    ])
    assert done.state is State.SUMMARY and len(done.completed_sets) == 4


def test_bad_inputs(plan: tuple) -> None:
    clock = FakeClock(T0)
    with pytest.raises(ValueError):
        GuidedSession((), clock)
    with pytest.raises(ValueError):
        GuidedSession(plan, clock, get_ready_s=-1)
    s = GuidedSession(plan, clock, get_ready_s=0)
    s.finish_work()
    with pytest.raises(ValueError, match="hold"):
        s.log_set(reps_done=3)
    with pytest.raises(RuntimeError):
        GuidedSession(plan, clock).log_set()
    s2 = GuidedSession(plan, clock, get_ready_s=0)
    s2.finish_work()
    with pytest.raises(ValueError, match="pain"):
        s2.log_set(pain=11)
    assert s2.state is State.SET_DONE  # nothing changed by the refused log
