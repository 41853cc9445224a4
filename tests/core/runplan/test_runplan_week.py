"""The week ahead: runs spread out, strength 2-3 times and never the day before a key run,
and the runner's moves."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import pytest
from plan_helpers import TODAY, LadderStory, ago, answered, history, prescription, run

from hamstring_app.core.models import Profile, Verdict
from hamstring_app.core.runplan import Move, apply_moves, move_problem
from hamstring_app.core.runplan.types import PlanDay
from hamstring_app.core.runplan.week import _strength_days, moves_from_text, moves_to_text

PROFILE = Profile(injury_start=ago(20))


def month_of_runs(per_week: int):
    days = {4: (0, 2, 4, 6), 3: (1, 3, 5), 2: (1, 4)}[per_week]
    return [run(ago(k), 6.0) for k in range(1, 29) if k % 7 in days]


def test_continue_week_has_one_key_run_and_no_strength_the_day_before():
    h = history([answered(ago(k)) for k in range(3)], month_of_runs(4), PROFILE)
    a, p = prescription(h)
    assert a.verdict is Verdict.CONTINUE
    week = p.week
    assert [d.day for d in week] == [TODAY + timedelta(days=k) for k in range(7)]
    assert sum(d.key for d in week) == 1
    assert sum(d.running for d in week) == 4
    assert 2 <= sum(d.strength for d in week) <= 3
    for d, nxt in pairwise(week):
        assert not (d.strength and nxt.key)
        assert not (d.strength and nxt.strength)


@pytest.mark.parametrize("key_at", range(7))
@pytest.mark.parametrize("want", [2, 3])
def test_strength_placement_never_the_day_before_a_key_run(key_at, want):
    days = [PlanDay(TODAY + timedelta(days=k), "easy" if k % 2 == 0 else "rest") for k in range(7)]
    days[key_at] = replace(days[key_at], run_kind="run", key=True)
    chosen = _strength_days(days, want, done_today=False, done_yesterday=False)
    assert len(chosen) == want
    assert key_at - 1 not in chosen
    assert all(b - a >= 2 for a, b in pairwise(sorted(chosen)))


def test_modify_and_hold_weeks_have_no_key_runs():
    for rest_pain in (2, 4):
        h = history(
            [answered(ago(k), pain_rest=rest_pain) for k in range(3)], month_of_runs(3), PROFILE
        )
        a, p = prescription(h)
        assert a.verdict in (Verdict.MODIFY, Verdict.HOLD)
        assert not any(d.key for d in p.week)
        kinds = {d.run_kind for d in p.week if d.running}
        assert kinds <= {"easy", "short_easy"}


def test_urgent_stop_pauses_strength_and_running_for_the_week():
    h = history([answered(TODAY, pain_rest=2, nerve_signs=True)], month_of_runs(3), PROFILE)
    _a, p = prescription(h)
    assert not any(d.running for d in p.week)
    assert not any(d.strength for d in p.week)
    assert "paused" in p.week[0].note


def test_pain_stop_plans_the_ladder_from_tomorrow_if_the_check_in_allows():
    s = LadderStory()
    _a, p = prescription(s.history(), s.day(0))
    assert p.week[0].run_kind == "no_run"
    assert p.week[1].run_kind == "ladder" and p.week[1].ladder_step == 1
    assert "check-in allows" in p.week[1].note


def _week():
    h = history([answered(ago(k)) for k in range(3)], month_of_runs(4), PROFILE)
    return prescription(h)[1].week


def test_moving_a_strength_session():
    week = _week()
    src = next(d for d in week if d.strength)
    dst = next(
        d for n, d in enumerate(week)
        if not d.strength and move_problem(week, Move("strength", src.day, d.day)) is None
    )
    moved, refused = apply_moves(week, [Move("strength", src.day, dst.day)])
    assert refused == []
    after = {d.day: d for d in moved}
    assert not after[src.day].strength and after[dst.day].strength
    assert "strength" in after[dst.day].moved


def test_a_move_to_the_day_before_the_key_run_is_refused_with_the_reason():
    week = _week()
    key = next(n for n, d in enumerate(week) if d.key)
    src = next(d for d in week if d.strength and d.day != week[key - 1].day)
    m = Move("strength", src.day, week[key - 1].day)
    if week[key - 1].strength:
        pytest.skip("already there")
    moved, refused = apply_moves(week, [m])
    assert moved == week
    assert refused and "day before a hard run" in refused[0][1]


def test_moving_a_run_keeps_its_caps_and_refuses_a_busy_day():
    week = _week()
    src = next(d for d in week if d.running and not d.key and d.day != TODAY)
    free = [d for d in week if not d.running]
    ok = next(d for d in free if move_problem(week, Move("run", src.day, d.day)) is None)
    moved, _ = apply_moves(week, [Move("run", src.day, ok.day)])
    after = {d.day: d for d in moved}
    assert after[ok.day].running and after[ok.day].max_distance_km == src.max_distance_km
    assert not after[src.day].running
    other = next(d for d in week if d.running and d.day != src.day)
    assert move_problem(week, Move("run", src.day, other.day)) == "That day already has a run."


def test_ladder_runs_keep_a_rest_day_between_when_moved():
    s = LadderStory()
    s.fill(1)
    week = prescription(s.history(), s.day(1))[1].week
    assert week[0].run_kind == "ladder" and week[2].run_kind == "ladder"
    problem = move_problem(week, Move("run", week[2].day, week[1].day))
    assert problem == "Ladder runs need a rest day between them."


def test_stale_moves_are_dropped_and_moves_round_trip_as_text():
    week = _week()
    stale = Move("strength", TODAY - timedelta(days=3), TODAY)
    moved, refused = apply_moves(week, [stale])
    assert moved == tuple(week) and refused == []
    moves = (Move("run", TODAY, TODAY + timedelta(days=1)), stale)
    assert moves_from_text(moves_to_text(moves)) == moves
    assert moves_from_text("nonsense;run 2026-13-01 x;" + moves[0].to_text()) == moves[:1]


def test_a_week_at_the_end_of_the_calendar_is_shorter_not_a_crash():
    from datetime import date

    last = date.max
    _a, p = prescription(history([answered(last)], [run(last, 5.0)]), last)
    assert [d.day for d in p.week] == [last]
