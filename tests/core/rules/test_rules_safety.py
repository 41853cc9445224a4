"""Five safety fixes, each at and around its threshold.

1. "All clear" never beside advice at caution or above, from any rule family.
2. No "step up" on a hold or stop day or with a referral open; strength pauses on stop with
   an urgent referral, and the phase does not advance while an urgent sign is open.
3. An urgent sign stays open until a professional has assessed it; more signs never lower
   the urgency; routine signs keep their 14 days unless assessed sooner.
4. Today's pain unanswered: the last answered pain within the carry window counts.
5. The cadence baseline is frozen for the episode, so the target does not creep.
"""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import TODAY, ago, checkin, clean, history, profile, run, session

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import Level, Referral, RunType, Verdict
from hamstring_app.core.rules import evaluate


def rules_of(a):
    return {x.rule: x for x in a.advice}


def assert_no_clear_beside_caution(a):
    rules = rules_of(a)
    loud = [x.rule for x in a.advice if x.level.rank >= Level.CAUTION.rank]
    if loud:
        assert "pain.clear" not in rules, loud
        assert a.verdict is not Verdict.CONTINUE


# --------------------------------------------------------------------------- 1. all clear


@pytest.mark.parametrize("days", [42, 43])
def test_timeline_slower_than_expected_raises_continue(days):
    # mild pain earlier in the fortnight (so not recovered), none today
    cs = [clean(ago(k), pain_rest=1) for k in (3, 5)] + [clean(TODAY)]
    a = evaluate(history(cs, prof=profile(ago(days))), TODAY)
    rules = rules_of(a)
    if days == 42:  # exactly 6 weeks: still on track, all clear
        assert a.verdict is Verdict.CONTINUE and "pain.clear" in rules
    else:
        assert "timeline.slower_than_expected" in rules
        assert a.verdict is Verdict.MODIFY
        assert "pain.clear" not in rules
        assert "timeline.slower_than_expected" in str(
            rules["pain.clear_with_changes"].why["advice_to_follow"]
        )
    assert_no_clear_beside_caution(a)



@pytest.mark.parametrize("high_days", [2, 3])
def test_persistent_high_pain_raises_continue(high_days):
    cs = [clean(ago(k), pain_rest=6) for k in range(1, high_days + 1)] + [clean(TODAY)]
    a = evaluate(history(cs, prof=profile(ago(10))), TODAY)
    rules = rules_of(a)
    if high_days < 3:
        assert "pain.persistent_high" not in rules
        assert a.verdict is Verdict.CONTINUE and "pain.clear" in rules
    else:
        assert "pain.persistent_high" in rules and a.referral is Referral.ROUTINE
        assert a.verdict is Verdict.MODIFY and "pain.clear" not in rules
    assert_no_clear_beside_caution(a)


@pytest.mark.parametrize("interval_days", [2, 3])
def test_personal_trigger_raises_continue(interval_days):
    """Intervals followed by a worse morning (a caution trigger) next to a pain-free day."""
    runs, cs = [], []
    hard = [20, 16, 12][:interval_days]
    easy = [22, 18, 14]
    for k in hard:
        runs.append(run(ago(k), 5.0, type=RunType.INTERVALS))
        cs.append(clean(ago(k - 1), pain_next_morning=1))
    for k in easy:
        runs.append(run(ago(k), 5.0))
        cs.append(clean(ago(k - 1)))
    cs.append(clean(TODAY))
    a = evaluate(history(cs, runs, prof=profile(ago(25))), TODAY)
    rules = rules_of(a)
    if interval_days < 3:
        assert "triggers.intervals" not in rules
        assert a.verdict is Verdict.CONTINUE and "pain.clear" in rules
    else:
        assert "triggers.intervals" in rules
        assert a.verdict is Verdict.MODIFY and "pain.clear" not in rules
    assert_no_clear_beside_caution(a)


# --------------------------------------------------------------------------- 2. strength


def _two_clean_sessions():
    return [
        session(ago(4), {"bridge_hold": [2, 2]}, 2),
        session(ago(2), {"bridge_hold": [2, 3]}, 2),
    ]


def _strength_day(**today):
    cs = [clean(ago(k), pain_rest=2, pain_next_morning=2) for k in range(1, 8)]
    cs.append(clean(TODAY, **today))
    return evaluate(history(cs, sessions=_two_clean_sessions(), prof=profile(ago(14))), TODAY)


