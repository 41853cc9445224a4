"""Distances in advice text and load-event details follow the profile's units.

The "why" numbers stay in km under their *_km keys; only the words change.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from rules_helpers import TODAY, ago, clean, history, profile, run

from hamstring_app.core.models import RunType, Units
from hamstring_app.core.rules import evaluate, load_events
from hamstring_app.core.rules.units import distance_text

KM_WORD = re.compile(r"\bkm\b")
MILES = profile(ago(60), units=Units.MILES)
KM = profile(ago(60), units=Units.KM)


def advice_of(h, rule, today=TODAY):
    return next(a for a in evaluate(h, today).advice if a.rule == rule)


def spike_history(prof):
    return history([clean(TODAY)], runs=[run(ago(10), 10.0), run(TODAY, 20.1)], prof=prof)


def weekly_history(prof):
    runs = [run(ago(k), 10.0) for k in (8, 15, 22)] + [run(ago(1), 16.0)]
    return history([clean(ago(27)), clean(TODAY)], runs=runs, prof=prof)


def return_history(prof):
    last_before = TODAY.toordinal() - 15
    runs = [run(date.fromordinal(last_before - 7 * k), 20.0) for k in range(4)]
    runs.append(run(TODAY, 16.0))
    since = clean(date.fromordinal(last_before - 27))
    return history([since, clean(TODAY)], runs=runs, prof=prof)


@pytest.mark.parametrize(
    ("km", "units", "text"),
    [
        (15.4, Units.KM, "15.4 km"),
        (15.44, Units.KM, "15.4 km"),
        (15.4, Units.MILES, "9.6 mi"),
        (1.609344, Units.MILES, "1.0 mi"),
        (42.195, Units.MILES, "26.2 mi"),
        (0.0, Units.MILES, "0.0 mi"),
    ],
)
def test_distance_text(km, units, text):
    assert distance_text(km, units) == text


@pytest.mark.parametrize(
    ("make", "rule", "parts", "why"),
    [
        (spike_history, "load.single_run_spike", ("12.5 mi", "6.2 mi"), {"run_km": 20.1}),
        (weekly_history, "load.weekly_increase", ("9.9 mi", "6.2 mi"), {"weekly_km": 16.0}),
        (return_history, "load.return_after_break", ("9.9 mi", "12.4 mi"), {"weekly_km": 16.0}),
    ],
)
def test_miles_profile_gives_miles_in_load_advice(make, rule, parts, why):
    a = advice_of(make(MILES), rule)
    for part in parts:
        assert part in a.message
    assert not KM_WORD.search(a.message) and not KM_WORD.search(a.title)
    for key, value in why.items():
        assert a.why[key] == value  # the numbers stay in km


@pytest.mark.parametrize(
    ("make", "rule", "parts"),
    [
        (spike_history, "load.single_run_spike", ("20.1 km", "(10.0 km)")),
        (weekly_history, "load.weekly_increase", ("16.0 km", "10.0 km")),
        (return_history, "load.return_after_break", ("16.0 km", "20.0 km a week")),
    ],
)
@pytest.mark.parametrize("prof", [KM, None])
def test_km_profile_or_no_profile_keeps_km(make, rule, parts, prof):
    a = advice_of(make(prof), rule)
    for part in parts:
        assert part in a.message
    assert " mi" not in a.message


def test_no_advice_text_mentions_km_for_a_miles_runner():
    runs = [run(ago(k), 8.0, descent_m=250.0) for k in range(30, 60, 3)]
    runs += [run(ago(k), 8.0, rpe=8, descent_m=300.0) for k in (2, 3)]
    runs += [run(ago(1), 25.0, type=RunType.INTERVALS)]  # spike, return, speed work
    cs = [clean(ago(k), pain_rest=1) for k in range(0, 60)]
    a = evaluate(history(cs, runs=runs, prof=MILES), TODAY)
    fired = {x.rule for x in a.advice}
    assert {"load.single_run_spike", "load.return_after_break", "technique.downhill"} <= fired
    texts = [x.title + " " + x.message for x in a.advice] + [t.message for t in a.triggers]
    assert any(" mi" in t for t in texts)
    assert not [t for t in texts if KM_WORD.search(t)]


def load_event_runs():
    runs = [run(ago(k), 5.0) for k in range(60, 80, 2)]
    runs += [run(ago(38), 12.0)]  # spike
    runs += [run(ago(k), 6.0) for k in range(2, 9)]  # return after a break, weekly jump
    return runs


def test_load_event_details_in_miles():
    events = load_events(history(runs=load_event_runs(), prof=MILES))
    by_rule = {e.rule: e.detail for e in events}
    assert by_rule["load.single_run_spike"].startswith("7.5 mi, ")
    assert "(3.1 mi)" in by_rule["load.single_run_spike"]
    assert " mi in 7 days" in by_rule["load.weekly_increase"]
    assert " mi a week)" in by_rule["load.return_after_break"]
    assert not [e.detail for e in events if KM_WORD.search(e.detail)]


@pytest.mark.parametrize("prof", [KM, None])
def test_load_event_details_in_km_unchanged(prof):
    events = load_events(history(runs=load_event_runs(), prof=prof))
    spike = next(e for e in events if e.rule == "load.single_run_spike")
    assert spike.detail == (
        "12.0 km, 140% longer than the longest run of the 30 days before (5.0 km)"
    )
    assert not [e.detail for e in events if " mi" in e.detail]
