"""Recovery's headline never reads against the day's verdict: on a stop (a professional's
"no running" or a warning sign) it gives the time since the pain started and the stop's own
sentence, not "on track" or "settled"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn, History, Profile, Verdict
from hamstring_app.core.rules import evaluate
from hamstring_app.ui.progress.summary import SummaryHeader
from hamstring_app.ui.verdicts import sentence_for

TODAY = date(2026, 3, 18)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)
STATUSES = ("on_track", "slower_than_expected", "recovered")


def _history(*, professional: bool, flag_today: bool = False) -> History:
    checkins = [
        CheckIn(day=TODAY - timedelta(days=k), pain_rest=0, pain_next_morning=0,
                settled_within_24h=True,
                **{**NO_FLAGS, "sharp_pain": flag_today and k == 0})
        for k in range(10, -1, -1)
    ]
    said = (ProfessionalAssessment(TODAY - timedelta(days=3), AssessmentOutcome.NO_RUNNING),)
    return History(
        profile=Profile(injury_start=TODAY - timedelta(days=30)),
        checkins=tuple(checkins),
        assessments=said if professional else (),
    )


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("kind", ["professional", "warning sign"])
def test_on_a_stop_the_headline_gives_the_stops_sentence(qapp, kind, status):
    history = _history(professional=kind == "professional", flag_today=kind == "warning sign")
    assessment = evaluate(history, TODAY)
    assert assessment.verdict is Verdict.STOP
    assessment = replace(assessment, recovery=replace(assessment.recovery, status=status))
    text = SummaryHeader().headline_text(history, assessment, TODAY)
    assert text.startswith("4 weeks and 2 days since the pain started: inside the usual ")
    assert sentence_for(assessment) in text
    for judgement in ("on track", "settled", "slower than expected", "Keep up"):
        assert judgement not in text


def test_the_professionals_stop_day_reads_as_their_advice(qapp):
    history = _history(professional=True)
    assessment = evaluate(history, TODAY)
    text = SummaryHeader().headline_text(history, assessment, TODAY)
    assert "as the professional who assessed you advised" in text


def test_without_a_stop_the_headline_still_judges_the_timeline(qapp):
    history = _history(professional=False)
    assessment = evaluate(history, TODAY)
    assert assessment.verdict is not Verdict.STOP
    text = SummaryHeader().headline_text(history, assessment, TODAY)
    words = {"on_track": "on track", "slower_than_expected": "slower than expected",
             "recovered": "settled"}[assessment.recovery.status]
    assert words in text
