"""Today's run for each verdict, at the thresholds: the 10% guard, the week's room, units."""

from __future__ import annotations

import pytest
from plan_helpers import TODAY, ago, answered, history, prescription, run

from hamstring_app.core.models import Profile, Units, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.runplan.caps import cap_text, floor_step

PROFILE = Profile(injury_start=ago(20), usual_cadence_spm=166)


def calm_days(n: int = 3, **kw):
    return [answered(ago(k), **kw) for k in range(n)]


def base_runs():
    """A quiet month: the longest run of the last 30 days is 10 km (8 days ago)."""
    return [run(ago(8), 10.0), run(ago(15), 8.0), run(ago(22), 8.0), run(ago(29), 8.0)]


@pytest.mark.parametrize(
    ("km", "spike", "within"),
    [(10.9, False, True), (11.0, False, True), (11.1, True, False)],
    ids=["9%", "10%", "11%"],
)
def test_the_guard_is_10_percent_over_the_longest_run_of_30_days(km, spike, within):
    h = history(calm_days(), [*base_runs(), run(TODAY, km)], PROFILE)
    a, p = prescription(h)
    assert p.today.why["longest_previous_30d_km"] == 10.0
    assert p.today.why["guard_km"] == 11.0
    # the same line as the spike rule: running the cap never raises it
    assert any(x.rule == "load.single_run_spike" for x in a.advice) is spike
    assert (km <= p.today.max_distance_km) is within
    if not within:
        assert "more than today's cap" in " ".join(p.today.notes)


def test_the_next_day_measures_against_the_new_longest():
    h = history(calm_days(2), [*base_runs(), run(ago(1), 11.0)], PROFILE)
    _a, p = prescription(h)
    assert p.today.why["guard_km"] == pytest.approx(12.1)
    # but 11 km yesterday used up this week's room (3-week mean 8.7 km, cap 11.3 km)
    assert p.today.kind == "rest" and p.today.why["km_last_6_days"] == 11.0


@pytest.mark.parametrize(
    ("units", "longest", "words"),
    [
        (Units.KM, 10.0, "11.0 km"),
        (Units.MILES, 10.0, "6.8 mi"),  # 11.0 km = 6.84 mi
        (Units.KM, 7.3, "8.0 km"),  # 8.03 km rounds down
        (Units.MILES, 7.3, "4.9 mi"),  # 8.0 km = 4.97 mi: never rounded up to 5.0
    ],
)
def test_caps_speak_the_profile_units_and_never_round_up(units, longest, words):
    prof = Profile(injury_start=ago(20), units=units)
    h = history(calm_days(), [run(ago(5), longest)], prof)
    _a, p = prescription(h)
    assert p.today.max_distance_km == floor_step(longest * 1.1)
    assert words in p.today.summary
    assert words in " ".join(p.today.notes)
    assert p.to_dict()["today"]["max_distance_km"] == p.today.max_distance_km  # JSON in km


def test_cap_text_rounds_down_in_both_units():
    assert cap_text(8.0, Units.MILES) == "4.9 mi"
    assert cap_text(8.05, Units.KM) == "8.0 km"
    assert cap_text(16.09344, Units.MILES) == "10.0 mi"


def test_continue_is_the_plan_as_usual_with_intensity_allowed():
    h = history(calm_days(), base_runs(), PROFILE)
    a, p = prescription(h)
    assert a.verdict is Verdict.CONTINUE
    t = p.today
    assert (t.kind, t.intensity_allowed, t.terrain) == ("run", True, "any")
    assert t.max_distance_km == 11.0 and t.max_minutes is None


def test_modify_is_easy_flat_with_the_cadence_target_and_the_stop_rule():
    h = history(calm_days(pain_rest=2, pain_next_morning=2), base_runs(), PROFILE)
    a, p = prescription(h)
    assert a.verdict is Verdict.MODIFY
    t = p.today
    assert (t.kind, t.intensity_allowed, t.terrain) == ("easy", False, "flat")
    assert t.max_distance_km == 11.0
    assert t.cadence_target_spm == 175  # 166 x 1.05, rounded up
    notes = " ".join(t.notes)
    for words in ("no intervals, tempo runs, hills or races", "flat route", "175 steps",
                  "Shorten your stride", "run tall", "pain goes above 3"):
        assert words in notes


