"""docs/rules.md section 1 (verdict, referral, pain rules), statement by statement, through
`assess` on small JSON inputs: each test names the statement it proves."""

from __future__ import annotations

import pytest
from rules_doc_helpers import SIGNS, ago, assess, checkin, doc, rules, run


@pytest.mark.parametrize(
    "pain, verdict, rule",
    [
        (0, "continue", "pain.clear"),
        (1, "modify", "pain.mild"),
        (3, "modify", "pain.mild"),
        (4, "hold", "pain.hold"),
        (5, "hold", "pain.hold"),
        (6, "stop", "pain.too_much"),
        (10, "stop", "pain.too_much"),
    ],
)
def test_pain_bands_0_3_safe_4_5_hold_above_5_stop(pain, verdict, rule):
    """'0-3 safe, 4-5 acceptable, above 5 too much': continue / modify / hold / stop."""
    got = assess(doc([checkin(0, pain)]))
    assert got["verdict"] == verdict
    assert rule in rules(got)


@pytest.mark.parametrize("field", ["pain_rest", "pain_run", "pain_next_morning"])
def test_pain_is_the_highest_of_rest_run_and_waking(field):
    """'"Pain" here is the highest of pain at rest, during the run and on waking.'"""
    row = checkin(0, 0, ran=True, pain_run=0, eased_during_run=True)
    row[field] = 6
    assert assess(doc([row]))["verdict"] == "stop"


def test_pain_of_a_run_logged_that_day_counts():
    """'the pain of any run logged that day'"""
    got = assess(doc([checkin(0, 0, ran=True, pain_run=0)], [run(0, 5, pain=6)]))
    assert got["verdict"] == "stop"


@pytest.mark.parametrize("sign", SIGNS)
def test_every_warning_sign_stops_and_refers(sign):
    """pain.red_flag: any sign yes -> stop; urgent for weakness and nerve signs, routine
    for the others; urgent ones also name emergency care for saddle or bladder signs."""
    got = assess(doc([checkin(0, 0, **{sign: True})]))
    assert got["verdict"] == "stop"
    advice = rules(got)["pain.red_flag"]
    assert advice["level"] == "danger"
    urgent = sign in ("sudden_onset_with_weakness", "nerve_signs")
    assert got["referral"] == ("urgent" if urgent else "routine")
    assert got["referral_reason"]
    if urgent:
        assert "bladder" in got["referral_reason"]
        assert "bladder" in advice["message"]
    assert got["prescription"]["today"]["kind"] == "no_run"


def test_yesterdays_checkin_stands_in_for_today():
    """'It comes from today's check-in (or yesterday's, if today's is not in yet)'"""
    got = assess(doc([checkin(1, 6)]))
    assert got["verdict"] == "stop"


def test_todays_pain_unanswered_carries_yesterdays_number_and_never_continues():
    """'pain 7 yesterday and no pain answer today is stop', named in unknowns and why."""
    got = assess(doc([checkin(1, 7), checkin(0, None)]))
    assert got["verdict"] == "stop"
    assert any("pain_carried_from" in a["why"] for a in got["advice"])
    assert got["unknowns"]
    clear_yesterday = assess(doc([checkin(1, 0), checkin(0, None)]))
    assert clear_yesterday["verdict"] == "modify"


def test_a_pain_answer_two_days_back_is_outside_the_carry_window():
    """'A pain answer from two days back is outside the window: modify.'"""
    got = assess(doc([checkin(2, 7), checkin(0, None)]))
    assert got["verdict"] == "modify"
    assert "pain.incomplete" in rules(got)


