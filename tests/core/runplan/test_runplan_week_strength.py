"""The week ahead plans the runner's own number of strength sessions ("Strength sessions a
week" in the settings), never the day before a key run and never on two days in a row."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest
from plan_helpers import TODAY, LadderStory, ago, answered, history, prescription, run

from hamstring_app.core.models import Profile, StrengthSession, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.settings import SESSIONS_PER_WEEK_RANGE, Settings

PROFILE = Profile(injury_start=ago(20))
RUN_DAYS = {2: (1, 4), 3: (1, 3, 5), 4: (0, 2, 4, 6), 5: (0, 1, 3, 4, 6)}
WANTS = range(T.WEEK_STRENGTH_MIN, T.WEEK_STRENGTH_MAX + 1)


def month_of_runs(per_week: int):
    return [run(ago(k), 6.0) for k in range(1, 29) if k % 7 in RUN_DAYS[per_week]]


def check_spacing(week) -> None:
    for d, nxt in pairwise(week):
        assert not (d.strength and nxt.key), "strength the day before a key run"
        assert not (d.strength and nxt.strength), "strength on two days in a row"


def continue_week(runs_a_week: int, want: int):
    h = history([answered(ago(k)) for k in range(3)], month_of_runs(runs_a_week), PROFILE)
    a, p = prescription(h, strength_per_week=want)
    assert a.verdict is Verdict.CONTINUE
    return p.week


def test_the_range_covers_the_settings_range():
    low, high = SESSIONS_PER_WEEK_RANGE
    assert low >= T.WEEK_STRENGTH_MIN and high <= T.WEEK_STRENGTH_MAX
    assert Settings().sessions_per_week == T.WEEK_STRENGTH_DEFAULT


@pytest.mark.parametrize("want", WANTS)
@pytest.mark.parametrize("runs_a_week", [2, 3, 4, 5])
def test_continue_week_plans_exactly_the_sessions_asked_for(runs_a_week, want):
    week = continue_week(runs_a_week, want)
    assert sum(d.key for d in week) == 1  # the key run stays
    assert sum(d.strength for d in week) == want
    check_spacing(week)


@pytest.mark.parametrize("want", WANTS)
@pytest.mark.parametrize("rest_pain", [2, 4])  # modify, hold
def test_modify_and_hold_weeks_plan_the_sessions_asked_for(rest_pain, want):
    h = history(
        [answered(ago(k), pain_rest=rest_pain) for k in range(3)], month_of_runs(3), PROFILE
    )
    a, p = prescription(h, strength_per_week=want)
    assert a.verdict in (Verdict.MODIFY, Verdict.HOLD)
    assert sum(d.strength for d in p.week) == want
    check_spacing(p.week)


@pytest.mark.parametrize("want", WANTS)
@pytest.mark.parametrize("day", [0, 1, 2])  # the stop day, a ladder run day, a rest day
def test_stop_and_ladder_weeks_plan_the_sessions_asked_for(day, want):
    s = LadderStory()
    if day == 2:
        s.ladder_run(1, pain=1, morning=1)
    s.fill(day)
    _a, p = prescription(s.history(), s.day(day), strength_per_week=want)
    assert sum(d.strength for d in p.week) == want
    check_spacing(p.week)


def test_without_the_setting_the_week_plans_the_settings_default():
    week = continue_week(3, T.WEEK_STRENGTH_DEFAULT)
    h = history([answered(ago(k)) for k in range(3)], month_of_runs(3), PROFILE)
    assert prescription(h)[1].week == week
    assert sum(d.strength for d in week) == Settings().sessions_per_week


@pytest.mark.parametrize("want, planned", [(0, T.WEEK_STRENGTH_MIN), (9, T.WEEK_STRENGTH_MAX)])
def test_a_number_outside_the_range_is_brought_into_it(want, planned):
    assert sum(d.strength for d in continue_week(4, want)) == planned


def test_the_key_run_moves_to_leave_room_for_four_sessions():
    # runs on days 0 and 3: a key run on day 3 would ban day 2, and four sessions need
    # days 0, 2, 4 and 6; so the key run goes on today instead
    week = continue_week(2, 4)
    assert [n for n, d in enumerate(week) if d.strength] == [0, 2, 4, 6]
    assert week[0].key


def test_when_the_sessions_cannot_all_fit_the_week_plans_fewer_never_breaking_the_rules():
    # strength yesterday: a session today would be two in a row, and four sessions in
    # the remaining six days would need two in a row
    h = replace(
        history([answered(ago(k)) for k in range(3)], month_of_runs(4), PROFILE),
        strength_sessions=(StrengthSession(day=ago(1)),),
    )
    _a, p = prescription(h, strength_per_week=4)
    week = p.week
    assert not week[0].strength
    assert sum(d.strength for d in week) == 3
    check_spacing(week)


def test_an_urgent_referral_pauses_strength_whatever_the_setting():
    h = history([answered(TODAY, pain_rest=2, nerve_signs=True)], month_of_runs(3), PROFILE)
    for want in WANTS:
        _a, p = prescription(h, strength_per_week=want)
        assert not any(d.strength for d in p.week)


def test_a_session_done_today_is_never_followed_by_a_key_run_tomorrow():
    # five runs a week put the key run on tomorrow's run; a session logged today moves it
    h = replace(
        history([answered(ago(k)) for k in range(3)], month_of_runs(5), PROFILE),
        strength_sessions=(StrengthSession(day=TODAY),),
    )
    without = prescription(replace(h, strength_sessions=()), strength_per_week=3)[1].week
    assert without[1].key
    week = prescription(h, strength_per_week=3)[1].week
    assert week[0].strength and not week[1].key
    assert sum(d.key for d in week) == 1
    assert sum(d.strength for d in week) == 3
    check_spacing(week)
