"""Today's strength plan, built in core from the library, the history and the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hamstring_app.core.library import load_library
from hamstring_app.core.models import (
    CheckIn,
    History,
    PainSite,
    Profile,
    SetLog,
    StrengthSession,
)
from hamstring_app.core.planning import (
    NORDIC_RESTART_WEEKS,
    nordic_week,
    plan_session,
    plan_today,
    swap_choices,
    swaps_from_done_sets,
)
from hamstring_app.core.rules import evaluate

D = date(2026, 1, 5)  # a Monday
TODAY = date(2026, 3, 18)  # a Wednesday
PROFILE = Profile(injury_start=date(2026, 1, 2))


@pytest.fixture(scope="module")
def lib():
    return load_library()


def _nordic(day: date, sid: int | None = None) -> StrengthSession:
    return StrengthSession(day=day, sets=(SetLog("nordic_curl", 1, reps=5, pain=1),), id=sid)


def _plain(day: date, sid: int | None = None, exercise: str = "bridge_hold") -> StrengthSession:
    return StrengthSession(day=day, sets=(SetLog(exercise, 1, hold_s=30.0, pain=1),), id=sid)


# -------------------------------------------------------------------- Nordic weeks


def test_restart_gap_is_three_weeks():
    assert NORDIC_RESTART_WEEKS == 3


@pytest.mark.parametrize(
    ("days_since", "week"),
    [(0, 1), (6, 1), (7, 2), (20, 3), (21, 1), (30, 1)],
)
def test_a_break_of_three_weeks_starts_the_table_again(days_since, week):
    """Day 20 is still week 3; day 21 (three weeks exactly) starts again at week 1. A
    4-week gap, or ``>`` for ``>=``, would make day 21 week 4."""
    assert nordic_week([_nordic(D)], D + timedelta(days=days_since)) == week


def test_a_break_inside_the_history_restarts_the_count_there():
    sessions = [_nordic(D), _nordic(D + timedelta(days=21))]  # three weeks apart: a restart
    assert nordic_week(sessions, D + timedelta(days=22)) == 1
    close = [_nordic(D), _nordic(D + timedelta(days=20))]  # one day less: the same run
    assert nordic_week(close, D + timedelta(days=22)) == 4


def test_only_nordic_sets_up_to_today_count():
    assert nordic_week([], D) == 1
    assert nordic_week([_plain(D)], D + timedelta(days=14)) == 1
    assert nordic_week([_nordic(D), _nordic(D + timedelta(days=30))], D + timedelta(days=8)) == 2


# -------------------------------------------------------------------- plan_today


def _history(*sessions: StrengthSession, checkins: tuple[CheckIn, ...] = ()) -> History:
    return History(profile=PROFILE, checkins=checkins, strength_sessions=sessions)


def test_plan_follows_the_assessment(lib):
    history = _history(checkins=(CheckIn(day=TODAY, pain_rest=1),))
    assessment = evaluate(history, TODAY)
    today = plan_today(lib, history, assessment)
    decisions = {d.exercise_id: d.decision for d in assessment.strength}
    assert today.phase == assessment.phase
    assert today.programme == lib.programme_for_phase(assessment.phase)
    assert today.plan == plan_session(
        lib, assessment.phase, decisions, {}, PainSite.MID_THIGH.value, 1
    )
    assert today.unswapped == {p.base_id or p.exercise_id: p.exercise_id for p in today.plan}
    assert not today.blocked and today.checked_in and today.swaps == {}
    assert today.minutes >= 1 and today.nordic_week == 1


def test_urgent_stop_blocks_strength_work(lib):
    history = _history(
        checkins=(CheckIn(day=TODAY, pain_rest=6, sudden_onset_with_weakness=True),)
    )
    assert plan_today(lib, history, evaluate(history, TODAY)).blocked


def test_counts_this_weeks_sessions_with_sets_and_recent_check_ins(lib):
    monday = TODAY - timedelta(days=TODAY.weekday())
    history = _history(
        _plain(monday - timedelta(days=1)),  # last Sunday: last week
        _plain(monday),
        StrengthSession(day=monday + timedelta(days=1)),  # no sets: not counted
        _plain(TODAY),
        checkins=(CheckIn(day=TODAY - timedelta(days=2), pain_rest=0),),
    )
    today = plan_today(lib, history, evaluate(history, TODAY))
    assert today.done_this_week == 2
    assert not today.checked_in  # two days ago is not recent enough
    yesterday = _history(checkins=(CheckIn(day=TODAY - timedelta(days=1), pain_rest=0),))
    assert plan_today(lib, yesterday, evaluate(yesterday, TODAY)).checked_in


def test_swaps_apply_and_are_all_dropped_when_one_no_longer_fits(lib):
    history = _history()
    assessment = evaluate(history, TODAY)
    base = plan_today(lib, history, assessment)
    index, choices = next(
        (i, c) for i, c in enumerate(swap_choices(lib, base.plan, i) for i in range(3)) if c
    )
    item = base.plan[index]
    key = item.base_id or item.exercise_id
    target = next(iter(choices.values()))
    swapped = plan_today(lib, history, assessment, {key: target.id})
    assert swapped.swaps == {key: target.id}
    assert swapped.plan[index].exercise_id == target.id
    assert swapped.unswapped == base.unswapped
    dropped = plan_today(lib, history, assessment, {key: "no_such_exercise"})
    assert dropped.swaps == {} and dropped.plan == base.plan


def test_resuming_keeps_its_phase_and_its_swaps(lib):
    earlier = _nordic(TODAY - timedelta(days=8), sid=1)
    history = _history(earlier)
    assessment = evaluate(history, TODAY)
    fresh = plan_today(lib, history, assessment)
    first = fresh.plan[0]
    harder = swap_choices(lib, fresh.plan, 0).get("harder")
    assert harder is not None
    record = StrengthSession(
        day=TODAY,
        phase=assessment.phase,
        sets=(SetLog(harder.id, 1, hold_s=30.0, reps=None, pain=0),),
        id=2,
    )
    resumed = plan_today(lib, _history(earlier, record), assessment, resuming=record)
    assert resumed.swaps == {first.base_id or first.exercise_id: harder.id}
    assert resumed.plan[0].exercise_id == harder.id
    assert resumed.nordic_week == 2  # counted from the session 8 days ago
    other_phase = StrengthSession(day=TODAY, phase=assessment.phase + 1, id=3)
    assert plan_today(lib, history, assessment, resuming=other_phase).phase == (
        assessment.phase + 1
    )


def test_swaps_from_done_sets_finds_the_variant_done(lib):
    plan = plan_session(lib, 1, {}, {}, PainSite.MID_THIGH.value, None)
    first = plan[0]
    harder = swap_choices(lib, plan, 0)["harder"]
    done = (SetLog(harder.id, 1, hold_s=20.0, pain=0),)
    assert swaps_from_done_sets(lib, plan, done) == {first.base_id or first.exercise_id: harder.id}
    assert swaps_from_done_sets(lib, plan, (SetLog(first.exercise_id, 1, hold_s=20.0),)) == {}


def test_an_urgent_sign_without_a_possible_tear_leaves_only_phase_1_holds(lib):
    from hamstring_app.core.library_model import Group

    history = _history(checkins=(CheckIn(day=TODAY, pain_rest=2, nerve_signs=True),))
    assessment = evaluate(history, TODAY)
    assert assessment.strength_pause is not None
    today = plan_today(lib, history, assessment)
    assert not today.blocked and today.paused and today.phase == 1
    assert today.plan and all(p.exercise.group is Group.ISOMETRIC for p in today.plan)
    full = plan_session(lib, 1, {}, {}, PainSite.MID_THIGH.value, 1)
    assert len(today.plan) < len(full)  # the rest of phase 1 is left out


def test_a_possible_tear_pauses_everything(lib):
    history = _history(
        checkins=(CheckIn(day=TODAY, pain_rest=2, sudden_onset_with_weakness=True),)
    )
    today = plan_today(lib, history, evaluate(history, TODAY))
    assert today.blocked and today.paused