@pytest.mark.parametrize(
    "checkins",
    [
        [],  # no check-in for today or yesterday
        [checkin(3, 0)],  # only older ones
        [checkin(0, None)],  # no pain answer
        [checkin(0, 0, pain_rest=None)],  # pain at rest not answered
        [checkin(0, 0, ran=True)],  # ran, pain during the run not answered
        [checkin(0, 0, sharp_pain=None)],  # a warning-sign question unanswered
    ],
    ids=["none", "old", "no-pain", "no-rest", "no-run-pain", "sign-unanswered"],
)
def test_a_missing_answer_is_modify_never_continue(checkins):
    """'modify: any answer needed for "all clear" missing' (pain.incomplete)."""
    got = assess(doc(checkins))
    assert got["verdict"] == "modify"
    assert "pain.clear" not in rules(got)
    assert got["unknowns"]


def test_pain_during_the_run_may_come_from_the_logged_run():
    """'pain during the run answered, on the check-in or the logged run, when you ran'"""
    got = assess(doc([checkin(0, 0, ran=True)], [run(0, 5, pain=0)]))
    assert got["verdict"] == "continue"


def test_a_run_logged_today_counts_as_ran_even_if_the_checkin_says_not():
    """'when you ran (the check-in says so or a run is logged that day)'"""
    got = assess(doc([checkin(0, 0)], [run(0, 5)]))
    assert got["verdict"] == "modify"


@pytest.mark.parametrize(
    "kw",
    [
        {"ran": True, "pain_run": 2, "eased_during_run": False},
        {"settled_within_24h": False, "pain_rest": 1},
    ],
    ids=["did-not-ease", "did-not-settle"],
)
def test_pain_that_does_not_ease_or_settle_is_hold(kw):
    """pain.hold: 'pain during the run that did not ease; or did not settle within 24h'"""
    got = assess(doc([checkin(0, 1, **kw)]))
    assert got["verdict"] == "hold"
    assert "pain.hold" in rules(got)


def test_pain_free_run_that_did_not_ease_is_not_hold():
    """'(and the run was not pain-free)'"""
    got = assess(doc([checkin(0, 0, ran=True, pain_run=0, eased_during_run=False)]))
    assert got["verdict"] == "continue"


@pytest.mark.parametrize(
    "mornings, today, fires",
    [
        ([1, 1, 1], 2, True),  # 1 point above the mean of 3 answers
        ([1, 1, 2], 2, False),  # 0.67 above
        ([1, 1], 3, False),  # only 2 answers: no baseline
    ],
)
def test_next_morning_up_needs_3_answers_and_1_point(mornings, today, fires):
    """pain.next_morning_up: 'at least 1 point above your mean pain on waking over the 14
    days before (needs at least 3 answers)': verdict hold."""
    rows = [checkin(14 - k, 0, pain_next_morning=m) for k, m in enumerate(mornings)]
    rows.append(checkin(0, 0, pain_next_morning=today, pain_rest=1))
    got = assess(doc(rows, onset=20))
    assert ("pain.next_morning_up" in rules(got)) is fires
    assert (got["verdict"] == "hold") is fires


def test_the_next_morning_baseline_window_is_the_14_days_before():
    """Answers 15 days back are outside the baseline window."""
    rows = [checkin(15 + k, 0, pain_next_morning=0) for k in range(3)]
    rows.append(checkin(0, 0, pain_next_morning=2, pain_rest=1))
    assert "pain.next_morning_up" not in rules(assess(doc(rows, onset=30)))


@pytest.mark.parametrize("high_days, routine", [(2, False), (3, True)])
def test_persistent_high_pain_on_3_of_7_days_is_a_routine_referral(high_days, routine):
    """pain.persistent_high: 'Pain above 5 on at least 3 days of the last 7.'"""
    rows = [checkin(6 - k, 6) for k in range(high_days)] + [checkin(0, 2)]
    got = assess(doc(rows))
    assert ("pain.persistent_high" in rules(got)) is routine
    assert (got["referral"] == "routine") is routine


