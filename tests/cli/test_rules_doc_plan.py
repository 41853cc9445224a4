"""docs/rules.md sections 4-7 (strength, recovery timeline, triggers, today's run and the
week), statement by statement, through `assess` on small JSON inputs."""

from __future__ import annotations

from itertools import pairwise

import pytest
from rules_doc_helpers import ago, assess, checkin, doc, rules, run


def _session(n: int, pains: list[int | None], morning: int | None, **kw: object) -> dict:
    sets = [{"exercise": "bridge_hold", "hold_s": 30, **({} if p is None else {"pain": p})}
            for p in pains]
    row = {"date": ago(n), "sets": sets, **kw}
    if morning is not None:
        row["pain_next_morning"] = morning
    return row


def _strength(sessions: list[dict], checkins: list[dict] | None = None, **kw) -> dict:
    got = assess(doc(checkins or [checkin(0, 1)], strength_sessions=sessions, **kw))
    return got, {s["exercise"]: s for s in got["strength"]}


@pytest.mark.parametrize(
    "older, latest, decision",
    [
        (([2, 3], 1), ([3, 3], 1), "progress"),
        (([2, 3], 1), ([2, 4], 1), "hold"),  # a set at 4-5
        (([2, 3], 1), ([2, None], 1), "hold"),  # a set without a pain answer
        (([2, 3], 1), ([2, 3], None), "hold"),  # next morning missing
        (([2, 3], 1), ([2, 6], 1), "regress"),  # a set above 5
        (([2, 3], 1), ([None, 6], 1), "regress"),  # above 5 even with an unanswered set
        (([2, 3], 1), ([2, 3], 4), "regress"),  # next morning up (no baseline: above 3)
        (([2, 6], 1), ([2, 3], 1), "hold"),  # the session before was a regress case
    ],
)
def test_strength_decision_table(older, latest, decision):
    """section 4: regress / hold / progress from the last two sessions."""
    sessions = [_session(5, *older), _session(2, *latest)]
    got, by = _strength(sessions)
    assert by["bridge_hold"]["decision"] == decision
    assert f"strength.{decision}" in rules(got)
    level = {"progress": "info", "hold": "info", "regress": "warning"}[decision]
    assert rules(got)[f"strength.{decision}"]["level"] == level


def test_one_session_so_far_is_hold():
    _, by = _strength([_session(2, [1, 1], 1)])
    assert by["bridge_hold"]["decision"] == "hold"


def test_an_unfinished_set_is_hold():
    sessions = [_session(5, [1, 1], 1), _session(2, [1, 1], 1)]
    sessions[1]["sets"][1]["completed"] = False
    _, by = _strength(sessions)
    assert by["bridge_hold"]["decision"] == "hold"


def test_exercises_not_done_in_28_days_get_no_decision():
    _, by = _strength([_session(35, [1], 1), _session(29, [1], 1)],
                      checkins=[checkin(0, 1)], onset=40)
    assert "bridge_hold" not in by


@pytest.mark.parametrize(
    "checkins, held_by",
    [
        ([checkin(0, 4)], "held_by_verdict"),  # hold day
        ([checkin(0, 1, sharp_pain=True)], "held_by_verdict"),  # stop day
        ([checkin(3, 1, sharp_pain=True), checkin(0, 1)], "held_by_referral"),
    ],
)
def test_progress_becomes_hold_on_hold_or_stop_days_or_with_a_referral(checkins, held_by):
    """'on a hold or stop day, or while a referral is open, a progress decision becomes
    hold, its why saying what held it'"""
    sessions = [_session(5, [1, 1], 1), _session(2, [1, 1], 1)]
    got, by = _strength(sessions, checkins)
    assert by["bridge_hold"]["decision"] == "hold"
    assert by["bridge_hold"]["why"].get(held_by)
    assert "strength.progress" not in rules(got)


@pytest.mark.parametrize(
    "sign, allowed, reason",
    [("sudden_onset_with_weakness", "none", "possible_tear"),
     ("nerve_signs", "isometrics", "urgent_sign")],
)
def test_strength_pauses_on_an_urgent_stop(sign, allowed, reason):
    """strength.pause (danger): none with a possible tear, isometrics with another urgent
    sign; the phase does not move up."""
    got = assess(doc([checkin(0, 2, **{sign: True})]))
    assert got["strength_pause"]["allowed"] == allowed
    assert got["strength_pause"]["reason"] == reason
    assert rules(got)["strength.pause"]["level"] == "danger"
    assert got["phase"] == 1


def test_no_strength_pause_on_a_routine_stop():
    got = assess(doc([checkin(0, 2, sharp_pain=True)]))
    assert got["verdict"] == "stop"
    assert got["strength_pause"] is None