@pytest.mark.parametrize(
    ("pain", "verdict", "progress"),
    [(3, Verdict.MODIFY, True), (4, Verdict.HOLD, False), (5, Verdict.HOLD, False),
     (6, Verdict.STOP, False)],
)
def test_no_step_up_on_a_hold_or_stop_day(pain, verdict, progress):
    a = _strength_day(pain_rest=pain, pain_next_morning=2)
    assert a.verdict is verdict
    rules = rules_of(a)
    assert ("strength.progress" in rules) is progress
    (d,) = a.strength
    assert d.exercise_id == "bridge_hold"
    assert d.decision == ("progress" if progress else "hold")
    if not progress:
        assert "today" in d.message.lower()
        assert d.why["held_by_verdict"] == verdict.value
    assert a.strength_pause is None


def test_no_step_up_while_a_referral_is_open():
    # a routine warning sign 5 days ago: verdict hold, referral routine
    cs = [clean(ago(k), pain_rest=2, pain_next_morning=2) for k in range(1, 8)]
    cs[4] = clean(ago(5), pain_rest=2, pain_next_morning=2, sharp_pain=True)
    cs.append(clean(TODAY, pain_rest=1))
    a = evaluate(history(cs, sessions=_two_clean_sessions(), prof=profile(ago(14))), TODAY)
    assert a.referral is Referral.ROUTINE
    assert "strength.progress" not in rules_of(a)
    assert all(d.decision != "progress" for d in a.strength)


@pytest.mark.parametrize(
    ("flag", "allowed"),
    [("sudden_onset_with_weakness", "none"), ("nerve_signs", "isometrics")],
)
def test_strength_pauses_on_stop_with_an_urgent_referral(flag, allowed):
    a = _strength_day(pain_rest=2, **{flag: True})
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    pause = a.strength_pause
    assert pause is not None and pause.allowed == allowed
    assert "professional" in pause.message
    rules = rules_of(a)
    assert "strength.pause" in rules and rules["strength.pause"].level is Level.DANGER
    assert "strength.progress" not in rules
    assert all(d.decision != "progress" for d in a.strength)
    assert a.to_dict()["strength_pause"]["allowed"] == allowed


def test_a_routine_stop_does_not_pause_strength():
    a = _strength_day(pain_rest=2, sharp_pain=True)
    assert a.verdict is Verdict.STOP and a.referral is Referral.ROUTINE
    assert a.strength_pause is None
    assert "strength.progress" not in rules_of(a)


def _calm_month(flag_day: int | None, assessed: int | None = None):
    cs = [clean(ago(k), pain_next_morning=0) for k in range(0, 40)]
    if flag_day is not None:
        cs[flag_day] = clean(ago(flag_day), nerve_signs=True)
    sessions = [session(ago(k), {"bridge_hold": [1, 1]}, 0) for k in range(36, 0, -3)]
    found = () if assessed is None else (ProfessionalAssessment(ago(assessed)),)
    h = history(cs, sessions=sessions, prof=profile(ago(40)))
    return dataclasses.replace(h, assessments=found)


def test_phase_does_not_advance_while_an_urgent_sign_is_open():
    assert evaluate(_calm_month(None), TODAY).phase >= 2  # calm month: the phase moves up
    a = evaluate(_calm_month(30), TODAY)
    assert a.phase == 1
    assert evaluate(_calm_month(30, assessed=29), TODAY).phase >= 2


# --------------------------------------------------------------------------- 3. urgent signs


@pytest.mark.parametrize("back", [13, 14, 15, 60, 400])
@pytest.mark.parametrize("flag", ["sudden_onset_with_weakness", "nerve_signs"])
def test_an_urgent_sign_stays_open_at_any_distance(flag, back):
    cs = [clean(ago(k)) for k in range(0, min(back, 30))]
    cs.append(clean(ago(back), **{flag: True}))
    a = evaluate(history(cs, prof=profile(ago(back + 3))), TODAY)
    assert a.verdict is Verdict.STOP
    assert a.referral is Referral.URGENT
    assert a.recovery.status != "recovered"
    rules = rules_of(a)
    assert "pain.clear" not in rules and "timeline.recovered" not in rules
    assert rules["pain.recent_red_flag"].level is Level.DANGER
    assert "assessed" in rules["pain.recent_red_flag"].message


