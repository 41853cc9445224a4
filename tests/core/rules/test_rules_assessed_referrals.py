"""A routine referral that asks the runner to book an assessment is answered by one.

"Taking longer than usual" (timeline.slower_than_expected) and "high pain on several days"
(pain.persistent_high) each ask for an assessment in the coming days or weeks. Once the
runner records that a professional has assessed them, after the thing the referral is about
(the recovery already slower than expected; the high-pain days), the app stops asking
again: the professional has seen it. Newer evidence opens it again.
"""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import TODAY, ago, clean, history, profile

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import Level, Referral, Verdict
from hamstring_app.core.rules import evaluate

ONSET = 60  # days ago; mid-thigh window 2-6 weeks: slower than expected from day 43 on
FIRST_SLOW = ONSET - 43  # days ago: the first day counted as slower than expected


def rules_of(a):
    return {x.rule: x for x in a.advice}


def slow(*assessments: ProfessionalAssessment):
    """Nine weeks of mild pain that has not settled."""
    cs = [clean(ago(k), pain_rest=2, pain_next_morning=2) for k in range(0, 30)]
    return dataclasses.replace(history(cs, prof=profile(ago(ONSET))), assessments=assessments)


def test_without_an_assessment_it_asks_for_one():
    a = evaluate(slow(), TODAY)
    assert a.recovery.status == "slower_than_expected"
    assert a.referral is Referral.ROUTINE
    assert "book an assessment" in a.referral_reason
    assert rules_of(a)["timeline.slower_than_expected"].level is Level.WARNING


@pytest.mark.parametrize("back", [0, 7, FIRST_SLOW])
@pytest.mark.parametrize("outcome", [None, AssessmentOutcome.CLEARED_TO_RUN,
                                     AssessmentOutcome.REHAB_ONLY])
def test_an_assessment_once_it_was_slower_than_expected_answers_it(back, outcome):
    a = evaluate(slow(ProfessionalAssessment(ago(back), outcome)), TODAY)
    assert a.recovery.status == "slower_than_expected"  # still a fact
    assert a.referral is Referral.NONE and a.referral_reason == ""
    item = rules_of(a)["timeline.slower_than_expected"]
    assert item.level is Level.CAUTION
    assert "book an assessment" not in item.message
    assert ago(back).isoformat() in item.message
    assert item.why["assessed_on"] == ago(back).isoformat()
    assert a.verdict is (Verdict.STOP if outcome is AssessmentOutcome.REHAB_ONLY
                         else Verdict.MODIFY)


@pytest.mark.parametrize("back", [FIRST_SLOW + 1, FIRST_SLOW + 10, ONSET + 5])
def test_an_assessment_before_that_does_not(back):
    a = evaluate(slow(ProfessionalAssessment(ago(back), AssessmentOutcome.CLEARED_TO_RUN)),
                 TODAY)
    assert a.referral is Referral.ROUTINE
    item = rules_of(a)["timeline.slower_than_expected"]
    assert item.level is Level.WARNING and "assessed_on" not in item.why


def test_a_warning_sign_after_the_assessment_still_refers():
    h = slow(ProfessionalAssessment(ago(7)))
    cs = [c for c in h.checkins if c.day != ago(2)]
    cs.append(clean(ago(2), pain_rest=2, pain_next_morning=2, sharp_pain=True))
    a = evaluate(dataclasses.replace(h, checkins=tuple(sorted(cs, key=lambda c: c.day))),
                 TODAY)
    assert a.referral is Referral.ROUTINE and "2026-03-14" in a.referral_reason


# --------------------------------------------------------------------- persistent high pain

def high_week(today_pain: int, *assessments: ProfessionalAssessment):
    """Pain 7 on the three days before today."""
    cs = [clean(ago(k)) for k in range(4, 20)]
    cs += [clean(ago(k), pain_rest=7, pain_next_morning=7) for k in (1, 2, 3)]
    cs.append(clean(TODAY, pain_rest=today_pain, pain_next_morning=today_pain))
    h = history(sorted(cs, key=lambda c: c.day), prof=profile(ago(20)))
    return dataclasses.replace(h, assessments=assessments)


def test_high_pain_on_three_days_asks_for_an_assessment():
    a = evaluate(high_week(3), TODAY)
    assert a.referral is Referral.ROUTINE and "pain.persistent_high" in rules_of(a)


@pytest.mark.parametrize("back", [0, 1])
def test_an_assessment_on_or_after_the_high_days_answers_it(back):
    a = evaluate(high_week(3, ProfessionalAssessment(ago(back))), TODAY)
    assert a.referral is Referral.NONE
    assert "pain.persistent_high" not in rules_of(a)
    # pain 3 today, a morning worse than the week before: the pain rules still speak
    assert a.verdict in (Verdict.MODIFY, Verdict.HOLD)


def test_high_days_after_the_assessment_count_again():
    # assessed after the first high day: two high days since, not three
    a = evaluate(high_week(3, ProfessionalAssessment(ago(3))), TODAY)
    assert a.referral is Referral.NONE
    # assessed before them all: three high days since
    a = evaluate(high_week(3, ProfessionalAssessment(ago(4))), TODAY)
    assert a.referral is Referral.ROUTINE and "pain.persistent_high" in rules_of(a)
    # assessed after two of them, then high pain today as well: three since? no, two
    a = evaluate(high_week(7, ProfessionalAssessment(ago(2))), TODAY)
    assert a.referral is Referral.NONE and a.verdict is Verdict.STOP
    # assessed after one of them, high pain today: three since
    a = evaluate(high_week(7, ProfessionalAssessment(ago(3))), TODAY)
    assert a.referral is Referral.ROUTINE
