"""The verdict's headline on a stop that rests only on a professional's "rehab only" or
"no running": the runner has been assessed, so it does not ask them to get assessed."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn, History, Profile, Verdict
from hamstring_app.core.report import build_report
from hamstring_app.core.rules import evaluate
from hamstring_app.ui.report_pdf import report_html
from hamstring_app.ui.verdicts import (
    sentence_for,
    verdict_sentence,
    verdict_word,
    word_for,
    word_for_plain,
)

TODAY = date(2026, 3, 18)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)
PROFESSIONAL_STOP = "Stop running for now"


def clean(day: date, **kw: object) -> CheckIn:
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True, **NO_FLAGS}
    return CheckIn(day=day, **{**values, **kw})  # type: ignore[arg-type]


def history(today_kw: dict | None = None, outcome=AssessmentOutcome.REHAB_ONLY) -> History:
    checkins = [clean(TODAY - timedelta(days=k)) for k in range(1, 10)]
    checkins.append(clean(TODAY, **(today_kw or {})))
    assessments = () if outcome is False else (
        ProfessionalAssessment(TODAY - timedelta(days=3), outcome),
    )
    return History(
        profile=Profile(injury_start=TODAY - timedelta(days=30)),
        checkins=tuple(sorted(checkins, key=lambda c: c.day)),
        assessments=assessments,
    )


@pytest.mark.parametrize("outcome", [AssessmentOutcome.REHAB_ONLY, AssessmentOutcome.NO_RUNNING])
def test_a_professionals_not_yet_has_its_own_headline(qapp, outcome):
    a = evaluate(history(outcome=outcome), TODAY)
    assert a.verdict is Verdict.STOP
    assert word_for(a) == PROFESSIONAL_STOP == word_for_plain(a)
    assert "get assessed" not in word_for(a)
    assert "as the professional who assessed you advised" in sentence_for(a)


def test_high_pain_under_rehab_only_keeps_the_professionals_words(qapp):
    """pain above 5 is a stop of its own, but no referral opens on one day: the professional
    who gave the rehab is still the one to follow; headline and sentence agree."""
    a = evaluate(history({"pain_rest": 7}), TODAY)
    assert a.verdict is Verdict.STOP
    assert word_for(a) == PROFESSIONAL_STOP
    assert "as the professional who assessed you advised" in sentence_for(a)


@pytest.mark.parametrize("sign", ["sharp_pain", "nerve_signs", "sudden_onset_with_weakness"])
def test_a_warning_sign_the_same_day_keeps_stop_and_get_assessed(qapp, sign):
    a = evaluate(history({sign: True}), TODAY)
    assert a.verdict is Verdict.STOP and a.referral.value != "none"
    assert word_for(a) == verdict_word(Verdict.STOP) == "Stop and get assessed"
    assert word_for_plain(a) == "Stop and get assessed"
    assert sentence_for(a) == verdict_sentence(Verdict.STOP)


@pytest.mark.parametrize(
    "outcome", [AssessmentOutcome.CLEARED_TO_RUN, None, False]  # False: no assessment
)
def test_other_days_keep_the_usual_word(qapp, outcome):
    a = evaluate(history(outcome=outcome), TODAY)
    assert word_for(a) == verdict_word(a.verdict)
    stop = evaluate(history({"pain_rest": 7}, outcome=outcome), TODAY)
    assert stop.verdict is Verdict.STOP
    assert word_for(stop) == "Stop and get assessed"


def test_the_report_for_a_professional_uses_the_same_headline(qapp):
    h = history()
    report = build_report(h, start=TODAY - timedelta(days=13), end=TODAY)
    assert report.assessment.verdict is Verdict.STOP
    html = report_html(report)
    assert f"<b>{PROFESSIONAL_STOP}</b>" in html
    assert "Stop and get assessed" not in html
    flagged = dataclasses.replace(h, checkins=(*h.checkins[:-1], clean(TODAY, sharp_pain=True)))
    html = report_html(build_report(flagged, start=TODAY - timedelta(days=13), end=TODAY))
    assert "<b>Stop and get assessed</b>" in html