def test_phase_1_to_2_after_5_low_pain_days_of_7():
    """'1 to 2: on at least 5 of the last 7 days a check-in with rest pain answered, all 3
    or less, and no warning sign'; 'Each phase lasts at least 7 days'."""
    five = [checkin(k, 2) for k in range(5)]
    assert assess(doc(five, onset=20))["phase"] == 2
    assert assess(doc(five[:4], onset=20))["phase"] == 1
    assert assess(doc(five, onset=5))["phase"] == 1  # not yet 7 days in phase 1
    flagged = [*five[:4], checkin(4, 2, gait_changed=True)]
    assert assess(doc(flagged, onset=20))["phase"] == 1


@pytest.mark.parametrize(
    "profile, top_weeks",
    [
        ({"pain_site": "mid_thigh"}, 6),
        ({"pain_site": "mid_thigh", "long_standing": True}, 12),
        ({"pain_site": "high_near_sit_bone"}, 12),
        ({"pain_site": "high_near_sit_bone", "long_standing": True}, 26),
    ],
)
def test_expected_windows_and_slower_than_expected(profile, top_weeks):
    """section 5: the windows table; exactly at the top is on track; a day past it is
    slower_than_expected (warning, referral routine)."""
    days = 7 * top_weeks
    at_top = assess(doc([checkin(0, 2)], onset=days, profile=profile))
    assert at_top["recovery"]["expected_window_weeks"][1] == top_weeks
    assert at_top["recovery"]["status"] == "on_track"
    assert at_top["referral"] == "none"
    past = assess(doc([checkin(0, 2)], onset=days + 1, profile=profile))
    assert past["recovery"]["status"] == "slower_than_expected"
    assert rules(past)["timeline.slower_than_expected"]["level"] == "warning"
    assert past["referral"] == "routine"


def test_an_assessment_past_the_window_answers_the_timeline_referral():
    """'An assessment you recorded on a day that was already past the top of the window
    answers that referral: status stays slower_than_expected, caution, assessed_on.'"""
    got = assess(doc([checkin(0, 2)], onset=60, assessments=[{"date": ago(10)}]))
    advice = rules(got)["timeline.slower_than_expected"]
    assert got["recovery"]["status"] == "slower_than_expected"
    assert advice["level"] == "caution"
    assert advice["why"]["assessed_on"] == ago(10)
    assert got["referral"] == "none"
    early = assess(doc([checkin(0, 2)], onset=60, assessments=[{"date": ago(30)}]))
    assert early["referral"] == "routine"


@pytest.mark.parametrize(
    "rows, recovered",
    [
        ([checkin(k, 0) for k in range(7)], True),
        ([checkin(k, 0) for k in range(6)], False),
        ([*(checkin(k, 0) for k in range(7)), checkin(10, 1)], False),
        ([*(checkin(k, 0) for k in range(7)), checkin(9, 0, sharp_pain=True)], False),
    ],
    ids=["7-zero-days", "6-zero-days", "a-higher-day", "a-sign"],
)
def test_recovered_after_7_pain_free_days_of_14(rows, recovered):
    """timeline.recovered (info): at least 7 days answered 0 in the last 14, no higher
    pain, no warning sign in those 14 days."""
    got = assess(doc(rows, onset=20))
    assert (got["recovery"]["status"] == "recovered") is recovered
    assert ("timeline.recovered" in rules(got)) is recovered


def test_an_ended_recovered_episode_is_recovered_never_slower():
    episodes = [{"onset": ago(100), "ended": ago(5), "end_reason": "recovered"}]
    document = doc([checkin(0, 2)], episodes=episodes)
    del document["profile"]["injury_start"]
    got = assess(document)
    assert got["recovery"]["status"] == "recovered"
    assert "timeline.slower_than_expected" not in rules(got)


@pytest.mark.parametrize(
    "before, now, trend",
    [(2, 1, "better"), (1, 2, "worse"), (2, 2, "same"), (None, 2, "unknown")],
)
def test_pain_trend_compares_the_week_with_two_weeks_earlier(before, now, trend):
    rows = [checkin(n, now) for n in (0, 2, 4)]
    if before is not None:
        rows += [checkin(n, before) for n in (14, 16, 18)]
    assert assess(doc(rows, onset=25))["recovery"]["pain_trend"] == trend


def test_a_trigger_needs_3_days_each_side_and_1_point():
    """section 6: triggers.intervals when 3+ interval days and 3+ other days have a
    next-morning answer and the mean after intervals is at least 1 point higher."""
    rows, runs = [], []
    for k, n in enumerate((30, 24, 18)):
        runs.append(run(n, 5.0, type="intervals"))
        rows.append(checkin(n - 1, 1, pain_next_morning=3))
        runs.append(run(n - 3, 5.0))
        rows.append(checkin(n - 4, 1, pain_next_morning=2 if k else 1))
    rows.append(checkin(0, 1))
    got = rules(assess(doc(rows, runs, onset=40)))
    assert got["triggers.intervals"]["level"] == "caution"
    rows[0]["pain_next_morning"] = 2  # after intervals 2, 2, 3; other days 1, 2, 2, 1
    rows[2]["pain_next_morning"] = 2
    assert "triggers.intervals" not in rules(assess(doc(rows, runs, onset=40)))


