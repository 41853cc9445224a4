"""Safety properties over generated histories that reach each branch they claim to test.

The generator makes mostly calm, plausible histories (pain-free or mild days, warning signs
on few days, clean strength sessions often enough to earn a "step up"), because a generator
that puts warning signs on most days never reaches the all-clear or recent-sign branches.
Each property sets up its branches in turn (flavours, cases, distances in time) and counts
the hits on derandomized examples (the same ones every run), asserting each branch gets its
share: at least 10% of the examples (5% for the kind-by-distance cells of the added-sign
property other than an urgent sign added today, which gets 10% too). Run with ``-s`` to see
the counts.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_helpers import TODAY

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import (
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
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules import thresholds as T

SPAN = 60
URGENT = T.URGENT_RED_FLAGS
ROUTINE = tuple(f for f in RED_FLAG_FIELDS if f not in URGENT)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)

# mostly no pain, some mild, a little hold and stop territory
calm_pain = st.sampled_from([0] * 8 + [1, 1, 2, 3, 4, 5, 6, 7])
today_pain = st.sampled_from([0] * 6 + [1, 2, 3, 4, 5, 6, 7])


# Strategies made once: drawing from the same strategy object again draws the same
# examples as making it anew, and spares Hypothesis checking each new one (most of this
# file's time went there).
next_morning = {p: st.sampled_from([p, p, max(p - 1, 0), min(p + 1, 10)]) for p in range(11)}
settled = st.sampled_from([True] * 6 + [False, None])
run_pain = st.sampled_from([None, 0, 0, 0, 0, 1, 2])
run_km = st.sampled_from([5.0, 6.0, 6.0, 8.0])
run_minutes = st.none() | st.just(40.0)
run_type = st.sampled_from([RunType.EASY] * 5 + [RunType.INTERVALS, RunType.LONG])
run_rpe = st.none() | st.sampled_from([3, 4, 5, 8])
run_cadence = st.none() | st.integers(160, 176)
set_pains = st.lists(st.sampled_from([0, 1, 2, 2, 3, 3, 4, 6]), min_size=1, max_size=3)
session_next_morning = st.sampled_from([0, 0, 0, 1, 5])


@functools.cache
@st.composite
def calm_checkin(draw, k: int, pain_st=calm_pain) -> CheckIn:
    p = draw(pain_st)
    nm = draw(next_morning[p])
    return CheckIn(
        day=TODAY - timedelta(days=k),
        pain_rest=p,
        pain_next_morning=nm,
        settled_within_24h=draw(settled),
        **NO_FLAGS,
    )


FLAVOURS = (
    "spike", "high_week", "trigger", "rising", "late", "overstride", "downhill", "strength_ready"
)


@st.composite
def calm_histories(
    draw,
    *,
    flags: bool = True,
    clear_today: bool = False,
    force: tuple[str, ...] = (),
) -> History:
    """A calm history, shaped by a few drawn "flavours" so that each rule family's caution
    branch (and the all-clear branch) is reached often enough to count. ``force`` gives
    the flavours instead of drawing them (and always a check-in today)."""
    if force:
        flavours = set(force)
    else:
        flavours = set(draw(st.lists(st.sampled_from(FLAVOURS), min_size=1, max_size=2)))
    offsets = sorted(draw(st.sets(st.integers(1, SPAN), min_size=10, max_size=40)))
    cs = {k: draw(calm_checkin(k)) for k in offsets}
    if force or draw(st.integers(0, 9)) < 8:  # today's check-in (else carried or none)
        cs[0] = draw(calm_checkin(0, today_pain))
        if clear_today:
            cs[0] = CheckIn(day=TODAY, pain_rest=0, pain_next_morning=0,
                            settled_within_24h=True, **NO_FLAGS)
        if "overstride" in flavours:
            cs[0] = dataclasses.replace(cs[0], overstride_long_stride=True)
    if "high_week" in flavours:
        for k in draw(st.sets(st.integers(1, 6), min_size=3, max_size=4)):
            cs[k] = draw(calm_checkin(k, st.sampled_from([6, 7])))
    if "rising" in flavours:
        for k in range(1, 21):
            p = 0 if k > 13 else 1 if k > 6 else 2
            cs[k] = CheckIn(day=TODAY - timedelta(days=k), pain_rest=p, pain_next_morning=p,
                            settled_within_24h=True, **NO_FLAGS)
    if flags:
        for _ in range(draw(st.integers(0, 2))):  # warning signs on few days only
            k = draw(st.sampled_from(sorted(cs)))
            flag = draw(st.sampled_from(RED_FLAG_FIELDS))
            cs[k] = dataclasses.replace(cs[k], **{flag: True})
    runs = []
    quiet = "quiet" in flavours  # no runs or sessions: nothing but the check-ins to go on
    for k in draw(st.sets(st.integers(0, SPAN), max_size=0 if quiet else 20)):
        runs.append(
            Run(
                day=TODAY - timedelta(days=k),
                distance_km=draw(run_km),
                duration_min=draw(run_minutes),
                type=draw(run_type),
                rpe=draw(run_rpe),
                cadence_spm=draw(run_cadence),
                descent_m=250.0 if "downhill" in flavours and k < 10 else None,
                # forced flavours keep today pain-free, so the raise is what is measured
                pain=0 if force and k == 0 else draw(run_pain),
            )
        )
    if "spike" in flavours:
        k = draw(st.integers(0, 6))
        km = draw(st.sampled_from([9.5, 11.0, 17.0]))
        runs.append(Run(day=TODAY - timedelta(days=k), distance_km=km, pain=0))
    if "trigger" in flavours:
        for k in (40, 33, 26, 19):
            runs.append(Run(day=TODAY - timedelta(days=k), distance_km=6.0,
                            type=RunType.INTERVALS))
            cs[k - 1] = dataclasses.replace(
                cs.get(k - 1) or draw(calm_checkin(k - 1, st.just(0))), pain_next_morning=3
            )
    sessions = []
    for k in draw(st.sets(st.integers(1, 20), max_size=0 if quiet else 6)):
        pains = draw(set_pains)
        sets = tuple(
            SetLog(exercise_id="bridge_hold", set_number=n, hold_s=30.0, pain=p)
            for n, p in enumerate(pains, start=1)
        )
        sessions.append(
            StrengthSession(
                day=TODAY - timedelta(days=k),
                sets=sets,
                pain_next_morning=draw(session_next_morning),
            )
        )
    if "strength_sore" in flavours:  # a set above 5 in the latest session: regress
        sets = (SetLog(exercise_id="nordic_curl", set_number=1, reps=5, pain=6),)
        sessions.append(StrengthSession(day=TODAY - timedelta(days=1), sets=sets,
                                        pain_next_morning=0))
    if "strength_ready" in flavours:  # two clean sessions: the strength rules earn a step up
        for k in (2, 5):
            sets = (SetLog(exercise_id="nordic_curl", set_number=1, reps=5, pain=1),)
            sessions.append(StrengthSession(day=TODAY - timedelta(days=k), sets=sets,
                                            pain_next_morning=0))
    if "late" in flavours:  # past the top of the window, and some pain in the fortnight
        k = draw(st.integers(1, 13))
        cs[k] = draw(calm_checkin(k, st.sampled_from([1, 2])))
    onset = draw(
        st.integers(50, 90) if "late" in flavours
        else st.integers(45, 60) if "trigger" in flavours  # the interval days fall in it
        else st.integers(0, 40)
    )
    prof = Profile(
        injury_start=TODAY - timedelta(days=onset),
        # mid-thigh: the window a late onset is past (6 weeks, not 12)
        pain_site=PainSite.MID_THIGH if "late" in flavours
        else draw(st.sampled_from(list(PainSite))),
    )
    assessed = tuple(
        ProfessionalAssessment(TODAY - timedelta(days=k))
        for k in sorted(draw(st.sets(st.integers(0, SPAN), max_size=1)), reverse=True)
    )
    return History(
        profile=prof,
        checkins=tuple(cs[k] for k in sorted(cs, reverse=True)),
        runs=tuple(sorted(runs, key=lambda r: r.day)),
        strength_sessions=tuple(sorted(sessions, key=lambda s: s.day)),
        assessments=assessed,
    )


def _family(rule: str) -> str:
    return rule.split(".", 1)[0] if not rule.startswith("pain.") else rule


# each rule family that can raise a pain-free day, and the flavour that makes it fire
RAISERS = {
    "pain.persistent_high": "high_week",
    "pain.rising": "rising",
    "timeline": "late",
    "load": "spike",
    "technique": "overstride",
    "strength": "strength_sore",
    "triggers": "trigger",
}


def _counted(strategy, examples: int, check) -> None:
    """Run ``check`` over ``examples`` derandomized examples of ``strategy`` (the same ones
    every run, so the branch counts asserted on them are stable)."""

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(example) -> None:
        check(example)

    run()


def test_all_clear_never_beside_advice_at_caution_or_above():
    """Over pain-free, fully answered days with each family's caution branch set up in
    turn (and none: the all-clear branch), plus freely drawn calm histories."""
    seen: Counter[str] = Counter()

    def check(h):
        a = evaluate(h, TODAY)
        rules = {x.rule for x in a.advice}
        loud = [x.rule for x in a.advice if x.level.rank >= Level.CAUTION.rank]
        seen["examples"] += 1
        if "pain.clear" in rules:
            seen["all clear shown"] += 1
        if "pain.clear_with_changes" in rules:
            for fam in sorted({_family(r) for r in loud}):
                seen[f"raised by {fam}"] += 1
        if not loud:
            seen["nothing at caution or above"] += 1
        assert not ("pain.clear" in rules and loud)
        assert (a.verdict is Verdict.CONTINUE) == ("pain.clear" in rules)
        if loud:
            assert a.verdict is not Verdict.CONTINUE

    for flavour in [*RAISERS.values(), "quiet"]:
        _counted(calm_histories(flags=False, clear_today=True, force=(flavour,)), 15, check)
    _counted(calm_histories() | calm_histories(flags=False, clear_today=True), 25, check)
    print("all clear property, branch hits:", dict(seen))
    share = seen["examples"] // 10  # each branch in at least 10% of the examples
    for branch in ["all clear shown", *(f"raised by {f}" for f in RAISERS)]:
        assert seen[branch] >= share, (branch, dict(seen))


def _would_progress(h: History) -> bool:
    """The strength rules alone would say "progress" (the verdict not yet applied)."""
    from hamstring_app.core.rules.days import DayIndex
    from hamstring_app.core.rules.strength import strength_decisions

    index = DayIndex(h, TODAY)
    return any(d.decision == "progress" for d in strength_decisions(index, index.index(TODAY)))


# today's state for the strength property, each on a history where a step-up is earned:
# (pain today, warning sign, days back of the sign, extra flavour)
STRENGTH_CASES = {
    "clear": (0, None, 0, "quiet"),
    "hold pain 4": (4, None, 0, "quiet"),
    "stop pain 7": (7, None, 0, "quiet"),
    "routine referral (high week)": (0, None, 0, "high_week"),
    "routine sign 3 days back": (0, "sharp_pain", 3, "quiet"),
    "nerve signs": (0, "nerve_signs", 0, "quiet"),
    "nerve signs 6 days back": (0, "nerve_signs", 6, "quiet"),
    "possible tear": (0, "sudden_onset_with_weakness", 0, "quiet"),
}


@st.composite
def strength_case(draw, case: str) -> History:
    pain, flag, back, flavour = STRENGTH_CASES[case]
    h = draw(calm_histories(flags=False, clear_today=True, force=("strength_ready", flavour)))
    cs = {c.day: c for c in h.checkins}
    cs[TODAY] = dataclasses.replace(cs[TODAY], pain_rest=pain, pain_next_morning=min(pain, 3))
    if flag is not None:
        day = TODAY - timedelta(days=back)
        cs[day] = dataclasses.replace(cs.get(day) or CheckIn(day=day, **NO_FLAGS), **{flag: True})
    return dataclasses.replace(h, checkins=tuple(cs[d] for d in sorted(cs)))


def test_no_step_up_on_a_hold_or_stop_day_or_with_a_referral_open():
    seen: Counter[str] = Counter()

    def check(h):
        a = evaluate(h, TODAY)
        rules = {x.rule for x in a.advice}
        eligible = _would_progress(h)
        strict = a.verdict in (Verdict.HOLD, Verdict.STOP) or a.referral is not Referral.NONE
        seen["examples"] += 1
        if eligible and a.verdict in (Verdict.HOLD, Verdict.STOP):
            seen[f"step-up earned, verdict {a.verdict.value}: held"] += 1
        elif eligible and strict:
            seen["step-up earned, referral open: held"] += 1
        elif eligible:
            seen["step-up earned and shown"] += 1
        if a.strength_pause is not None:
            seen[f"strength paused ({a.strength_pause.allowed})"] += 1
        if strict:
            assert "strength.progress" not in rules
            assert all(d.decision != "progress" for d in a.strength)
        elif eligible:
            assert "strength.progress" in rules
        if a.strength_pause is not None:
            assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT

    for case in STRENGTH_CASES:
        _counted(strength_case(case), 12, check)
    _counted(calm_histories(), 30, check)
    print("strength property, branch hits:", dict(seen))
    share = seen["examples"] // 10  # each branch in at least 10% of the examples
    for branch in (
        "step-up earned and shown",
        "step-up earned, verdict hold: held",
        "step-up earned, verdict stop: held",
        "step-up earned, referral open: held",
        "strength paused (isometrics)",
        "strength paused (none)",
    ):
        assert seen[branch] >= share, (branch, dict(seen))


@st.composite
def with_urgent_sign(draw, back: int, where: str):
    """A calm history with one urgent sign ``back`` days ago, and an assessment before it
    (resolves nothing), on or after it (resolves it), or none."""
    h = draw(calm_histories(flags=False))
    flag = draw(st.sampled_from(URGENT))
    day = TODAY - timedelta(days=back)
    old = next((c for c in h.checkins if c.day == day), CheckIn(day=day, **NO_FLAGS))
    flagged = dataclasses.replace(old, **{flag: True})
    cs = sorted([*(c for c in h.checkins if c.day != day), flagged], key=lambda c: c.day)
    assessed: tuple[ProfessionalAssessment, ...] = ()
    if where == "before":
        assessed = (ProfessionalAssessment(day - timedelta(days=draw(st.integers(1, 30)))),)
    elif where == "after":
        gap = draw(st.integers(0, back - 1))
        assessed = (
            ProfessionalAssessment(
                day + timedelta(days=gap),
                draw(st.none() | st.sampled_from(list(AssessmentOutcome))),
            ),
        )
    return dataclasses.replace(h, checkins=tuple(cs), assessments=assessed)


URGENT_BACKS = (0, 1, 7, 13, 14, 15, 30, 59, 60, 120, 400)


def _bucket(back: int) -> str:
    return (
        "today" if back == 0 else "1-13 days" if back < 14 else "14-59 days" if back < 60
        else "60+ days"
    )


def test_an_open_urgent_sign_keeps_stop_and_urgent_at_any_distance():
    seen: Counter[str] = Counter()

    def checker(back: int, where: str):
        def check(h):
            a = evaluate(h, TODAY)
            seen["examples"] += 1
            seen[f"sign {_bucket(back)} ago"] += 1
            seen[f"assessment {where}"] += 1
            if where == "after":  # resolved: the only sign in this history was assessed
                assert a.referral is not Referral.URGENT
                return
            assert a.verdict is Verdict.STOP
            assert a.referral is Referral.URGENT
            assert a.recovery.status != "recovered"
            assert "pain.clear" not in {x.rule for x in a.advice}

        return check

    per_bucket = Counter(_bucket(b) for b in URGENT_BACKS)
    for back in URGENT_BACKS:
        examples = 12 // per_bucket[_bucket(back)]  # each distance bucket weighs the same
        for where in ("none", "before", "after") if back else ("none", "before"):
            _counted(with_urgent_sign(back, where), examples, checker(back, where))
    print("urgent sign property, branch hits:", dict(seen))
    share = seen["examples"] // 10
    for branch in ("today", "1-13 days", "14-59 days", "60+ days"):
        assert seen[f"sign {branch} ago"] >= share, (branch, dict(seen))
    for where in ("none", "before", "after"):
        assert seen[f"assessment {where}"] >= share, (where, dict(seen))


# the sign already open before one is added: none, a routine one 4 days back (within its 14
# days), or an urgent one 10 days back (open until assessed); each unassessed
OPEN_BEFORE = {"none": None, "routine": (4, "sharp_pain"), "urgent": (10, URGENT[0])}


def _with_flag(h: History, back: int, flag: str) -> History:
    day = TODAY - timedelta(days=back)
    old = next((c for c in h.checkins if c.day == day), CheckIn(day=day, **NO_FLAGS))
    cs = [*(c for c in h.checkins if c.day != day), dataclasses.replace(old, **{flag: True})]
    return dataclasses.replace(h, checkins=tuple(sorted(cs, key=lambda c: c.day)))


@st.composite
def with_added_sign(draw, back: int, flag: str, before: str):
    """A calm history (with the sign ``before`` names left open) and the same with ``flag``
    answered yes ``back`` days ago."""
    h = draw(calm_histories())
    if OPEN_BEFORE[before] is not None:
        h = dataclasses.replace(_with_flag(h, *OPEN_BEFORE[before]), assessments=())
    return h, _with_flag(h, back, flag)


def test_adding_a_warning_sign_never_lowers_the_verdict_or_referral():
    seen: Counter[str] = Counter()

    def checker(kind: str, where: str):
        def check(case):
            h, more = case
            before, after = evaluate(h, TODAY), evaluate(more, TODAY)
            seen["examples"] += 1
            seen[f"{kind} sign added {where}"] += 1
            seen[f"referral before {before.referral.value}"] += 1
            assert after.verdict >= before.verdict
            assert after.referral.rank >= before.referral.rank

        return check

    for back in (0, 1, 5, 13, 14, 20, 45):
        where = "today" if back == 0 else "within 14 days" if back < 14 else "14+ days back"
        for flag in RED_FLAG_FIELDS:
            kind = "urgent" if flag in URGENT else "routine"
            # more examples for a sign today, most for an urgent one (the case that matters
            # most); the four routine signs get two each so their cell is still reached
            examples = (3 if kind == "urgent" else 2) if back == 0 else 1
            for before in OPEN_BEFORE:
                _counted(with_added_sign(back, flag, before), examples, checker(kind, where))
    print("added sign property, branch hits:", dict(seen))
    n = seen["examples"]
    # an urgent sign added today, and each referral already open before, in 10% or more of
    # the examples; each other kind x distance cell in 5% or more
    assert seen["urgent sign added today"] >= n / 10, dict(seen)
    for referral in ("none", "routine", "urgent"):
        assert seen[f"referral before {referral}"] >= n / 10, dict(seen)
    for kind in ("urgent", "routine"):
        for where in ("today", "within 14 days", "14+ days back"):
            assert seen[f"{kind} sign added {where}"] >= n / 20, dict(seen)
