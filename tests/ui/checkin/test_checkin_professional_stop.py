"""The Today tab's headline under a professional's "rehab only" or "no running"."""

from __future__ import annotations

from datetime import timedelta

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn

NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def clean(day, **kw) -> CheckIn:
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True, **NO_FLAGS}
    return CheckIn(day=day, **{**values, **kw})


def test_the_headline_does_not_ask_an_assessed_runner_to_get_assessed(env):
    env.repo.save_checkin(clean(env.today))
    env.repo.add_assessment(ProfessionalAssessment(env.today - timedelta(days=2),
                                                   AssessmentOutcome.NO_RUNNING))
    env.reload()
    env.tab.refresh_now()
    panel = env.tab.verdict
    assert panel.assessment.verdict.value == "stop"
    assert panel.verdict_label.text() == "Stop running for now"
    assert "Stop running for now" in panel.header.accessibleName()
    assert "get assessed" not in panel.header.accessibleName()
    assert "as the professional who assessed you advised" in panel.summary_label.text()

    # a warning sign the same day: the usual stop, with its referral
    env.repo.save_checkin(clean(env.today, sharp_pain=True))
    env.reload()
    env.tab.refresh_now()
    assert panel.verdict_label.text() == "Stop and get assessed"
    assert "Have your hamstring checked" in panel.summary_label.text()
    assert panel.referral.isVisible()
