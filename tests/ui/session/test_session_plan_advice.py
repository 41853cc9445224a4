"""The plan view's running line speaks only when a recent check-in backs it."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import CheckIn
from hamstring_app.ui.events import Changes, Kind

TODAY = date(2026, 3, 18)


def _running_line(tab) -> str:
    tab.refresh_now()
    return tab.plan_view.summary_label.text()


def test_no_recent_checkin_asks_for_one(strength_app):
    app, tab = strength_app()
    app.ctx.repo.save_checkin(CheckIn(day=TODAY - timedelta(days=2), pain_rest=1))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN))
    text = _running_line(tab)
    assert "Check in on the Today tab for today's running advice" in text
    assert "Running today" not in text
    assert tab.plan_view.verdict_icon.pixmap().isNull()


def test_a_checkin_yesterday_gives_the_running_advice(strength_app):
    app, tab = strength_app()
    app.ctx.repo.save_checkin(CheckIn(day=TODAY - timedelta(days=1), pain_rest=1))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN))
    text = _running_line(tab)
    assert "Running today:" in text
    assert "Check in on the Today tab" not in text