@pytest.mark.parametrize(
    ("assessed_back", "resolved"), [(21, True), (20, True), (19, True), (22, False)]
)
def test_an_assessment_on_or_after_the_sign_resolves_it(assessed_back, resolved):
    cs = [clean(ago(k)) for k in range(0, 20)]
    cs.append(clean(ago(21), sudden_onset_with_weakness=True))
    h = dataclasses.replace(
        history(cs, prof=profile(ago(25))),
        assessments=(ProfessionalAssessment(ago(assessed_back), AssessmentOutcome.REHAB_ONLY),),
    )
    a = evaluate(h, TODAY)
    if resolved:
        assert a.referral is not Referral.URGENT
        assert "pain.recent_red_flag" not in rules_of(a)
    else:
        assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT


@pytest.mark.parametrize(("back", "open_"), [(13, True), (14, False)])
def test_a_routine_sign_keeps_its_14_days(back, open_):
    cs = [clean(ago(k)) for k in range(0, back)] + [clean(ago(back), sharp_pain=True)]
    a = evaluate(history(cs, prof=profile(ago(back + 1))), TODAY)
    assert (a.referral is Referral.ROUTINE) is open_
    assert (a.verdict is Verdict.HOLD) is open_


def test_a_routine_sign_is_resolved_by_an_assessment():
    cs = [clean(ago(k)) for k in range(0, 5)] + [clean(ago(5), sharp_pain=True)]
    h = history(cs, prof=profile(ago(6)))
    assert evaluate(h, TODAY).referral is Referral.ROUTINE
    done = dataclasses.replace(h, assessments=(ProfessionalAssessment(ago(2)),))
    a = evaluate(done, TODAY)
    assert a.referral is Referral.NONE and a.verdict is Verdict.CONTINUE


def test_a_new_routine_sign_never_lowers_an_urgent_referral():
    """Urgent 14 days ago: yesterday's check-in carried keeps it; a new routine sign today
    must not turn it into routine."""
    base = [clean(ago(k)) for k in range(1, 14)] + [clean(ago(14), nerve_signs=True)]
    carried = evaluate(history(base, prof=profile(ago(20))), TODAY)
    assert carried.referral is Referral.URGENT
    more = evaluate(history([*base, clean(TODAY, sharp_pain=True)], prof=profile(ago(20))), TODAY)
    assert more.referral is Referral.URGENT and more.verdict is Verdict.STOP


def test_a_sign_reported_after_the_assessment_opens_again():
    cs = [clean(ago(k)) for k in range(0, 10)]
    cs[3] = clean(ago(3), nerve_signs=True)
    h = dataclasses.replace(
        history(cs, prof=profile(ago(12))), assessments=(ProfessionalAssessment(ago(6)),)
    )
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT


# --------------------------------------------------------------------------- 4. carried pain


@pytest.mark.parametrize(
    ("yesterday", "verdict"),
    [(7, Verdict.STOP), (6, Verdict.STOP), (5, Verdict.HOLD), (4, Verdict.HOLD),
     (3, Verdict.MODIFY), (0, Verdict.MODIFY)],
)
def test_yesterdays_answered_pain_counts_when_todays_is_unanswered(yesterday, verdict):
    cs = [clean(ago(1), pain_rest=yesterday), checkin(TODAY, settled_within_24h=True)]
    a = evaluate(history(cs, prof=profile(ago(10))), TODAY)
    assert a.verdict is verdict
    assert any("yesterday" in u.lower() and "pain" in u.lower() for u in a.unknowns)
    assert "pain.clear" not in rules_of(a)


def test_pain_two_days_ago_is_outside_the_carry_window():
    cs = [clean(ago(2), pain_rest=7), checkin(TODAY, settled_within_24h=True)]
    a = evaluate(history(cs, prof=profile(ago(10))), TODAY)
    assert a.verdict is Verdict.MODIFY
    assert any("pain" in u.lower() for u in a.unknowns)


def test_todays_answered_pain_is_not_replaced():
    cs = [clean(ago(1), pain_rest=7), clean(TODAY, pain_rest=1)]
    a = evaluate(history(cs, prof=profile(ago(10))), TODAY)
    assert a.verdict is Verdict.MODIFY
    assert "pain.mild" in rules_of(a)


# --------------------------------------------------------------------------- 5. cadence


