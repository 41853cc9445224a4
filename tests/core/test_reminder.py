"""The reminder's schedule: due or not, and the next moment it is due."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hamstring_app.core.reminder import next_reminder_at, reminder_due
from hamstring_app.core.settings import Settings

EVENING = Settings(reminder_time="20:00")
MORNING = datetime(2026, 3, 18, 9, 15)


def test_due_rules():
    evening = datetime(2026, 3, 18, 20, 0)
    assert reminder_due(evening, EVENING, done_today=False, reminded_on=None)
    assert not reminder_due(evening - timedelta(minutes=1), EVENING, False, None)
    assert not reminder_due(evening, EVENING, True, None)
    assert not reminder_due(evening, EVENING, False, evening.date())
    assert reminder_due(evening, EVENING, False, evening.date() - timedelta(days=1))
    assert not reminder_due(evening, Settings(reminder_enabled=False), False, None)


def test_next_is_todays_time_while_it_is_ahead():
    assert next_reminder_at(MORNING, EVENING, False, None) == datetime(2026, 3, 18, 20, 0)


def test_next_is_now_when_due():
    late = datetime(2026, 3, 18, 21, 40, 12)
    assert next_reminder_at(late, EVENING, False, None) == late


def test_next_is_tomorrow_once_done_or_reminded():
    tomorrow = datetime(2026, 3, 19, 20, 0)
    late = datetime(2026, 3, 18, 21, 40)
    assert next_reminder_at(MORNING, EVENING, True, None) == tomorrow  # checked in early
    assert next_reminder_at(late, EVENING, True, None) == tomorrow
    assert next_reminder_at(late, EVENING, False, late.date()) == tomorrow


def test_next_follows_the_time_setting_and_the_switch():
    assert next_reminder_at(MORNING, Settings(reminder_time="07:30"), False, None) == MORNING
    at_ten = next_reminder_at(MORNING, Settings(reminder_time="10:05"), False, None)
    assert at_ten == datetime(2026, 3, 18, 10, 5)
    assert next_reminder_at(MORNING, Settings(reminder_enabled=False), False, None) is None


def test_next_keeps_the_time_zone_of_now():
    now = datetime(2026, 3, 18, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    at = next_reminder_at(now, EVENING, False, None)
    assert at is not None and at.tzinfo == now.tzinfo and (at - now) == timedelta(
        hours=10, minutes=45
    )
