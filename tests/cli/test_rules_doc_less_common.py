"""docs/rules.md and docs/assess.md on the five less common warning signs, through `assess`:
each alone is urgent and stays open until assessed; left out, nothing changes."""

from __future__ import annotations

import io
import json

import pytest
from rules_doc_helpers import ago, assess, checkin, doc, rules

from hamstring_app.assess import run_assess

LESS_COMMON = (
    "bruising_after_sudden_pain",
    "difficulty_walking",
    "foot_weakness",
    "night_or_rest_pain",
    "feeling_unwell",
)


@pytest.mark.parametrize("sign", LESS_COMMON)
def test_each_less_common_sign_alone_is_urgent(sign):
    """'Referral urgent (see a professional today, or within 24-48 hours) for ...'"""
    got = assess(doc([checkin(0, 0, **{sign: True})]))
    assert got["verdict"] == "stop"
    assert got["referral"] == "urgent"
    assert "24-48 hours" in got["referral_reason"]
    assert "bladder" in got["referral_reason"]  # the emergency sentence stays
    advice = rules(got)["pain.red_flag"]
    assert advice["level"] == "danger" and "bladder" in advice["message"]
    assert advice["why"]["red_flags"] == sign


@pytest.mark.parametrize("sign", LESS_COMMON)
def test_each_stays_open_until_an_assessment_on_or_after_its_day(sign):
    rows = [checkin(40, 1, **{sign: True})] + [checkin(k, 0) for k in range(20)]
    got = assess(doc(rows))
    assert (got["verdict"], got["referral"]) == ("stop", "urgent")
    assert rules(got)["pain.recent_red_flag"]["level"] == "danger"
    seen = assess({**doc(rows), "assessments": [{"date": ago(40)}]})
    assert seen["referral"] == "none" and "pain.recent_red_flag" not in rules(seen)


def test_left_out_or_answered_no_gives_the_same_output():
    """'an input without them gives the same output as before they existed'"""
    rows = [checkin(k, 0) for k in range(10)]
    without = assess(doc(rows))
    with_no = assess(doc([{**r, **dict.fromkeys(LESS_COMMON, False)} for r in rows]))
    assert without == with_no
    assert without["verdict"] == "continue"


@pytest.mark.parametrize(
    ("sign", "allowed"),
    [("bruising_after_sudden_pain", "none"), ("difficulty_walking", "none"),
     ("foot_weakness", "isometrics"), ("night_or_rest_pain", "isometrics"),
     ("feeling_unwell", "isometrics")],
)
def test_strength_pause_for_a_possible_tear(sign, allowed):
    """'With a possible tear open (sudden pain with weakness, bruising ..., or difficulty
    walking or sitting ...) nothing is offered'"""
    got = assess(doc([checkin(0, 0, **{sign: True})]))
    assert got["strength_pause"]["allowed"] == allowed


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_anything_but_true_or_false_is_refused(value):
    """'true/false'"""
    row = {**checkin(0, 0), "foot_weakness": value}
    out, err = io.StringIO(), io.StringIO()
    code = run_assess(
        file="-", use_db=False, data_dir=None, today=None,
        stdin=io.StringIO(json.dumps(doc([row]))), stdout=out, stderr=err,
    )
    assert code == 2
    assert "foot_weakness" in err.getvalue() and out.getvalue() == ""