def test_persistent_high_counts_only_days_after_an_assessment():
    """'Days on or before an assessment you recorded do not count.'"""
    rows = [checkin(6, 6), checkin(5, 6), checkin(4, 6), checkin(0, 2)]
    got = assess(doc(rows, assessments=[{"date": ago(4)}]))
    assert "pain.persistent_high" not in rules(got)
    assert got["referral"] == "none"


def test_persistent_high_days_8_back_are_outside_the_window():
    rows = [checkin(9, 6), checkin(8, 6), checkin(7, 6), checkin(0, 2)]
    assert "pain.persistent_high" not in rules(assess(doc(rows)))


@pytest.mark.parametrize("days_ago, open_", [(13, True), (14, False)])
def test_a_routine_sign_stays_open_14_days_counting_its_day_as_day_1(days_ago, open_):
    """pain.recent_red_flag: 'Any other warning sign stays open for 14 days (the earlier
    day counts as day 1)': level warning, at least hold, referral routine."""
    rows = [checkin(days_ago, 2, sharp_pain=True), checkin(0, 0)]
    got = assess(doc(rows, onset=30))
    assert ("pain.recent_red_flag" in rules(got)) is open_
    if open_:
        assert rules(got)["pain.recent_red_flag"]["level"] == "warning"
        assert got["verdict"] in ("hold", "stop")
        assert got["referral"] == "routine"
    else:
        assert got["referral"] == "none"


def test_an_urgent_sign_stays_open_at_any_distance_until_assessed():
    """'Sudden pain with weakness or nerve signs stay open at any distance in time, until
    you record that a professional has assessed you: danger, stop, urgent, never
    recovered.'"""
    rows = [checkin(200, 3, nerve_signs=True)] + [checkin(k, 0) for k in range(14)]
    got = assess(doc(rows, onset=210))
    assert got["verdict"] == "stop"
    assert got["referral"] == "urgent"
    assert rules(got)["pain.recent_red_flag"]["level"] == "danger"
    assert got["recovery"]["status"] != "recovered"
    seen = assess(doc(rows, onset=210, assessments=[{"date": ago(150)}]))
    assert seen["referral"] == "none"
    assert "pain.recent_red_flag" not in rules(seen)
    assert seen["recovery"]["status"] == "recovered"


def test_the_urgent_sign_is_reported_even_if_a_milder_one_came_later():
    rows = [checkin(30, 3, sudden_onset_with_weakness=True), checkin(3, 2, sharp_pain=True),
            checkin(0, 0)]
    got = assess(doc(rows, onset=40))
    assert got["referral"] == "urgent"
    assert rules(got)["pain.recent_red_flag"]["why"]


def test_a_new_sign_while_an_urgent_one_is_open_keeps_urgent():
    """'a warning sign answered yes today while an urgent one is open keeps urgent'"""
    rows = [checkin(5, 3, nerve_signs=True), checkin(0, 2, sharp_pain=True)]
    assert assess(doc(rows))["referral"] == "urgent"


def test_a_sign_today_is_stop_even_when_assessed_today():
    """'A warning sign answered yes on today's check-in always gives stop for today,
    assessed or not'"""
    got = assess(doc([checkin(0, 1, sharp_pain=True)], assessments=[{"date": ago(0)}]))
    assert got["verdict"] == "stop"


def test_a_sign_after_the_assessment_opens_again():
    rows = [checkin(10, 2, sharp_pain=True), checkin(5, 2, sharp_pain=True), checkin(0, 0)]
    got = assess(doc(rows, assessments=[{"date": ago(8)}]))
    assert "pain.recent_red_flag" in rules(got)


