"""The five less common warning signs (bruising after a sudden pain, difficulty walking or
sitting, foot weakness, night or rest pain that does not ease, feeling unwell): each is urgent,
stays open until assessed, and an unanswered one changes nothing (it was not asked before)."""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import TODAY, ago, history, profile

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import (
    DAILY_RED_FLAG_FIELDS,
    LESS_COMMON_RED_FLAG_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    Referral,
    ValidationError,
    Verdict,
)
from hamstring_app.core.rules import evaluate
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.pain import EMERGENCY, RED_FLAG_WORDS

NEW = LESS_COMMON_RED_FLAG_FIELDS


def rules_of(a):
    return {x.rule: x for x in a.advice}


def daily_clean(day, **kw):
    """Pain-free, the six everyday signs answered no, the five less common left unanswered."""
    values = {
        "pain_rest": 0,
        "pain_next_morning": 0,
        "settled_within_24h": True,
        **dict.fromkeys(DAILY_RED_FLAG_FIELDS, False),
        **kw,
    }
    return CheckIn(day=day, **values)


def test_the_five_names_and_their_place_in_the_set():
    assert NEW == (
        "bruising_after_sudden_pain",
        "difficulty_walking",
        "foot_weakness",
        "night_or_rest_pain",
        "feeling_unwell",
    )
    assert RED_FLAG_FIELDS == DAILY_RED_FLAG_FIELDS + NEW
    assert len(DAILY_RED_FLAG_FIELDS) == 6
    assert set(NEW) <= set(T.URGENT_RED_FLAGS)
    assert set(RED_FLAG_WORDS) == set(RED_FLAG_FIELDS)


@pytest.mark.parametrize("flag", NEW)
def test_a_less_common_sign_must_be_true_false_or_unanswered(flag):
    assert getattr(CheckIn(day=TODAY), flag) is None
    assert CheckIn(day=TODAY, **{flag: True}).red_flags == (flag,)
    with pytest.raises(ValidationError, match=flag):
        CheckIn(day=TODAY, **{flag: 1})


@pytest.mark.parametrize("flag", NEW)
def test_each_sign_alone_today_stops_with_an_urgent_referral(flag):
    a = evaluate(history([daily_clean(TODAY, **{flag: True})], prof=profile(ago(10))), TODAY)
    assert a.verdict is Verdict.STOP
    assert a.referral is Referral.URGENT
    item = rules_of(a)["pain.red_flag"]
    assert RED_FLAG_WORDS[flag] in item.message
    assert "24-48 hours" in a.referral_reason
    assert EMERGENCY in a.referral_reason
    assert "pain.clear" not in rules_of(a)


@pytest.mark.parametrize("flag", NEW)
def test_each_sign_answered_no_or_unanswered_changes_nothing(flag):
    """The day with every less common sign unanswered is all clear, as before they were
    asked; answering one no gives the same, and the unknowns do not list them."""
    base = evaluate(history([daily_clean(TODAY)], prof=profile(ago(10))), TODAY)
    no = evaluate(history([daily_clean(TODAY, **{flag: False})], prof=profile(ago(10))), TODAY)
    assert base.verdict is Verdict.CONTINUE and base.referral is Referral.NONE
    assert (no.verdict, no.referral, no.unknowns) == (base.verdict, base.referral, base.unknowns)
    assert not any(RED_FLAG_WORDS[f] in u for u in base.unknowns for f in NEW)


def test_an_everyday_sign_unanswered_still_holds_back_all_clear():
    a = evaluate(
        history([daily_clean(TODAY, sharp_pain=None)], prof=profile(ago(10))), TODAY
    )
    assert a.verdict is Verdict.MODIFY
    assert any("sharp pain" in u for u in a.unknowns)


@pytest.mark.parametrize("back", [1, 13, 14, 15, 60])
@pytest.mark.parametrize("flag", NEW)
def test_each_sign_stays_open_until_assessed(flag, back):
    cs = [daily_clean(ago(k)) for k in range(0, back)]
    cs.append(daily_clean(ago(back), **{flag: True}))
    h = history(cs, prof=profile(ago(back + 3)))
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    item = rules_of(a)["pain.recent_red_flag"]
    assert RED_FLAG_WORDS[flag] in item.message
    assert a.recovery.status != "recovered"
    # an assessment on the sign's own day resolves it; one the day before does not
    on_day = dataclasses.replace(h, assessments=(ProfessionalAssessment(ago(back)),))
    after = evaluate(on_day, TODAY)
    assert after.referral is Referral.NONE and after.verdict is Verdict.CONTINUE
    before = dataclasses.replace(h, assessments=(ProfessionalAssessment(ago(back + 1)),))
    assert evaluate(before, TODAY).referral is Referral.URGENT


@pytest.mark.parametrize("flag", NEW)
def test_yesterdays_check_in_carried_keeps_the_sign(flag):
    h = history(
        [daily_clean(ago(k)) for k in range(2, 6)] + [daily_clean(ago(1), **{flag: True})],
        prof=profile(ago(8)),
    )
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    assert "pain.red_flag" in rules_of(a)
    seen = dataclasses.replace(h, assessments=(ProfessionalAssessment(ago(1)),))
    assert evaluate(seen, TODAY).referral is not Referral.URGENT


@pytest.mark.parametrize("flag", NEW)
def test_a_routine_sign_today_does_not_lower_an_open_less_common_sign(flag):
    cs = [daily_clean(ago(k)) for k in range(1, 20)] + [daily_clean(ago(20), **{flag: True})]
    a = evaluate(history([*cs, daily_clean(TODAY, sharp_pain=True)], prof=profile(ago(25))), TODAY)
    assert a.verdict is Verdict.STOP and a.referral is Referral.URGENT
    assert RED_FLAG_WORDS[flag] in a.referral_reason


@pytest.mark.parametrize(
    ("flag", "allowed", "named"),
    [
        ("bruising_after_sudden_pain", "none", "Bruising at the back of the thigh"),
        ("difficulty_walking", "none", "Difficulty walking or sitting"),
        ("foot_weakness", "isometrics", None),
        ("night_or_rest_pain", "isometrics", None),
        ("feeling_unwell", "isometrics", None),
    ],
)
def test_strength_pauses_and_a_possible_tear_allows_nothing(flag, allowed, named):
    today = evaluate(history([daily_clean(TODAY, **{flag: True})], prof=profile(ago(10))), TODAY)
    cs = [daily_clean(ago(k)) for k in range(0, 30)] + [daily_clean(ago(30), **{flag: True})]
    later = evaluate(history(cs, prof=profile(ago(40))), TODAY)
    for a in (today, later):
        assert a.strength_pause is not None
        assert a.strength_pause.allowed == allowed
        if named is not None:
            assert a.strength_pause.reason == "possible_tear"
            assert a.strength_pause.message.startswith(f"Strength work is paused. {named}")
            assert "tear" in a.strength_pause.message


def test_the_sudden_pain_pause_keeps_its_words():
    a = evaluate(
        history([daily_clean(TODAY, sudden_onset_with_weakness=True, difficulty_walking=True)],
                prof=profile(ago(10))),
        TODAY,
    )
    assert a.strength_pause is not None
    assert a.strength_pause.message.startswith(
        "Strength work is paused. Sudden pain with weakness can be a tear"
    )
