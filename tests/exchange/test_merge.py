"""Which incoming records are new: duplicates, conflicts, counts (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hamstring_app.core.models import (
    CheckIn,
    History,
    Profile,
    Run,
    RunSource,
    RunType,
    SetLog,
    StrengthSession,
)
from hamstring_app.exchange.merge import plan_import

D1, D2, D3 = date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)


def session(day: date, pain: int = 2) -> StrengthSession:
    return StrengthSession(
        day=day,
        sets=(SetLog("bridge_hold", 1, hold_s=30, pain=pain), SetLog("bridge_hold", 2, hold_s=30)),
        pain_next_morning=1,
        phase=1,
    )


def test_into_an_empty_history_everything_is_new():
    incoming = History(
        profile=Profile(injury_start=D1),
        checkins=(CheckIn(D1, pain_rest=2), CheckIn(D2, pain_rest=1)),
        runs=(Run(D1, 5.0), Run(D2, 6.0)),
        strength_sessions=(session(D1),),
    )
    plan = plan_import(History(), incoming)
    assert plan.additions() == incoming
    assert plan.duplicates == 0 and not plan.conflicts and not plan.profile_kept


def test_saved_records_are_skipped_and_different_checkins_kept():
    saved = History(
        profile=Profile(injury_start=D1),
        checkins=(CheckIn(D1, pain_rest=2), CheckIn(D2, pain_rest=1)),
        runs=(Run(D1, 5.0, source=RunSource.FILE, id=7),),
        strength_sessions=(replace(session(D1), id=3, programme_id="x"),),
    )
    incoming = History(
        profile=Profile(injury_start=D2),
        checkins=(CheckIn(D1, pain_rest=2), CheckIn(D2, pain_rest=4), CheckIn(D3, pain_rest=0)),
        runs=(Run(D1, 5.0), Run(D1, 5.0), Run(D1, 5.0, type=RunType.LONG)),
        strength_sessions=(session(D1), session(D1, pain=3)),
    )
    plan = plan_import(saved, incoming)
    assert plan.checkins == (CheckIn(D3, pain_rest=0),)
    assert plan.conflicts == (D2,)
    assert plan.duplicate_checkins == 1
    # one saved 5 km run matches one of the two in the file: the other is added
    assert plan.runs == (Run(D1, 5.0), Run(D1, 5.0, type=RunType.LONG))
    assert plan.duplicate_runs == 1
    assert plan.sessions == (session(D1, pain=3),)
    assert plan.duplicate_sessions == 1
    assert plan.profile is None and plan.profile_kept
    text = " ".join(plan.summary())
    assert "1 check-in, 2 runs, 1 strength session" in text
    assert "2026-03-02" in text and "yours is kept" in text


def test_the_same_history_again_adds_nothing():
    history = History(
        profile=Profile(injury_start=D1),
        checkins=(CheckIn(D1, pain_rest=2),),
        runs=(Run(D1, 5.0),),
        strength_sessions=(session(D1),),
    )
    plan = plan_import(history, history)
    assert not plan.adds_anything
    assert plan.duplicates == 3
    assert plan.summary()[0] == "New: 0 check-ins, 0 runs, 0 strength sessions."


def test_set_order_does_not_make_a_session_new():
    one = session(D1)
    flipped = replace(one, sets=tuple(reversed(one.sets)))
    plan = plan_import(History(strength_sessions=(one,)), History(strength_sessions=(flipped,)))
    assert not plan.sessions and plan.duplicate_sessions == 1
