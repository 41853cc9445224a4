"""When the daily check-in reminder is due, and when to look again. "Now" is a parameter."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hamstring_app.core.settings import Settings


def _at(day_of: datetime, settings: Settings) -> datetime:
    hour, minute = settings.reminder_hour_minute
    return day_of.replace(hour=hour, minute=minute, second=0, microsecond=0)


def reminder_due(
    now: datetime, settings: Settings, done_today: bool, reminded_on: date | None
) -> bool:
    """Is it time to remind: on, past the reminder time, today's check-in not done and no
    reminder yet today?"""
    if not settings.reminder_enabled or done_today:
        return False
    if reminded_on == now.date():
        return False
    hour, minute = settings.reminder_hour_minute
    return now.time().replace(tzinfo=None) >= time(hour, minute)


def next_reminder_at(
    now: datetime, settings: Settings, done_today: bool, reminded_on: date | None
) -> datetime | None:
    """The moment the reminder is next due: ``now`` when it is due already, today's
    reminder time when that is still ahead, else tomorrow's. None when reminders are off."""
    if not settings.reminder_enabled:
        return None
    if reminder_due(now, settings, done_today, reminded_on):
        return now
    today_at = _at(now, settings)
    if now < today_at and not done_today:
        return today_at
    return _at(now + timedelta(days=1), settings)