def _cadence_history(before: list[tuple[int, int]], after: list[tuple[int, int]], onset=40):
    runs = [run(ago(k), 6.0, cadence_spm=c) for k, c in before + after]
    cs = [clean(ago(k), pain_rest=1) for k in range(0, 5)]
    return history(cs, runs, prof=profile(ago(onset)))


def test_cadence_baseline_is_the_four_weeks_before_the_onset():
    before = [(45, 160), (50, 158), (60, 162), (67, 160)]  # 5-27 days before day 40
    after = [(k, 170) for k in range(2, 40, 3)]  # the runner followed the advice
    a = evaluate(_cadence_history(before, after), TODAY)
    tech = rules_of(a)["technique.cadence"]
    assert tech.why["usual_cadence_spm"] == 160
    assert tech.why["usual_from"] == "runs before the injury"
    assert (tech.why["target_low_spm"], tech.why["target_high_spm"]) == (168, 176)
    assert tech.why["target_reached"] is True
    assert "reached" in tech.message


def test_cadence_window_edges():
    # onset 40 days ago: the 4 weeks before are days 41-68 back
    inside = [(41, 150), (68, 150), (55, 150)]
    outside = [(69, 190), (70, 190), (71, 190)]
    a = evaluate(_cadence_history(inside + outside, [(2, 152)]), TODAY)
    assert rules_of(a)["technique.cadence"].why["usual_cadence_spm"] == 150


def test_cadence_target_does_not_creep_a_month_later():
    before = [(45, 160), (50, 158), (60, 162)]
    after = [(k, 170) for k in range(2, 40, 3)]
    h = _cadence_history(before, after)
    now = rules_of(evaluate(h, TODAY))["technique.cadence"].why
    later_runs = [run(ago(-k), 6.0, cadence_spm=176) for k in range(1, 31, 3)]
    later_cs = [clean(ago(-k), pain_rest=1) for k in range(26, 31)]
    later = history([*h.checkins, *later_cs], [*h.runs, *later_runs], prof=h.profile)
    then = rules_of(evaluate(later, ago(-30)))["technique.cadence"].why
    assert then["usual_cadence_spm"] == now["usual_cadence_spm"] == 160
    assert then["target_high_spm"] == 176


def test_cadence_without_runs_before_the_onset_uses_the_first_four_weeks():
    early = [(39, 160), (35, 160), (30, 161), (13, 159)]  # days 1-27 of the episode
    late = [(k, 172) for k in range(1, 12, 2)]  # after the first 4 weeks
    a = evaluate(_cadence_history([], early + late), TODAY)
    tech = rules_of(a)["technique.cadence"].why
    assert tech["usual_cadence_spm"] == 160
    assert tech["usual_from"] == "first 4 weeks of runs"


@pytest.mark.parametrize("day", [4, 10, 20, 29, 40])
def test_the_first_weeks_baseline_does_not_creep_while_it_is_being_measured(day):
    """No runs before the onset: the first runs set the baseline, and a runner who follows
    the target they were given in week 1 is not given a higher one in week 3."""
    onset = 40
    first = [(onset - k, 160) for k in (1, 2, 3)]  # days 1-3: 160, target 168-176
    followed = [(onset - k, 170) for k in range(6, 40, 2)]  # then at the target
    h = _cadence_history([], first + followed, onset=onset)
    cs = [clean(ago(onset - k), pain_rest=1) for k in range(0, 41)]
    h = dataclasses.replace(h, checkins=tuple(sorted(cs, key=lambda c: c.day)))
    tech = rules_of(evaluate(h, ago(onset - day)))["technique.cadence"].why
    assert tech["usual_cadence_spm"] == 160 and tech["usual_from"] == "first 4 weeks of runs"
    assert (tech["target_low_spm"], tech["target_high_spm"]) == (168, 176)
    assert tech["target_reached"] is (day >= 20)  # the last 14 days all at 170


def test_profile_cadence_still_wins():
    h = _cadence_history([(45, 160), (50, 160), (60, 160)], [(3, 160)])
    h = dataclasses.replace(h, profile=dataclasses.replace(h.profile, usual_cadence_spm=170))
    tech = rules_of(evaluate(h, TODAY))["technique.cadence"].why
    assert tech["usual_cadence_spm"] == 170 and tech["usual_from"] == "profile"
