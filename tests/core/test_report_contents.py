"""What the report says about a range that ends before today: the doses, the warning signs
and the verdict's day all belong to the report's last day, never to later records."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import CheckIn, History, Profile, SetLog, StrengthSession
from hamstring_app.core.report import build_report, recorded_between

ONSET = date(2026, 3, 2)


def _session(day: date, reps: int) -> StrengthSession:
    sets = (SetLog("bridge", 1, reps=reps), SetLog("bridge", 2, reps=reps))
    return StrengthSession(day, sets=sets)


def _history(*checkins: CheckIn, sessions: tuple[StrengthSession, ...] = ()) -> History:
    return History(profile=Profile(injury_start=ONSET), checkins=checkins,
                   strength_sessions=sessions)


def test_the_doses_are_the_last_session_on_or_before_the_last_day():
    history = _history(sessions=(_session(ONSET + timedelta(days=3), 8),
                                 _session(ONSET + timedelta(days=30), 15)))
    report = build_report(history, start=ONSET, end=ONSET + timedelta(days=10),
                          names={"bridge": "Bridge"})
    assert report.doses == ("Bridge: 2 x 8 reps",)
    later = build_report(history, start=ONSET, end=ONSET + timedelta(days=40),
                         names={"bridge": "Bridge"})
    assert later.doses == ("Bridge: 2 x 15 reps",)


def test_every_warning_sign_up_to_the_last_day_is_listed_even_before_the_range():
    before = CheckIn(ONSET - timedelta(days=40), sharp_pain=True)
    inside = CheckIn(ONSET + timedelta(days=2), nerve_signs=True)
    after = CheckIn(ONSET + timedelta(days=20), gait_changed=True)
    history = _history(before, inside, after)
    report = build_report(history, start=ONSET, end=ONSET + timedelta(days=10))
    assert [w.day for w in report.warning_signs] == [before.day, inside.day]
    assert [w.urgent for w in report.warning_signs] == [False, True]


def test_the_less_common_signs_are_named_and_urgent():
    day = ONSET + timedelta(days=2)
    history = _history(CheckIn(day, sharp_pain=False, foot_weakness=True, feeling_unwell=True,
                               difficulty_walking=False))
    report = build_report(history, start=ONSET, end=ONSET + timedelta(days=10))
    assert [(w.day, w.sign, w.urgent) for w in report.warning_signs] == [
        (day, "weakness in the foot", True),
        (day, "feeling unwell with the pain", True),
    ]


def test_the_verdict_is_dated_by_the_day_it_is_for_and_the_report_by_the_day_made():
    history = _history(CheckIn(ONSET, pain_rest=2))
    report = build_report(history, start=ONSET, end=ONSET + timedelta(days=5),
                          made_on=ONSET + timedelta(days=9))
    assert report.made_on == ONSET + timedelta(days=9)
    assert build_report(history, start=ONSET, end=ONSET).made_on == ONSET  # by default


def test_recorded_between_sees_check_ins_runs_and_sessions_only_in_the_range():
    history = _history(CheckIn(ONSET, pain_rest=2),
                       sessions=(_session(ONSET + timedelta(days=9), 8),))
    assert recorded_between(history, ONSET, ONSET)
    assert recorded_between(history, ONSET + timedelta(days=9), ONSET + timedelta(days=9))
    assert not recorded_between(history, ONSET + timedelta(days=1), ONSET + timedelta(days=8))
    assert not recorded_between(History(), ONSET, ONSET + timedelta(days=100))