def test_modify_without_a_recent_run_caps_the_time():
    h = history(calm_days(pain_rest=2, pain_next_morning=2), [], PROFILE)
    _a, p = prescription(h)
    assert p.today.max_distance_km is None
    assert p.today.max_minutes == T.MODIFY_MAX_MINUTES_NO_HISTORY


@pytest.mark.parametrize("pain", [4, 5])
def test_hold_is_a_shorter_easy_run_or_cross_training(pain):
    h = history(calm_days(pain_rest=pain, pain_next_morning=2), base_runs(), PROFILE)
    a, p = prescription(h)
    assert a.verdict is Verdict.HOLD
    t = p.today
    assert (t.kind, t.intensity_allowed, t.terrain) == ("short_easy", False, "flat")
    assert t.max_distance_km == 5.0  # half of 10 km
    assert t.max_minutes == T.HOLD_MAX_MINUTES
    notes = " ".join(t.notes)
    assert "No step up" in notes and "cycling or swimming" in notes
    assert "current doses" in notes


@pytest.mark.parametrize(
    ("flags", "urgent"),
    [({}, False), ({"nerve_signs": True}, True), ({"sharp_pain": True}, False)],
    ids=["pain 7", "urgent sign", "routine sign"],
)
def test_stop_is_no_running_and_sees_a_professional_when_referred(flags, urgent):
    pain = 7 if not flags else 2
    checkins = [*calm_days(2)[1:], answered(TODAY, pain_rest=pain, **flags)]
    h = history(checkins, base_runs(), PROFILE)
    a, p = prescription(h)
    assert a.verdict is Verdict.STOP
    t = p.today
    assert t.kind == "no_run" and not t.running and not t.intensity_allowed
    assert t.max_distance_km == 0 and t.max_minutes == 0
    notes = " ".join(t.notes)
    if flags:
        assert "See a qualified health professional first" in notes
    if urgent:
        assert "24-48 hours" in notes
        assert not any(d.strength for d in p.week)
    assert not any(d.running for d in p.week[:1])
    assert p.ladder is not None and p.ladder.status == "waiting"


@pytest.mark.parametrize(
    "flag", ["sudden_onset_with_weakness", "bruising_after_sudden_pain", "difficulty_walking"]
)
def test_a_possible_tear_does_not_say_walking_is_fine(flag):
    """A sign of a possible tear (walking may itself be hard) gets no "walking is fine"
    beside "no running": walk only as much as daily life needs until checked."""
    checkins = [*calm_days(2)[1:], answered(TODAY, pain_rest=2, **{flag: True})]
    a, p = prescription(history(checkins, base_runs(), PROFILE))
    assert a.verdict is Verdict.STOP
    notes = " ".join(p.today.notes)
    assert "Walking is fine" not in notes
    assert "Walk only as much as you need" in notes


def test_stop_for_pain_alone_still_says_walking_is_fine():
    checkins = [*calm_days(2)[1:], answered(TODAY, pain_rest=7)]
    _a, p = prescription(history(checkins, base_runs(), PROFILE))
    assert "Walking is fine if it is comfortable." in p.today.notes


def test_a_full_week_is_a_rest_day():
    # 3 weeks of 20 km, then 25.5 km in the last 6 days: the cap is 26 km, 0.5 km of room
    runs = [run(ago(k), 5.0) for k in range(7, 28) if k % 7 in (0, 2, 4, 6)]
    runs += [run(ago(k), 5.0) for k in (1, 2, 3, 4)] + [run(ago(5), 5.5)]
    h = history(calm_days(), runs, PROFILE)
    _a, p = prescription(h)
    assert p.today.why["weekly_cap_km"] == 26.0
    assert p.today.kind == "run" and p.today.max_distance_km == pytest.approx(0.5)
    runs[-1] = run(ago(5), 6.0)  # no room left
    _a, p = prescription(history(calm_days(), runs, PROFILE))
    assert p.today.kind == "rest" and not p.today.running


def test_the_why_carries_the_runners_numbers():
    h = history(calm_days(), base_runs(), PROFILE)
    _a, p = prescription(h)
    why = p.to_dict()["today"]["why"]
    assert why["verdict"] == "continue"
    assert why["longest_previous_30d_km"] == 10.0 and why["guard_pct"] == T.RUN_GUARD_PCT
