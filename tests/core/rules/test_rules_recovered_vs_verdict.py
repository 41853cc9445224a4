"""'Recovered' never stands beside a professional's 'not yet': while the latest assessment
says rehab only or no running, the verdict is stop, so the recovery status is not
`recovered` and `timeline.recovered` ("Pain-free: keep the gains") is not shown, even on
pain-free days or an episode the runner marked as recovered."""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import TODAY, ago, clean, history, profile

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
)
from hamstring_app.core.models import Verdict
from hamstring_app.core.rules import evaluate


def pain_free_fortnight():
    return history([clean(ago(k)) for k in range(14)], prof=profile(ago(30)))


def rules(a):
    return {x.rule for x in a.advice}


@pytest.mark.parametrize(
    "outcome", [AssessmentOutcome.REHAB_ONLY, AssessmentOutcome.NO_RUNNING]
)
def test_not_recovered_while_a_professional_says_not_to_run(outcome):
    h = dataclasses.replace(
        pain_free_fortnight(), assessments=(ProfessionalAssessment(ago(2), outcome),)
    )
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.STOP
    assert a.recovery.status != "recovered"
    assert "timeline.recovered" not in rules(a)


def test_an_episode_marked_recovered_is_not_recovered_while_a_professional_says_not_yet():
    h = dataclasses.replace(
        pain_free_fortnight(),
        episodes=(Episode(ago(30), ended=ago(1), end_reason=EpisodeEnd.RECOVERED),),
        assessments=(ProfessionalAssessment(ago(3), AssessmentOutcome.NO_RUNNING),),
    )
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.STOP
    assert a.recovery.status != "recovered"
    assert "timeline.recovered" not in rules(a)


@pytest.mark.parametrize("later", [AssessmentOutcome.CLEARED_TO_RUN, None])
def test_recovered_again_once_a_later_assessment_lifts_it(later):
    h = dataclasses.replace(
        pain_free_fortnight(),
        assessments=(
            ProfessionalAssessment(ago(6), AssessmentOutcome.REHAB_ONLY),
            ProfessionalAssessment(ago(2), later),
        ),
    )
    a = evaluate(h, TODAY)
    assert a.verdict is Verdict.CONTINUE
    assert a.recovery.status == "recovered"
    assert "timeline.recovered" in rules(a)
