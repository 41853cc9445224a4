"""Two assessments recorded on the same day never depend on the order they were given in:
the more cautious one counts (a "rehab only" or "no running" outcome over "cleared to run" or
none), for the verdict, the ladder and `last_assessment` alike."""

from __future__ import annotations

import dataclasses

import pytest
from rules_helpers import TODAY, ago, clean, history, profile, run

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import Verdict
from hamstring_app.core.rules import evaluate

CAUTIOUS = [AssessmentOutcome.REHAB_ONLY, AssessmentOutcome.NO_RUNNING]
LIFTING = [AssessmentOutcome.CLEARED_TO_RUN, None]


def calm():
    cs = [clean(ago(k)) for k in range(14)]
    runs = [run(ago(k), 5.0, pain=0, duration_min=30.0, rpe=3) for k in (2, 5, 9, 12)]
    return history(cs, runs, prof=profile(ago(20)))


@pytest.mark.parametrize("cautious", CAUTIOUS)
@pytest.mark.parametrize("lifting", LIFTING)
@pytest.mark.parametrize("cautious_first", [True, False])
def test_the_cautious_outcome_counts_whatever_the_order(cautious, lifting, cautious_first):
    pair = [ProfessionalAssessment(ago(3), cautious), ProfessionalAssessment(ago(3), lifting)]
    if not cautious_first:
        pair.reverse()
    a = evaluate(dataclasses.replace(calm(), assessments=tuple(pair)), TODAY)
    assert a.verdict is Verdict.STOP
    assert "pain.professional_no_running" in {x.rule for x in a.advice}
    assert a.last_assessment is not None and a.last_assessment.outcome is cautious
    assert a.prescription is not None and not a.prescription.today.running


@pytest.mark.parametrize("cautious", CAUTIOUS)
def test_a_later_day_still_lifts_it(cautious):
    pair = (ProfessionalAssessment(ago(2), AssessmentOutcome.CLEARED_TO_RUN),
            ProfessionalAssessment(ago(3), cautious))
    a = evaluate(dataclasses.replace(calm(), assessments=pair), TODAY)
    assert a.verdict is not Verdict.STOP
