"""Recovery window, status, pain trend and personal triggers."""

from __future__ import annotations

import pytest
from rules_helpers import TODAY, PainSite, RunType, ago, clean, history, profile, run

from hamstring_app.core.models import Referral
from hamstring_app.core.rules import evaluate


@pytest.mark.parametrize(
    ("site", "long_standing", "window"),
    [
        (PainSite.MID_THIGH, False, (2, 6)),
        (PainSite.MID_THIGH, True, (6, 12)),
        (PainSite.HIGH_NEAR_SIT_BONE, False, (6, 12)),  # the source article's longer window
        (PainSite.HIGH_NEAR_SIT_BONE, True, (12, 26)),  # full tendon programme, Goom 2016
    ],
)
def test_expected_window(site, long_standing, window):
    h = history([clean(TODAY, pain_rest=2)], prof=profile(ago(7), pain_site=site,
                                                          long_standing=long_standing))
    rec = evaluate(h, TODAY).recovery
    assert rec.expected_window_weeks == window
    assert rec.weeks_since_onset == 1.0


@pytest.mark.parametrize(
    ("days", "status", "referral"),
    [
        (42, "on_track", Referral.NONE),  # exactly 6 weeks
        (43, "slower_than_expected", Referral.ROUTINE),
        (60, "slower_than_expected", Referral.ROUTINE),
    ],
)
def test_slower_than_expected(days, status, referral):
    a = evaluate(history([clean(TODAY, pain_rest=2)], prof=profile(ago(days))), TODAY)
    assert a.recovery.status == status
    assert a.referral is referral
    if referral is Referral.ROUTINE:
        assert "qualified health professional" in a.referral_reason
        assert "timeline.slower_than_expected" in {x.rule for x in a.advice}


@pytest.mark.parametrize(("calm_days", "status"), [(6, "slower_than_expected"), (7, "recovered")])
def test_recovered_needs_seven_pain_free_days_in_fourteen(calm_days, status):
    cs = [clean(ago(2 * k)) for k in range(calm_days)]
    a = evaluate(history(cs, prof=profile(ago(100))), TODAY)
    assert a.recovery.status == status


def test_any_pain_in_fourteen_days_is_not_recovered():
    cs = [clean(ago(k)) for k in range(14)] + [clean(ago(13), pain_rest=1)]
    a = evaluate(history(cs, prof=profile(ago(20))), TODAY)
    assert a.recovery.status == "on_track"


@pytest.mark.parametrize(
    ("then", "now", "trend"),
    [(3, 2, "better"), (2, 2, "same"), (2, 3, "worse"), (None, 2, "unknown")],
)
def test_pain_trend(then, now, trend):
    cs = [clean(ago(k), pain_rest=now) for k in range(7)]
    if then is not None:
        cs += [clean(ago(k), pain_rest=then) for k in range(14, 21)]
    rec = evaluate(history(cs), TODAY).recovery
    assert rec.pain_trend == trend
    assert rec.pain_mean_7d == now


def test_missing_profile_is_named():
    a = evaluate(history([clean(ago(3), pain_rest=2), clean(TODAY)]), TODAY)
    assert a.recovery.weeks_since_onset == pytest.approx(3 / 7, abs=0.05)
    assert any("started" in u for u in a.unknowns)


def trigger_history(feature_days, feature_morning, other_morning, other_days=4):
    runs, cs = [], []
    for k in range(feature_days):
        day = ago(30 + 3 * k)
        runs.append(run(day, 8.0, type=RunType.INTERVALS))
        cs.append(clean(ago(29 + 3 * k), pain_next_morning=feature_morning))
    for k in range(other_days):
        day = ago(3 + 2 * k)
        runs.append(run(day, 8.0))
        cs.append(clean(ago(2 + 2 * k), pain_next_morning=other_morning))
    return history(cs, runs=runs)


@pytest.mark.parametrize(
    ("n", "after", "other", "found"),
    [
        (3, 3, 2, True),  # exactly 1 point above
        (3, 3, 3, False),
        (2, 5, 1, False),  # too few interval days
        (4, 4, 1, True),
    ],
)
def test_personal_trigger(n, after, other, found):
    a = evaluate(trigger_history(n, after, other), TODAY)
    features = [t.feature for t in a.triggers]
    assert ("intervals" in features) is found
    if found:
        t = a.triggers[features.index("intervals")]
        assert t.runs == n and t.mean_after == after
        assert "triggers.intervals" in {x.rule for x in a.advice}


def test_trigger_needs_three_other_days():
    assert evaluate(trigger_history(3, 4, 1, other_days=2), TODAY).triggers == ()


@pytest.mark.parametrize(
    ("long_standing", "weeks", "status"),
    [(False, 12, "on_track"), (False, 13, "slower_than_expected"), (True, 13, "on_track")],
)
def test_sit_bone_pain_follows_the_article_unless_long_standing(long_standing, weeks, status):
    prof = profile(ago(7 * weeks), pain_site=PainSite.HIGH_NEAR_SIT_BONE,
                   long_standing=long_standing)
    a = evaluate(history([clean(TODAY, pain_rest=2)], prof=prof), TODAY)
    assert a.recovery.status == status


def test_window_evidence_says_which_window_comes_from_where():
    prof = profile(ago(100), pain_site=PainSite.HIGH_NEAR_SIT_BONE)
    a = evaluate(history([clean(TODAY, pain_rest=2)], prof=prof), TODAY)
    item = next(x for x in a.advice if x.rule == "timeline.slower_than_expected")
    assert "6-12" in item.evidence and "Goom" in item.evidence and "3-6 months" in item.evidence
    assert "long-standing" in item.evidence


def test_recovered_message_speaks_only_of_the_days_recorded():
    cs = [clean(ago(2 * k)) for k in range(7)]
    a = evaluate(history(cs, prof=profile(ago(100))), TODAY)
    item = next(x for x in a.advice if x.rule == "timeline.recovered")
    assert item.message.startswith("No pain on any day you recorded in the last two weeks.")