@pytest.mark.parametrize("outcome", ["rehab_only", "no_running"])
def test_a_professionals_no_running_is_stop_until_a_later_clearance(outcome):
    """pain.professional_no_running: level warning, verdict stop whatever the pain, no
    referral of its own, why gives assessment_date and outcome; a later cleared_to_run
    (or no outcome) lifts it; the ladder waits and today is a rest day."""
    rows = [checkin(k, 0) for k in range(3)]
    got = assess(doc(rows, assessments=[{"date": ago(10), "outcome": outcome}], onset=20))
    assert got["verdict"] == "stop"
    advice = rules(got)["pain.professional_no_running"]
    assert advice["level"] == "warning"
    assert advice["why"]["assessment_date"] == ago(10)
    assert advice["why"]["outcome"] == outcome
    assert got["referral"] == "none"
    assert got["prescription"]["today"]["kind"] in ("rest", "no_run")
    assert got["prescription"]["today"]["max_distance_km"] == 0
    assert got["last_assessment"]["outcome"] == outcome
    assert not any(s["decision"] == "progress" for s in got["strength"])
    for later in ({"date": ago(2), "outcome": "cleared_to_run"}, {"date": ago(2)}):
        lifted = assess(doc(rows, assessments=[
            {"date": ago(10), "outcome": outcome}, later], onset=20))
        assert "pain.professional_no_running" not in rules(lifted)
        assert lifted["verdict"] != "stop"


def test_a_professionals_no_running_counts_in_a_new_episode():
    """'whatever your pain answers, however long ago it was, and in a new episode too'"""
    episodes = [
        {"onset": ago(300), "ended": ago(200), "end_reason": "recovered"},
        {"onset": ago(10)},
    ]
    document = doc([checkin(0, 0)], assessments=[{"date": ago(250), "outcome": "no_running"}],
                   episodes=episodes)
    del document["profile"]["injury_start"]
    assert assess(document)["verdict"] == "stop"


@pytest.mark.parametrize(
    "kw",
    [{"fatigue": 7}, {"sleep_hours": 5.5}, {"overstride_long_stride": True}],
)
def test_caution_advice_turns_pain_free_continue_into_modify(kw):
    """'any advice at caution level or above ... turns a pain-free continue into modify';
    pain.clear never beside it; pain.clear_with_changes lists the rules in its why."""
    got = assess(doc([checkin(0, 0, **kw)]))
    assert got["verdict"] == "modify"
    found = rules(got)
    assert "pain.clear" not in found
    assert "pain.clear_with_changes" in found
    follow = found["pain.clear_with_changes"]["why"]["advice_to_follow"]
    assert follow


@pytest.mark.parametrize("kw", [{"fatigue": 6}, {"sleep_hours": 6.0}])
def test_fatigue_6_and_6_hours_sleep_do_not_fire(kw):
    """load.fatigue: 'fatigue 7 or more out of 10, or less than 6 hours of sleep'"""
    got = assess(doc([checkin(0, 0, **kw)]))
    assert "load.fatigue" not in rules(got)
    assert got["verdict"] == "continue"


def test_info_advice_alone_keeps_continue():
    """Only caution or above raises continue: a cadence tip (info) does not."""
    got = assess(doc([checkin(0, 0)], profile={"usual_cadence_spm": 166}))
    assert got["verdict"] == "continue"
    assert all(a["level"] == "info" for a in got["advice"])


def test_pain_rising_two_weeks_in_a_row_is_caution_and_never_continue():
    """pain.rising: three 7-day windows, each with 3+ pain answers, each mean at least 0.5
    above the one before."""
    rows = [checkin(n, 0) for n in (20, 18, 16)]
    rows += [checkin(n, 1) for n in (13, 11, 9)]
    rows += [checkin(n, 2) for n in (6, 4, 2)]
    rows.append(checkin(0, 0))
    got = assess(doc(rows, onset=30))
    assert rules(got)["pain.rising"]["level"] == "caution"
    assert got["verdict"] == "modify"


def test_pain_rising_by_less_than_half_a_point_does_not_fire():
    rows = [checkin(n, p) for n, p in ((20, 1), (18, 1), (16, 1), (13, 1), (11, 1), (9, 2),
                                       (6, 2), (4, 2), (2, 1), (0, 0))]
    assert "pain.rising" not in rules(assess(doc(rows, onset=30)))
