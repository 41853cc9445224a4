"""Technique rules: cadence target, long descents while sore, overstriding signs."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, ago, clean, history, profile, run

from hamstring_app.core.rules import evaluate


def rules_of(h):
    return {a.rule: a for a in evaluate(h, TODAY).advice}


def test_cadence_target_is_five_to_ten_percent_above_usual():
    h = history([clean(TODAY, pain_rest=2)], prof=profile(ago(10), usual_cadence_spm=170))
    got = rules_of(h)["technique.cadence"]
    assert got.why["target_low_spm"] == 179  # 178.5 rounded up: at least +5%
    assert got.why["target_high_spm"] == 187
    assert "mixed" in got.evidence


@pytest.mark.parametrize(("recent", "reached"), [(178, False), (179, True), (180, True)])
def test_cadence_target_reached(recent, reached):
    h = history(
        [clean(TODAY, pain_rest=2)],
        runs=[run(ago(2), 5.0, cadence_spm=recent)],
        prof=profile(ago(10), usual_cadence_spm=170),
    )
    assert rules_of(h)["technique.cadence"].why["target_reached"] is reached


def test_no_cadence_advice_when_pain_free_and_unknown_cadence_is_said():
    h = history([clean(TODAY)], prof=profile(ago(10), usual_cadence_spm=170))
    assert "technique.cadence" not in rules_of(h)
    sore = evaluate(history([clean(TODAY, pain_rest=2)]), TODAY)
    assert any("cadence" in u for u in sore.unknowns)


def test_usual_cadence_from_runs_when_profile_has_none():
    runs = [run(ago(k), 5.0, cadence_spm=160) for k in (20, 25, 30)]
    got = rules_of(history([clean(TODAY, pain_rest=1)], runs=runs))["technique.cadence"]
    assert got.why["usual_from"] == "first 4 weeks of runs"
    assert got.why["target_low_spm"] == 168


@pytest.mark.parametrize(
    ("descent", "pain", "fires"),
    [(199.0, 2, False), (200.0, 2, True), (201.0, 2, True), (400.0, 0, False)],
)
def test_downhill_while_symptomatic(descent, pain, fires):
    h = history([clean(TODAY, pain_rest=pain)], runs=[run(ago(3), 10.0, descent_m=descent)])
    assert ("technique.downhill" in rules_of(h)) is fires


@pytest.mark.parametrize(("days", "fires"), [(13, True), (14, False)])
def test_downhill_window(days, fires):
    h = history([clean(TODAY, pain_rest=2)], runs=[run(ago(days), 10.0, descent_m=300.0)])
    assert ("technique.downhill" in rules_of(h)) is fires


@pytest.mark.parametrize(
    ("signs", "fires"),
    [
        ({}, False),
        ({"overstride_long_stride": False}, False),
        ({"overstride_long_stride": True}, True),
        ({"overstride_loud_landing": True, "overstride_heel_ahead": True}, True),
    ],
)
def test_overstriding_from_check_in(signs, fires):
    assert ("technique.overstriding" in rules_of(history([clean(TODAY, **signs)]))) is fires
