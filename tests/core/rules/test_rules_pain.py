"""Pain and red-flag rules at, just below and just above each threshold."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, ago, checkin, clean, history, run

from hamstring_app.core.models import RED_FLAG_FIELDS, Referral, Verdict
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.pain import classify, pain_state
from hamstring_app.core.rules.pain_text import referral_for


def verdict_of(h, today=TODAY, carry=True):
    index = DayIndex(h, today)
    state = pain_state(index, index.index(today), carry=carry)
    return classify(state)


@pytest.mark.parametrize(
    ("pain", "expected"),
    [
        (0, Verdict.CONTINUE),
        (1, Verdict.MODIFY),
        (3, Verdict.MODIFY),  # top of the mild band
        (4, Verdict.HOLD),  # just above mild
        (5, Verdict.HOLD),  # top of the hold band
        (6, Verdict.STOP),  # just above: no running today
        (10, Verdict.STOP),
    ],
)
@pytest.mark.parametrize("field", ["pain_rest", "pain_run", "pain_next_morning"])
def test_pain_bands(pain, expected, field):
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True}
    values[field] = pain
    if field == "pain_run":
        values["eased_during_run"] = True
    verdict, _ = verdict_of(history([checkin(TODAY, **values)]))
    assert verdict is expected


@pytest.mark.parametrize("flag", RED_FLAG_FIELDS)
def test_each_red_flag_stops(flag):
    h = history([clean(TODAY, **{flag: True})])
    verdict, reasons = verdict_of(h)
    assert verdict is Verdict.STOP
    assert "red_flag" in reasons


@pytest.mark.parametrize(
    ("flag", "referral"),
    [
        ("sharp_pain", Referral.ROUTINE),
        ("pain_increases_with_speed", Referral.ROUTINE),
        ("gait_changed", Referral.ROUTINE),
        ("pain_in_daily_activities", Referral.ROUTINE),
        ("sudden_onset_with_weakness", Referral.URGENT),
        ("nerve_signs", Referral.URGENT),
    ],
)
def test_red_flag_referral_urgency(flag, referral):
    index = DayIndex(history([clean(TODAY, **{flag: True})]), TODAY)
    state = pain_state(index, index.index(TODAY), carry=True)
    got, reason = referral_for(state, 0)
    assert got is referral
    assert "qualified health professional" in reason
    if referral is Referral.URGENT:
        assert "24-48 hours" in reason
    else:
        assert "book an assessment" in reason


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"eased_during_run": False, "pain_run": 2}, Verdict.HOLD),
        ({"eased_during_run": True, "pain_run": 2}, Verdict.MODIFY),
        ({"eased_during_run": False, "pain_run": 0}, Verdict.CONTINUE),  # nothing to ease
        ({"settled_within_24h": False}, Verdict.HOLD),
    ],
)
def test_eased_and_settled(kw, expected):
    verdict, _ = verdict_of(history([clean(TODAY, **kw)]))
    assert verdict is expected


@pytest.mark.parametrize(
    ("baseline_values", "today_value", "expected"),
    [
        ([2, 2, 2], 3, Verdict.HOLD),  # exactly 1 point above the mean: fires
        ([2, 2, 3], 3, Verdict.MODIFY),  # 0.67 above: just below, mild only
        ([1, 1, 1], 3, Verdict.HOLD),  # 2 above
        ([2, 2], 3, Verdict.MODIFY),  # only two mornings: no baseline
    ],
)
def test_next_morning_above_baseline(baseline_values, today_value, expected):
    cs = [clean(ago(k + 1), pain_next_morning=v) for k, v in enumerate(baseline_values)]
    cs.append(clean(TODAY, pain_next_morning=today_value))
    verdict, _ = verdict_of(history(cs))
    assert verdict is expected


def test_baseline_window_is_fourteen_calendar_days_across_month_end():
    # 2026-03-01 is 15 days before 2026-03-16, outside the window; Feb has 28 days.
    cs = [clean(ago(15), pain_next_morning=0), clean(ago(16), pain_next_morning=0)]
    cs += [clean(ago(14), pain_next_morning=2), clean(ago(2), pain_next_morning=2)]
    cs += [clean(ago(1), pain_next_morning=2), clean(TODAY, pain_next_morning=3)]
    verdict, reasons = verdict_of(history(cs))
    assert "next_morning_up" in reasons  # mean of days 14, 2, 1 = 2.0; 3 is 1 above
    assert verdict is Verdict.HOLD


@pytest.mark.parametrize(("days_before", "holds"), [(12, True), (13, True), (14, False)])
def test_recent_red_flag_window(days_before, holds):
    cs = [clean(ago(days_before), sharp_pain=True), clean(TODAY)]
    verdict, _ = verdict_of(history(cs))
    assert (verdict is Verdict.HOLD) is holds
    if not holds:
        assert verdict is Verdict.CONTINUE


def test_missing_answers_never_count_as_clear():
    assert verdict_of(history([]))[0] is Verdict.MODIFY
    only_pain = history([checkin(TODAY, pain_rest=0, sharp_pain=None)])
    verdict, reasons = verdict_of(only_pain)
    assert verdict is Verdict.MODIFY
    assert "red_flags_unanswered" in reasons


def test_yesterday_stands_in_for_a_missing_check_in():
    verdict, _ = verdict_of(history([clean(ago(1), pain_rest=4)]))
    assert verdict is Verdict.HOLD
    verdict, reasons = verdict_of(history([clean(ago(2), pain_rest=4)]))
    assert verdict is Verdict.MODIFY
    assert "no_checkin" in reasons


def test_run_pain_counts_even_without_check_in_pain():
    h = history([clean(TODAY)], runs=[run(TODAY, 5.0, pain=7)])
    assert verdict_of(h)[0] is Verdict.STOP


@pytest.mark.parametrize(("days", "referral"), [(2, Referral.NONE), (3, Referral.ROUTINE)])
def test_persistent_high_pain_referral(days, referral):
    cs = [clean(ago(k), pain_rest=6) for k in range(days)]
    index = DayIndex(history(cs), TODAY)
    state = pain_state(index, index.index(TODAY), carry=True)
    high = int(index.window(index.high_pain_cum, index.index(TODAY) - 6, index.index(TODAY)))
    assert referral_for(state, high)[0] is referral


@pytest.mark.parametrize("flag", ["sudden_onset_with_weakness", "nerve_signs"])
@pytest.mark.parametrize("days_before", [1, 13, 14, 200])
def test_recent_urgent_red_flag_keeps_stop_after_a_clean_day(flag, days_before):
    """An urgent sign not yet assessed stops running at any distance in time."""
    cs = [clean(ago(days_before), **{flag: True}), clean(TODAY)]
    verdict, reasons = verdict_of(history(cs))
    assert verdict is Verdict.STOP
    assert "recent_urgent_red_flag" in reasons


def test_recent_non_urgent_red_flag_still_holds():
    verdict, reasons = verdict_of(history([clean(ago(3), sharp_pain=True), clean(TODAY)]))
    assert verdict is Verdict.HOLD
    assert "recent_urgent_red_flag" not in reasons


def test_later_non_urgent_flag_does_not_hide_an_earlier_urgent_one():
    cs = [
        clean(ago(10), sudden_onset_with_weakness=True),
        clean(ago(2), sharp_pain=True),
        clean(TODAY),
    ]
    verdict, _ = verdict_of(history(cs))
    assert verdict is Verdict.STOP
    index = DayIndex(history(cs), TODAY)
    referral, reason = referral_for(pain_state(index, index.index(TODAY), carry=True), 0)
    assert referral is Referral.URGENT
    assert "Do not run until you have been checked" in reason


def test_recent_urgent_red_flag_advice_says_do_not_run():
    from hamstring_app.core.rules import evaluate

    a = evaluate(history([clean(ago(4), nerve_signs=True), clean(TODAY)]), TODAY)
    assert a.verdict is Verdict.STOP
    assert a.referral is Referral.URGENT
    rules = {x.rule: x for x in a.advice}
    assert "pain.clear" not in rules
    item = rules["pain.recent_red_flag"]
    assert "Do not run until you have been checked" in item.message
    assert "keep running easy" not in item.message.lower()


def test_current_non_urgent_flag_after_recent_urgent_one_stays_urgent():
    cs = [clean(ago(5), nerve_signs=True), clean(TODAY, sharp_pain=True)]
    index = DayIndex(history(cs), TODAY)
    referral, _ = referral_for(pain_state(index, index.index(TODAY), carry=True), 0)
    assert referral is Referral.URGENT


EMERGENCY_WORDS = ("numbness around the groin or buttocks", "bladder or bowel", "emergency care")


def _says_emergency(text: str) -> bool:
    return all(w in text.lower() for w in EMERGENCY_WORDS)


@pytest.mark.parametrize(
    ("cs", "urgent"),
    [
        ([clean(TODAY, nerve_signs=True)], True),
        ([clean(TODAY, sudden_onset_with_weakness=True)], True),
        ([clean(ago(3), nerve_signs=True), clean(TODAY)], True),
        ([clean(ago(3), nerve_signs=True), clean(TODAY, sharp_pain=True)], True),
        ([clean(TODAY, sharp_pain=True)], False),
        ([clean(ago(3), gait_changed=True), clean(TODAY)], False),
    ],
)
def test_urgent_referrals_name_the_emergency_signs(cs, urgent):
    from hamstring_app.core.rules import evaluate

    a = evaluate(history(cs), TODAY)
    assert (a.referral is Referral.URGENT) is urgent
    assert _says_emergency(a.referral_reason) is urgent
    flag_advice = [x for x in a.advice if x.rule in ("pain.red_flag", "pain.recent_red_flag")]
    assert flag_advice
    for x in flag_advice:
        assert _says_emergency(x.message) is urgent


@pytest.mark.parametrize(
    ("today", "runs", "expected"),
    [
        ({"pain_rest": None}, [], Verdict.MODIFY),  # only the morning answer
        ({"ran": True}, [], Verdict.MODIFY),  # ran, run pain not answered
        ({"ran": True, "pain_run": 0}, [], Verdict.CONTINUE),
        ({"ran": False}, [], Verdict.CONTINUE),
        ({}, [{"pain": None}], Verdict.MODIFY),  # a logged run without a pain answer
        ({}, [{"pain": 0}], Verdict.CONTINUE),
        ({"pain_run": 0}, [{"pain": None}], Verdict.CONTINUE),
    ],
)
def test_continue_needs_rest_pain_and_run_pain_when_the_runner_ran(today, runs, expected):
    from hamstring_app.core.rules import daily_verdicts, evaluate

    cs = [clean(ago(k)) for k in range(1, 4)] + [clean(TODAY, **today)]
    rs = [run(TODAY, 5.0, **kw) for kw in runs]
    h = history(cs, runs=rs)
    assert verdict_of(h)[0] is expected
    a = evaluate(h, TODAY)
    assert a.verdict is expected
    assert daily_verdicts(h, TODAY, TODAY)[0].verdict is expected
    rules = {x.rule for x in a.advice}
    if expected is Verdict.MODIFY:
        assert "pain.incomplete" in rules and "pain.clear" not in rules
        assert any("not answered" in u for u in a.unknowns)


def test_a_milder_sign_today_names_the_open_urgent_one_and_its_day():
    """Sharp pain today while nerve signs from 5 days ago are not yet assessed: the danger
    message names both, and its *why* gives the urgent sign's day, which the open-sign box
    shows (not today's date with the urgent sign's "until assessed")."""
    from hamstring_app.core.rules import evaluate

    a = evaluate(history([clean(ago(5), nerve_signs=True), clean(TODAY, sharp_pain=True)]), TODAY)
    item = {x.rule: x for x in a.advice}["pain.red_flag"]
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    assert "sharp pain" in item.message
    assert "tingling, numbness or pain below the knee" in item.message
    assert ago(5).isoformat() in item.message
    assert item.why["red_flag_date"] == ago(5).isoformat()
    assert item.why["open_until_assessed"] is True


def test_an_urgent_sign_today_keeps_todays_day():
    from hamstring_app.core.rules import evaluate

    a = evaluate(history([clean(ago(5), sharp_pain=True), clean(TODAY, nerve_signs=True)]), TODAY)
    item = {x.rule: x for x in a.advice}["pain.red_flag"]
    assert "red_flag_date" not in item.why
    assert ago(5).isoformat() not in item.message


@pytest.mark.parametrize("today_sign", ["sudden_onset_with_weakness", "feeling_unwell"])
def test_an_urgent_sign_today_also_names_an_open_urgent_one_from_an_earlier_day(today_sign):
    """Nerve signs 5 days ago, not yet assessed, and another urgent sign today: the referral
    and the danger message name both, with the earlier day, since that one stays open too
    until an assessment is recorded."""
    from hamstring_app.core.rules import evaluate

    h = history([clean(ago(5), nerve_signs=True), clean(TODAY, **{today_sign: True})])
    a = evaluate(h, TODAY)
    item = {x.rule: x for x in a.advice}["pain.red_flag"]
    nerve = "tingling, numbness or pain below the knee"
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    for text in (a.referral_reason, item.message):
        assert nerve in text and ago(5).isoformat() in text
        assert "24-48 hours" in text and "emergency" in text.lower()
    assert item.why["red_flag_date"] == ago(5).isoformat()
    assert item.why["earlier_red_flags"] == "nerve_signs"
    assert item.why["open_until_assessed"] is True


def test_an_urgent_sign_today_after_an_assessed_one_names_only_today():
    import dataclasses

    from hamstring_app.core.episodes import ProfessionalAssessment
    from hamstring_app.core.rules import evaluate

    h = dataclasses.replace(
        history([clean(ago(5), nerve_signs=True), clean(TODAY, foot_weakness=True)]),
        assessments=(ProfessionalAssessment(ago(3)),),
    )
    a = evaluate(h, TODAY)
    item = {x.rule: x for x in a.advice}["pain.red_flag"]
    assert ago(5).isoformat() not in a.referral_reason
    assert "red_flag_date" not in item.why
