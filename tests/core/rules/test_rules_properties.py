"""Property tests: any valid history gives a valid assessment, and the verdict is monotone."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_helpers import TODAY

from hamstring_app.core.models import (
    DAILY_RED_FLAG_FIELDS,
    LESS_COMMON_RED_FLAG_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    Level,
    PainSite,
    Profile,
    Referral,
    Run,
    RunType,
    SetLog,
    StrengthSession,
    Verdict,
)
from hamstring_app.core.rules import Assessment, evaluate
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.pain import classify, pain_state

SPAN = 70  # days of history before TODAY
pain = st.none() | st.integers(0, 10)
maybe = st.none() | st.booleans()
# made once, not on each draw: the same examples, without Hypothesis checking a new
# strategy every time (most of these tests' time went there)
flag_st = st.none() | st.just(False) | st.just(True)
# the less common signs, one draw per check-in: all unanswered, all no, or one of them yes,
# so they do not turn nearly every day into a red-flag day
less_common_st = st.sampled_from([None] * 10 + [False] * 5 + list(LESS_COMMON_RED_FLAG_FIELDS))
sleep_st = st.none() | st.floats(0, 24, allow_nan=False)


@st.composite
def checkins(draw):
    offsets = draw(st.sets(st.integers(0, SPAN), max_size=40))
    out = []
    for k in sorted(offsets, reverse=True):
        ran = draw(maybe)
        flags = {f: draw(flag_st) for f in DAILY_RED_FLAG_FIELDS}
        less = draw(less_common_st)
        for f in LESS_COMMON_RED_FLAG_FIELDS:
            flags[f] = less if less in (None, False) else f == less
        out.append(
            CheckIn(
                day=TODAY - timedelta(days=k),
                pain_rest=draw(pain),
                pain_run=None if ran is False else draw(pain),
                pain_next_morning=draw(pain),
                ran=ran,
                eased_during_run=draw(maybe),
                settled_within_24h=draw(maybe),
                fatigue=draw(pain),
                sleep_hours=draw(sleep_st),
                overstride_long_stride=draw(maybe),
                **flags,
            )
        )
    return tuple(out)


runs_st = st.lists(
    st.builds(
        Run,
        day=st.integers(0, SPAN).map(lambda k: TODAY - timedelta(days=k)),
        distance_km=st.floats(0.5, 45, allow_nan=False),
        duration_min=st.none() | st.floats(3, 300, allow_nan=False),
        type=st.sampled_from(list(RunType)),
        rpe=pain,
        cadence_spm=st.none() | st.integers(140, 200),
        descent_m=st.none() | st.floats(0, 800, allow_nan=False),
        pain=pain,
    ),
    max_size=40,
).map(lambda rs: tuple(sorted(rs, key=lambda r: r.day)))

sets_st = st.lists(
    st.builds(
        SetLog,
        exercise_id=st.sampled_from(["nordic", "bridge", "rdl"]),
        set_number=st.integers(1, 5),
        reps=st.none() | st.integers(1, 12),
        pain=pain,
        completed=st.booleans(),
    ),
    min_size=1,
    max_size=6,
).map(tuple)

sessions_st = st.lists(
    st.builds(
        StrengthSession,
        day=st.integers(0, SPAN).map(lambda k: TODAY - timedelta(days=k)),
        sets=sets_st,
        pain_next_morning=pain,
        phase=st.none() | st.integers(1, 4),
    ),
    max_size=12,
).map(lambda ss: tuple(sorted(ss, key=lambda s: s.day)))

profiles = st.none() | st.builds(
    Profile,
    injury_start=st.integers(0, 200).map(lambda k: TODAY - timedelta(days=k)),
    pain_site=st.sampled_from(list(PainSite)),
    long_standing=st.booleans(),
    usual_cadence_spm=st.none() | st.integers(150, 190),
)

histories = st.builds(
    History, profile=profiles, checkins=checkins(), runs=runs_st, strength_sessions=sessions_st
)

SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def finite_or_none(x):
    return x is None or (isinstance(x, float | int) and math.isfinite(x))


@SETTINGS
@given(histories)
def test_any_valid_history_gives_a_valid_assessment(h):
    a = evaluate(h, TODAY)
    assert isinstance(a, Assessment)
    assert a.verdict in Verdict and a.referral in Referral
    assert (a.referral is Referral.NONE) == (a.referral_reason == "")
    if a.referral is not Referral.NONE:
        assert "qualified health professional" in a.referral_reason
    # urgent referrals always name the emergency signs (docs/evidence.md, section 3)
    assert ("emergency care now" in a.referral_reason) == (a.referral is Referral.URGENT)
    assert 1 <= a.phase <= 4
    ranks = [x.level.rank for x in a.advice]
    assert ranks == sorted(ranks, reverse=True)
    for x in a.advice:
        assert x.level in Level and x.title and x.message and x.evidence
        assert "." in x.rule
    for field in dataclasses.fields(a.metrics):
        assert finite_or_none(getattr(a.metrics, field.name))
    assert a.recovery.weeks_since_onset >= 0
    assert all(d.decision in ("progress", "hold", "regress") for d in a.strength)
    if a.verdict is Verdict.CONTINUE:  # all clear only when nothing safety-related is missing
        assert not any("warning signs were not answered" in u for u in a.unknowns)
        assert not any("no check-in" in u for u in a.unknowns)
    # continue (and its "All clear") only when no load, technique or strength advice at
    # caution or above fired; such advice never lowers the pain verdict
    changes = [
        x for x in a.advice
        if x.rule.split(".")[0] in ("load", "technique", "strength")
        and x.level.rank >= Level.CAUTION.rank
    ]
    rules = {x.rule for x in a.advice}
    assert ("pain.clear" in rules) == (a.verdict is Verdict.CONTINUE)
    if a.verdict is Verdict.CONTINUE:
        assert not changes
    if "pain.clear_with_changes" in rules:
        assert changes and a.verdict is Verdict.MODIFY
    index = DayIndex(h, TODAY)
    assert a.verdict >= classify(pain_state(index, index.index(TODAY), carry=True))[0]
    json.dumps(a.to_dict())


def _with_flag(c: CheckIn, flag: str) -> CheckIn:
    return dataclasses.replace(c, **{flag: True})


@SETTINGS
@given(histories, st.data())
def test_adding_a_red_flag_never_lowers_the_verdict(h, data):
    before = evaluate(h, TODAY).verdict
    flag = data.draw(st.sampled_from(RED_FLAG_FIELDS))
    if h.checkins and data.draw(st.booleans()):
        k = data.draw(st.integers(0, len(h.checkins) - 1))
        cs = list(h.checkins)
        cs[k] = _with_flag(cs[k], flag)
    else:
        day = TODAY - timedelta(days=data.draw(st.integers(0, 20)))
        cs = [c for c in h.checkins if c.day != day]
        old = next((c for c in h.checkins if c.day == day), CheckIn(day=day))
        cs = sorted([*cs, _with_flag(old, flag)], key=lambda c: c.day)
    after = evaluate(dataclasses.replace(h, checkins=tuple(cs)), TODAY).verdict
    assert after >= before


def _less(value: int | None, k: int) -> int | None:
    return None if value is None else max(value - k, 0)


def _reduce_session(s: StrengthSession, k: int) -> StrengthSession:
    sets = tuple(dataclasses.replace(x, pain=_less(x.pain, k)) for x in s.sets)
    return dataclasses.replace(s, sets=sets, pain_next_morning=_less(s.pain_next_morning, k))


def _reduce(h: History, k: int) -> History:
    """The same history with every pain answer (check-ins, runs, strength) k points lower."""
    cs = tuple(
        dataclasses.replace(
            c,
            pain_rest=_less(c.pain_rest, k),
            pain_run=_less(c.pain_run, k),
            pain_next_morning=_less(c.pain_next_morning, k),
        )
        for c in h.checkins
    )
    rs = tuple(dataclasses.replace(r, pain=_less(r.pain, k)) for r in h.runs)
    ss = tuple(_reduce_session(s, k) for s in h.strength_sessions)
    return dataclasses.replace(h, checkins=cs, runs=rs, strength_sessions=ss)


@SETTINGS
@given(histories, st.integers(1, 10))
def test_removing_pain_never_raises_the_verdict(h, k):
    before = evaluate(h, TODAY).verdict
    assert evaluate(_reduce(h, k), TODAY).verdict <= before


@SETTINGS
@given(histories)
def test_removing_todays_pain_never_raises_the_verdict(h):
    before = evaluate(h, TODAY).verdict
    cs = tuple(
        dataclasses.replace(
            c,
            pain_rest=0 if c.pain_rest is not None else None,
            pain_run=0 if c.pain_run is not None else None,
            pain_next_morning=0 if c.pain_next_morning is not None else None,
        )
        if c.day == TODAY
        else c
        for c in h.checkins
    )
    rs = tuple(
        dataclasses.replace(r, pain=0 if r.pain is not None else None)
        if r.day == TODAY
        else r
        for r in h.runs
    )
    ss = tuple(
        _reduce_session(s, 10) if s.day == TODAY else s for s in h.strength_sessions
    )
    after = evaluate(
        dataclasses.replace(h, checkins=cs, runs=rs, strength_sessions=ss), TODAY
    ).verdict
    assert after <= before


@SETTINGS
@given(histories)
def test_daily_verdicts_agree_with_classify_every_day(h):
    from hamstring_app.core.rules import daily_verdicts
    from hamstring_app.core.rules.days import DayIndex
    from hamstring_app.core.rules.pain import classify, pain_state

    start = TODAY - timedelta(days=SPAN)
    got = daily_verdicts(h, start, TODAY)
    assert [d.day for d in got] == [c.day for c in h.checkins]
    index = DayIndex(h, TODAY)
    for dv in got:
        state = pain_state(index, index.index(dv.day), carry=False)
        assert dv.verdict is classify(state)[0]
        assert dv.red_flags == (state.red_flags if dv.verdict is Verdict.STOP else ())


URGENT_FLAGS = T.URGENT_RED_FLAGS


@SETTINGS
@given(histories, st.data())
def test_a_recent_urgent_red_flag_never_yields_less_than_stop(h, data):
    from hamstring_app.core.rules import daily_verdicts

    flag = data.draw(st.sampled_from(URGENT_FLAGS))
    back = data.draw(st.integers(0, 13))  # within the 14-day window (the flag day is day 1)
    day = TODAY - timedelta(days=back)
    old = next((c for c in h.checkins if c.day == day), CheckIn(day=day))
    cs = sorted([*(c for c in h.checkins if c.day != day), _with_flag(old, flag)],
                key=lambda c: c.day)
    flagged = dataclasses.replace(h, checkins=tuple(cs))
    a = evaluate(flagged, TODAY)
    assert a.verdict is Verdict.STOP
    assert a.referral is Referral.URGENT
    assert "pain.clear" not in {x.rule for x in a.advice}
    for dv in daily_verdicts(flagged, day, TODAY):
        assert dv.verdict is Verdict.STOP
