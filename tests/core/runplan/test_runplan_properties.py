"""Properties of the prescription over generated histories, with the branches they reach
counted: every verdict, the ladder's states and each kind of day must be reached."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import TODAY

from hamstring_app.core.models import (
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    Profile,
    Run,
    RunType,
    StrengthSession,
    Units,
    Verdict,
)
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex

SPAN = 45
EXAMPLES = 120
LEVELS = {"clear": (0, 0), "mild": (1, 3), "moderate": (4, 5), "high": (6, 8)}


@st.composite
def histories(draw):
    """A runner's last 45 days: an earlier and a recent state (clear, mild, moderate or high
    pain, or a warning sign), regular runs around one distance, sometimes a gap."""
    earlier = draw(st.sampled_from(["clear", "clear", "mild", "mild", "moderate", "high"]))
    recent = draw(st.sampled_from([*sorted(LEVELS), "clear", "mild", "warning"]))
    switch = draw(st.integers(0, 20))  # the recent state began this many days ago
    skip = draw(st.sampled_from([0, 0, 3, 5]))  # every n-th day without a check-in
    base_km = draw(st.floats(3.0, 15.0, allow_nan=False))
    every = draw(st.integers(1, 3))
    gap = draw(st.none() | st.integers(0, 20))  # a 16-day gap ending this many days ago
    hard = draw(st.sampled_from([None, *RunType]))
    jitter = draw(st.lists(st.integers(0, 1), min_size=SPAN + 1, max_size=SPAN + 1))
    flag = draw(st.sampled_from(RED_FLAG_FIELDS))
    checkins, runs = [], []
    for k in range(SPAN, -1, -1):
        day = TODAY - timedelta(days=k)
        state = recent if k <= switch else earlier
        level = "clear" if state == "warning" else state
        low, high = LEVELS[level]
        pain = low if jitter[k] == 0 else high
        if not (skip and k % skip == 1):
            flags = {f: (state == "warning" and k == switch and f == flag)
                     for f in RED_FLAG_FIELDS}
            checkins.append(CheckIn(
                day=day, pain_rest=pain, pain_next_morning=pain,
                settled_within_24h=True, **flags,
            ))
        in_gap = gap is not None and gap <= k <= gap + 16
        if k % every == 0 and not in_gap:
            kind = hard if (hard is not None and k % 7 == 3) else RunType.EASY
            runs.append(Run(
                day=day, distance_km=base_km * (1 + 0.04 * jitter[k]),
                duration_min=base_km * 6, type=kind, rpe=4, pain=pain,
            ))
    profile = Profile(
        # a recent onset leaves the earlier days out of the episode (and off the ladder)
        injury_start=TODAY - timedelta(days=draw(st.sampled_from([switch, SPAN]))),
        usual_cadence_spm=draw(st.none() | st.integers(150, 185)),
        units=draw(st.sampled_from(list(Units))),
    )
    return History(profile=profile, checkins=tuple(checkins), runs=tuple(runs))


def test_prescription_properties_and_the_branches_they_reach():
    seen: Counter[str] = Counter()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same examples every run: the branch counts below are stable
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(histories())
    def check(h: History) -> None:
        a = evaluate(h, TODAY)
        p = a.prescription
        assert p is not None
        t = p.today
        seen[f"verdict:{a.verdict.value}"] += 1
        seen[f"kind:{t.kind}"] += 1
        seen[f"ladder:{p.ladder.status if p.ladder else 'off'}"] += 1
        index = DayIndex(h, TODAY)
        ref = index.prev_max[index.index(TODAY)]
        guard = ref * (1 + T.RUN_GUARD_PCT / 100) + 1e-9
        # never intensity unless the verdict is continue and the runner is off the ladder
        if a.verdict is not Verdict.CONTINUE:
            assert not t.intensity_allowed
            assert not any(d.key for d in p.week)
        # never a distance above the single-run guard, today or in the week
        if ref > 0:
            if t.running:
                assert t.max_distance_km is not None
            for km in (t.max_distance_km, *(d.max_distance_km for d in p.week)):
                assert km is None or km <= guard
        # never running on stop
        if a.verdict is Verdict.STOP:
            assert t.kind == "no_run" and not t.running
            assert t.max_distance_km == 0 and t.max_minutes == 0
            assert not p.week[0].running
        # the week: 7 days from today, strength never the day before a key run
        assert [d.day for d in p.week] == [TODAY + timedelta(days=k) for k in range(7)]
        for d, nxt in zip(p.week, p.week[1:], strict=False):
            assert not (d.strength and nxt.key)
        json.dumps(p.to_dict())

    check()
    print(dict(sorted(seen.items())))
    for verdict in Verdict:
        assert seen[f"verdict:{verdict.value}"] >= EXAMPLES // 20, seen
    for key in ("ladder:off", "ladder:active", "ladder:waiting", "kind:ladder", "kind:no_run",
                "kind:run", "kind:rest",
                "kind:short_easy", "kind:easy"):
        assert seen[key] >= 3, seen


def test_the_week_plans_strength_as_asked_within_the_rules():
    seen: Counter[str] = Counter()

    @settings(
        max_examples=EXAMPLES // 4,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(histories(), st.sampled_from([None, 0, 1, 1, 2]))  # strength this many days ago
    def check(h: History, lifted: int | None) -> None:
        if lifted is not None:
            h = replace(h, strength_sessions=(StrengthSession(TODAY - timedelta(days=lifted)),))
        for want in range(T.WEEK_STRENGTH_MIN, T.WEEK_STRENGTH_MAX + 1):
            a = evaluate(h, TODAY, strength_per_week=want)
            assert a.prescription is not None
            week = a.prescription.week
            for d, nxt in pairwise(week):
                assert not (d.strength and nxt.key)
                assert not (d.strength and nxt.strength)
            planned = sum(d.strength for d in week)
            assert planned <= want
            if a.referral.value == "urgent":
                assert planned == 0
                seen["paused"] += 1
                continue
            if lifted == 0:  # today's session is in the plan
                assert week[0].strength
            seen["as_asked" if planned == want else "fewer"] += 1
            seen[f"as_asked:{want}"] += planned == want

    check()
    print(dict(sorted(seen.items())))
    for key in ("fewer", *(f"as_asked:{n}" for n in range(1, 5))):
        assert seen[key] >= 3, seen