@pytest.mark.parametrize(
    "checkins, kind, intensity, terrain",
    [
        ([checkin(0, 0)], "run", True, "any"),
        ([checkin(0, 2)], "easy", False, "flat"),
        ([checkin(0, 4)], "short_easy", False, "flat"),
        ([checkin(0, 6)], "no_run", False, "none"),
    ],
)
def test_todays_run_by_verdict(checkins, kind, intensity, terrain):
    """section 7, 'Today's run, by verdict' (off the ladder)."""
    runs = [run(20, 10.0), run(13, 8.0), run(6, 6.0)]
    today = assess(doc(checkins, runs, onset=40))["prescription"]["today"]
    assert today["kind"] == kind
    assert today["intensity_allowed"] is intensity
    assert today["terrain"] == terrain
    if kind == "no_run":
        assert today["max_distance_km"] == 0
        assert today["max_minutes"] == 0
    if kind == "short_easy":  # half the longest run of the last 30 days, 30 min
        assert today["max_distance_km"] == 5.0
        assert today["max_minutes"] == 30
    if kind in ("run", "easy"):  # the guard: 10% over the longest of the 30 days
        assert today["max_distance_km"] == 11.0
        assert today["why"]["guard_pct"] == 10.0


def test_modify_without_a_run_in_30_days_is_capped_at_30_minutes():
    today = assess(doc([checkin(0, 2)]))["prescription"]["today"]
    assert today["kind"] == "easy"
    assert today["max_distance_km"] is None
    assert today["max_minutes"] == 30


def test_modify_and_hold_notes_say_stop_above_3():
    notes = assess(doc([checkin(0, 2)], [run(6, 6.0)]))["prescription"]["today"]["notes"]
    assert any("above 3" in n for n in notes)


def test_the_ladder_starts_after_a_stop_day_at_step_1_of_7():
    """'It starts after a stop day (pain above 5 or a warning sign)'; the step table."""
    rows = [checkin(3, 7), checkin(2, 2), checkin(1, 2), checkin(0, 2)]
    got = assess(doc(rows, [run(20, 8.0), run(12, 8.0), run(6, 8.0)], onset=30))
    ladder = got["prescription"]["ladder"]
    assert ladder["reason"] == "stop"
    assert ladder["of"] == 7
    assert (ladder["step"], ladder["run_min"], ladder["walk_min"], ladder["repeats"],
            ladder["total_minutes"]) == (1, 1, 1, 10, 20)
    assert got["prescription"]["today"]["kind"] in ("ladder", "rest")


def test_cleared_to_run_starts_the_ladder_at_step_1():
    got = assess(doc([checkin(0, 0)], [run(20, 8.0), run(12, 8.0), run(6, 8.0)], onset=30,
                     assessments=[{"date": ago(0), "outcome": "cleared_to_run"}]))
    ladder = got["prescription"]["ladder"]
    assert ladder["reason"] == "cleared"
    assert ladder["step"] == 1


def test_a_pain_free_break_starts_the_ladder_at_step_4():
    """'After a break with no pain in the last 14 days the ladder starts at step 4'"""
    rows = [checkin(k, 0) for k in range(14)]
    got = assess(doc(rows, [run(40, 8.0), run(33, 8.0), run(26, 8.0), run(19, 8.0)],
                     onset=60))
    ladder = got["prescription"]["ladder"]
    assert ladder["reason"] == "break"
    assert ladder["step"] == 4


def test_the_week_has_7_days_today_first_and_plans_3_strength_sessions_from_a_file():
    week = assess(doc([checkin(0, 2)], [run(6, 6.0)]))["prescription"]["week"]
    assert len(week) == 7
    assert week[0]["date"] == ago(0)
    assert sum(d["strength"] for d in week) == 3
    days = [k for k, d in enumerate(week) if d["strength"]]
    assert all(b - a > 1 for a, b in pairwise(days))


def test_continue_plans_one_key_run_and_never_strength_the_day_before_it():
    runs = [run(n, 6.0) for n in (27, 24, 20, 17, 13, 10, 6, 3)]
    week = assess(doc([checkin(0, 0)], runs, onset=40))["prescription"]["week"]
    keys = [k for k, d in enumerate(week) if d["key"]]
    assert len(keys) == 1
    assert keys[0] == 0 or not week[keys[0] - 1]["strength"]


def test_stop_with_a_referral_plans_no_runs():
    week = assess(doc([checkin(0, 2, nerve_signs=True)]))["prescription"]["week"]
    assert all(d["run"] in ("rest", "no_run") for d in week)
