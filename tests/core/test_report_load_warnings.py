"""The report's load-warning weeks: read off one day index of the whole history, they are
the days on which a full assessment as of that day gives a load warning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import Level
from hamstring_app.core.report import WARNING_WEEKS, WEEKLY_WARNING_RULES, _load_warning_days
from hamstring_app.core.rules import evaluate


def by_full_assessment(history, start: date, end: date, step: int) -> set[date]:
    days = set()
    day = end
    while day >= max(start, end - timedelta(weeks=WARNING_WEEKS)):
        if any(a.rule in WEEKLY_WARNING_RULES and a.level.rank >= Level.WARNING.rank
               for a in evaluate(history, day).advice):
            days.add(day)
        day -= timedelta(days=step)
    return days


@pytest.mark.parametrize(("end", "weeks", "days", "step"), [
    (date(2026, 6, 30), 12, 120, 2),
    (date(2025, 3, 3), 40, 200, 3),
])
def test_the_same_days_as_a_full_assessment_of_each_day(end, weeks, days, step):
    history = build_demo_history(end, weeks=weeks)
    start = end - timedelta(days=days)
    expected = by_full_assessment(history, start, end, step)
    assert expected  # the demo stories hold load warnings, so the check means something
    assert _load_warning_days(history, start, end, step) == expected


def test_days_before_the_first_record_have_no_warning():
    end = date(2026, 6, 30)
    history = build_demo_history(end, weeks=12)
    first = min(r.day for r in (*history.checkins, *history.runs, *history.strength_sessions))
    start = first - timedelta(days=60)
    assert end - timedelta(weeks=WARNING_WEEKS) < start  # those days are looked at
    assert _load_warning_days(history, start, end, 1) == _load_warning_days(
        history, first, end, 1
    )
