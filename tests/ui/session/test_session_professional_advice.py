"""The Strength tab's running line under a professional's "rehab only": it says whose
advice the stop is, and does not ask the runner to get checked again."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.episodes import AssessmentOutcome, ProfessionalAssessment
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn
from hamstring_app.ui.events import Changes, Kind

TODAY = date(2026, 3, 18)
NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def test_rehab_only_says_whose_advice_the_stop_is(strength_app):
    app, tab = strength_app()
    repo = app.ctx.repo
    repo.save_checkin(CheckIn(day=TODAY, pain_rest=0, pain_next_morning=0,
                              settled_within_24h=True, **NO_FLAGS))
    repo.add_assessment(ProfessionalAssessment(TODAY - timedelta(days=1),
                                               AssessmentOutcome.REHAB_ONLY))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, Kind.ASSESSMENT))
    tab.refresh_now()
    text = tab.plan_view.summary_label.text()
    assert "as the professional who assessed you advised" in text
    assert "Have your hamstring checked" not in text
    # cleared since: the usual words again
    repo.add_assessment(ProfessionalAssessment(TODAY, AssessmentOutcome.CLEARED_TO_RUN))
    app.ctx.ops.announce(Changes.of(Kind.ASSESSMENT))
    tab.refresh_now()
    assert "as the professional who assessed you advised" not in tab.plan_view.summary_label.text()
