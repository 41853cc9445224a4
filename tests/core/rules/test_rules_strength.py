"""Strength pain gate per exercise, and the rehab phase advanced on symptoms."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, ago, clean, history, profile, session

from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.strength import current_phase


def decision(sessions, checkins=()):
    a = evaluate(history(list(checkins) or [clean(TODAY)], sessions=sessions), TODAY)
    by = {d.exercise_id: d for d in a.strength}
    return by["nordic"].decision, a


@pytest.mark.parametrize(
    ("older", "newer", "expected"),
    [
        (([2, 3], 1), ([3, 3], 1), "progress"),
        (([2, 3], 1), ([4], 1), "hold"),  # just above the safe band
        (([2, 3], 1), ([5], 1), "hold"),  # top of the hold band
        (([2, 3], 1), ([6], 1), "regress"),  # just above the hold band
        (([6], 1), ([2], 1), "hold"),  # one good session is not enough after a bad one
        (([2], 1), ([2], 3), "progress"),  # no baseline: morning 3 counts as settled
        (([2], 1), ([2], 4), "regress"),  # no baseline: morning 4 counts as up
        (([2], 1), ([2], None), "hold"),  # the next morning is not known yet
        (([2], 1), ([None], 1), "hold"),  # a set's pain was not recorded
    ],
)
def test_pain_gate(older, newer, expected):
    sessions = [
        session(ago(3), {"nordic": older[0]}, older[1]),
        session(ago(1), {"nordic": newer[0]}, newer[1]),
    ]
    got, a = decision(sessions)
    assert got == expected
    rule = {"progress": "strength.progress", "hold": "strength.hold", "regress": "strength.regress"}
    assert rule[expected] in {x.rule for x in a.advice}


def test_one_session_only_holds():
    assert decision([session(ago(1), {"nordic": [1]}, 0)])[0] == "hold"


@pytest.mark.parametrize(("morning", "expected"), [(2, "progress"), (3, "regress")])
def test_next_morning_against_baseline(morning, expected):
    checkins = [clean(ago(k), pain_next_morning=2) for k in range(2, 16)]
    sessions = [
        session(ago(4), {"nordic": [1]}, 2),
        session(ago(2), {"nordic": [1]}, morning),
    ]
    assert decision(sessions, checkins)[0] == expected


def test_old_exercises_get_no_decision():
    sessions = [session(ago(40), {"bridge": [1]}, 0), session(ago(27), {"nordic": [1]}, 0)]
    a = evaluate(history([clean(TODAY)], sessions=sessions), TODAY)
    assert [d.exercise_id for d in a.strength] == ["nordic"]


def phase_of(checkins, sessions=(), prof=None):
    h = history(checkins, sessions=sessions, prof=prof)
    index = DayIndex(h, TODAY)
    return current_phase(index, index.index(TODAY))


@pytest.mark.parametrize(("rest", "expected"), [(2, 2), (3, 2), (4, 1)])
def test_phase_two_needs_rest_pain_three_or_less(rest, expected):
    assert phase_of([clean(ago(k), pain_rest=rest) for k in range(15)]) == expected


@pytest.mark.parametrize(("days_per_week", "expected"), [(4, 1), (5, 2), (6, 2)])
def test_phase_two_needs_five_check_ins_a_week(days_per_week, expected):
    cs = [clean(ago(k), pain_rest=1) for k in range(21) if k % 7 < days_per_week]
    assert phase_of(cs) == expected


def story(days, rest=1, set_pain=2, morning=1):
    cs = [clean(ago(k), pain_rest=rest, pain_next_morning=morning) for k in range(days)]
    ss = [session(ago(k), {"bridge": [set_pain, set_pain]}, morning) for k in range(1, days, 3)]
    return cs, ss


def test_phases_advance_on_symptoms():
    assert phase_of(*story(40)) == 4
    assert phase_of(*story(40, set_pain=4)) == 2  # sessions hurt: stays in phase 2
    assert phase_of(*story(40, rest=2)) == 3  # pain 2 is not calm enough for phase 4


def test_red_flag_and_injury_start_reset_to_phase_one():
    cs, ss = story(40)
    cs = [c for c in cs if c.day != ago(2)] + [clean(ago(2), sharp_pain=True)]
    assert phase_of(cs, ss) == 1
    cs, ss = story(40)
    assert phase_of(cs, ss, prof=profile(ago(3))) == 1


def test_rising_pain_steps_back_a_phase():
    cs, ss = story(60)
    assert phase_of(cs, ss) == 4
    rising = [c for c in cs if c.day < ago(20)]
    for k in range(21):
        level = 1 if k > 13 else 2 if k > 6 else 3  # weeks of 1, then 2, then 3
        rising.append(clean(ago(k), pain_rest=level, pain_next_morning=1))
    assert phase_of(rising, ss) < 4


@pytest.mark.parametrize("newer", [[8, None], [None, 8], [2, None, 8]])
def test_a_missing_set_pain_does_not_hide_a_set_above_five(newer):
    sessions = [
        session(ago(3), {"nordic": [2]}, 1),
        session(ago(1), {"nordic": newer}, 1),
    ]
    got, a = decision(sessions)
    assert got == "regress"
    d = next(x for x in a.strength if x.exercise_id == "nordic")
    assert d.why["session_1_highest_set_pain"] == 8
    assert "8 out of 10" in d.message


@pytest.mark.parametrize(("newer", "reached"), [([4, None], "4 out of 10"), ([None, 2], None)])
def test_a_missing_set_pain_holds_when_nothing_answered_is_above_five(newer, reached):
    sessions = [
        session(ago(3), {"nordic": [2]}, 1),
        session(ago(1), {"nordic": newer}, 1),
    ]
    got, a = decision(sessions)
    assert got == "hold"
    d = next(x for x in a.strength if x.exercise_id == "nordic")
    assert "a set's pain was not recorded" in d.message
    assert d.why["session_1_highest_set_pain"] == max(p for p in newer if p is not None)
    if reached:
        assert reached in d.message


def test_no_set_pain_answered_shows_no_highest_pain():
    sessions = [session(ago(3), {"nordic": [2]}, 1), session(ago(1), {"nordic": [None]}, 1)]
    got, a = decision(sessions)
    assert got == "hold"
    d = next(x for x in a.strength if x.exercise_id == "nordic")
    assert d.why["session_1_highest_set_pain"] is None
